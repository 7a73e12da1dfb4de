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

const bestPracticeFields = {
  title: requiredText(LIMITS.title),
  summary: optionalText(LIMITS.shortText),
  /** Markdown; rendered without raw HTML by the web app. */
  body: optionalText(LIMITS.longText),
  language: z.enum(LANGUAGES, { error: 'Must be fi, sv or en' }),
  originOrganisationId: id().nullish(),
  tags: tagNames,
  relatedResourceIds: z.array(id()).max(50).default([]),
  sourceMeetingId: id().nullish(),
  sourceAgendaItemId: id().nullish(),
};

/** Input for writing a best practice (hyvä käytäntö). */
export const createBestPracticeInput = z.object({
  ...bestPracticeFields,
  language: bestPracticeFields.language.default('fi'),
});
export type CreateBestPracticeInput = z.input<typeof createBestPracticeInput>;

export const updateBestPracticeInput = z
  .object({
    ...bestPracticeFields,
    tags: z.array(requiredText(LIMITS.tag)).max(30),
    relatedResourceIds: z.array(id()).max(50),
  })
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateBestPracticeInput = z.input<typeof updateBestPracticeInput>;
