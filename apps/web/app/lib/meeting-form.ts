/**
 * The meeting editor's values: what the form shows, read back from a POST, turned into the
 * API's input, and grown or shrunk by the "add …"/"remove" buttons. The repeating groups
 * (participants, agenda items, their actions) are named by path (`agenda.0.actions.1.ownerId`),
 * the same paths the API's errors use, so an error lands beside its field without JavaScript.
 */
import { type CreateMeetingInput, type MeetingRole } from '../graphql/__generated__/graphql';
import { type ApiUserError, type FieldErrors } from './forms';
import { type MessageKey, type Translate } from './i18n';

export const MEETING_FORMATS = ['IN_PERSON', 'REMOTE', 'HYBRID'] as const;
export const MEETING_STATUSES = ['PLANNED', 'HELD', 'CANCELLED'] as const;
export const MEETING_ROLES = ['CHAIR', 'VICE_CHAIR', 'SECRETARY', 'MEMBER', 'GUEST'] as const;
export const ACTION_STATUSES = ['OPEN', 'IN_PROGRESS', 'DONE', 'CANCELLED'] as const;

export interface ParticipantValues {
  personId: string;
  organisationId: string;
  roles: string[];
  attendance: string;
}

export interface ActionValues {
  description: string;
  ownerId: string;
  dueDate: string;
  status: string;
}

export interface AgendaValues {
  title: string;
  notes: string;
  /** One decision a line. */
  decisions: string;
  actions: ActionValues[];
}

export interface MeetingValues {
  groupId: string;
  title: string;
  /** Helsinki wall-clock time, `YYYY-MM-DDTHH:mm` (a datetime-local input's value). */
  startsAt: string;
  endsAt: string;
  format: string;
  status: string;
  remoteTool: string;
  remoteUrl: string;
  venue: {
    room: string;
    floor: string;
    building: string;
    street: string;
    town: string;
    organisationId: string;
  };
  summary: string;
  nextMeetingId: string;
  participants: ParticipantValues[];
  agenda: AgendaValues[];
}

export const blankParticipant = (): ParticipantValues => ({
  personId: '',
  organisationId: '',
  roles: ['MEMBER'],
  attendance: 'PRESENT',
});
export const blankAction = (): ActionValues => ({
  description: '',
  ownerId: '',
  dueDate: '',
  status: 'OPEN',
});
export const blankAgendaItem = (): AgendaValues => ({
  title: '',
  notes: '',
  decisions: '',
  actions: [],
});

/** A new meeting's form: one blank participant and agenda item to start from. */
export function newMeetingValues(groupId: string): MeetingValues {
  return {
    groupId,
    title: '',
    startsAt: '',
    endsAt: '',
    format: 'IN_PERSON',
    status: 'PLANNED',
    remoteTool: '',
    remoteUrl: '',
    venue: { room: '', floor: '', building: '', street: '', town: '', organisationId: '' },
    summary: '',
    nextMeetingId: '',
    participants: [blankParticipant()],
    agenda: [blankAgendaItem()],
  };
}

/** The Helsinki wall-clock part of the API's `2019-03-11T13:00:00+02:00`. */
export function localDateTime(value: string | null | undefined): string {
  return value ? value.slice(0, 16) : '';
}

interface EditorMeeting {
  title: string;
  startsAt: string;
  endsAt?: string | null;
  format: string;
  recordedStatus: string;
  remoteTool?: string | null;
  remoteUrl?: string | null;
  summary?: string | null;
  group: { id: string };
  venue?: {
    room?: string | null;
    floor?: string | null;
    building?: string | null;
    street?: string | null;
    town?: string | null;
    organisation?: { id: string } | null;
  } | null;
  nextMeeting?: { id: string } | null;
  participants: {
    roles: string[];
    attendance: string;
    person: { id: string };
    organisation?: { id: string } | null;
  }[];
  agenda: {
    title: string;
    notes?: string | null;
    decisions: { text: string }[];
    actions: {
      description: string;
      dueDate?: string | null;
      status: string;
      owner?: { id: string } | null;
    }[];
  }[];
}

