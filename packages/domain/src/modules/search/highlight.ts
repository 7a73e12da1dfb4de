/**
 * Highlighted titles and snippets, computed in TypeScript from the original text: the index
 * stores analysed terms (stems, folded), which are not fit to show. A word is highlighted when
 * any of its analysed terms (key, hyphen-joined form, compound parts) is a term of the query,
 * so `koulutus` marks "koulutuksia" and "asiakaspalvelukoulutus" alike.
 *
 * Matches are wrapped in STX (U+0002) … ETX (U+0003); those two characters are removed from the
 * text first, so the markers are unambiguous. The text is not HTML-escaped: a renderer splits on
 * the markers and outputs text nodes (or calls {@link highlightToHtml}).
 */
import { type Language, type Lexicon, type MatchPlan, analyse } from '@ake/search';
import { HIGHLIGHT_END, HIGHLIGHT_START } from './search-index.js';

/** The positive terms of a compiled query: exact terms and prefixes. */
export interface QueryTerms {
  exact: Set<string>;
  prefixes: string[];
}

export function queryTerms(plan: MatchPlan | null): QueryTerms {
  const terms: QueryTerms = { exact: new Set(), prefixes: [] };
  const visit = (node: MatchPlan): void => {
    switch (node.kind) {
      case 'phrase':
        node.terms.forEach((term, i) => {
          if (node.prefix && i === node.terms.length - 1) terms.prefixes.push(term);
          else terms.exact.add(term);
        });
        return;
      case 'and':
      case 'or':
        node.items.forEach(visit);
        return;
      case 'not':
        visit(node.include);
        return;
      case 'field':
        visit(node.item);
        return;
    }
  };
  if (plan) visit(plan);
  return terms;
}

const WORD = /[\p{L}\p{N}]+(?:['\u2019\u02BC-][\p{L}\p{N}]+)*/gu;
const SNIPPET_LENGTH = 200;
const WORDS_BEFORE = 8;

interface Word {
  start: number;
  end: number;
  hit: boolean;
}

/** Finds words of `text` and whether each matches, stopping early once enough is known. */
class Matcher {
  private readonly cache = new Map<string, boolean>();

  constructor(
    private readonly terms: QueryTerms,
    private readonly language: Language,
    private readonly lexicon: Lexicon | undefined,
  ) {}

  get empty(): boolean {
    return this.terms.exact.size === 0 && this.terms.prefixes.length === 0;
  }

  matches(word: string): boolean {
    const lower = word.toLowerCase();
    let hit = this.cache.get(lower);
    if (hit === undefined) {
      const analysed = analyse(lower, { language: this.language, lexicon: this.lexicon }).terms;
      hit = analysed.some(
        (term) => this.terms.exact.has(term) || this.terms.prefixes.some((p) => term.startsWith(p)),
      );
      this.cache.set(lower, hit);
    }
    return hit;
  }

  words(text: string, limit = Infinity): Word[] {
    const words: Word[] = [];
    for (const m of text.matchAll(WORD)) {
      const start = m.index ?? 0;
      words.push({ start, end: start + m[0].length, hit: !this.empty && this.matches(m[0]) });
      if (words.length >= limit) break;
    }
    return words;
  }
}

function mark(text: string, words: readonly Word[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const word of words) {
    if (!word.hit || word.start < from || word.end > to) continue;
    out +=
      text.slice(at, word.start) +
      HIGHLIGHT_START +
      text.slice(word.start, word.end) +
      HIGHLIGHT_END;
    at = word.end;
  }
  return out + text.slice(at, to);
}

/** Builds titles and snippets for one query. */
export class Highlighter {
  private readonly matchers = new Map<Language, Matcher>();

  constructor(
    private readonly terms: QueryTerms,
    private readonly lexicons: Partial<Record<Language, Lexicon>>,
  ) {}

  private matcher(language: Language): Matcher {
    let matcher = this.matchers.get(language);
    if (!matcher) {
      matcher = new Matcher(this.terms, language, this.lexicons[language]);
      this.matchers.set(language, matcher);
    }
    return matcher;
  }

  /** The whole text with its matching words marked. */
  highlight(text: string, language: Language): string {
    const clean = stripMarkers(text);
    const words = this.matcher(language).words(clean, 200);
    return mark(clean, words, 0, clean.length);
  }

  /**
   * About {@link SNIPPET_LENGTH} characters around the first matching word (from the start when
   * none matches), cut at word boundaries, with "…" where text was left out.
   */
  snippet(text: string, language: Language): string {
    const clean = stripMarkers(text).replace(/\s+/g, ' ').trim();
    if (!clean) return '';
    const matcher = this.matcher(language);
    const words: Word[] = [];
    let first = -1;
    for (const m of clean.matchAll(WORD)) {
      const start = m.index ?? 0;
      const hit = !matcher.empty && matcher.matches(m[0]);
      words.push({ start, end: start + m[0].length, hit });
      if (hit && first === -1) first = words.length - 1;
      // Enough read once the window after the first match is full.
      if (first !== -1) {
        const from = words[Math.max(0, first - WORDS_BEFORE)]?.start ?? 0;
        if (start + m[0].length - from > SNIPPET_LENGTH) break;
      }
    }
    const anchorWord = first === -1 ? words[0] : words[Math.max(0, first - WORDS_BEFORE)];
    const from = first === -1 || !anchorWord ? 0 : anchorWord.start;
    let to = Math.min(clean.length, from + SNIPPET_LENGTH);
    if (to < clean.length) {
      const cut = words.filter((w) => w.end <= to && w.start >= from).pop();
      if (cut) to = cut.end;
    }
    const body = mark(clean, words, from, to);
    return `${from > 0 ? '…' : ''}${body}${to < clean.length ? '…' : ''}`;
  }
}

/** The text without highlight markers, so that the ones added are unambiguous. */
function stripMarkers(text: string): string {
  return text.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** A highlighted text as safe HTML: everything escaped, matches in `<mark>`. */
export function highlightToHtml(text: string): string {
  return text
    .replace(/[&<>"']/g, (ch) => HTML_ESCAPES[ch] ?? ch)
    .replaceAll(HIGHLIGHT_START, '<mark>')
    .replaceAll(HIGHLIGHT_END, '</mark>');
}
