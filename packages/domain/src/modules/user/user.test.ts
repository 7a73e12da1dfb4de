import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor, systemActor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { ApiToken } from './api-token.entity.js';
import { hashPassword, verifyPassword } from './password.js';
import { User } from './user.entity.js';
import { hashToken } from './user.service.js';

describe('API tokens', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase();
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('issues a token that authenticates as its user, storing only the hash', async () => {
    const system = systemActor('test');
    const user = await t
      .services()
      .users.create(system, { email: 'k@example.org', name: 'K', role: 'curator' });
    if (!user.ok) throw new Error('user');
    const { token } = await t
      .services()
      .users.createToken(system, { userId: user.value.id, name: 'CLI' });
    expect(token).toMatch(/^ake_[A-Za-z0-9_-]{43}$/);
    expect(await t.services().users.authenticate(token)).toEqual({
      kind: 'user',
      userId: user.value.id,
      role: 'curator',
    });
    const stored = await t.db.em.fork().findOneOrFail(ApiToken, { user: user.value.id });
    expect(stored.tokenHash).toBe(hashToken(token));
    const [row] = await t.db.em
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from api_token');
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it('refuses unknown, malformed, revoked and expired tokens', async () => {
    const system = systemActor('test');
    const s = t.services().users;
    expect(await s.authenticate('')).toBeNull();
    expect(await s.authenticate('ake_' + 'x'.repeat(43))).toBeNull();
    expect(await s.authenticate("ake_'; drop table user_account; --")).toBeNull();
    const user = await s.create(system, { email: 'r@example.org', name: 'R', role: 'admin' });
    if (!user.ok) throw new Error('user');
    const revoked = await t.services().users.createToken(system, { userId: user.value.id });
    await t.services().users.revokeToken(system, revoked.apiToken.id);
    expect(await t.services().users.authenticate(revoked.token)).toBeNull();
    const expired = await t
      .services()
      .users.createToken(system, { userId: user.value.id, expiresAt: new Date(Date.now() - 1000) });
    expect(await t.services().users.authenticate(expired.token)).toBeNull();
  });

  it('lets only admins issue tokens', async () => {
    await expect(t.services().users.createToken(curator, { userId: 1 })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });
});

describe('password sign-in', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('signs in with the right password only, issuing an expiring "web session" token', async () => {
    const system = systemActor('test');
    const s = t.services().users;
    const user = await s.create(system, { email: 'p@example.org', name: 'P', role: 'curator' });
    if (!user.ok) throw new Error('user');
    expect(await s.signIn('p@example.org', 'anything at all')).toBeNull();
    const set = await t.services().users.setPassword(system, user.value.id, 'oikea salasana');
    expect(set.ok).toBe(true);
    const stored = await t.db.em.fork().findOneOrFail(User, { id: user.value.id });
    expect(stored.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(stored.passwordHash).not.toContain('oikea');
    expect(await t.services().users.signIn('p@example.org', 'väärä salasana')).toBeNull();
    expect(await t.services().users.signIn('nobody@example.org', 'oikea salasana')).toBeNull();
    const signedIn = await t.services().users.signIn(' P@example.org ', 'oikea salasana');
    expect(signedIn?.user.id).toBe(user.value.id);
    const token = signedIn?.token ?? '';
    expect(await t.services().users.authenticate(token)).toMatchObject({ userId: user.value.id });
    const apiToken = await t.db.em.fork().findOneOrFail(ApiToken, { tokenHash: hashToken(token) });
    expect(apiToken.name).toBe('web session');
    const days = ((apiToken.expiresAt?.getTime() ?? 0) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    expect(await t.services().users.revokeOwnToken(token)).toBe(true);
    expect(await t.services().users.authenticate(token)).toBeNull();
    expect(await t.services().users.revokeOwnToken(token)).toBe(false);
  });

  it('lets users set their own password, admins anyone’s, and checks its length', async () => {
    const system = systemActor('test');
    const s = t.services().users;
    const a = await s.create(system, { email: 'a@example.org', name: 'A', role: 'curator' });
    const b = await s.create(system, { email: 'b@example.org', name: 'B', role: 'curator' });
    if (!a.ok || !b.ok) throw new Error('users');
    const asA: Actor = { kind: 'user', userId: a.value.id, role: 'curator' };
    expect((await t.services().users.setPassword(asA, a.value.id, 'pitkä salasana')).ok).toBe(true);
    await expect(
      t.services().users.setPassword(asA, b.value.id, 'pitkä salasana'),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const short = await t.services().users.setPassword(asA, a.value.id, 'lyhyt');
    expect(short.ok ? [] : short.errors).toEqual([
      expect.objectContaining({ field: 'password', code: 'TOO_SHORT' }),
    ]);
  });

  it('never matches a malformed stored hash', async () => {
    expect(await verifyPassword('x', null)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1$2')).toBe(false);
    expect(await verifyPassword('salasana', await hashPassword('salasana'))).toBe(true);
  });
});
