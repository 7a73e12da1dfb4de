/**
 * Search benchmark (not a test; issue 4, "Measured, not guessed"):
 *
 *   pnpm bench:search                 (from the repository root; run `pnpm build` first)
 *   BENCH_DOCUMENTS=10000 BENCH_QUERIES=200 pnpm bench:search
 *   BENCH_ROUNDS=3 pnpm bench:search   (each query 3 times per path, its median counts: for a
 *                                       shared, noisy machine)
 *
 * One run builds BENCH_DOCUMENTS (100,000) generated records (`generateCorpus` of
 * @ake/domain/orm, fixed seed) into a temporary SQLite file through the real migrations and the
 * real `SqliteSearchIndex` (transactions of 1,000), with a minimal row per record in its own
 * table so that the API can load the hits. It prints the index build time, then p50/p95 latency
 * of the same BENCH_QUERIES (200) varied queries, after a warm-up of 20, on four paths:
 *
 *   1. raw FTS5: the compiled MATCH expression, `ORDER BY bm25(search_fts, 3, 2, 1) LIMIT 20`;
 *   2. service: `SearchService.search(query, { first: 20 })` (match, filters, total, five facets,
 *      page, highlighted snippets, suggestions when nothing matched);
 *   3. GraphQL over HTTP: the built API (`apps/api/dist/main.js`) as its own process on
 *      127.0.0.1, `NODE_ENV=production`, `RESPONSE_CACHE=off`, one request at a time;
 *   4. MiniSearch 7.2.0 over the same documents in memory (see `miniSearchQuery`).
 *
 * It also prints how many queries matched more records than the index ranks exactly (their
 * results are approximate: ranked and counted over a bounded set of candidates, see
 * docs/search.md); the raw FTS5 path stays the exact baseline (bm25 over every match).
 *
 * Paths 1–3 then run again on PostgreSQL (issue 8): the same records in a throwaway schema of
 * BENCH_POSTGRES_URL (default postgres://postgres@127.0.0.1:5432/test) through
 * `PostgresSearchIndex`, the raw path being the compiled tsquery with `ts_rank` over every match,
 * top 20. BENCH_DATABASES=sqlite runs SQLite only.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';
import {
  type Dialect,
  FIELD_WEIGHTS,
  PostgresSearchIndex,
  type SearchDocument,
  SqliteSearchIndex,
  TS_RANK_WEIGHTS,
  createServices,
  createThrowawaySchema,
  generateCorpus,
  generateQueries,
  migrate,
  openDatabase,
  searchIndexFor,
  sqlExecutor,
} from '@ake/domain/orm';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const WARM_UP = 20;
/** Times each query is run per path; its median counts (1: one timing per query, as before). */
const ROUNDS = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS ?? 1)) || 1);
const BATCH = 1_000;
const PAGE = 20;
const TARGET_P95_MS = 25;
const TARGET_RATIO = 3;

const SEARCH_QUERY = `query Search($query: String!) {
  search(query: $query, first: ${PAGE}) {
    totalCount
    isApproximate
    edges { cursor snippet node { __typename id title } }
    facets { field values { value count } }
  }
}`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * A minimal row per record in its entity's table (ids as in the corpus), so that GraphQL
 * resolves every hit's node; plus the organisations the records refer to and a working group.
 */
