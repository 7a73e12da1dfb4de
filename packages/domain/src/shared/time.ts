/**
 * Time in the working group's zone. Meetings and trainings happen in Finland, so local times are
 * Europe/Helsinki wall-clock times; the database stores UTC instants.
 */

export const TIME_ZONE = 'Europe/Helsinki';

const offsetFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TIME_ZONE,
  timeZoneName: 'longOffset',
});

/** Minutes that Helsinki is ahead of UTC at the given instant (120 in winter, 180 in summer). */
export function helsinkiOffsetMinutes(instant: Date): number {
  const part = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName');
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(part?.value ?? '');
  if (!match) return 0;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === '-' ? -minutes : minutes;
}

/**
 * The UTC instant of a Helsinki wall-clock time, given as `YYYY-MM-DD` and `HH:mm`.
 * Two passes settle the offset around the daylight-saving switches.
 */
export function helsinkiToUtc(date: string, time = '00:00'): Date {
  const naive = new Date(`${date}T${time}:00Z`);
  let offset = helsinkiOffsetMinutes(naive);
  offset = helsinkiOffsetMinutes(new Date(naive.getTime() - offset * 60_000));
  return new Date(naive.getTime() - offset * 60_000);
}

/** ISO 8601 with the Helsinki offset, e.g. `2019-03-11T13:00:00+02:00`. */
export function toHelsinkiIso(instant: Date): string {
  const offset = helsinkiOffsetMinutes(instant);
  const local = new Date(instant.getTime() + offset * 60_000).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  return `${local}${sign}${hh}:${mm}`;
}

/** The Helsinki calendar date (`YYYY-MM-DD`) of an instant. */
export function helsinkiDate(instant: Date): string {
  return toHelsinkiIso(instant).slice(0, 10);
}

/**
 * Parses a date-time the way users and importers write it: ISO 8601 with an offset or `Z`, or a
 * local `YYYY-MM-DDTHH:mm` taken as Helsinki time. Returns null for anything else.
 */
export function parseDateTime(value: string): Date | null {
  const trimmed = value.trim();
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(?::00)?$/.exec(trimmed);
  if (local) {
    const [, date, time] = local;
    if (!isValidDate(date!) || !isValidTime(time!)) return null;
    return helsinkiToUtc(date!, time);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(trimmed))
    return null;
  const parsed = new Date(trimmed);
  return Number.isNaN(parsed.getTime()) ? null : parsed;
}

/** True for a real calendar date written `YYYY-MM-DD` (no 30 February). */
export function isValidDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/** True for a wall-clock time `HH:mm` of a day, 00:00 to 23:59 (no 25:61). */
export function isValidTime(value: string): boolean {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  return match !== null && Number(match[1]) <= 23 && Number(match[2]) <= 59;
}

/** The calendar day before `YYYY-MM-DD`: the last day of a period that the next one follows. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
