// The memo parser: header fields (Aika, Paikka, Osallistujat …), numbered agenda items with
// their notes, and what can be read from the notes' sentences. Deterministic: no clock, no
// randomness, no network — the same text always gives the same draft.
import type {
  AgendaItem,
  MeetingDraft,
  MeetingSession,
  MemoLink,
  MemoWarning,
  NextMeeting,
  ParseMemoOptions,
  Participant,
  PlannedTraining,
  RoleChange,
  WarningCode,
  WarningParams,
} from './types.js';
import { findDateTimes, rangeToIso, yearFromFileName, type DateTimeMatch } from './dates.js';
import { cleanInlineMarkup, dedupeLinks, findLinks } from './links.js';
import { parseParticipant, splitParticipantList } from './participants.js';
import { meetingFormatOf, parseVenue, remotePlatformOf, splitRemotePart } from './places.js';
import { mentionsNextMeeting, readNextMeeting } from './next-meeting.js';
import { isDecision, readAction, readRoleChanges, splitSentences } from './sentences.js';
import { readPlannedTrainings } from './trainings.js';
import { collapseSpaces, normaliseText, stripEmphasis, unescapeMarkdown } from './text.js';

type FieldKind = 'time' | 'timePlace' | 'place' | 'participants' | 'absent' | 'agenda' | 'next';

interface MemoLine {
  /** 1-based line number, for warnings. */
  no: number;
  indent: number;
  /** Trimmed line with its Markdown. */
  text: string;
  /** Trimmed line without emphasis, heading marks or escapes. */
  plain: string;
  blank: boolean;
  heading: boolean;
  /** The whole line is bold (`**…**`, `__…__`) or a heading: a title or agenda item. */
  strong: boolean;
}

interface Field {
  kind: FieldKind;
  line: MemoLine;
  value: string;
  following: MemoLine[];
}

interface ItemStart {
  index: number;
  number: number;
  title: string;
  strong: boolean;
}

const FIELD_PATTERNS: readonly (readonly [RegExp, FieldKind])[] = [
  [/^(?:kokous)?aika\s*-?\s*ja\s+-?\s*(?:kokous)?paikka$/iu, 'timePlace'],
  [/^(?:kokous)?aika$|^ajankohta$|^päivämäärä$|^pvm\.?$/iu, 'time'],
  [/^(?:kokous)?paikka$/iu, 'place'],
  [/^osallistujat$|^läsnä(?:olijat)?$|^paikalla$|^läsnä olivat$/iu, 'participants'],
  [/^poissa$|^poissaolijat$/iu, 'absent'],
  [/^käsiteltävät asiat$|^asialista$|^esityslista$|^asiat$/iu, 'agenda'],
  [/^seuraava kokous$/iu, 'next'],
];

const GENERIC_TITLE_RE = /^(?:kokous)?muistio$|^pöytäkirja$|^asialista$|^esityslista$/iu;
const BULLET_RE = /^(?:[-*+•·▪◦–\uF0B7\uF0A7]|o(?=\s|$))(?:\s+|$)/u;
const INNER_BULLET_RE = /^(?:o|•|◦|▪|-|\uF0B7\uF0A7)(?:\s+|$)/u;
const NUMBERED_RE = /^(\d{1,2})[.)]\s+(\S.*)$/u;

function toLines(text: string): MemoLine[] {
  return text.split('\n').map((raw, i) => {
    const indent = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    const headingMatch = /^#{1,6}\s+(.*)$/u.exec(trimmed);
    const heading = headingMatch !== null;
    const text = headingMatch?.[1]?.trim() ?? trimmed;
    const strong =
      heading ||
      /^(?:\*\*|__)(?=\S)[\s\S]*\S(?:\*\*|__):?$/u.test(text) ||
      /^(?:\*\*|__)\s*\d{1,2}\./u.test(text);
    return {
      no: i + 1,
      indent,
      text,
      plain: collapseSpaces(unescapeMarkdown(stripEmphasis(text))),
      blank: trimmed === '',
      heading,
      strong,
    };
  });
}

