/**
 * The change generation: one number in the database that every committed write increases.
 * Database triggers maintain it, so no write path can forget (the ORM, raw SQL, another
 * process, a restore). Readers use it to know whether anything they computed earlier (e.g. the
 * API's response cache) may still be served: same generation, same data.
 */
import { type EntityManager } from '@mikro-orm/core';
import { type Dialect, sqlIdentifier } from './dialect.js';

export const CHANGE_GENERATION_TABLE = 'change_generation';

/**
 * Tables without triggers: bookkeeping that never changes what readers see, and FTS5's
 * virtual table with its shadow tables (triggers cannot sit on them; `search_document` changes
 * with every index write and carries the trigger instead).
 */
export const UNTRACKED_TABLES = new Set([
  CHANGE_GENERATION_TABLE,
  'mikro_orm_migrations',
  'sqlite_sequence',
  'search_fts',
  'search_fts_config',
  'search_fts_content',
  'search_fts_data',
  'search_fts_docsize',
  'search_fts_idx',
]);

/** The SQL that creates the table and its one row (for a migration). */
export function createChangeGenerationSql(dialect: Dialect = 'sqlite'): string[] {
  if (dialect === 'postgresql') {
    return [
      `create table "${CHANGE_GENERATION_TABLE}" ("id" int not null primary key check ("id" = 1), "value" bigint not null);`,
      `insert into "${CHANGE_GENERATION_TABLE}" ("id", "value") values (1, 0);`,
      // One function for every table's triggers. `set search_path from current` pins the schema
      // the migration ran in, whatever the search path of the writing session.
      `create function "${CHANGE_GENERATION_TABLE}_step"() returns trigger language plpgsql ` +
        `set search_path from current as $$ begin ` +
        `update "${CHANGE_GENERATION_TABLE}" set "value" = "value" + 1 where "id" = 1; return null; end $$;`,
    ];
  }
  return [
    `create table \`${CHANGE_GENERATION_TABLE}\` (\`id\` integer not null primary key check (\`id\` = 1), \`value\` integer not null);`,
    `insert into \`${CHANGE_GENERATION_TABLE}\` (\`id\`, \`value\`) values (1, 0);`,
  ];
}

/**
 * The triggers that step the generation on every insert, update and delete of a table. A
 * migration that adds a table must add these too (a test checks every table has them). SQLite
 * steps it once per changed row; PostgreSQL once per statement (truncate included).
 */
export function changeGenerationTriggersSql(table: string, dialect: Dialect = 'sqlite'): string[] {
  if (dialect === 'postgresql') {
    return [
      `create trigger "${sqlIdentifier(table)}_change_generation" after insert or update or delete or truncate on "${sqlIdentifier(table)}" ` +
        `for each statement execute function "${CHANGE_GENERATION_TABLE}_step"();`,
    ];
  }
  return (['insert', 'update', 'delete'] as const).map(
    (event) =>
      `create trigger \`${sqlIdentifier(table)}_change_generation_${event}\` after ${event} on \`${sqlIdentifier(table)}\` ` +
      `begin update \`${CHANGE_GENERATION_TABLE}\` set \`value\` = \`value\` + 1 where \`id\` = 1; end;`,
  );
}

/** The current change generation. */
export async function readChangeGeneration(em: EntityManager): Promise<number> {
  const rows = (await em
    .getConnection()
    .execute(`select value from ${CHANGE_GENERATION_TABLE} where id = 1`)) as {
    value: number | string;
  }[];
  return Number(rows[0]?.value ?? 0);
}
