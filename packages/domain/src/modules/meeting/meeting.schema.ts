import { z } from 'zod';
import {
  LIMITS,
  calendarDate,
  dateTime,
  id,
  optionalHttpUrl,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';

export const MEETING_FORMATS = ['remote', 'in_person', 'hybrid'] as const;
export type MeetingFormat = (typeof MEETING_FORMATS)[number];

export const MEETING_STATUSES = ['planned', 'held', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Roles a participant has at one meeting (pj., vpj., siht.; "pj.+siht." is two roles). */
export const MEETING_ROLES = ['chair', 'vice_chair', 'secretary', 'member', 'guest'] as const;
export type MeetingRole = (typeof MEETING_ROLES)[number];

export const ATTENDANCE = ['present', 'absent'] as const;
export type Attendance = (typeof ATTENDANCE)[number];

export const ACTION_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Where a meeting or training session takes place. */
export const venueInput = z.object({
  room: optionalText(200),
  floor: optionalText(50),
  building: optionalText(200),
  street: optionalText(200),
  town: optionalText(100),
  organisationId: id().nullish(),
});

export const participantInput = z.object({
  personId: id(),
  organisationId: id().nullish(),
  roles: z.array(z.enum(MEETING_ROLES)).max(5).default([]),
  attendance: z.enum(ATTENDANCE).default('present'),
});

export const actionItemInput = z.object({
  description: requiredText(LIMITS.shortText),
  ownerId: id().nullish(),
  dueDate: calendarDate().nullish(),
  status: z.enum(ACTION_STATUSES).default('open'),
});

export const agendaItemInput = z.object({
  number: z.number().int().min(1).max(999),
  title: requiredText(LIMITS.title),
  notes: optionalText(LIMITS.longText),
  decisions: z.array(requiredText(LIMITS.shortText)).max(100).default([]),
  actions: z.array(actionItemInput).max(100).default([]),
});

const meetingFields = {
  groupId: id(),
  title: requiredText(LIMITS.title),
  startsAt: dateTime(),
  endsAt: dateTime().nullish(),
  format: z.enum(MEETING_FORMATS, { error: `Must be one of: ${MEETING_FORMATS.join(', ')}` }),
  status: z.enum(MEETING_STATUSES),
  remoteTool: optionalText(100),
  remoteUrl: optionalHttpUrl(),
  venue: venueInput.nullish(),
  summary: optionalText(LIMITS.longText),
  sourceText: optionalText(LIMITS.longText),
  nextMeetingId: id().nullish(),
};

function endsAfterStart(v: { startsAt?: Date; endsAt?: Date | null }) {
  return !v.startsAt || !v.endsAt || v.endsAt >= v.startsAt;
}
const endsAfterStartIssue = {
  error: 'Must not be before the start',
  path: ['endsAt'],
  params: { code: 'INVALID_DATE' },
};

/** Input for recording a meeting with its participants and agenda. */
export const createMeetingInput = z
  .object({
    ...meetingFields,
    status: z.enum(MEETING_STATUSES).default('held'),
    participants: z.array(participantInput).max(200).default([]),
    agenda: z.array(agendaItemInput).max(100).default([]),
  })
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((v) => new Set(v.agenda.map((a) => a.number)).size === v.agenda.length, {
    error: 'Agenda item numbers must be unique',
    path: ['agenda'],
  })
  .refine((v) => new Set(v.participants.map((a) => a.personId)).size === v.participants.length, {
    error: 'A person can be listed only once',
    path: ['participants'],
  });
export type CreateMeetingInput = z.input<typeof createMeetingInput>;

/**
 * Input for changing a meeting; absent fields keep their value, null clears an optional one.
 * `participants` and `agenda`, when given, replace the current ones as a whole (an editing form
 * sends the list it shows), in the same transaction and revision as the rest.
 */
export const updateMeetingInput = z
  .object(meetingFields)
  .omit({ groupId: true })
  .partial()
  .extend({
    id: id(),
    version: version(),
    participants: z.array(participantInput).max(200).optional(),
    agenda: z.array(agendaItemInput).max(100).optional(),
  })
  .refine(endsAfterStart, endsAfterStartIssue)
  .refine((v) => !v.agenda || new Set(v.agenda.map((a) => a.number)).size === v.agenda.length, {
    error: 'Agenda item numbers must be unique',
    path: ['agenda'],
  })
  .refine(
    (v) =>
      !v.participants ||
      new Set(v.participants.map((a) => a.personId)).size === v.participants.length,
    { error: 'A person can be listed only once', path: ['participants'] },
  );
export type UpdateMeetingInput = z.input<typeof updateMeetingInput>;

/** Action items still to be done: open or in progress. */
export const OPEN_ACTION_STATUSES = [
  'open',
  'in_progress',
] as const satisfies readonly ActionStatus[];

/**
 * The status a meeting shows at `now`: a planned meeting whose time has passed (its end, or its
 * start when no end is known) counts as held without anyone editing it. Held and cancelled
 * stay as recorded.
 */
export function meetingStatusAt(
  meeting: { status: MeetingStatus; startsAt: Date; endsAt?: Date | null },
  now: Date = new Date(),
): MeetingStatus {
  if (meeting.status !== 'planned') return meeting.status;
  const end = meeting.endsAt ?? meeting.startsAt;
  return end.getTime() <= now.getTime() ? 'held' : 'planned';
}

/** Input for changing where one action item stands (from the list of actions). */
export const setActionItemStatusInput = z.object({
  id: id(),
  status: z.enum(ACTION_STATUSES, { error: `Must be one of: ${ACTION_STATUSES.join(', ')}` }),
});
export type SetActionItemStatusInput = z.input<typeof setActionItemStatusInput>;
