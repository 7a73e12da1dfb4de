// Finnish memo dates ("ma 11.3.2019 klo 13.00 - 15.00", "pe 17.5. klo 10-15",
// "2.10.2017, 10.15 – 15.30") to ISO 8601 in Europe/Helsinki.

/** A calendar date as written; `year` is null when the memo left it out ("17.5."). */
export interface MemoDate {
  year: number | null;
  month: number;
  day: number;
}

/** A wall-clock time in Helsinki. */
export interface MemoTime {
  hour: number;
  minute: number;
}

/** A date with an optional time range, and where in the text it was found. */
export interface DateTimeMatch {
  date: MemoDate;
  start: MemoTime | null;
  end: MemoTime | null;
  /** Index of the first character of the date (weekday included). */
  index: number;
  /** Index just after the date and its times, where a place usually follows. */
  endIndex: number;
}

const WEEKDAY =
  '(?:ma|ti|ke|to|pe|la|su|maanantai(?:na)?|tiistai(?:na)?|keskiviikko(?:na)?|torstai(?:na)?|perjantai(?:na)?|lauantai(?:na)?|sunnuntai(?:na)?)';
// The year is either glued to the month ("11.3.2019", "11.3.19") or, rarely, one space away.
// Lookarounds keep "klo 10.15" and version numbers from being read as dates.
const DATE_RE = new RegExp(
  `(?<![\\p{L}\\d.])(?:(${WEEKDAY})\\.?,?\\s+)?(\\d{1,2})\\.\\s?(\\d{1,2})\\.(?:(\\d{4}|\\d{2})(?![\\d.:])|\\s(\\d{4})(?![\\d.:]))?`,
  'giu',
);
const TIME = '(\\d{1,2})(?:[.:](\\d{2}))?';
const DASH = '\\s*(?:-|–|—|‒|−)\\s*';
// Right after the date: "klo 13.00 - 15.00", ", 10.15 – 15.30", " kello 10-15".
const TIME_AFTER_DATE_RE = new RegExp(
  `^[\\s,]*(klo\\.?|kello)?\\s*${TIME}(?:${DASH}(?:klo\\s*)?${TIME})?(?![\\d])`,
  'iu',
);
// Further along the same line: "ti 8.10.2019 alkaen klo 12".
const KLO_TIME_RE = new RegExp(`\\b(?:klo\\.?|kello)\\s*${TIME}(?:${DASH}${TIME})?(?!\\d)`, 'iu');

