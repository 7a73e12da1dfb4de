export {
  analyse,
  analysePhrase,
  createQueryAnalyser,
  toIndexText,
  type AnalyseOptions,
  type AnalysedToken,
  type Analysis,
  type QueryAnalyser,
  type QueryAnalyserOptions,
  type QueryToken,
} from './analyser.js';
export { splitCompound, MIN_PART_LENGTH, type CompoundSplit } from './compounds.js';
export { quoteFts5, renderFts5, toFts5Match, type Fts5Options } from './fts5-query.js';
export { quoteTsQuery, renderTsQuery } from './tsquery.js';
export { cleanTerm, finnishGradationKey, termKey } from './gradation.js';
export { isLanguage, LANGUAGES, stem, type Language } from './language.js';
export { buildLexicon, Lexicon, MIN_LEXICON_KEY_LENGTH, type LexiconJson } from './lexicon.js';
export { compileQuery, type CompileOptions, type MatchPlan } from './match-plan.js';
export {
  MAX_QUERY_INPUT,
  MAX_QUERY_TERMS,
  MAX_TERM_LENGTH,
  parseQuery,
  type ClauseNode,
  type OrNode,
  type ParsedQuery,
  type PhraseNode,
  type TermNode,
  type WordNode,
} from './query-parser.js';
export { damerauLevenshtein, suggest, type SuggestOptions, type Suggestion } from './suggest.js';
export {
  foldDiacritics,
  MAX_WORD_LENGTH,
  normaliseText,
  tokenise,
  type WordToken,
} from './tokeniser.js';
