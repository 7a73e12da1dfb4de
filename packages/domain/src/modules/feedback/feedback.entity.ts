import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { LANGUAGES } from '../../shared/validation.js';
import { User } from '../user/user.entity.js';

/**
 * A message sent through the accessibility statement's feedback form (the Act on the Provision
 * of Digital Services requires the channel, and an answer within 14 days). Stored in the
 * database, not on a web server's disk, so any number of web processes can take it in and the
 * curators see every message in one place.
 */
export const AccessibilityFeedback = defineEntity({
  name: 'AccessibilityFeedback',
  properties: {
    id: p.integer().primary(),
    message: p.text(),
    /** Where to answer; null when the sender left none. */
    email: p.string().length(320).nullable(),
    /** The page the feedback is about, as the sender gave it. */
    page: p.string().length(2048).nullable(),
    /** The interface language the form was sent in (to answer in it). */
    language: p.enum([...LANGUAGES]),
    createdAt: p.datetime().onCreate(() => new Date()),
    /** When a curator marked it answered or otherwise handled; null while open. */
    handledAt: p.datetime().nullable(),
    handledBy: () => p.manyToOne(User).nullable(),
  },
  indexes: [{ properties: ['createdAt'] }],
});
export type AccessibilityFeedback = InferEntity<typeof AccessibilityFeedback>;
