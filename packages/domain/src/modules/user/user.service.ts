import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireAdmin } from '../../shared/actor.js';
import { NotFoundError, type Result } from '../../shared/errors.js';
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, runWrite } from '../../shared/write.js';
import { Person } from '../person/person.entity.js';
import { ApiToken } from './api-token.entity.js';
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

  /**
   * Issues an API token for a user. The token is returned once, here; only its hash is kept.
   * Tokens look like `ake_<43 characters>` so that secret scanners can recognise them.
   */
  async createToken(
    actor: Actor,
    input: { userId: number; name?: string; expiresAt?: Date | null },
  ): Promise<{ token: string; apiToken: ApiToken }> {
    requireAdmin(actor);
    return this.em.transactional(async (tx) => {
      const user = await tx.findOne(User, { id: input.userId });
      if (!user) throw new NotFoundError('User', input.userId);
      const token = `ake_${randomBytes(32).toString('base64url')}`;
      const apiToken = tx.create(ApiToken, {
        user,
        name: (input.name ?? 'API').slice(0, 100),
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        createdAt: new Date(),
        expiresAt: input.expiresAt ?? null,
      });
      return { token, apiToken };
    });
  }

  /**
   * The actor a bearer token stands for, or null when the token is unknown, revoked, expired,
   * or its user is disabled. Never throws on bad input: any string may arrive in a header.
   */
  async authenticate(token: string): Promise<Actor | null> {
    if (!/^ake_[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
    const apiToken = await this.em.findOne(
      ApiToken,
      { tokenHash: hashToken(token), revokedAt: null },
      { populate: ['user'] },
    );
    if (!apiToken) return null;
    if (apiToken.expiresAt && apiToken.expiresAt <= new Date()) return null;
    if (apiToken.user.disabledAt) return null;
    return { kind: 'user', userId: apiToken.user.id, role: apiToken.user.role };
  }

  /** Revokes a token: requests carrying it are anonymous from now on. */
  async revokeToken(actor: Actor, tokenId: number): Promise<void> {
    requireAdmin(actor);
    const updated = await this.em.nativeUpdate(
      ApiToken,
      { id: tokenId, revokedAt: null },
      { revokedAt: new Date() },
    );
    if (updated === 0) throw new NotFoundError('ApiToken', tokenId);
  }

  /** One account, or null. */
  async get(id: number): Promise<User | null> {
    return this.em.findOne(User, { id });
  }

  /** Accounts by name; admins only, since emails are personal data. */
  async list(actor: Actor): Promise<User[]> {
    requireAdmin(actor);
    return this.em.find(User, {}, { orderBy: { name: 'asc' } });
  }
}

/** SHA-256 of a token, hex: what is stored and looked up. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
