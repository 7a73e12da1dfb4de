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
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { systemActor } from '@ake/domain';
import {
  Meeting,
  Resource,
  Tag,
  createServices,
  createThrowawaySchema,
  migrate,
  openDatabase,
  seed,
} from '@ake/domain/orm';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const RESOURCES = Number(process.env.BENCH_RESOURCES ?? 5000);

const PAGE_QUERY = `{ resources(first: 50) { totalCount pageInfo { endCursor hasNextPage }
  nodes { id title url language kind createdAt tags { name slug } createdBy { name } sourceMeeting { title startsAt } } } }`;
const BASELINE_QUERY = '{ __typename }';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

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

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Peak resident memory of a process (VmHWM), in MB. */
function peakMemoryMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN);
  return kb / 1024;
}

const main = new URL('../dist/main.js', import.meta.url).pathname;
const POSTGRES_URL = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const DATABASES = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',');

const summary = (name: string, figures: Figures[]) => ({
  name,
  'req/s (median)': Math.round(median(figures.map((f) => f.requestsPerSecond))),
  'p50 ms': Number(median(figures.map((f) => f.p50)).toFixed(2)),
  'p95 ms': Number(median(figures.map((f) => f.p95)).toFixed(2)),
  errors: figures.reduce((n, f) => n + f.errors, 0),
});

/** Starts the API as its own process, loads it, and returns the figures and its peak memory. */
/** Starts one API process on a free port and resolves when it listens. */
async function startApi(databaseUrl: string, env: Record<string, string>) {
  const port = await freePort();
  const server = spawn(process.execPath, [main], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(port),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('/graphql')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
  });
  return { server, url: `http://127.0.0.1:${port}` };
}

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
  for (const { server } of apis) {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
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
for (const database of DATABASES) {
  let url: string;
  let dispose: () => Promise<void>;
  if (database === 'postgresql') {
    const schema = await createThrowawaySchema(POSTGRES_URL, 'ake_bench');
    url = schema.url;
    dispose = () => schema.drop();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'ake-bench-'));
    url = `file:${join(dir, 'bench.sqlite')}`;
    dispose = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
  }
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

console.table(results.flatMap((r) => r.rows));
for (const result of results) {
  const [page, baseline] = result.rows;
  const ratio = page!['req/s (median)'] / baseline!['req/s (median)'];
  console.log(
    `${result.database}, ${result.cache}: page/baseline ${ratio.toFixed(2)} (target ≥ 0.33), page ≥ 500 req/s: ${page!['req/s (median)'] >= 500}, peak memory ${result.memory.toFixed(0)} MB (target < 300 MB)`,
  );
}
