/**
 * API benchmark (not a test): requests per second, p50/p95 latency and the API process's peak
 * memory for a 50-item resource page with nested fields, beside a bare `{ __typename }` query
 * as the baseline of the stack itself, measured in the same run on 127.0.0.1.
 *
 *   pnpm bench:api            (from the repository root; builds nothing, run `pnpm build` first)
 *   BENCH_SECONDS=10 BENCH_ROUNDS=3 BENCH_CONNECTIONS=10 pnpm bench:api
 *
 * Each database runs three times: with the response cache, without it, and without it on two API
 * processes loaded at once (connections split between them, requests per second added up).
 *
 * It runs on SQLite (a temporary file) and then on PostgreSQL (a throwaway schema in
 * BENCH_POSTGRES_URL, default postgres://postgres@127.0.0.1:5432/test; BENCH_DATABASES=sqlite
 * runs only SQLite), with the same data, and prints both side by side.
 *
 * Then the cost of durable commits on SQLite: `createResource` through one API process with
 * `SQLITE_SYNCHRONOUS=full` (the default) and `=normal`, alternating in the same run, each a
 * fresh unique URL per request; the median requests per second of each and their ratio.
 * BENCH_SCENARIOS=writes runs only this part (reads: only the first).
 */
import { readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { systemActor } from '@ake/domain';
import {
  Meeting,
  Resource,
  Tag,
  createServices,
  migrate,
  openDatabase,
  seed,
} from '@ake/domain/orm';
import {
  createCurators,
  median,
  percentile,
  scratchDatabase,
  startApi,
  stopApi,
} from './harness.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 5000);
const SCENARIOS = (process.env.BENCH_SCENARIOS ?? 'reads,writes').split(',');

const PAGE_QUERY = `{ resources(first: 50) { totalCount pageInfo { endCursor hasNextPage }
  nodes { id title url language kind createdAt tags { name slug } createdBy { name } sourceMeeting { title startsAt } } } }`;
const BASELINE_QUERY = '{ __typename }';

/** Seeds the database and adds generated resources, with tags, authors and source meetings. */
async function prepare(databaseUrl: string): Promise<void> {
  const db = await openDatabase({ databaseUrl });
  await migrate(db);
  await seed(db.em.fork());
  const system = systemActor('bench');
  const user = await createServices(db.em.fork()).users.create(system, {
    email: 'bench@example.org',
    name: 'Bench',
    role: 'curator',
  });
  if (!user.ok) throw new Error('user');
  const em = db.em.fork();
  const meeting = await em.findOneOrFail(Meeting, { title: 'Työryhmän kokous 11.3.2019' });
  const topics = [
    'asiakaspalvelu',
    'kyläily',
    'mentorointi',
    'koulutus',
    'saavutettavuus',
    'lukudiplomi',
    'kirjastoauto',
    'vertaisoppiminen',
  ];
  await em.transactional(async (tx) => {
    const tags = topics.map((name) =>
      tx.create(Tag, {
        name,
        slug: `bench-${name}`,
        version: 1,
        createdAt: new Date(),
        updatedAt: new Date(),
      }),
    );
    const author = tx.getReference('User', user.value.id);
    for (let i = 0; i < RESOURCES; i++) {
      const resource = tx.create(Resource, {
        url: `https://example.org/bench/${i}`,
        normalizedUrl: `https://example.org/bench/${i}`,
        title: `${topics[i % topics.length]} – resurssi ${i}`,
        description: `Generoitu resurssi ${i} kuormitustestiä varten.`,
        language: 'fi',
        kind: 'web_page',
        sourceMeeting: i % 3 === 0 ? meeting : null,
        createdBy: author as never,
        updatedBy: author as never,
        version: 1,
        createdAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000),
        updatedAt: new Date(Date.UTC(2020, 0, 1) + i * 60_000),
      });
      resource.tags.set([tags[i % tags.length]!, tags[(i * 3 + 1) % tags.length]!]);
      if (i % 500 === 499) await tx.flush();
    }
  });
  await db.close(true);
}

interface Figures {
  requestsPerSecond: number;
  p50: number;
  p95: number;
  errors: number;
}