/** The form's values of a saved meeting. */
export function meetingValues(m: EditorMeeting): MeetingValues {
  return {
    groupId: m.group.id,
    title: m.title,
    startsAt: localDateTime(m.startsAt),
    endsAt: localDateTime(m.endsAt),
    format: m.format,
    status: m.recordedStatus,
    remoteTool: m.remoteTool ?? '',
    remoteUrl: m.remoteUrl ?? '',
    venue: {
      room: m.venue?.room ?? '',
      floor: m.venue?.floor ?? '',
      building: m.venue?.building ?? '',
      street: m.venue?.street ?? '',
      town: m.venue?.town ?? '',
      organisationId: m.venue?.organisation?.id ?? '',
    },
    summary: m.summary ?? '',
    nextMeetingId: m.nextMeeting?.id ?? '',
    participants: m.participants.map((p) => ({
      personId: p.person.id,
      organisationId: p.organisation?.id ?? '',
      roles: [...p.roles],
      attendance: p.attendance,
    })),
    agenda: m.agenda.map((item) => ({
      title: item.title,
      notes: item.notes ?? '',
      decisions: item.decisions.map((d) => d.text).join('\n'),
      actions: item.actions.map((a) => ({
        description: a.description,
        ownerId: a.owner?.id ?? '',
        dueDate: a.dueDate ?? '',
        status: a.status,
      })),
    })),
  };
}

function text(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === 'string' ? value.trim() : '';
}

/** How many rows a repeating group has in the form: one more than its highest index. */
function rowCount(form: FormData, prefix: string): number {
  const pattern = new RegExp(`^${prefix.replace(/\./g, '\\.')}\\.(\\d+)\\.`);
  let count = 0;
  for (const key of form.keys()) {
    const match = pattern.exec(key);
    if (match) count = Math.max(count, Number(match[1]) + 1);
  }
  return Math.min(count, 200);
}

/** The values of a posted meeting form, every row in order. */
export function readMeetingForm(form: FormData): MeetingValues {
  const participants = Array.from({ length: rowCount(form, 'participants') }, (_, i) => ({
    personId: text(form, `participants.${i}.personId`),
    organisationId: text(form, `participants.${i}.organisationId`),
    roles: form.getAll(`participants.${i}.roles`).filter((r): r is string => typeof r === 'string'),
    attendance: text(form, `participants.${i}.attendance`) || 'PRESENT',
  }));
  const agenda = Array.from({ length: rowCount(form, 'agenda') }, (_, i) => ({
    title: text(form, `agenda.${i}.title`),
    notes: text(form, `agenda.${i}.notes`),
    decisions: text(form, `agenda.${i}.decisions`),
    actions: Array.from({ length: rowCount(form, `agenda.${i}.actions`) }, (_, j) => ({
      description: text(form, `agenda.${i}.actions.${j}.description`),
      ownerId: text(form, `agenda.${i}.actions.${j}.ownerId`),
      dueDate: text(form, `agenda.${i}.actions.${j}.dueDate`),
      status: text(form, `agenda.${i}.actions.${j}.status`) || 'OPEN',
    })),
  }));
  return {
    groupId: text(form, 'groupId'),
    title: text(form, 'title'),
    startsAt: text(form, 'startsAt'),
    endsAt: text(form, 'endsAt'),
    format: text(form, 'format'),
    status: text(form, 'status'),
    remoteTool: text(form, 'remoteTool'),
    remoteUrl: text(form, 'remoteUrl'),
    venue: {
      room: text(form, 'venue.room'),
      floor: text(form, 'venue.floor'),
      building: text(form, 'venue.building'),
      street: text(form, 'venue.street'),
      town: text(form, 'venue.town'),
      organisationId: text(form, 'venue.organisationId'),
    },
    summary: text(form, 'summary'),
    nextMeetingId: text(form, 'nextMeetingId'),
    participants,
    agenda,
  };
}

const isBlankAction = (a: ActionValues) => !a.description && !a.ownerId && !a.dueDate;
const isBlankItem = (a: AgendaValues) =>
  !a.title && !a.notes && !a.decisions && a.actions.every(isBlankAction);

/**
 * The values without the rows left blank (a new form's empty rows), so that the rows sent are
 * the rows shown again, and an error's index points at the right one.
 */
export function withoutBlankRows(v: MeetingValues): MeetingValues {
  return {
    ...v,
    participants: v.participants.filter((p) => p.personId),
    agenda: v.agenda
      .filter((item) => !isBlankItem(item))
      .map((item) => ({ ...item, actions: item.actions.filter((a) => !isBlankAction(a)) })),
  };
}