function fieldOf(line: MemoLine): { kind: FieldKind; value: string } | null {
  if (line.blank) return null;
  const match = /^([\p{L}][\p{L} -]{1,40}?)\s*:\s*(.*)$/u.exec(line.plain);
  if (!match?.[1]) return null;
  const label = collapseSpaces(match[1]);
  const kind = FIELD_PATTERNS.find(([pattern]) => pattern.test(label))?.[1];
  return kind ? { kind, value: (match[2] ?? '').trim() } : null;
}

function itemCandidate(line: MemoLine, index: number): ItemStart | null {
  if (line.blank || BULLET_RE.test(line.text)) return null;
  const strongStart = line.heading || /^(?:\*\*|__)/u.test(line.text);
  const match =
    NUMBERED_RE.exec(line.plain) ??
    (strongStart ? /^(\d{1,2})\s+(\p{Lu}.*)$/u.exec(line.plain) : null);
  if (!match?.[1] || !match[2]) return null;
  if (!strongStart && line.indent > 1) return null;
  const title = collapseSpaces(match[2]).replace(/\s*:$/u, '');
  return { index, number: Number(match[1]), title, strong: strongStart };
}

function looksLikeTitle(title: string): boolean {
  // A plain "1. …" line is a heading only when short and not running prose.
  return title.length <= 120 && !/[.!?]\s+\p{Lu}/u.test(title);
}

/** Picks the lines that start agenda items: numbered, in sequence, bold ones when any are bold. */
function findItemStarts(lines: readonly MemoLine[], agendaFieldIndex: number): ItemStart[] {
  const candidates = lines
    .map((line, index) => itemCandidate(line, index))
    .filter(
      (c): c is ItemStart =>
        c !== null && c.index > agendaFieldIndex && fieldOf(lines[c.index]!) === null,
    );
  const strongMode = candidates.some((c) => c.strong);
  const usable = candidates.filter((c) => (strongMode ? c.strong : looksLikeTitle(c.title)));
  let items: ItemStart[] = [];
  for (const candidate of usable) {
    const last = items.at(-1);
    if (!last) {
      items.push(candidate);
    } else if (candidate.number === last.number + 1) {
      items.push(candidate);
    } else if (
      candidate.number <= last.number &&
      items.every((item, i) => {
        const end = items[i + 1]?.index ?? candidate.index;
        return lines.slice(item.index + 1, end).every((line) => line.blank);
      })
    ) {
      // The agenda was listed first and the items follow with notes: start over.
      items = [candidate];
    }
  }
  return items;
}

/**
 * A bold line after a heading with no value of its own ("**Kokousaika:**" then
 * "**ti 8.10.2019 klo 12–16**") is the heading's value: its first line, or another date line.
 */
function takesStrongValue(field: Field, line: MemoLine): boolean {
  if (field.value !== '' || line.heading) return false;
  if (field.following.length === 0) return true;
  return (
    (field.kind === 'time' || field.kind === 'timePlace') && findDateTimes(line.plain).length > 0
  );
}

/** Collects each header field with the lines that belong to it; other lines are "loose". */
function readHeader(lines: readonly MemoLine[]): { fields: Field[]; loose: MemoLine[] } {
  const fields: Field[] = [];
  const loose: MemoLine[] = [];
  let current: Field | null = null;
  for (const line of lines) {
    if (line.blank) continue;
    const field = fieldOf(line);
    if (field) {
      current = { kind: field.kind, line, value: field.value, following: [] };
      fields.push(current);
      continue;
    }
    if (current && (!line.strong || takesStrongValue(current, line))) {
      current.following.push(line);
    } else {
      current = null;
      loose.push(line);
    }
  }
  // Only a participant list runs over several lines; a line after "Aika:" is a second day
  // only when it has a date, and "Paikka:" takes one line. The rest ("Skype-kokous") is loose.
  for (const field of fields) {
    let keep: MemoLine[];
    if (field.kind === 'participants' || field.kind === 'absent') keep = field.following;
    else if (field.kind === 'time' || field.kind === 'timePlace') {
      keep = field.following.filter((line) => findDateTimes(line.plain).length > 0);
      // "Kokousaika ja -paikka:" with the date on one line and the place on the next.
      const placeLine = field.following.find((line) => !keep.includes(line));
      if (field.kind === 'timePlace' && field.value === '' && keep.length > 0 && placeLine) {
        const afterDates = field.following.indexOf(placeLine) === keep.length;
        if (afterDates) keep = [...keep, placeLine];
      }
    } else if (field.kind === 'place' && field.value === '') keep = field.following.slice(0, 1);
    else keep = [];
    loose.push(...field.following.filter((line) => !keep.includes(line)));
    field.following = keep;
  }
  loose.sort((a, b) => a.no - b.no);
  return { fields, loose };
}

