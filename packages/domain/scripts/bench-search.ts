/**
 * Search benchmark: `pnpm --filter @ake/domain bench:search [documents] [queries]`.
 *
 * Builds a temporary SQLite database with the real migrations, indexes N generated records
 * (test/corpus-generator.ts, fixed seed) through the SQLite search index, and prints, in one
 * run: indexing throughput, and p50/p95 latency of the same varied queries
 *
 *   1. through SearchService.search (parse, compile, match, filters, facets, snippets, page);
 *   2. as the raw FTS5 query on the analysed index (compiled match, bm25 order, top 20);
 *   3. baseline: FTS5 over the raw, unanalysed text (words quoted, top 20);
 *   4. baseline: a `LIKE '%word%'` scan over plain text columns (top 20 by id).
 *
 * The baselines' tables are filled in the same run with the same records. Not a test: figures
 * depend on the machine; docs/performance.md records them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createQueryAnalyser, parseQuery, toFts5Match, tokenise } from '@ake/search';
import { migrate, openDatabase } from '../src/database.js';
import { createServices } from '../src/services.js';
import { loadLexicons } from '../src/modules/search/search-lexicon.js';
import { FIELD_WEIGHTS, SqliteSearchIndex } from '../src/modules/search/sqlite-search-index.js';
import { sqlExecutor } from '../src/modules/search/sql-executor.js';
import { generateCorpus, generateQueries } from '../test/corpus-generator.js';

const documentCount = Number(process.argv[2] ?? process.env.BENCH_DOCUMENTS ?? 10_000);
const queryCount = Number(process.argv[3] ?? process.env.BENCH_QUERIES ?? 200);
const BATCH = 1_000;
const PAGE = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function ms(value: number): string {
  return value.toFixed(2).padStart(8);
}

async function timed<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const result = await work();
  return [performance.now() - start, result];
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ake-bench-'));
  const db = await openDatabase({ databaseUrl: join(dir, 'bench.sqlite') });
  try {
    await migrate(db);
    const conn = db.em.getConnection();
    await conn.execute(
      'create table bench_plain (id integer primary key, title text, tags text, body text)',
    );
    await conn.execute(
      "create virtual table bench_raw_fts using fts5(title, tags, body, tokenize = 'unicode61 remove_diacritics 2')",
    );

    const documents = generateCorpus(documentCount);
    const queries = generateQueries(queryCount);
    console.log(
      `search benchmark: ${documentCount} documents, ${queries.length} queries, node ${process.version}`,
    );

    const [indexMs] = await timed(async () => {
      for (let i = 0; i < documents.length; i += BATCH) {
        const batch = documents.slice(i, i + BATCH);
        await db.em
          .fork()
          .transactional((tx) => new SqliteSearchIndex(sqlExecutor(tx)).upsert(batch));
      }
    });
    const [rawMs] = await timed(async () => {
      for (let i = 0; i < documents.length; i += BATCH) {
        const batch = documents.slice(i, i + BATCH);
        await db.em.fork().transactional(async (tx) => {
          const exec = sqlExecutor(tx);
          for (const doc of batch) {
            const row = [doc.id, doc.title, doc.tags.join(' . '), doc.body];
            await exec.run(
              'insert into bench_plain (id, title, tags, body) values (?, ?, ?, ?)',
              row,
            );
            await exec.run(
              'insert into bench_raw_fts (rowid, title, tags, body) values (?, ?, ?, ?)',
              row,
            );
          }
        });
      }
    });
    const rate = (count: number, millis: number) => Math.round(count / (millis / 1000));
    console.log(
      `indexing: analysed index ${rate(documentCount, indexMs)} docs/s (${(indexMs / 1000).toFixed(1)} s); ` +
        `baseline raw FTS5 + plain table ${rate(documentCount, rawMs)} docs/s (${(rawMs / 1000).toFixed(1)} s)`,
    );

    const exec = sqlExecutor(db.em.fork());
    const analyser = createQueryAnalyser({ lexicons: await loadLexicons(exec) });
    const { title, tags, body } = FIELD_WEIGHTS;
    const words = (query: string) =>
      tokenise(query.replace(/\b(OR|NOT|AND)\b/g, ' ').replace(/\b(tag|type):\S*/g, ' ')).map(
        (t) => t.surface,
      );

    const paths: Record<string, (query: string) => Promise<number>> = {
      'service (SearchService.search)': async (query) =>
        (await createServices(db.em.fork()).search.search(query, { first: PAGE })).totalCount,
      'raw FTS5, analysed index': async (query) => {
        const match = toFts5Match(parseQuery(query), analyser, { tagsAsText: true });
        if (match === null) return 0;
        const rows = await exec.all(
          `select rowid from search_fts where search_fts match ? order by bm25(search_fts, ${title}, ${tags}, ${body}) limit ${PAGE}`,
          [match],
        );
        return rows.length;
      },
      'baseline: FTS5 on raw text': async (query) => {
        const terms = words(query);
        if (terms.length === 0) return 0;
        const match = terms.map((w) => `"${w.replace(/"/g, '""')}"`).join(' ');
        const rows = await exec.all(
          `select rowid from bench_raw_fts where bench_raw_fts match ? order by rank limit ${PAGE}`,
          [match],
        );
        return rows.length;
      },
      "baseline: LIKE '%word%' scan": async (query) => {
        const terms = words(query);
        if (terms.length === 0) return 0;
        const where = terms.map(() => '(title like ? or tags like ? or body like ?)').join(' and ');
        const params = terms.flatMap((w) => [`%${w}%`, `%${w}%`, `%${w}%`]);
        const rows = await exec.all(
          `select id from bench_plain where ${where} order by id desc limit ${PAGE}`,
          params,
        );
        return rows.length;
      },
    };

    console.log(`\n| path | p50 ms | p95 ms | queries with hits |`);
    console.log(`| --- | ---: | ---: | ---: |`);
    const results: Record<string, { p50: number; p95: number }> = {};
    for (const [name, run] of Object.entries(paths)) {
      for (const query of queries.slice(0, 20)) await run(query); // warm-up
      const times: number[] = [];
      let withHits = 0;
      for (const query of queries) {
        const [took, hits] = await timed(() => run(query));
        times.push(took);
        if (hits > 0) withHits += 1;
      }
      const p50 = percentile(times, 50);
      const p95 = percentile(times, 95);
      results[name] = { p50, p95 };
      console.log(`| ${name} | ${ms(p50)} | ${ms(p95)} | ${withHits}/${queries.length} |`);
    }
    const service = results['service (SearchService.search)'];
    const raw = results['raw FTS5, analysed index'];
    if (service && raw) {
      console.log(
        `\nservice / raw FTS5: p50 ×${(service.p50 / raw.p50).toFixed(1)}, p95 ×${(service.p95 / raw.p95).toFixed(1)}`,
      );
    }
  } finally {
    await db.close(true);
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
