/**
 * Search over everything in the knowledge base: resources, best practices, development ideas,
 * meetings (with their agenda, decisions and actions), trainings, work visits, mentoring
 * programmes and organisations. Anyone may search; rebuilding the index is for admins.
 *
 * The index itself is kept current by {@link SearchIndexSubscriber} in the transaction of every
 * write; this service reads it, and rebuilds it on request (`ake search reindex`).
 */
import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireAdmin } from '../../shared/actor.js';
import { stripInvisibleCharacters } from '../../shared/validation.js';
import { allSearchKeys, loadSearchDocuments } from './search-documents.js';
import {
  type Facet,
  type SearchFilter,
  type SearchIndex,
  type SearchKey,
  type SearchType,
} from './search-index.js';
import { indexRecords } from './search-subscriber.js';
import { searchIndexFor } from './search-index-for.js';
import { type SqlExecutor, chunks, sqlExecutor } from './sql-executor.js';

export const SEARCH_DEFAULT_PAGE_SIZE = 20;
export const SEARCH_MAX_PAGE_SIZE = 100;
/** Most values read from one filter field. */
const MAX_FILTER_VALUES = 100;

export interface SearchOptions {
  /** Page size: 20 by default, at most 100 (0 gives only the counts and facets). */
  first?: number | null;
  /** The cursor of the last edge already seen. */
  after?: string | null;
  filter?: SearchFilter | null;
}

export interface SearchEdge {
  /** Opaque; pass it as `after` to continue after this edge. */
  cursor: string;
  type: SearchType;
  id: number;
  title: string;
  /** The title with matches between U+0002 and U+0003 (see `HIGHLIGHT_START`). */
  titleHighlighted: string;
  /** Text around the first match, matches between U+0002 and U+0003; not HTML-escaped. */
  snippet: string;
  /** Higher is more relevant. */
  score: number;
}

export interface SearchConnection {
  /** Matches on all pages; when `approximate`, the candidates ranked (more records match). */
  totalCount: number;
  edges: SearchEdge[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  facets: Facet[];
  /** "Did you mean" queries, only when nothing matched. */
  suggestions: string[];
  /**
   * True when the query matched too many records to rank exactly: ranking, facets and
   * `totalCount` cover a bounded set of candidates, and paging ends after them.
   */
  approximate: boolean;
}

export interface ReindexReport {
  indexed: number;
  milliseconds: number;
}

const CURSOR_PREFIX = 'search:';

/** The cursor of the record at `offset` (0-based) in a result list. */
export function encodeSearchCursor(offset: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${offset}`, 'utf8').toString('base64url');
}

/**
 * The offset to continue from after a cursor; 0 for a missing or unreadable cursor (a damaged
 * cursor restarts the list rather than failing the search).
 */
export function decodeSearchCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const text = Buffer.from(cursor.slice(0, 100), 'base64url').toString('utf8');
  const match = /^search:(\d{1,9})$/.exec(text);
  return match ? Number(match[1]) + 1 : 0;
}

function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined || !Number.isFinite(first))
    return SEARCH_DEFAULT_PAGE_SIZE;
  return Math.max(0, Math.min(SEARCH_MAX_PAGE_SIZE, Math.floor(first)));
}

function cleanFilter(filter: SearchFilter | null | undefined): SearchFilter {
  if (!filter) return {};
  const strings = (values: readonly unknown[] | undefined) =>
    values
      ?.filter((v): v is string => typeof v === 'string')
      .map((v) => stripInvisibleCharacters(v.slice(0, 200)))
      .slice(0, MAX_FILTER_VALUES);
  const integers = (values: readonly unknown[] | undefined) =>
    values?.filter((v): v is number => Number.isSafeInteger(v)).slice(0, MAX_FILTER_VALUES);
  const result: SearchFilter = {};
  const types = strings(filter.types);
  const tags = strings(filter.tags);
  const languages = strings(filter.languages);
  const organisationIds = integers(filter.organisationIds);
  const years = integers(filter.years);
  if (types?.length) result.types = types;
  if (tags?.length) result.tags = tags;
  if (languages?.length) result.languages = languages;
  if (organisationIds?.length) result.organisationIds = organisationIds;
  if (years?.length) result.years = years;
  return result;
}

export class SearchService {
  constructor(
    private readonly em: EntityManager,
    private readonly indexFor: (exec: SqlExecutor) => SearchIndex = searchIndexFor,
  ) {}

  /**
   * Runs what a person typed (see docs/search.md for the query language). Never fails on the
   * query text: broken syntax is read as words, and nothing searchable gives an empty result.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchConnection> {
    const limit = pageSize(options.first);
    const offset = decodeSearchCursor(options.after);
    const index = this.indexFor(sqlExecutor(this.em));
    const result = await index.search({
      // Control characters are nothing a person typed (and U+0002/U+0003 mark highlights).
      query: typeof query === 'string' ? stripInvisibleCharacters(query) : '',
      filter: cleanFilter(options.filter),
      offset,
      limit,
    });
    const edges = result.hits.map((hit, i) => ({
      cursor: encodeSearchCursor(offset + i),
      type: hit.type,
      id: hit.id,
      title: hit.title,
      titleHighlighted: hit.titleHighlighted,
      snippet: hit.snippet,
      score: hit.score,
    }));
    return {
      totalCount: result.totalCount,
      edges,
      pageInfo: {
        hasNextPage: offset + edges.length < result.totalCount,
        endCursor: edges.at(-1)?.cursor ?? null,
      },
      facets: result.facets,
      suggestions: result.suggestions,
      approximate: result.approximate,
    };
  }

  /** Re-indexes some records now (after writes that bypassed the unit of work). */
  async reindex(actor: Actor, keys: readonly SearchKey[]): Promise<void> {
    requireAdmin(actor);
    await this.em.transactional(async (tx) => {
      const exec = sqlExecutor(tx);
      await indexRecords(exec, keys, this.indexFor(exec));
    });
  }

  /**
   * Rebuilds the whole index from the tables in one transaction: readers see the old index
   * until it commits. The compound lexicon is rebuilt from the whole corpus first, so every
   * record is analysed with the same lexicon.
   */
  async reindexAll(actor: Actor): Promise<ReindexReport> {
    requireAdmin(actor);
    const started = performance.now();
    const indexed = await this.em.transactional(async (tx) => {
      const exec = sqlExecutor(tx);
      const index = this.indexFor(exec);
      await index.clear();
      const keys = await allSearchKeys(exec);
      // One upsert with every record: words of the whole corpus enter the lexicon before any
      // record is analysed. Loading is chunked to keep each statement small.
      const documents = [];
      for (const part of chunks(keys, 2_000)) {
        documents.push(...(await loadSearchDocuments(exec, part)).documents);
      }
      await index.upsert(documents);
      return index.count();
    });
    return { indexed, milliseconds: Math.round(performance.now() - started) };
  }

  /** Number of records in the index. */
  async count(): Promise<number> {
    return this.indexFor(sqlExecutor(this.em)).count();
  }
}