const oneOf = <T extends string>(values: readonly T[], value: string, fallback: T): T =>
  (values as readonly string[]).includes(value) ? (value as T) : fallback;
const orNull = (value: string) => value || null;

/** The API's input for the values (numbered 1, 2, 3 … in the order shown). */
export function meetingInput(v: MeetingValues): Omit<CreateMeetingInput, 'groupId'> {
  const venue = Object.values(v.venue).some(Boolean)
    ? {
        room: orNull(v.venue.room),
        floor: orNull(v.venue.floor),
        building: orNull(v.venue.building),
        street: orNull(v.venue.street),
        town: orNull(v.venue.town),
        organisationId: orNull(v.venue.organisationId),
      }
    : null;
  return {
    title: v.title,
    startsAt: v.startsAt,
    endsAt: orNull(v.endsAt),
    format: oneOf(MEETING_FORMATS, v.format, 'IN_PERSON'),
    status: oneOf(MEETING_STATUSES, v.status, 'PLANNED'),
    remoteTool: orNull(v.remoteTool),
    remoteUrl: orNull(v.remoteUrl),
    venue,
    summary: orNull(v.summary),
    nextMeetingId: orNull(v.nextMeetingId),
    participants: v.participants.map((p) => ({
      personId: p.personId,
      organisationId: orNull(p.organisationId),
      roles: p.roles.filter((r) =>
        (MEETING_ROLES as readonly string[]).includes(r),
      ) as MeetingRole[],
      attendance: oneOf(['PRESENT', 'ABSENT'] as const, p.attendance, 'PRESENT'),
    })),
    agenda: v.agenda.map((item, i) => ({
      number: i + 1,
      title: item.title,
      notes: orNull(item.notes),
      decisions: item.decisions
        .split('\n')
        .map((d) => d.trim())
        .filter(Boolean),
      actions: item.actions.map((a) => ({
        description: a.description,
        ownerId: orNull(a.ownerId),
        dueDate: orNull(a.dueDate),
        status: oneOf(ACTION_STATUSES, a.status, 'OPEN'),
      })),
    })),
  };
}

/** What a submit button asks for: save, or a row added or removed (`addAction:1`, …). */
export type MeetingIntent =
  | { kind: 'save' }
  | { kind: 'carryOver' }
  | { kind: 'addParticipant' }
  | { kind: 'removeParticipant'; index: number }
  | { kind: 'addAgenda' }
  | { kind: 'removeAgenda'; index: number }
  | { kind: 'addAction'; index: number }
  | { kind: 'removeAction'; index: number; action: number };

export function meetingIntent(form: FormData): MeetingIntent {
  const [kind = 'save', a, b] = (text(form, 'intent') || 'save').split(':');
  const index = Number(a);
  const action = Number(b);
  switch (kind) {
    case 'carryOver':
    case 'addParticipant':
    case 'addAgenda':
      return { kind };
    case 'removeParticipant':
    case 'removeAgenda':
    case 'addAction':
      return Number.isInteger(index) ? { kind, index } : { kind: 'save' };
    case 'removeAction':
      return Number.isInteger(index) && Number.isInteger(action)
        ? { kind, index, action }
        : { kind: 'save' };
    default:
      return { kind: 'save' };
  }
}

/** The values after an add or remove button. */
export function applyRowIntent(v: MeetingValues, intent: MeetingIntent): MeetingValues {
  const agenda = v.agenda.map((item) => ({ ...item, actions: [...item.actions] }));
  switch (intent.kind) {
    case 'addParticipant':
      return { ...v, participants: [...v.participants, blankParticipant()] };
    case 'removeParticipant':
      return { ...v, participants: v.participants.filter((_, i) => i !== intent.index) };
    case 'addAgenda':
      return { ...v, agenda: [...agenda, blankAgendaItem()] };
    case 'removeAgenda':
      return { ...v, agenda: agenda.filter((_, i) => i !== intent.index) };
    case 'addAction':
      agenda[intent.index]?.actions.push(blankAction());
      return { ...v, agenda };
    case 'removeAction':
      agenda[intent.index]?.actions.splice(intent.action, 1);
      return { ...v, agenda };
    default:
      return v;
  }
}

