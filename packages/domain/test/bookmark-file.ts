/**
 * A browser bookmark file (Netscape format) of generated links in folders: a small one for the
 * tests, a 10 MB one for the benchmark (`pnpm bench:bookmarks`).
 */
export interface BookmarkFile {
  html: string;
  /** How many links it holds. */
  links: number;
  /** The folder names, which an import turns into tags. */
  folders: string[];
}

/** Links in folders of 200 until the file holds `links` links or reaches `minBytes`. */
export function bookmarkFile(options: { links?: number; minBytes?: number }): BookmarkFile {
  const maxLinks = options.links ?? Number.POSITIVE_INFINITY;
  const minBytes = options.minBytes ?? 0;
  const lines = ['<!DOCTYPE NETSCAPE-Bookmark-file-1>', '<DL><p>'];
  const folders = new Set<string>();
  let bytes = 0;
  let i = 0;
  const push = (line: string) => {
    lines.push(line);
    bytes += line.length + 1;
  };
  while (i < maxLinks && (options.links !== undefined || bytes < minBytes)) {
    const folder = `Kansio ${folders.size % 50}`;
    folders.add(folder);
    push(`<DT><H3>${folder}</H3>`);
    push('<DL><p>');
    for (let j = 0; j < 200 && i < maxLinks; j++, i++) {
      push(
        `<DT><A HREF="https://example.org/kirjasto/${i}?aihe=asiakaspalvelu" ADD_DATE="${1500000000 + i}" TAGS="tagi ${i % 30}">Kirjanmerkki ${i}: kirjastojen asiakaspalvelu ja kyläily</A>`,
      );
      push(
        `<DD>Kuvaus ${i}: työvierailut, mentorointi ja vertaisoppiminen Pohjois-Pohjanmaan ja Kainuun kirjastoissa.`,
      );
    }
    push('</DL><p>');
  }
  push('</DL><p>');
  return { html: lines.join('\n'), links: i, folders: [...folders] };
}
