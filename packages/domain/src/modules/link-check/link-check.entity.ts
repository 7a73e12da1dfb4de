import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { Resource } from '../resource/resource.entity.js';
import { type LinkRedirect } from './link-checker.js';
import { LINK_STATUSES } from './link-status.js';

/**
 * One check of a resource's link: what it answered and what that means. Every check is kept,
 * so a link's history shows when it broke; the newest one is the link's health.
 */
export const LinkCheck = defineEntity({
  name: 'LinkCheck',
  properties: {
    id: p.integer().primary(),
    resource: () => p.manyToOne(Resource).deleteRule('cascade'),
    /** The address checked (the resource's URL at the time; it may be edited later). */
    url: p.string().length(2048),
    checkedAt: p.datetime(),
    status: p.enum([...LINK_STATUSES]),
    /** The final HTTP status; null when no answer came. */
    httpStatus: p.integer().nullable(),
    /** Where the redirects ended (a short link expanded); null when no answer came. */
    finalUrl: p.string().length(2048).nullable(),
    /** The redirects followed, in order. */
    redirects: p.json<LinkRedirect[]>(),
    /** Attempts made in the run (retries included). */
    attempts: p.integer(),
    durationMs: p.integer(),
    /** What went wrong, in words; null on success. */
    error: p.string().length(500).nullable(),
  },
  // The `broken` filter looks for broken checks first, then whether each is its link's latest.
  indexes: [{ properties: ['status'] }],
});
export type LinkCheck = InferEntity<typeof LinkCheck>;
