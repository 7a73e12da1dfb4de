import { stemmer as stemEnglish } from '@orama/stemmers/english';
import { stemmer as stemFinnish } from '@orama/stemmers/finnish';
import { stemmer as stemSwedish } from '@orama/stemmers/swedish';

/** Content languages of the knowledge base: Finnish first, then Swedish and English. */
export type Language = 'fi' | 'sv' | 'en';

/** Every supported language, Finnish first because it is the default for queries. */
export const LANGUAGES: readonly Language[] = ['fi', 'sv', 'en'];

const STEMMERS: Record<Language, (word: string) => string> = {
  fi: stemFinnish,
  sv: stemSwedish,
  en: stemEnglish,
};

/**
 * Snowball stem of one lower-case word. The stemmers expect unfolded letters (ä, ö, å) because
 * Finnish vowel harmony and Swedish endings depend on them, so fold only after stemming.
 */
export function stem(word: string, language: Language): string {
  return STEMMERS[language](word);
}

/** Narrows untrusted input (a record field, a URL parameter) to a supported language. */
export function isLanguage(value: unknown): value is Language {
  return value === 'fi' || value === 'sv' || value === 'en';
}
