/**
 * Load and crash benchmark (not a test): many curators writing at once through real API
 * processes, checked afterwards against the database, and a kill -9 of the API mid-write.
 *
 *   pnpm bench:load                    (both databases; run `pnpm build` first)
 *   pnpm bench:load --db sqlite        (or postgres; PostgreSQL: BENCH_POSTGRES_URL, default
 *                                       postgres://postgres@127.0.0.1:5432/test, a throwaway schema)
 *   LOAD_CURATORS=50 LOAD_CREATES=1000 LOAD_UPDATES=500 LOAD_RACES=5 LOAD_CRASH_WRITES=300 pnpm bench:load
 *
 * Per database: 50 curators, each with an API token of their own, make 1,000 creates; then 500
 * updates of the same 10 records, each from the version the curator read (conflicts expected
 * and counted); then duplicate-URL races (every curator creates the same URL at once: exactly
 * one may win). The database is then checked: every acknowledged create present as it was
 * acknowledged (lost), no URL twice (duplicated), every record's version one more than its
 * acknowledged updates, and one revision per version; no response a 5xx.
 *
 * The crash: the API as a child process, curators streaming creates, `kill -9` after a number of
 * acknowledged writes, a restart on the same database: every acknowledged create must be there,
 * and SQLite's `integrity_check` and `foreign_key_check` clean (PostgreSQL: versions and
 * revisions consistent). Exits 1 when anything is lost, duplicated, a 5xx, or not clean.
 */
import { parseArgs } from 'node:util';
import { type Database, migrate, openDatabase } from '@ake/domain/orm';
import {
  type Api,
  createCurators,
  percentile,
  scratchDatabase,
  startApi,
  stopApi,
} from './harness.js';

const CURATORS = Number(process.env.LOAD_CURATORS ?? 50);
const CREATES = Number(process.env.LOAD_CREATES ?? 1000);
const UPDATES = Number(process.env.LOAD_UPDATES ?? 500);
const CONTENDED = Number(process.env.LOAD_CONTENDED ?? 10);
const RACES = Number(process.env.LOAD_RACES ?? 5);
const CRASH_WRITES = Number(process.env.LOAD_CRASH_WRITES ?? 300);
const CRASH_CURATORS = Number(process.env.LOAD_CRASH_CURATORS ?? 10);

const { values: args } = parseArgs({
  options: { db: { type: 'string', default: 'both' } },
  allowPositionals: true,
});
const DATABASES: ('sqlite' | 'postgresql')[] =
  args.db === 'both'
    ? ['sqlite', 'postgresql']
    : args.db === 'sqlite'
      ? ['sqlite']
      : args.db === 'postgres' || args.db === 'postgresql'
        ? ['postgresql']
        : [];
if (DATABASES.length === 0) {
  console.error(`--db must be sqlite, postgres or both (got ${args.db})`);
  process.exit(2);
}

const CREATE = `mutation ($input: CreateResourceInput!) {
  createResource(input: $input) { errors { code field } resource { id version url title } } }`;
const UPDATE = `mutation ($input: UpdateResourceInput!) {
  updateResource(input: $input) { errors { code field } resource { id version title } } }`;
const READ = 'query ($id: ID!) { node(id: $id) { ... on Resource { version } } }';

/** What the curators saw: every response's status and time, kept per phase. */
class Tally {
  latencies: number[] = [];
  status5xx = 0;
  /** Requests that got no HTTP response at all (the process was gone, a socket closed). */
  noResponse = 0;
  /** Why, for the first few. */
  causes = new Set<string>();
  started = performance.now();
  finished = 0;
  get requests(): number {
    return this.latencies.length;
  }
  done(): this {
    this.finished = performance.now();
    return this;
  }
}

interface Payload {
  errors: { code: string; field: string }[];
  resource: { id: string; version: number; url?: string; title: string } | null;
}

