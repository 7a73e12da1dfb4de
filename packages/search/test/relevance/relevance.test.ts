import { describe, expect, it } from 'vitest';
import { ReferenceRanker } from '../reference-ranker.js';
import { corpus } from './corpus.js';
import { queries } from './queries.js';

const TOP = 5;

describe('relevance of the reference ranker over the fixture corpus', () => {
  const ranker = new ReferenceRanker(corpus);
  const results = queries.map((judgement) => {
    const hits = ranker.search(judgement.query).map((hit) => hit.id);
    const top = hits.slice(0, TOP);
    const found = judgement.expect.filter((id) => top.includes(id));
    const firstRank = hits.findIndex((id) => judgement.expect.includes(id));
    return {
      judgement,
      hits,
      top,
      recall: found.length / judgement.expect.length,
      reciprocalRank: firstRank === -1 ? 0 : 1 / (firstRank + 1),
      leaked: (judgement.absent ?? []).filter((id) => hits.includes(id)),
    };
  });

  it('has a corpus and query set of the agreed size and shape', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(60);
    expect(queries.length).toBeGreaterThanOrEqual(40);
    const ids = new Set(corpus.map((doc) => doc.id));
    expect(ids.size).toBe(corpus.length);
    for (const { expect: expected, absent } of queries) {
      for (const id of [...expected, ...(absent ?? [])]) expect(ids.has(id), id).toBe(true);
    }
  });

  it('reaches recall@5 ≥ 0.95 and reports MRR', () => {
    const recall = results.reduce((sum, r) => sum + r.recall, 0) / results.length;
    const mrr = results.reduce((sum, r) => sum + r.reciprocalRank, 0) / results.length;
    const misses = results
      .filter((r) => r.recall < 1)
      .map(
        (r) => `${r.judgement.query} → ${r.top.join(', ')} (want ${r.judgement.expect.join(', ')})`,
      );
    console.log(
      `relevance: recall@5=${recall.toFixed(3)} MRR=${mrr.toFixed(3)} queries=${results.length}`,
    );
    if (misses.length > 0) console.log(`relevance misses:\n  ${misses.join('\n  ')}`);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('never returns excluded records', () => {
    for (const r of results) expect(r.leaked, r.judgement.query).toEqual([]);
  });
});
