/**
 * The Netscape bookmark file format: what every browser, Linkwarden, linkding and Karakeep
 * export and import. A small, strict-enough reader (structure errors name their line) and a
 * writer whose output the reader turns back into the same bookmarks.
 */

export interface Bookmark {
  url: string;
  title: string;
  description: string | null;
  /** Folder names on the way to the bookmark, then the TAGS attribute's tags. */
  tags: string[];
  /** ADD_DATE, when given (seconds since 1970). */
  addDate: number | null;
  /** Line of the `<A>` in the file, 1-based. */
  line: number;
}

/** A file that is not a bookmark file, or is broken; `line` is 1-based. */
export class BookmarkFileError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`line ${line}: ${message}`);
    this.name = 'BookmarkFileError';
  }
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  '#39': "'",
};

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X'))
      return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#') && name !== '#39') return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

function encode(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

function attribute(tag: string, name: string): string | null {
  const match = new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  if (!match) return null;
  return decode(match[2] ?? match[3] ?? match[4] ?? '');
}

/** Tags in order, each once whatever its case. */
function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLocaleLowerCase('fi');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Reads a bookmark file. Folders (`<H3>`) become tags of everything inside them. Throws a
 * `BookmarkFileError` naming the line for anything broken: no bookmark header, a link without
 * an address, folders opened and closed out of step.
 */
export function parseNetscapeBookmarks(html: string): Bookmark[] {
  const lines = html.split(/\r\n|\n|\r/);
  if (!/<!DOCTYPE\s+NETSCAPE-Bookmark-file-1>/i.test(lines.slice(0, 5).join('\n'))) {
    throw new BookmarkFileError(1, 'not a bookmark file (no <!DOCTYPE NETSCAPE-Bookmark-file-1>)');
  }
  const bookmarks: Bookmark[] = [];
  const folders: string[] = [];
  let pendingFolder: string | null = null;
  let depth = 0;
  let last: Bookmark | null = null;
  const token = /<(\/?)(dl|h3|a|dd)\b([^>]*)>|<\/(a|h3)>/gi;
  for (const [index, raw] of lines.entries()) {
    const lineNo = index + 1;
    token.lastIndex = 0;
    let match: RegExpExecArray | null;
    while ((match = token.exec(raw))) {
      const closing = match[1] === '/';
      const name = (match[2] ?? match[4] ?? '').toLowerCase();
      if (name === 'dl' && !closing) {
        depth++;
        // The first <DL> is the file's root; each later one opens the folder named just before.
        if (depth > 1) folders.push(pendingFolder ?? '');
        pendingFolder = null;
      } else if (name === 'dl' && closing) {
        if (depth === 0) throw new BookmarkFileError(lineNo, '</DL> without a matching <DL>');
        if (depth > 1) folders.pop();
        depth--;
      } else if (name === 'h3' && !closing) {
        const end = raw.indexOf('</', token.lastIndex);
        pendingFolder = decode(raw.slice(token.lastIndex, end < 0 ? undefined : end)).trim();
        last = null;
      } else if (name === 'a' && !closing) {
        const tag = match[0];
        const href = attribute(tag, 'href');
        if (!href) throw new BookmarkFileError(lineNo, 'a link (<A>) without HREF');
        const end = raw.toLowerCase().indexOf('</a>', token.lastIndex);
        const title = decode(
          raw.slice(token.lastIndex, end < 0 ? undefined : end).replace(/<[^>]*>/g, ''),
        ).trim();
        const tags = (attribute(tag, 'tags') ?? '')
          .split(',')
          .map((t) => t.trim())
          .filter(Boolean);
        const addDate = Number(attribute(tag, 'add_date'));
        last = {
          url: href.trim(),
          title: title || href.trim(),
          description: null,
          tags: uniqueTags([...folders.filter(Boolean), ...tags]),
          addDate: Number.isFinite(addDate) && addDate > 0 ? addDate : null,
          line: lineNo,
        };
        bookmarks.push(last);
      } else if (name === 'dd' && !closing && last) {
        const text = decode(raw.slice(token.lastIndex).replace(/<[^>]*>/g, '')).trim();
        if (text) last.description = text;
      }
    }
  }
  if (depth !== 0)
    throw new BookmarkFileError(lines.length, `${depth} folder(s) opened with <DL> are not closed`);
  return bookmarks;
}

export interface ExportedBookmark {
  url: string;
  title: string;
  description: string | null;
  tags: string[];
  addDate: number;
}

/**
 * Writes a bookmark file: each bookmark inside the folder of its first tag (untagged ones at
 * the top), with all its tags in TAGS, so that reading it back gives the same tags.
 */
export function renderNetscapeBookmarks(
  bookmarks: ExportedBookmark[],
  title = 'AKE-tietopankki',
): string {
  const out = [
    '<!DOCTYPE NETSCAPE-Bookmark-file-1>',
    '<!-- This is an automatically generated file. It will be read and overwritten. DO NOT EDIT! -->',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">',
    `<TITLE>${encode(title)}</TITLE>`,
    `<H1>${encode(title)}</H1>`,
    '<DL><p>',
  ];
  const line = (b: ExportedBookmark, indent: string) => {
    out.push(
      `${indent}<DT><A HREF="${encode(b.url)}" ADD_DATE="${b.addDate}"${b.tags.length ? ` TAGS="${encode(b.tags.join(','))}"` : ''}>${encode(b.title)}</A>`,
    );
    if (b.description) out.push(`${indent}<DD>${encode(b.description.replace(/\s*\n\s*/g, ' '))}`);
  };
  const byFolder = new Map<string, ExportedBookmark[]>();
  for (const b of bookmarks) {
    if (!b.tags.length) line(b, '    ');
    else byFolder.set(b.tags[0]!, [...(byFolder.get(b.tags[0]!) ?? []), b]);
  }
  for (const [folder, items] of [...byFolder].sort(([a], [b]) => a.localeCompare(b, 'fi'))) {
    out.push(`    <DT><H3>${encode(folder)}</H3>`, '    <DL><p>');
    for (const b of items) line(b, '        ');
    out.push('    </DL><p>');
  }
  out.push('</DL><p>', '');
  return out.join('\n');
}
