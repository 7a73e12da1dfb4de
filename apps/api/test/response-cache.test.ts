import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@ake/domain';
import { createServices, openDatabase } from '@ake/domain/orm';
import { type TestApi, startTestApi } from './server.js';

const QUERY = '{ tags(first: 100) { totalCount nodes { name } } }';

async function post(api: TestApi, query: string, token?: string) {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
  });
  return {
    cache: response.headers.get('x-ake-cache'),
    body: (await response.json()) as {
      data?: { tags: { totalCount: number; nodes: { name: string }[] } };
      errors?: unknown[];
    },
  };
}

describe('the response cache of anonymous queries', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi();
  });
  afterAll(() => api.close());

  it('serves a repeated anonymous query from the cache, unchanged', async () => {
    const first = await post(api, QUERY);
    const second = await post(api, QUERY);
    expect([first.cache, second.cache]).toEqual(['miss', 'hit']);
    expect(second.body).toEqual(first.body);
  });

  it('shows a mutation’s effect on the very next read', async () => {
    const before = await post(api, QUERY);
    const created = await api.gql(
      `mutation { createTag(input: { name: "Välimuisti" }) { tag { id } errors { code } } }`,
      {},
      api.curatorToken,
    );
    expect(created.errors).toBeUndefined();
    const after = await post(api, QUERY);
    expect(after.cache).toBe('miss');
    expect(after.body.data!.tags.totalCount).toBe(before.body.data!.tags.totalCount + 1);
    expect(after.body.data!.tags.nodes.map((t) => t.name)).toContain('Välimuisti');
  });

  it('notices writes made by another process', async () => {
    await post(api, QUERY);
    expect((await post(api, QUERY)).cache).toBe('hit');
    const other = await openDatabase({ databaseUrl: api.databaseUrl });
    try {
      const r = await createServices(other.em.fork()).tags.create(systemActor('other process'), {
        name: 'Toinen prosessi',
      });
      expect(r.ok).toBe(true);
    } finally {
      await other.close(true);
    }
    const after = await post(api, QUERY);
    expect(after.cache).toBe('miss');
    expect(after.body.data!.tags.nodes.map((t) => t.name)).toContain('Toinen prosessi');
  });

  it('never caches requests with a token, nor errors', async () => {
    expect((await post(api, QUERY, api.curatorToken)).cache).toBeNull();
    expect((await post(api, QUERY, api.curatorToken)).cache).toBeNull();
    const bad = '{ tags(first: 1000) { totalCount } }';
    expect((await post(api, bad)).cache).toBe('miss');
    expect((await post(api, bad)).cache).toBe('miss');
  });
});
