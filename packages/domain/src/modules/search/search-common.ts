/**
 * What the SQLite and PostgreSQL search indexes share beyond the analyser: filters, facet rows,
 * and the "did you mean" procedure. Each index supplies only its SQL.
 */
import {
  type Language,
  type Lexicon,
  type MatchPlan,
  type ParsedQuery,
  suggest,
} from '@ake/search';
import { Highlighter, queryTerms } from './highlight.js';
import {
  FACET_FIELDS,
  type Facet,
  type FacetField,
  type SearchFilter,
  type SearchDocument,
  type SearchHit,
  type SearchType,
  searchTypeOf,
} from './search-index.js';
import { type SqlExecutor, placeholders } from './sql-executor.js';
import { type Dialect, sqlIdentifier } from '../../shared/dialect.js';

/**
 * Most records a search ranks and counts facets over (after the filters). A query that matches
 * more is answered from this many candidates and marked approximate (see docs/search.md).
 */
export const DEFAULT_CANDIDATE_LIMIT = 1_000;

export interface SearchIndexOptions {
  /** Most matches ranked exactly (default {@link DEFAULT_CANDIDATE_LIMIT}); tests set it low. */
  candidateLimit?: number;
}

/** The candidate limit of the options: a whole number ≥ 1, else the default. */
export function candidateLimitOf(options: SearchIndexOptions): number {
  const limit = Math.floor(options.candidateLimit ?? DEFAULT_CANDIDATE_LIMIT);
  return Number.isFinite(limit) && limit >= 1 ? limit : DEFAULT_CANDIDATE_LIMIT;
}

/** Longest text kept for snippets. */
export const SNIPPET_SOURCE_LIMIT = 10_000;
/** The text stored for a record's snippets: its own snippet sentence, else its body. */
export function snippetSource(doc: SearchDocument): string {
  return (doc.snippet ?? doc.body).slice(0, SNIPPET_SOURCE_LIMIT);
}

/**
 * How much a match counts by record type, on both indexes: the directory is there to be found
 * by name, but a common word such as "kirjasto" is in the names of most of the region's
 * organisations, and those should not bury the content that is about it (best practices,
 * meetings, links). An organisation's relevance is multiplied by this factor in an exact search
 * and it goes after the content in a bounded one; a name that nothing else contains still finds
 * its organisation first.
 */
export const TYPE_WEIGHTS: Readonly<Partial<Record<SearchType, number>>> = { organisation: 0.01 };

/** A SQL factor of {@link TYPE_WEIGHTS} for the type column `column` (constants only). */
export function typeWeightSql(column: string): string {
  const cases = Object.entries(TYPE_WEIGHTS)
    .map(([type, weight]) => `when '${type}' then ${Number(weight)}`)
    .join(' ');
  return `(case ${sqlIdentifier(column)} ${cases} else 1 end)`;
}

/** The tier added in a bounded search for types weighted down (after every content tier). */
export function typeTierSql(column: string): string {
  const types = Object.keys(TYPE_WEIGHTS).map((type) => `'${type}'`);
  return types.length
    ? `(case when ${sqlIdentifier(column)} in (${types.join(', ')}) then 2 else 0 end)`
    : '0';
}

/** Query words looked at for suggestions. */
const MAX_SUGGESTION_WORDS = 8;
const MAX_SUGGESTIONS = 3;

/** Tags of a record as one text: tags separated like sentences, so phrases do not run across. */
export function tagsText(tags: readonly string[]): string {
  return tags.join(' . ');
}

export interface Where {
  sql: string;
  params: unknown[];
}

/**
 * A row of a search statement: the total, a facet value, or a page entry (`value` its document
 * id, `label` its updated_at, `n` its rank: lower is better, negated relevance or the tier).
 */
export interface FacetRow {
  field: FacetField | 'total' | 'page';
  value: string | number | null;
  label: string | number | null;
  n: number | string;
}

/**
 * The SQL conditions of the filters and the `type:` operators (on `d`, the documents table), or
 * null when they exclude everything (an unknown `type:`, or `type:` and the filter disjoint).
 */
