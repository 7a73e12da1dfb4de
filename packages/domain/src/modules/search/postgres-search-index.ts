/**
 * The search index on PostgreSQL (tables from the PostgreSQL migration `…_search`): the same
 * analyser output as on SQLite, so both databases match the same documents for the same query.
 *
 * - every record's fields are analysed in TypeScript by `@ake/search` (`toIndexText`) and stored
 *   in one `tsvector` column, `document`, weighted title A, tags B, body C
 *   (`to_tsvector('simple', …)`: the stored terms are already stems and keys, so PostgreSQL must
 *   not stem them again), with a GIN index;
 * - a query is parsed and compiled by `@ake/search` and rendered as a tsquery in which every term
 *   is quoted (`renderTsQuery`), bound as a parameter; prefixes are `:*`, phrases `<->`, `tag:`
 *   terms weight B;
 * - ranking is `ts_rank` with the weights 1.0 / 0.67 / 0.33 (the 3 : 2 : 1 of SQLite's bm25),
 *   times the record type's weight (`TYPE_WEIGHTS`, as on SQLite)
 *   and length normalisation 1, then the most recently updated record;
 * - titles and snippets are highlighted in TypeScript from the stored text (`Highlighter`), as on
 *   SQLite. `ts_headline` would only mark exact surface forms: it cannot see that "koulutuksia"
 *   is a match for the key `koulutus`, which the shared highlighter does;
 * - "did you mean" takes its candidates from the vocabulary through `pg_trgm` (trigram index on
 *   `search_term.word`) and ranks them with the same edit distance as SQLite.
 *
 * Every statement runs through the {@link SqlExecutor} it was given, i.e. in the transaction of
 * the write being indexed.
 */
