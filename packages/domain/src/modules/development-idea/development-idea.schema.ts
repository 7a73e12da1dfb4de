import { z } from 'zod';
import {
  LANGUAGES,
  LIMITS,
  id,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';
import { tagNames } from '../resource/resource.schema.js';

/** Where a regional development idea stands. */
export const IDEA_STATUSES = [
  'proposed',
  'under_consideration',
  'planned',
  'in_progress',
  'done',
  'rejected',
] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];

const ideaFields = {
  title: requiredText(LIMITS.title),
  description: optionalText(LIMITS.longText),
  status: z.enum(IDEA_STATUSES, { error: `Must be one of: ${IDEA_STATUSES.join(', ')}` }),
  /** What was done about it, and what is next. */
  followUp: optionalText(LIMITS.longText),
  language: z.enum(LANGUAGES, { error: 'Must be fi, sv or en' }),
  tags: tagNames,
  sourceMeetingId: id().nullish(),
  sourceAgendaItemId: id().nullish(),
};

/** Input for recording a development idea (kehittämisidea). */
export const createDevelopmentIdeaInput = z.object({
  ...ideaFields,
  status: ideaFields.status.default('proposed'),
  language: ideaFields.language.default('fi'),
});
export type CreateDevelopmentIdeaInput = z.input<typeof createDevelopmentIdeaInput>;

export const updateDevelopmentIdeaInput = z
  .object({ ...ideaFields, tags: z.array(requiredText(LIMITS.tag)).max(30) })
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateDevelopmentIdeaInput = z.input<typeof updateDevelopmentIdeaInput>;
