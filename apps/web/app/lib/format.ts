/**
 * Dates and times as Finns write them: day.month.year without leading zeros and the time with a
 * dot (11.3.2019 klo 13.00), always in Europe/Helsinki whatever the server's zone.
 */
import { type Lang } from './i18n';

const ZONE = 'Europe/Helsinki';

const parts = new Intl.DateTimeFormat('en-GB', {
  timeZone: ZONE,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function helsinkiParts(instant: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of parts.formatToParts(instant)) out[part.type] = part.value;
  return out;
}

function toDate(value: string | Date): Date | null {
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? null : date;
}

/** The word before the time: "klo" in Finnish, "kl." in Swedish, "at" in English. */
const TIME_WORD: Record<Lang, string> = { fi: 'klo', sv: 'kl.', en: 'at' };

/** 11.3.2019 (an instant, shown as its Helsinki date). */
export function formatDate(value: string | Date): string {
  const date = toDate(value);
  if (!date) return '';
  const p = helsinkiParts(date);
  return `${Number(p.day)}.${Number(p.month)}.${p.year}`;
}

/** A calendar date without a time ("2019-05-17") as 17.5.2019. */
export function formatCalendarDate(value: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return value;
  return `${Number(match[3])}.${Number(match[2])}.${match[1]}`;
}

/** 13.00: Finnish and Swedish write the time with a dot; English with a colon. */
export function formatTime(value: string | Date, lang: Lang = 'fi'): string {
  const date = toDate(value);
  if (!date) return '';
  const p = helsinkiParts(date);
  return `${p.hour}${lang === 'en' ? ':' : '.'}${p.minute}`;
}

/** 11.3.2019 klo 13.00 */
export function formatDateTime(value: string | Date, lang: Lang = 'fi'): string {
  const date = toDate(value);
  if (!date) return '';
  return `${formatDate(date)} ${TIME_WORD[lang]} ${formatTime(date, lang)}`;
}

/** 11.3.2019 klo 13.00–15.00, or across days 1.10.2019 klo 10.00 – 2.10.2019 klo 15.00. */
export function formatRange(
  start: string,
  end: string | null | undefined,
  lang: Lang = 'fi',
): string {
  if (!end) return formatDateTime(start, lang);
  if (formatDate(start) === formatDate(end)) {
    return `${formatDateTime(start, lang)}–${formatTime(end, lang)}`;
  }
  return `${formatDateTime(start, lang)} – ${formatDateTime(end, lang)}`;
}

/** The instant as an ISO string for `<time dateTime>`. */
export function isoDateTime(value: string): string {
  const date = toDate(value);
  return date ? date.toISOString() : value;
}
