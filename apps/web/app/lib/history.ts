/**
 * How a revision's changes read in the UI: each field by its label in the catalogue
 * ("Otsikko", "Kieli"), each value as a person would write it ("suomi", "verkkosivu",
 * "Oulun kaupunginkirjasto"), never as a code (`FI`, `web_page`, `organisationId: 6`).
 * The API names the records an id points at (`fromNames`, `toNames`); codes are translated here.
 */
import { formatCalendarDate, formatDateTime } from './format';
import { CATALOGUES, type Lang, type MessageKey, type Translate } from './i18n';

export interface ChangeView {
  field: string;
  from?: string | null;
  to?: string | null;
  fromNames?: readonly string[] | null;
  toNames?: readonly string[] | null;
}

/** Which catalogue prefix translates a code field, by record type and field. */
function codePrefix(type: string, field: string): string | null {
  if (field === 'language') return 'language';
  if (field === 'format') return 'format';
  if (field === 'season') return 'history.value.season';
  if (field === 'kind') {
    if (type === 'Resource') return 'kind';
    if (type === 'Training') return 'history.value.trainingKind';
    if (type === 'MentoringProgramme') return 'history.value.programmeKind';
  }
  if (field === 'status') {
    if (type === 'DevelopmentIdea') return 'ideaStatus';
    if (type === 'Meeting') return 'meetingStatus';
    if (type === 'Training') return 'trainingStatus';
  }
  return null;
}

const DATE_TIMES = new Set(['archivedAt', 'startsAt', 'endsAt']);
const DATES = new Set(['startDate', 'endDate']);
/** Long texts are shortened in the list: the record's page shows them whole. */
const MAX_SHOWN = 280;

function has(lang: Lang, key: string): key is MessageKey {
  return key in CATALOGUES[lang];
}

/** The label of a field, e.g. "Otsikko"; the field's own name when the catalogue lacks it. */
export function fieldLabel(t: Translate, lang: Lang, field: string): string {
  const key = `history.field.${field}`;
  return has(lang, key) ? t(key) : field;
}

function plain(t: Translate, lang: Lang, type: string, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('history.empty');
  if (typeof value === 'boolean') return value ? t('history.yes') : t('history.no');
  if (typeof value === 'string') {
    const prefix = codePrefix(type, field);
    if (prefix) {
      const key = `${prefix}.${value.toUpperCase()}`;
      if (has(lang, key)) return t(key, { year: '' }).trim();
    }
    if (DATE_TIMES.has(field)) return formatDateTime(value, lang);
    if (DATES.has(field)) return formatCalendarDate(value);
    return value.length > MAX_SHOWN ? `${value.slice(0, MAX_SHOWN)}…` : value;
  }
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    return value.length
      ? value.map((v) => plain(t, lang, type, field, v)).join(', ')
      : t('history.empty');
  }
  if (typeof value === 'object') {
    const parts = Object.values(value as Record<string, unknown>).filter(
      (v) => v !== null && v !== undefined && v !== '',
    );
    return parts.length
      ? parts.map((part) => plain(t, lang, type, '', part)).join(', ')
      : t('history.empty');
  }
  return JSON.stringify(value) ?? '';
}

/** One side of a change as text: the names of the records it points at, or the value itself. */
export function changeValue(
  t: Translate,
  lang: Lang,
  type: string,
  change: ChangeView,
  side: 'from' | 'to',
): string {
  const names = side === 'from' ? change.fromNames : change.toNames;
  if (names) return names.length ? names.join(', ') : t('history.empty');
  const json = side === 'from' ? change.from : change.to;
  if (json === null || json === undefined) return t('history.empty');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    value = json;
  }
  return plain(t, lang, type, change.field, value);
}
