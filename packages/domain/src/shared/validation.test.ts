import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseDateTime } from './time.js';
import {
  LIMITS,
  calendarDate,
  dateTime,
  hasInvalidCharacters,
  httpUrl,
  optionalText,
  requiredText,
  stripInvisibleCharacters,
  validate,
} from './validation.js';

const NUL = '\u0000';
const LONE_HIGH = '\ud83d';
const LONE_LOW = '\ude00';

describe('text without control characters', () => {
  const schema = z.object({
    title: requiredText(LIMITS.title),
    notes: optionalText(LIMITS.longText),
    url: httpUrl(),
  });
  const valid = { title: 'Otsikko', notes: null, url: 'https://example.org/' };

  it.each([
    ['NUL', `Kirjasto${NUL}`],
    ['ESC', 'a\u001b[31mb'],
    ['highlight marker U+0002', 'a\u0002b'],
    ['DEL', 'a\u007fb'],
    ['C1 control U+0085', 'a\u0085b'],
    ['C1 control U+009B', 'a\u009bb'],
    ['unpaired high surrogate', `a${LONE_HIGH}b`],
    ['unpaired low surrogate', `a${LONE_LOW}b`],
    ['line break in one-line text', 'two\nlines'],
    ['tab in one-line text', 'a\tb'],
  ])('refuses a title with %s, naming the field', (_, title) => {
    const result = validate(schema, { ...valid, title });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'title', code: 'INVALID_CHARACTERS' }),
    ]);
  });

  it('refuses NUL in multi-line text and URLs, and takes line breaks and tabs there', () => {
    const bad = validate(schema, {
      ...valid,
      notes: `rivi 1\n${NUL}`,
      url: `https://example.org/${NUL}`,
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.map((e) => [e.field, e.code])).toEqual(
        expect.arrayContaining([
          ['notes', 'INVALID_CHARACTERS'],
          ['url', 'INVALID_CHARACTERS'],
        ]),
      );
    }
    const good = validate(schema, { ...valid, notes: 'rivi 1\r\nrivi 2\n\tsisennys' });
    expect(good.ok).toBe(true);
  });

  it('takes every real character: emoji (surrogate pairs), Finnish, Sámi, right-to-left', () => {
    for (const title of ['Kirjasto 🐢📚', 'Ääni ja öljy å', 'Sámediggi čđŋšŧž', 'مكتبة']) {
      expect(hasInvalidCharacters(title, false)).toBe(false);
      expect(validate(schema, { ...valid, title }).ok).toBe(true);
    }
  });

  it('strips what cannot be seen from search text, keeping the rest', () => {
    expect(stripInvisibleCharacters(`kirja${NUL}sto\u0002 🐢${LONE_HIGH}`)).toBe('kirja sto  🐢');
  });
});

describe('dates and times', () => {
  const schema = z.object({ startsAt: dateTime(), day: calendarDate() });

  it.each([
    '2024-03-11T25:61',
    '2024-03-11T24:00',
    '2024-03-11T23:60',
    '2024-03-11T99:99:00',
    '2024-13-01T10:00',
    '2024-02-30T10:00',
    '2024-03-11T25:61:00+02:00',
    '2024-03-11T10:00:00+99:00',
    `2024-03-11T10:00${NUL}`,
    '',
  ])('refuses %j as a date-time with a field error, never a RangeError', (startsAt) => {
    expect(() => parseDateTime(startsAt)).not.toThrow();
    const result = validate(schema, { startsAt, day: '2024-03-11' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'startsAt', code: 'INVALID_DATE' }),
    ]);
  });

  it.each(['2024-02-30', '2024-00-10', '10.3.2024', `2024-03-11${NUL}`])(
    'refuses %j as a date',
    (day) => {
      const result = validate(schema, { startsAt: '2024-03-11T10:00', day });
      expect(result.ok).toBe(false);
      if (!result.ok)
        expect(result.errors[0]).toMatchObject({ field: 'day', code: 'INVALID_DATE' });
    },
  );

  it('takes the edges of a day', () => {
    expect(parseDateTime('2024-03-11T00:00')?.toISOString()).toBe('2024-03-10T22:00:00.000Z');
    expect(parseDateTime('2024-03-11T23:59')?.toISOString()).toBe('2024-03-11T21:59:00.000Z');
  });
});
