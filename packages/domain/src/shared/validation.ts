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

/**
 * Characters no text of ours may hold: C0 controls (NUL, ESC, the U+0002/U+0003 the search uses
 * as highlight markers…) and DEL and the C1 controls. Tab, line feed and carriage return are
 * allowed in multi-line text only.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
const LINE_BREAKS_AND_TABS = /[\t\n\r]/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one. */
const UNPAIRED_SURROGATE =
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * True when `value` holds a character no text field takes: a control character, an unpaired
 * surrogate (not a character at all: it cannot be stored as UTF-8), or in single-line text a
 * tab or line break.
 */
export function hasInvalidCharacters(value: string, multiline = true): boolean {
  return (
    CONTROL_CHARACTERS.test(value) ||
    new RegExp(UNPAIRED_SURROGATE.source).test(value) ||
    (!multiline && LINE_BREAKS_AND_TABS.test(value))
  );
}

/**
 * `value` without what a person could not have meant to type and would not see: control
 * characters become spaces, unpaired surrogates are dropped. For search text and filters,
 * where refusing would only puzzle.
 */
export function stripInvisibleCharacters(value: string): string {
  return value
    .replace(new RegExp(CONTROL_CHARACTERS.source, 'gu'), ' ')
    .replace(UNPAIRED_SURROGATE, '');
}

/** The issue of a text with characters it may not hold, naming the problem. */
const INVALID_CHARACTERS = {
  error: 'Must not contain control characters (such as NUL) or broken Unicode',
  params: { code: 'INVALID_CHARACTERS' },
} as const;
export const INVALID_LINE_CHARACTERS = {
  error: 'Must be one line, without control characters (such as NUL) or broken Unicode',
  params: { code: 'INVALID_CHARACTERS' },
} as const;

/**
 * Whether a field of `max` characters is multi-line text (descriptions, notes, memos) rather
 * than one line (names, titles, tags, addresses).
 */
function isMultiline(max: number): boolean {
  return max > LIMITS.title;
}

/**
 * A required, trimmed string of at most `max` characters, without control characters (line
 * breaks and tabs only in multi-line text: longer than a title, or `multiline` given).
 */
export function requiredText(max: number, options: { multiline?: boolean } = {}) {
  const multiline = options.multiline ?? isMultiline(max);
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'Required' : 'Must be text') })
    .trim()
    .min(1, { error: 'Required' })
    .max(max, { error: `At most ${max} characters` })
    .refine(
      (value) => !hasInvalidCharacters(value, multiline),
      multiline ? INVALID_CHARACTERS : INVALID_LINE_CHARACTERS,
    );
}

/**
 * An optional string: blank becomes null, so "" never overwrites with an empty value by
 * accident. Control characters are refused as in {@link requiredText}.
 */
export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  const multiline = options.multiline ?? isMultiline(max);
  return z
    .string({ error: 'Must be text' })
    .trim()
    .max(max, { error: `At most ${max} characters` })
    .refine(
      (value) => !hasInvalidCharacters(value, multiline),
      multiline ? INVALID_CHARACTERS : INVALID_LINE_CHARACTERS,
    )
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
    .refine((value) => !hasInvalidCharacters(value, false), INVALID_LINE_CHARACTERS)
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
    .refine((value) => !hasInvalidCharacters(value, false), INVALID_LINE_CHARACTERS)
    .refine((v) => v === '' || isHttpUrl(v), {
      error: 'Must be an http:// or https:// address',
      params: { code: 'INVALID_URL' },
    })
    .nullish()
    .transform((value) => (value ? value : null));
}

/** An email address, lower-cased; control characters are INVALID_CHARACTERS, as in any text. */
export function emailAddress() {
  return z
    .string({ error: 'Required' })
    .trim()
    .toLowerCase()
    .max(320, { error: 'At most 320 characters' })
    .refine((value) => !hasInvalidCharacters(value, false), {
      ...INVALID_LINE_CHARACTERS,
      abort: true,
    })
    .pipe(z.email({ error: 'Must be an email address' }));
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
