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

/** An identifier as SQL text takes it: letters, digits and `_`, optionally `alias.column`. */
const SQL_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?$/;

/**
 * A table or column name from the code, checked before it is written into SQL text (values
 * never are: they are bound). Throws on anything but a plain identifier, so a name that came
 * from elsewhere by mistake fails loudly instead of becoming SQL.
 */
export function sqlIdentifier(name: string): string {
  if (!SQL_IDENTIFIER.test(name)) throw new Error(`Not an SQL identifier: ${name.slice(0, 60)}`);
  return name;
}