const MS_PER_MINUTE = 60_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1-based month), so 31.2. is rejected instead of rolling over to March. */
export function daysInMonth(year: number, month: number): number {
  const lengths = [31, isLeapYear(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return lengths[month - 1] ?? 0;
}

/** UTC milliseconds of 01:00 UTC on the last Sunday of a month: the EU switch instant. */
function lastSundayAt0100Utc(year: number, month: number): number {
  const lastDay = daysInMonth(year, month);
  const weekday = new Date(Date.UTC(year, month - 1, lastDay)).getUTCDay();
  return Date.UTC(year, month - 1, lastDay - weekday, 1, 0);
}

/**
 * Helsinki's UTC offset in minutes for a local wall-clock time. Computed from the EU rule
 * (summer time from the last Sunday of March 01:00 UTC to the last Sunday of October 01:00 UTC)
 * instead of Intl, so the result does not depend on the ICU data Node was built with.
 * A time in the skipped spring hour gets +03:00; a repeated autumn hour gets the later +02:00.
 */
export function helsinkiOffsetMinutes(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
): number {
  const asIfWinter = Date.UTC(year, month - 1, day, hour, minute) - 120 * MS_PER_MINUTE;
  const summerStart = lastSundayAt0100Utc(year, 3);
  const summerEnd = lastSundayAt0100Utc(year, 10);
  return asIfWinter >= summerStart && asIfWinter < summerEnd ? 180 : 120;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats a Helsinki wall-clock time as ISO 8601 with the offset valid on that day. */
export function toHelsinkiIso(
  date: { year: number; month: number; day: number },
  time: MemoTime,
): string {
  // 24.00 is sometimes written for midnight; it is the next day's 00:00.
  let { year, month, day } = date;
  let { hour } = time;
  if (hour === 24) {
    const next = new Date(Date.UTC(year, month - 1, day + 1));
    year = next.getUTCFullYear();
    month = next.getUTCMonth() + 1;
    day = next.getUTCDate();
    hour = 0;
  }
  const offset = helsinkiOffsetMinutes(year, month, day, hour, time.minute);
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(time.minute)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

function toTime(hourText: string | undefined, minuteText: string | undefined): MemoTime | null {
  if (hourText === undefined) return null;
  const hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) return null;
  return { hour, minute };
}

function expandYear(text: string | undefined): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  return text.length === 2 ? 2000 + value : value;
}

function isValidDate(date: MemoDate): boolean {
  if (date.month < 1 || date.month > 12 || date.day < 1) return false;
  // Without a year, allow 29.2. (a leap year may be inferred later).
  return date.day <= daysInMonth(date.year ?? 2000, date.month);
}

function readTimes(
  text: string,
  from: number,
  limit: number,
): { start: MemoTime | null; end: MemoTime | null; endIndex: number } {
  const rest = text.slice(from, limit);
  const direct = TIME_AFTER_DATE_RE.exec(rest);
  if (direct) {
    const [whole, klo, h1, m1, h2, m2] = direct;
    const start = toTime(h1, m1);
    const end = toTime(h2, m2);
    // Without "klo" a bare number after a date is only a time if it looks like one
    // ("10.15", "10-15"); "11.3.2019 6 osallistujaa" is not 06:00.
    const looksLikeTime = klo !== undefined || m1 !== undefined || h2 !== undefined;
    if (start && looksLikeTime) return { start, end, endIndex: from + whole.length };
  }
  const later = KLO_TIME_RE.exec(rest);
  if (later) {
    const [whole, h1, m1, h2, m2] = later;
    const start = toTime(h1, m1);
    if (start) {
      return { start, end: toTime(h2, m2), endIndex: from + later.index + whole.length };
    }
  }
  return { start: null, end: null, endIndex: from };
}

/**
 * Every date in a text with the times written after it. Times are searched only up to the next
 * date so "ti 8.10. klo 12–16, ke 9.10. klo 9–14" gives two days with their own hours.
 */
export function findDateTimes(text: string): DateTimeMatch[] {
  const found: { date: MemoDate; index: number; afterDate: number }[] = [];
  for (const match of text.matchAll(DATE_RE)) {
    const [whole, , dayText, monthText, glued, spaced] = match;
    const before = text.slice(Math.max(0, match.index - 6), match.index);
    if (/(?:klo|kello)\.?\s*$/iu.test(before)) continue;
    const date: MemoDate = {
      year: expandYear(glued ?? spaced),
      month: Number(monthText),
      day: Number(dayText),
    };
    if (!isValidDate(date)) continue;
    found.push({ date, index: match.index, afterDate: match.index + whole.length });
  }
  return found.map((entry, i) => {
    const limit = found[i + 1]?.index ?? text.length;
    const lineEnd = text.indexOf('\n', entry.afterDate);
    const times = readTimes(text, entry.afterDate, Math.min(limit, lineEnd < 0 ? limit : lineEnd));
    return {
      date: entry.date,
      start: times.start,
      end: times.end,
      index: entry.index,
      endIndex: Math.max(times.endIndex, entry.afterDate),
    };
  });
}

/** The first date (with times) in a text, or null. */
export function parseDateTime(text: string): DateTimeMatch | null {
  return findDateTimes(text)[0] ?? null;
}

/**
 * The year a memo was written in, from its file name ("muistio-2019-03-11.md",
 * "AKE muistio 11.3.2019.docx"), for dates written without a year.
 */
export function yearFromFileName(fileName: string | undefined): number | null {
  if (!fileName) return null;
  const match = /(?<!\d)(20\d{2}|19\d{2})(?!\d)/u.exec(fileName);
  return match?.[1] ? Number(match[1]) : null;
}

/** Both ends of a dated time range as ISO strings; a missing time gives null. */
export function rangeToIso(
  date: { year: number; month: number; day: number },
  start: MemoTime | null,
  end: MemoTime | null,
): { startsAt: string | null; endsAt: string | null } {
  return {
    startsAt: start ? toHelsinkiIso(date, start) : null,
    endsAt: end ? toHelsinkiIso(date, end) : null,
  };
}
