/**
 * Every bad input is the client's error (issue 13): syntax errors, the token, depth, alias,
 * directive and cost limits, deep or huge variables, bodies too large, invalid dates and text
 * with control characters each get HTTP 400 (413 for the body) or a field error, with a stable
 * code of their own and a message that names the problem, and nothing is written.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSchema } from 'graphql';
import {
  createScratchDatabase,
  migrate,
  openDatabase,
  readChangeGeneration,
  seed,
} from '@ake/domain/orm';
import { LIMITS } from '../src/server.js';
import { type TestApi, startTestApi } from './server.js';

interface Reply {
  status: number;
  text: string;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
}

async function post(api: TestApi, payload: unknown, token?: string): Promise<Reply> {
  const response = await fetch(`${api.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as Reply['body'] };
}

/** `depth` arrays nested in one another, as a JSON text (JSON.stringify would recurse). */
function nestedArrays(depth: number): string {
  return `${'['.repeat(depth)}${']'.repeat(depth)}`;
}

describe('client errors: HTTP 400 with a code of their own, nothing written', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ production: true });
  });
  afterAll(() => api.close());

  const generation = () => readChangeGeneration(api.db.em.fork());

  function expectRefusal(reply: Reply, status: number, code: string, message: RegExp) {
    expect(reply.status, reply.text).toBe(status);
    expect(reply.body.errors?.[0]?.extensions?.code, reply.text).toBe(code);
    expect(reply.body.errors?.[0]?.message).toMatch(message);
    expect(reply.body.data ?? undefined).toBeUndefined();
  }

  it('a syntax error is GRAPHQL_PARSE_FAILED with 400', async () => {
    expectRefusal(
      await post(api, { query: '{ meetings { nodes { title }' }),
      400,
      'GRAPHQL_PARSE_FAILED',
      /Syntax Error/,
    );
    expectRefusal(
      await post(api, { query: 'mutation { createTag(input: { name: "x" ) }' }, api.curatorToken),
      400,
      'GRAPHQL_PARSE_FAILED',
      /Syntax Error/,
    );
  });

  it(`a query over ${LIMITS.tokens} tokens is TOKEN_LIMIT_EXCEEDED with 400`, async () => {
    const fields = Array.from({ length: LIMITS.tokens + 1 }, () => '__typename').join(' ');
    expectRefusal(
      await post(api, { query: `{ ${fields} }` }),
      400,
      'TOKEN_LIMIT_EXCEEDED',
      new RegExp(`more than ${LIMITS.tokens} tokens`),
    );
    // Over the limit and broken: still the limit (counted before parsing).
    expectRefusal(await post(api, { query: `{ ${fields}` }), 400, 'TOKEN_LIMIT_EXCEEDED', /tokens/);
  });

  it('100 aliased mutations are MAX_ALIASES_EXCEEDED with 400, and write nothing', async () => {
    const before = await generation();
    const aliases = Array.from(
      { length: 100 },
      (_, i) => `a${i}: createTag(input: { name: "alias-${i}" }) { errors { code } }`,
    ).join(' ');
    expectRefusal(
      await post(api, { query: `mutation { ${aliases} }` }, api.curatorToken),
      400,
      'MAX_ALIASES_EXCEEDED',
      new RegExp(`Aliases limit of ${LIMITS.aliases} exceeded`),
    );
    expect(await generation()).toBe(before);
  });

  it(`a query deeper than ${LIMITS.depth} is MAX_DEPTH_EXCEEDED with 400`, async () => {
    const nest = (n: number): string => (n === 0 ? 'title' : `nextMeeting { ${nest(n - 1)} }`);
    expectRefusal(
      await post(api, { query: `{ meetings { nodes { ${nest(12)} } } }` }),
      400,
      'MAX_DEPTH_EXCEEDED',
      new RegExp(`depth limit of ${LIMITS.depth} exceeded`),
    );
  });

  it('counts introspection like any query: 13 levels are refused, shallow ones answered', async () => {
    const ofType = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofType(n - 1)} }`);
    // __schema, types, fields, type and 9 levels of ofType: 13 levels.
    const deep = `{ __schema { types { fields { type { ${ofType(9)} } } } } }`;
    expectRefusal(await post(api, { query: deep }), 400, 'MAX_DEPTH_EXCEEDED', /depth limit/);
    const shallow = await post(api, {
      query: '{ __schema { queryType { name } types { name kind } } }',
    });
    expect(shallow.status).toBe(200);
    expect(shallow.text).toContain('"queryType":{"name":"Query"}');
  });

  it(`a query costing more than ${LIMITS.cost} is COST_LIMIT_EXCEEDED with 400`, async () => {
    const org = 'name city kind shortName isil homepage zipcode street area';
    const deep = `members { ${org} network { ${org} members { ${org} parent { ${org} } } } }`;
    expectRefusal(
      await post(api, {
        query: `{
          meetings(first: 100) { nodes { title participants { person { name organisation { ${org} ${deep} } } } } }
          organisations { nodes { ${org} ${deep} } }
        }`,
      }),
      400,
      'COST_LIMIT_EXCEEDED',
      new RegExp(`Cost limit of ${LIMITS.cost} exceeded`),
    );
  });

  it(`more than ${LIMITS.directives} directives are MAX_DIRECTIVES_EXCEEDED with 400`, async () => {
    const directives = Array.from(
      { length: LIMITS.directives + 1 },
      () => '@include(if: true)',
    ).join(' ');
    expectRefusal(
      await post(api, { query: `{ viewer { canCurate ${directives} } }` }),
      400,
      'MAX_DIRECTIVES_EXCEEDED',
      /Directives limit/,
    );
  });

  it('variables nested 5,000 arrays deep are VARIABLES_TOO_DEEP with 400, cache on or off', async () => {
    const body = `{"query":"query($x: [Int]) { viewer { canCurate } }","variables":{"x":${nestedArrays(5_000)}}}`;
    expectRefusal(await post(api, body), 400, 'VARIABLES_TOO_DEEP', /nested more than/);
    expectRefusal(
      await post(api, body, api.curatorToken),
      400,
      'VARIABLES_TOO_DEEP',
      /nested more than/,
    );
    // The extensions get the same treatment.
    const extensions = `{"query":"{ viewer { canCurate } }","extensions":{"x":${nestedArrays(5_000)}}}`;
    expectRefusal(await post(api, extensions), 400, 'VARIABLES_TOO_DEEP', /nested/);
  });

  it(`variables of more than ${LIMITS.variablesValues} values are VARIABLES_TOO_LARGE with 400`, async () => {
    const reply = await post(api, {
      query: 'query($x: [Int]) { viewer { canCurate } }',
      variables: { x: Array.from({ length: LIMITS.variablesValues + 1 }, () => 0) },
    });
    expectRefusal(reply, 400, 'VARIABLES_TOO_LARGE', /more than/);
  });

  it('a body over the limit is PAYLOAD_TOO_LARGE with 413; malformed JSON is BAD_REQUEST', async () => {
    const big = {
      query: '{ viewer { canCurate } }',
      variables: { pad: 'x'.repeat(LIMITS.bodyBytes) },
    };
    expectRefusal(await post(api, big), 413, 'PAYLOAD_TOO_LARGE', /larger than/);
    expectRefusal(await post(api, '{"query": "{ viewer'), 400, 'BAD_REQUEST', /JSON/);
  });

  it('an impossible time is a field error (INVALID_DATE) of the mutation, nothing written', async () => {
    const groups = await api.gql<{ workingGroups: { id: string }[] }>('{ workingGroups { id } }');
    const groupId = groups.data!.workingGroups[0]!.id;
    const before = await generation();
    for (const startsAt of ['2024-03-11T25:61', '2024-03-11T23:60', '2024-02-30T10:00']) {
      const r = await api.gql<{ createMeeting: { meeting: unknown; errors: unknown[] } }>(
        `mutation($input: CreateMeetingInput!) {
          createMeeting(input: $input) { meeting { id } errors { field code message } }
        }`,
        { input: { groupId, title: 'Kokous', format: 'REMOTE', startsAt } },
        api.curatorToken,
      );
      expect(r.status).toBe(200);
      expect(r.errors).toBeUndefined();
      expect(r.data!.createMeeting).toEqual({
        meeting: null,
        errors: [expect.objectContaining({ field: 'startsAt', code: 'INVALID_DATE' })],
      });
    }
    expect(await generation()).toBe(before);
  });

  it('a title with NUL bytes is a field error (INVALID_CHARACTERS), nothing written', async () => {
    const before = await generation();
    const r = await api.gql<{ createResource: { resource: unknown; errors: unknown[] } }>(
      `mutation($input: CreateResourceInput!) {
        createResource(input: $input) { resource { id } errors { field code message } }
      }`,
      { input: { url: 'https://example.org/nul', title: 'Opas\u0000\u0000 asiakaspalveluun' } },
      api.curatorToken,
    );
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data!.createResource).toEqual({
      resource: null,
      errors: [expect.objectContaining({ field: 'title', code: 'INVALID_CHARACTERS' })],
    });
    expect(await generation()).toBe(before);
  });

  it('a NUL byte in the tags filter of a search finds nothing, without an error', async () => {
    const r = await api.gql<{ search: { totalCount: number } }>(
      'query($f: SearchFilter) { search(query: "kirjasto", filter: $f) { totalCount } }',
      { f: { tags: ['\u0000', "x'); drop table tag; --\u0000"] } },
    );
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data!.search.totalCount).toBe(0);
    expect(api.logs).toEqual([]);
  });
});

describe('the schema for outside developers', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi({ production: true });
  });
  afterAll(() => api.close());

  it('is served as SDL at /graphql/schema.graphql, and builds', async () => {
    const response = await fetch(`${api.url}/graphql/schema.graphql`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const sdl = await response.text();
    const schema = buildSchema(sdl);
    expect(schema.getQueryType()?.getFields().search).toBeDefined();
    expect(schema.getMutationType()?.getFields().createMeeting).toBeDefined();
  });
});

describe('the API as `npm start` runs it (dist/main.js, no NODE_ENV)', () => {
  let child: ChildProcess | undefined;
  let url = '';
  const log: string[] = [];
  let dispose: () => Promise<void> = () => Promise.resolve();
  beforeAll(async () => {
    const scratch = await createScratchDatabase('start');
    dispose = () => scratch.dispose();
    const db = await openDatabase({ databaseUrl: scratch.url });
    try {
      await migrate(db);
      await seed(db.em.fork());
    } finally {
      await db.close(true);
    }
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: scratch.url,
      API_HOST: '127.0.0.1',
      API_PORT: '0',
    };
    delete env.NODE_ENV;
    child = spawn(process.execPath, [new URL('../dist/main.js', import.meta.url).pathname], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
    for (let i = 0; i < 600 && !url; i++) {
      if (child.exitCode !== null) throw new Error(`the API exited:\n${log.join('')}`);
      url = /(http:\/\/127\.0\.0\.1:\d+)\/graphql/.exec(log.join(''))?.[1] ?? '';
      if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (!url) throw new Error(`the API did not start:\n${log.join('')}`);
  });
  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await dispose();
  });

  const gql = async (query: string) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return { status: response.status, body: (await response.json()) as Reply['body'] };
  };

  it('runs in production mode: no field suggestions', async () => {
    const r = await gql('{ meetingz { totalCount } }');
    expect(r.status).toBe(400);
    expect(r.body.errors?.[0]?.message).not.toMatch(/Did you mean|meetings/);
  });

  it('refuses a 13-level introspection query with MAX_DEPTH_EXCEEDED, and answers a shallow one', async () => {
    const ofType = (n: number): string => (n === 0 ? 'name' : `ofType { ${ofType(n - 1)} }`);
    const deep = await gql(`{ __schema { types { fields { type { ${ofType(9)} } } } } }`);
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0]?.extensions?.code).toBe('MAX_DEPTH_EXCEEDED');
    const shallow = await gql('{ __schema { types { name } } }');
    expect(shallow.status).toBe(200);
    expect(JSON.stringify(shallow.body)).toContain('"name":"Query"');
  });

  it('serves the SDL', async () => {
    const response = await fetch(`${url}/graphql/schema.graphql`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('type Query');
  });
});
