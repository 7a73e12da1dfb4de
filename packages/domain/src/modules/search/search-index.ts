/**
 * The search index behind an interface: the SQLite FTS5 implementation
 * (`sqlite-search-index.ts`) is the default; a PostgreSQL one (tsvector over the same analysed
 * term strings) implements the same contract. Services never see which one runs.
 */
import { type Language } from '../../shared/validation.js';

/** Kinds of searchable records, as `type:` and the `types` filter name them. */
export const SEARCH_TYPES = [
  'resource',
  'best-practice',
  'development-idea',
  'meeting',
  'training',
  'work-visit',
  'mentoring-programme',
  'organisation',
] as const;
export type SearchType = (typeof SEARCH_TYPES)[number];

/** What `type:` accepts besides the names above: short forms and Finnish words. */
const TYPE_ALIASES: Record<string, SearchType> = {
  resources: 'resource',
  linkki: 'resource',
  linkit: 'resource',
  aineisto: 'resource',
  bestpractice: 'best-practice',
  practice: 'best-practice',
  'hyva-kaytanto': 'best-practice',
  kaytanto: 'best-practice',
  idea: 'development-idea',
  ideas: 'development-idea',
  developmentidea: 'development-idea',
  kehittamisidea: 'development-idea',
  meetings: 'meeting',
  kokous: 'meeting',
  trainings: 'training',
  koulutus: 'training',
  visit: 'work-visit',
  workvisit: 'work-visit',
  tyovierailu: 'work-visit',
  kylaily: 'work-visit',
  mentoring: 'mentoring-programme',
  programme: 'mentoring-programme',
  mentoringprogramme: 'mentoring-programme',
  mentorointi: 'mentoring-programme',
  organization: 'organisation',
  organisations: 'organisation',
  library: 'organisation',
  organisaatio: 'organisation',
  kirjasto: 'organisation',
};

/**
 * The search type a `type:` value names, or null. Case, diacritics, `_` and spaces are ignored
 * (`type:Meeting`, `type:best_practice`, `type:kokous` all work).
 */
export function searchTypeOf(value: string): SearchType | null {
  const v = value
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .trim()
    .replace(/[_\s]+/g, '-');
  if ((SEARCH_TYPES as readonly string[]).includes(v)) return v as SearchType;
  return TYPE_ALIASES[v] ?? TYPE_ALIASES[v.replace(/-/g, '')] ?? null;
}

/** Identifies one indexed record. */
export interface SearchKey {
  type: SearchType;
  id: number;
}

/**
 * One record as the index sees it: plain texts per field (the index analyses them) and the
 * columns filters and facets use.
 */
export interface SearchDocument extends SearchKey {
  language: Language;
  title: string;
  /** Tag names as shown; also the values of the tag facet and filter. */
  tags: string[];
  /** Everything else worth finding the record by, as plain text (also the snippet source). */
  body: string;
  /** What is shown under the title when not the body (read, not indexed): a directory entry's sentence. */
  snippet?: string;
  organisationId: number | null;
  organisationName: string | null;
  year: number | null;
  createdAt: Date;
  updatedAt: Date;
}

/** Filters: values within one field are alternatives (any), fields all apply (and). */
export interface SearchFilter {
  types?: readonly string[];
  tags?: readonly string[];
  organisationIds?: readonly number[];
  years?: readonly number[];
  languages?: readonly string[];
}

export interface SearchRequest {
  /** What the person typed, as typed: the index parses it, never trusts it. */
  query: string;
  filter?: SearchFilter;
  offset: number;
  limit: number;
}

export type FacetField = 'type' | 'tag' | 'organisation' | 'year' | 'language';
export const FACET_FIELDS: readonly FacetField[] = [
  'type',
  'tag',
  'organisation',
  'year',
  'language',
];

export interface FacetValue {
  /** The filter value: type name, tag name, organisation id, year or language code, as text. */
  value: string;
  /** A display name where the value is an id (the organisation's name). */
  label?: string;
  count: number;
}

export interface Facet {
  field: FacetField;
  values: FacetValue[];
}

/** Marks around a highlighted match in `snippet` and `titleHighlighted` (STX … ETX). */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';

export interface SearchHit extends SearchKey {
  title: string;
  /** The title with matches marked by {@link HIGHLIGHT_START} … {@link HIGHLIGHT_END}. */
  titleHighlighted: string;
  /**
   * About 200 characters of the record's text around its first match, with matches marked by
   * {@link HIGHLIGHT_START} … {@link HIGHLIGHT_END}; plain text otherwise (not HTML-escaped).
   */
  snippet: string;
  /** Relevance, higher is better (negated bm25); 0 when listing by filters alone. */
  score: number;
}

export interface SearchResult {
  /**
   * How many records match (after filters). When {@link SearchResult.approximate}, the number of
   * candidates that were ranked and counted instead: more records match than that.
   */
  totalCount: number;
  hits: SearchHit[];
  /**
   * Counts over every match (after filters, before paging), largest first; when approximate,
   * over the candidates.
   */
  facets: Facet[];
  /** "Did you mean" queries that do find something; only when nothing matched. */
  suggestions: string[];
  /**
   * True when the query matched more records than the index ranks exactly: ranking, facets and
   * `totalCount` then cover a bounded set of candidates (title and tag matches first, then the
   * newest), and paging ends after them. Absent or false: everything is exact.
   */
  approximate: boolean;
}

/** The index: written in the caller's transaction, read by the search service. */
export interface SearchIndex {
  /** Adds or replaces records. */
  upsert(documents: readonly SearchDocument[]): Promise<void>;
  /** Removes records; unknown keys are ignored. */
  remove(keys: readonly SearchKey[]): Promise<void>;
  /** Replaces the organisation name shown in facets of every record of that organisation. */
  renameOrganisation(organisationId: number, name: string): Promise<void>;
  /** Empties the index (before a rebuild). */
  clear(): Promise<void>;
  /** Runs a query. Never throws on what a person typed. */
  search(request: SearchRequest): Promise<SearchResult>;
  /** Number of indexed records. */
  count(): Promise<number>;
}