/** Builds notes (one per paragraph or bullet) from an agenda item's lines. */
function buildNotes(lines: readonly MemoLine[]): string[] {
  const notes: string[] = [];
  let current: string[] | null = null;
  const flush = (): void => {
    if (current && current.length > 0) {
      const note = cleanInlineMarkup(current.join(' '));
      if (note !== '') notes.push(note);
    }
    current = null;
  };
  for (const line of lines) {
    if (line.blank) {
      flush();
      continue;
    }
    const bullet = BULLET_RE.exec(line.text);
    const numbered = bullet ? null : /^\d{1,2}[.)]\s+/u.exec(line.text);
    if (bullet || numbered) {
      flush();
      const rest = line.text
        .slice((bullet ?? numbered)?.[0].length ?? 0)
        .replace(INNER_BULLET_RE, '');
      current = [rest];
      continue;
    }
    if (line.strong) {
      flush();
      current = [line.text];
      flush();
      continue;
    }
    if (current) current.push(line.text);
    else current = [line.text];
  }
  flush();
  return notes;
}

interface WarningSink {
  add(code: WarningCode, params?: WarningParams, line?: number): void;
  list: MemoWarning[];
}

function warningSink(): WarningSink {
  const list: MemoWarning[] = [];
  return {
    list,
    add(code, params = {}, line) {
      list.push(line === undefined ? { code, params } : { code, params, line });
    },
  };
}

function pickTitle(header: { fields: Field[]; loose: MemoLine[] }): string | null {
  const candidates = header.loose.filter(
    (line) =>
      !GENERIC_TITLE_RE.test(line.plain.replace(/:$/u, '')) &&
      !(remotePlatformOf(line.plain) !== null && line.plain.split(/\s+/u).length <= 4) &&
      findDateTimes(line.plain).length === 0,
  );
  const firstField = header.fields[0]?.line.no ?? Number.POSITIVE_INFINITY;
  const strong = candidates.find((line) => line.strong);
  const chosen = strong ?? candidates.find((line) => line.no < firstField);
  if (!chosen) return null;
  return chosen.plain.replace(/^(?:kokous)?muistio\s*[:–-]\s*/iu, '').replace(/:$/u, '') || null;
}

function groupNameOf(title: string | null): string | null {
  if (!title) return null;
  const match = /^(.*?työryhmä)(n\b.*)?$/iu.exec(title);
  if (!match?.[1]) return null;
  // "Alueellisen … työryhmän kokous": back to the nominative, -isen adjectives to -inen.
  const name = match[2] ? match[1].replace(/^(\p{L}*i)sen(?![\p{L}])/u, '$1nen') : match[1];
  return collapseSpaces(name);
}

function parseParticipantField(field: Field, warnings: WarningSink): Participant[] {
  const sources = [field.value, ...field.following.map((line) => line.text)].filter(
    (s) => s !== '',
  );
  const people: Participant[] = [];
  for (const source of sources) {
    for (const entry of splitParticipantList(source)) {
      const { participant, clear } = parseParticipant(entry);
      if (participant.name === '') continue;
      if (!clear) {
        warnings.add('participant_unclear', { text: entry }, field.line.no);
      }
      people.push(participant);
    }
  }
  return people;
}

