// "Seuraava kokous pidetään pe 17.5. klo 10-15 Oulussa, pääkirjaston 4. kerroksessa
// koulutustila Nöömannissa." → a dated meeting with a venue.
import type { NextMeeting } from './types.js';
import { findDateTimes, rangeToIso } from './dates.js';
import { meetingFormatOf, parseVenue, remotePlatformOf, splitRemotePart } from './places.js';
import { collapseSpaces } from './text.js';

const NEXT_MEETING_RE =
  /seuraava(?:n)?\s+(?:[\p{L}-]+\s+)?kokou(?:s|ksen)|kokoonnutaan\s+seuraavan\s+kerran|seuraavaksi\s+kokoonnutaan/iu;

/** True when a sentence announces the next meeting. */
export function mentionsNextMeeting(sentence: string): boolean {
  return NEXT_MEETING_RE.test(sentence);
}

// Words that start the venue phrase or belong to the verb, not to the place.
const LEADING_VERB_RE =
  /^(?:pidetään|on|järjestetään|kokoonnutaan|ajankohta|aika|paikka|alkaen|kello|klo)\b\s*/iu;
const VENUE_PART_RE =
  /(?:ssa|ssä|lla|llä)(?![\p{L}])|kirjasto|kerro|tila\b|huone|sali|talo|kampus|auditorio|teams|skype|zoom|etä/iu;

function venueText(raw: string): string {
  let text = collapseSpaces(raw).replace(/^[\s,.:;–-]+/u, '');
  for (let previous = ''; previous !== text;) {
    previous = text;
    text = text.replace(LEADING_VERB_RE, '');
  }
  text = text.replace(/[.;!?]+$/u, '');
  // Keep comma-separated parts while they still describe a place; stop at the next clause.
  const parts = text.split(/,\s*/u);
  const kept: string[] = [];
  for (const part of parts) {
    if (!VENUE_PART_RE.test(part)) break;
    kept.push(part);
  }
  return kept.join(', ');
}

/** The outcome of reading a next-meeting sentence. */
export interface NextMeetingRead {
  meeting: NextMeeting;
  yearInferred: boolean;
}

/**
 * Reads the date, times and venue of the next meeting from one sentence. A date without a year
 * gets the memo's year, or the following year when it would otherwise fall before the meeting
 * itself (a December memo announcing "to 13.1.").
 */
export function readNextMeeting(
  sentence: string,
  memoYear: number | null,
  after: { month: number; day: number } | null,
): NextMeetingRead | null {
  const trigger = NEXT_MEETING_RE.exec(sentence);
  if (!trigger) return null;
  const dates = findDateTimes(sentence).filter((d) => d.index >= trigger.index);
  const first = dates[0];
  if (!first) return null;
  let year = first.date.year;
  let yearInferred = false;
  if (year === null) {
    if (memoYear === null) return null;
    yearInferred = true;
    year = memoYear;
    if (
      after &&
      (first.date.month < after.month ||
        (first.date.month === after.month && first.date.day < after.day))
    ) {
      year += 1;
    }
  }
  const last = dates.at(-1) ?? first;
  const lastYear = last.date.year ?? year;
  const start = rangeToIso({ ...first.date, year }, first.start, first.end);
  const end = rangeToIso({ ...last.date, year: lastYear }, last.start, last.end);
  const before = sentence.slice(trigger.index + trigger[0].length, first.index);
  const afterDate = sentence.slice(last.endIndex);
  const rawVenue = venueText(afterDate) || venueText(before);
  const { place, remote } = splitRemotePart(rawVenue);
  const remoteMention = remote || remotePlatformOf(sentence) !== null;
  return {
    meeting: {
      startsAt: start.startsAt,
      endsAt: end.endsAt,
      format: meetingFormatOf(place !== null, remoteMention),
      place: place === null ? null : parseVenue(place),
      text: sentence,
    },
    yearInferred,
  };
}
