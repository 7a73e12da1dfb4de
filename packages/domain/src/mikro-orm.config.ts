/**
 * Database configuration. The driver is chosen by `DATABASE_URL`: a path or `file:` URL selects
 * the embedded SQLite default; PostgreSQL is the planned second driver and will be selected by
 * `postgres://` without changes elsewhere, since services only see the EntityManager.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlushMode, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { BetterSqliteDriver } from '@mikro-orm/better-sqlite';
import { entities } from './entities.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { SearchIndexSubscriber } from './modules/search/search-subscriber.js';

/** How long a connection waits for another writer before giving up (SQLite `busy_timeout`). */
export const BUSY_TIMEOUT_MS = 5_000;

/** The folder holding `pnpm-workspace.yaml` above `start`, or `start` itself. */
export function findProjectRoot(start = process.cwd()): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return resolve(start);
    dir = parent;
  }
}

export type DatabaseTarget = { driver: 'sqlite'; path: string };

/**
 * Reads a database URL: `file:data/ake.sqlite`, `file:///abs/path.sqlite`, or a plain path.
 * Relative paths are relative to the project root, so every command means the same file
 * whatever folder it runs in. The default is `data/ake.sqlite`.
 */
export function parseDatabaseUrl(
  url: string | undefined,
  root = findProjectRoot(),
): DatabaseTarget {
  const value = (url ?? '').trim() || 'file:data/ake.sqlite';
  if (/^postgres(ql)?:\/\//i.test(value)) {
    throw new Error(
      'DATABASE_URL points at PostgreSQL, which is not supported yet: use a SQLite file path or file: URL',
    );
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('file://')) {
    throw new Error(`DATABASE_URL has an unknown scheme: ${value.split(':')[0]}`);
  }
  let path = value;
  if (value.startsWith('file://')) path = fileURLToPath(value);
  else if (value.startsWith('file:')) path = value.slice('file:'.length);
  else if (value.startsWith('sqlite:')) path = value.slice('sqlite:'.length);
  if (path === ':memory:') return { driver: 'sqlite', path };
  return { driver: 'sqlite', path: isAbsolute(path) ? path : resolve(root, path) };
}

export interface OrmConfigOptions {
  /** Overrides `DATABASE_URL`. */
  databaseUrl?: string;
  /** Logs every SQL statement (or pass a function to receive them, e.g. to count them). */
  debug?: boolean;
  logger?: (message: string) => void;
}

/** A better-sqlite3 connection, as knex hands it to `afterCreate`. */
type SqliteConnection = { exec(sql: string): void };

/** The MikroORM options for the configured database. */
export function createOrmConfig(options: OrmConfigOptions = {}): Options<BetterSqliteDriver> {
  const target = parseDatabaseUrl(options.databaseUrl ?? process.env.DATABASE_URL);
  return {
    driver: BetterSqliteDriver,
    dbName: target.path,
    entities,
    extensions: [Migrator],
    // Keeps the search index in the transaction of every write (see docs/search.md).
    subscribers: [new SearchIndexSubscriber()],
    forceUtcTimezone: true,
    // Writes flush when a service says so (end of its transaction), never implicitly before a
    // query: an edit is then exactly one UPDATE, which the version check relies on.
    flushMode: FlushMode.COMMIT,
    // Relations are loaded explicitly (populate) so that reads stay predictable.
    forceEntityConstructor: false,
    strict: true,
    ignoreUndefinedInQuery: true,
    debug: options.debug ?? Boolean(options.logger),
    ...(options.logger ? { logger: options.logger } : {}),
    pool: {
      min: 1,
      max: 1,
      // WAL lets readers go on while one writer writes; foreign keys are off by default in SQLite;
      // the busy timeout makes a second process wait for the lock instead of failing at once.
      afterCreate(connection: SqliteConnection, done: (err: Error | null, c: unknown) => void) {
        try {
          connection.exec(
            `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = NORMAL;`,
          );
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: sqliteMigrations,
      path: fileURLToPath(new URL('./migrations/sqlite', import.meta.url)),
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      emit: 'ts',
      silent: true,
    },
  };
}
