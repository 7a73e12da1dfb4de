// Planned trainings, visits and mentoring mentioned in agenda notes. Memos talk about plans
// loosely ("Kielikoulutuksia (eng, swe) suunnitteilla … syksyille 2019"), so this is a
// best-effort reading that always leaves the original sentence in `text`.
import type { PlannedTraining, Season, TrainingKind } from './types.js';
import { mentionsNextMeeting } from './next-meeting.js';
import { townsInLocative } from './places.js';
import { findDateTimes, rangeToIso } from './dates.js';

const KIND_PATTERNS: readonly (readonly [RegExp, TrainingKind])[] = [
  [/kielikoulutu/iu, 'language_training'],
  [/koulutuspäiv|ideapäiv|seminaari/iu, 'training_day'],
  [/kyläil|työvierailu|vierailu/iu, 'visit'],
  [/mentoroin|mentori/iu, 'mentoring'],
  // "koulutustila" is a room (the next meeting's venue), not a training.
  [/koulutu(?!stil)|kouluttaj|kurssi/iu, 'training'],
];

// A plan, not a report: future or conditional forms and time words pointing forward.
const PLAN_RE =
  /suunnit|järjestetään|järjestettäisiin|pidetään|pidettäisiin|tulossa|aiotaan|päädyttiin|sovittiin|päätettiin|tälle\s+(?:keväälle|syksylle)|ensi\s+(?:keväänä|syksynä|vuonna)/iu;
// Past events ("järjesti", "toteutettiin") are reports even when they mention trainings.
const PAST_RE = /\b(?:järjesti|toteutettiin|pidettiin|järjestettiin|oli)\b/iu;

const SEASONS: readonly (readonly [RegExp, Season])[] = [
  [/kevä(?:t|än|ällä|älle|äksi|änä|äseen)|keväi/iu, 'spring'],
  [/syks(?:y|yn|yllä|ylle|yille|yksi|ynä|yyn)|syksyi/iu, 'autumn'],
  [/kesä(?:llä|lle|n)?(?![\p{L}])/iu, 'summer'],
  [/talve(?:lla|lle|n)|talvi/iu, 'winter'],
];

// Month words and numbers to seasons, for plans dated "lokakuussa" or "12.11.2020".
const MONTH_SEASONS: readonly Season[] = [
  'winter',
  'winter',
  'spring',
  'spring',
  'spring',
  'summer',
  'summer',
  'summer',
  'autumn',
  'autumn',
  'autumn',
  'winter',
];
const MONTH_WORDS = [
  'tammi',
  'helmi',
  'maalis',
  'huhti',
  'touko',
  'kesä',
  'heinä',
  'elo',
  'syys',
  'loka',
  'marras',
  'joulu',
];

function seasonOf(text: string): Season | null {
  const named = SEASONS.find(([pattern]) => pattern.test(text))?.[1];
  if (named) return named;
  const monthWord = new RegExp(`(?<![\\p{L}])(${MONTH_WORDS.join('|')})kuu`, 'iu').exec(text)?.[1];
  if (monthWord) return MONTH_SEASONS[MONTH_WORDS.indexOf(monthWord.toLowerCase())] ?? null;
  const dated = /(?<![\d.])\d{1,2}\.(\d{1,2})\.(?:\d{4})?/u.exec(text)?.[1];
  return dated ? (MONTH_SEASONS[Number(dated) - 1] ?? null) : null;
}

/** The day (and times) a plan names: "Koulutuspäivä pidetään 12.11.2019 klo 9–15 Oulussa". */
function dayOf(
  sentence: string,
  memoYear: number | null,
): { date: string | null; startsAt: string | null; endsAt: string | null } {
  const found = findDateTimes(sentence)[0];
  const year = found?.date.year ?? memoYear;
  if (!found || year === null) return { date: null, startsAt: null, endsAt: null };
  const day = { year, month: found.date.month, day: found.date.day };
  const date = `${year}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
  return { date, ...rangeToIso(day, found.start, found.end) };
}

function kindOf(sentence: string): TrainingKind | null {
  return KIND_PATTERNS.find(([pattern]) => pattern.test(sentence))?.[1] ?? null;
}

function topicOf(sentence: string, kind: TrainingKind): string | null {
  const theme = /\b(?:aiheena|teemana)\s+(?:on\s+)?([^,.;:!?()]+)/iu.exec(sentence);
  if (theme?.[1]) return theme[1].trim();
  // "kouluttaja asiakaspalvelutilanteiden vuorovaikutuksesta ja viestinnästä": the topic is the
  // elative phrase after the training word, kept in the memo's own case.
  const about =
    /(?:kouluttaja|koulutus|koulutuksen|koulutuksia|koulutuspäivä)\s+((?:[\p{L}-]+\s+){0,3}?[\p{L}-]+(?:sta|stä)(?:\s+ja\s+[\p{L}-]+(?:sta|stä))?)/iu.exec(
      sentence,
    );
  if (about?.[1]) return about[1];
  if (kind === 'language_training') {
    // Only a list of short language names: "(eng, swe)", not "(ks. https://…)".
    const languages = /\(((?:\p{L}{2,12})(?:,\s*\p{L}{2,12})*)\)/u.exec(sentence)?.[1];
    return languages ? `kielikoulutus (${languages})` : 'kielikoulutus';
  }
  return null;
}

/**
 * Planned trainings in one note (paragraph or bullet). Consecutive training sentences in the
 * same note are one plan: the second usually adds places ("Koulutukset järjestettäisiin
 * Oulussa, Kajaanissa…").
 */
export function readPlannedTrainings(
  sentences: readonly string[],
  memoYear: number | null,
  agendaNumber: number | null,
  /** The agenda item's title, which often carries the season ("Syksyn koulutuspäivä"). */
  context = '',
): PlannedTraining[] {
  const plans: PlannedTraining[] = [];
  let previous: PlannedTraining | null = null;
  for (const sentence of sentences) {
    const kind = kindOf(sentence);
    if (
      kind === null ||
      !PLAN_RE.test(sentence) ||
      PAST_RE.test(sentence) ||
      mentionsNextMeeting(sentence)
    ) {
      previous = null;
      continue;
    }
    const season = seasonOf(sentence) ?? seasonOf(context);
    const yearText = /\b(20\d{2})\b/u.exec(sentence)?.[1] ?? /\b(20\d{2})\b/u.exec(context)?.[1];
    const nextYear = /\bensi\s+vuon/iu.test(sentence) && memoYear !== null ? memoYear + 1 : null;
    const day = dayOf(sentence, memoYear);
    const year = day.date
      ? Number(day.date.slice(0, 4))
      : yearText
        ? Number(yearText)
        : (nextYear ?? (season !== null ? memoYear : null));
    const places = townsInLocative(sentence);
    const remoteOption = /etäosallistu|etäyhtey|etänä|verkossa|teams|skype|zoom/iu.test(sentence);
    if (previous && (kind === 'training' || kind === previous.kind)) {
      previous.text = `${previous.text} ${sentence}`;
      for (const place of places) if (!previous.places.includes(place)) previous.places.push(place);
      previous.remoteOption ||= remoteOption;
      previous.season ??= season;
      previous.year ??= year;
      if (previous.date === null) Object.assign(previous, day);
      continue;
    }
    const plan: PlannedTraining = {
      text: sentence,
      kind,
      topic: topicOf(sentence, kind),
      season,
      year,
      places,
      remoteOption,
      agendaNumber,
      ...day,
    };
    plans.push(plan);
    previous = plan;
  }
  return plans;
}
