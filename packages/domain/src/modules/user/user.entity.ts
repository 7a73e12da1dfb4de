import { type InferEntity, defineEntity, p } from '@mikro-orm/core';
import { ROLES } from '../../shared/actor.js';
import { Person } from '../person/person.entity.js';

/** A user account: someone who signs in to curate content or administer the service. */
export const User = defineEntity({
  name: 'User',
  tableName: 'user_account',
  properties: {
    id: p.integer().primary(),
    email: p.string().length(320).unique(),
    name: p.string().length(200),
    role: p.enum([...ROLES]),
    /** The person record of this user, when they also appear in meetings. */
    person: () => p.manyToOne(Person).nullable(),
    /**
     * Password for web sign-in, as `scrypt$N$r$p$salt$hash` (base64url salt and hash), so the
     * parameters can be raised later without invalidating stored hashes. Null: no password set.
     */
    passwordHash: p.string().length(300).nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    disabledAt: p.datetime().nullable(),
  },
});
export type User = InferEntity<typeof User>;
