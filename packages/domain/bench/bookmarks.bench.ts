/**
 * Importing a large browser bookmark file: `pnpm bench:bookmarks [megabytes=10]`. Builds a
 * temporary SQLite database with the real migrations (or a throwaway PostgreSQL schema when
 * TEST_DATABASE_URL names one), imports a generated file of at least that size in one
 * transaction, and prints the size, the links, the time and the rate. It checks that every link
 * arrived, and exits non-zero otherwise. (It was a test once; on a loaded 2-core machine it took
 * minutes, so it is measured here instead.)
 */
import { systemActor } from '../src/shared/actor.js';
import { bookmarkFile } from '../test/bookmark-file.js';
import { countRows, openTestDatabase } from '../test/database.js';

const megabytes = Number(process.argv[2] ?? 10);
const file = bookmarkFile({ minBytes: megabytes * 1024 * 1024 });
const db = await openTestDatabase();
try {
  const started = performance.now();
  const result = await db
    .services()
    .bookmarks.import(systemActor('bookmarks benchmark'), file.html);
  const seconds = (performance.now() - started) / 1000;
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  const rows = await countRows(db.db, 'resource');
  console.log(
    `bookmarks: ${(file.html.length / 1048576).toFixed(1)} MB, ${file.links} links in ${file.folders.length} folders: ` +
      `imported ${result.value.created} in ${seconds.toFixed(1)} s (${Math.round(result.value.created / seconds)} links/s)`,
  );
  if (result.value.created !== file.links || rows !== file.links) {
    console.error(`expected ${file.links} links, created ${result.value.created}, rows ${rows}`);
    process.exitCode = 1;
  }
} finally {
  await db.close();
}
