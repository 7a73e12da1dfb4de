/**
 * Backups: everything in the database as one versioned JSON document, and back.
 *
 * The export is table by table, row by row, in a fixed order, so the same data always gives the
 * same file (export → import → export is byte-identical). Secrets are left out: API tokens and
 * password hashes (users sign in again after a restore); so are tables derived from others (the
 * search index, rebuilt on import) and bookkeeping. Import fills an empty, migrated database in
 * one transaction: a crash half-way leaves the database as it was.
 */
import { type EntityManager } from '@mikro-orm/core';
import { type Actor, requireAdmin } from '../../shared/actor.js';
import { type Result, fail, ok } from '../../shared/errors.js';
import { fieldError } from '../../shared/validation.js';
import { sqliteMigrations } from '../../migrations/sqlite/index.js';
import { SearchService } from '../search/search.service.js';

export const BACKUP_FORMAT = 'ake-tietopankki-backup';
export const BACKUP_VERSION = 1;

/** Tables not in a backup: secrets, derived data and bookkeeping. */
export const EXCLUDED_TABLES = new Set([
  'api_token',
  'change_generation',
  'mikro_orm_migrations',
  'sqlite_sequence',
  'search_document',
  'search_fts',
  'search_fts_config',
  'search_fts_content',
  'search_fts_data',
  'search_fts_docsize',
  'search_fts_idx',
  'search_meta',
  'search_term',
]);

/** Columns left out (and left empty on import): secrets. */
export const EXCLUDED_COLUMNS: Record<string, readonly string[]> = {
  user_account: ['password_hash'],
};

type Cell = string | number | null;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The migrations the data was taken at; a restore needs the same. */
  migrations: string[];
  tables: Record<string, { columns: string[]; rows: Cell[][] }>;
}

export interface ImportOptions {
  /** Called after each table with the rows inserted so far (progress; tests use it to crash). */
  onProgress?: (table: string, rowsDone: number, rowsTotal: number) => void | Promise<void>;
}

interface Executor {
  execute<T>(sql: string, params?: unknown[], method?: 'all' | 'run'): Promise<T>;
}

function executor(em: EntityManager): Executor {
  const conn = em.getConnection();
  return {
    execute: <T>(sql: string, params: unknown[] = [], method: 'all' | 'run' = 'all') =>
      conn.execute(sql, params, method, em.getTransactionContext()) as Promise<T>,
  };
}

const quote = (name: string) => `\`${name.replace(/`/g, '``')}\``;

async function dataTables(db: Executor): Promise<string[]> {
  const rows = await db.execute<{ name: string }[]>(
    "select name from sqlite_master where type = 'table' order by name",
  );
  return rows.map((r) => r.name).filter((name) => !EXCLUDED_TABLES.has(name));
}

async function columnsOf(db: Executor, table: string): Promise<{ name: string; pk: number }[]> {
  const columns = await db.execute<{ name: string; pk: number; cid: number }[]>(
    `pragma table_info(${quote(table)})`,
  );
  return columns.sort((a, b) => a.cid - b.cid);
}

/** Backups and restores of the whole database (admins). */
export class BackupService {
  constructor(private readonly em: EntityManager) {}

  /** Everything as a backup document. */
  async export(actor: Actor): Promise<Backup> {
    requireAdmin(actor);
    const db = executor(this.em);
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      migrations: sqliteMigrations.map((m) => m.name),
      tables: {},
    };
    for (const table of await dataTables(db)) {
      const all = await columnsOf(db, table);
      const excluded = EXCLUDED_COLUMNS[table] ?? [];
      const columns = all.map((c) => c.name).filter((c) => !excluded.includes(c));
      const keys = all
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const order = (keys.length ? keys : columns).map(quote).join(', ');
      const rows = await db.execute<Record<string, Cell>[]>(
        `select ${columns.map(quote).join(', ')} from ${quote(table)} order by ${order}`,
      );
      backup.tables[table] = {
        columns,
        rows: rows.map((row) => columns.map((c) => row[c] ?? null)),
      };
    }
    return backup;
  }

  /** The backup as the text of a file: stable key order, one table per line group. */
  async exportText(actor: Actor): Promise<string> {
    return `${JSON.stringify(await this.export(actor), null, 1)}\n`;
  }

  /**
   * Restores a backup into this (migrated, empty) database in one transaction, then rebuilds
   * the search index. Refuses a malformed document, another format or version, other migrations,
   * unknown tables or columns, and a database that already has data, naming what is wrong.
   */
  async import(
    actor: Actor,
    input: unknown,
    options: ImportOptions = {},
  ): Promise<Result<{ rows: number }>> {
    requireAdmin(actor);
    const problem = (message: string, field = 'backup') =>
      fail<{ rows: number }>([fieldError(field, 'INVALID', message)]);
    if (typeof input !== 'object' || input === null) return problem('Not a backup document');
    const backup = input as Partial<Backup>;
    if (backup.format !== BACKUP_FORMAT) return problem(`Not an ${BACKUP_FORMAT} file`, 'format');
    if (backup.version !== BACKUP_VERSION)
      return problem(
        `Backup version ${String(backup.version)} is not supported (expected ${BACKUP_VERSION})`,
        'version',
      );
    const migrations = sqliteMigrations.map((m) => m.name);
    if (JSON.stringify(backup.migrations) !== JSON.stringify(migrations)) {
      return problem(
        'The backup was taken at other migrations than this database has; migrate both to the same version',
        'migrations',
      );
    }
    if (typeof backup.tables !== 'object' || backup.tables === null)
      return problem('No tables', 'tables');

    const db = executor(this.em);
    const known = new Set(await dataTables(db));
    for (const [table, data] of Object.entries(backup.tables)) {
      if (!known.has(table)) return problem(`Unknown table ${table}`, `tables.${table}`);
      const columns = new Set((await columnsOf(db, table)).map((c) => c.name));
      if (!Array.isArray(data?.columns) || !Array.isArray(data.rows))
        return problem(`Malformed table ${table}`, `tables.${table}`);
      const unknown = data.columns.find((c) => !columns.has(c));
      if (unknown) return problem(`Unknown column ${table}.${unknown}`, `tables.${table}.columns`);
      const badRow = data.rows.findIndex(
        (row) => !Array.isArray(row) || row.length !== data.columns.length,
      );
      if (badRow >= 0)
        return problem(
          `Row ${badRow} of ${table} does not have ${data.columns.length} values`,
          `tables.${table}.rows.${badRow}`,
        );
    }
    for (const table of known) {
      const [row] = await db.execute<{ n: number }[]>(`select count(*) as n from ${quote(table)}`);
      if (Number(row?.n) > 0)
        return problem(
          `The database is not empty (${table} has rows): restore into a new database`,
          'database',
        );
    }

    let inserted = 0;
    await this.em.transactional(async (tx) => {
      const t = executor(tx);
      // Rows reference each other across tables: check the keys at commit, not row by row.
      await t.execute('pragma defer_foreign_keys = on', [], 'run');
      for (const [table, data] of Object.entries(backup.tables!)) {
        const sql = `insert into ${quote(table)} (${data.columns.map(quote).join(', ')}) values (${data.columns.map(() => '?').join(', ')})`;
        for (const row of data.rows) {
          await t.execute(sql, row, 'run');
          inserted++;
        }
        await options.onProgress?.(table, data.rows.length, data.rows.length);
      }
      await new SearchService(tx).reindexAll(actor);
    });
    return ok({ rows: inserted });
  }
}
