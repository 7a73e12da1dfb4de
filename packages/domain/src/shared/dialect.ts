/**
 * The SQL dialect of a connection. Services speak through the ORM and never ask; the few raw
 * statements (search index, vocabulary, change generation, backup) branch on it.
 */
import { type EntityManager } from '@mikro-orm/core';
import { PostgreSqlPlatform } from '@mikro-orm/postgresql';

export type Dialect = 'sqlite' | 'postgresql';

export function dialectOf(em: EntityManager): Dialect {
  return em.getPlatform() instanceof PostgreSqlPlatform ? 'postgresql' : 'sqlite';
}

/** Quotes an identifier (table or column name) for the dialect. */
export function quoteIdentifier(dialect: Dialect, name: string): string {
  return dialect === 'postgresql'
    ? `"${name.replace(/"/g, '""')}"`
    : `\`${name.replace(/`/g, '``')}\``;
}
