import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Command } from 'commander';
import { systemActor } from '@ake/domain';
import { createServices } from '@ake/domain/orm';
import { withDatabase } from './db.js';

/** `ake import bookmarks` and `ake bookmarks export`: Netscape bookmark files, as browsers use. */
export function registerBookmarkCommands(program: Command, log: (line: string) => void): void {
  const imports = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imports
    .command('bookmarks')
    .description('Import a bookmark file (Netscape HTML, as browsers export): folders become tags')
    .argument('<file>', 'the bookmarks .html file')
    .action((file: string) =>
      withDatabase(async (db) => {
        const result = await createServices(db.em.fork()).bookmarks.import(
          systemActor('cli import bookmarks'),
          readFileSync(file, 'utf8'),
        );
        if (!result.ok)
          throw new Error(
            `${file}: ${result.errors.map((e) => e.message).join('; ')}; nothing was imported`,
          );
        const { created, duplicates, skipped } = result.value;
        log(
          `Imported ${created} links; ${duplicates} already saved or listed twice; ${skipped.length} not http(s).`,
        );
        for (const line of skipped.slice(0, 20)) log(`  skipped ${line}`);
      }),
    );

  program
    .command('bookmarks')
    .description('Bookmark files')
    .command('export')
    .description(
      'Write every link as a bookmark file that browsers and Linkwarden import: tags become folders',
    )
    .requiredOption('--out <file>', 'the .html file to write')
    .action((options: { out: string }) =>
      withDatabase(async (db) => {
        const html = await createServices(db.em.fork()).bookmarks.export();
        mkdirSync(dirname(resolve(options.out)), { recursive: true });
        writeFileSync(options.out, html);
        log(`Wrote ${options.out}.`);
      }),
    );
}
