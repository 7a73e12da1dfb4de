/**
 * The search index on SQLite FTS5 (tables from Migration20261129000000_search):
 *
 * - every record's fields are analysed in TypeScript by `@ake/search` (`toIndexText`: stems,
 *   gradation keys, folded diacritics, compound parts) and stored in `search_fts` (title, tags,
 *   body); FTS5's `unicode61` tokenizer only splits the stored terms on spaces;
 * - a query is parsed and compiled by `@ake/search` to an FTS5 expression in which every term is
 *   quoted, and bound as a parameter: nothing typed reaches SQL or FTS5 as syntax;
 * - ranking is `bm25(search_fts, 3, 2, 1)` (title above tags above body) times the record
 *   type's weight (`TYPE_WEIGHTS`: directory entries far below content), then the most
 *   recently updated record;
 * - filters and facets read the plain columns of `search_document`;
 * - a query that matches more than `candidateLimit` records after the filters (default
 *   `DEFAULT_CANDIDATE_LIMIT` of search-common.ts) is answered from a bounded set of candidates, title and tag
 *   matches first, then the newest, and marked `approximate` (see {@link SqliteSearchIndex.search}).
 *
 * Every statement runs through the {@link SqlExecutor} it was given, i.e. in the transaction of
 * the write being indexed.
 */
import { type Language, type Lexicon, type MatchPlan, renderFts5, toIndexText } from '@ake/search';
import {
  SEARCH_TYPES,
  type SearchDocument,
  type SearchKey,
  type SearchRequest,
} from './search-index.js';
import {
  addWords,
  clearVocabulary,
  removeWords,
  vocabulary,
  vocabularyWords,
} from './search-lexicon.js';
import { AnalysedSearchIndex } from './analysed-search-index.js';
import {
  type Candidate,
  type FacetRow,
  type SearchIndexOptions,
  type Where,
  snippetSource,
  tagsText,
  typeTierSql,
  typeWeightSql,
} from './search-common.js';
import { type SqlExecutor } from './sql-executor.js';
import { LANGUAGES } from '../../shared/validation.js';

/** bm25 column weights of search_fts (title, tags, body). */
export const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1 } as const;

const RANK = `bm25(search_fts, ${FIELD_WEIGHTS.title}, ${FIELD_WEIGHTS.tags}, ${FIELD_WEIGHTS.body})`;

// Type and language have a closed set of values: counted with one pass of sums (GROUP BY sorts
// every match, once per field).
const CLOSED_FACETS = [
  ...SEARCH_TYPES.map((value) => ['type', value] as const),
  ...LANGUAGES.map((value) => ['language', value] as const),
];

/**
 * The end of both search statements: from `m` (one row per match, or per candidate, after the
 * filters, with `rank`), the total, the five facets and one page (`limit ? offset ?`), ordered
 * by rank, then the most recently updated, then the newest row.
 */
const COUNTS_AND_PAGE = `c as materialized (select count(*) as total, ${CLOSED_FACETS.map(
  ([field, value], i) => `sum(${field} = '${value}') as c${i}`,
).join(', ')} from m)
       select 'total' as field, null as value, null as label, total as n from c
       ${CLOSED_FACETS.map(
         ([field, value], i) => `union all select '${field}', '${value}', null, c${i} from c`,
       ).join('\n       ')}
       union all select 'year', year, null, count(*) from m where year is not null group by year
       union all select 'organisation', organisation_id, max(organisation_name), count(*) from m where organisation_id is not null group by organisation_id
       union all select 'tag', t.value, null, count(*) from m, json_each(m.tags) t group by t.value
       union all select * from (
         select 'page', id, updated_at, rank from m order by rank, updated_at desc, id desc limit ? offset ?
       )`;

/**
 * The FTS5 expression of the records whose title or tags hold every positive term of the plan
 * (a `tags` field stays on tags); exclusions still apply to every column.
 */
function titleOrTagsMatch(plan: MatchPlan): string {
  const columns = '{title tags}';
  return plan.kind === 'not'
    ? `${columns} : (${renderFts5(plan.include, 'tags')}) NOT (${renderFts5(plan.exclude, 'tags')})`
    : `${columns} : (${renderFts5(plan, 'tags')})`;
}

export class SqliteSearchIndex extends AnalysedSearchIndex {
  constructor(exec: SqlExecutor, options: SearchIndexOptions = {}) {
    super(exec, options);
  }

