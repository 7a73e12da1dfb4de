import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireAdmin } from '../../shared/actor.js';
import { type Result } from '../../shared/errors.js';
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, runWrite } from '../../shared/write.js';
import { Person } from '../person/person.entity.js';
import { User } from './user.entity.js';
import { createUserInput } from './user.schema.js';

/** User accounts of curators and admins; only admins manage them. */
export class UserService {
  constructor(private readonly em: EntityManager) {}

  /** Creates an account; an email already in use is a DUPLICATE on `email`. */
  async create(actor: Actor, input: unknown): Promise<Result<User>> {
    requireAdmin(actor);
    const parsed = validate(createUserInput, input);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    return runWrite(this.em, async (tx) => {
      if (await tx.count(User, { email: v.email })) {
        throw new InvalidInput([
          fieldError('email', 'DUPLICATE', `${v.email} already has an account`),
        ]);
      }
      return tx.create(User, {
        email: v.email,
        name: v.name,
        role: v.role,
        person: await optionalRef(tx, Person, v.personId, 'personId', 'person'),
        createdAt: new Date(),
      });
    });
  }

  /** Accounts by name; admins only, since emails are personal data. */
  async list(actor: Actor): Promise<User[]> {
    requireAdmin(actor);
    return this.em.find(User, {}, { orderBy: { name: 'asc' } });
  }
}
