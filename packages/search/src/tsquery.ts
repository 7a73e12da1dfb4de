import type { MatchPlan } from './match-plan.js';

/**
 * Renders a compiled plan as a PostgreSQL `tsquery` in `to_tsquery('simple', …)` syntax, for a
 * `tsvector` built with `to_tsvector('simple', …)` over {@link toIndexText} strings, with the
 * fields weighted title A, tags B, body C. Every term is single-quoted (quotes and backslashes
 * escaped, though analysed terms cannot contain them), so nothing a person types becomes
 * tsquery syntax. Bind the result as a parameter, never splice it into SQL.
 *
 * Shape: `('kirjast':* | 'kirjasto') & ('asiak' <-> 'palvel') & !('koulutus')`; a `tag:` match
 * restricts its terms to weight B (`'kirjasto':B`).
 */
export function renderTsQuery(plan: MatchPlan, weight = ''): string {
  switch (plan.kind) {
    case 'phrase': {
      const terms = plan.terms.map((term, i) => {
        const prefix = plan.prefix && i === plan.terms.length - 1 ? '*' : '';
        const suffix = prefix || weight ? `:${prefix}${weight}` : '';
        return `${quoteTsQuery(term)}${suffix}`;
      });
      return terms.length === 1 ? (terms[0] ?? '') : `(${terms.join(' <-> ')})`;
    }
    case 'and':
      return `(${plan.items.map((item) => renderTsQuery(item, weight)).join(' & ')})`;
    case 'or':
      return `(${plan.items.map((item) => renderTsQuery(item, weight)).join(' | ')})`;
    case 'not':
      return `(${renderTsQuery(plan.include, weight)} & !${renderTsQuery(plan.exclude, weight)})`;
    case 'field':
      return renderTsQuery(plan.item, 'B');
  }
}

/** A tsquery lexeme literal: single quotes around, quotes and backslashes escaped. */
export function quoteTsQuery(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}
