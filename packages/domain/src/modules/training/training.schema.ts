import { z } from 'zod';
import {
  LIMITS,
  dateTime,
  id,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';
import { venueInput } from '../meeting/meeting.schema.js';

export const TRAINING_KINDS = ['customer_service', 'language', 'training_day', 'other'] as const;
export type TrainingKind = (typeof TRAINING_KINDS)[number];

export const SEASONS = ['spring', 'autumn'] as const;
export type Season = (typeof SEASONS)[number];

/** A training moves from an idea to planned (trainer sought), scheduled (dates fixed), held. */
export const TRAINING_STATUSES = ['idea', 'planned', 'scheduled', 'held', 'cancelled'] as const;
export type TrainingStatus = (typeof TRAINING_STATUSES)[number];

export const trainingSessionInput = z.object({
  startsAt: dateTime().nullish(),
  endsAt: dateTime().nullish(),
  venue: venueInput.nullish(),
  /**
   * Sessions sharing a number are alternatives: "Ylivieskassa tai Nivalassa" is two sessions
   * with the same group, of which one will be held.
   */
  alternativeGroup: z.number().int().min(1).max(99).nullish(),
  remote: z.boolean().default(false),
});

export const programmeItemInput = z.object({
  title: requiredText(LIMITS.title),
  description: optionalText(LIMITS.shortText),
  presenterId: id().nullish(),
  startsAt: dateTime().nullish(),
  endsAt: dateTime().nullish(),
});

const trainingFields = {
  title: requiredText(LIMITS.title),
  topic: optionalText(LIMITS.shortText),
  description: optionalText(LIMITS.longText),
  kind: z.enum(TRAINING_KINDS, { error: `Must be one of: ${TRAINING_KINDS.join(', ')}` }),
  season: z.enum(SEASONS, { error: 'Must be spring or autumn' }).nullish(),
  year: z.number().int().min(1990).max(2100),
  status: z.enum(TRAINING_STATUSES, {
    error: `Must be one of: ${TRAINING_STATUSES.join(', ')}`,
  }),
  remoteParticipation: z.boolean(),
  trainerId: id().nullish(),
  /** Free text while no trainer is chosen, e.g. "Kouluttajia kartoitetaan". */
  trainerNote: optionalText(LIMITS.shortText),
  organiserId: id().nullish(),
  coordinatorId: id().nullish(),
  partnerId: id().nullish(),
  sourceMeetingId: id().nullish(),
};

/** Input for planning a training with its sessions and day programme. */
export const createTrainingInput = z.object({
  ...trainingFields,
  status: trainingFields.status.default('idea'),
  remoteParticipation: z.boolean().default(false),
  sessions: z.array(trainingSessionInput).max(50).default([]),
  programme: z.array(programmeItemInput).max(50).default([]),
});
export type CreateTrainingInput = z.input<typeof createTrainingInput>;

/** Input for changing a training's own fields; absent fields keep their value. */
export const updateTrainingInput = z
  .object(trainingFields)
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateTrainingInput = z.input<typeof updateTrainingInput>;
