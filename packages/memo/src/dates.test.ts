import { describe, expect, it } from 'vitest';
import {
  findDateTimes,
  helsinkiOffsetMinutes,
  parseDateTime,
  toHelsinkiIso,
  yearFromFileName,
} from './dates.js';

describe('parseDateTime', () => {
  it.each([
    ['ma 11.3.2019 klo 13.00 - 15.00', { year: 2019, month: 3, day: 11 }, [13, 0], [15, 0]],
    ['2.10.2017, 10.15 – 15.30', { year: 2017, month: 10, day: 2 }, [10, 15], [15, 30]],
    ['Torstai 15.4.2010 klo 10.15 - 15.30', { year: 2010, month: 4, day: 15 }, [10, 15], [15, 30]],
    ['pe 17.5. klo 10-15', { year: null, month: 5, day: 17 }, [10, 0], [15, 0]],
    ['ma 16.3.2020 klo 13:00–14:30', { year: 2020, month: 3, day: 16 }, [13, 0], [14, 30]],
    ['ti 8.10.2019 alkaen klo 12', { year: 2019, month: 10, day: 8 }, [12, 0], null],
    ['11.3.19 kello 9—11', { year: 2019, month: 3, day: 11 }, [9, 0], [11, 0]],
  ] as const)('reads %s', (text, date, start, end) => {
    const found = parseDateTime(text);
    expect(found?.date).toEqual(date);
    expect(found?.start).toEqual({ hour: start[0], minute: start[1] });
    expect(found?.end).toEqual(end === null ? null : { hour: end[0], minute: end[1] });
  });

  it('does not read times or ordinals as dates', () => {
    expect(findDateTimes('klo 10.15 - 15.30')).toEqual([]);
    expect(findDateTimes('alkaa klo 9.10. ja päättyy')).toEqual([]);
    expect(findDateTimes('pääkirjaston 4. kerroksessa')).toEqual([]);
    expect(findDateTimes('31.2.2019 ja 12.13.2019')).toEqual([]);
  });

  it('does not take a bare number after a date for a time', () => {
    expect(parseDateTime('11.3.2019 6 osallistujaa')?.start).toBeNull();
  });

  it('keeps the times of each day of a two-day meeting apart', () => {
    const days = findDateTimes('ti 8.10.2019 klo 12.00 – 16.00\nke 9.10.2019 klo 9.00 – 14.00');
    expect(days.map((d) => [d.date.day, d.start?.hour, d.end?.hour])).toEqual([
      [8, 12, 16],
      [9, 9, 14],
    ]);
  });
});

describe('Helsinki offsets', () => {
  it('switches on the last Sundays of March and October', () => {
    // 2019: summer time from 31.3. 03:00 local to 27.10. 04:00 local.
    expect(toHelsinkiIso({ year: 2019, month: 3, day: 31 }, { hour: 2, minute: 59 })).toBe(
      '2019-03-31T02:59:00+02:00',
    );
    expect(toHelsinkiIso({ year: 2019, month: 3, day: 31 }, { hour: 4, minute: 0 })).toBe(
      '2019-03-31T04:00:00+03:00',
    );
    expect(toHelsinkiIso({ year: 2019, month: 10, day: 27 }, { hour: 2, minute: 30 })).toBe(
      '2019-10-27T02:30:00+03:00',
    );
    expect(toHelsinkiIso({ year: 2019, month: 10, day: 27 }, { hour: 4, minute: 0 })).toBe(
      '2019-10-27T04:00:00+02:00',
    );
    expect(toHelsinkiIso({ year: 2019, month: 5, day: 17 }, { hour: 10, minute: 0 })).toBe(
      '2019-05-17T10:00:00+03:00',
    );
  });

  it('agrees with the ICU time zone data at noon on every day of 2010–2030', () => {
    const format = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Helsinki',
      timeZoneName: 'shortOffset',
    });
    const mismatches: string[] = [];
    for (let t = Date.UTC(2010, 0, 1, 10); t < Date.UTC(2031, 0, 1); t += 86_400_000) {
      const d = new Date(t);
      const icu = format.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
      const ours = helsinkiOffsetMinutes(
        d.getUTCFullYear(),
        d.getUTCMonth() + 1,
        d.getUTCDate(),
        12,
        0,
      );
      if (icu !== `GMT+${ours / 60}`) mismatches.push(d.toISOString());
    }
    expect(mismatches).toEqual([]);
  });

  it('writes 24.00 as the next day', () => {
    expect(toHelsinkiIso({ year: 2019, month: 12, day: 31 }, { hour: 24, minute: 0 })).toBe(
      '2020-01-01T00:00:00+02:00',
    );
  });
});

describe('yearFromFileName', () => {
  it('finds the year in common memo file names', () => {
    expect(yearFromFileName('muistio-2019-03-11.md')).toBe(2019);
    expect(yearFromFileName('AKE muistio 11.3.2019.docx')).toBe(2019);
    expect(yearFromFileName('muistio.docx')).toBeNull();
    expect(yearFromFileName(undefined)).toBeNull();
  });
});
