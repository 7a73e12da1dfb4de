import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { curatedProperties } from '../../shared/curated.entity.js';

/** A tag (asiasana) on resources, best practices and ideas; the slug keeps it unique. */
export const Tag = defineEntity({
  name: 'Tag',
  properties: {
    id: p.integer().primary(),
    name: p.string().length(60),
    slug: p.string().length(80).unique(),
    description: p.text().nullable(),
    /**
     * The tag this one was merged into (an id, not a relation: tags are never deleted, and a
     * plain column keeps the self-reference out of the entity's inferred type).
     */
    mergedIntoId: p.integer().nullable(),
    ...curatedProperties(),
  },
});
export type Tag = InferEntity<typeof Tag>;
