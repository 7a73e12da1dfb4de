import { type Language, stem } from './language.js';
import { foldDiacritics, MAX_WORD_LENGTH } from './tokeniser.js';

/**
 * The index key of a word: Snowball stem, folded to ASCII-ish letters, and for Finnish a
 * normalisation of the last syllable that maps the strong and weak grades of consonant
 * gradation to one form. Snowball alone leaves `mentoroint`/`mentoroin`, `tapa`/`tava`,
 * `koulutus`/`koulutuks` and `tiimi`/`tiim` apart; the rules below join those families.
 *
 * Only the final consonant cluster is touched, so `tuli`/`tulli` merge (a price we pay) but
 * `ranta`/`rata`, `sota`/`soitto` and `kirja`/`kirjasto` stay apart.
 */
export function termKey(word: string, language: Language): string {
  const cacheKey = `${language}:${word}`;
  const cached = keyCache.get(cacheKey);
  if (cached !== undefined) return cached;
  if (keyCache.size >= KEY_CACHE_LIMIT) keyCache.clear();
  const key = computeTermKey(word, language);
  keyCache.set(cacheKey, key);
  return key;
}

// The compound splitter asks for the key of every substring of a long word, and corpora repeat
// words endlessly; a bounded memo keeps Snowball off the hot path. Pure function, so sharing
// it between callers is safe.
const KEY_CACHE_LIMIT = 100_000;
const keyCache = new Map<string, string>();

function computeTermKey(word: string, language: Language): string {
  const stemmed = foldDiacritics(stem(word, language));
  const surface = foldDiacritics(word);
  let key: string;
  switch (language) {
    case 'fi':
      key = finnishGradationKey(stemmed, surface);
      break;
    case 'sv':
      key = swedishKey(stemmed);
      break;
    case 'en':
      key = stemmed;
      break;
  }
  return cleanTerm(key);
}

const VOWELS = 'aeiouy';
const MONOSYLLABLE_WITH_ENDING =
  /^([^aeiouy]*(?:aa|ee|ii|oo|uu|yy|ie|uo|yo|ai|ei|oi|ui|yi|au|eu|ou|iu|ey))(?:n|t|ta|ksi|na|ssa|sta|lla|lta|lle|h[aeiouy]n)$/;
const MIN_KEY_LENGTH = 3;

/**
 * Finnish gradation key of a folded Snowball stem. `surface` is the folded word as written; a
 * few rules need it because Snowball has already removed the ending that tells them apart.
 */
export function finnishGradationKey(stemmed: string, surface: string): string {
  let key = stemmed;
  if (/\d/.test(key)) return key;
  // Snowball's R1 region starts after the first syllable, so it leaves the case endings of
  // one-syllable words (työstä, päässä, maahan, tiestä); strip them here.
  const monosyllable = MONOSYLLABLE_WITH_ENDING.exec(surface);
  if (monosyllable?.[1]) return monosyllable[1];

  // -nen nouns and adjectives have an -s- stem (ihminen/ihmisen, oppiminen/oppimisen);
  // Snowball leaves `ihmin` for one and `ihmis` for the other.
  if (surface.endsWith('nen') && key.endsWith('n') && key.length > MIN_KEY_LENGTH) {
    key = `${key.slice(0, -1)}s`;
  }
  // Snowball reads the partitive of -us/-ys nouns as an elative (koulutusta → koulutu,
  // kokousta → kok). The derivational endings -tus, -mus, -ous, -nus (koulutus, tutkimus,
  // kokous, rakennus) are told apart from elatives of u-final words (Oulusta, palvelusta).
  if (
    /[tmon][uy]sta$/.test(surface) &&
    surface.length >= 7 &&
    single(surface).startsWith(single(key))
  ) {
    key = surface.slice(0, -2);
  }
  // Verbal nouns in -minen (oppiminen, kehittäminen) lose the -is- in some cases
  // (vertaisoppimista → vertaisoppim) and keep it in others; `kehittämis-` is also their
  // compound form.
  if (key.endsWith('mis') && key.length > 5) key = key.slice(0, -2);
  // Snowball does not touch short genitives (pään, kajaanin → kajaan): drop the -n after a
  // long vowel so they meet their nominative.
  if (/([aeiouy])\1n$/.test(key) && key.length > MIN_KEY_LENGTH) key = key.slice(0, -1);
  // -uus/-yys nouns inflect with -uude- (saavutettavuus/saavutettavuuden).
  key = key.replace(/(uu|yy)[dt]$/, '$1s');
  // -us/-is nouns inflect with -ukse-/-ikse- (koulutus/koulutuksen, tutkimus/tutkimuksia).
  if (key.endsWith('ks') && key.length > 4) key = key.slice(0, -1).replace(/k$/, 's');
  // Nominatives in -as/-äs with a consonant before (asiakas/asiakkaan, rikas/rikkaan) are left
  // whole by Snowball, their inflected forms lose the -as.
  if (key === surface && /[^aeiouy]as$/.test(key) && key.length >= 6) key = key.slice(0, -2);
  key = stripFinalVowels(key);
  return normaliseFinalCluster(key);
}

/** Geminates made single; Snowball undoubles some (rakennusta → rakenu) and not others. */
function single(text: string): string {
  return text.replace(/(.)\1/g, '$1');
}

function stripFinalVowels(key: string): string {
  let end = key.length;
  while (end > MIN_KEY_LENGTH && VOWELS.includes(key.charAt(end - 1))) end -= 1;
  return key.slice(0, end);
}

/**
 * Maps the consonant cluster after the last vowel to its weak-grade-independent form:
 * geminates single (kk→k, pp→p, tt→t, nn→n), nt→n, lt→l, rt→r, mp→m, ng→nk, a final d→t and
 * v→p. The cluster is the site of gradation once Snowball has removed the ending.
 */
function normaliseFinalCluster(key: string): string {
  const match = /[^aeiouy]+$/.exec(key);
  if (!match || match.index === 0) return key;
  const head = key.slice(0, match.index);
  let cluster = match[0].replace(/(.)\1/g, '$1');
  cluster = cluster.replace(/d$/, 't').replace(/v$/, 'p');
  cluster = cluster
    .replace(/^nt/, 'n')
    .replace(/^lt/, 'l')
    .replace(/^rt/, 'r')
    .replace(/^mp/, 'm')
    .replace(/^ng/, 'nk');
  const result = head + cluster;
  return result.length >= 2 ? result : key;
}

/** Swedish Snowball leaves the definite -et (biblioteket); drop it on long stems. */
function swedishKey(stemmed: string): string {
  if (stemmed.endsWith('et') && stemmed.length >= 7) return stemmed.slice(0, -2);
  return stemmed;
}

/**
 * Keeps only letters and digits so that no tokenizer (FTS5 unicode61, PostgreSQL `simple`)
 * splits a term again, and bounds its length.
 */
export function cleanTerm(term: string): string {
  return term.replace(/[^\p{L}\p{N}]/gu, '').slice(0, MAX_WORD_LENGTH);
}
