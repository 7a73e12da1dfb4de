/**
 * What the first walk-through of the web app found in search results, on the seeded database
 * (SQLite, or PostgreSQL when TEST_DATABASE_URL names it): a common word is not swamped by the
 * directory, snippets are text and not Markdown, and a directory entry's snippet is a sentence
 * rather than its list of aliases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, actorWithRole, openTestDatabase } from '../../../test/database.js';
import { type Actor } from '../../shared/actor.js';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './search-index.js';

const plain = (text: string) => text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');

describe('search results as the walk-through saw them', () => {
  let t: TestDatabase;
  let curator: Actor;
  const search = (query: string, first = 50) => t.services().search.search(query, { first });

  beforeAll(async () => {
    t = await openTestDatabase({ seed: true });
    curator = await actorWithRole(t.db, 'curator');
    const created = await t.services().bestPractices.create(curator, {
      title: 'Kyläilyn koosteet',
      summary: 'Koosteet **kyläilypäivistä** kirjastossa.',
      body: 'Kokosimme **kyläilypäivistä** [koosteen](https://example.org/kooste).\n\n| Kirjasto | Käyntejä |\n| --- | --- |\n| Oulu | 3 |\n',
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
  });
  afterAll(() => t.close());

  it('ranks content about "kirjasto" above directory entries that only match by name', async () => {
    const result = await search('kirjasto');
    const types = result.edges.map((edge) => edge.type);
    const firstOrganisation = types.indexOf('organisation');
    expect(firstOrganisation, types.join(' ')).toBeGreaterThan(0);
    // Content matched too (the seeded meeting, the best practice above) and comes first.
    expect(types.slice(0, firstOrganisation)).toContain('best-practice');
    expect(types.slice(firstOrganisation), types.join(' ')).toEqual(
      types.slice(firstOrganisation).map(() => 'organisation'),
    );
    expect(result.totalCount).toBeGreaterThan(firstOrganisation);
  });

  it('still finds an organisation first by a name nothing else holds', async () => {
    const result = await search('Tiekkö');
    expect(result.edges[0]?.type).toBe('organisation');
    expect(result.edges[0]?.title).toBe('Tiekkö-kirjastot');
  });

  it("shows a directory entry's kind and other names once, not a keyword dump", async () => {
    const tiekko = (await search('Tiekkö')).edges.find((e) => e.title === 'Tiekkö-kirjastot');
    expect(plain(tiekko?.snippet ?? '')).toBe('Kirjastokimppa. Myös: Tiekkö.');
    const outi = (await search('OUTI')).edges.find((e) => e.title === 'OUTI-kirjastot');
    expect(plain(outi?.snippet ?? '')).toBe('Kirjastokimppa, Oulu. Myös: OUTI.');
  });

  it('shows snippets as text: no Markdown markup, matches still marked', async () => {
    const result = await search('kyläilypäivä');
    const hit = result.edges.find((edge) => edge.title === 'Kyläilyn koosteet');
    expect(hit).toBeDefined();
    const snippet = hit?.snippet ?? '';
    expect(snippet).not.toMatch(/\*\*|\]\(|\|/);
    expect(snippet).toContain(`${HIGHLIGHT_START}kyläilypäivistä${HIGHLIGHT_END}`);
    expect(plain(snippet)).toContain('Koosteet kyläilypäivistä kirjastossa.');
    expect(plain(snippet)).not.toContain('https://example.org');
    for (const edge of (await search('kyläily')).edges) expect(edge.snippet).not.toContain('**');
  });
});
