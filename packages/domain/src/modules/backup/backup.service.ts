/**
 * Backups: everything in the database as one versioned JSON document, and back, on SQLite and
 * PostgreSQL alike.
 *
 * The export is table by table, row by row, in a fixed order, with every value in one canonical
 * form whatever the database (times as ISO 8601 UTC, dates as `YYYY-MM-DD`, JSON columns as JSON
 * with sorted keys, booleans as booleans), so the same data always gives the same file: export →
 * import → export is byte-identical, and so is an export of a copy on the other database
 * (`ake db copy`). Secrets are left out: API tokens and password hashes (users sign in again
 * after a restore); so are tables derived from others (the search index, rebuilt on import) and
 * bookkeeping. Import fills an empty, migrated database in one transaction: a crash half-way
 * leaves the database as it was.
 *
 * An export reads one snapshot, so writes going on meanwhile are either all in it or not at all
 * (see `readSnapshot`), and checks its own references before it is handed out
 * (`verifyBackup`): every foreign key points at a row in the document, every revision at a
 * record in it, no revision is newer than its record. Import runs the same check first.
 */
import { createHash } from 'node:crypto';
import { type EntityManager, IsolationLevel, ReferenceKind } from '@mikro-orm/core';
import { type Actor, requireAdmin } from '../../shared/actor.js';
import { type Dialect, dialectOf, quoteIdentifier } from '../../shared/dialect.js';
import { DomainError, type Result, fail, ok } from '../../shared/errors.js';
import { fieldError } from '../../shared/validation.js';
import { SearchService } from '../search/search.service.js';

export const BACKUP_FORMAT = 'ake-tietopankki-backup';
/** 2: canonical values and a schema fingerprint (1 held SQLite's stored values). */
export const BACKUP_VERSION = 2;

/** Entity tables not in a backup: secrets. (Tables without entities are never in one.) */
export const EXCLUDED_TABLES = new Set(['api_token']);

