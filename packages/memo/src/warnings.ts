// English wording of the parser's warnings, for the CLI and logs. The web app words the same
// codes and params from its own catalogues, in the reader's language.
import type { MemoWarning, WarningCode, WarningParams } from './types.js';

const str = (params: WarningParams, name: string): string => String(params[name] ?? '');

const MESSAGES: Record<WarningCode, (p: WarningParams) => string> = {
  empty_input: () => 'The memo is empty.',
  binary_input: () => 'The text contains many undecodable characters; is it a binary file?',
  nul_bytes: (p) => `The file has ${str(p, 'count')} NUL bytes in its first 64 kB; is it text?`,
  encoding_fallback: () => 'The file is not UTF-8; read it as Windows-1252.',
  not_a_memo: () => 'Nothing memo-like (title, date, participants, agenda) was found.',
  no_title: () => 'No title line (the group name) was found.',
  no_date: () => 'No meeting date was found.',
  date_unparsed: (p) => `Could not read a date in "${str(p, 'text')}".`,
  date_no_year: () => 'The meeting date has no year and none could be inferred.',
  date_no_time: () => 'The meeting date has no time of day.',
  year_inferred: (p) => `The meeting date has no year; assumed ${str(p, 'year')}.`,
  next_meeting_year_inferred: (p) =>
    `The next meeting's date has no year; assumed ${str(p, 'year')}.`,
  no_participants: () => 'No participant list was found.',
  participant_unclear: (p) =>
    `Could not tell the name apart in "${str(p, 'text')}"; kept as written.`,
  no_agenda: () => 'No numbered agenda items were found.',
  next_meeting_unparsed: (p) =>
    `A next meeting is mentioned without a readable date: "${str(p, 'text')}"`,
  training_uncertain: (p) =>
    `A planned training was read from the text; check it: "${str(p, 'text')}"`,
  docx_message: (p) => `Word conversion: ${str(p, 'detail')}`,
};

/** A warning in English, from its code and params. */
export function warningMessage(warning: Pick<MemoWarning, 'code' | 'params'>): string {
  return MESSAGES[warning.code](warning.params);
}
