import { describe, expect, it } from 'vitest';
import { helsinkiToUtc, isValidDate, parseDateTime, toHelsinkiIso } from './time.js';

describe('Helsinki time', () => {
  it('converts wall-clock times in winter and summer', () => {
    expect(helsinkiToUtc('2019-03-11', '13:00').toISOString()).toBe('2019-03-11T11:00:00.000Z');
    expect(helsinkiToUtc('2019-05-17', '10:00').toISOString()).toBe('2019-05-17T07:00:00.000Z');
  });
  it('handles the days the clocks change', () => {
    expect(toHelsinkiIso(helsinkiToUtc('2019-03-31', '05:00'))).toBe('2019-03-31T05:00:00+03:00');
    expect(toHelsinkiIso(helsinkiToUtc('2019-10-27', '05:00'))).toBe('2019-10-27T05:00:00+02:00');
  });
  it('parses what users write, and nothing else', () => {
    expect(parseDateTime('2019-03-11T13:00')?.toISOString()).toBe('2019-03-11T11:00:00.000Z');
    expect(parseDateTime('2019-03-11T13:00:00+02:00')?.toISOString()).toBe(
      '2019-03-11T11:00:00.000Z',
    );
    expect(parseDateTime('11.3.2019')).toBeNull();
    expect(parseDateTime('2019-02-30T10:00')).toBeNull();
  });
  it('knows real calendar dates', () => {
    expect(isValidDate('2020-02-29')).toBe(true);
    expect(isValidDate('2019-02-29')).toBe(false);
    expect(isValidDate('2019-3-1')).toBe(false);
  });
});
