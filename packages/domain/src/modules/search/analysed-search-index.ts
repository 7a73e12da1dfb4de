/**
 * What the SQLite and PostgreSQL search indexes do alike, on top of `@ake/search`'s analysis:
 * the steps of a search (parse, filter, compile, exact or bounded, suggestions, hits), the
 * small statements both databases write the same way, and the candidate limit. Each index
 * supplies only its SQL: how a plan is rendered, and the candidate, exact and bounded reads.
 */
import {
  type MatchPlan,
  type ParsedQuery,
  compileQuery,
  createQueryAnalyser,
  parseQuery,
} from '@ake/search';
import {
  type Candidate,
  type FacetRow,
  type SearchIndexOptions,
  type Where,
  candidateLimitOf,
  didYouMean,
  filterSql,
  pageHits,
  toFacets,
  totalOf,
} from './search-common.js';
import {
  type SearchDocument,
  type SearchIndex,
  type SearchKey,
  type SearchRequest,
  type SearchResult,
} from './search-index.js';
import { loadLexicons } from './search-lexicon.js';
import { type SqlExecutor } from './sql-executor.js';

export abstract class AnalysedSearchIndex implements SearchIndex {
  /** Most matches (after the filters) ranked exactly; above it a search is bounded. */
  protected readonly candidateLimit: number;

  protected constructor(
    protected readonly exec: SqlExecutor,
    options: SearchIndexOptions = {},
  ) {
    this.candidateLimit = candidateLimitOf(options);
  }

  abstract upsert(documents: readonly SearchDocument[]): Promise<void>;
  abstract remove(keys: readonly SearchKey[]): Promise<void>;
  abstract clear(): Promise<void>;

  async renameOrganisation(organisationId: number, name: string): Promise<void> {
    await this.exec.run(
      'update search_document set organisation_name = ? where organisation_id = ?',
      [name, organisationId],
    );
  }

  async count(): Promise<number> {
    const rows = await this.exec.all<{ n: number | string }>(
      'select count(*) as n from search_document',
    );
    return Number(rows[0]?.n ?? 0);
  }

  /**
   * The database expression `search` matches a query with (every term quoted), or null when the
   * query has nothing to match in the text. For benchmarks and diagnostics.
   */
  async compileMatch(query: string): Promise<string | null> {
    const plan = await this.plan(parseQuery(query));
    return plan === null ? null : this.render(plan);
  }

  /**
   * Runs a query. Up to `candidateLimit` matches after the filters (almost every query) it is
   * exact: every match ranked, exact total and facets. Above it the work is bounded and the
   * result marked `approximate`: only `candidateLimit` candidates are ranked and counted, the
   * newest records whose title or tags match first (tier 0), then the newest other matches
   * (tier 1), each tier newest first; `totalCount` is the number of candidates (more records
   * match) and paging ends after them (see docs/search.md). Never throws on what was typed.
   */
  async search(request: SearchRequest): Promise<SearchResult> {
    const empty: SearchResult = {
      totalCount: 0,
      hits: [],
      facets: [],
      suggestions: [],
      approximate: false,
    };
    const parsed = parseQuery(request.query);
    const where = filterSql(this.exec.dialect, parsed, request.filter);
    if (where === null) return empty;
    const lexicons = await loadLexicons(this.exec);
    const plan = this.planWith(parsed, lexicons);
    // Nothing to match in the text: list by `type:` alone, or nothing at all.
    if (plan === null && parsed.types.length === 0) return empty;
    const candidates =
      plan === null ? await this.newestCandidates(where) : await this.matchCandidates(plan, where);
    const rows =
      candidates === null
        ? await this.exactRows(plan, where, request)
        : await this.boundedRows(candidates, request);
    const totalCount = totalOf(rows);
    if (totalCount === 0) {
      const suggestions = await didYouMean(request.query, parsed, {
        hasMatches: async (query) => {
          const rewritten = this.planWith(parseQuery(query), lexicons);
          return rewritten !== null && (await this.anyMatch(rewritten, where));
        },
        candidates: (word) => this.suggestionCandidates(word),
      });
      return { ...empty, suggestions };
    }
    const approximate = candidates !== null;
    return {
      totalCount,
      hits: await pageHits(this.exec, rows, { plan, lexicons, approximate }),
      facets: toFacets(rows),
      suggestions: [],
      approximate,
    };
  }

  /** A query's plan with the corpus's lexicons (null when nothing remains to match). */
  protected async plan(parsed: ParsedQuery): Promise<MatchPlan | null> {
    return this.planWith(parsed, await loadLexicons(this.exec));
  }

  /** The plan with lexicons already loaded (a search loads them once, also for highlighting). */
  private planWith(
    parsed: ParsedQuery,
    lexicons: Awaited<ReturnType<typeof loadLexicons>>,
  ): MatchPlan | null {
    return compileQuery(parsed, createQueryAnalyser({ lexicons }), { tagsAsText: true });
  }

  /** The plan in the database's own syntax (bound as a parameter, never spliced into SQL). */
  protected abstract render(plan: MatchPlan): string;

  /** Whether any record matches the plan under the filters. */
  protected abstract anyMatch(plan: MatchPlan, where: Where): Promise<boolean>;

  /**
   * The candidates of a query with more than `candidateLimit` matches after the filters, or null
   * when it has no more (then the exact statement runs).
   */
  protected abstract matchCandidates(plan: MatchPlan, where: Where): Promise<Candidate[] | null>;

  /** Listing by `type:` alone: the `candidateLimit` most recently updated, when more pass. */
  protected abstract newestCandidates(where: Where): Promise<Candidate[] | null>;

  /** Every match ranked (lower `n` is better), the total, the five facets and one page. */
  protected abstract exactRows(
    plan: MatchPlan | null,
    where: Where,
    request: SearchRequest,
  ): Promise<FacetRow[]>;

  /** The same over the candidates, ranked by tier then recency. */
  protected abstract boundedRows(
    candidates: readonly Candidate[],
    request: SearchRequest,
  ): Promise<FacetRow[]>;

  /** Vocabulary words that may be what a misspelt word meant. */
  protected abstract suggestionCandidates(word: string): Promise<string[]>;
}
