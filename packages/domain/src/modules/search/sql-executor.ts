/**
 * Raw SQL in the caller's transaction. The search index writes through the EntityManager's
 * connection with the transaction context of the write it belongs to, so the index and the
 * records commit or roll back together.
 */
import { type EntityManager, type Transaction } from '@mikro-orm/core';
import { type Dialect, dialectOf } from '../../shared/dialect.js';

export interface SqlExecutor {
  /** Rows of a query. */
  all<T extends object>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement and returns the number of rows it changed. */
  run(sql: string, params?: readonly unknown[]): Promise<number>;
  /** Identifies the database (the connection), for caches shared by every unit of work. */
  readonly database: object;
  /** Which SQL to speak. */
  readonly dialect: Dialect;
}

/**
 * An executor on `em`'s connection, in `ctx` (by default the EntityManager's current
 * transaction; none means autocommit).
 */
export function sqlExecutor(em: EntityManager, transaction?: Transaction<object>): SqlExecutor {
  const connection = em.getConnection();
  const ctx: unknown = transaction ?? em.getTransactionContext();
  return {
    database: connection,
    dialect: dialectOf(em),
    async all<T extends object>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
      return (await connection.execute(sql, [...params], 'all', ctx)) as T[];
    },
    async run(sql: string, params: readonly unknown[] = []): Promise<number> {
      const result = (await connection.execute(sql, [...params], 'run', ctx)) as {
        affectedRows?: number;
      };
      return Number(result?.affectedRows ?? 0);
    },
  };
}

/** `?, ?, ?` for n values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}

/** Splits a list into chunks small enough for one statement's parameters. */
export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += size) result.push(items.slice(i, i + size));
  return result;
}
