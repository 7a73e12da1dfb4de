/**
 * Shared by the directory's pages (organisations and people): how their form values are read
 * and sent, and how the API's errors read on these forms.
 */
import { type ApiUserError, type FieldErrors, fieldErrors, formText } from './forms';
import { type MessageKey, type Translate } from './i18n';

/** The kinds of organisation, in the order the form offers them. */
export const ORGANISATION_KINDS = [
  'LIBRARY',
  'BRANCH_LIBRARY',
  'BOOKMOBILE',
  'LIBRARY_NETWORK',
  'AUTHORITY',
  'OTHER',
] as const;

/** Roles in the working group, in the order the form offers them. */
export const GROUP_ROLES = ['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER'] as const;

/** The text fields of the organisation form. */
export const ORGANISATION_FIELDS = [
  'kind',
  'name',
  'nameSv',
  'nameEn',
  'shortName',
  'isil',
  'city',
  'street',
  'zipcode',
  'area',
  'latitude',
  'longitude',
  'homepage',
] as const;

/** The text fields of the person form. */
export const PERSON_FIELDS = ['name', 'email', 'jobTitle', 'team', 'organisationId'] as const;

export type FormValues = Record<string, string>;

/** The named fields of a submitted form, trimmed. */
export function formValues(form: FormData, names: readonly string[]): FormValues {
  return Object.fromEntries(names.map((name) => [name, formText(form, name)]));
}

/**
 * A coordinate as typed ("65,0121" or "65.0121"); blank is null. Not a number is an INVALID
 * error on the field, found before the API is asked (GraphQL would refuse the whole request).
 */
export function parseCoordinate(
  values: FormValues,
  field: 'latitude' | 'longitude',
  errors: ApiUserError[],
): number | null {
  const text = (values[field] ?? '').replace(',', '.');
  if (!text) return null;
  const value = Number(text);
  if (!Number.isFinite(value)) {
    errors.push({ field, code: 'INVALID', message: 'Not a number' });
    return null;
  }
  return value;
}

/** The organisation form's values as the API's input (blank optional fields clear them). */
export function organisationInput(values: FormValues, errors: ApiUserError[]) {
  const optional = (name: string) => values[name] || null;
  return {
    kind: (ORGANISATION_KINDS as readonly string[]).includes(values.kind ?? '')
      ? (values.kind as (typeof ORGANISATION_KINDS)[number])
      : 'LIBRARY',
    name: values.name ?? '',
    nameSv: optional('nameSv'),
    nameEn: optional('nameEn'),
    shortName: optional('shortName'),
    isil: optional('isil'),
    city: optional('city'),
    street: optional('street'),
    zipcode: optional('zipcode'),
    area: optional('area'),
    latitude: parseCoordinate(values, 'latitude', errors),
    longitude: parseCoordinate(values, 'longitude', errors),
    homepage: optional('homepage'),
  };
}

/** The person form's values as the API's input. */
export function personInput(values: FormValues) {
  return {
    name: values.name ?? '',
    email: values.email || null,
    jobTitle: values.jobTitle || null,
    team: values.team || null,
    organisationId: values.organisationId || null,
  };
}

/** The fields whose DUPLICATE has its own message. */
const DUPLICATE_FIELDS = new Set(['name', 'isil', 'role']);

/**
 * Field errors in the directory's words: a DUPLICATE is a name or ISIL another organisation
 * has (not a saved link), and a CONFLICT on a period is an overlap with another one.
 */
export function directoryErrors(errors: readonly ApiUserError[], t: Translate): FieldErrors {
  const out = fieldErrors(errors, t);
  for (const error of errors) {
    const field = error.field.split('.')[0] ?? '';
    if (error.code === 'DUPLICATE' && DUPLICATE_FIELDS.has(field)) {
      out[field] = t(`directory.error.duplicate.${field}` as MessageKey);
    }
    if (error.code === 'CONFLICT' && (field === 'validFrom' || field === 'validTo')) {
      out[field] = t('directory.error.overlap');
    }
  }
  return out;
}

/** A period as people write it: "1.1.2020–31.12.2024", "1.1.2020 alkaen", "– 31.12.2019". */
export function formatPeriod(
  t: Translate,
  from: string | null | undefined,
  to: string | null | undefined,
  formatDay: (date: string) => string,
): string {
  if (from && to) return `${formatDay(from)}–${formatDay(to)}`;
  if (from) return t('directory.period.from', { date: formatDay(from) });
  if (to) return t('directory.period.until', { date: formatDay(to) });
  return t('directory.period.always');
}
