/**
 * Database configuration. The driver is chosen by `DATABASE_URL`: a path or `file:` URL selects
 * the embedded SQLite default, `postgres://…` selects PostgreSQL. Nothing else changes: services
 * only see the EntityManager, and the few raw SQL statements (search index, vocabulary, backup)
 * ask the connection's platform which dialect to speak.
 */
import { existsSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FlushMode, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { entities } from './entities.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { SearchIndexSubscriber } from './modules/search/search-subscriber.js';
import { PostgreSqlDriver, SqliteDriver } from './shared/bound-parameters.js';
import { sqlIdentifier } from './shared/dialect.js';

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

export type DatabaseTarget =
  | { driver: 'sqlite'; path: string }
  | {
      driver: 'postgresql';
      /** The connection URL without the `schema` parameter. */
      url: string;
      /** The schema to use (`?schema=name`); the server's default search path when null. */
      schema: string | null;
    };

/** A PostgreSQL schema name we accept: plain lower-case identifiers only. */
const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Reads a database URL: `file:data/ake.sqlite`, `file:///abs/path.sqlite`, or a plain path for
 * SQLite; `postgres://user@host:5432/db` (or `postgresql://`) for PostgreSQL, optionally with
 * `?schema=name` to keep the tables in a schema of their own. Relative SQLite paths are relative
 * to the project root, so every command means the same file whatever folder it runs in. The
 * default is `data/ake.sqlite`.
 */
export function parseDatabaseUrl(
  url: string | undefined,
  root = findProjectRoot(),
): DatabaseTarget {
  const value = (url ?? '').trim() || 'file:data/ake.sqlite';
  if (/^postgres(ql)?:\/\//i.test(value)) {
    let parsed: URL;
    try {
      parsed = new URL(value);
    } catch {
      throw new Error('DATABASE_URL is not a valid PostgreSQL URL (postgres://user@host:5432/db)');
    }
    const schema = parsed.searchParams.get('schema');
    if (schema !== null && !SCHEMA_NAME.test(schema)) {
      throw new Error(
        `DATABASE_URL has an invalid schema "${schema}": use lower-case letters, digits and _`,
      );
    }
    parsed.searchParams.delete('schema');
    if (!parsed.pathname || parsed.pathname === '/') {
      throw new Error('DATABASE_URL names no PostgreSQL database (postgres://host:5432/db)');
    }
    return { driver: 'postgresql', url: parsed.toString(), schema };
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
/** A node-postgres client, as knex hands it to `afterCreate`. */
type PgConnection = { query(sql: string, callback: (err: Error | null) => void): void };
type Done = (err: Error | null, connection: unknown) => void;

/** Connections per process to PostgreSQL (`DATABASE_POOL_SIZE`, default 10; see docs/operations.md). */
export function postgresPoolSize(env: NodeJS.ProcessEnv = process.env): number {
  const size = Number(env.DATABASE_POOL_SIZE ?? 10);
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw new Error('DATABASE_POOL_SIZE must be a whole number from 1 to 100');
  }
  return size;
}

/** SQLite's `synchronous` settings we accept in WAL mode (see `sqliteSynchronous`). */
export type SqliteSynchronous = 'FULL' | 'NORMAL';

/**
 * When SQLite waits for the disk (`SQLITE_SYNCHRONOUS`, see docs/operations.md). `full`, the
 * default, syncs the write-ahead log at every commit: a commit acknowledged to a curator is on
 * disk and survives a power cut or an OS crash, as on PostgreSQL. `normal` syncs only at
 * checkpoints: faster writes, and the database stays intact, but the last commits before a power
 * cut can be lost (a crash of the process alone loses nothing).
 */
export function sqliteSynchronous(env: NodeJS.ProcessEnv = process.env): SqliteSynchronous {
  const value = (env.SQLITE_SYNCHRONOUS ?? '').trim().toLowerCase() || 'full';
  if (value === 'full' || value === 'normal') return value === 'full' ? 'FULL' : 'NORMAL';
  throw new Error('SQLITE_SYNCHRONOUS must be full (the default) or normal');
}

/** The MikroORM options for the configured database. */
export function createOrmConfig(options: OrmConfigOptions = {}): Options {
  const target = parseDatabaseUrl(options.databaseUrl ?? process.env.DATABASE_URL);
  const common = {
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
  } satisfies Options;
  const migrations = {
    tableName: 'mikro_orm_migrations',
    transactional: true,
    allOrNothing: true,
    snapshot: false,
    emit: 'ts',
    silent: true,
  } satisfies Options['migrations'];
  if (target.driver === 'postgresql') {
    const schema = target.schema;
    return {
      ...common,
      // Values are bound, never written into the SQL text (see shared/bound-parameters.ts).
      driver: PostgreSqlDriver,
      clientUrl: target.url,
      ...(schema ? { schema } : {}),
      pool: {
        min: 0,
        max: postgresPoolSize(),
        // Raw SQL (search index, vocabulary, migrations' hand-written parts) names tables
        // without a schema: the search path points it at the configured one.
        afterCreate(connection: PgConnection, done: Done) {
          if (!schema) return done(null, connection);
          connection.query(`set search_path to "${sqlIdentifier(schema)}", public`, (err) =>
            done(err, connection),
          );
        },
      },
      migrations: {
        ...migrations,
        migrationsList: postgresqlMigrations,
        path: fileURLToPath(new URL('./migrations/postgresql', import.meta.url)),
      },
    };
  }
  const synchronous = sqliteSynchronous();
  return {
    ...common,
    // Values are bound, never written into the SQL text (see shared/bound-parameters.ts).
    driver: SqliteDriver,
    dbName: target.path,
    pool: {
      min: 1,
      max: 1,
      // WAL lets readers go on while one writer writes; foreign keys are off by default in SQLite;
      // the busy timeout makes a second process wait for the lock instead of failing at once;
      // synchronous FULL makes every acknowledged commit durable (see sqliteSynchronous).
      afterCreate(connection: SqliteConnection, done: Done) {
        try {
          connection.exec(
            // eslint-disable-next-line ake/no-sql-interpolation -- FULL or NORMAL, from sqliteSynchronous()
            `PRAGMA journal_mode = WAL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = ${BUSY_TIMEOUT_MS}; PRAGMA synchronous = ${synchronous};`,
          );
          done(null, connection);
        } catch (error) {
          done(error as Error, connection);
        }
      },
    },
    migrations: {
      ...migrations,
      migrationsList: sqliteMigrations,
      path: fileURLToPath(new URL('./migrations/sqlite', import.meta.url)),
    },
  };
}
