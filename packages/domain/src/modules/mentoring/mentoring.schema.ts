import { z } from 'zod';
import {
  LIMITS,
  calendarDate,
  id,
  optionalHttpUrl,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';

export const PROGRAMME_KINDS = ['work_visits', 'mentoring', 'mixed'] as const;
export type ProgrammeKind = (typeof PROGRAMME_KINDS)[number];

const programmeFields = {
  name: requiredText(LIMITS.title),
  kind: z.enum(PROGRAMME_KINDS, { error: `Must be one of: ${PROGRAMME_KINDS.join(', ')}` }),
  description: optionalText(LIMITS.longText),
  url: optionalHttpUrl(),
  organiserId: id().nullish(),
  contactId: id().nullish(),
  startYear: z.number().int().min(1990).max(2100).nullish(),
  endYear: z.number().int().min(1990).max(2100).nullish(),
  /** Figures as the programme reported them, when its individual visits are not recorded. */
  reportedDays: z.number().min(0).max(100_000).nullish(),
  reportedLibraries: z.number().int().min(0).max(10_000).nullish(),
  reportedBookmobiles: z.number().int().min(0).max(10_000).nullish(),
  sourceMeetingId: id().nullish(),
};

/** Input for a mentoring or work-visit programme. */
export const createProgrammeInput = z.object(programmeFields);
export type CreateProgrammeInput = z.input<typeof createProgrammeInput>;

export const updateProgrammeInput = z
  .object(programmeFields)
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateProgrammeInput = z.input<typeof updateProgrammeInput>;

const visitFields = {
  programmeId: id().nullish(),
  visitorId: id().nullish(),
  visitorOrganisationId: id().nullish(),
  hostId: id(),
  startDate: calendarDate(),
  endDate: calendarDate().nullish(),
  days: z.number().positive({ error: 'Must be more than zero' }).max(365),
  goals: optionalText(LIMITS.longText),
  lessons: optionalText(LIMITS.longText),
};

function endsAfterStart(v: { startDate?: string; endDate?: string | null }) {
  return !v.startDate || !v.endDate || v.endDate >= v.startDate;
}
const endIssue = {
  error: 'Must not be before the start date',
  path: ['endDate'],
  params: { code: 'INVALID_DATE' },
};

/** Input for a work visit (kyläily, työvierailu) to a library or bookmobile. */
export const createWorkVisitInput = z.object(visitFields).refine(endsAfterStart, endIssue);
export type CreateWorkVisitInput = z.input<typeof createWorkVisitInput>;

export const updateWorkVisitInput = z
  .object(visitFields)
  .partial()
  .extend({ id: id(), version: version() })
  .refine(endsAfterStart, endIssue);
export type UpdateWorkVisitInput = z.input<typeof updateWorkVisitInput>;

/** Input for pairing a mentor with a mentee. */
export const mentoringPairInput = z
  .object({
    programmeId: id(),
    mentorId: id(),
    menteeId: id(),
    startDate: calendarDate(),
    endDate: calendarDate().nullish(),
    goals: optionalText(LIMITS.longText),
  })
  .refine((v) => v.mentorId !== v.menteeId, {
    error: 'A mentor cannot mentor themselves',
    path: ['menteeId'],
  })
  .refine(endsAfterStart, endIssue);
export type MentoringPairInput = z.input<typeof mentoringPairInput>;