async function load(url: string, query: string, connections = CONNECTIONS): Promise<Figures> {
  const latencies: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
        connections,
        duration: SECONDS,
      },
      (error, res) => (error ? reject(error as Error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: result.errors + result.non2xx,
  };
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',');

const summary = (name: string, figures: Figures[]) => ({
  name,
  'req/s (median)': Math.round(median(figures.map((f) => f.requestsPerSecond))),
  'p50 ms': Number(median(figures.map((f) => f.p50)).toFixed(2)),
  'p95 ms': Number(median(figures.map((f) => f.p95)).toFixed(2)),
  errors: figures.reduce((n, f) => n + f.errors, 0),
});

/**
 * Loads every process at once (the connections split between them, as a load balancer would)
 * and adds up their figures: requests per second summed, latency percentiles of the slowest.
 */
async function loadAll(urls: readonly string[], query: string): Promise<Figures> {
  const parts = await Promise.all(
    urls.map((url) => load(url, query, Math.max(1, Math.round(CONNECTIONS / urls.length)))),
  );
  return {
    requestsPerSecond: parts.reduce((sum, f) => sum + f.requestsPerSecond, 0),
    p50: Math.max(...parts.map((f) => f.p50)),
    p95: Math.max(...parts.map((f) => f.p95)),
    errors: parts.reduce((sum, f) => sum + f.errors, 0),
  };
}

/** Starts `processes` API processes, loads them, and returns the figures and peak memory. */
async function scenario(
  label: string,
  databaseUrl: string,
  env: Record<string, string>,
  processes = 1,
) {
  const apis = [];
  for (let i = 0; i < processes; i++) apis.push(await startApi(databaseUrl, env));
  const urls = apis.map((api) => api.url);
  const page: Figures[] = [];
  const baseline: Figures[] = [];
  await loadAll(urls, PAGE_QUERY); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    baseline.push(await loadAll(urls, BASELINE_QUERY));
    page.push(await loadAll(urls, PAGE_QUERY));
    console.log(
      `${label}, round ${round + 1}: page ${page.at(-1)!.requestsPerSecond.toFixed(0)} req/s, baseline ${baseline.at(-1)!.requestsPerSecond.toFixed(0)} req/s`,
    );
  }
  const memory = Math.max(...apis.map((api) => peakMemoryMb(api.server.pid!)));
  for (const api of apis) await stopApi(api);
  return {
    rows: [
      summary(`${label}: 50-resource page`, page),
      summary(`${label}: { __typename }`, baseline),
    ],
    memory,
  };
}

console.log(
  `${RESOURCES} generated resources; ${ROUNDS} rounds × ${SECONDS} s, ${CONNECTIONS} connections, 127.0.0.1`,
);
const results: {
  database: string;
  cache: string;
  rows: ReturnType<typeof summary>[];
  memory: number;
}[] = [];
for (const database of SCENARIOS.includes('reads') ? DATABASES : []) {
  const { url, dispose } = await scratchDatabase(
    database === 'postgresql' ? 'postgresql' : 'sqlite',
    'ake_bench',
  );
  try {
    console.log(`${database}: preparing seed data + ${RESOURCES} generated resources …`);
    await prepare(url);
    for (const [cache, env, processes] of [
      ['response cache on (default)', {}, 1],
      ['response cache off', { RESPONSE_CACHE: 'off' }, 1],
      // Scaling out: two stateless processes on one database, the connections split.
      ['response cache off, 2 API processes', { RESPONSE_CACHE: 'off' }, 2],
    ] as const) {
      const result = await scenario(`${database}, ${cache}`, url, env, processes);
      results.push({ database, cache, ...result });
    }
  } finally {
    await dispose();
  }
}

if (results.length) console.table(results.flatMap((r) => r.rows));
for (const result of results) {
  const [page, baseline] = result.rows;
  const ratio = page!['req/s (median)'] / baseline!['req/s (median)'];
  console.log(
    `${result.database}, ${result.cache}: page/baseline ${ratio.toFixed(2)} (target ≥ 0.33), page ≥ 500 req/s: ${page!['req/s (median)'] >= 500}, peak memory ${result.memory.toFixed(0)} MB (target < 300 MB)`,
  );
}

if (SCENARIOS.includes('writes')) await writeScenario();

/**
 * Loads `createResource` with one curator's token, each request a new URL, so that every
 * request is one committed write (a resource, its revision and its search document).
 */
