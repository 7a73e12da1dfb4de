/**
 * A real SQLite database for FTS5 tests, through the `sqlite3` package (Node 20 has no
 * `node:sqlite`). `sqlite3` is not yet a devDependency of this package: until it is,
 * `AKE_SQLITE3_PATH` may point to an installed copy, and without either the tests that need
 * it are skipped with a message.
 */
import { createRequire } from 'node:module';

/** The part of the sqlite3 API the tests use. */
interface Sqlite3Module {
  Database: new (filename: string) => Sqlite3Handle;
}

interface Sqlite3Handle {
  run(sql: string, params: unknown[], callback: (error: Error | null) => void): void;
  all(
    sql: string,
    params: unknown[],
    callback: (error: Error | null, rows: unknown[]) => void,
  ): void;
  close(callback: (error: Error | null) => void): void;
}

/** Loads sqlite3, or returns null when it is not installed. */
export function loadSqlite3(): Sqlite3Module | null {
  const require = createRequire(import.meta.url);
  for (const specifier of ['sqlite3', process.env.AKE_SQLITE3_PATH]) {
    if (!specifier) continue;
    try {
      return require(specifier) as Sqlite3Module;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

/** A promise-based in-memory SQLite database. */
export class TestDatabase {
  private readonly handle: Sqlite3Handle;

  constructor(sqlite3: Sqlite3Module) {
    this.handle = new sqlite3.Database(':memory:');
  }

  /** Runs a statement with bound parameters. */
  run(sql: string, params: unknown[] = []): Promise<void> {
    return new Promise((resolve, reject) => {
      this.handle.run(sql, params, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** Returns all rows of a query with bound parameters. */
  all<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      this.handle.all(sql, params, (error, rows) =>
        error ? reject(error) : resolve(rows as Row[]),
      );
    });
  }

  /** Closes the database. */
  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.handle.close((error) => (error ? reject(error) : resolve()));
    });
  }
}
