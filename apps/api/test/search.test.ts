import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApi, startTestApi } from './server.js';

const SEARCH = `query($q: String!, $first: Int, $after: String, $filter: SearchFilter) {
  search(query: $q, first: $first, after: $after, filter: $filter) {
    totalCount
    isApproximate
    edges { cursor snippet highlightedTitle score node { __typename id title } }
    pageInfo { hasNextPage endCursor }
    facets { field values { value label count } }
    suggestions
  }
}`;

interface SearchResult {
  search: {
    totalCount: number;
    isApproximate: boolean;
    edges: {
      snippet: string;
      highlightedTitle: string;
      node: { __typename: string; id: string; title: string };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { field: string; values: { value: string; label: string | null; count: number }[] }[];
    suggestions: string[];
  };
}

describe('search over GraphQL', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('finds the seed content in inflected Finnish, with highlighted snippets and facets', async () => {
    const r = await api.gql<SearchResult>(SEARCH, { q: 'kyläilyt' });
    expect(r.errors).toBeUndefined();
    expect(r.data!.search.totalCount).toBeGreaterThan(0);
    const types = new Set(r.data!.search.edges.map((e) => e.node.__typename));
    expect(types.size).toBeGreaterThan(1);
    expect(r.data!.search.edges.some((e) => e.snippet.includes('<mark>'))).toBe(true);
    const typeFacet = r.data!.search.facets.find((f) => f.field === 'TYPE')!;
    expect(typeFacet.values.reduce((n, v) => n + v.count, 0)).toBe(r.data!.search.totalCount);
  });

  it('finds "Pää sisältöön" typed without diacritics, and filters by type', async () => {
    const r = await api.gql<SearchResult>(SEARCH, {
      q: 'paa sisaltoon',
      filter: { types: ['MENTORING_PROGRAMME'] },
    });
    expect(r.errors).toBeUndefined();
    expect(r.data!.search.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        __typename: 'MentoringProgramme',
        title: expect.stringContaining('Pää sisältöön') as unknown,
      }),
    ]);
  });

  it('makes a new link findable as soon as the mutation returns, and forgets it when archived', async () => {
    const created = await api.gql<{ createResource: { resource: { id: string } } }>(
      `mutation { createResource(input: { url: "https://example.org/lukudiplomi", title: "Lukudiplomien ideapankki", tags: ["lukuinto"] }) { resource { id } } }`,
      {},
      api.curatorToken,
    );
    const id = created.data!.createResource.resource.id;
    const found = await api.gql<SearchResult>(SEARCH, { q: 'lukudiplomeista' });
    expect(found.data!.search.edges.map((e) => e.node.id)).toContain(id);
    await api.gql(
      `mutation($id: ID!) { archiveResource(input: { id: $id, version: 1 }) { errors { code } } }`,
      { id },
      api.curatorToken,
    );
    const gone = await api.gql<SearchResult>(SEARCH, { q: 'lukudiplomeista' });
    expect(gone.data!.search.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('pages with cursors and never fails on hostile input', async () => {
    const page1 = await api.gql<SearchResult>(SEARCH, { q: 'kirjasto', first: 2 });
    expect(page1.data!.search.edges).toHaveLength(2);
    const page2 = await api.gql<SearchResult>(SEARCH, {
      q: 'kirjasto',
      first: 2,
      after: page1.data!.search.pageInfo.endCursor,
    });
    const ids = [...page1.data!.search.edges, ...page2.data!.search.edges].map((e) => e.node.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const q of [
      '"',
      'NEAR(',
      '-',
      '*',
      'kirjasto"',
      '🙂',
      'x'.repeat(10_000),
      'tag:',
      'type:nonsense',
    ]) {
      const r = await api.gql<SearchResult>(SEARCH, { q });
      expect(r.errors, q.slice(0, 20)).toBeUndefined();
    }
  });

  it('says whether a result is exact: small queries are, with totals that match every page', async () => {
    // The seed data is far below the candidate limit: every result is exact.
    const all = await api.gql<SearchResult>(SEARCH, { q: 'kirjasto', first: 100 });
    expect(all.errors).toBeUndefined();
    expect(all.data!.search.isApproximate).toBe(false);
    expect(all.data!.search.edges).toHaveLength(Math.min(100, all.data!.search.totalCount));
    const typeFacet = all.data!.search.facets.find((f) => f.field === 'TYPE')!;
    expect(typeFacet.values.reduce((n, v) => n + v.count, 0)).toBe(all.data!.search.totalCount);
    const none = await api.gql<SearchResult>(SEARCH, { q: 'qqqqqqqqqq' });
    expect(none.data!.search).toMatchObject({ totalCount: 0, isApproximate: false });
    // The field is documented in the schema.
    const schema = await api.gql<{
      __type: { fields: { name: string; description: string | null }[] };
    }>(`{ __type(name: "SearchConnection") { fields { name description } } }`);
    const field = schema.data?.__type.fields.find((f) => f.name === 'isApproximate');
    expect(field?.description).toMatch(/bounded set of\s+candidates/);
  });

  it('suggests a word from the index when nothing matches', async () => {
    const r = await api.gql<SearchResult>(SEARCH, { q: 'kyläilyvt' });
    expect(r.data!.search.totalCount).toBe(0);
    expect(r.data!.search.suggestions.length).toBeGreaterThan(0);
  });
});
