import { z } from 'zod';
import { LIMITS, id, optionalText, requiredText, version } from '../../shared/validation.js';

const tagFields = {
  name: requiredText(LIMITS.tag),
  description: optionalText(LIMITS.shortText),
};

/** Input for creating a tag. */
export const createTagInput = z.object(tagFields);
export type CreateTagInput = z.input<typeof createTagInput>;

/** Input for renaming or describing a tag. */
export const updateTagInput = z
  .object(tagFields)
  .partial()
  .extend({ id: id(), version: version() });
export type UpdateTagInput = z.input<typeof updateTagInput>;

/** Input for merging one tag into another. */
export const mergeTagsInput = z.object({
  sourceId: id(),
  targetId: id(),
  sourceVersion: version(),
});
export type MergeTagsInput = z.input<typeof mergeTagsInput>;
