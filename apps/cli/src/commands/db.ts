import { type Command } from 'commander';
import { type Database, migrate, openDatabase, pendingMigrations, seed } from '@ake/domain/orm';

/** Opens the configured database, runs `work`, and always closes it. */
export async function withDatabase<T>(work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase();
  try {
    return await work(db);
  } finally {
    await db.close(true);
  }
}

/** Brings the schema up to date and prints what ran. */
export async function runMigrate(db: Database, log: (line: string) => void): Promise<void> {
  const applied = await migrate(db);
  log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'The database is up to date.',
  );
}

/** Seeds the database (idempotent) and prints what was created. */
export async function runSeed(db: Database, log: (line: string) => void): Promise<void> {
  const pending = await pendingMigrations(db);
  if (pending.length) {
    throw new Error(
      `The database has ${pending.length} pending migration(s): run \`pnpm ake db migrate\` first.`,
    );
  }
  const report = await seed(db.em.fork());
  const created = Object.entries(report).filter(([, n]) => n > 0);
  log(
    created.length
      ? `Seeded: ${created.map(([kind, n]) => `${n} ${kind}`).join(', ')}.`
      : 'Seed data already present: nothing to add.',
  );
}

/** `ake db …`: the database's schema and seed data. */
export function registerDbCommands(program: Command, log: (line: string) => void): void {
  const db = program.command('db').description('The database: migrations, seed data, status');

  db.command('migrate')
    .description('Run the committed migrations that have not run yet')
    .action(() => withDatabase((d) => runMigrate(d, log)));

  db.command('seed')
    .description(
      'Add the seed data (the region and the 11.3.2019 memo); running it again changes nothing',
    )
    .action(() => withDatabase((d) => runSeed(d, log)));

  db.command('setup')
    .description('Migrate, then seed an empty database: what `pnpm start` runs before the servers')
    .action(() =>
      withDatabase(async (d) => {
        await runMigrate(d, log);
        await runSeed(d, log);
        log(`Database ready: ${String(d.config.get('dbName'))}`);
      }),
    );

  db.command('status')
    .description('Show the database file and its pending migrations')
    .action(() =>
      withDatabase(async (d) => {
        log(`Database: ${d.config.get('dbName')}`);
        const pending = await pendingMigrations(d);
        log(
          pending.length ? `Pending migrations: ${pending.join(', ')}` : 'No pending migrations.',
        );
      }),
    );
}