/** Adds a participant or absentee field's people, once each (by name). */
function addPeople(draft: MeetingDraft, field: Field, warnings: WarningSink): void {
  if (field.kind !== 'participants' && field.kind !== 'absent') return;
  const known = new Set(
    [...draft.participants, ...draft.absent].map((p) => p.name.toLocaleLowerCase('fi')),
  );
  for (const person of parseParticipantField(field, warnings)) {
    const key = person.name.toLocaleLowerCase('fi');
    if (known.has(key)) continue;
    known.add(key);
    if (field.kind === 'participants') draft.participants.push(person);
    else
      draft.absent.push({
        name: person.name,
        organisation: person.organisation,
        place: person.place,
      });
  }
}

/** A line that lists people: "Minna Männikkö (Oulun kaupunginkirjasto, pj.)", "- Heidi Tuikka, Kainet". */
function isPeopleLine(line: MemoLine): boolean {
  if (line.blank || line.strong || fieldOf(line) !== null) return false;
  const text = line.text.replace(BULLET_RE, '');
  const first = splitParticipantList(text)[0];
  return first !== undefined && parseParticipant(first).clear;
}

/**
 * Takes "Läsnä:" / "Poissa:" lists out of an agenda item ("1. Kokouksen avaus" often records
 * who came): the heading's own value and the people lines after it, one per line or
 * comma-separated. What is left are the item's notes.
 */
function takePeopleFields(lines: readonly MemoLine[]): { body: MemoLine[]; fields: Field[] } {
  const body: MemoLine[] = [];
  const fields: Field[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const found = fieldOf(line);
    if (!found || (found.kind !== 'participants' && found.kind !== 'absent')) {
      body.push(line);
      continue;
    }
    const field: Field = { kind: found.kind, line, value: found.value, following: [] };
    fields.push(field);
    // People lines follow, blank lines between them allowed; the first other line ends it.
    let j = i + 1;
    for (; j < lines.length; j++) {
      const next = lines[j]!;
      if (next.blank) continue;
      if (!isPeopleLine(next)) break;
      field.following.push(next);
    }
    // Keep the blank lines before the next note so it stays a note of its own.
    while (j > i + 1 && lines[j - 1]?.blank) j--;
    i = j - 1;
  }
  return { body, fields };
}

/** The year a memo's yearless dates belong to: the option, the file name, or the text itself. */
function memoYearOf(
  text: string,
  options: ParseMemoOptions,
  dates: readonly DateTimeMatch[],
): number | null {
  if (options.year !== undefined) return options.year;
  const fromName = yearFromFileName(options.fileName);
  if (fromName !== null) return fromName;
  const dated = dates.find((d) => d.date.year !== null);
  if (dated?.date.year) return dated.date.year;
  const mentioned = /\b(20\d{2})\b/u.exec(text)?.[1];
  return mentioned ? Number(mentioned) : null;
}

/**
 * Parses a meeting memo written as Markdown or plain text into a {@link MeetingDraft}.
 * Never throws on bad input: what it cannot read is left null or empty and explained in
 * `warnings`, so an import can show the reviewer what to check.
 */
