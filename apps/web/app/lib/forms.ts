/** Field errors of the API's payloads, translated through the catalogue by their code. */
import { type MessageKey, type Translate } from './i18n';

export interface ApiUserError {
  field: string;
  code: string;
  message: string;
}

export type FieldErrors = Record<string, string>;

/** One message per field (the first), keyed by the field path; "" is the form itself. */
export function fieldErrors(errors: readonly ApiUserError[], t: Translate): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    const field = error.field.split('.')[0] ?? '';
    if (out[field]) continue;
    out[field] = t(`error.${error.code}` as MessageKey);
  }
  return out;
}

/** A trimmed string of a form, or '' when missing. */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** Tags typed as "a, b, c". */
export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The database id of a DUPLICATE resource error's message ("… (resource 12)"). */
export function duplicateResourceId(errors: readonly ApiUserError[]): number | null {
  const duplicate = errors.find((e) => e.code === 'DUPLICATE');
  const match = duplicate ? /\(resource (\d+)\)/.exec(duplicate.message) : null;
  return match ? Number(match[1]) : null;
}

/** The global id of a resource's database id (the API's `base64url("Resource:<id>")`). */
export function resourceGlobalId(id: number): string {
  return btoa(`Resource:${id}`).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
