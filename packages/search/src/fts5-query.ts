import type { QueryAnalyser } from './analyser.js';
import { type CompileOptions, compileQuery, type MatchPlan } from './match-plan.js';
import type { ParsedQuery } from './query-parser.js';

/** Options of {@link toFts5Match}. */
export interface Fts5Options extends CompileOptions {
  /**
   * Name of the FTS5 column holding analysed tags, used for `tag:` filters when `tagsAsText`
   * is on. A constant chosen by the caller, never user input; it is still checked.
   */
  readonly tagsColumn?: string;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * Compiles a parsed query to an SQLite FTS5 MATCH expression over columns that hold
 * {@link toIndexText} strings. Every term is double-quoted (`"` doubled, though analysed terms
 * cannot contain one), so nothing a person types becomes FTS5 syntax: no column filters, no
 * NEAR, no bare operators. Returns null when nothing remains to match; bind the result as a
 * parameter (`… WHERE search MATCH ?`), never splice it into SQL.
 *
 * Shape: `("kirjast"* OR …) AND ("mentoroin") NOT ("koulutus")`.
 */
export function toFts5Match(
  query: ParsedQuery,
  analyser: QueryAnalyser,
  options: Fts5Options = {},
): string | null {
  const tagsColumn = options.tagsColumn ?? 'tags';
  if (!IDENTIFIER.test(tagsColumn)) throw new Error(`Invalid FTS5 column name: ${tagsColumn}`);
  const plan = compileQuery(query, analyser, options);
  return plan ? renderFts5(plan, tagsColumn) : null;
}

/** Renders a compiled plan as an FTS5 expression; `tagsColumn` must be a valid identifier. */
export function renderFts5(plan: MatchPlan, tagsColumn = 'tags'): string {
  switch (plan.kind) {
    case 'phrase':
      return `${quoteFts5(plan.terms.join(' '))}${plan.prefix ? '*' : ''}`;
    case 'and':
      return plan.items.map((item) => group(item, tagsColumn)).join(' AND ');
    case 'or':
      return `(${plan.items.map((item) => renderFts5(item, tagsColumn)).join(' OR ')})`;
    case 'not':
      return `${group(plan.include, tagsColumn)} NOT ${group(plan.exclude, tagsColumn)}`;
    case 'field':
      return `${quoteFts5(tagsColumn)} : (${renderFts5(plan.item, tagsColumn)})`;
  }
}

/** Parenthesises compound sub-expressions so FTS5's NOT > AND > OR precedence never matters. */
function group(plan: MatchPlan, tagsColumn: string): string {
  const rendered = renderFts5(plan, tagsColumn);
  return plan.kind === 'and' || plan.kind === 'not' ? `(${rendered})` : rendered;
}

/** An FTS5 string literal: double quotes around, inner double quotes doubled. */
export function quoteFts5(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}
