/**
 * Two API processes on one database (issue: "Nothing in the API or web processes keeps state
 * that a second process would need"): the built API (`dist/main.js`) runs twice, each on its
 * own 127.0.0.1 port, on one scratch database (a throwaway PostgreSQL schema when
 * `TEST_DATABASE_URL` names PostgreSQL, or one shared SQLite file, also a supported setup).
 * Writes through one are read through the other at once, with the response cache on (the
 * default), and optimistic concurrency holds across them.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@ake/domain';
import {
  type ScratchDatabase,
  createScratchDatabase,
  createServices,
  migrate,
  openDatabase,
  seed,
} from '@ake/domain/orm';

const main = new URL('../dist/main.js', import.meta.url).pathname;

interface Reply<T> {
  status: number;
  cache: string | null;
  data?: T;
  errors?: { message: string; extensions?: { code?: string } }[];
  /** The response body as sent, to compare two processes' answers byte for byte. */
  text: string;
}

interface ApiProcess {
  name: string;
  url: string;
  child: ChildProcess;
  log: string[];
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<Reply<T>>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Starts `node dist/main.js` on a free port and waits until it answers. */
async function startApiProcess(name: string, databaseUrl: string): Promise<ApiProcess> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    API_HOST: '127.0.0.1',
    API_PORT: String(port),
  };
  // The response cache stays at its default (on), whatever the caller's shell says.
  delete env.RESPONSE_CACHE;
  const child = spawn(process.execPath, [main], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  const log: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => log.push(chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const api: ApiProcess = {
    name,
    url,
    child,
    log,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await response.text();
      const body = JSON.parse(text) as Pick<Reply<T>, 'data' | 'errors'>;
      return { status: response.status, cache: response.headers.get('x-ake-cache'), text, ...body };
    },
  };
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) {
      throw new Error(`API ${name} exited (${child.exitCode}):\n${log.join('')}`);
    }
    if (log.join('').includes(`${url}/graphql`)) return api;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`API ${name} did not start on ${url}:\n${log.join('')}`);
}

async function stopApiProcess(api: ApiProcess | undefined): Promise<void> {
  if (!api || api.child.exitCode !== null || api.child.signalCode !== null) return;
  const exited = new Promise((resolve) => api.child.once('exit', resolve));
  api.child.kill('SIGTERM');
  await exited;
}

const RESOURCE_FIELDS = 'id title url version tags { name } createdBy { name } updatedBy { name }';
const CREATE = `mutation($input: CreateResourceInput!) {
  createResource(input: $input) { resource { ${RESOURCE_FIELDS} } errors { field code message } }
}`;
const UPDATE = `mutation($input: UpdateResourceInput!) {
  updateResource(input: $input) { resource { ${RESOURCE_FIELDS} } errors { field code message } }
}`;
const NODE = `query($id: ID!) { node(id: $id) { ... on Resource { ${RESOURCE_FIELDS} } } }`;
const PAGE = '{ resources(first: 100) { totalCount nodes { id title version } } }';
const SEARCH = `query($q: String!) {
  search(query: $q, first: 20) { totalCount edges { node { __typename id title } } }
}`;
/** What anonymous visitors read: the two processes must answer it identically. */
const ANONYMOUS = `{
  resources(first: 100) { totalCount nodes { id title url version tags { name } } }
  meetings(first: 20) { totalCount nodes { id title startsAt } }
  tags(first: 100) { totalCount nodes { name } }
  organisations(first: 20) { totalCount nodes { id name } }
}`;

interface ResourceNode {
  id: string;
  title: string;
  url: string;
  version: number;
  tags: { name: string }[];
  createdBy: { name: string } | null;
  updatedBy: { name: string } | null;
}
type Payload<K extends string> = Record<
  K,
  { resource: ResourceNode | null; errors: { field: string; code: string; message: string }[] }
>;
interface PageData {
  resources: { totalCount: number; nodes: { id: string; title: string; version: number }[] };
}
interface SearchData {
  search: { totalCount: number; edges: { node: { __typename: string; id: string } }[] };
}

const searchIds = (r: Reply<SearchData>) => r.data!.search.edges.map((e) => e.node.id);

