/**
 * The compound lexicon and the "did you mean" vocabulary, grown from the indexed records.
 *
 * `search_term` holds every surface word of the index (lower case, 3+ letters, no digits) with
 * its term key, per language, and the number of records that contain it. The lexicon of a
 * language is the set of those keys (plus `@ake/search`'s short Finnish seed list), so a word
 * that appears standalone anywhere in the corpus becomes a compound part: once "kyläily" is
 * indexed, "kyläilypäivä" splits into kyläily + päivä.
 *
 * Loading the lexicon costs one query over the table, so it is cached per database connection
 * and reloaded only when `search_meta.lexicon_token` changes. A write that adds a key the cache
 * did not know stores a new random token in its transaction: another process sees the change
 * after commit, and a rollback restores the old token, which no longer matches the cache.
 */
import { randomUUID } from 'node:crypto';
import { type Language, Lexicon, termKey, tokenise } from '@ake/search';
import { LANGUAGES } from '../../shared/validation.js';
import { type SqlExecutor } from './sql-executor.js';

const TOKEN_KEY = 'lexicon_token';
/** Shortest word kept in the vocabulary (shorter words are not worth suggesting or splitting on). */
export const MIN_VOCABULARY_WORD = 3;
const MAX_VOCABULARY_WORD = 40;

interface LexiconState {
  token: string;
  lexicons: Record<Language, Lexicon>;
}

const states = new WeakMap<object, LexiconState>();

/** The distinct vocabulary words of a text: lower case, hyphen parts separate, no digits. */
export function vocabularyWords(text: string): string[] {
  const words = new Set<string>();
  for (const token of tokenise(text)) {
    for (const part of token.parts) {
      if (part.length < MIN_VOCABULARY_WORD || part.length > MAX_VOCABULARY_WORD) continue;
      if (/\d/.test(part)) continue;
      words.add(part);
    }
  }
  return [...words];
}

async function readToken(exec: SqlExecutor): Promise<string> {
  const rows = await exec.all<{ value: string }>('select value from search_meta where key = ?', [
    TOKEN_KEY,
  ]);
  return rows[0]?.value ?? '';
}

/** The lexicons of the indexed corpus, from the cache when it is current. */
export async function loadLexicons(exec: SqlExecutor): Promise<Record<Language, Lexicon>> {
  const token = await readToken(exec);
  const cached = states.get(exec.database);
  if (cached && cached.token === token) return cached.lexicons;
  const lexicons = Object.fromEntries(
    LANGUAGES.map((language) => [language, new Lexicon(language, { seed: true })]),
  ) as Record<Language, Lexicon>;
  const rows = await exec.all<{ language: string; term_key: string; n: number }>(
    'select language, term_key, sum(doc_count) as n from search_term where doc_count > 0 group by language, term_key',
  );
  for (const row of rows) {
    const lexicon = lexicons[row.language as Language];
    if (lexicon) lexicon.addKey(row.term_key, Number(row.n));
  }
  states.set(exec.database, { token, lexicons });
  return lexicons;
}

/**
 * Counts a record's words into the vocabulary (in the caller's transaction) and returns the
 * lexicon of its language, already holding them, to analyse the record with.
 */
export async function addWords(
  exec: SqlExecutor,
  language: Language,
  words: readonly string[],
): Promise<Lexicon> {
  return addWordCounts(exec, language, new Map(words.map((word) => [word, 1])));
}

/**
 * Counts many records' words into the vocabulary at once (`counts`: word → number of records
 * that have it) in one statement, and returns the language's lexicon, already holding them.
 */
export async function addWordCounts(
  exec: SqlExecutor,
  language: Language,
  counts: ReadonlyMap<string, number>,
): Promise<Lexicon> {
  const lexicons = await loadLexicons(exec);
  const lexicon = lexicons[language];
  const rows = [...counts].map(([word, n]) => [word, termKey(word, language), n] as const);
  if (rows.length > 0) {
    await exec.run(
      exec.dialect === 'postgresql'
        ? `insert into search_term (language, word, term_key, doc_count)
           select ?, e ->> 0, e ->> 1, (e ->> 2)::int from jsonb_array_elements(cast(? as jsonb)) e
           on conflict (language, word) do update set doc_count = search_term.doc_count + excluded.doc_count`
        : `insert into search_term (language, word, term_key, doc_count)
           select ?, json_extract(value, '$[0]'), json_extract(value, '$[1]'), json_extract(value, '$[2]') from json_each(?) where true
           on conflict (language, word) do update set doc_count = doc_count + excluded.doc_count`,
      [language, JSON.stringify(rows)],
    );
  }
  let changed = false;
  for (const [, key] of rows) {
    if (key.length >= MIN_VOCABULARY_WORD && !lexicon.has(key)) changed = true;
    lexicon.addKey(key);
  }
  if (changed) {
    const token = randomUUID();
    await exec.run(
      'insert into search_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
      [TOKEN_KEY, token],
    );
    const state = states.get(exec.database);
    if (state) state.token = token;
  }
  return lexicon;
}

/**
 * Takes a removed or replaced record's words out of the vocabulary counts (`words` as stored:
 * JSON text on SQLite, an array from PostgreSQL's jsonb).
 */
export async function removeWords(
  exec: SqlExecutor,
  language: string,
  words: string | readonly string[],
): Promise<void> {
  const list = (typeof words === 'string' ? JSON.parse(words) : words) as string[];
  await removeWordCounts(exec, language, new Map(list.map((word) => [word, 1])));
}

/** Takes many records' words out of the vocabulary counts at once (word → records). */
export async function removeWordCounts(
  exec: SqlExecutor,
  language: string,
  counts: ReadonlyMap<string, number>,
): Promise<void> {
  if (counts.size === 0) return;
  await exec.run(
    exec.dialect === 'postgresql'
      ? `update search_term set doc_count = search_term.doc_count - x.n
         from (select e ->> 0 as word, (e ->> 1)::int as n from jsonb_array_elements(cast(? as jsonb)) e) x
         where search_term.language = ? and search_term.word = x.word`
      : `update search_term set doc_count = search_term.doc_count - x.n
         from (select json_extract(value, '$[0]') as word, json_extract(value, '$[1]') as n from json_each(?)) x
         where search_term.language = ? and search_term.word = x.word`,
    [JSON.stringify([...counts]), language],
  );
}

/** Empties the vocabulary (before a rebuild) and forgets the cached lexicons. */
export async function clearVocabulary(exec: SqlExecutor): Promise<void> {
  await exec.run('delete from search_term');
  await exec.run(
    'insert into search_meta (key, value) values (?, ?) on conflict (key) do update set value = excluded.value',
    [TOKEN_KEY, randomUUID()],
  );
  states.delete(exec.database);
}

/** Vocabulary words whose length is within `min`…`max`, for "did you mean". */
export async function vocabulary(exec: SqlExecutor, min: number, max: number): Promise<string[]> {
  const rows = await exec.all<{ word: string }>(
    'select distinct word from search_term where doc_count > 0 and length(word) between ? and ?',
    [min, max],
  );
  return rows.map((row) => row.word);
}