  async upsert(documents: readonly SearchDocument[]): Promise<void> {
    if (documents.length === 0) return;
    // Words first, all of them: every record is then analysed with a lexicon that knows the
    // words of the whole batch (a rebuild analyses each record with the whole corpus's lexicon).
    const prepared: { doc: SearchDocument; words: string[]; id: number | null }[] = [];
    for (const doc of documents) {
      const rows = await this.exec.all<{ id: number; language: string; words: string }>(
        'select id, language, words from search_document where type = ? and entity_id = ?',
        [doc.type, doc.id],
      );
      const old = rows[0];
      if (old) await removeWords(this.exec, old.language, old.words);
      const words = vocabularyWords(`${doc.title} ${tagsText(doc.tags)} ${doc.body}`);
      prepared.push({ doc, words, id: old?.id ?? null });
    }
    const lexicons: Partial<Record<Language, Lexicon>> = {};
    for (const { doc, words } of prepared) {
      lexicons[doc.language] = await addWords(this.exec, doc.language, words);
    }
    for (const { doc, words, id } of prepared) {
      const lexicon = lexicons[doc.language];
      const options = { language: doc.language, lexicon };
      const columns = [
        doc.language,
        doc.title,
        JSON.stringify(doc.tags),
        snippetSource(doc),
        doc.organisationId,
        doc.organisationName,
        doc.year,
        JSON.stringify(words),
        doc.createdAt.getTime(),
        doc.updatedAt.getTime(),
      ];
      let rowid = id;
      if (rowid === null) {
        await this.exec.run(
          `insert into search_document (type, entity_id, language, title, tags, snippet_text, organisation_id, organisation_name, year, words, created_at, updated_at)
           values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          [doc.type, doc.id, ...columns],
        );
        const inserted = await this.exec.all<{ id: number }>(
          'select id from search_document where type = ? and entity_id = ?',
          [doc.type, doc.id],
        );
        rowid = inserted[0]?.id ?? null;
        if (rowid === null) throw new Error(`Indexing ${doc.type} ${doc.id} failed`);
      } else {
        await this.exec.run(
          `update search_document set language = ?, title = ?, tags = ?, snippet_text = ?, organisation_id = ?, organisation_name = ?, year = ?, words = ?, created_at = ?, updated_at = ? where id = ?`,
          [...columns, rowid],
        );
        await this.exec.run('delete from search_fts where rowid = ?', [rowid]);
      }
      await this.exec.run('insert into search_fts (rowid, title, tags, body) values (?, ?, ?, ?)', [
        rowid,
        toIndexText(doc.title, options),
        toIndexText(tagsText(doc.tags), options),
        toIndexText(doc.body, options),
      ]);
    }
  }

  async remove(keys: readonly SearchKey[]): Promise<void> {
    for (const key of keys) {
      const rows = await this.exec.all<{ id: number; language: string; words: string }>(
        'select id, language, words from search_document where type = ? and entity_id = ?',
        [key.type, key.id],
      );
      const old = rows[0];
      if (!old) continue;
      await removeWords(this.exec, old.language, old.words);
      await this.exec.run('delete from search_fts where rowid = ?', [old.id]);
      await this.exec.run('delete from search_document where id = ?', [old.id]);
    }
  }

  async clear(): Promise<void> {
    await this.exec.run('delete from search_fts');
    await this.exec.run('delete from search_document');
    await clearVocabulary(this.exec);
  }

  protected render(plan: MatchPlan): string {
    return renderFts5(plan, 'tags');
  }

  /**
   * The candidates of a query with more than `candidateLimit` matches after the filters, or
   * null when it has no more (then the exact statement runs). Two bounded reads, each stopping
   * after `candidateLimit + 1` rows (FTS5 streams `order by rowid desc` without ranking):
   *
   * 1. the newest title/tag matches (`{title tags} : (…)`, the exclusions still on every
   *    column), then the filters. All of them passing and more than the limit: the query is
   *    broad and these are the candidates; the full expression is never read (for a short
   *    prefix such as `kirj*` that alone costs 20 ms at 100,000 records).
   * 2. otherwise the newest matches with the filters applied. No more than the limit: exact.
   *    More: the title/tag matches of step 1 that pass the filters (tier 0), then the newest
   *    other matches of step 2 (tier 1), `candidateLimit` in all. (With filters, step 1 reads
   *    only the newest `candidateLimit + 1` title/tag matches, so an older one can land in
   *    tier 1.)
   */
  protected async matchCandidates(plan: MatchPlan, where: Where): Promise<Candidate[] | null> {
    const limit = this.candidateLimit;
    const match = this.render(plan);
    const window = await this.exec.all<{ id: number; keep: number }>(
      `select x.id, case when ${where.sql} then 1 else 0 end as keep
       from (select rowid as id from search_fts where search_fts match ? order by rowid desc limit ?) x
       join search_document d indexed by search_document_facets on d.id = x.id`,
      [...where.params, titleOrTagsMatch(plan), limit + 1],
    );
    const title = window
      .filter((row) => Number(row.keep) === 1)
      .map((row) => Number(row.id))
      .sort((a, b) => b - a);
    if (title.length > limit) return title.slice(0, limit).map((id) => ({ id, tier: 0 }));
    const newest = await this.exec.all<{ id: number }>(
      `select search_fts.rowid as id
       from search_fts cross join search_document d indexed by search_document_facets on d.id = search_fts.rowid
       where search_fts match ? and ${where.sql}
       order by search_fts.rowid desc limit ?`,
      [match, ...where.params, limit + 1],
    );
    if (newest.length <= limit) return null;
    const inTitle = new Set(title);
    const others = newest
      .map((row) => Number(row.id))
      .filter((id) => !inTitle.has(id))
      .sort((a, b) => b - a)
      .slice(0, limit - title.length);
    return [
      ...title.map((id): Candidate => ({ id, tier: 0 })),
      ...others.map((id): Candidate => ({ id, tier: 1 })),
    ];
  }

  /**
   * Listing by `type:` alone (ordered by recency): the `candidateLimit` most recently updated
   * records when more pass the filters, else null. The first `candidateLimit` positions are the
   * same as the exact list's; only the total and the facets are bounded.
   */
  protected async newestCandidates(where: Where): Promise<Candidate[] | null> {
    const limit = this.candidateLimit;
    const rows = await this.exec.all<{ id: number }>(
      `select d.id from search_document d indexed by search_document_facets
       where ${where.sql} order by d.updated_at desc, d.id desc limit ?`,
      [...where.params, limit + 1],
    );
    if (rows.length <= limit) return null;
    return rows.slice(0, limit).map((row) => ({ id: Number(row.id), tier: 0 }));
  }

  /**
   * The exact statement, one pass over every match: FTS5 yields every match with its bm25 rank
   * once (materialised, so SQLite never nests MATCH inside a scan of search_document); the join
   * reads the narrow covering index `search_document_facets` instead of the wide rows; the
   * total, the five facets and the page's ids are all computed from that one set.
   */
  protected async exactRows(
    plan: MatchPlan | null,
    where: Where,
    request: SearchRequest,
  ): Promise<FacetRow[]> {
    const match = plan === null ? null : this.render(plan);
    const source =
      match === null
        ? { sql: 'select id, 0 as rank from search_document', params: [] as unknown[] }
        : {
            sql: `select rowid as id, ${RANK} as rank from search_fts where search_fts match ?`,
            params: [match] as unknown[],
          };
    return this.exec.all<FacetRow>(
      `with r as materialized (${source.sql}),
       m as materialized (
         select d.id, d.type, d.organisation_id, d.organisation_name, d.year, d.language, d.tags, d.updated_at, r.rank * ${typeWeightSql('d.type')} as rank
         from r join search_document d indexed by search_document_facets on d.id = r.id
         where ${where.sql}
       ),
       ${COUNTS_AND_PAGE}`,
      [...source.params, ...where.params, request.limit, request.offset],
    );
  }

  /**
   * The bounded statement: the same total, facets and page over the candidates only (already
   * filtered), ranked by tier, then the most recently updated; `n` of a page row is its tier.
   */
  protected async boundedRows(
    candidates: readonly Candidate[],
    request: SearchRequest,
  ): Promise<FacetRow[]> {
    return this.exec.all<FacetRow>(
      `with j as (select value ->> 0 as id, value ->> 1 as tier from json_each(?)),
       m as materialized (
         select d.id, d.type, d.organisation_id, d.organisation_name, d.year, d.language, d.tags, d.updated_at, j.tier + ${typeTierSql('d.type')} as rank
         from j join search_document d indexed by search_document_facets on d.id = j.id
       ),
       ${COUNTS_AND_PAGE}`,
      [JSON.stringify(candidates.map((c) => [c.id, c.tier])), request.limit, request.offset],
    );
  }

  /** Stops at the first match: a common suggestion would otherwise count every record. */
  protected async anyMatch(plan: MatchPlan, where: Where): Promise<boolean> {
    const rows = await this.exec.all<{ id: number }>(
      `select search_fts.rowid as id
       from search_fts cross join search_document d on d.id = search_fts.rowid
       where search_fts match ? and ${where.sql} limit 1`,
      [this.render(plan), ...where.params],
    );
    return rows.length > 0;
  }

  /** The vocabulary words of about the word's length. */
  protected suggestionCandidates(word: string): Promise<string[]> {
    const length = [...word].length;
    return vocabulary(this.exec, Math.max(1, length - 2), length + 2);
  }
}
