/**
 * The search index on SQLite FTS5 (tables from Migration20261129000000_search):
 *
 * - every record's fields are analysed in TypeScript by `@ake/search` (`toIndexText`: stems,
 *   gradation keys, folded diacritics, compound parts) and stored in `search_fts` (title, tags,
 *   body); FTS5's `unicode61` tokenizer only splits the stored terms on spaces;
 * - a query is parsed and compiled by `@ake/search` to an FTS5 expression in which every term is
 *   quoted, and bound as a parameter: nothing typed reaches SQL or FTS5 as syntax;
 * - ranking is `bm25(search_fts, 3, 2, 1)` (title above tags above body), then the most
 *   recently updated record;
 * - filters and facets read the plain columns of `search_document`.
 *
 * Every statement runs through the {@link SqlExecutor} it was given, i.e. in the transaction of
 * the write being indexed.
 */
import {
  type Language,
  type Lexicon,
  type ParsedQuery,
  compileQuery,
  createQueryAnalyser,
  parseQuery,
  renderFts5,
  suggest,
  toIndexText,
} from '@ake/search';
import { Highlighter, queryTerms } from './highlight.js';
import {
  FACET_FIELDS,
  SEARCH_TYPES,
  type Facet,
  type FacetField,
  type SearchDocument,
  type SearchFilter,
  type SearchHit,
  type SearchIndex,
  type SearchKey,
  type SearchRequest,
  type SearchResult,
  type SearchType,
  searchTypeOf,
} from './search-index.js';
import {
  addWords,
  clearVocabulary,
  loadLexicons,
  removeWords,
  vocabulary,
  vocabularyWords,
} from './search-lexicon.js';
import { type SqlExecutor, placeholders } from './sql-executor.js';
import { LANGUAGES } from '../../shared/validation.js';

/** bm25 column weights of search_fts (title, tags, body). */
export const FIELD_WEIGHTS = { title: 3, tags: 2, body: 1 } as const;
/** Longest text kept for snippets. */
const SNIPPET_SOURCE_LIMIT = 10_000;
/** Query words looked at for suggestions. */
const MAX_SUGGESTION_WORDS = 8;
const MAX_SUGGESTIONS = 3;

const RANK = `bm25(search_fts, ${FIELD_WEIGHTS.title}, ${FIELD_WEIGHTS.tags}, ${FIELD_WEIGHTS.body})`;

/** Tags of a record as one text: tags separated like sentences, so phrases do not run across. */
export function tagsText(tags: readonly string[]): string {
  return tags.join(' . ');
}

interface Where {
  sql: string;
  params: unknown[];
}

interface PageRow {
  type: SearchType;
  entity_id: number;
  language: Language;
  title: string;
  snippet_text: string;
  rank: number;
}

/** A row of the search statement: the total, a facet value, or a page entry (n = its rank). */
interface FacetRow {
  field: FacetField | 'total' | 'page';
  value: string | number | null;
  label: string | number | null;
  n: number;
}

