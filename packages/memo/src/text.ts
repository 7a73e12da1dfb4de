// Text clean-up shared by the parsers: memos arrive from Word, e-mail and Markdown editors,
// each with its own whitespace, escapes and emphasis markers.

/**
 * Line endings to \n, no BOM, non-breaking and other odd spaces to plain spaces, control
 * characters dropped — so every later regex can assume ordinary text.
 */
export function normaliseText(raw: string): string {
  return (
    raw
      .replace(/^\uFEFF/u, '')
      .replace(/\r\n?/gu, '\n')
      .replace(/[\u00A0\u2007\u202F\u2000-\u200A]/gu, ' ')
      .replace(/[\u200B-\u200D\u2060]/gu, '')
      .replace(/\t/gu, '    ')
      // eslint-disable-next-line no-control-regex -- dropping control characters is the point
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '')
  );
}

const ESCAPABLE = '!"#$%&\'()*+,\\-./:;<=>?@\\[\\]^_`{|}~';
// One or two backslashes: editors that escape twice (the seed memo's `language\\_content`) exist.
const ESCAPE_RE = new RegExp(`\\\\{1,2}([${ESCAPABLE}])`, 'gu');

/** Undoes Markdown backslash escapes (`\_`, `\\_`, `\.`, `\-` …) so URLs and names are literal. */
export function unescapeMarkdown(text: string): string {
  return text.replace(ESCAPE_RE, '$1');
}

/** Removes bold and italic markers but keeps underscores inside words and URLs. */
export function stripEmphasis(text: string): string {
  return text
    .replace(/(?<!\\)\*\*/gu, '')
    .replace(/(?<![\p{L}\p{N}\\])__|__(?![\p{L}\p{N}])/gu, '')
    .replace(/(?<![\p{L}\p{N}*\\])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\p{L}\p{N}*])/gu, '$1');
}

/** Collapses runs of whitespace; memos converted from Word are full of double spaces. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** True when the text looks like a person's name: two to four capitalised words. */
export function looksLikePersonName(text: string): boolean {
  return /^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*(?:\s+(?:von\s+|af\s+|de\s+)?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}?[\p{Ll}'’]+)*){1,3}$/u.test(
    text.trim(),
  );
}
