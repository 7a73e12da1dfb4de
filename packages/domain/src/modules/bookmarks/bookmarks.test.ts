import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, countRows, openTestDatabase } from '../../../test/database.js';
import { systemActor } from '../../shared/actor.js';
import { bookmarkFile } from '../../../test/bookmark-file.js';
import { parseNetscapeBookmarks } from './netscape.js';

const actor = systemActor('bookmarks test');

const FIREFOX = `<!DOCTYPE NETSCAPE-Bookmark-file-1>
<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=UTF-8">
<TITLE>Bookmarks</TITLE>
<H1>Bookmarks Menu</H1>
<DL><p>
    <DT><A HREF="place:sort=8&maxResults=10" ADD_DATE="1550000000">Most Visited</A>
    <DT><H3 ADD_DATE="1550000000">Kirjastot</H3>
    <DL><p>
        <DT><A HREF="https://www.kirjastot.fi/" ADD_DATE="1550000001" TAGS="portaali">Kirjastot.fi</A>
        <DD>Valtakunnallinen kirjastoportaali &amp; ammattikalenteri
        <DT><H3>Asiakaspalvelu</H3>
        <DL><p>
            <DT><A HREF="https://pikeextra.wordpress.com/2018/06/28/pike-asiakaspalvelututkimuksen-tuloksia/" ADD_DATE="1550000002">PiKe 🚌 tulokset</A>
            <DT><A HREF="https://www.kirjastot.fi/?utm_source=x">Kirjastot.fi uudelleen</A>
        </DL><p>
    </DL><p>
</DL><p>
`;

describe('bookmarks (Netscape format)', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  it('reads folders as tags, descriptions, and skips what is not http(s)', async () => {
    const result = await t.services().bookmarks.import(actor, FIREFOX);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value).toEqual({
      created: 2,
      duplicates: 1,
      skipped: ['line 6: place:sort=8&maxResults=10'],
    });
    const [resources] = await t
      .services()
      .resources.list({}, { limit: 10 }, { field: 'createdAt', direction: 'asc' });
    await t.db.em.fork().populate(resources, ['tags']);
    const byTitle = Object.fromEntries(resources.map((r) => [r.title, r]));
    expect(byTitle['Kirjastot.fi']!.description).toBe(
      'Valtakunnallinen kirjastoportaali & ammattikalenteri',
    );
    expect(byTitle['Kirjastot.fi']!.createdAt.toISOString()).toBe('2019-02-12T19:33:21.000Z');
    const pike = await t
      .services()
      .resources.findByUrl(
        'https://pikeextra.wordpress.com/2018/06/28/pike-asiakaspalvelututkimuksen-tuloksia/',
      );
    expect(pike?.title).toBe('PiKe 🚌 tulokset');
    const tags = await t.services().tags.list();
    expect(tags.map((x) => x.name).sort()).toEqual(['Asiakaspalvelu', 'Kirjastot', 'portaali']);
  });

  it('writes a file that reads back to the same bookmarks, and round-trips exactly', async () => {
    const first = await t.services().bookmarks.export();
    const parsed = parseNetscapeBookmarks(first);
    expect(parsed.map((b) => [b.title, [...b.tags].sort()])).toEqual(
      expect.arrayContaining([
        ['Kirjastot.fi', ['Kirjastot', 'portaali']],
        ['PiKe 🚌 tulokset', ['Asiakaspalvelu', 'Kirjastot']],
      ]),
    );
    const other = await openTestDatabase();
    try {
      const result = await other.services().bookmarks.import(actor, first);
      expect(result.ok && result.value.created).toBe(2);
      expect(await other.services().bookmarks.export()).toBe(first);
    } finally {
      await other.close();
    }
  });

  it('reports the line of a broken file and imports nothing', async () => {
    const before = await countRows(t.db, 'resource');
    const cases: [string, RegExp][] = [
      ['<html><body>ei kirjanmerkkejä</body></html>', /line 1: not a bookmark file/],
      [
        FIREFOX.replace(
          '<DT><A HREF="https://www.kirjastot.fi/" ADD_DATE="1550000001" TAGS="portaali">',
          '<DT><A ADD_DATE="1">',
        ),
        /line 9: a link \(<A>\) without HREF/,
      ],
      [FIREFOX.replace(/<\/DL><p>\n$/, ''), /not closed/],
      [FIREFOX + '</DL>\n', /line 18: <\/DL> without a matching <DL>/],
    ];
    for (const [html, message] of cases) {
      const result = await t
        .services()
        .bookmarks.import(actor, html.replace('https://pikeextra', 'https://uusi.example'));
      expect(!result.ok && result.errors[0]?.message).toMatch(message);
    }
    expect(await countRows(t.db, 'resource')).toBe(before);
  });

  // The 10 MB file is measured in `pnpm bench:bookmarks`; here a file of 450 links in three
  // folders proves the same path (folders become tags, one transaction, every link arrives).
  it('imports a file of many links in folders, each folder a tag', async () => {
    const file = bookmarkFile({ links: 450 });
    const db = await openTestDatabase();
    try {
      const result = await db.services().bookmarks.import(actor, file.html);
      if (!result.ok) throw new Error(JSON.stringify(result.errors));
      expect(result.value.created).toBe(450);
      expect(await countRows(db.db, 'resource')).toBe(450);
      expect(file.folders).toEqual(['Kansio 0', 'Kansio 1', 'Kansio 2']);
      const tags = (await db.services().tags.list()).map((tag) => tag.name);
      expect(tags).toEqual(expect.arrayContaining(['Kansio 0', 'Kansio 1', 'Kansio 2', 'tagi 29']));
      const again = await db.services().bookmarks.import(actor, file.html);
      expect(again.ok && again.value).toMatchObject({ created: 0, duplicates: 450 });
    } finally {
      await db.close();
    }
  });
});