export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly exec: SqlExecutor) {}

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
        doc.body.slice(0, SNIPPET_SOURCE_LIMIT),
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

  async renameOrganisation(organisationId: number, name: string): Promise<void> {
    await this.exec.run(
      'update search_document set organisation_name = ? where organisation_id = ?',
      [name, organisationId],
    );
  }

  async clear(): Promise<void> {
    await this.exec.run('delete from search_fts');
    await this.exec.run('delete from search_document');
    await clearVocabulary(this.exec);
  }

  async count(): Promise<number> {
    const rows = await this.exec.all<{ n: number }>('select count(*) as n from search_document');
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * The FTS5 expression `search` matches a query with (every term quoted), or null when the
   * query has nothing to match in the text. For benchmarks and diagnostics.
   */
  async compileMatch(query: string): Promise<string | null> {
    const lexicons = await loadLexicons(this.exec);
    const plan = compileQuery(parseQuery(query), createQueryAnalyser({ lexicons }), {
      tagsAsText: true,
    });
    return plan === null ? null : renderFts5(plan, 'tags');
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const empty: SearchResult = { totalCount: 0, hits: [], facets: [], suggestions: [] };
    const parsed = parseQuery(request.query);
    const where = filterSql(parsed, request.filter);
    if (where === null) return empty;
    const lexicons = await loadLexicons(this.exec);
    const analyser = createQueryAnalyser({ lexicons });
    const plan = compileQuery(parsed, analyser, { tagsAsText: true });
    // Nothing to match in the text: list by `type:` alone, or nothing at all.
    if (plan === null && parsed.types.length === 0) return empty;
    const match = plan === null ? null : renderFts5(plan, 'tags');
    // One statement, one pass over the matches: FTS5 yields every match with its bm25 rank once
    // (materialised, so SQLite never nests MATCH inside a scan of search_document); the join
    // reads the narrow covering index `search_document_facets` instead of the wide rows; the
    // total, the five facets and the page's ids are all computed from that one set.
    const source =
      match === null
        ? { sql: 'select id, 0 as rank from search_document', params: [] as unknown[] }
        : {
            sql: `select rowid as id, ${RANK} as rank from search_fts where search_fts match ?`,
            params: [match] as unknown[],
          };
    // Type and language have a closed set of values: counted with one pass of sums (GROUP BY
    // sorts every match, once per field).
    const closed = [
      ...SEARCH_TYPES.map((value) => ['type', value] as const),
      ...LANGUAGES.map((value) => ['language', value] as const),
    ];
    const closedSums = closed
      .map(([field, value], i) => `sum(${field} = '${value}') as c${i}`)
      .join(', ');
    const closedRows = closed
      .map(([field, value], i) => `union all select '${field}', '${value}', null, c${i} from c`)
      .join('\n       ');
    const rows = await this.exec.all<FacetRow>(
      `with r as materialized (${source.sql}),
       m as materialized (
         select d.id, d.type, d.organisation_id, d.organisation_name, d.year, d.language, d.tags, d.updated_at, r.rank
         from r join search_document d indexed by search_document_facets on d.id = r.id
         where ${where.sql}
       ),
       c as materialized (select count(*) as total, ${closedSums} from m)
       select 'total' as field, null as value, null as label, total as n from c
       ${closedRows}
       union all select 'year', year, null, count(*) from m where year is not null group by year
       union all select 'organisation', organisation_id, max(organisation_name), count(*) from m where organisation_id is not null group by organisation_id
       union all select 'tag', t.value, null, count(*) from m, json_each(m.tags) t group by t.value
       union all select * from (
         select 'page', id, updated_at, rank from m order by rank, updated_at desc, id desc limit ? offset ?
       )`,
      [...source.params, ...where.params, request.limit, request.offset],
    );
    const facets = rows.filter((row) => row.field !== 'page');
    const totalCount = Number(facets.find((row) => row.field === 'total')?.n ?? 0);
    if (totalCount === 0) {
      return { ...empty, suggestions: await this.suggestions(request, parsed, where) };
    }
    // The page's display columns, for its (at most 100) rows only. Its entries are sorted again
    // here (rank, then updated_at in `label`, then id), as a union need not keep their order.
    const page = rows
      .filter((row) => row.field === 'page')
      .sort(
        (a, b) =>
          Number(a.n) - Number(b.n) ||
          Number(b.label) - Number(a.label) ||
          Number(b.value) - Number(a.value),
      );
    const ids = page.map((row) => Number(row.value));
    const display = new Map<number, Omit<PageRow, 'rank'>>();
    if (ids.length > 0) {
      const found = await this.exec.all<Omit<PageRow, 'rank'> & { id: number }>(
        `select id, type, entity_id, language, title, snippet_text from search_document where id in (${placeholders(ids.length)})`,
        ids,
      );
      for (const row of found) display.set(Number(row.id), row);
    }
    const pageRows: PageRow[] = page.flatMap((row) => {
      const doc = display.get(Number(row.value));
      return doc ? [{ ...doc, rank: Number(row.n) }] : [];
    });
    const highlighter = new Highlighter(queryTerms(plan), lexicons);
    const hits: SearchHit[] = pageRows.map((row) => ({
      type: row.type,
      id: Number(row.entity_id),
      title: row.title,
      titleHighlighted: highlighter.highlight(row.title, row.language),
      snippet: highlighter.snippet(row.snippet_text, row.language),
      score: row.rank === 0 ? 0 : -Number(row.rank),
    }));
    return { totalCount, hits, facets: toFacets(facets), suggestions: [] };
  }

  /** Number of matches of a query under the same filters. */
  private async countMatches(query: string, where: Where): Promise<number> {
    const lexicons = await loadLexicons(this.exec);
    const plan = compileQuery(parseQuery(query), createQueryAnalyser({ lexicons }), {
      tagsAsText: true,
    });
    if (plan === null) return 0;
    const rows = await this.exec.all<{ n: number }>(
      `with r as materialized (select rowid as id from search_fts where search_fts match ?)
       select count(*) as n from r join search_document d on d.id = r.id where ${where.sql}`,
      [renderFts5(plan, 'tags'), ...where.params],
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * "Did you mean": each query word that finds nothing on its own is replaced by its closest
   * vocabulary words (bounded Damerau–Levenshtein over folded forms, `suggest` of @ake/search);
   * only rewritten queries that do find something are offered.
   */
  private async suggestions(
    request: SearchRequest,
    parsed: ParsedQuery,
    where: Where,
  ): Promise<string[]> {
    const words = [
      ...new Set(
        parsed.include
          .flatMap((clause) => (clause.kind === 'or' ? clause.items : [clause]))
          .flatMap((term) => term.text.split(/\s+/))
          .map((word) => word.replace(/[^\p{L}\p{N}-]/gu, '').toLowerCase())
          .filter((word) => word.length >= 2),
      ),
    ].slice(0, MAX_SUGGESTION_WORDS);
    if (words.length === 0) return [];
    const replacements = new Map<string, string[]>();
    for (const word of words) {
      if ((await this.countMatches(word, where)) > 0) continue;
      const length = [...word].length;
      const vocab = await vocabulary(this.exec, Math.max(1, length - 2), length + 2);
      const candidates = suggest(word, vocab, { limit: MAX_SUGGESTIONS }).map((s) => s.word);
      if (candidates.length > 0) replacements.set(word, candidates);
    }
    if (replacements.size === 0) return [];
    const base = request.query.slice(0, 2_000);
    const result: string[] = [];
    for (let i = 0; i < MAX_SUGGESTIONS; i += 1) {
      let query = base;
      let changed = false;
      for (const [word, candidates] of replacements) {
        const candidate = candidates[Math.min(i, candidates.length - 1)];
        if (!candidate) continue;
        const pattern = new RegExp(
          `(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`,
          'giu',
        );
        const next = query.replace(pattern, candidate);
        if (next !== query) changed = true;
        query = next;
      }
      if (!changed || result.includes(query)) continue;
      if ((await this.countMatches(query, where)) > 0) result.push(query);
    }
    return result;
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The SQL conditions of the filters and the `type:` operators (on `d`, the documents table), or
 * null when they exclude everything (an unknown `type:`, or `type:` and the filter disjoint).
 */
function filterSql(parsed: ParsedQuery, filter: SearchFilter = {}): Where | null {
  const conditions: string[] = ['1 = 1'];
  const params: unknown[] = [];
  const within = (column: string, values: readonly unknown[]): void => {
    conditions.push(`${column} in (${placeholders(values.length)})`);
    params.push(...values);
  };
  let types: SearchType[] | null = null;
  if (parsed.types.length > 0) {
    const typed = parsed.types.map(searchTypeOf);
    if (typed.some((t) => t === null)) return null;
    types = typed as SearchType[];
  }
  if (filter.types?.length) {
    const filtered = filter.types.map(searchTypeOf).filter((t): t is SearchType => t !== null);
    types = types === null ? filtered : types.filter((t) => filtered.includes(t));
    if (types.length === 0) return null;
  }
  if (types) within('d.type', [...new Set(types)]);
  if (filter.languages?.length) within('d.language', [...filter.languages]);
  if (filter.years?.length) within('d.year', [...filter.years]);
  if (filter.organisationIds?.length) within('d.organisation_id', [...filter.organisationIds]);
  if (filter.tags?.length) {
    conditions.push(
      `exists (select 1 from json_each(d.tags) t where t.value in (${placeholders(filter.tags.length)}))`,
    );
    params.push(...filter.tags.map((tag) => tag.trim()));
  }
  return { sql: conditions.join(' and '), params };
}

function toFacets(rows: readonly FacetRow[]): Facet[] {
  return FACET_FIELDS.map((field) => ({
    field,
    values: rows
      .filter((row) => row.field === field && row.value !== null && Number(row.n) > 0)
      .map((row) => ({
        value: String(row.value),
        ...(row.label ? { label: String(row.label) } : {}),
        count: Number(row.n),
      }))
      .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value, 'fi')),
  }));
}