/** One GraphQL request as a curator; null when no response came (the server died). */
async function call(
  api: string,
  token: string,
  query: string,
  variables: Record<string, unknown>,
  tally: Tally,
): Promise<Record<string, Payload> | null> {
  const started = performance.now();
  let response: Response;
  try {
    response = await fetch(`${api}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    tally.noResponse++;
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    if (tally.causes.size < 3) tally.causes.add(cause?.code ?? cause?.message ?? String(error));
    return null;
  }
  let body: { data?: Record<string, Payload>; errors?: unknown[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    tally.noResponse++;
    return null;
  }
  tally.latencies.push(performance.now() - started);
  if (response.status >= 500) {
    tally.status5xx++;
    return null;
  }
  if (!body.data) throw new Error(`HTTP ${response.status}: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Runs `count` jobs on `workers` parallel loops (one per curator). */
async function spread(
  count: number,
  workers: number,
  job: (index: number, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      for (let i = next++; i < count; i = next++) await job(i, worker);
    }),
  );
}

function dbId(globalId: string): number {
  return Number(Buffer.from(globalId, 'base64url').toString('utf8').split(':')[1]);
}

interface Acknowledged {
  /** Database id → the URL and title acknowledged for it. */
  creates: Map<number, { url: string; title: string }>;
  /** Database id → how many updates of it were acknowledged. */
  updates: Map<number, number>;
}

/** Every acknowledged write against the database: what is missing, doubled or miscounted. */
async function verify(db: Database, acknowledged: Acknowledged) {
  const conn = db.em.getConnection();
  const rows = await conn.execute<Record<string, unknown>[]>(
    `select r.id, r.url, r.normalized_url, r.title, r.version,
            (select count(*) from revision v where v.entity_type = 'Resource' and v.entity_id = r.id) as revisions
       from resource r`,
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  let lost = 0;
  for (const [id, write] of acknowledged.creates) {
    const row = byId.get(id);
    if (!row || row.url !== write.url) lost++;
  }
  const urls = new Map<string, number>();
  for (const row of rows)
    urls.set(String(row.normalized_url), (urls.get(String(row.normalized_url)) ?? 0) + 1);
  const duplicated = [...urls.values()].filter((n) => n > 1).length;
  // Every row is one acknowledged create (nothing written that no one was told about).
  const unacknowledged = rows.filter((row) => !acknowledged.creates.has(Number(row.id))).length;
  let wrongVersions = 0;
  let wrongRevisions = 0;
  for (const row of rows) {
    const id = Number(row.id);
    const expected = 1 + (acknowledged.updates.get(id) ?? 0);
    if (Number(row.version) !== expected) wrongVersions++;
    if (Number(row.revisions) !== Number(row.version)) wrongRevisions++;
  }
  return { rows: rows.length, lost, duplicated, unacknowledged, wrongVersions, wrongRevisions };
}

/** SQLite: integrity and foreign keys; PostgreSQL: the revisions of every record. */
async function integrity(db: Database, dialect: 'sqlite' | 'postgresql'): Promise<string[]> {
  const conn = db.em.getConnection();
  if (dialect === 'postgresql') return [];
  const problems: string[] = [];
  const check = await conn.execute<{ integrity_check: string }[]>('pragma integrity_check');
  if (check.map((r) => r.integrity_check).join() !== 'ok')
    problems.push(`integrity_check: ${check.map((r) => r.integrity_check).join('; ')}`);
  const keys = await conn.execute<Record<string, unknown>[]>('pragma foreign_key_check');
  if (keys.length > 0) problems.push(`foreign_key_check: ${keys.length} rows`);
  return problems;
}

function figures(name: string, tally: Tally, extra: Record<string, number | string> = {}) {
  const sorted = [...tally.latencies].sort((a, b) => a - b);
  const seconds = (tally.finished - tally.started) / 1000;
  return {
    phase: name,
    requests: tally.requests,
    'req/s': Math.round(tally.requests / seconds),
    'p50 ms': Number(percentile(sorted, 50).toFixed(1)),
    'p95 ms': Number(percentile(sorted, 95).toFixed(1)),
    '5xx': tally.status5xx,
    ...extra,
  };
}

/** 50 curators: creates, contended updates, duplicate-URL races; then the database's word. */
async function concurrentCurators(database: 'sqlite' | 'postgresql') {
  const scratch = await scratchDatabase(database, 'ake_load');
  const db = await openDatabase({ databaseUrl: scratch.url });
  let api: Api | undefined;
  try {
    await migrate(db);
    const tokens = await createCurators(db, CURATORS, 'load');
    api = await startApi(scratch.url);
    const acknowledged: Acknowledged = { creates: new Map(), updates: new Map() };
    const unexpected: string[] = [];

    const creates = new Tally();
    await spread(CREATES, CURATORS, async (i, curator) => {
      const input = {
        url: `https://example.org/kuorma/${i}`,
        title: `Kuormitus ${i}`,
        tags: [`kuorma ${curator}`],
      };
      const data = await call(api!.url, tokens[curator]!, CREATE, { input }, creates);
      const payload = data?.createResource;
      if (payload?.resource) {
        acknowledged.creates.set(dbId(payload.resource.id), { url: input.url, title: input.title });
      } else if (payload) unexpected.push(`create ${i}: ${JSON.stringify(payload.errors)}`);
    });
    creates.done();

    // The first records are the contended ones: every curator edits them from what they read.
    const contended = [...acknowledged.creates.keys()].sort((a, b) => a - b).slice(0, CONTENDED);
    const updates = new Tally();
    let conflicts = 0;
    await spread(UPDATES, CURATORS, async (i, curator) => {
      const id = contended[i % contended.length]!;
      const globalId = Buffer.from(`Resource:${id}`).toString('base64url');
      const read = await call(api!.url, tokens[curator]!, READ, { id: globalId }, updates);
      const version = (read?.node as unknown as { version: number } | undefined)?.version;
      if (version === undefined) return;
      const input = { id: globalId, version, title: `Muokkaus ${i} (ylläpitäjä ${curator})` };
      const data = await call(api!.url, tokens[curator]!, UPDATE, { input }, updates);
      const payload = data?.updateResource;
      if (payload?.resource) acknowledged.updates.set(id, (acknowledged.updates.get(id) ?? 0) + 1);
      else if (payload?.errors.some((e) => e.code === 'CONFLICT')) conflicts++;
      else if (payload) unexpected.push(`update ${i}: ${JSON.stringify(payload.errors)}`);
    });
    updates.done();

    const races = new Tally();
    let raceWinners = 0;
    let raceDuplicates = 0;
    const raceProblems: string[] = [];
    for (let race = 0; race < RACES; race++) {
      const url = `https://example.org/kilpailu/${race}`;
      const results = await Promise.all(
        tokens.map((token, curator) =>
          call(
            api!.url,
            token,
            CREATE,
            { input: { url, title: `Kilpailu ${race}, ${curator}` } },
            races,
          ),
        ),
      );
      const winners = results.filter((r) => r?.createResource?.resource);
      raceWinners += winners.length;
      raceDuplicates += results.filter((r) =>
        r?.createResource?.errors.some((e) => e.code === 'DUPLICATE'),
      ).length;
      if (winners.length !== 1) raceProblems.push(`race ${race}: ${winners.length} winners`);
      for (const winner of winners) {
        const resource = winner!.createResource!.resource!;
        acknowledged.creates.set(dbId(resource.id), { url, title: resource.title });
      }
    }
    races.done();

    await stopApi(api);
    api = undefined;
    const result = await verify(db, acknowledged);
    const fivexx = creates.status5xx + updates.status5xx + races.status5xx;
    const noResponse = creates.noResponse + updates.noResponse + races.noResponse;
    return {
      table: [
        figures('creates', creates, { acknowledged: acknowledged.creates.size - raceWinners }),
        figures('contended updates (read + update)', updates, {
          acknowledged: [...acknowledged.updates.values()].reduce((a, b) => a + b, 0),
          conflicts,
        }),
        figures(`duplicate-URL races (${RACES} × ${CURATORS})`, races, {
          winners: raceWinners,
          DUPLICATE: raceDuplicates,
        }),
      ],
      lost: result.lost,
      duplicated: result.duplicated,
      fivexx,
      // No answer at all (a connection closed before it): not acknowledged, so not counted as
      // lost; such a write may still have committed (then it shows as "no one was told").
      noResponse,
      causes: [...creates.causes, ...updates.causes, ...races.causes],
      problems: [
        ...raceProblems,
        ...unexpected.slice(0, 5),
        ...(result.unacknowledged > noResponse
          ? [`${result.unacknowledged} rows no one was told about`]
          : []),
        ...(result.wrongVersions
          ? [`${result.wrongVersions} records at an unexpected version`]
          : []),
        ...(result.wrongRevisions
          ? [`${result.wrongRevisions} records whose revisions ≠ version`]
          : []),
      ],
      rows: result.rows,
    };
  } finally {
    if (api) await stopApi(api);
    await db.close(true);
    await scratch.dispose();
  }
}

/** Streams creates into the API, kills it with SIGKILL mid-write, restarts, and checks. */
async function killMidWrite(database: 'sqlite' | 'postgresql') {
  const scratch = await scratchDatabase(database, 'ake_crash');
  const db = await openDatabase({ databaseUrl: scratch.url });
  let api: (Api & { port: number }) | undefined;
  try {
    await migrate(db);
    const tokens = await createCurators(db, CRASH_CURATORS, 'crash');
    api = await startApi(scratch.url);
    const acknowledged: Acknowledged = { creates: new Map(), updates: new Map() };
    const tally = new Tally();
    let killed = false;
    let n = 0;
    await Promise.all(
      tokens.map(async (token, curator) => {
        while (!killed) {
          const i = n++;
          const input = {
            url: `https://example.org/kaatuminen/${i}`,
            title: `Kaatuminen ${i}`,
            tags: [`kaatuminen ${curator}`],
          };
          const data = await call(api!.url, token, CREATE, { input }, tally);
          const resource = data?.createResource?.resource;
          if (resource) acknowledged.creates.set(dbId(resource.id), input);
          if (!killed && acknowledged.creates.size >= CRASH_WRITES) {
            killed = true;
            api!.server.kill('SIGKILL');
          }
        }
      }),
    );
    tally.done();
    const signal = await api.exited;
    const inFlight = tally.noResponse;
    // Restart on the same database (and port): the API must open it and serve again.
    api = await startApi(scratch.url, {}, api.port);
    const served = await call(
      api.url,
      tokens[0]!,
      READ,
      {
        id: Buffer.from(`Resource:${[...acknowledged.creates.keys()][0]}`).toString('base64url'),
      },
      new Tally(),
    );
    await stopApi(api);
    api = undefined;
    const result = await verify(db, acknowledged);
    const checks = await integrity(db, database);
    return {
      signal,
      acknowledged: acknowledged.creates.size,
      inFlight,
      // A write in flight at the kill may have committed without its answer: present, not lost.
      committedUnanswered: result.unacknowledged,
      lost: result.lost,
      duplicated: result.duplicated,
      fivexx: tally.status5xx,
      problems: [
        ...checks,
        ...(served?.node ? [] : ['the restarted API did not serve an acknowledged record']),
        ...(result.wrongRevisions
          ? [`${result.wrongRevisions} records whose revisions ≠ version`]
          : []),
      ],
    };
  } finally {
    if (api) await stopApi(api);
    await db.close(true);
    await scratch.dispose();
  }
}

let failed = false;
console.log(
  `${CURATORS} curators (a token each), ${CREATES} creates, ${UPDATES} updates of ${CONTENDED} records, ${RACES} duplicate-URL races; kill -9 after ${CRASH_WRITES} acknowledged writes of ${CRASH_CURATORS} curators; 127.0.0.1`,
);
for (const database of DATABASES) {
  const label = database === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  console.log(`\n${label}: concurrent curators …`);
  const load = await concurrentCurators(database);
  console.table(load.table);
  console.log(`${label}: lost: ${load.lost}, duplicated: ${load.duplicated}, 5xx: ${load.fivexx}`);
  if (load.noResponse)
    console.log(
      `${label}: ${load.noResponse} requests got no answer (${load.causes.join(', ')}): not acknowledged`,
    );
  for (const problem of load.problems) console.log(`${label}: PROBLEM ${problem}`);
  if (load.lost || load.duplicated || load.fivexx || load.problems.length) failed = true;

  console.log(`\n${label}: kill -9 mid-write …`);
  const crash = await killMidWrite(database);
  console.log(
    `${label}: killed (${crash.signal}) after ${crash.acknowledged} acknowledged creates, ${crash.inFlight} in flight, ${crash.committedUnanswered} of them committed without an answer`,
  );
  console.log(
    `${label}: lost: ${crash.lost}, duplicated: ${crash.duplicated}, 5xx: ${crash.fivexx}`,
  );
  console.log(
    `${label}: ${database === 'sqlite' ? 'integrity_check, foreign_key_check' : 'versions and revisions'}: ${crash.problems.length ? crash.problems.join('; ') : 'clean'}`,
  );
  if (crash.lost || crash.duplicated || crash.fivexx || crash.problems.length) failed = true;
}
process.exit(failed ? 1 : 0);
