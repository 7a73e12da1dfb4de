// The parser's output. Everything is plain data (strings, numbers, arrays, null) so a draft
// survives JSON.stringify/parse unchanged and can be reviewed or stored before import.

/** How the meeting was held: Skype/Teams only, on site only, or both. */
export type MeetingFormat = 'remote' | 'in_person' | 'hybrid';

/** A role a person holds at a meeting (pj. = chair, vpj. = vice chair, siht. = secretary). */
export type ParticipantRole = 'chair' | 'vice_chair' | 'secretary';

/**
 * One person at the meeting. `organisation` is the library or library network as written
 * (Oulun kaupunginkirjasto, OUTI, Kiri); `place` is the town when the memo names one beside it
 * ("Arja Nevala (OUTI, Raahe)" → organisation OUTI, place Raahe).
 */
export interface Participant {
  name: string;
  organisation: string | null;
  place: string | null;
  roles: ParticipantRole[];
}

/** A member listed under `Poissa:`. */
export interface Absentee {
  name: string;
  organisation: string | null;
  place: string | null;
}

/** Something someone is to do; `owner` is set only when the memo names the person. */
export interface ActionItem {
  text: string;
  owner: string | null;
}

/** A link as found in the memo; `text` is the link text when it differs from the URL. */
export interface MemoLink {
  url: string;
  text: string | null;
}

/** One numbered agenda item (käsiteltävä asia). */
export interface AgendaItem {
  number: number;
  title: string;
  /** Paragraphs and bullets in order, with Markdown and link markup removed. */
  notes: string[];
  /** Sentences that record a decision (päätettiin, päädyttiin, sovittiin, …). */
  decisions: string[];
  actions: ActionItem[];
  links: MemoLink[];
}

/** A venue split into the parts the knowledge base models; any part may be unknown. */
export interface Venue {
  text: string;
  town: string | null;
  building: string | null;
  floor: string | null;
  room: string | null;
}

/** One day of a meeting; a two-day meeting has two. */
export interface MeetingSession {
  startsAt: string;
  endsAt: string | null;
}

/** The next meeting as announced in the memo ("Seuraava kokous pidetään …"). */
export interface NextMeeting {
  startsAt: string | null;
  endsAt: string | null;
  format: MeetingFormat;
  place: Venue | null;
  /** The sentence the meeting was read from. */
  text: string;
}

/** A role someone takes on from now on ("Jatkossa kokouksien sihteerinä toimii …"). */
export interface RoleChange {
  name: string;
  role: ParticipantRole;
}

/** What kind of activity a planned training mention is about. */
export type TrainingKind =
  'training' | 'training_day' | 'language_training' | 'visit' | 'mentoring';

/** Season words in memos (keväällä, syksyllä, …). */
export type Season = 'spring' | 'summer' | 'autumn' | 'winter';

/** A training, visit or mentoring activity the memo says is planned; best effort. */
export interface PlannedTraining {
  text: string;
  kind: TrainingKind;
  topic: string | null;
  season: Season | null;
  year: number | null;
  /** Towns named as session places, alternatives included. */
  places: string[];
  remoteOption: boolean;
  agendaNumber: number | null;
  /** The day when the text names one ("pidetään 12.11.2019"), YYYY-MM-DD. */
  date: string | null;
  /** Start and end when the text gives times too, ISO 8601 in Europe/Helsinki. */
  startsAt: string | null;
  endsAt: string | null;
}

/** Stable codes so callers can filter or translate warnings. */
export type WarningCode =
  | 'empty_input'
  | 'binary_input'
  | 'nul_bytes'
  | 'encoding_fallback'
  | 'not_a_memo'
  | 'no_title'
  | 'no_date'
  | 'date_unparsed'
  | 'date_no_year'
  | 'date_no_time'
  | 'year_inferred'
  | 'next_meeting_year_inferred'
  | 'no_participants'
  | 'participant_unclear'
  | 'no_agenda'
  | 'next_meeting_unparsed'
  | 'training_uncertain'
  | 'docx_message';

/**
 * The values a warning is about (a year, the text it could not read), as data: the web app
 * words a warning in the reader's language from its code and these, the CLI in English
 * ({@link warningMessage}).
 */
export type WarningParams = Record<string, string | number>;

/** Something the parser was unsure of; `line` is 1-based in the (converted) memo text. */
export interface MemoWarning {
  code: WarningCode;
  params: WarningParams;
  line?: number;
}

/** Where the memo text came from. */
export type MemoSourceKind = 'markdown' | 'text' | 'docx';

/** A meeting read from a memo, for a person to review before it is imported. */
export interface MeetingDraft {
  /** The first heading or bold line, usually the group's name. */
  title: string | null;
  /** The working group's name when the title names one (…työryhmä). */
  groupName: string | null;
  /** The meeting's (first) local date, YYYY-MM-DD; set even when no time of day was written. */
  date: string | null;
  /** ISO 8601 with the Europe/Helsinki offset of the day, e.g. 2019-03-11T13:00:00+02:00. */
  startsAt: string | null;
  endsAt: string | null;
  sessions: MeetingSession[];
  format: MeetingFormat;
  /** The physical place as written (without the Skype/Teams part), or null. */
  place: string | null;
  venue: Venue | null;
  /** Skype, Teams, Zoom… when the meeting was (partly) remote. */
  remotePlatform: string | null;
  participants: Participant[];
  absent: Absentee[];
  agenda: AgendaItem[];
  links: MemoLink[];
  nextMeeting: NextMeeting | null;
  roleChanges: RoleChange[];
  plannedTrainings: PlannedTraining[];
  warnings: MemoWarning[];
  source: { fileName: string | null; kind: MemoSourceKind };
}

/** Options for {@link parseMemoText}. */
export interface ParseMemoOptions {
  /** Used for the year of dates written without one (muistio-2019-03-11.md → 2019). */
  fileName?: string;
  /** The memo's year when known; wins over the file name. */
  year?: number;
  /** Set by the file reader; plain text is assumed to be Markdown-compatible anyway. */
  sourceKind?: MemoSourceKind;
}
