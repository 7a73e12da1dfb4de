import { z } from 'zod';
import {
  LANGUAGES,
  LIMITS,
  httpUrl,
  id,
  optionalText,
  requiredText,
  version,
} from '../../shared/validation.js';

/** What a resource link points at. */
export const RESOURCE_KINDS = [
  'web_page',
  'project_page',
  'event',
  'blog_post',
  'publication',
  'book',
  'video',
  'other',
] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** Tag names as users type them; the service creates missing tags. */
export const tagNames = z
  .array(requiredText(LIMITS.tag))
  .max(30, { error: 'At most 30 tags' })
  .default([]);

const resourceFields = {
  url: httpUrl(),
  title: requiredText(LIMITS.title),
  description: optionalText(LIMITS.shortText),
  language: z.enum(LANGUAGES, { error: 'Must be fi, sv or en' }),
  kind: z.enum(RESOURCE_KINDS, { error: `Must be one of: ${RESOURCE_KINDS.join(', ')}` }),
  tags: tagNames,
  organisationId: id().nullish(),
  sourceMeetingId: id().nullish(),
  sourceAgendaItemId: id().nullish(),
};

/** Input for adding a resource link. */
export const createResourceInput = z.object({
  ...resourceFields,
  language: resourceFields.language.default('fi'),
  kind: resourceFields.kind.default('web_page'),
});
export type CreateResourceInput = z.input<typeof createResourceInput>;

/** Input for editing a resource; `version` is the one the editor saw. */
export const updateResourceInput = z
  .object({ ...resourceFields, tags: z.array(requiredText(LIMITS.tag)).max(30) })
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateResourceInput = z.input<typeof updateResourceInput>;