export function filterSql(
  dialect: Dialect,
  parsed: ParsedQuery,
  filter: SearchFilter = {},
): Where | null {
  const conditions: string[] = ['1 = 1'];
  const params: unknown[] = [];
  const within = (column: string, values: readonly unknown[]): void => {
    conditions.push(`${sqlIdentifier(column)} in (${placeholders(values.length)})`);
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
    const tags = placeholders(filter.tags.length);
    conditions.push(
      dialect === 'postgresql'
        ? `exists (select 1 from jsonb_array_elements_text(d.tags) t where t in (${tags}))`
        : `exists (select 1 from json_each(d.tags) t where t.value in (${tags}))`,
    );
    params.push(...filter.tags.map((tag) => tag.trim()));
  }
  return { sql: conditions.join(' and '), params };
}

/** Facet rows as facets: every field, values with a count, largest first. */
export function toFacets(rows: readonly FacetRow[]): Facet[] {
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

/** A candidate of a bounded search: tier 0 matched in the title or tags, tier 1 elsewhere. */
export interface Candidate {
  id: number;
  tier: 0 | 1;
}

/** The total of a search statement's rows. */
export function totalOf(rows: readonly FacetRow[]): number {
  return Number(rows.find((row) => row.field === 'total')?.n ?? 0);
}

/**
 * The page of a search statement's rows as hits: sorted again (a union need not keep its order:
 * rank, then newest, then highest id), the display columns read for its rows only, titles and
 * snippets highlighted. A bounded (approximate) search ranks by tier and recency: score 0.
 */
export async function pageHits(
  exec: SqlExecutor,
  rows: readonly FacetRow[],
  options: { plan: MatchPlan | null; lexicons: Record<Language, Lexicon>; approximate: boolean },
): Promise<SearchHit[]> {
  const page = rows
    .filter((row) => row.field === 'page')
    .sort(
      (a, b) =>
        Number(a.n) - Number(b.n) ||
        Number(b.label) - Number(a.label) ||
        Number(b.value) - Number(a.value),
    );
  const ids = page.map((row) => Number(row.value));
  const display = new Map<number, DisplayRow>();
  if (ids.length > 0) {
    const found = await exec.all<DisplayRow>(
      `select id, type, entity_id, language, title, snippet_text from search_document where id in (${placeholders(ids.length)})`,
      ids,
    );
    for (const row of found) display.set(Number(row.id), row);
  }
  const highlighter = new Highlighter(queryTerms(options.plan), options.lexicons);
  return page.flatMap((row) => {
    const doc = display.get(Number(row.value));
    if (!doc) return [];
    const rank = Number(row.n);
    return [
      {
        type: doc.type,
        id: Number(doc.entity_id),
        title: doc.title,
        titleHighlighted: highlighter.highlight(doc.title, doc.language),
        snippet: highlighter.snippet(doc.snippet_text, doc.language),
        score: options.approximate || rank === 0 ? 0 : -rank,
      },
    ];
  });
}

interface DisplayRow {
  id: number;
  type: SearchType;
  entity_id: number;
  language: Language;
  title: string;
  snippet_text: string;
}

export interface SuggestionSource {
  /** Whether a query finds anything under the search's filters. */
  hasMatches(query: string): Promise<boolean>;
  /** Vocabulary words that may be what a misspelt word meant. */
  candidates(word: string): Promise<string[]>;
}

/**
 * "Did you mean": each query word that finds nothing on its own is replaced by its closest
 * vocabulary words (bounded Damerau–Levenshtein over folded forms, `suggest` of @ake/search);
 * only rewritten queries that do find something are offered.
 */
export async function didYouMean(
  query: string,
  parsed: ParsedQuery,
  source: SuggestionSource,
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
    if (await source.hasMatches(word)) continue;
    const candidates = suggest(word, await source.candidates(word), {
      limit: MAX_SUGGESTIONS,
    }).map((s) => s.word);
    if (candidates.length > 0) replacements.set(word, candidates);
  }
  if (replacements.size === 0) return [];
  const base = query.slice(0, 2_000);
  const result: string[] = [];
  for (let i = 0; i < MAX_SUGGESTIONS; i += 1) {
    let rewritten = base;
    let changed = false;
    for (const [word, candidates] of replacements) {
      const candidate = candidates[Math.min(i, candidates.length - 1)];
      if (!candidate) continue;
      const pattern = new RegExp(
        `(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`,
        'giu',
      );
      const next = rewritten.replace(pattern, candidate);
      if (next !== rewritten) changed = true;
      rewritten = next;
    }
    if (!changed || result.includes(rewritten)) continue;
    if (await source.hasMatches(rewritten)) result.push(rewritten);
  }
  return result;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
