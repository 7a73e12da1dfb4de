import { splitCompound } from './compounds.js';
import { cleanTerm, termKey } from './gradation.js';
import { type Language, LANGUAGES } from './language.js';
import type { Lexicon } from './lexicon.js';
import { tokenise, type WordToken } from './tokeniser.js';

/** Options of the index-side analyser. */
export interface AnalyseOptions {
  /** Language of the record; chooses the stemmer and the gradation rules. */
  readonly language: Language;
  /** Known words of that language; without it compounds are not split. */
  readonly lexicon?: Lexicon;
}

/** One word of an analysed text and the terms it produced. */
export interface AnalysedToken {
  /** Lower-case word as written, hyphens kept: `kehittämis-työstä`. */
  readonly surface: string;
  /** Term keys in word order, one per hyphen part: `['kehittam', 'tyo']`. */
  readonly keys: readonly string[];
  /** Further terms of the word: the hyphen-joined whole and compound parts. */
  readonly extras: readonly string[];
}

/** Result of {@link analyse}. */
export interface Analysis {
  readonly tokens: readonly AnalysedToken[];
  /**
   * The terms to index, in order: first one key per word (position-aligned, so FTS5 and
   * tsvector phrase queries work), then the extra terms of all words.
   */
  readonly terms: readonly string[];
}

/**
 * Analyses a text for indexing: normalisation, words (hyphenated words whole and split),
 * Snowball stem, gradation key, folded diacritics and compound parts from the lexicon. The
 * terms contain only lower-case letters and digits, so a tokenizer never splits them again.
 */
export function analyse(text: string, options: AnalyseOptions): Analysis {
  const tokens = tokenise(text).map((token) => analyseToken(token, options));
  const terms: string[] = [];
  for (const token of tokens) terms.push(...token.keys);
  for (const token of tokens) terms.push(...token.extras);
  return { tokens, terms };
}

/**
 * The string stored in an index column for one field: the analysed terms separated by
 * spaces. Store it in an FTS5 column (any `unicode61` configuration) or feed it to
 * `to_tsvector('simple', …)` in PostgreSQL; both see exactly these terms.
 */
export function toIndexText(text: string, options: AnalyseOptions): string {
  return analyse(text, options).terms.join(' ');
}

function analyseToken(token: WordToken, options: AnalyseOptions): AnalysedToken {
  const { language, lexicon } = options;
  const keys = token.parts.map((part) => termKey(part, language)).filter(nonEmpty);
  const extras: string[] = [];
  if (token.parts.length > 1) {
    // `Asko-tiimi` is also searched as `askotiimi`, and its parts stay phrase-adjacent in keys.
    const joined = termKey(token.parts.join(''), language);
    if (joined) extras.push(joined);
  }
  if (lexicon) {
    for (const part of token.parts) extras.push(...compoundTerms(part, lexicon, language));
  }
  return { surface: token.surface, keys, extras };
}

/**
 * Terms for a compound: its leaf parts' keys first and adjacent (so that a query compiled to
 * the phrase `"asiak palvel koulutus"` finds them), then the keys of inner sub-compounds.
 */
function compoundTerms(word: string, lexicon: Lexicon, language: Language): string[] {
  const split = splitCompound(word, lexicon);
  if (!split) return [];
  return [...split.parts, ...split.inner].map((part) => termKey(part, language)).filter(nonEmpty);
}

function nonEmpty(term: string): boolean {
  return term.length > 0;
}

/** Options of the query-side analyser. */
export interface QueryAnalyserOptions {
  /**
   * Languages a query may be written in. A person searching does not say which language they
   * type, so each word is analysed in every one and the alternatives are ORed. Finnish first.
   */
  readonly languages?: readonly Language[];
  /** Lexicons for compound splitting, by language. */
  readonly lexicons?: Partial<Record<Language, Lexicon>>;
}

/**
 * One word of a query, compiled to alternatives: each is a sequence of terms that must occur
 * adjacent (a one-term sequence for most words). The first alternative is the primary one
 * (first language, whole word) and the one prefix matching applies to.
 */
export interface QueryToken {
  readonly surface: string;
  readonly alternatives: readonly (readonly string[])[];
}

/** Query-side analysis, passed to the query compilers. */
export interface QueryAnalyser {
  /** Analyses loose query words (words of a bare query term). */
  words(text: string): QueryToken[];
  /**
   * Analyses a quoted phrase: one position-aligned term sequence per language (deduplicated),
   * any of which may match.
   */
  phrase(text: string): string[][];
}

/**
 * Creates the query-side analyser. It runs the same analysis as {@link analyse}, so a query
 * word and the same word in a record produce the same key; compounds and hyphenated words add
 * their parts as an alternative phrase.
 */
export function createQueryAnalyser(options: QueryAnalyserOptions = {}): QueryAnalyser {
  const languages = options.languages?.length ? options.languages : LANGUAGES;
  const words = (text: string): QueryToken[] =>
    tokenise(text).map((token) => {
      const alternatives: string[][] = [];
      const seen = new Set<string>();
      const addAlternative = (terms: string[]): void => {
        const clean = terms.map(cleanTerm).filter(nonEmpty);
        const id = clean.join(' ');
        if (clean.length === 0 || seen.has(id)) return;
        seen.add(id);
        alternatives.push(clean);
      };
      for (const language of languages) {
        const lexicon = options.lexicons?.[language];
        if (token.parts.length > 1) {
          addAlternative(token.parts.map((part) => termKey(part, language)));
          addAlternative([termKey(token.parts.join(''), language)]);
        } else {
          addAlternative([termKey(token.surface, language)]);
          const split = lexicon ? splitCompound(token.surface, lexicon) : null;
          if (split) addAlternative(split.parts.map((part) => termKey(part, language)));
        }
      }
      return { surface: token.surface, alternatives };
    });
  const phrase = (text: string): string[][] => {
    const seen = new Set<string>();
    const result: string[][] = [];
    for (const language of languages) {
      const terms = analysePhrase(text, language);
      const id = terms.join(' ');
      if (terms.length === 0 || seen.has(id)) continue;
      seen.add(id);
      result.push(terms);
    }
    return result;
  };
  return { words, phrase };
}

/**
 * Analyses a phrase for querying: one term per word position (hyphen parts included), in
 * each language, matching the position-aligned keys that {@link analyse} stores first.
 */
export function analysePhrase(text: string, language: Language): string[] {
  return tokenise(text)
    .flatMap((token) => token.parts.map((part) => termKey(part, language)))
    .filter(nonEmpty);
}
