/**
 * Validation at the edge of the domain: zod schemas for inputs, and the mapping of zod issues to
 * `UserError`s that name the field. Browser-safe (no ORM imports), so the web app can reuse the
 * same rules for its forms.
 */
import { z } from 'zod';
import { type Result, type UserError, type UserErrorCode, fail, ok } from './errors.js';
import { isValidDate, parseDateTime } from './time.js';

/** Length limits shared by every module, so a title means the same everywhere. */
export const LIMITS = {
  name: 200,
  title: 300,
  shortText: 2_000,
  longText: 100_000,
  url: 2_048,
  tag: 60,
} as const;

/** The languages content is written in. */
export const LANGUAGES = ['fi', 'sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A required, trimmed string of at most `max` characters. */
export function requiredText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Must be text') })
    .trim()
    .min(1, { error: 'Required' })
    .max(max, { error: `At most ${max} characters` });
}

/** An optional string: blank becomes null, so "" never overwrites with an empty value by accident. */
export function optionalText(max: number) {
  return z
    .string({ error: 'Must be text' })
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** True for an absolute http(s) URL with a host: `javascript:`, `data:` and relative URLs are not. */
export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

/** An absolute http(s) URL. */
export function httpUrl() {
  return z
    .string({ error: 'Required' })
    .trim()
    .min(1, { error: 'Required' })
    .max(LIMITS.url, { error: `At most ${LIMITS.url} characters` })
    .refine(isHttpUrl, {
      error: 'Must be an http:// or https:// address',
      params: { code: 'INVALID_URL' },
    });
}

/** An optional absolute http(s) URL; blank becomes null. */
export function optionalHttpUrl() {
  return z
    .string()
    .trim()
    .max(LIMITS.url, { error: `At most ${LIMITS.url} characters` })
    .refine((v) => v === '' || isHttpUrl(v), {
      error: 'Must be an http:// or https:// address',
      params: { code: 'INVALID_URL' },
    })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** A calendar date `YYYY-MM-DD`. */
export function calendarDate() {
  return z.string({ error: 'Required' }).refine(isValidDate, {
    error: 'Must be a date written YYYY-MM-DD',
    params: { code: 'INVALID_DATE' },
  });
}

/** A date-time: ISO 8601 with offset, or local `YYYY-MM-DDTHH:mm` in Helsinki time. */
export function dateTime() {
  return z.string({ error: 'Required' }).transform((value, ctx) => {
    const parsed = parseDateTime(value);
    if (!parsed) {
      ctx.addIssue({
        code: 'custom',
        message: 'Must be a date and time, e.g. 2019-03-11T13:00 or 2019-03-11T13:00:00+02:00',
        params: { code: 'INVALID_DATE' },
      });
      return z.NEVER;
    }
    return parsed;
  });
}

/** A positive database id. */
export function id() {
  return z.number({ error: 'Must be a number' }).int().positive();
}

/** A record's version for optimistic locking. */
export function version() {
  return z.number({ error: 'Required' }).int().min(1);
}

function codeOf(issue: z.core.$ZodIssue): UserErrorCode {
  switch (issue.code) {
    case 'custom': {
      const code = (issue.params as { code?: UserErrorCode } | undefined)?.code;
      return code ?? 'INVALID';
    }
    case 'too_big':
      return issue.origin === 'number' ? 'TOO_LARGE' : 'TOO_LONG';
    case 'too_small':
      if (issue.origin === 'number') return 'TOO_SMALL';
      return issue.origin === 'string' && issue.minimum === 1 ? 'REQUIRED' : 'TOO_SHORT';
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? 'REQUIRED' : 'INVALID';
    default:
      return 'INVALID';
  }
}

/** Maps zod issues to field errors (`agenda.0.title`), one per field and problem. */
export function toUserErrors(error: z.ZodError): UserError[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join('.'),
    code: codeOf(issue),
    message: issue.message,
  }));
}

/** Validates input against a schema, returning the parsed value or field errors. */
export function validate<S extends z.ZodType>(schema: S, input: unknown): Result<z.output<S>> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : fail(toUserErrors(parsed.error));
}

/** One field error, for checks zod cannot make (a reference to an unknown record, a duplicate). */
export function fieldError(field: string, code: UserErrorCode, message: string): UserError {
  return { field, code, message };
}

/**
 * Normalises a name for matching ("Oulun  kaupunginkirjasto" and "oulun kaupunginkirjasto" are
 * the same organisation): NFC, lower case, single spaces, no surrounding punctuation.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('fi')
    .replace(/[\s\u00a0]+/g, ' ')
    .replace(/^[\s.,;:]+|[\s.,;:]+$/g, '');
}

/** A URL-safe identifier from a name, keeping Finnish letters readable (ä → a, ö → o, å → a). */
export function slugify(name: string): string {
  return normaliseName(name)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
