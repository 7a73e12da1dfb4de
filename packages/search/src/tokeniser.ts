/**
 * Unicode clean-up, diacritic folding and word splitting shared by the index and query sides.
 * Everything here is language independent; stemming and gradation come later.
 */

/** Longest word kept; longer runs are junk (base64, hashes) and would bloat the index. */
export const MAX_WORD_LENGTH = 64;

/** A word of the text. Hyphenated words keep their whole form and their parts. */
export interface WordToken {
  /** Lower-case NFC form as written, hyphens kept (`kehittämis-työstä`). */
  readonly surface: string;
  /** The pieces between hyphens; a single element for an ordinary word. */
  readonly parts: readonly string[];
}

// Invisible characters that only break words apart or glue them together in the source text
// (soft hyphen, zero-width space/joiners, BOM, word joiner).
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
// Hyphen-like characters that join words (ASCII hyphen, Unicode hyphen, non-breaking hyphen).
// En and em dashes are deliberately absent: `Oulu – Kajaani` is two words with a dash between.
const JOINING_HYPHENS = /[\u2010\u2011]/g;
const APOSTROPHES = /[\u2019\u02BC']/g;

/**
 * NFKC-normalises (full-width letters, ligatures such as `ﬁ`), removes invisible characters
 * and lower-cases. NFKC also composes `a` + combining diaeresis into `ä`, so text pasted from
 * macOS (NFD) and from Word (NFC) analyse the same.
 */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').replace(JOINING_HYPHENS, '-').toLowerCase();
}

const SPECIAL_FOLDS: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  œ: 'oe',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ł: 'l',
};

/**
 * Folds diacritics to plain letters (ä→a, ö→o, å→a, é→e, š→s) so that `paa sisaltoon`, typed
 * on a phone or an English keyboard, finds `Pää sisältöön`. Input should be lower case.
 */
export function foldDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[ßæøœðþıł]/g, (ch) => SPECIAL_FOLDS[ch] ?? ch)
    .normalize('NFC');
}

// A word: letters and digits, optionally joined by single hyphens or apostrophes (`vaa'an`,
// `Asko-tiimi`). A colon followed by a short ending (`AVI:n`, `PiKe:n`) belongs to the word,
// as Finnish writes case endings on abbreviations that way; the ending is dropped below.
const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02BC-][\p{L}\p{N}]+)*(?::[\p{L}]{1,4}(?![\p{L}\p{N}]))?/gu;

/**
 * Splits text into words. Punctuation, emoji, control characters and FTS5 syntax characters
 * are all separators, so nothing that leaves this function can be query syntax.
 */
export function tokenise(text: string): WordToken[] {
  const tokens: WordToken[] = [];
  for (const match of normaliseText(text).matchAll(WORD)) {
    let word = match[0];
    const colon = word.indexOf(':');
    if (colon > 0) word = word.slice(0, colon);
    word = word.replace(APOSTROPHES, '');
    if (word.length > MAX_WORD_LENGTH) word = word.slice(0, MAX_WORD_LENGTH);
    const parts = word.split('-').filter((part) => part.length > 0);
    if (parts.length === 0) continue;
    tokens.push({ surface: parts.join('-'), parts });
  }
  return tokens;
}
