/**
 * The relevance set of @ake/search (test/relevance: 62 records, 57 queries) run against the
 * real index of the test database (SQLite FTS5, or PostgreSQL's tsvector when the suite runs on
 * PostgreSQL) through {@link searchIndexFor}: the same migrations, the same analysis,
 * the same query path as the search service. The fixture files are read from the search
 * package's sources (a test-only dependency, not a package export).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '../../../test/database.js';
import { type Language } from '../../shared/validation.js';
import { type SearchDocument, type SearchType } from './search-index.js';
import { searchIndexFor } from './search-index-for.js';
import { sqlExecutor } from './sql-executor.js';

interface FixtureDocument {
  id: string;
  type: string;
  language: Language;
  title: string;
  tags: readonly string[];
  body: string;
}
interface RelevanceQuery {
  query: string;
  expect: readonly string[];
  absent?: readonly string[];
  note: string;
}

const FIXTURES = new URL('../../../../search/test/relevance/', import.meta.url);
const TYPES: Record<string, SearchType> = {
  idea: 'development-idea',
  mentoring: 'mentoring-programme',
};
const TOP = 5;

describe('relevance of the search index over the @ake/search fixture corpus', () => {
  let t: TestDatabase;
  let corpus: FixtureDocument[];
  let queries: RelevanceQuery[];
  const fixtureIds = new Map<string, string>();

  beforeAll(async () => {
    corpus = ((await import(new URL('corpus.ts', FIXTURES).href)) as { corpus: FixtureDocument[] })
      .corpus;
    queries = (
      (await import(new URL('queries.ts', FIXTURES).href)) as { queries: RelevanceQuery[] }
    ).queries;
    t = await openTestDatabase();
    const documents: SearchDocument[] = corpus.map((doc, i) => {
      const type = TYPES[doc.type] ?? (doc.type as SearchType);
      fixtureIds.set(`${type}:${i + 1}`, doc.id);
      return {
        type,
        id: i + 1,
        language: doc.language,
        title: doc.title,
        tags: [...doc.tags],
        body: doc.body,
        organisationId: null,
        organisationName: null,
        year: null,
        // Same time for all: ties fall to the id order, as in the reference ranker.
        createdAt: new Date(0),
        updatedAt: new Date(0),
      };
    });
    await t.db.em.fork().transactional((tx) => searchIndexFor(sqlExecutor(tx)).upsert(documents));
  });
  afterAll(() => t.close());

  it('reaches recall@5 ≥ 0.95, reports MRR and never returns excluded records', async () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const index = searchIndexFor(sqlExecutor(t.db.em.fork()));
    let recall = 0;
    let reciprocal = 0;
    const misses: string[] = [];
    for (const judgement of queries) {
      const result = await index.search({ query: judgement.query, offset: 0, limit: 100 });
      const hits = result.hits.map((hit) => fixtureIds.get(`${hit.type}:${hit.id}`) ?? '?');
      const top = hits.slice(0, TOP);
      const found = judgement.expect.filter((id) => top.includes(id)).length;
      recall += found / judgement.expect.length;
      const first = hits.findIndex((id) => judgement.expect.includes(id));
      reciprocal += first === -1 ? 0 : 1 / (first + 1);
      if (found < judgement.expect.length) {
        misses.push(`${judgement.query} → ${top.join(', ')} (want ${judgement.expect.join(', ')})`);
      }
      for (const id of judgement.absent ?? []) expect(hits, judgement.query).not.toContain(id);
      expect(result.totalCount).toBe(hits.length);
    }
    recall /= queries.length;
    reciprocal /= queries.length;
    console.log(
      `relevance (${t.dialect}): recall@5=${recall.toFixed(3)} MRR=${reciprocal.toFixed(3)} queries=${queries.length}`,
    );
    if (misses.length > 0)
      console.log(`relevance (${t.dialect}) misses:\n  ${misses.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});
