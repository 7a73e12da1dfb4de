import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { User } from './user.entity.js';

/**
 * An API token of a user, sent as `Authorization: Bearer …`. Only its SHA-256 hash is stored:
 * a leaked database does not leak working tokens. The prefix identifies a token in lists.
 */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  properties: {
    id: p.integer().primary(),
    user: () => p.manyToOne(User).deleteRule('cascade'),
    /** What the token is for, e.g. "CLI" or "raporttipalvelu". */
    name: p.string().length(100),
    tokenHash: p.string().length(64).unique(),
    prefix: p.string().length(16),
    createdAt: p.datetime().onCreate(() => new Date()),
    lastUsedAt: p.datetime().nullable(),
    expiresAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
});
export type ApiToken = InferEntity<typeof ApiToken>;
