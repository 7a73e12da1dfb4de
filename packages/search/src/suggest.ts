import { foldDiacritics, normaliseText } from './tokeniser.js';

/** Options of {@link suggest}. */
export interface SuggestOptions {
  /** Most suggestions returned. */
  readonly limit?: number;
  /** Largest edit distance accepted; by default 1 for words up to 4 letters, then 2. */
  readonly maxDistance?: number;
}

/** A "did you mean" candidate. */
export interface Suggestion {
  readonly word: string;
  readonly distance: number;
}

/**
 * The vocabulary words closest to a misspelt term, for "did you mean". Compares folded
 * lower-case forms (so `kylaily` is distance 0 from `kyläily` and ranks first), by
 * Damerau–Levenshtein distance with a bound so that a large vocabulary stays cheap. Ties go
 * to the shorter length difference, then alphabetical order; the term itself is never
 * suggested.
 */
export function suggest(
  term: string,
  vocabulary: Iterable<string>,
  options: SuggestOptions = {},
): Suggestion[] {
  const limit = options.limit ?? 5;
  const wanted = foldDiacritics(normaliseText(term)).trim();
  if (!wanted || limit <= 0) return [];
  const maxDistance = options.maxDistance ?? (wanted.length <= 4 ? 1 : 2);
  const results: Suggestion[] = [];
  const seen = new Set<string>();
  for (const word of vocabulary) {
    if (seen.has(word)) continue;
    seen.add(word);
    const folded = foldDiacritics(normaliseText(word));
    if (normaliseText(word) === normaliseText(term)) continue;
    const distance = damerauLevenshtein(wanted, folded, maxDistance);
    if (distance <= maxDistance) results.push({ word, distance });
  }
  return results
    .sort(
      (a, b) =>
        a.distance - b.distance ||
        Math.abs(a.word.length - wanted.length) - Math.abs(b.word.length - wanted.length) ||
        a.word.localeCompare(b.word, 'fi'),
    )
    .slice(0, limit);
}

/**
 * Optimal-string-alignment Damerau–Levenshtein distance (insert, delete, substitute, swap two
 * adjacent letters). Stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a === b) return 0;
  const s = [...a];
  const t = [...b];
  let twoBack = new Array<number>(t.length + 1).fill(0);
  let previous = Array.from({ length: t.length + 1 }, (_, j) => j);
  let current = new Array<number>(t.length + 1).fill(0);
  for (let i = 1; i <= s.length; i += 1) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= t.length; j += 1) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let value = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + cost,
      );
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) {
        value = Math.min(value, (twoBack[j - 2] ?? 0) + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [twoBack, previous, current] = [previous, current, twoBack];
  }
  return previous[t.length] ?? max + 1;
}
