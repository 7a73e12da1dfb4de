import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { type Command } from 'commander';
import { systemActor } from '@ake/domain';
import { createServices, findProjectRoot, parseDatabaseUrl } from '@ake/domain/orm';
import { withDatabase } from './db.js';

/** `ake export`, `ake import backup`, `ake db backup`: data that can't be lost. */
export function registerBackupCommands(program: Command, log: (line: string) => void): void {
  program
    .command('export')
    .description('Write everything (but API tokens and password hashes) as a versioned JSON backup')
    .requiredOption('--out <file>', 'the file to write')
    .action((options: { out: string }) =>
      withDatabase(async (db) => {
        const text = await createServices(db.em.fork()).backup.exportText(
          systemActor('cli export'),
        );
        mkdirSync(dirname(resolve(options.out)), { recursive: true });
        writeFileSync(options.out, text);
        log(`Wrote ${options.out} (${Buffer.byteLength(text)} bytes).`);
      }),
    );

  const imports = program.commands.find((c) => c.name() === 'import') ?? program.command('import');
  imports
    .command('backup')
    .description('Restore a JSON backup into an empty, migrated database, all or nothing')
    .argument('<file>', 'a file written by `ake export`')
    .action((file: string) =>
      withDatabase(async (db) => {
        let input: unknown;
        try {
          input = JSON.parse(readFileSync(file, 'utf8'));
        } catch (error) {
          throw new Error(
            `${file} is not JSON: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        const result = await createServices(db.em.fork()).backup.import(
          systemActor('cli import backup'),
          input,
          {
            onProgress: (table, done) => log(`  ${table}: ${done} rows`),
          },
        );
        if (!result.ok)
          throw new Error(result.errors.map((e) => `${e.field}: ${e.message}`).join('; '));
        log(`Restored ${result.value.rows} rows from ${file}.`);
      }),
    );

  const dbCommand = program.commands.find((c) => c.name() === 'db');
  dbCommand
    ?.command('backup')
    .description(
      'Copy the SQLite database to a file while the server runs (VACUUM INTO: consistent); ' +
        'SQLite only: back PostgreSQL up with pg_dump',
    )
    .option('--out <file>', 'the file to write (default data/backups/ake-<time>.sqlite)')
    .action(async (options: { out?: string }) => {
      // A file copy is a SQLite mechanism: PostgreSQL has its own tool, which knows its server.
      const target = parseDatabaseUrl(process.env.DATABASE_URL);
      if (target.driver === 'postgresql') {
        throw new Error(
          '`ake db backup` copies a SQLite database file, and DATABASE_URL names PostgreSQL: ' +
            `use pg_dump instead (pg_dump --format=custom${
              target.schema ? ` --schema=${target.schema}` : ''
            } …), or \`pnpm ake export\` for a JSON backup of the data.`,
        );
      }
      await withDatabase(async (db) => {
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        const out = resolve(options.out ?? `${findProjectRoot()}/data/backups/ake-${stamp}.sqlite`);
        mkdirSync(dirname(out), { recursive: true });
        // VACUUM INTO takes a consistent snapshot even while other connections write; the
        // file name is a bound value like any other.
        await db.em.getConnection().execute('vacuum into ?', [out], 'run');
        log(`Wrote ${out}.`);
      });
    });
}