import {
  type Language,
  type Lexicon,
  type MatchPlan,
  renderTsQuery,
  toIndexText,
} from '@ake/search';
import {
  SEARCH_TYPES,
  type SearchDocument,
  type SearchKey,
  type SearchRequest,
} from './search-index.js';
import {
  addWordCounts,
  clearVocabulary,
  removeWordCounts,
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
import { type SqlExecutor, chunks } from './sql-executor.js';
import { LANGUAGES } from '../../shared/validation.js';

/** ts_rank weights in PostgreSQL's order {D, C, B, A}: body C, tags B, title A (3 : 2 : 1). */
export const TS_RANK_WEIGHTS = '{0.1, 0.33, 0.67, 1.0}';
/** Records per multi-row statement (15 parameters each; PostgreSQL allows 65,535). */
const ROWS_PER_STATEMENT = 200;
/** Candidates read from the trigram index per misspelt word. */
const TRIGRAM_CANDIDATES = 200;

const DOCUMENT_SQL = `setweight(to_tsvector('simple', ?), 'A') || setweight(to_tsvector('simple', ?), 'B') || setweight(to_tsvector('simple', ?), 'C')`;

// Type and language have a closed set of values: counted in one pass with filters.
const CLOSED_FACETS = [
  ...SEARCH_TYPES.map((value) => ['type', value] as const),
  ...LANGUAGES.map((value) => ['language', value] as const),
];

/**
 * The end of both search statements: from `m` (one row per match or candidate, after the
 * filters, with `rank`), the total, the five facets and one page (`limit ? offset ?`).
 */
const COUNTS_AND_PAGE = `c as (select count(*) as total, ${CLOSED_FACETS.map(
  ([field, value], i) => `count(*) filter (where ${field} = '${value}') as c${i}`,
).join(', ')} from m)
       select 'total' as field, null::text as value, null::text as label, total as n from c
       ${CLOSED_FACETS.map(
         ([field, value], i) => `union all select '${field}', '${value}', null, c${i} from c`,
       ).join('\n       ')}
       union all select 'year', year::text, null, count(*) from m where year is not null group by year
       union all select 'organisation', organisation_id::text, max(organisation_name), count(*) from m where organisation_id is not null group by organisation_id
       union all select 'tag', t.value, null, count(*) from m, jsonb_array_elements_text(m.tags) t group by t.value
       union all select * from (
         select 'page', id::text, updated_at::text, rank::float8 from m order by rank, updated_at desc, id desc limit ? offset ?
       ) p`;

export class PostgresSearchIndex extends AnalysedSearchIndex {
  constructor(exec: SqlExecutor, options: SearchIndexOptions = {}) {
    super(exec, options);
  }

  async upsert(batch: readonly SearchDocument[]): Promise<void> {
    // One row per record (the last version wins): a multi-row upsert may touch a row only once.
    const documents = [...new Map(batch.map((doc) => [`${doc.type}:${doc.id}`, doc])).values()];
    if (documents.length === 0) return;
    // A few statements per batch rather than per record (every statement is a round trip to
    // the server): the old rows' words out of the vocabulary, the new ones in, each language in
    // one statement, then the rows in multi-row upserts. As on SQLite, every record is analysed
    // with a lexicon that already knows the words of the whole batch.
    const removed = new Map<string, Map<string, number>>();
    for (const chunk of chunks(documents, ROWS_PER_STATEMENT)) {
      const old = await this.exec.all<{ language: string; words: string[] }>(
        `select language, words from search_document where (type, entity_id) in (${chunk.map(() => '(?, ?)').join(', ')})`,
        chunk.flatMap((doc) => [doc.type, doc.id]),
      );
      for (const row of old) countWords(removed, row.language, row.words);
    }
    for (const [language, counts] of removed) await removeWordCounts(this.exec, language, counts);
    const prepared = documents.map((doc) => ({
      doc,
      words: vocabularyWords(`${doc.title} ${tagsText(doc.tags)} ${doc.body}`),
    }));
    const added = new Map<string, Map<string, number>>();
    for (const { doc, words } of prepared) countWords(added, doc.language, words);
    const lexicons: Partial<Record<string, Lexicon>> = {};
    for (const [language, counts] of added) {
      lexicons[language] = await addWordCounts(this.exec, language as Language, counts);
    }
    for (const chunk of chunks(prepared, ROWS_PER_STATEMENT)) {
      const params = chunk.flatMap(({ doc, words }) => {
        const options = { language: doc.language, lexicon: lexicons[doc.language] };
        return [
          doc.type,
          doc.id,
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
          toIndexText(doc.title, options),
          toIndexText(tagsText(doc.tags), options),
          toIndexText(doc.body, options),
        ];
      });
      const row = `(?, ?, ?, ?, cast(? as jsonb), ?, ?, ?, ?, cast(? as jsonb), ?, ?, ${DOCUMENT_SQL})`;
      await this.exec.run(
        `insert into search_document (type, entity_id, language, title, tags, snippet_text, organisation_id, organisation_name, year, words, created_at, updated_at, document)
         values ${chunk.map(() => row).join(', ')}
         on conflict (type, entity_id) do update set language = excluded.language, title = excluded.title,
           tags = excluded.tags, snippet_text = excluded.snippet_text, organisation_id = excluded.organisation_id,
           organisation_name = excluded.organisation_name, year = excluded.year, words = excluded.words,
           created_at = excluded.created_at, updated_at = excluded.updated_at, document = excluded.document`,
        params,
      );
    }
  }

  async remove(keys: readonly SearchKey[]): Promise<void> {
    const removed = new Map<string, Map<string, number>>();
    for (const chunk of chunks(keys, ROWS_PER_STATEMENT)) {
      const rows = await this.exec.all<{ language: string; words: string[] }>(
        `delete from search_document where (type, entity_id) in (${chunk.map(() => '(?, ?)').join(', ')}) returning language, words`,
        chunk.flatMap((key) => [key.type, key.id]),
      );
      for (const row of rows) countWords(removed, row.language, row.words);
    }
    for (const [language, counts] of removed) await removeWordCounts(this.exec, language, counts);
  }

  async clear(): Promise<void> {
    await this.exec.run('delete from search_document');
    await clearVocabulary(this.exec);
  }

  protected render(plan: MatchPlan): string {
    return renderTsQuery(plan);
  }

  /**
   * The candidates of a query with more than `candidateLimit` matches after the filters, or
   * null when it has no more (then the exact statement runs): the newest title/tag matches
   * (tier 0); when there are no more than the limit of those, then the newest other matches
   * (tier 1). Each read stops after `candidateLimit + 1` rows, newest first.
   */
  protected async matchCandidates(plan: MatchPlan, where: Where): Promise<Candidate[] | null> {
    const limit = this.candidateLimit;
    const titleOrTags =
      plan.kind === 'not'
        ? `(${renderTsQuery(plan.include, 'AB')} & !${renderTsQuery(plan.exclude)})`
        : renderTsQuery(plan, 'AB');
    const title = (
      await this.exec.all<{ id: number }>(
        `select d.id from search_document d where d.document @@ to_tsquery('simple', ?) and ${where.sql}
         order by d.id desc limit ?`,
        [titleOrTags, ...where.params, limit + 1],
      )
    ).map((row) => Number(row.id));
    if (title.length > limit) return title.slice(0, limit).map((id) => ({ id, tier: 0 }));
    const newest = await this.exec.all<{ id: number }>(
      `select d.id from search_document d where d.document @@ to_tsquery('simple', ?) and ${where.sql}
       order by d.id desc limit ?`,
      [renderTsQuery(plan), ...where.params, limit + 1],
    );
    if (newest.length <= limit) return null;
    const inTitle = new Set(title);
    const others = newest
      .map((row) => Number(row.id))
      .filter((id) => !inTitle.has(id))
      .slice(0, limit - title.length);
    return [
      ...title.map((id): Candidate => ({ id, tier: 0 })),
      ...others.map((id): Candidate => ({ id, tier: 1 })),
    ];
  }

  /** Listing by `type:` alone: the `candidateLimit` most recently updated, when more pass. */
  protected async newestCandidates(where: Where): Promise<Candidate[] | null> {
    const limit = this.candidateLimit;
    const rows = await this.exec.all<{ id: number }>(
      `select d.id from search_document d where ${where.sql} order by d.updated_at desc, d.id desc limit ?`,
      [...where.params, limit + 1],
    );
    if (rows.length <= limit) return null;
    return rows.slice(0, limit).map((row) => ({ id: Number(row.id), tier: 0 }));
  }

  /** The exact statement: every match with its rank once, then total, facets and page. */
  protected async exactRows(
    plan: MatchPlan | null,
    where: Where,
    request: SearchRequest,
  ): Promise<FacetRow[]> {
    const match =
      plan === null
        ? { sql: '0::real as rank from search_document d where true', params: [] as unknown[] }
        : {
            // Negated, so that lower is better as with bm25 and the tiers.
            sql: `-ts_rank('${TS_RANK_WEIGHTS}', d.document, q, 1) * ${typeWeightSql('d.type')} as rank from search_document d, to_tsquery('simple', ?) q where d.document @@ q`,
            params: [renderTsQuery(plan)] as unknown[],
          };
    return this.exec.all<FacetRow>(
      `with m as materialized (
         select d.id, d.type, d.organisation_id, d.organisation_name, d.year, d.language, d.tags, d.updated_at, ${match.sql} and ${where.sql}
       ),
       ${COUNTS_AND_PAGE}`,
      [...match.params, ...where.params, request.limit, request.offset],
    );
  }

  /** The bounded statement: total, facets and page over the candidates; `rank` is the tier. */
  protected async boundedRows(
    candidates: readonly Candidate[],
    request: SearchRequest,
  ): Promise<FacetRow[]> {
    return this.exec.all<FacetRow>(
      `with j as (select (e ->> 0)::int as id, (e ->> 1)::int as tier from jsonb_array_elements(cast(? as jsonb)) e),
       m as materialized (
         select d.id, d.type, d.organisation_id, d.organisation_name, d.year, d.language, d.tags, d.updated_at, j.tier + ${typeTierSql('d.type')} as rank
         from j join search_document d on d.id = j.id
       ),
       ${COUNTS_AND_PAGE}`,
      [JSON.stringify(candidates.map((c) => [c.id, c.tier])), request.limit, request.offset],
    );
  }

  protected async anyMatch(plan: MatchPlan, where: Where): Promise<boolean> {
    const rows = await this.exec.all<{ id: number }>(
      `select d.id from search_document d where d.document @@ to_tsquery('simple', ?) and ${where.sql} limit 1`,
      [renderTsQuery(plan), ...where.params],
    );
    return rows.length > 0;
  }

  /**
   * Vocabulary words that look like `word` (trigram similarity over the GIN index), or, for
   * words too short to share trigrams, the words of about its length.
   */
  protected async suggestionCandidates(word: string): Promise<string[]> {
    const rows = await this.exec.all<{ word: string }>(
      `select word from search_term where doc_count > 0 and word % ? group by word
       order by max(similarity(word, ?)) desc limit ${TRIGRAM_CANDIDATES}`,
      [word, word],
    );
    if (rows.length > 0) return rows.map((row) => row.word);
    const length = [...word].length;
    return vocabulary(this.exec, Math.max(1, length - 2), length + 2);
  }
}

/** Adds one record's words to per-language counts of records per word. */
function countWords(
  counts: Map<string, Map<string, number>>,
  language: string,
  words: readonly string[],
): void {
  let byWord = counts.get(language);
  if (!byWord) counts.set(language, (byWord = new Map<string, number>()));
  for (const word of words) byWord.set(word, (byWord.get(word) ?? 0) + 1);
}
