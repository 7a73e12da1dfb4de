/**
 * The query language a person types into the search box:
 *
 *   kirjastoauto "pää sisältöön" -koulutus kyläily OR mentorointi tag:kyläily type:meeting
 *
 * Words must all match; `"…"` is a phrase; `-word`, `-"phrase"` and `NOT word` exclude;
 * `OR` (or `TAI`) between two terms makes either enough; `tag:` and `type:` filter, with a
 * word or a quoted value; a trailing `*` asks for prefix matching. Everything else is words.
 * Parsing never throws: broken input gives a best-effort, possibly empty, query.
 */

/** Most terms kept from one query; the rest are dropped (and `truncated` is set). */
export const MAX_QUERY_TERMS = 32;
/** Longest term or phrase kept, in characters. */
export const MAX_TERM_LENGTH = 100;
/** Longest input read; a pasted document is not a query. */
export const MAX_QUERY_INPUT = 2000;

/** A loose word (may still contain punctuation; the analyser decides what it means). */
export interface WordNode {
  readonly kind: 'word';
  readonly text: string;
  /**
   * Prefix matching: `explicit` for `word*`, `typing` for the last word with no space after it
   * (probably unfinished), `none` otherwise.
   */
  readonly prefix: 'none' | 'typing' | 'explicit';
}

/** A quoted phrase: its words must occur adjacent and in order. */
export interface PhraseNode {
  readonly kind: 'phrase';
  readonly text: string;
}

/** A single term: a word or a phrase. */
export type TermNode = WordNode | PhraseNode;

/** Terms joined by OR: any of them is enough. */
export interface OrNode {
  readonly kind: 'or';
  readonly items: readonly TermNode[];
}

/** One required clause of a query. */
export type ClauseNode = TermNode | OrNode;

/** A parsed query. Empty `include` means there is nothing to search for in the text. */
export interface ParsedQuery {
  /** Clauses that must all match. */
  readonly include: readonly ClauseNode[];
  /** Terms that must not match. */
  readonly exclude: readonly TermNode[];
  /** `tag:` values, as typed (trimmed). */
  readonly tags: readonly string[];
  /** `type:` values, lower case. */
  readonly types: readonly string[];
  /** Whether terms were dropped because of the limits. */
  readonly truncated: boolean;
}

type Lexeme =
  | { readonly kind: 'term'; readonly node: TermNode; readonly negated: boolean }
  | { readonly kind: 'or' }
  | { readonly kind: 'not' }
  | { readonly kind: 'filter'; readonly field: 'tag' | 'type'; readonly value: string };

// Curly and angle quotes that phones and word processors substitute for `"`.
const QUOTES = /[\u201C\u201D\u201E\u201F\u00AB\u00BB\u2033\uFF02]/g;
// Control and format characters (except ordinary whitespace) are never part of a query.
const CONTROL = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}]/gu;
const FILTER = /^(tag|type):/i;
const SEPARATORS = new Set([' ', '(', ')', '"']);

/**
 * Parses what a person typed into a {@link ParsedQuery}. Never throws; unbalanced quotes end
 * at the end of the input, brackets and stray operators are ignored, and at most
 * {@link MAX_QUERY_TERMS} terms are kept.
 */
export function parseQuery(input: unknown): ParsedQuery {
  const text = cleanInput(typeof input === 'string' ? input : '');
  const lexemes = lex(text);
  return assemble(lexemes, /\s$/.test(text) || text.length === 0);
}

function cleanInput(input: string): string {
  return input
    .slice(0, MAX_QUERY_INPUT)
    .normalize('NFKC')
    .replace(QUOTES, '"')
    .replace(/\s/g, ' ')
    .replace(CONTROL, ' ');
}

function lex(text: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text.charAt(i);
    if (ch === ' ' || ch === '(' || ch === ')') {
      i += 1;
      continue;
    }
    let negated = false;
    if (ch === '-' || ch === '!') {
      negated = true;
      i += 1;
      if (i >= text.length || text.charAt(i) === ' ') continue;
    }
    if (text.charAt(i) === '"') {
      const end = text.indexOf('"', i + 1);
      const phrase = text.slice(i + 1, end === -1 ? text.length : end).trim();
      i = end === -1 ? text.length : end + 1;
      if (phrase) lexemes.push({ kind: 'term', negated, node: phraseNode(phrase) });
      continue;
    }
    const filter = FILTER.exec(text.slice(i));
    if (filter && !negated) {
      i += filter[0].length;
      const [value, next] = readFilterValue(text, i);
      i = next;
      const field = filter[1]?.toLowerCase() === 'tag' ? 'tag' : 'type';
      if (value) lexemes.push({ kind: 'filter', field, value });
      continue;
    }
    let end = i;
    while (end < text.length && !SEPARATORS.has(text.charAt(end))) end += 1;
    const word = text.slice(i, end);
    i = end;
    if (!negated && (word === 'OR' || word === 'TAI' || word === '|' || word === '||')) {
      lexemes.push({ kind: 'or' });
    } else if (!negated && (word === 'NOT' || word === 'EI')) {
      lexemes.push({ kind: 'not' });
    } else if (word === 'AND' || word === 'JA' || word === '&&') {
      // Implicit anyway; an explicit AND is only noise.
    } else if (/[\p{L}\p{N}]/u.test(word)) {
      lexemes.push({ kind: 'term', negated, node: wordNode(word) });
    }
  }
  return lexemes;
}

