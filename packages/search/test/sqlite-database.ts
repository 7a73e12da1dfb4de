/**
 * A real in-memory SQLite database for the FTS5 tests, through better-sqlite3 (the driver the
 * domain uses; Node 20 has no `node:sqlite`). Promise-returning so that tests read the same as
 * against an asynchronous driver.
 */
import Database from 'better-sqlite3';

/** An in-memory SQLite database with FTS5. */
export class TestDatabase {
  private readonly handle = new Database(':memory:');

  /** Runs a statement with bound parameters. */
  run(sql: string, params: unknown[] = []): Promise<void> {
    this.handle.prepare(sql).run(...params);
    return Promise.resolve();
  }

  /** Returns all rows of a query with bound parameters. */
  all<Row>(sql: string, params: unknown[] = []): Promise<Row[]> {
    return Promise.resolve(this.handle.prepare(sql).all(...params) as Row[]);
  }

  /** Closes the database. */
  close(): Promise<void> {
    this.handle.close();
    return Promise.resolve();
  }
}
