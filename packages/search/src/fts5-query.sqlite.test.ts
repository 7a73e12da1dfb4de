/**
 * Runs compiled FTS5 expressions against a real SQLite FTS5 table: hostile input must never
 * raise an FTS5 syntax error, and the relevance set must behave as with the reference ranker.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestDatabase } from '../test/sqlite-database.js';
import { FIELD_WEIGHTS, ReferenceRanker, tagsText } from '../test/reference-ranker.js';
import { corpus } from '../test/relevance/corpus.js';
import { queries } from '../test/relevance/queries.js';
import { analyse } from './analyser.js';
import { buildLexicon } from './lexicon.js';
import { toFts5Match } from './fts5-query.js';
import { parseQuery } from './query-parser.js';

const HOSTILE = [
  '"',
  '"unbalanced',
  'NEAR(a b',
  'NEAR(a b, 2)',
  'a AND',
  'OR',
  'NOT',
  '-',
  '*',
  '**a',
  ':',
  'title:x',
  '{title body}: x',
  '^kirjasto',
  'a + b',
  'x" OR 1=1 --',
  "'; DROP TABLE docs; --",
  '"" AND ""',
  '🙂 💥',
  '\u0000\u0007\u202e',
  'tag:") OR ("',
  'tag:"x"y" type:"',
  'kirjasto* -*',
  'x'.repeat(10_000),
  Array.from({ length: 100 }, (_, i) => `w${i} OR`).join(' '),
  'AND OR NOT NEAR',
  'a -b -c -"d e" f*',
];

describe('FTS5 MATCH expressions on a real SQLite table', () => {
  let db: TestDatabase;
  const ranker = new ReferenceRanker(corpus);
  const analyser = ranker.analyser;

  beforeAll(async () => {
    db = new TestDatabase();
    await db.run('CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, tags, body)');
    const lexicons = {
      fi: buildLexicon(textsOf('fi'), 'fi'),
      sv: buildLexicon(textsOf('sv'), 'sv'),
      en: buildLexicon(textsOf('en'), 'en'),
    };
    for (const doc of corpus) {
      const options = { language: doc.language, lexicon: lexicons[doc.language] };
      const text = (value: string): string => analyse(value, options).terms.join(' ');
      await db.run('INSERT INTO docs (id, title, tags, body) VALUES (?, ?, ?, ?)', [
        doc.id,
        text(doc.title),
        text(tagsText(doc.tags)),
        text(doc.body),
      ]);
    }
  });

  afterAll(async () => {
    await db?.close();
  });

  const search = async (input: string): Promise<string[] | null> => {
    const match = toFts5Match(parseQuery(input), analyser, { tagsAsText: true });
    if (match === null) return null;
    const { title, tags, body } = FIELD_WEIGHTS;
    const rows = await db.all<{ id: string }>(
      'SELECT id FROM docs WHERE docs MATCH ? ORDER BY bm25(docs, 0, ?, ?, ?), id',
      [match, title, tags, body],
    );
    return rows.map((row) => row.id);
  };

  it.each(HOSTILE)('hostile input %j compiles to a valid expression', async (input) => {
    // An FTS5 syntax error would reject here.
    const ids = await search(input);
    expect(ids === null || Array.isArray(ids)).toBe(true);
  });

  it('matches what the reference ranker matches', async () => {
    for (const { query } of queries) {
      const fts = await search(query);
      const reference = ranker.search(query).map((hit) => hit.id);
      expect(new Set(fts ?? []), query).toEqual(new Set(reference));
    }
  });

  it('reaches recall@5 ≥ 0.95', async () => {
    let recall = 0;
    let reciprocal = 0;
    for (const judgement of queries) {
      const hits = (await search(judgement.query)) ?? [];
      const top = hits.slice(0, 5);
      recall += judgement.expect.filter((id) => top.includes(id)).length / judgement.expect.length;
      const first = hits.findIndex((id) => judgement.expect.includes(id));
      reciprocal += first === -1 ? 0 : 1 / (first + 1);
    }
    console.log(
      `relevance (sqlite fts5): recall@5=${(recall / queries.length).toFixed(3)} MRR=${(reciprocal / queries.length).toFixed(3)}`,
    );
    expect(recall / queries.length).toBeGreaterThanOrEqual(0.95);
  });
});

function textsOf(language: string): string[] {
  return corpus
    .filter((doc) => doc.language === language)
    .flatMap((doc) => [doc.title, tagsText(doc.tags), doc.body]);
}
