import { termKey } from './gradation.js';
import { type Language, isLanguage } from './language.js';
import { tokenise } from './tokeniser.js';

/** Serialised form of a {@link Lexicon}, stable so it can be stored beside the index. */
export interface LexiconJson {
  readonly version: 1;
  readonly language: Language;
  /** Term key → number of standalone occurrences in the corpus. */
  readonly keys: Record<string, number>;
}

/** Keys shorter than this are too ambiguous to be compound parts (`ai`, `on`). */
export const MIN_LEXICON_KEY_LENGTH = 3;

/**
 * Common Finnish words of the domain that may never occur standalone in a small corpus but
 * often do as compound parts (kieli-koulutus, koulutus-päivä, kirjasto-auto). Kept short: every
 * entry is a chance of a wrong split.
 */
const FINNISH_SEED_WORDS = [
  'asiakas',
  'asiakaspalvelu',
  'palvelu',
  'koulutus',
  'kouluttaja',
  'kirjasto',
  'auto',
  'päivä',
  'idea',
  'kieli',
  'työ',
  'vierailu',
  'ohjelma',
  'tila',
  'tutkimus',
  'kokemus',
  'kehittäminen',
  'vertainen',
  'oppiminen',
  'tilaisuus',
  'kokous',
  'ryhmä',
  'julkaisu',
  'laatu',
  'arviointi',
  'seloste',
  'palaute',
  'hanke',
  'tehtävä',
  'alue',
  'tiimi',
  'mentorointi',
  'kirja',
  'aineisto',
  'lukeminen',
  'lapsi',
  'nuori',
  'vuoro',
  'vaikutus',
  'viestintä',
  'tieto',
  'sisältö',
  'ruotsi',
  'englanti',
  'hoitaja',
];

/**
 * The known words of one language, as term keys, gathered from the corpus. The compound
 * splitter accepts a split only when every part is a known key, which keeps
 * `kirjastoauto` → kirjasto + auto but refuses `kirjas` + `toauto`.
 */
export class Lexicon {
  readonly language: Language;
  private readonly counts = new Map<string, number>();

  /** An empty lexicon; `seed` adds a short list of common domain words (Finnish only). */
  constructor(language: Language, options: { seed?: boolean } = {}) {
    this.language = language;
    if (options.seed && language === 'fi') {
      for (const word of FINNISH_SEED_WORDS) this.addKey(termKey(word, language));
    }
  }

  /** Adds every word of a text, as well as the parts of its hyphenated words. */
  add(text: string): this {
    for (const token of tokenise(text)) {
      for (const part of token.parts) {
        if (/\d/.test(part)) continue;
        this.addKey(termKey(part, this.language));
      }
    }
    return this;
  }

  /** Counts one key directly, for callers that already analysed their text. */
  addKey(key: string, count = 1): this {
    if (key.length < MIN_LEXICON_KEY_LENGTH) return this;
    this.counts.set(key, (this.counts.get(key) ?? 0) + count);
    return this;
  }

  /** Whether the key has been seen. */
  has(key: string): boolean {
    return this.counts.has(key);
  }

  /** How often the key has been seen (0 when never). */
  count(key: string): number {
    return this.counts.get(key) ?? 0;
  }

  /** Number of distinct keys. */
  get size(): number {
    return this.counts.size;
  }

  /** All known keys, for "did you mean" suggestions. */
  keys(): string[] {
    return [...this.counts.keys()];
  }

  /** JSON with keys sorted, so that a rebuilt lexicon diffs cleanly. */
  toJSON(): LexiconJson {
    const keys: Record<string, number> = {};
    for (const key of [...this.counts.keys()].sort()) keys[key] = this.counts.get(key) ?? 0;
    return { version: 1, language: this.language, keys };
  }

  /** Restores a lexicon from {@link Lexicon.toJSON}; malformed entries are skipped, not fatal. */
  static fromJSON(json: unknown): Lexicon {
    const data = (typeof json === 'object' && json !== null ? json : {}) as Partial<LexiconJson>;
    const language = isLanguage(data.language) ? data.language : 'fi';
    const lexicon = new Lexicon(language);
    const keys = typeof data.keys === 'object' && data.keys !== null ? data.keys : {};
    for (const [key, count] of Object.entries(keys)) {
      if (typeof count === 'number' && Number.isFinite(count) && count > 0) {
        lexicon.addKey(key, count);
      }
    }
    return lexicon;
  }
}

/**
 * Builds the lexicon of one language from corpus texts (titles, tags, bodies of the records in
 * that language). Finnish gets the small seed list unless `seed: false`.
 */
export function buildLexicon(
  texts: Iterable<string>,
  language: Language,
  options: { seed?: boolean } = {},
): Lexicon {
  const lexicon = new Lexicon(language, { seed: options.seed ?? true });
  for (const text of texts) lexicon.add(text);
  return lexicon;
}
