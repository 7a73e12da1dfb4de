import { type Command } from 'commander';
import { systemActor } from '@ake/domain';
import {
  type Database,
  copyDatabase,
  migrate,
  openDatabase,
  parseDatabaseUrl,
  pendingMigrations,
  seed,
} from '@ake/domain/orm';

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

/** Where a database URL points, for people: the SQLite file, or PostgreSQL without a password. */
export function describeDatabase(url: string | undefined): string {
  const target = parseDatabaseUrl(url);
  if (target.driver === 'sqlite') return `SQLite ${target.path}`;
  const at = new URL(target.url);
  at.password = '';
  return `PostgreSQL ${at.host}${at.pathname}${target.schema ? ` (schema ${target.schema})` : ''}`;
}

/**
 * Copies every record of `from` into `to` (migrated here if needed; it must be empty), and
 * verifies the copy by counts and by identical exports.
 */
export async function runCopy(
  from: string,
  to: string,
  log: (line: string) => void,
): Promise<void> {
  const started = performance.now();
  const source = await openDatabase({ databaseUrl: from });
  try {
    const target = await openDatabase({ databaseUrl: to });
    try {
      const pending = await pendingMigrations(source);
      if (pending.length) {
        throw new Error(
          `The source has ${pending.length} pending migration(s): migrate it first (DATABASE_URL=${from} pnpm ake db migrate).`,
        );
      }
      log(`From: ${describeDatabase(from)}`);
      log(`To:   ${describeDatabase(to)}`);
      await runMigrate(target, log);
      const result = await copyDatabase(
        systemActor('ake db copy'),
        source.em.fork(),
        target.em.fork(),
      );
      if (!result.ok) {
        throw new Error(
          `Copy failed: ${result.errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
        );
      }
      for (const table of result.value.tables) {
        if (table.source > 0) log(`  ${table.name}: ${table.source} = ${table.target}`);
      }
      log(
        `Copied ${result.value.rows} rows in ${((performance.now() - started) / 1000).toFixed(1)} s: ` +
          "every table has the same count, and the export of the copy is identical to the source's.",
      );
    } finally {
      await target.close(true);
    }
  } finally {
    await source.close(true);
  }
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
        log(`Database ready: ${describeDatabase(process.env.DATABASE_URL)}`);
      }),
    );

  db.command('copy')
    .description(
      'Copy every record into another, empty database, e.g. from SQLite to PostgreSQL; verified by counts and identical exports',
    )
    .requiredOption('--from <url>', 'the database to copy (file:…, a path, or postgres://…)')
    .requiredOption('--to <url>', 'the empty database to copy into (migrated first if needed)')
    .action((options: { from: string; to: string }) => runCopy(options.from, options.to, log));

  db.command('status')
    .description('Show the database file and its pending migrations')
    .action(() =>
      withDatabase(async (d) => {
        log(`Database: ${describeDatabase(process.env.DATABASE_URL)}`);
        const pending = await pendingMigrations(d);
        log(
          pending.length ? `Pending migrations: ${pending.join(', ')}` : 'No pending migrations.',
        );
      }),
    );
}
