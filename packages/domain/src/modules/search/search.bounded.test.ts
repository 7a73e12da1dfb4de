/**
 * Very broad queries: above the candidate limit a search ranks and counts a bounded set of
 * candidates and says so (`approximate`); at or under it nothing differs from an exact search.
 * A real database through the migrations (SQLite, or PostgreSQL in the PostgreSQL pass), with a limit set low.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';
import { type SearchType } from './search-index.js';
import {
  type SearchConnection,
  type SearchOptions,
  SearchService,
  encodeSearchCursor,
} from './search.service.js';
import { searchIndexFor } from './search-index-for.js';

function unwrap<T>(result: { ok: true; value: T } | { ok: false; errors: unknown[] }): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

const ids = (r: SearchConnection) => r.edges.map((e) => `${e.type}:${e.id}`);
const typeCounts = (r: SearchConnection) =>
  Object.fromEntries(
    (r.facets.find((f) => f.field === 'type')?.values ?? []).map((v) => [v.value, v.count]),
  );

describe('bounded search of very broad queries', () => {
  let t: TestDatabase;
  let curator: Actor;
  /** Records in the order they were written (oldest first), by name. */
  const made: Record<string, string> = {};
  /** A search through an index that ranks at most `limit` matches exactly. */
  const search = (limit: number | undefined, query: string, options: SearchOptions = {}) =>
    new SearchService(t.db.em.fork(), (exec) =>
      searchIndexFor(exec, limit === undefined ? {} : { candidateLimit: limit }),
    ).search(query, options);

  beforeAll(async () => {
    t = await openTestDatabase();
    curator = await actorWithRole(t.db, 'curator');
    const idea = async (
      name: string,
      input: { title: string; description?: string; tags?: string[] },
    ) => {
      made[name] =
        `development-idea:${unwrap(await t.services().developmentIdeas.create(curator, input)).id}`;
    };
    // Oldest first: two title matches (one also names the excluded word), six body-only
    // matches, a tag match, and the newest, a body-only best practice.
    await idea('title', {
      title: 'Ksylofoni lainaan',
      description: 'Soitin kiertää kirjastoissa.',
    });
    await idea('titleExcluded', { title: 'Ksylofoni ja rumpu', description: 'Kaksi soitinta.' });
    const bodies = [
      'Soitinlainaus',
      'Musiikkihetki',
      'Rytmipaja',
      'Lauluilta',
      'Kuorotreenit',
      'Bändipäivä',
    ];
    for (const [i, title] of bodies.entries()) {
      await idea(`body${i + 1}`, { title, description: 'Lainattavana on myös ksylofoni.' });
    }
    await idea('tag', {
      title: 'Soittimet kiertoon',
      description: 'Soittimia lainaan.',
      tags: ['ksylofoni'],
    });
    const practice = unwrap(
      await t.services().bestPractices.create(curator, {
        title: 'Yhteissoitto',
        body: 'Ksylofoni ja rumpu tuovat rytmiä.',
      }),
    );
    made.practice = `best-practice:${practice.id}`;
  });
  afterAll(() => t.close());

  it('changes nothing at or under the limit', async () => {
    const cases: [string, SearchOptions][] = [
      ['ksylofoni', {}],
      ['ksylofoni', { first: 3 }],
      ['ksylofoni -rumpu', {}],
      ['tag:ksylofoni', {}],
      ['type:development-idea', {}],
      ['ksylofoni', { filter: { types: ['development-idea'] } }],
      ['soitin OR rumpu', {}],
    ];
    for (const [query, options] of cases) {
      const exact = await search(undefined, query, options);
      expect(exact.approximate, query).toBe(false);
      expect(exact.totalCount, query).toBeGreaterThan(0);
      // A limit equal to the number of matches: still exact, and the very same result.
      expect(await search(exact.totalCount, query, options), query).toEqual(exact);
    }
    const all = await search(undefined, 'ksylofoni');
    expect(all.totalCount).toBe(10);
    expect(all.edges.every((e) => e.score > 0)).toBe(true);
    // bm25: the title and tag matches outrank the body-only ones.
    expect(new Set(ids(all).slice(0, 3))).toEqual(
      new Set([made.title, made.titleExcluded, made.tag]),
    );
  });

  it('ranks title and tag matches first, then the newest, and says the result is approximate', async () => {
    const result = await search(4, 'ksylofoni');
    expect(result.approximate).toBe(true);
    // A bound: 4 candidates were ranked and counted; 10 records match.
    expect(result.totalCount).toBe(4);
    expect(ids(result)).toEqual([made.tag, made.titleExcluded, made.title, made.practice]);
    expect(result.edges.every((e) => e.score === 0)).toBe(true);
    expect(typeCounts(result)).toEqual({ 'development-idea': 3, 'best-practice': 1 });
    // The oldest record is on the first page because its title matches.
    const firstPage = await search(4, 'ksylofoni', { first: 2 });
    expect(ids(firstPage)).toEqual([made.tag, made.titleExcluded]);
  });

  it('reads only title and tag matches when they alone exceed the limit', async () => {
    const result = await search(2, 'ksylofoni');
    expect(result.approximate).toBe(true);
    expect(result.totalCount).toBe(2);
    expect(ids(result)).toEqual([made.tag, made.titleExcluded]);
    const one = await search(1, 'ksylofoni');
    expect(ids(one)).toEqual([made.tag]);
  });

  it('pages through the candidates and ends after them', async () => {
    const page1 = await search(4, 'ksylofoni', { first: 3 });
    expect(page1.edges).toHaveLength(3);
    expect(page1.pageInfo.hasNextPage).toBe(true);
    const page2 = await search(4, 'ksylofoni', { first: 3, after: page1.pageInfo.endCursor });
    expect(ids(page2)).toEqual([made.practice]);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    expect(page2.approximate).toBe(true);
    expect(page2.totalCount).toBe(4);
    const beyond = await search(4, 'ksylofoni', { after: encodeSearchCursor(9) });
    expect(beyond.edges).toEqual([]);
    expect(beyond.pageInfo).toEqual({ hasNextPage: false, endCursor: null });
    expect(beyond.totalCount).toBe(4);
    expect(beyond.suggestions).toEqual([]);
  });

  it('applies filters, type: and exclusions before bounding', async () => {
    // Only one best practice matches: under the limit, exact.
    const practices = await search(4, 'ksylofoni', { filter: { types: ['best-practice'] } });
    expect(practices.approximate).toBe(false);
    expect(ids(practices)).toEqual([made.practice]);
    // Nine development ideas match: bounded, and only ideas.
    for (const [query, options] of [
      ['ksylofoni', { filter: { types: ['development-idea'] } }],
      ['ksylofoni type:idea', {}],
    ] as [string, SearchOptions][]) {
      const ideas = await search(4, query, options);
      expect(ideas.approximate, query).toBe(true);
      expect(ids(ideas), query).toEqual([made.tag, made.titleExcluded, made.title, made.body6]);
      expect(typeCounts(ideas), query).toEqual({ 'development-idea': 4 });
    }
    // The exclusion holds in every column, for title matches too.
    const excluded = await search(4, 'ksylofoni -rumpu');
    expect(excluded.approximate).toBe(true);
    expect(ids(excluded)).toEqual([made.tag, made.title, made.body6, made.body5]);
    // A tag filter on a bounded query.
    const tagged = await search(1, 'ksylofoni', { filter: { tags: ['ksylofoni'] } });
    expect(tagged.approximate).toBe(false);
    expect(ids(tagged)).toEqual([made.tag]);
  });

  it('bounds a listing by type: alone, keeping the newest first', async () => {
    const exact = await search(undefined, 'type:idea', { first: 20 });
    expect(exact.approximate).toBe(false);
    expect(exact.totalCount).toBe(9);
    const bounded = await search(3, 'type:idea', { first: 20 });
    expect(bounded.approximate).toBe(true);
    expect(bounded.totalCount).toBe(3);
    expect(ids(bounded)).toEqual(ids(exact).slice(0, 3));
    expect(typeCounts(bounded)).toEqual({ 'development-idea': 3 });
    const types = new Set(bounded.edges.map((e) => e.type));
    expect(types).toEqual(new Set<SearchType>(['development-idea']));
  });
});