export function parseMemoText(text: string, options: ParseMemoOptions = {}): MeetingDraft {
  const warnings = warningSink();
  const normalised = normaliseText(text);
  const draft: MeetingDraft = {
    title: null,
    groupName: null,
    date: null,
    startsAt: null,
    endsAt: null,
    sessions: [],
    format: 'in_person',
    place: null,
    venue: null,
    remotePlatform: null,
    participants: [],
    absent: [],
    agenda: [],
    links: [],
    nextMeeting: null,
    roleChanges: [],
    plannedTrainings: [],
    warnings: warnings.list,
    source: { fileName: options.fileName ?? null, kind: options.sourceKind ?? 'markdown' },
  };
  if (normalised.trim() === '') {
    warnings.add('empty_input');
    return draft;
  }
  if (
    /\uFFFD/u.test(normalised) &&
    (normalised.match(/\uFFFD/gu)?.length ?? 0) > normalised.length / 20
  ) {
    warnings.add('binary_input');
  }

  const lines = toLines(normalised);
  const agendaFieldIndex = lines.findIndex((line) => fieldOf(line)?.kind === 'agenda');
  const starts = findItemStarts(lines, agendaFieldIndex);
  const headerEnd = Math.min(
    agendaFieldIndex >= 0 ? agendaFieldIndex : lines.length,
    starts[0]?.index ?? lines.length,
  );
  const header = readHeader(lines.slice(0, headerEnd));

  draft.title = pickTitle(header);
  draft.groupName = groupNameOf(draft.title);
  if (draft.title === null) warnings.add('no_title');

  // Date and time.
  const timeFields = header.fields.filter((f) => f.kind === 'time' || f.kind === 'timePlace');
  let dateSource: { text: string; line: number } | null = null;
  const firstTimeField = timeFields[0];
  if (firstTimeField) {
    const datedFollowing = firstTimeField.following.filter(
      (line) => findDateTimes(line.plain).length > 0,
    );
    dateSource = {
      text: [firstTimeField.value, ...datedFollowing.map((line) => line.plain)].join('\n'),
      line: firstTimeField.line.no,
    };
  } else {
    const dated = header.loose.find((line) => findDateTimes(line.plain).length > 0);
    if (dated) dateSource = { text: dated.plain, line: dated.no };
  }
  const meetingDates = dateSource ? findDateTimes(dateSource.text) : [];
  const memoYear = memoYearOf(normalised, options, meetingDates);
  let meetingDay: { month: number; day: number } | null = null;
  const sessions: MeetingSession[] = [];
  for (const found of meetingDates) {
    let year = found.date.year;
    if (year === null) {
      year = memoYear;
      if (year === null) {
        warnings.add('date_no_year', {}, dateSource?.line);
        continue;
      }
      warnings.add('year_inferred', { year }, dateSource?.line);
    }
    const day = { year, month: found.date.month, day: found.date.day };
    meetingDay ??= { month: day.month, day: day.day };
    draft.date ??= `${String(year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
    const iso = rangeToIso(day, found.start, found.end);
    if (iso.startsAt !== null) sessions.push({ startsAt: iso.startsAt, endsAt: iso.endsAt });
    else warnings.add('date_no_time', {}, dateSource?.line);
  }
  draft.sessions = sessions;
  draft.startsAt = sessions[0]?.startsAt ?? null;
  draft.endsAt = sessions.at(-1)?.endsAt ?? null;
  if (meetingDates.length === 0) {
    if (firstTimeField) {
      warnings.add('date_unparsed', { text: firstTimeField.value }, firstTimeField.line.no);
    } else warnings.add('no_date');
  }

  // Place and format.
  const remoteTexts: string[] = [];
  let placeText: string | null = null;
  const placeField = header.fields.find((f) => f.kind === 'place');
  if (placeField) placeText = placeField.value || placeField.following[0]?.plain || null;
  const lastDate = meetingDates.at(-1);
  if (firstTimeField && lastDate && dateSource) {
    const rest = collapseSpaces(
      dateSource.text.split('\n')[0]?.slice(lastDate.endIndex) ?? '',
    ).replace(/^[\s,.;:–-]+/u, '');
    const firstLineRest = meetingDates.length > 1 ? '' : rest;
    const placeLine = firstTimeField.following.find(
      (line) => findDateTimes(line.plain).length === 0,
    );
    if (firstTimeField.kind === 'timePlace' && placeText === null && placeLine) {
      placeText = placeLine.plain;
    }
    if (firstLineRest !== '') {
      if (firstTimeField.kind === 'timePlace' && placeText === null) placeText = firstLineRest;
      else if (remotePlatformOf(firstLineRest) !== null) remoteTexts.push(firstLineRest);
      else placeText ??= firstLineRest;
    }
  }
  for (const line of header.loose) {
    if (remotePlatformOf(line.plain) !== null) remoteTexts.push(line.plain);
  }
  let remote = remoteTexts.length > 0;
  if (placeText !== null) {
    const split = splitRemotePart(placeText);
    if (split.remote) remoteTexts.push(placeText);
    remote ||= split.remote;
    draft.place = split.place;
    draft.venue = split.place === null ? null : parseVenue(split.place);
  }
  draft.format = meetingFormatOf(draft.place !== null, remote);
  draft.remotePlatform = remote
    ? (remoteTexts.map(remotePlatformOf).find((p) => p !== null && p !== 'etä') ?? null)
    : null;

  // People.
  for (const field of header.fields) addPeople(draft, field, warnings);

  // Agenda items.
  const itemNotes: { number: number | null; notes: string[] }[] = [];
  const links: MemoLink[] = [];
  starts.forEach((start, i) => {
    const end = starts[i + 1]?.index ?? lines.length;
    const { body, fields } = takePeopleFields(lines.slice(start.index + 1, end));
    for (const field of fields) addPeople(draft, field, warnings);
    const notes = buildNotes(body);
    const itemLinks = dedupeLinks(
      findLinks([lines[start.index]?.text ?? '', ...body.map((l) => l.text)].join('\n')),
    );
    const item: AgendaItem = {
      number: start.number,
      title: cleanInlineMarkup(start.title).replace(/\s*:$/u, ''),
      notes,
      decisions: [],
      actions: [],
      links: itemLinks,
    };
    draft.agenda.push(item);
    itemNotes.push({ number: start.number, notes });
  });
  if (draft.participants.length === 0) warnings.add('no_participants');
  if (starts.length === 0) {
    warnings.add('no_agenda');
    const bodyLines = lines.slice(headerEnd).filter((line) => fieldOf(line) === null);
    itemNotes.push({ number: null, notes: buildNotes(bodyLines) });
  }
  links.push(...findLinks(normalised));
  draft.links = dedupeLinks(links);

  // Sentence-level reading.
  const roleChanges: RoleChange[] = [];
  const trainings: PlannedTraining[] = [];
  let nextMeeting: NextMeeting | null = null;
  const nextField = header.fields.find((f) => f.kind === 'next');
  const nextCandidates: string[] = nextField ? [`Seuraava kokous: ${nextField.value}`] : [];
  for (const { number, notes } of itemNotes) {
    const item = draft.agenda.find((candidate) => candidate.number === number);
    for (const note of notes) {
      const sentences = splitSentences(note);
      for (const sentence of sentences) {
        if (item && isDecision(sentence)) item.decisions.push(sentence);
        const action = readAction(sentence, draft.participants);
        if (item && action) item.actions.push(action);
        for (const change of readRoleChanges(sentence)) {
          if (!roleChanges.some((c) => c.name === change.name && c.role === change.role))
            roleChanges.push(change);
        }
        if (mentionsNextMeeting(sentence)) nextCandidates.push(sentence);
      }
      trainings.push(...readPlannedTrainings(sentences, memoYear, number, item?.title ?? ''));
    }
  }
  for (const sentence of nextCandidates) {
    const read = readNextMeeting(sentence, memoYear, meetingDay);
    if (read) {
      nextMeeting = read.meeting;
      if (read.yearInferred) {
        warnings.add('next_meeting_year_inferred', {
          year: read.meeting.startsAt?.slice(0, 4) ?? '?',
        });
      }
      break;
    }
  }
  if (!nextMeeting && nextCandidates.length > 0) {
    warnings.add('next_meeting_unparsed', { text: nextCandidates[0] ?? '' });
  }
  for (const training of trainings) warnings.add('training_uncertain', { text: training.text });
  draft.nextMeeting = nextMeeting;
  draft.roleChanges = roleChanges;
  draft.plannedTrainings = trainings;

  if (
    draft.title === null &&
    draft.startsAt === null &&
    draft.participants.length === 0 &&
    draft.agenda.length === 0
  ) {
    warnings.add('not_a_memo');
  }
  return draft;
}