async function insertRecords(
  exec: ReturnType<typeof sqlExecutor>,
  documents: readonly SearchDocument[],
): Promise<void> {
  // Times as each database stores them through the ORM: milliseconds on SQLite, timestamps on
  // PostgreSQL; booleans likewise.
  const time = (ms: number): unknown => (exec.dialect === 'sqlite' ? ms : new Date(ms));
  const no = exec.dialect === 'sqlite' ? 0 : false;
  const insertOrIgnore = (sql: string) =>
    exec.dialect === 'sqlite'
      ? sql.replace('insert into', 'insert or ignore into')
      : `${sql} on conflict do nothing`;
  const now = time(Date.now());
  const organisations = new Map<number, string>();
  for (const doc of documents) {
    if (doc.organisationId !== null && doc.organisationName !== null) {
      organisations.set(doc.organisationId, doc.organisationName);
    }
  }
  for (const [id, name] of organisations) {
    await exec.run(
      `insert into organisation (id, kind, name, normalised_name, aliases, created_at, updated_at) values (?, 'library', ?, ?, '[]', ?, ?)`,
      [id, name, name.toLowerCase(), now, now],
    );
  }
  await exec.run(
    `insert into working_group (id, name, created_at) values (1, 'Benchmark group', ?)`,
    [now],
  );
  for (const doc of documents) {
    const at = time(doc.updatedAt.getTime());
    const org = doc.organisationId ?? 1;
    const sql: Record<SearchDocument['type'], [string, unknown[]]> = {
      resource: [
        `insert into resource (id, url, normalized_url, title, description, language, kind, organisation_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 'web_page', ?, ?, ?)`,
        [
          doc.id,
          `https://example.org/${doc.id}`,
          `https://example.org/${doc.id}`,
          doc.title,
          doc.body,
          doc.language,
          org,
          at,
          at,
        ],
      ],
      'best-practice': [
        `insert into best_practice (id, title, summary, language, origin_organisation_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?, ?)`,
        [doc.id, doc.title, doc.body, doc.language, org, at, at],
      ],
      'development-idea': [
        `insert into development_idea (id, title, description, status, language, created_at, updated_at) values (?, ?, ?, 'proposed', ?, ?, ?)`,
        [doc.id, doc.title, doc.body, doc.language, at, at],
      ],
      meeting: [
        `insert into meeting (id, group_id, title, starts_at, format, status, venue_organisation_id, summary, created_at, updated_at) values (?, 1, ?, ?, 'in_person', 'held', ?, ?, ?, ?)`,
        [doc.id, doc.title, at, org, doc.body, at, at],
      ],
      training: [
        `insert into training (id, title, description, kind, year, status, remote_participation, organiser_id, created_at, updated_at) values (?, ?, ?, 'other', ?, 'held', ?, ?, ?, ?)`,
        [doc.id, doc.title, doc.body, doc.year ?? 2020, no, org, at, at],
      ],
      'work-visit': [
        `insert into work_visit (id, host_id, start_date, days, lessons, created_at, updated_at) values (?, ?, ?, 1, ?, ?, ?)`,
        [doc.id, org, doc.updatedAt.toISOString().slice(0, 10), doc.body, at, at],
      ],
      'mentoring-programme': [
        `insert into mentoring_programme (id, name, kind, description, organiser_id, start_year, created_at, updated_at) values (?, ?, 'mixed', ?, ?, ?, ?, ?)`,
        [doc.id, doc.title, doc.body, org, doc.year, at, at],
      ],
      organisation: [
        insertOrIgnore(
          `insert into organisation (id, kind, name, normalised_name, aliases, created_at, updated_at) values (?, 'library', ?, ?, '[]', ?, ?)`,
        ),
        [doc.id, doc.title, doc.title.toLowerCase(), at, at],
      ],
    };
    const [statement, params] = sql[doc.type];
    await exec.run(statement, params);
  }
}

