import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor, systemActor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { ApiToken } from './api-token.entity.js';
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