/** Where the keyboard goes after a row is added: the new row's first field. */
export function focusAfter(v: MeetingValues, intent: MeetingIntent): string | null {
  switch (intent.kind) {
    case 'addParticipant':
      return `participants.${v.participants.length - 1}.personId`;
    case 'addAgenda':
    case 'carryOver':
      return `agenda.${v.agenda.length - 1}.title`;
    case 'addAction': {
      const count = v.agenda[intent.index]?.actions.length ?? 0;
      return `agenda.${intent.index}.actions.${count - 1}.description`;
    }
    default:
      return null;
  }
}

/**
 * Field errors by their full path (`agenda.0.actions.1.ownerId`), translated by code; an end
 * before the start gets its own words.
 */
export function meetingFieldErrors(
  errors: readonly ApiUserError[],
  t: Translate,
  values: MeetingValues,
): FieldErrors {
  const out: FieldErrors = {};
  for (const error of errors) {
    if (out[error.field]) continue;
    out[error.field] =
      error.field === 'endsAt' &&
      values.startsAt &&
      values.endsAt &&
      values.endsAt < values.startsAt
        ? t('meetingForm.endBeforeStart')
        : t(`error.${error.code}` as MessageKey);
  }
  return out;
}

export interface MeetingChoices {
  groups: { id: string; name: string }[];
  people: { id: string; name: string; organisation?: { id: string } | null }[];
  organisations: { id: string; name: string }[];
  meetings: { id: string; title: string; startsAt: string }[];
}

/**
 * The values as one line of text a field, for the conflict table: names instead of ids, so a
 * curator sees what differs ("Isa Kotilaine (Kajaanin kaupunginkirjasto), sihteeri").
 */
export function meetingSummary(
  v: MeetingValues,
  choices: MeetingChoices,
  t: Translate,
): Record<string, string> {
  const name = (list: { id: string; name: string }[], id: string) =>
    list.find((x) => x.id === id)?.name ?? '';
  const participant = (p: ParticipantValues) => {
    const org = name(choices.organisations, p.organisationId);
    const roles = p.roles.map((r) => t(`role.${r}` as MessageKey)).join(', ');
    return [
      name(choices.people, p.personId),
      org ? ` (${org})` : '',
      roles ? `, ${roles}` : '',
      p.attendance === 'ABSENT' ? ` – ${t('meetings.absent')}` : '',
    ].join('');
  };
  const agenda = v.agenda.map((item, i) =>
    [
      `${i + 1}. ${item.title}`,
      item.notes,
      ...item.decisions.split('\n').filter(Boolean),
      ...item.actions.map(
        (a) =>
          `→ ${a.description} (${name(choices.people, a.ownerId) || '–'}, ${a.dueDate || '–'}, ${t(`actionStatus.${a.status}` as MessageKey)})`,
      ),
    ]
      .filter(Boolean)
      .join(' / '),
  );
  return {
    title: v.title,
    startsAt: v.startsAt.replace('T', ' '),
    endsAt: v.endsAt.replace('T', ' '),
    format: v.format ? t(`format.${v.format}` as MessageKey) : '',
    status: v.status ? t(`meetingStatus.${v.status}` as MessageKey) : '',
    place: [
      v.venue.room,
      v.venue.floor,
      v.venue.building,
      v.venue.street,
      v.venue.town,
      name(choices.organisations, v.venue.organisationId),
    ]
      .filter(Boolean)
      .join(', '),
    remote: [v.remoteTool, v.remoteUrl].filter(Boolean).join(' '),
    summary: v.summary,
    participants: v.participants.map(participant).join('; '),
    agenda: agenda.join(' | '),
    nextMeetingId: choices.meetings.find((m) => m.id === v.nextMeetingId)?.title ?? '',
  };
}

/** The rows of the conflict table. */
export const MEETING_COMPARED: [string, MessageKey][] = [
  ['title', 'field.title'],
  ['startsAt', 'meetingForm.startsAt'],
  ['endsAt', 'meetingForm.endsAt'],
  ['format', 'meetingForm.format'],
  ['status', 'meetingForm.status'],
  ['place', 'meetings.where'],
  ['remote', 'meetingForm.remote'],
  ['summary', 'meetingForm.summary'],
  ['participants', 'meetings.participants'],
  ['agenda', 'meetings.agenda'],
  ['nextMeetingId', 'meetings.next'],
];