/** Columns left out (and left empty on import): secrets. */
export const EXCLUDED_COLUMNS: Record<string, readonly string[]> = {
  user_account: ['password_hash'],
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Cell = Json;

export interface Backup {
  format: typeof BACKUP_FORMAT;
  version: number;
  /** The tables and columns the data was taken with; a restore needs the same. */
  schema: string;
  tables: Record<string, { columns: string[]; rows: Cell[][] }>;
}

export interface ImportOptions {
  /** Called after each table with the rows inserted so far (progress; tests use it to crash). */
  onProgress?: (table: string, rowsDone: number, rowsTotal: number) => void | Promise<void>;
}

/** How a column's values are written in a backup. */
type ColumnKind = 'datetime' | 'date' | 'json' | 'boolean' | 'number' | 'text';

interface Column {
  name: string;
  kind: ColumnKind;
}

/** A foreign key: these columns of a row hold the key of a row of another table. */
interface Reference {
  columns: string[];
  table: string;
  targetColumns: string[];
}

interface Table {
  name: string;
  /** The entity's name, as revisions name it (`Resource`). */
  entity: string;
  /** Every column but the secret ones, in the entity's order. */
  columns: Column[];
  /** The primary key columns: the row order. */
  keys: string[];
  /** True when the primary key is one generated integer (its sequence moves on after import). */
  serial: boolean;
  /** The foreign keys held by this table's columns. */
  references: Reference[];
}

/**
 * The data tables (every entity's, pivot tables included, but not the secret ones), sorted by
 * name, from the ORM's metadata: the same on both databases.
 */
function dataTables(em: EntityManager): Table[] {
  const tables: Table[] = [];
  for (const meta of Object.values(em.getMetadata().getAll())) {
    if (meta.embeddable || meta.virtual || EXCLUDED_TABLES.has(meta.tableName)) continue;
    const excluded = EXCLUDED_COLUMNS[meta.tableName] ?? [];
    const columns: Column[] = [];
    const references: Reference[] = [];
    for (const prop of meta.props) {
      if (!prop.fieldNames || prop.persist === false) continue;
      const target = prop.targetMeta;
      if (
        target &&
        (prop.kind === ReferenceKind.MANY_TO_ONE ||
          (prop.kind === ReferenceKind.ONE_TO_ONE && prop.owner)) &&
        !EXCLUDED_TABLES.has(target.tableName)
      ) {
        references.push({
          columns: prop.fieldNames,
          table: target.tableName,
          targetColumns: prop.referencedColumnNames,
        });
      }
      if (
        prop.kind === ReferenceKind.ONE_TO_MANY ||
        prop.kind === ReferenceKind.MANY_TO_MANY ||
        prop.kind === ReferenceKind.EMBEDDED
      ) {
        continue;
      }
      const kind = columnKind(prop.kind, String(prop.type), String(prop.runtimeType));
      for (const name of prop.fieldNames) {
        if (!excluded.includes(name)) columns.push({ name, kind });
      }
    }
    const keys = meta.primaryKeys.flatMap((key) => meta.properties[key]?.fieldNames ?? [key]);
    const key = meta.primaryKeys.length === 1 ? meta.properties[meta.primaryKeys[0]!] : undefined;
    const serial = key?.kind === ReferenceKind.SCALAR && key.runtimeType === 'number';
    tables.push({
      name: meta.tableName,
      entity: meta.className,
      columns,
      keys,
      serial,
      references,
    });
  }
  return tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function columnKind(reference: ReferenceKind, type: string, runtimeType: string): ColumnKind {
  if (reference !== ReferenceKind.SCALAR) return 'number';
  if (runtimeType === 'Date') return 'datetime';
  if (/date ?type/i.test(type)) return 'date';
  if (/json/i.test(type)) return 'json';
  if (runtimeType === 'boolean') return 'boolean';
  if (runtimeType === 'number') return 'number';
  return 'text';
}

/** A fingerprint of the tables and columns, to refuse a backup of another schema. */
export function schemaFingerprint(tables: readonly Table[]): string {
  const text = tables
    .map((t) => `${t.name}(${t.columns.map((c) => `${c.name}:${c.kind}`).join(',')})`)
    .join('\n');
  return createHash('sha256').update(text).digest('hex').slice(0, 16);
}

/** A stored value in its canonical backup form. */
function toCell(value: unknown, kind: ColumnKind): Cell {
  if (value === null || value === undefined) return null;
  switch (kind) {
    case 'datetime':
      return storedTime(value).toISOString();
    case 'date':
      return value instanceof Date ? value.toISOString().slice(0, 10) : text(value);
    case 'json':
      return sortKeys((typeof value === 'string' ? JSON.parse(value) : value) as Json);
    case 'boolean':
      return value === true || value === 1 || value === '1' || value === 't';
    case 'number':
      return Number(value);
    case 'text':
      return text(value);
  }
}

/**
 * A stored time: milliseconds on SQLite, text such as `2019-03-11 08:00:00.123+00` from
 * PostgreSQL (MikroORM keeps pg from parsing times), or a Date.
 */
function storedTime(value: unknown): Date {
  if (value instanceof Date) return value;
  const stored = value as string | number;
  if (typeof stored === 'number' || /^\d+$/.test(stored)) return new Date(Number(stored));
  const text = stored.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`Unreadable stored time: ${text}`);
  return date;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A canonical value as a statement parameter for the dialect. */
function fromCell(cell: Cell, kind: ColumnKind, dialect: Dialect): unknown {
  if (cell === null) return null;
  switch (kind) {
    case 'datetime':
      return dialect === 'sqlite' ? new Date(text(cell)).getTime() : text(cell);
    case 'json':
      return JSON.stringify(cell);
    case 'boolean':
      return dialect === 'sqlite' ? (cell ? 1 : 0) : Boolean(cell);
    default:
      return cell;
  }
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, sortKeys(value[key] ?? null)]),
    );
  }
  return value;
}

function run<T>(em: EntityManager, sql: string, params: unknown[] = [], method = 'all') {
  return em
    .getConnection()
    .execute(sql, params, method as 'all', em.getTransactionContext()) as Promise<T>;
}

/**
 * Runs `work` in one read snapshot of the database. SQLite: a deferred transaction, whose
 * snapshot (in WAL mode) is fixed at its first read while other connections go on writing; in
 * this process, the one connection is held until the export ends. PostgreSQL: a read-only
 * `REPEATABLE READ` transaction, one snapshot for all its statements. Inside a caller's
 * transaction, that transaction is the snapshot.
 */
