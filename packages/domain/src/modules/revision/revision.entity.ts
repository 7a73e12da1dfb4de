import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { User } from '../user/user.entity.js';

export const REVISION_ACTIONS = ['create', 'update', 'archive', 'restore', 'anonymise'] as const;
export type RevisionAction = (typeof REVISION_ACTIONS)[number];

/** One changed field: the value before and after, as JSON. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

/**
 * One entry of a record's history: who (null for the system), when, which version it produced,
 * and what changed field by field. Written in the same transaction as the change itself.
 */
export const Revision = defineEntity({
  name: 'Revision',
  properties: {
    id: p.integer().primary(),
    entityType: p.string().length(50),
    entityId: p.integer(),
    version: p.integer(),
    action: p.enum([...REVISION_ACTIONS]),
    changes: p.json<Record<string, FieldChange>>(),
    actor: () => p.manyToOne(User).nullable(),
    /** Why the system made the change ("seed", "import"), when no user did. */
    note: p.string().length(200).nullable(),
    /** The earlier version this revision brought back ("Palauta tämä versio"), if it did. */
    restoredFromVersion: p.integer().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['entityType', 'entityId'] }],
});
export type Revision = InferEntity<typeof Revision>;
