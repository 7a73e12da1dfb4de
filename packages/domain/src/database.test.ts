import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '../test/database.js';
import { BUSY_TIMEOUT_MS, parseDatabaseUrl } from './mikro-orm.config.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { pendingMigrations } from './database.js';
import { UNTRACKED_TABLES, readChangeGeneration } from './shared/change-generation.js';
import { systemActor } from './shared/actor.js';

describe('the database', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase();
  });
  afterAll(() => t.close());

  // MikroORM's SQLite schema diff reports enum check constraints as changed even when they are
  // equal, so the comparison is made here on what matters: every table and column the entities
  // map to exists with the same nullability, and there is nothing more.
  it('is built by the migrations to the tables and columns the entities describe', async () => {
    expect(await pendingMigrations(t.db)).toEqual([]);
    const conn = t.db.em.getConnection();
    const expected = new Map<string, Map<string, boolean>>();
    for (const meta of Object.values(t.db.getMetadata().getAll())) {
      if (meta.embeddable || meta.virtual) continue;
      const columns = new Map<string, boolean>();
      for (const prop of meta.props) {
        if (!prop.fieldNames || prop.persist === false) continue;
        if (
          prop.kind === ReferenceKind.ONE_TO_MANY ||
          prop.kind === ReferenceKind.MANY_TO_MANY ||
          prop.kind === ReferenceKind.EMBEDDED
        ) {
          continue;
        }
        for (const field of prop.fieldNames) columns.set(field, Boolean(prop.nullable));
      }
      expected.set(meta.tableName, columns);
    }
    const tables = await conn.execute<{ name: string }[]>(
      "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name != 'mikro_orm_migrations'",
    );
    // The search index has no entities (Migration20261129000000_search, hand-written): the FTS5
    // virtual table `search_fts` with the shadow tables FTS5 creates for it (`_data`, `_idx`,
    // `_content`, `_docsize`, `_config`), and its plain tables written with raw SQL by
    // modules/search. They are listed exactly, so any other table without an entity still fails.
    const searchTables = [
      'search_fts',
      'search_fts_data',
      'search_fts_idx',
      'search_fts_content',
      'search_fts_docsize',
      'search_fts_config',
      'search_document',
      'search_term',
      'search_meta',
      // The change generation (shared/change-generation.ts), kept by triggers.
      'change_generation',
    ];
    const names = tables.map((r) => r.name);
    expect(names).toEqual(expect.arrayContaining(searchTables));
    expect(names.filter((name) => !searchTables.includes(name)).sort()).toEqual(
      [...expected.keys()].sort(),
    );
    for (const [table, columns] of expected) {
      const actual = await conn.execute<{ name: string; notnull: number }[]>(
        `pragma table_info(\`${table}\`)`,
      );
      expect(
        Object.fromEntries(actual.map((c) => [c.name, c.notnull === 0])),
        `columns of ${table}`,
      ).toEqual(Object.fromEntries(columns));
    }
  });

  it('steps the change generation on every write, in every table readers see', async () => {
    const conn = t.db.em.getConnection();
    const tables = await conn.execute<{ name: string }[]>(
      "select name from sqlite_master where type = 'table'",
    );
    const triggers = await conn.execute<{ name: string; tbl_name: string }[]>(
      "select name, tbl_name from sqlite_master where type = 'trigger'",
    );
    for (const { name } of tables) {
      if (UNTRACKED_TABLES.has(name)) continue;
      const events = triggers
        .filter((tr) => tr.tbl_name === name && tr.name.includes('_change_generation_'))
        .map((tr) => tr.name.split('_').at(-1))
        .sort();
      expect(events, `change-generation triggers of ${name}`).toEqual([
        'delete',
        'insert',
        'update',
      ]);
    }
    const before = await readChangeGeneration(t.db.em.fork());
    const created = await t.services().tags.create(systemActor('test'), { name: 'Sukupolvi' });
    expect(created.ok).toBe(true);
    expect(await readChangeGeneration(t.db.em.fork())).toBeGreaterThan(before);
  });

  it('lists every migration file in the migrations index', () => {
    const dir = fileURLToPath(new URL('./migrations/sqlite', import.meta.url));
    const files = readdirSync(dir)
      .filter((f) => /^Migration\d+.*\.ts$/.test(f))
      .map((f) => f.replace(/\.ts$/, ''));
    expect(sqliteMigrations.map((m) => m.name)).toEqual(files.sort());
  });

  it('runs SQLite in WAL mode with foreign keys and a busy timeout', async () => {
    const conn = t.db.em.getConnection();
    const [journal] = await conn.execute<{ journal_mode: string }[]>('pragma journal_mode');
    const [fk] = await conn.execute<{ foreign_keys: number }[]>('pragma foreign_keys');
    const [busy] = await conn.execute<{ timeout: number }[]>('pragma busy_timeout');
    expect(journal?.journal_mode).toBe('wal');
    expect(fk?.foreign_keys).toBe(1);
    expect(busy?.timeout).toBe(BUSY_TIMEOUT_MS);
  });

  it('refuses rows that break a foreign key', async () => {
    const conn = t.db.em.getConnection();
    await expect(
      conn.execute(
        "insert into person (name, normalised_name, organisation_id, created_at, updated_at) values ('X', 'x', 999999, 0, 0)",
      ),
    ).rejects.toThrow(/FOREIGN KEY/i);
  });
});

describe('DATABASE_URL', () => {
  const root = '/srv/ake';
  it('defaults to data/ake.sqlite under the project root', () => {
    expect(parseDatabaseUrl(undefined, root)).toEqual({
      driver: 'sqlite',
      path: '/srv/ake/data/ake.sqlite',
    });
    expect(parseDatabaseUrl('  ', root).path).toBe('/srv/ake/data/ake.sqlite');
  });
  it('takes file: URLs, plain paths and absolute paths', () => {
    expect(parseDatabaseUrl('file:tmp/x.sqlite', root).path).toBe('/srv/ake/tmp/x.sqlite');
    expect(parseDatabaseUrl('file:///var/lib/ake.sqlite', root).path).toBe('/var/lib/ake.sqlite');
    expect(parseDatabaseUrl('/var/lib/ake.sqlite', root).path).toBe('/var/lib/ake.sqlite');
    expect(parseDatabaseUrl('other.sqlite', root).path).toBe('/srv/ake/other.sqlite');
  });
  it('says clearly what it cannot use', () => {
    expect(() => parseDatabaseUrl('postgres://localhost/test', root)).toThrow(/PostgreSQL/);
    expect(() => parseDatabaseUrl('mysql://localhost/test', root)).toThrow(/unknown scheme: mysql/);
  });
});