export function readSnapshot<T>(
  em: EntityManager,
  work: (tx: EntityManager) => Promise<T>,
): Promise<T> {
  if (em.isInTransaction()) return work(em);
  return em.transactional(
    work,
    dialectOf(em) === 'postgresql'
      ? { isolationLevel: IsolationLevel.REPEATABLE_READ, readOnly: true }
      : {},
  );
}

/** An export that failed its own check (it would not restore): nothing is written. */
export class InconsistentBackupError extends DomainError {
  readonly code = 'BACKUP_INCONSISTENT';
  constructor(readonly problems: readonly string[]) {
    super(
      `The export is not consistent, so it was not written: ${summarise(problems)}. ` +
        'Export again; if this repeats, check the database (pragma foreign_key_check on SQLite).',
    );
    this.name = 'InconsistentBackupError';
  }
}

/** The first few problems, and how many more there are. */
function summarise(problems: readonly string[], shown = 5): string {
  const more = problems.length - shown;
  return problems.slice(0, shown).join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** The key of a row as one string, from some of its cells. */
function keyOf(row: readonly Cell[], indexes: readonly number[]): string | null {
  const cells = indexes.map((i) => row[i]);
  if (cells.some((cell) => cell === null || cell === undefined)) return null;
  return cells.map(cellText).join('|');
}

/** A cell as text, for keys and messages. */
function cellText(cell: Cell | undefined): string {
  return typeof cell === 'string' ? cell : JSON.stringify(cell ?? null);
}

/**
 * What keeps a backup document from being one consistent state of the database: foreign keys
 * pointing at rows it does not hold (a tag link of a missing resource), revisions of records it
 * does not hold, revisions newer than their record (20 revisions of a record at version 19), and
 * a versioned record with revisions but none at its own version. Empty when it is consistent.
 */
function verifyTables(tables: readonly Table[], backup: Backup): string[] {
  const problems: string[] = [];
  const byName = new Map(tables.map((t) => [t.name, t]));
  const column = (table: string, name: string) => backup.tables[table]?.columns.indexOf(name) ?? -1;
  // The keys each reference points at, per table and column list, built once.
  const keySets = new Map<string, Set<string>>();
  const keysOf = (table: string, columns: readonly string[]): Set<string> | null => {
    const id = `${table}(${columns.join(',')})`;
    const known = keySets.get(id);
    if (known) return known;
    const indexes = columns.map((c) => column(table, c));
    if (!backup.tables[table] || indexes.some((i) => i < 0)) return null;
    const keys = new Set<string>();
    for (const row of backup.tables[table].rows) {
      const key = keyOf(row, indexes);
      if (key !== null) keys.add(key);
    }
    keySets.set(id, keys);
    return keys;
  };
  for (const [name, data] of Object.entries(backup.tables)) {
    for (const reference of byName.get(name)?.references ?? []) {
      const indexes = reference.columns.map((c) => data.columns.indexOf(c));
      const targets = keysOf(reference.table, reference.targetColumns);
      if (indexes.some((i) => i < 0) || !targets) continue;
      data.rows.forEach((row, i) => {
        const key = keyOf(row, indexes);
        if (key !== null && !targets.has(key)) {
          problems.push(
            `${name} row ${i} (${reference.columns.join(', ')} = ${key}) points at ${reference.table} ${key}, which is not in the backup`,
          );
        }
      });
    }
  }
  problems.push(...verifyRevisions(tables, backup));
  return problems;
}

/** Revisions against their records: each record held, none newer than it, its version filed. */
function verifyRevisions(tables: readonly Table[], backup: Backup): string[] {
  const revisions = backup.tables.revision;
  if (!revisions) return [];
  const [type, entityId, version] = ['entity_type', 'entity_id', 'version'].map((c) =>
    revisions.columns.indexOf(c),
  ) as [number, number, number];
  if (type < 0 || entityId < 0 || version < 0) return [];
  // Each record's version (null when its table has none), by `Entity id`.
  const records = new Map<string, { version: number | null; filed: Set<number> }>();
  for (const table of tables) {
    const data = backup.tables[table.name];
    const id = data?.columns.indexOf('id') ?? -1;
    if (!data || id < 0 || table.name === 'revision') continue;
    const at = data.columns.indexOf('version');
    for (const row of data.rows) {
      records.set(`${table.entity} ${cellText(row[id])}`, {
        version: at < 0 ? null : Number(row[at]),
        filed: new Set(),
      });
    }
  }
  const entities = new Set(tables.map((t) => t.entity));
  const problems: string[] = [];
  for (const row of revisions.rows) {
    const key = `${cellText(row[type])} ${cellText(row[entityId])}`;
    const record = records.get(key);
    if (!record) {
      if (entities.has(cellText(row[type])))
        problems.push(`a revision of ${key}, which is not in the backup`);
      continue;
    }
    const filed = Number(row[version]);
    record.filed.add(filed);
    if (record.version !== null && filed > record.version) {
      problems.push(
        `${key} is at version ${record.version} but has a revision of version ${filed}`,
      );
    }
  }
  for (const [key, record] of records) {
    if (record.version !== null && record.filed.size > 0 && !record.filed.has(record.version)) {
      problems.push(`${key} is at version ${record.version} but has no revision of that version`);
    }
  }
  return problems;
}

/**
 * Checks a backup document's references (see `verifyTables`) against this database's tables:
 * the problems found, each naming the table and row, or none.
 */
export function verifyBackup(em: EntityManager, backup: Backup): string[] {
  return verifyTables(dataTables(em), backup);
}

/** Backups and restores of the whole database (admins). */
export class BackupService {
  constructor(private readonly em: EntityManager) {}

  /**
   * Everything as a backup document, read in one snapshot (`readSnapshot`). Throws an
   * `InconsistentBackupError` if the document fails its own check (`verifyBackup`).
   */
  async export(actor: Actor): Promise<Backup> {
    requireAdmin(actor);
    const backup = await readSnapshot(this.em, (tx) => this.read(tx));
    const problems = verifyBackup(this.em, backup);
    if (problems.length > 0) throw new InconsistentBackupError(problems);
    return backup;
  }

  /** Reads every data table, in the caller's transaction. */
  private async read(em: EntityManager): Promise<Backup> {
    const dialect = dialectOf(em);
    const q = (name: string) => quoteIdentifier(dialect, name);
    const tables = dataTables(em);
    const backup: Backup = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      schema: schemaFingerprint(tables),
      tables: {},
    };
    for (const table of tables) {
      const names = table.columns.map((c) => c.name);
      const order = (table.keys.length ? table.keys : names).map(q).join(', ');
      const rows = await run<Record<string, unknown>[]>(
        em,
        `select ${names.map(q).join(', ')} from ${q(table.name)} order by ${order}`,
      );
      backup.tables[table.name] = {
        columns: names,
        rows: rows.map((row) => table.columns.map((c) => toCell(row[c.name], c.kind))),
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
   * the search index. Refuses a malformed document, another format or version, another schema,
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
    const tables = dataTables(this.em);
    if (backup.schema !== schemaFingerprint(tables)) {
      return problem(
        'The backup was taken with other tables or columns than this database has; migrate both to the same version',
        'schema',
      );
    }
    if (typeof backup.tables !== 'object' || backup.tables === null)
      return problem('No tables', 'tables');

    const known = new Map(tables.map((t) => [t.name, t]));
    for (const [name, data] of Object.entries(backup.tables)) {
      const table = known.get(name);
      if (!table) return problem(`Unknown table ${name}`, `tables.${name}`);
      if (!Array.isArray(data?.columns) || !Array.isArray(data.rows))
        return problem(`Malformed table ${name}`, `tables.${name}`);
      const unknown = data.columns.find((c) => !table.columns.some((col) => col.name === c));
      if (unknown) return problem(`Unknown column ${name}.${unknown}`, `tables.${name}.columns`);
      const badRow = data.rows.findIndex(
        (row) => !Array.isArray(row) || row.length !== data.columns.length,
      );
      if (badRow >= 0)
        return problem(
          `Row ${badRow} of ${name} does not have ${data.columns.length} values`,
          `tables.${name}.rows.${badRow}`,
        );
    }
    const problems = verifyTables(tables, backup as Backup);
    if (problems.length > 0) {
      return problem(
        `The backup is not consistent (it was not taken as one snapshot, or it was edited): ${summarise(problems)}`,
        'tables',
      );
    }
    const dialect = dialectOf(this.em);
    const q = (name: string) => quoteIdentifier(dialect, name);
    for (const table of tables) {
      const [row] = await run<{ n: number | string }[]>(
        this.em,
        `select count(*) as n from ${q(table.name)}`,
      );
      if (Number(row?.n) > 0)
        return problem(
          `The database is not empty (${table.name} has rows): restore into a new database`,
          'database',
        );
    }

    let inserted = 0;
    await this.em.transactional(async (tx) => {
      // Rows reference each other across tables: check the keys at commit, not row by row
      // (PostgreSQL's foreign keys are created deferrable for this).
      await run(
        tx,
        dialect === 'sqlite' ? 'pragma defer_foreign_keys = on' : 'set constraints all deferred',
        [],
        'run',
      );
      for (const [name, data] of Object.entries(backup.tables!)) {
        const table = known.get(name)!;
        const kinds = data.columns.map(
          (c) => table.columns.find((col) => col.name === c)?.kind ?? 'text',
        );
        const sql = `insert into ${q(name)} (${data.columns.map(q).join(', ')}) values (${data.columns.map(() => '?').join(', ')})`;
        for (const row of data.rows) {
          await run(
            tx,
            sql,
            row.map((cell, i) => fromCell(cell, kinds[i]!, dialect)),
            'run',
          );
          inserted++;
        }
        await options.onProgress?.(name, data.rows.length, data.rows.length);
      }
      // PostgreSQL's id sequences do not see explicit ids: move them past the restored rows.
      if (dialect === 'postgresql') {
        for (const table of tables.filter((t) => t.serial)) {
          const id = table.keys[0]!;
          await run(
            tx,
            `select setval(pg_get_serial_sequence(?, ?), coalesce(max(${q(id)}), 0) + 1, false) from ${q(table.name)}`,
            [table.name, id],
          );
        }
      }
      await new SearchService(tx).reindexAll(actor);
    });
    return ok({ rows: inserted });
  }
}

export interface CopyReport {
  /** Rows per table in the source and, after the copy, in the target. */
  tables: { name: string; source: number; target: number }[];
  rows: number;
  /** The target's export equals the source's, byte for byte. */
  identical: boolean;
}

/**
 * Copies one database into another, empty and migrated, that may run on the other platform
 * (`ake db copy`, e.g. from SQLite to PostgreSQL). The source is read in one snapshot (its
 * export's, even while it is in use: later writes are not copied); that backup is
 * restored into the target in one transaction, then verified: every table's row count in the
 * target must equal the snapshot's, and the target's export must equal the snapshot's byte for
 * byte. A difference is an error that names the table (the target keeps the restored rows, to
 * inspect).
 */
export async function copyDatabase(
  actor: Actor,
  source: EntityManager,
  target: EntityManager,
): Promise<Result<CopyReport>> {
  const text = await new BackupService(source).exportText(actor);
  const backup = JSON.parse(text) as Backup;
  const imported = await new BackupService(target).import(actor, backup);
  if (!imported.ok) return imported;
  const tables: CopyReport['tables'] = [];
  const q = (name: string) => quoteIdentifier(dialectOf(target), name);
  for (const [name, data] of Object.entries(backup.tables)) {
    const [row] = await run<{ n: number | string }[]>(
      target,
      `select count(*) as n from ${q(name)}`,
    );
    const counts = { name, source: data.rows.length, target: Number(row?.n ?? 0) };
    tables.push(counts);
    if (counts.source !== counts.target) {
      return fail([
        fieldError(
          `tables.${name}`,
          'INVALID',
          `${name} has ${counts.source} rows in the source but ${counts.target} in the target`,
        ),
      ]);
    }
  }
  const identical = (await new BackupService(target).exportText(actor)) === text;
  if (!identical) {
    return fail([
      fieldError('backup', 'INVALID', "The target's export differs from the source's export"),
    ]);
  }
  return ok({ tables, rows: imported.value.rows, identical });
}
