/**
 * The change generation: one number in the database that every committed write increases.
 * Database triggers maintain it, so no write path can forget (the ORM, raw SQL, another
 * process, a restore). Readers use it to know whether anything they computed earlier (e.g. the
 * API's response cache) may still be served: same generation, same data.
 */
import { type EntityManager } from '@mikro-orm/core';

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
export function createChangeGenerationSql(): string[] {
  return [
    `create table \`${CHANGE_GENERATION_TABLE}\` (\`id\` integer not null primary key check (\`id\` = 1), \`value\` integer not null);`,
    `insert into \`${CHANGE_GENERATION_TABLE}\` (\`id\`, \`value\`) values (1, 0);`,
  ];
}

/**
 * The triggers that step the generation on every insert, update and delete of a table. A
 * migration that adds a table must add these too (a test checks every table has them).
 */
export function changeGenerationTriggersSql(table: string): string[] {
  return (['insert', 'update', 'delete'] as const).map(
    (event) =>
      `create trigger \`${table}_change_generation_${event}\` after ${event} on \`${table}\` ` +
      `begin update \`${CHANGE_GENERATION_TABLE}\` set \`value\` = \`value\` + 1 where \`id\` = 1; end;`,
  );
}

/** The current change generation. */
export async function readChangeGeneration(em: EntityManager): Promise<number> {
  const rows = (await em
    .getConnection()
    .execute(`select \`value\` from \`${CHANGE_GENERATION_TABLE}\` where \`id\` = 1`)) as {
    value: number;
  }[];
  return Number(rows[0]?.value ?? 0);
}
