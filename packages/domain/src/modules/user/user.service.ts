import { createHash, randomBytes } from 'node:crypto';
import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireAdmin } from '../../shared/actor.js';
import { NotFoundError, type Result, fail, ok } from '../../shared/errors.js';
import { fieldError, validate } from '../../shared/validation.js';
import { InvalidInput, optionalRef, runWrite } from '../../shared/write.js';
import { Person } from '../person/person.entity.js';
import { ApiToken } from './api-token.entity.js';
import { User } from './user.entity.js';
import { createUserInput } from './user.schema.js';
import { hashPassword, verifyPassword } from './password.js';

/** How long a web sign-in lasts: the "web session" token expires after this. */
export const WEB_SESSION_DAYS = 14;
/** The name of the API tokens that web sign-ins issue. */
export const WEB_SESSION_TOKEN_NAME = 'web session';
/** Password length limits (characters). */
export const PASSWORD_LIMITS = { min: 10, max: 200 } as const;

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
    return this.issueToken(input.userId, input.name ?? 'API', input.expiresAt ?? null);
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

  /**
   * Sets (or replaces) a user's password for web sign-in: admins for anyone, a user for
   * themselves. A password that is too short or too long is a TOO_SHORT / TOO_LONG on `password`.
   */
  async setPassword(actor: Actor, userId: number, password: string): Promise<Result<User>> {
    if (!(actor.kind === 'user' && actor.userId === userId)) requireAdmin(actor);
    const length = [...password].length;
    if (length < PASSWORD_LIMITS.min) {
      return fail([
        fieldError('password', 'TOO_SHORT', `At least ${PASSWORD_LIMITS.min} characters`),
      ]);
    }
    if (length > PASSWORD_LIMITS.max) {
      return fail([
        fieldError('password', 'TOO_LONG', `At most ${PASSWORD_LIMITS.max} characters`),
      ]);
    }
    const passwordHash = await hashPassword(password);
    return this.em.transactional(async (tx) => {
      const user = await tx.findOne(User, { id: userId });
      if (!user) throw new NotFoundError('User', userId);
      user.passwordHash = passwordHash;
      return ok(user);
    });
  }

  /**
   * Web sign-in: on a matching password of an enabled account, issues an API token named
   * "web session" that expires in {@link WEB_SESSION_DAYS} days and returns it (once). Any
   * failure returns null, whatever the reason, and costs the same password derivation.
   */
  async signIn(email: string, password: string): Promise<{ token: string; user: User } | null> {
    const user = await this.em.findOne(User, { email: email.trim().toLowerCase() });
    const matches = await verifyPassword(password, user?.passwordHash ?? null);
    if (!user || !matches || user.disabledAt) return null;
    const expiresAt = new Date(Date.now() + WEB_SESSION_DAYS * 24 * 60 * 60 * 1000);
    const { token } = await this.issueToken(user.id, WEB_SESSION_TOKEN_NAME, expiresAt);
    return { token, user };
  }

  /**
   * Revokes the token itself (sign-out): whoever holds a token may end it. Returns false when
   * the token was unknown or already revoked.
   */
  async revokeOwnToken(token: string): Promise<boolean> {
    const updated = await this.em.nativeUpdate(
      ApiToken,
      { tokenHash: hashToken(token), revokedAt: null },
      { revokedAt: new Date() },
    );
    return updated > 0;
  }

  private async issueToken(
    userId: number,
    name: string,
    expiresAt: Date | null,
  ): Promise<{ token: string; apiToken: ApiToken }> {
    return this.em.transactional(async (tx) => {
      const user = await tx.findOne(User, { id: userId });
      if (!user) throw new NotFoundError('User', userId);
      const token = `ake_${randomBytes(32).toString('base64url')}`;
      const apiToken = tx.create(ApiToken, {
        user,
        name: name.slice(0, 100),
        tokenHash: hashToken(token),
        prefix: token.slice(0, 12),
        createdAt: new Date(),
        expiresAt,
      });
      return { token, apiToken };
    });
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
