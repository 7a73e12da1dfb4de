import { type Command } from 'commander';
import { runMigrate, runSeed, withDatabase } from './db.js';

/**
 * `ake start`: what `pnpm start` runs. Prepares the database (migrations, then seed data on
 * first run) before the servers start, so a fresh clone comes up with content.
 */
export function registerStartCommand(program: Command, log: (line: string) => void): void {
  program
    .command('start')
    .description('Migrate and seed the database, then start the services')
    .action(() =>
      withDatabase(async (db) => {
        await runMigrate(db, log);
        await runSeed(db, log);
        log(`Database ready: ${db.config.get('dbName')}`);
      }),
    );
}
