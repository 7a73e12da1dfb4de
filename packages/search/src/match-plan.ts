import type { QueryAnalyser } from './analyser.js';
import type { ParsedQuery, TermNode } from './query-parser.js';

/**
 * A parsed query compiled to analysed terms: the database-independent form that the FTS5
 * renderer (and later a PostgreSQL tsquery renderer, or an in-memory ranker) turns into its
 * own syntax. Terms are index terms: lower-case letters and digits only.
 */
export type MatchPlan =
  | { readonly kind: 'phrase'; readonly terms: readonly string[]; readonly prefix: boolean }
  | { readonly kind: 'and'; readonly items: readonly MatchPlan[] }
  | { readonly kind: 'or'; readonly items: readonly MatchPlan[] }
  | { readonly kind: 'not'; readonly include: MatchPlan; readonly exclude: MatchPlan }
  | { readonly kind: 'field'; readonly field: 'tags'; readonly item: MatchPlan };

/** Options of {@link compileQuery}. */
export interface CompileOptions {
  /**
   * Turn `tag:` filters into a match on the tags field. Off when the caller filters tags in
   * SQL instead (exact tag names from a tags table).
   */
  readonly tagsAsText?: boolean;
  /** Shortest key that implicit prefix matching (last typed word) applies to. */
  readonly minPrefixLength?: number;
}

const DEFAULT_MIN_PREFIX = 4;
const EXPLICIT_MIN_PREFIX = 2;

/**
 * Compiles a parsed query with the query analyser. Returns null when nothing searchable
 * remains (only punctuation, only exclusions): the caller then returns an empty result, or
 * lists by the `type:` filters alone.
 */
export function compileQuery(
  query: ParsedQuery,
  analyser: QueryAnalyser,
  options: CompileOptions = {},
): MatchPlan | null {
  const minPrefix = options.minPrefixLength ?? DEFAULT_MIN_PREFIX;
  const include: MatchPlan[] = [];
  for (const clause of query.include) {
    const plan =
      clause.kind === 'or'
        ? anyOf(clause.items.map((item) => compileTerm(item, analyser, minPrefix)))
        : compileTerm(clause, analyser, minPrefix);
    if (plan) include.push(plan);
  }
  if (options.tagsAsText) {
    for (const tag of query.tags) {
      const phrases = analyser
        .phrase(tag)
        .map((terms): MatchPlan => ({ kind: 'phrase', terms, prefix: false }));
      const item = anyOf(phrases);
      if (item) include.push({ kind: 'field', field: 'tags', item });
    }
  }
  const positive = allOf(include);
  if (!positive) return null;
  const exclude = anyOf(query.exclude.map((term) => compileTerm(term, analyser, Infinity)));
  return exclude ? { kind: 'not', include: positive, exclude } : positive;
}

function compileTerm(term: TermNode, analyser: QueryAnalyser, minPrefix: number): MatchPlan | null {
  if (term.kind === 'phrase') {
    return anyOf(
      analyser
        .phrase(term.text)
        .map((terms): MatchPlan => ({ kind: 'phrase', terms, prefix: false })),
    );
  }
  const tokens = analyser.words(term.text);
  const lastIndex = tokens.length - 1;
  return allOf(
    tokens.map((token, index) =>
      anyOf(
        token.alternatives.map((terms, alternative): MatchPlan => {
          const single = terms.length === 1 ? (terms[0] ?? '') : '';
          const prefix =
            index === lastIndex &&
            alternative === 0 &&
            single.length >= prefixMinimum(term, minPrefix);
          return { kind: 'phrase', terms, prefix };
        }),
      ),
    ),
  );
}

/** Shortest key a word may be prefix-matched with; Infinity when it may not. */
function prefixMinimum(term: TermNode, minPrefix: number): number {
  if (term.kind !== 'word' || minPrefix === Infinity) return Infinity;
  switch (term.prefix) {
    case 'explicit':
      return Math.min(minPrefix, EXPLICIT_MIN_PREFIX);
    case 'typing':
      return minPrefix;
    case 'none':
      return Infinity;
  }
}

function allOf(items: readonly (MatchPlan | null)[]): MatchPlan | null {
  const present = items.filter((item): item is MatchPlan => item !== null);
  if (present.length <= 1) return present[0] ?? null;
  return { kind: 'and', items: present };
}

function anyOf(items: readonly (MatchPlan | null)[]): MatchPlan | null {
  const present = items.filter((item): item is MatchPlan => item !== null);
  if (present.length <= 1) return present[0] ?? null;
  return { kind: 'or', items: present };
}
