import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatDate, formatDateTime, formatRange } from './format';

describe('dates as Finns write them', () => {
  it('shows the 11.3.2019 meeting in Helsinki time', () => {
    // 13.00 in Helsinki in March (EET, UTC+2) is 11.00 UTC.
    expect(formatDateTime('2019-03-11T11:00:00.000Z')).toBe('11.3.2019 klo 13.00');
    expect(formatRange('2019-03-11T11:00:00.000Z', '2019-03-11T13:00:00.000Z')).toBe(
      '11.3.2019 klo 13.00–15.00',
    );
  });

  it('follows summer time and the date line of Helsinki, not of UTC', () => {
    expect(formatDateTime('2019-05-17T07:00:00.000Z')).toBe('17.5.2019 klo 10.00');
    expect(formatDate('2019-12-31T22:30:00.000Z')).toBe('1.1.2020');
  });

  it('uses the time word and separator of the language', () => {
    expect(formatDateTime('2019-03-11T11:00:00.000Z', 'sv')).toBe('11.3.2019 kl. 13.00');
    expect(formatDateTime('2019-03-11T11:00:00.000Z', 'en')).toBe('11.3.2019 at 13:00');
  });

  it('formats calendar dates and survives bad input', () => {
    expect(formatCalendarDate('2019-05-17')).toBe('17.5.2019');
    expect(formatDateTime('not a date')).toBe('');
  });
});