/** Removes the query language's operators: MiniSearch gets words (and `OR`). */
function miniSearchQuery(query: string): { text: string; options: MiniSearchOptions } {
  const or = /\s(OR|TAI|\|)\s/.test(query);
  const text = query
    .replace(/(^|\s)-("[^"]*"|\S+)/g, ' ') // exclusions: MiniSearch has none, left out
    .replace(/\b(OR|TAI|NOT)\b|\|/g, ' ')
    .replace(/\b(tag|type):/g, ' ')
    .replace(/["*]/g, ' ')
    .trim();
  return { text, options: { combineWith: or ? 'OR' : 'AND' } };
}

const fold = (term: string) => term.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();

interface PathResult {
  name: string;
  p50: number;
  p95: number;
  withHits: number;
}

async function measure(
  name: string,
  queries: readonly string[],
  run: (query: string) => Promise<number> | number,
): Promise<PathResult> {
  for (const query of queries.slice(0, WARM_UP)) await run(query);
  // Per query, the wall time and this process's CPU time of every round (rounds go through the
  // whole list in turn, so a burst of load from elsewhere hits different queries in each).
  const wall: number[][] = queries.map(() => []);
  const cpu: number[][] = queries.map(() => []);
  let withHits = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    for (const [i, query] of queries.entries()) {
      const start = performance.now();
      const startCpu = process.cpuUsage();
      const hits = await run(query);
      const used = process.cpuUsage(startCpu);
      wall[i]?.push(performance.now() - start);
      cpu[i]?.push((used.user + used.system) / 1000);
      if (round === 0 && hits > 0) withHits += 1;
    }
  }
  const times = wall.map((t) => percentile(t, 50));
  const result = { name, p50: percentile(times, 50), p95: percentile(times, 95), withHits };
  if (process.env.BENCH_VERBOSE) {
    const slowest = queries
      .map((query, i) => [query, times[i] ?? 0] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    for (const [query, took] of slowest) console.log(`    ${took.toFixed(1)} ms ${query}`);
  }
  // CPU time (all threads of this process, the garbage collector's too) is steadier than wall
  // time on a shared machine. Over HTTP the work is done by the API process: not shown there.
  const cpuTimes = cpu.map((t) => percentile(t, 50));
  const cpuNote = name.startsWith('GraphQL')
    ? ''
    : ` (CPU time of this process: p50 ${percentile(cpuTimes, 50).toFixed(2)} ms, p95 ${percentile(cpuTimes, 95).toFixed(2)} ms)`;
  console.log(
    `  ${name}: p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms, ${withHits}/${queries.length} with hits${cpuNote}`,
  );
  return result;
}

interface DatabaseRun {
  results: PathResult[];
  /** Queries whose service result was approximate, and the most candidates one was ranked over. */
  approximate: string[];
  candidates: number;
}

/** The raw path of a database: the compiled match, every match ranked, the top 20. */
const RAW: Record<Dialect, { name: string; sql: string }> = {
  sqlite: {
    name: 'raw FTS5',
    sql: `select rowid from search_fts where search_fts match ? order by bm25(search_fts, ${FIELD_WEIGHTS.title}, ${FIELD_WEIGHTS.tags}, ${FIELD_WEIGHTS.body}) limit ${PAGE}`,
  },
  postgresql: {
    name: 'raw tsquery',
    sql: `select d.id from search_document d, to_tsquery('simple', ?) q where d.document @@ q order by ts_rank('${TS_RANK_WEIGHTS}', d.document, q, 1) desc limit ${PAGE}`,
  },
};

/** Paths 1–3 on one database: build it, then time the raw query, the service and GraphQL. */
async function runDatabase(
  dialect: Dialect,
  documents: readonly SearchDocument[],
  queries: readonly string[],
): Promise<DatabaseRun> {
  let databaseUrl: string;
  let dispose: () => Promise<void>;
  if (dialect === 'postgresql') {
    const schema = await createThrowawaySchema(
      process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      'ake_search_bench',
    );
    databaseUrl = schema.url;
    dispose = () =>
      process.env.BENCH_KEEP ? Promise.resolve(console.log(`kept ${databaseUrl}`)) : schema.drop();
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'ake-search-bench-'));
    databaseUrl = join(dir, 'bench.sqlite');
    dispose = () =>
      Promise.resolve(
        process.env.BENCH_KEEP
          ? console.log(`kept ${databaseUrl}`)
          : rmSync(dir, { recursive: true, force: true }),
      );
  }
  console.log(`\n${dialect}:`);
  const db = await openDatabase({ databaseUrl });
  const results: PathResult[] = [];
  let approximate: string[] = [];
  let candidates = 0;
  let api: ReturnType<typeof spawn> | null = null;
  let closed = false;
  try {
    await migrate(db);
    const t0 = performance.now();
    await db.em.fork().transactional((tx) => insertRecords(sqlExecutor(tx), documents));
    console.log(`records: ${DOCUMENTS} rows in their tables in ${seconds(performance.now() - t0)}`);

    const t1 = performance.now();
    for (let i = 0; i < documents.length; i += BATCH) {
      const batch = documents.slice(i, i + BATCH);
      await db.em.fork().transactional((tx) => searchIndexFor(sqlExecutor(tx)).upsert(batch));
    }
    const buildMs = performance.now() - t1;
    const indexName = dialect === 'sqlite' ? 'SqliteSearchIndex' : 'PostgresSearchIndex';
    console.log(
      `index build: ${DOCUMENTS} documents in ${seconds(buildMs)} (${Math.round(DOCUMENTS / (buildMs / 1000))} documents/s, ${indexName}.upsert, transactions of ${BATCH})`,
    );
    if (dialect === 'sqlite') {
      await db.em.getConnection().execute('pragma wal_checkpoint(truncate)');
      await db.em.getConnection().execute('pragma optimize');
    } else {
      await db.em.getConnection().execute('vacuum analyze');
    }

    // 1. The raw query.
    console.log(
      `latency, ${QUERIES} queries after a warm-up of ${WARM_UP}${ROUNDS > 1 ? `, each run ${ROUNDS} times (its median counts)` : ''}:`,
    );
    const exec = sqlExecutor(db.em.fork());
    const index =
      dialect === 'sqlite' ? new SqliteSearchIndex(exec) : new PostgresSearchIndex(exec);
    const matches = new Map<string, string | null>();
    for (const query of queries) matches.set(query, await index.compileMatch(query));
    results.push(
      await measure(RAW[dialect].name, queries, async (query) => {
        const match = matches.get(query);
        if (!match) return 0;
        return (await exec.all(RAW[dialect].sql, [match])).length;
      }),
    );

    // 2. The service.
    const serviceTotals = new Map<string, { total: number; edges: number; approximate: boolean }>();
    results.push(
      await measure('SearchService', queries, async (query) => {
        const result = await createServices(db.em.fork()).search.search(query, { first: PAGE });
        serviceTotals.set(query, {
          total: result.totalCount,
          edges: result.edges.length,
          approximate: result.approximate,
        });
        return result.totalCount;
      }),
    );
    approximate = queries.filter((query) => serviceTotals.get(query)?.approximate);
    candidates = Math.max(0, ...approximate.map((query) => serviceTotals.get(query)?.total ?? 0));
    await db.close(true);
    closed = true;

    // 3. GraphQL over HTTP, the built API in its own process.
    const port = await freePort();
    const main = new URL('../dist/main.js', import.meta.url).pathname;
    const server = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        API_PORT: String(port),
        API_HOST: '127.0.0.1',
        NODE_ENV: 'production',
        RESPONSE_CACHE: 'off',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    api = server;
    await new Promise<void>((resolve, reject) => {
      server.stdout?.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('/graphql')) resolve();
      });
      server.once('exit', (code) => reject(new Error(`API exited with ${code}`)));
    });
    const url = `http://127.0.0.1:${port}/graphql`;
    let mismatches = 0;
    results.push(
      await measure('GraphQL over HTTP', queries, async (query) => {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: SEARCH_QUERY, variables: { query } }),
        });
        const json = (await response.json()) as {
          data?: { search: { totalCount: number; isApproximate: boolean; edges: unknown[] } };
          errors?: unknown[];
        };
        if (!response.ok || json.errors || !json.data) {
          throw new Error(`GraphQL failed for ${JSON.stringify(query)}: ${JSON.stringify(json)}`);
        }
        const expected = serviceTotals.get(query);
        const { totalCount, isApproximate, edges } = json.data.search;
        if (
          expected &&
          (expected.total !== totalCount ||
            expected.edges !== edges.length ||
            expected.approximate !== isApproximate)
        ) {
          mismatches += 1;
          if (mismatches <= 3) {
            console.log(
              `  mismatch ${JSON.stringify(query)}: service ${expected.total}/${expected.edges}/${expected.approximate}, GraphQL ${totalCount}/${edges.length}/${isApproximate}`,
            );
          }
        }
        return totalCount;
      }),
    );
    if (mismatches > 0) {
      console.log(`  (${mismatches} queries where GraphQL and the service disagreed: check!)`);
    }
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
    api = null;
  } finally {
    if (api) api.kill('SIGTERM');
    if (!closed) await db.close(true);
    await dispose();
  }
  return { results, approximate, candidates };
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadStart = loadavg()
    .map((n) => n.toFixed(2))
    .join(' ');
  console.log(
    `search benchmark: ${DOCUMENTS} documents, ${QUERIES} queries; node ${process.version}, ` +
      `${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  const documents = generateCorpus(DOCUMENTS);
  const queries = generateQueries(QUERIES);
  const dialects = (process.env.BENCH_DATABASES ?? 'sqlite,postgresql').split(',') as Dialect[];
  const runs = new Map<Dialect, DatabaseRun>();
  for (const dialect of dialects) runs.set(dialect, await runDatabase(dialect, documents, queries));
  const results: PathResult[] = [];
  {
    // 4. MiniSearch over the same documents, in memory.
    const t2 = performance.now();
    const mini = new MiniSearch<{ id: number; title: string; tags: string; body: string }>({
      fields: ['title', 'tags', 'body'],
      processTerm: (term) => fold(term),
      searchOptions: {
        boost: { title: FIELD_WEIGHTS.title, tags: FIELD_WEIGHTS.tags, body: FIELD_WEIGHTS.body },
        prefix: true,
        fuzzy: false,
        processTerm: (term) => fold(term),
      },
    });
    mini.addAll(
      documents.map((doc) => ({
        id: doc.id,
        title: doc.title,
        tags: doc.tags.join(' '),
        body: doc.body,
      })),
    );
    console.log(
      `  (MiniSearch index of ${mini.documentCount} documents built in ${seconds(performance.now() - t2)})`,
    );
    results.push(
      await measure('MiniSearch (in memory)', queries, (query) => {
        const { text, options } = miniSearchQuery(query);
        const hits = mini.search(text, options);
        void hits.slice(0, PAGE);
        return hits.length;
      }),
    );
  }

  const mini = results[0];
  const columns = [...runs.keys()];
  console.log(
    `\n| path | ${columns.map((d) => `${d} p50 ms | ${d} p95 ms`).join(' | ')} | queries with hits |`,
  );
  console.log(`| --- | ${columns.map(() => '---: | ---:').join(' | ')} | ---: |`);
  for (const [i, label] of [
    'raw (every match ranked, top 20)',
    'SearchService',
    'GraphQL over HTTP',
  ].entries()) {
    const cells = columns.map((d) => {
      const r = runs.get(d)?.results[i];
      return r ? `${r.p50.toFixed(2)} | ${r.p95.toFixed(2)}` : '– | –';
    });
    const hits = columns.map((d) => runs.get(d)?.results[i]?.withHits ?? 0).join(' / ');
    console.log(`| ${label} | ${cells.join(' | ')} | ${hits} |`);
  }
  if (mini) {
    console.log(
      `| MiniSearch (in memory) | ${columns.map(() => `${mini.p50.toFixed(2)} | ${mini.p95.toFixed(2)}`).join(' | ')} | ${mini.withHits} |`,
    );
  }
  for (const [dialect, run] of runs) {
    const [raw, , graphql] = run.results;
    console.log(
      `\n${dialect}: approximate (more matches than the index ranks exactly; ranked and counted over ${run.candidates} candidates): ` +
        `${run.approximate.length}/${QUERIES} queries, ${new Set(run.approximate).size} distinct`,
    );
    if (process.env.BENCH_VERBOSE && run.approximate.length > 0) {
      console.log(`  ${[...new Set(run.approximate)].map((q) => JSON.stringify(q)).join(', ')}`);
    }
    if (raw && graphql) {
      const ratio = graphql.p95 / raw.p95;
      console.log(
        `${dialect}: GraphQL p95 / ${raw.name} p95 = ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
      );
      console.log(
        `${dialect}: GraphQL p95 = ${graphql.p95.toFixed(2)} ms (target < ${TARGET_P95_MS} ms at 100k documents): ${graphql.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}${DOCUMENTS === 100_000 ? '' : ` (this run: ${DOCUMENTS} documents)`}`,
      );
    }
  }
  console.log(
    `total run time ${seconds(performance.now() - started)}; load average at the start ${loadStart}, at the end ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')} (1, 5, 15 min; ${availableParallelism()} CPUs)`,
  );
}

await main();
