/**
 * Curators who add the same new tag at the same moment: every write succeeds and the tag exists
 * once. On PostgreSQL the transactions run side by side, so all of them may try to insert it;
 * the losers of the race on the unique slug run again and find it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';
import { Tag } from './tag.entity.js';

describe('the same new tag from several curators at once', () => {
  let t: TestDatabase;
  let curator: Actor;
  beforeAll(async () => {
    t = await openTestDatabase();
    curator = await actorWithRole(t.db, 'curator');
  });
  afterAll(() => t.close());

  it('saves every link and creates the tag once', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        t.services().resources.create(curator, {
          url: `https://example.org/yhteinen-tagi/${i}`,
          title: `Linkki ${i}`,
          tags: ['Yhteinen uusi asiasana', `oma ${i}`],
        }),
      ),
    );
    expect(results.map((r) => (r.ok ? 'ok' : JSON.stringify(r.errors)))).toEqual(
      Array.from({ length: 8 }, () => 'ok'),
    );
    expect(await t.db.em.fork().count(Tag, { slug: 'yhteinen-uusi-asiasana' })).toBe(1);
  });

  it('still names a real duplicate on its field after running again', async () => {
    const url = 'https://example.org/sama-osoite';
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) =>
        t.services().resources.create(curator, { url, title: `Sama ${i}` }),
      ),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    for (const r of results.filter((x) => !x.ok)) {
      expect(!r.ok && r.errors.map((e) => [e.field, e.code])).toEqual([['url', 'DUPLICATE']]);
    }
  });
});