function readFilterValue(text: string, start: number): [string, number] {
  if (text.charAt(start) === '"') {
    const end = text.indexOf('"', start + 1);
    const value = text.slice(start + 1, end === -1 ? text.length : end);
    return [value.trim().slice(0, MAX_TERM_LENGTH), end === -1 ? text.length : end + 1];
  }
  let end = start;
  while (end < text.length && !SEPARATORS.has(text.charAt(end))) end += 1;
  return [text.slice(start, end).slice(0, MAX_TERM_LENGTH), end];
}

function phraseNode(text: string): PhraseNode {
  return { kind: 'phrase', text: text.slice(0, MAX_TERM_LENGTH) };
}

function wordNode(raw: string): WordNode {
  const explicitPrefix = /[\p{L}\p{N}]\*+$/u.test(raw);
  const text = raw.replace(/\*+$/, '').slice(0, MAX_TERM_LENGTH);
  return { kind: 'word', text, prefix: explicitPrefix ? 'explicit' : 'none' };
}

function assemble(lexemes: readonly Lexeme[], endsWithSpace: boolean): ParsedQuery {
  const include: ClauseNode[] = [];
  const exclude: TermNode[] = [];
  const tags: string[] = [];
  const types: string[] = [];
  let terms = 0;
  let truncated = false;
  let pendingOr = false;
  let pendingNot = false;
  // Index in `include` of the clause the last positive term went to, for `a OR b`.
  let lastIncluded = -1;

  for (const lexeme of lexemes) {
    switch (lexeme.kind) {
      case 'or':
        pendingOr = lastIncluded >= 0;
        continue;
      case 'not':
        pendingNot = true;
        continue;
      case 'filter':
        if (lexeme.field === 'tag') tags.push(lexeme.value);
        else types.push(lexeme.value.toLowerCase());
        continue;
      case 'term':
        break;
    }
    if (terms >= MAX_QUERY_TERMS) {
      truncated = true;
      continue;
    }
    terms += 1;
    if (lexeme.negated || pendingNot) {
      exclude.push(lexeme.node);
      pendingNot = false;
      pendingOr = false;
      lastIncluded = -1;
      continue;
    }
    const previous = include[lastIncluded];
    if (pendingOr && previous) {
      const items =
        previous.kind === 'or' ? [...previous.items, lexeme.node] : [previous, lexeme.node];
      include[lastIncluded] = { kind: 'or', items };
    } else {
      include.push(lexeme.node);
      lastIncluded = include.length - 1;
    }
    pendingOr = false;
  }

  markLastWordAsPrefix(include, lexemes, endsWithSpace);
  return { include, exclude, tags: dedupe(tags), types: dedupe(types), truncated };
}

/**
 * Search-as-you-type: the last word, when nothing follows it (not even a space), is probably
 * unfinished, so it matches as a prefix.
 */
function markLastWordAsPrefix(
  include: ClauseNode[],
  lexemes: readonly Lexeme[],
  endsWithSpace: boolean,
): void {
  const lastLexeme = lexemes[lexemes.length - 1];
  if (endsWithSpace || !lastLexeme || lastLexeme.kind !== 'term' || lastLexeme.negated) return;
  const index = include.length - 1;
  const last = include[index];
  if (!last) return;
  if (last.kind === 'word' && last === lastLexeme.node) {
    if (last.prefix === 'none') include[index] = { ...last, prefix: 'typing' };
  } else if (last.kind === 'or') {
    const items = [...last.items];
    const item = items[items.length - 1];
    if (item?.kind === 'word' && item === lastLexeme.node && item.prefix === 'none') {
      items[items.length - 1] = { ...item, prefix: 'typing' };
      include[index] = { kind: 'or', items };
    }
  }
}

function dedupe(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value.length > 0))];
}
