import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../src/server.js';
import { type TestApi, startTestApi } from './server.js';

async function post(
  api: TestApi,
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) {
  const response = await fetch(`${api.url}/graphql`, { method: 'POST', headers, body });
  return { status: response.status, body: await response.text() };
}

describe('limits and safety', () => {
  let api: TestApi;
  let production: TestApi;
  beforeAll(async () => {
    [api, production] = await Promise.all([startTestApi(), startTestApi({ production: true })]);
  });
  afterAll(() => Promise.all([api.close(), production.close()]));

  it(`refuses queries deeper than ${LIMITS.depth}`, async () => {
    // meetings → nodes → nextMeeting ×n: each level one deeper.
    const nest = (n: number): string => (n === 0 ? 'title' : `nextMeeting { ${nest(n - 1)} }`);
    const shallow = await api.gql(`{ meetings { nodes { ${nest(6)} } } }`);
    expect(shallow.errors).toBeUndefined();
    const deep = await api.gql(`{ meetings { nodes { ${nest(12)} } } }`);
    expect(deep.errors?.[0]?.message).toMatch(/depth/i);
    expect(deep.data).toBeUndefined();
  });

  it(`refuses more than ${LIMITS.aliases} aliases`, async () => {
    const aliases = Array.from(
      { length: LIMITS.aliases + 5 },
      (_, i) => `a${i}: viewer { canCurate }`,
    ).join(' ');
    const r = await api.gql(`{ ${aliases} }`);
    expect(r.errors?.[0]?.message).toMatch(/alias/i);
  });

  it('refuses a query whose cost is too high, within the depth and token limits', async () => {
    const org = 'name city kind shortName isil homepage zipcode street area';
    const deep = `members { ${org} network { ${org} members { ${org} parent { ${org} } } } }`;
    const r = await api.gql(`{
      meetings(first: 100) { nodes { title participants { person { name organisation { ${org} ${deep} } } } } }
      organisations { nodes { ${org} ${deep} } }
    }`);
    expect(r.errors?.[0]?.message).toMatch(/Cost limit of 20000 exceeded/);
  });

  it(`refuses a query of more than ${LIMITS.tokens} tokens`, async () => {
    const fields = Array.from({ length: LIMITS.tokens }, () => '__typename').join(' ');
    const r = await api.gql(`{ ${fields} }`);
    expect(r.errors?.[0]?.message).toMatch(/token/i);
  });

  it('refuses a body over 100 kB with 413, and batched arrays', async () => {
    const big = JSON.stringify({
      query: `{ viewer { canCurate } }`,
      variables: { pad: 'x'.repeat(LIMITS.bodyBytes) },
    });
    const tooLarge = await post(api, big);
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toContain('PAYLOAD_TOO_LARGE');
    const batch = await post(
      api,
      JSON.stringify([
        { query: '{ viewer { canCurate } }' },
        { query: '{ viewer { canCurate } }' },
      ]),
    );
    expect(batch.status).toBe(400);
  });

  it('keeps CSRF prevention on: a simple-request POST is refused', async () => {
    const r = await post(api, JSON.stringify({ query: '{ viewer { canCurate } }' }), {
      'content-type': 'text/plain',
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/CSRF|preflight/i);
    const get = await fetch(
      `${api.url}/graphql?query=${encodeURIComponent('{ viewer { canCurate } }')}`,
    );
    expect(get.status).toBe(400);
  });

  it('masks unexpected errors and logs them whole', async () => {
    // A table gone from under the server: SQLite and PostgreSQL say so in their own words.
    const missingTable =
      production.dialect === 'postgresql'
        ? /relation "(\w+\.)?tag" does not exist/i
        : /no such table/i;
    const connection = production.db.em.getConnection();
    // Double-quoted identifiers are standard SQL: both databases read them.
    await connection.execute('alter table "tag" rename to "tag_moved"');
    try {
      const r = await production.gql('{ tags { totalCount } }');
      expect(r.errors?.[0]).toMatchObject({
        message: 'Internal server error',
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
      expect(JSON.stringify(r)).not.toMatch(
        /SQLITE|no such table|relation|does not exist|tag_moved/i,
      );
      expect(production.logs.join('\n')).toMatch(missingTable);
    } finally {
      await connection.execute('alter table "tag_moved" rename to "tag"');
    }
  });

  it('keeps introspection in production (a public read API) and hides field suggestions', async () => {
    const typo = '{ meetingz { totalCount } }';
    const dev = await api.gql(typo);
    expect(dev.errors?.[0]?.message).toMatch(/Did you mean/);
    const prod = await production.gql(typo);
    expect(prod.errors?.[0]?.message).not.toMatch(/Did you mean|meetings/);
    for (const server of [production, api]) {
      const introspection = await server.gql<{ __schema: { types: unknown[] } }>(
        '{ __schema { types { name } } }',
      );
      expect(introspection.data!.__schema.types.length).toBeGreaterThan(50);
    }
  });
});