describe('two API processes on one database', () => {
  let scratch: ScratchDatabase;
  let a: ApiProcess | undefined;
  let b: ApiProcess | undefined;
  let token = '';
  let id = '';

  beforeAll(async () => {
    if (!existsSync(main)) {
      throw new Error(`${main} is missing: build the API first (turbo run build)`);
    }
    scratch = await createScratchDatabase('two_processes');
    // Migrated and seeded once, and a token made once, before either process starts.
    const db = await openDatabase({ databaseUrl: scratch.url });
    try {
      await migrate(db);
      await seed(db.em.fork());
      const system = systemActor('test');
      const user = await createServices(db.em.fork()).users.create(system, {
        email: 'kaksi@example.org',
        name: 'Kaisa Kahdesta',
        role: 'curator',
      });
      if (!user.ok) throw new Error(JSON.stringify(user.errors));
      token = (
        await createServices(db.em.fork()).users.createToken(system, { userId: user.value.id })
      ).token;
    } finally {
      await db.close(true);
    }
    [a, b] = await Promise.all([
      startApiProcess('A', scratch.url),
      startApiProcess('B', scratch.url),
    ]);
  });

  afterAll(async () => {
    await Promise.all([stopApiProcess(a), stopApiProcess(b)]);
    await scratch?.dispose();
  });

  it('runs two separate processes on two ports', () => {
    expect(a!.url).not.toBe(b!.url);
    expect(a!.child.pid).not.toBe(b!.child.pid);
  });

  it('accepts the one token on both', async () => {
    for (const api of [a!, b!]) {
      const r = await api.gql<{ viewer: { canCurate: boolean; user: { name: string } | null } }>(
        '{ viewer { canCurate user { name } } }',
        {},
        token,
      );
      expect(r.errors, api.name).toBeUndefined();
      expect(r.data!.viewer, api.name).toEqual({
        canCurate: true,
        user: { name: 'Kaisa Kahdesta' },
      });
      expect(r.cache, `${api.name}: a request with a token is never cached`).toBeNull();
    }
  });

  it('agrees on anonymous reads, each serving repeats from its own cache', async () => {
    const [fromA, fromB] = [await a!.gql(ANONYMOUS), await b!.gql(ANONYMOUS)];
    expect(fromA.errors).toBeUndefined();
    expect(fromB.text).toBe(fromA.text);
    const [againA, againB] = [await a!.gql(ANONYMOUS), await b!.gql(ANONYMOUS)];
    expect([againA.cache, againB.cache]).toEqual(['hit', 'hit']);
    expect(againB.text).toBe(fromA.text);
  });

  it('reads through B, at once, what was written through A (by id, in lists, in search)', async () => {
    // B's cache holds the list and the search before the write.
    for (let i = 0; i < 2; i++) {
      await b!.gql(PAGE);
      await b!.gql(SEARCH, { q: 'rinnakkaisprosessit' });
    }
    expect((await b!.gql(PAGE)).cache).toBe('hit');
    const before = await b!.gql<PageData>(PAGE);
    const notYet = await b!.gql<SearchData>(SEARCH, { q: 'rinnakkaisprosessit' });
    expect(notYet.cache).toBe('hit');
    expect(notYet.data!.search.totalCount).toBe(0);

    const created = await a!.gql<Payload<'createResource'>>(
      CREATE,
      {
        input: {
          url: 'https://example.org/kaksi-prosessia',
          title: 'Rinnakkaisprosessit kirjastossa',
          tags: ['Rinnakkaisuus'],
        },
      },
      token,
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createResource.errors).toEqual([]);
    const resource = created.data!.createResource.resource!;
    expect(resource).toMatchObject({ version: 1, createdBy: { name: 'Kaisa Kahdesta' } });
    id = resource.id;

    const byId = await b!.gql<{ node: ResourceNode | null }>(NODE, { id });
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.node).toEqual(resource);

    const page = await b!.gql<PageData>(PAGE);
    expect(page.cache).toBe('miss');
    expect(page.data!.resources.totalCount).toBe(before.data!.resources.totalCount + 1);
    expect(page.data!.resources.nodes.map((n) => n.id)).toContain(id);

    const found = await b!.gql<SearchData>(SEARCH, { q: 'rinnakkaisprosessit' });
    expect(found.errors).toBeUndefined();
    expect(found.cache).toBe('miss');
    expect(searchIds(found)).toEqual([id]);
    // The tag made through A is B's to find too.
    const tags = await b!.gql<{ tags: { nodes: { name: string }[] } }>(
      '{ tags(first: 100) { nodes { name } } }',
    );
    expect(tags.data!.tags.nodes.map((t) => t.name)).toContain('Rinnakkaisuus');
  });

  it('reads through A, at once, what was updated through B', async () => {
    // A's cache holds the resource (anonymously) and the search before B's update.
    for (let i = 0; i < 2; i++) {
      await a!.gql(NODE, { id });
      await a!.gql(SEARCH, { q: 'vuorottelututkimus' });
    }
    const cached = await a!.gql<{ node: ResourceNode }>(NODE, { id });
    expect(cached.cache).toBe('hit');
    expect(cached.data!.node.title).toBe('Rinnakkaisprosessit kirjastossa');

    const updated = await b!.gql<Payload<'updateResource'>>(
      UPDATE,
      { input: { id, version: 1, title: 'Vuorottelututkimus kirjastossa' } },
      token,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data!.updateResource.errors).toEqual([]);
    expect(updated.data!.updateResource.resource).toMatchObject({
      version: 2,
      title: 'Vuorottelututkimus kirjastossa',
      updatedBy: { name: 'Kaisa Kahdesta' },
    });

    const read = await a!.gql<{ node: ResourceNode }>(NODE, { id });
    expect(read.cache).toBe('miss');
    expect(read.data!.node).toMatchObject({ version: 2, title: 'Vuorottelututkimus kirjastossa' });
    const withToken = await a!.gql<{ node: ResourceNode }>(NODE, { id }, token);
    expect(withToken.data!.node).toEqual(read.data!.node);

    const found = await a!.gql<SearchData>(SEARCH, { q: 'vuorottelututkimus' });
    expect(found.cache).toBe('miss');
    expect(searchIds(found)).toEqual([id]);
    const old = await a!.gql<SearchData>(SEARCH, { q: 'rinnakkaisprosessit' });
    expect(searchIds(old)).not.toContain(id);
  });

  it('refuses a stale edit through A after B’s update with CONFLICT, and keeps B’s', async () => {
    const stale = await a!.gql<Payload<'updateResource'>>(
      UPDATE,
      { input: { id, version: 1, title: 'Myöhästynyt muokkaus' } },
      token,
    );
    expect(stale.errors).toBeUndefined();
    expect(stale.data!.updateResource.resource).toBeNull();
    expect(stale.data!.updateResource.errors[0]).toMatchObject({
      field: 'version',
      code: 'CONFLICT',
    });
    for (const api of [a!, b!]) {
      const r = await api.gql<{ node: ResourceNode }>(NODE, { id });
      expect(r.data!.node, api.name).toMatchObject({
        version: 2,
        title: 'Vuorottelututkimus kirjastossa',
      });
    }
  });

  it('still agrees on anonymous reads after the writes through both', async () => {
    const [fromA, fromB] = [await a!.gql<PageData>(ANONYMOUS), await b!.gql<PageData>(ANONYMOUS)];
    expect(fromA.errors).toBeUndefined();
    expect(fromB.text).toBe(fromA.text);
    expect(fromA.data!.resources.nodes.find((n) => n.id === id)).toMatchObject({
      title: 'Vuorottelututkimus kirjastossa',
      version: 2,
    });
    const [againA, againB] = [await a!.gql(ANONYMOUS), await b!.gql(ANONYMOUS)];
    expect([againA.cache, againB.cache]).toEqual(['hit', 'hit']);
    expect(againA.text).toBe(againB.text);
    expect(againA.text).toBe(fromA.text);
  });

  it('logged no errors in either process', () => {
    for (const api of [a!, b!]) expect(api.log.join(''), api.name).not.toMatch(/error/i);
  });
});
