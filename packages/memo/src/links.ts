// Links come as <url>, [text](url) or bare in running text; Word-to-Markdown converters add
// backslash escapes inside them. One scanner serves both extraction and clean-up so the two
// never disagree about where a link starts and ends.
import type { MemoLink } from './types.js';
import { collapseSpaces, stripEmphasis, unescapeMarkdown } from './text.js';

// Alternatives, leftmost wins: [text](url "title"), <url>, bare http(s):// or www.
const LINK_RE =
  /\[([^\]\n]{0,1000})\]\(\s*<?((?:https?:\/\/|www\.|mailto:)[^\s()<>]*(?:\([^\s()<>]*\)[^\s()<>]*)*)>?(?:\s+"[^"\n]*")?\s*\)|<((?:https?:\/\/|www\.)[^\s<>]+)>|(?<![\p{L}\p{N}/@.\\-])((?:https?:\/\/|www\.)[^\s<>"\]]+)/giu;

/** A piece of text that is either plain or a link. */
export type LinkSegment =
  { kind: 'text'; text: string } | { kind: 'link'; url: string; label: string | null; raw: string };

/**
 * Drops punctuation that ends the sentence rather than the URL ("…/pike-kirja/).", "…fi,").
 * A closing parenthesis stays when the URL opened one itself (Wikipedia-style URLs).
 */
export function trimBareUrl(url: string): string {
  let result = url;
  for (;;) {
    const last = result.at(-1);
    if (last === undefined) return result;
    if ('.,;:!?\'"»”’*'.includes(last)) {
      result = result.slice(0, -1);
      continue;
    }
    if (last === ')' || last === ']' || last === '}') {
      const open = last === ')' ? '(' : last === ']' ? '[' : '{';
      const opens = result.split(open).length - 1;
      const closes = result.split(last).length - 1;
      if (closes > opens) {
        result = result.slice(0, -1);
        continue;
      }
    }
    return result;
  }
}

/** Makes a link target absolute and literal: escapes undone, `www.` given https://. */
export function normaliseUrl(url: string): string {
  const literal = unescapeMarkdown(url.trim());
  return /^www\./iu.test(literal) ? `https://${literal}` : literal;
}

function sameAsUrl(label: string, url: string): boolean {
  const strip = (value: string): string =>
    value
      .toLowerCase()
      .replace(/^(?:https?:\/\/)?(?:www\.)?/u, '')
      .replace(/\/$/u, '');
  return strip(label) === strip(url);
}

/** Splits text into plain pieces and links, with escapes in URLs and labels undone. */
export function segmentLinks(text: string): LinkSegment[] {
  const segments: LinkSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK_RE)) {
    const [whole, mdLabel, mdUrl, angleUrl, bareUrl] = match;
    let raw = whole;
    let url: string;
    let label: string | null = null;
    if (mdUrl !== undefined) {
      url = normaliseUrl(mdUrl);
      const cleanLabel = collapseSpaces(unescapeMarkdown(stripEmphasis(mdLabel ?? '')));
      label = cleanLabel === '' || sameAsUrl(cleanLabel, url) ? null : cleanLabel;
    } else if (angleUrl !== undefined) {
      url = normaliseUrl(angleUrl);
    } else {
      raw = trimBareUrl(bareUrl ?? '');
      url = normaliseUrl(raw);
    }
    if (match.index > last) segments.push({ kind: 'text', text: text.slice(last, match.index) });
    segments.push({ kind: 'link', url, label, raw });
    last = match.index + raw.length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return segments;
}

/** All links in the text in order of appearance (duplicates kept; see {@link dedupeLinks}). */
export function findLinks(text: string): MemoLink[] {
  return segmentLinks(text).flatMap((segment) =>
    segment.kind === 'link' && !segment.url.toLowerCase().startsWith('mailto:')
      ? [{ url: segment.url, text: segment.label }]
      : [],
  );
}

/**
 * One entry per URL, first appearance first. A link written once bare and once with a
 * label keeps the label, since the label is the better title.
 */
export function dedupeLinks(links: readonly MemoLink[]): MemoLink[] {
  const byUrl = new Map<string, MemoLink>();
  for (const link of links) {
    const existing = byUrl.get(link.url);
    if (!existing) byUrl.set(link.url, { url: link.url, text: link.text });
    else if (existing.text === null && link.text !== null) existing.text = link.text;
  }
  return [...byUrl.values()];
}

/**
 * Replaces link markup with readable text: `[label](url)` → `label (url)`, `<url>` and a
 * label equal to its URL → the URL. Also removes emphasis and escapes from the rest.
 */
export function cleanInlineMarkup(text: string): string {
  const parts = segmentLinks(text).map((segment) => {
    if (segment.kind === 'text') return unescapeMarkdown(stripEmphasis(segment.text));
    return segment.label === null ? segment.url : `${segment.label} (${segment.url})`;
  });
  return collapseSpaces(parts.join(''));
}
