export { parseMemoText } from './parse-memo.js';
export { warningMessage } from './warnings.js';
export {
  MemoFileError,
  decodeMemoBytes,
  docxToMemoText,
  htmlToMemoText,
  parseMemoFile,
  type MemoFileErrorCode,
} from './docx.js';
export {
  findDateTimes,
  helsinkiOffsetMinutes,
  parseDateTime,
  toHelsinkiIso,
  yearFromFileName,
  type DateTimeMatch,
  type MemoDate,
  type MemoTime,
} from './dates.js';
export { cleanInlineMarkup, dedupeLinks, findLinks, trimBareUrl } from './links.js';
export {
  parseParticipant,
  parseRoles,
  splitParticipantList,
  type ParticipantParse,
} from './participants.js';
export { locativeToBase, parseVenue, townOf } from './places.js';
export type {
  Absentee,
  ActionItem,
  AgendaItem,
  MeetingDraft,
  MeetingFormat,
  MeetingSession,
  MemoLink,
  MemoSourceKind,
  MemoWarning,
  NextMeeting,
  ParseMemoOptions,
  Participant,
  ParticipantRole,
  PlannedTraining,
  RoleChange,
  Season,
  TrainingKind,
  Venue,
  WarningCode,
  WarningParams,
} from './types.js';
