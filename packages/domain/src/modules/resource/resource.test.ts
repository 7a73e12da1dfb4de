import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { ANONYMOUS, type Actor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';

describe('ResourceService', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase();
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('adds a link with tags, creating the tags it needs', async () => {
    const result = await t.services().resources.create(curator, {
      url: 'https://Example.org:443/asiakaspalvelu/?utm_source=x',
      title: 'Asiakaspalvelun opas',
      tags: ['Asiakaspalvelu', 'asiakaspalvelu', 'Koulutus'],
    });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    const resource = result.value;
    expect(resource.normalizedUrl).toBe('https://example.org/asiakaspalvelu');
    expect(resource.language).toBe('fi');
    expect(resource.version).toBe(1);
    expect(resource.createdAt).toBeInstanceOf(Date);
    expect(
      resource.tags
        .getItems()
        .map((x) => x.slug)
        .sort(),
    ).toEqual(['asiakaspalvelu', 'koulutus']);
  });

  it('names each invalid field and saves nothing', async () => {
    const before = await countRows(t.db, 'resource');
    const result = await t.services().resources.create(curator, {
      url: 'javascript:alert(1)',
      title: 'x'.repeat(100_000),
      language: 'de',
      tags: ['!!!'],
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byField = Object.fromEntries(result.errors.map((e) => [e.field, e.code]));
    expect(byField).toMatchObject({ url: 'INVALID_URL', title: 'TOO_LONG', language: 'INVALID' });
    expect(await countRows(t.db, 'resource')).toBe(before);
  });

  it('refuses data: URLs and a missing title', async () => {
    const result = await t.services().resources.create(curator, { url: 'data:text/html,<p>x</p>' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'url', code: 'INVALID_URL' }),
        expect.objectContaining({ field: 'title', code: 'REQUIRED' }),
      ]),
    );
  });

  it('points a duplicate URL (in another spelling) at the saved resource', async () => {
    const result = await t.services().resources.create(curator, {
      url: 'HTTPS://example.org/asiakaspalvelu?fbclid=abc',
      title: 'Sama opas',
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[0]).toMatchObject({ field: 'url', code: 'DUPLICATE' });
    expect(result.errors[0]?.message).toContain('Asiakaspalvelun opas');
  });

  it('rolls back tags it created when a later check fails', async () => {
    const tagsBefore = await countRows(t.db, 'tag');
    const result = await t.services().resources.create(curator, {
      url: 'https://example.org/uusi',
      title: 'Uusi',
      tags: ['Täysin uusi asiasana'],
      sourceMeetingId: 999_999,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([
      expect.objectContaining({ field: 'sourceMeetingId', code: 'UNKNOWN_REFERENCE' }),
    ]);
    expect(await countRows(t.db, 'tag')).toBe(tagsBefore);
    expect(await countRows(t.db, 'resource')).toBe(1);
  });

  it('refuses a stale edit with a conflict, and keeps the first edit', async () => {
    const created = await t
      .services()
      .resources.create(curator, { url: 'https://example.org/a', title: 'A' });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    const first = await t
      .services()
      .resources.update(curator, { id, version: 1, title: 'Ensimmäinen' });
    expect(first.ok && first.value.version).toBe(2);
    const stale = await t.services().resources.update(curator, { id, version: 1, title: 'Toinen' });
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.errors[0]).toMatchObject({ field: 'version', code: 'CONFLICT' });
    expect(stale.errors[0]?.message).toContain('version 2');
    expect((await t.services().resources.get(id))?.title).toBe('Ensimmäinen');
  });

  it('keeps a revision history: who, when, what changed', async () => {
    const s = t.services();
    const created = await s.resources.create(curator, {
      url: 'https://example.org/historia',
      title: 'Historia',
      tags: ['a'],
    });
    if (!created.ok) throw new Error('create failed');
    const id = created.value.id;
    await t
      .services()
      .resources.update(curator, { id, version: 1, title: 'Historia 2', tags: ['a', 'b'] });
    await t.services().resources.update(curator, { id, version: 2, title: 'Historia 2' }); // no change
    await t.services().resources.archive(curator, { id, version: 2 });
    const history = await t.services().revisions.history('Resource', id);
    expect(history.map((r) => [r.version, r.action])).toEqual([
      [1, 'create'],
      [2, 'update'],
      [3, 'archive'],
    ]);
    expect(history[1]!.changes).toEqual({
      title: { from: 'Historia', to: 'Historia 2' },
      tags: { from: ['a'], to: ['a', 'b'] },
    });
    expect(history[1]!.actor?.id).toBe(curator.kind === 'user' ? curator.userId : -1);
    expect(history[1]!.createdAt).toBeInstanceOf(Date);
    expect(await t.services().resources.get(id)).toBeNull();
  });

  it('refuses anonymous writes', async () => {
    await expect(
      t.services().resources.create(ANONYMOUS, { url: 'https://example.org/x', title: 'X' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('lists by tag, newest first, without archived resources', async () => {
    const [items, total] = await t.services().resources.list({ tag: 'asiakaspalvelu' });
    expect(total).toBe(1);
    expect(items[0]?.title).toBe('Asiakaspalvelun opas');
  });
});
