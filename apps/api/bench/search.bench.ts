/**
 * Search benchmark (not a test; issue 4, "Measured, not guessed"):
 *
 *   pnpm bench:search                 (from the repository root; run `pnpm build` first)
 *   BENCH_DOCUMENTS=10000 BENCH_QUERIES=200 pnpm bench:search
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
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import MiniSearch, { type SearchOptions as MiniSearchOptions } from 'minisearch';
import {
  FIELD_WEIGHTS,
  type SearchDocument,
  SqliteSearchIndex,
  createServices,
  generateCorpus,
  generateQueries,
  migrate,
  openDatabase,
  sqlExecutor,
} from '@ake/domain/orm';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 100_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 200);
const WARM_UP = 20;
const BATCH = 1_000;
const PAGE = 20;
const TARGET_P95_MS = 25;
const TARGET_RATIO = 3;

const SEARCH_QUERY = `query Search($query: String!) {
  search(query: $query, first: ${PAGE}) {
    totalCount
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
  const now = Date.now();
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
    const at = doc.updatedAt.getTime();
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
        `insert into training (id, title, description, kind, year, status, remote_participation, organiser_id, created_at, updated_at) values (?, ?, ?, 'other', ?, 'held', 0, ?, ?, ?)`,
        [doc.id, doc.title, doc.body, doc.year ?? 2020, org, at, at],
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
        `insert or ignore into organisation (id, kind, name, normalised_name, aliases, created_at, updated_at) values (?, 'library', ?, ?, '[]', ?, ?)`,
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
  const times: number[] = [];
  let withHits = 0;
  for (const query of queries) {
    const start = performance.now();
    const hits = await run(query);
    times.push(performance.now() - start);
    if (hits > 0) withHits += 1;
  }
  const result = { name, p50: percentile(times, 50), p95: percentile(times, 95), withHits };
  if (process.env.BENCH_VERBOSE) {
    const slowest = queries
      .map((query, i) => [query, times[i] ?? 0] as const)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12);
    for (const [query, took] of slowest) console.log(`    ${took.toFixed(1)} ms ${query}`);
  }
  console.log(
    `  ${name}: p50 ${result.p50.toFixed(2)} ms, p95 ${result.p95.toFixed(2)} ms, ${withHits}/${queries.length} with hits`,
  );
  return result;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ake-search-bench-'));
  const path = join(dir, 'bench.sqlite');
  const started = performance.now();
  console.log(
    `search benchmark: ${DOCUMENTS} documents, ${QUERIES} queries; node ${process.version}, ` +
      `${availableParallelism()} × ${cpus()[0]?.model ?? 'cpu'}`,
  );
  const documents = generateCorpus(DOCUMENTS);
  const queries = generateQueries(QUERIES);
  const db = await openDatabase({ databaseUrl: path });
  const results: PathResult[] = [];
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
      await db.em
        .fork()
        .transactional((tx) => new SqliteSearchIndex(sqlExecutor(tx)).upsert(batch));
    }
    const buildMs = performance.now() - t1;
    console.log(
      `index build: ${DOCUMENTS} documents in ${seconds(buildMs)} (${Math.round(DOCUMENTS / (buildMs / 1000))} documents/s, SqliteSearchIndex.upsert, transactions of ${BATCH})`,
    );
    await db.em.getConnection().execute('pragma wal_checkpoint(truncate)');
    await db.em.getConnection().execute('pragma optimize');

    // 1. Raw FTS5.
    console.log(`latency, ${QUERIES} queries after a warm-up of ${WARM_UP}:`);
    const exec = sqlExecutor(db.em.fork());
    const index = new SqliteSearchIndex(exec);
    const { title, tags, body } = FIELD_WEIGHTS;
    const matches = new Map<string, string | null>();
    for (const query of queries) matches.set(query, await index.compileMatch(query));
    results.push(
      await measure('raw FTS5', queries, async (query) => {
        const match = matches.get(query);
        if (!match) return 0;
        const rows = await exec.all(
          `select rowid from search_fts where search_fts match ? order by bm25(search_fts, ${title}, ${tags}, ${body}) limit ${PAGE}`,
          [match],
        );
        return rows.length;
      }),
    );

    // 2. The service.
    const serviceTotals = new Map<string, { total: number; edges: number }>();
    results.push(
      await measure('SearchService', queries, async (query) => {
        const result = await createServices(db.em.fork()).search.search(query, { first: PAGE });
        serviceTotals.set(query, { total: result.totalCount, edges: result.edges.length });
        return result.totalCount;
      }),
    );
    await db.close(true);
    closed = true;

    // 3. GraphQL over HTTP, the built API in its own process.
    const port = await freePort();
    const main = new URL('../dist/main.js', import.meta.url).pathname;
    const server = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        DATABASE_URL: path,
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
          data?: { search: { totalCount: number; edges: unknown[] } };
          errors?: unknown[];
        };
        if (!response.ok || json.errors || !json.data) {
          throw new Error(`GraphQL failed for ${JSON.stringify(query)}: ${JSON.stringify(json)}`);
        }
        const expected = serviceTotals.get(query);
        const { totalCount, edges } = json.data.search;
        if (expected && (expected.total !== totalCount || expected.edges !== edges.length)) {
          mismatches += 1;
          if (mismatches <= 3) {
            console.log(
              `  mismatch ${JSON.stringify(query)}: service ${expected.total}/${expected.edges}, GraphQL ${totalCount}/${edges.length}`,
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
  } finally {
    if (api) api.kill('SIGTERM');
    if (!closed) await db.close(true);
    if (process.env.BENCH_KEEP) console.log(`kept ${path}`);
    else rmSync(dir, { recursive: true, force: true });
  }

  const byName = new Map(results.map((r) => [r.name, r]));
  console.log(`\n| path | p50 ms | p95 ms | queries with hits |`);
  console.log(`| --- | ---: | ---: | ---: |`);
  for (const r of results) {
    console.log(
      `| ${r.name} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.withHits}/${QUERIES} |`,
    );
  }
  const raw = byName.get('raw FTS5');
  const graphql = byName.get('GraphQL over HTTP');
  if (raw && graphql) {
    const ratio = graphql.p95 / raw.p95;
    console.log(
      `\nGraphQL p95 / raw FTS5 p95 = ${ratio.toFixed(2)} (target ≤ ${TARGET_RATIO}): ${ratio <= TARGET_RATIO ? 'met' : 'NOT met'}`,
    );
    console.log(
      `GraphQL p95 = ${graphql.p95.toFixed(2)} ms (target < ${TARGET_P95_MS} ms at 100k documents): ${graphql.p95 < TARGET_P95_MS ? 'met' : 'NOT met'}${DOCUMENTS === 100_000 ? '' : ` (this run: ${DOCUMENTS} documents)`}`,
    );
  }
  console.log(`total run time ${seconds(performance.now() - started)}`);
}

await main();
