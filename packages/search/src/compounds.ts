import { termKey } from './gradation.js';
import type { Lexicon } from './lexicon.js';

/** Shortest compound part, in letters: `työ`, `pää` and `kieli` must pass, `ai` must not. */
export const MIN_PART_LENGTH = 3;
/** Words shorter than two minimal parts cannot be compounds. */
const MIN_COMPOUND_LENGTH = 2 * MIN_PART_LENGTH;
/** Beyond this many parts a split is more likely wrong than right. */
const MAX_PARTS = 4;

interface Split {
  readonly parts: readonly string[];
  readonly score: number;
}

/** A compound split into its smallest known parts, with the known sub-compounds between. */
export interface CompoundSplit {
  /** Leaf parts as written, in order: `['asiakas', 'palvelu', 'koulutus']`. */
  readonly parts: readonly string[];
  /** Parts that are compounds themselves, as written: `['asiakaspalvelu']`. */
  readonly inner: readonly string[];
}

/**
 * Splits a compound word into parts whose term keys are all in the lexicon, by dynamic
 * programming over every cut: the fewest parts win, then the split whose parts are most common
 * in the corpus. Each part is matched through its term key, so linking forms meet their
 * nominatives (`asiakas-` in `asiakaspalvelu` and `asiakkaan`; `kirjaston-` and `kirjasto`)
 * and the last part may be inflected (`…koulutuksia`). Parts that are known compounds
 * themselves (`asiakaspalvelu`) are split again, so the result holds the smallest parts.
 *
 * Returns null when the word is not a known compound.
 */
export function splitCompound(word: string, lexicon: Lexicon): CompoundSplit | null {
  const top = splitOnce(word, lexicon);
  if (!top) return null;
  const parts: string[] = [];
  const inner: string[] = [];
  for (const part of top) {
    const sub = splitCompound(part, lexicon);
    if (sub) {
      parts.push(...sub.parts);
      inner.push(part, ...sub.inner);
    } else {
      parts.push(part);
    }
  }
  return { parts, inner };
}

function splitOnce(word: string, lexicon: Lexicon): string[] | null {
  if (word.length < MIN_COMPOUND_LENGTH || /[^\p{L}]/u.test(word)) return null;
  const language = lexicon.language;
  const known = (part: string): number => {
    const key = termKey(part, language);
    return key.length >= MIN_PART_LENGTH ? lexicon.count(key) : 0;
  };

  // best[i]: the best split of word.slice(0, i)
  const best: (Split | undefined)[] = new Array<Split | undefined>(word.length + 1);
  best[0] = { parts: [], score: 0 };
  for (let end = MIN_PART_LENGTH; end <= word.length; end += 1) {
    for (let start = 0; start <= end - MIN_PART_LENGTH; start += 1) {
      const before = best[start];
      if (!before || before.parts.length >= MAX_PARTS) continue;
      if (start === 0 && end === word.length) continue;
      const part = word.slice(start, end);
      const count = known(part);
      if (count === 0) continue;
      const candidate: Split = {
        parts: [...before.parts, part],
        score: before.score + Math.log(1 + count) + part.length / 100,
      };
      if (isBetter(candidate, best[end])) best[end] = candidate;
    }
  }
  const result = best[word.length];
  return result && result.parts.length >= 2 ? [...result.parts] : null;
}

function isBetter(candidate: Split, current: Split | undefined): boolean {
  if (!current) return true;
  if (candidate.parts.length !== current.parts.length) {
    return candidate.parts.length < current.parts.length;
  }
  return candidate.score > current.score;
}