async function loadWrites(url: string, token: string, prefix: string): Promise<Figures> {
  let n = 0;
  const latencies: number[] = [];
  const mutation =
    'mutation ($input: CreateResourceInput!) { createResource(input: $input) { errors { code } resource { id } } }';
  let failed = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/graphql`,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        connections: CONNECTIONS,
        duration: SECONDS,
        requests: [
          {
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({
                query: mutation,
                variables: {
                  input: {
                    url: `https://example.org/${prefix}/${n}`,
                    title: `Kirjoituskuorma ${n++}`,
                  },
                },
              }),
            }),
            onResponse: (status, body) => {
              if (status !== 200 || !body.includes('"errors":[]')) failed++;
            },
          },
        ],
      },
      (error, res) => (error ? reject(error as Error) : resolve(res)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    errors: result.errors + result.non2xx + failed,
  };
}

/** `synchronous=FULL` against `NORMAL` on SQLite, alternating, in one run. */
async function writeScenario(): Promise<void> {
  const { url, dispose } = await scratchDatabase('sqlite', 'ake-bench-writes');
  try {
    const db = await openDatabase({ databaseUrl: url });
    await migrate(db);
    await seed(db.em.fork());
    const [token] = await createCurators(db, 1, 'bench-writes');
    await db.close(true);
    const figures: Record<string, Figures[]> = { full: [], normal: [] };
    for (let round = 0; round < ROUNDS; round++) {
      for (const mode of ['full', 'normal'] as const) {
        const api = await startApi(url, { SQLITE_SYNCHRONOUS: mode });
        try {
          if (round === 0) await loadWrites(api.url, token!, `warm-${mode}`);
          figures[mode]!.push(await loadWrites(api.url, token!, `${mode}-${round}`));
        } finally {
          await stopApi(api);
        }
        console.log(
          `sqlite writes, synchronous=${mode}, round ${round + 1}: ${figures[mode]!.at(-1)!.requestsPerSecond.toFixed(0)} req/s`,
        );
      }
    }
    const rows = (['full', 'normal'] as const).map((mode) => ({
      ...summary(`SQLite createResource, synchronous=${mode}`, figures[mode]!),
      // Write rates are small on a busy machine: one decimal.
      'req/s (median)': Number(median(figures[mode]!.map((f) => f.requestsPerSecond)).toFixed(1)),
    }));
    console.table(rows);
    console.log(
      `synchronous=FULL / NORMAL: ${(rows[0]!['req/s (median)'] / rows[1]!['req/s (median)']).toFixed(2)} of the API's write throughput`,
    );
    await commitCost(url);
  } finally {
    await dispose();
  }
}

/**
 * The disk's share alone: one-row commits straight on a connection (no API, no ORM work), FULL
 * and NORMAL alternating, the median commits per second of each.
 */
async function commitCost(url: string): Promise<void> {
  const COMMITS = Number(process.env.BENCH_COMMITS ?? 300);
  const rates: Record<string, number[]> = { FULL: [], NORMAL: [] };
  for (let round = 0; round < ROUNDS; round++) {
    for (const mode of ['FULL', 'NORMAL'] as const) {
      process.env.SQLITE_SYNCHRONOUS = mode.toLowerCase();
      const db = await openDatabase({ databaseUrl: url });
      const conn = db.em.getConnection();
      await conn.execute(
        'create table if not exists bench_commit (id integer primary key, v text)',
      );
      const started = performance.now();
      for (let i = 0; i < COMMITS; i++) {
        await conn.execute('insert into bench_commit (v) values (?)', [`${mode} ${i}`], 'run');
      }
      rates[mode]!.push(COMMITS / ((performance.now() - started) / 1000));
      await db.close(true);
    }
  }
  delete process.env.SQLITE_SYNCHRONOUS;
  const full = median(rates.FULL!);
  const normal = median(rates.NORMAL!);
  console.log(
    `one-row commits on the connection: FULL ${full.toFixed(0)}/s (${(1000 / full).toFixed(2)} ms each), NORMAL ${normal.toFixed(0)}/s (${(1000 / normal).toFixed(2)} ms each); FULL / NORMAL ${(full / normal).toFixed(2)}`,
  );
}
