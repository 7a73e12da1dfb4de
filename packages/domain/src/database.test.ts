import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ReferenceKind } from '@mikro-orm/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, openTestDatabase } from '../test/database.js';
import {
  BUSY_TIMEOUT_MS,
  parseDatabaseUrl,
  postgresPoolSize,
  sqliteSynchronous,
} from './mikro-orm.config.js';
import { postgresqlMigrations } from './migrations/postgresql/index.js';
import { sqliteMigrations } from './migrations/sqlite/index.js';
import { pendingMigrations } from './database.js';
import { UNTRACKED_TABLES, readChangeGeneration } from './shared/change-generation.js';
import { sqlIdentifier } from './shared/dialect.js';
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
    const tables = (await tableNames(t)).filter((name) => name !== 'mikro_orm_migrations');
    // The search index has no entities (Migration20261129000000_search, hand-written): the FTS5
    // virtual table `search_fts` with the shadow tables FTS5 creates for it (`_data`, `_idx`,
    // `_content`, `_docsize`, `_config`), and its plain tables written with raw SQL by
    // modules/search. They are listed exactly, so any other table without an entity still fails.
    const searchTables = [
      ...(t.dialect === 'sqlite'
        ? [
            'search_fts',
            'search_fts_data',
            'search_fts_idx',
            'search_fts_content',
            'search_fts_docsize',
            'search_fts_config',
          ]
        : []),
      'search_document',
      'search_term',
      'search_meta',
      // The change generation (shared/change-generation.ts), kept by triggers.
      'change_generation',
    ];
    const names = tables;
    expect(names).toEqual(expect.arrayContaining(searchTables));
    expect(names.filter((name) => !searchTables.includes(name)).sort()).toEqual(
      [...expected.keys()].sort(),
    );
    for (const [table, columns] of expected) {
      const actual =
        t.dialect === 'sqlite'
          ? (
              await conn.execute<
                {
                  name: string;
                  notnull: number;
                }[]
              >(`pragma table_info(\`${sqlIdentifier(table)}\`)`)
            ).map((c) => [c.name, c.notnull === 0])
          : (
              await conn.execute<{ name: string; nullable: string }[]>(
                'select column_name as name, is_nullable as nullable from information_schema.columns where table_schema = current_schema() and table_name = ?',
                [table],
              )
            ).map((c) => [c.name, c.nullable === 'YES']);
      expect(Object.fromEntries(actual), `columns of ${table}`).toEqual(
        Object.fromEntries(columns),
      );
    }
  });

  it('steps the change generation on every write, in every table readers see', async () => {
    const triggers = await changeGenerationTriggers(t);
    for (const name of await tableNames(t)) {
      if (UNTRACKED_TABLES.has(name)) continue;
      expect(triggers.get(name)?.sort(), `change-generation triggers of ${name}`).toEqual(
        t.dialect === 'sqlite' ? ['delete', 'insert', 'update'] : ['statement'],
      );
    }
    const before = await readChangeGeneration(t.db.em.fork());
    const created = await t.services().tags.create(systemActor('test'), { name: 'Sukupolvi' });
    expect(created.ok).toBe(true);
    expect(await readChangeGeneration(t.db.em.fork())).toBeGreaterThan(before);
  });

  it('indexes every foreign key column', async () => {
    const conn = t.db.em.getConnection();
    const missing =
      t.dialect === 'sqlite'
        ? []
        : await conn.execute<{ name: string }[]>(
            `select c.conrelid::regclass::text || '.' || a.attname as name
             from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
             where c.contype = 'f' and c.connamespace = current_schema()::regnamespace
             and not exists (select 1 from pg_index i where i.indrelid = c.conrelid and i.indkey[0] = c.conkey[1])`,
          );
    if (t.dialect === 'sqlite') {
      for (const table of await tableNames(t)) {
        const keys = await conn.execute<
          {
            from: string;
          }[]
        >(`pragma foreign_key_list(\`${sqlIdentifier(table)}\`)`);
        const indexes = await conn.execute<
          {
            name: string;
          }[]
        >(`pragma index_list(\`${sqlIdentifier(table)}\`)`);
        const leading = new Set<string>();
        for (const index of indexes) {
          const [first] = await conn.execute<
            {
              name: string;
            }[]
          >(`pragma index_info(\`${sqlIdentifier(index.name)}\`)`);
          if (first) leading.add(first.name);
        }
        for (const key of keys) {
          if (!leading.has(key.from)) missing.push({ name: `${table}.${key.from}` });
        }
      }
    }
    expect(missing.map((m) => m.name)).toEqual([]);
  });

  it('lists every migration file in the migrations index', () => {
    for (const [platform, list] of [
      ['sqlite', sqliteMigrations],
      ['postgresql', postgresqlMigrations],
    ] as const) {
      const dir = fileURLToPath(new URL(`./migrations/${platform}`, import.meta.url));
      const files = readdirSync(dir)
        .filter((f) => /^Migration\d+.*\.ts$/.test(f))
        .map((f) => f.replace(/\.ts$/, ''));
      expect(list.map((m) => m.name)).toEqual(files.sort());
    }
  });

  it('configures each connection: SQLite pragmas, or the PostgreSQL schema', async () => {
    const conn = t.db.em.getConnection();
    if (t.dialect === 'sqlite') {
      const [journal] = await conn.execute<{ journal_mode: string }[]>('pragma journal_mode');
      const [fk] = await conn.execute<{ foreign_keys: number }[]>('pragma foreign_keys');
      const [busy] = await conn.execute<{ timeout: number }[]>('pragma busy_timeout');
      const [sync] = await conn.execute<{ synchronous: number }[]>('pragma synchronous');
      expect(journal?.journal_mode).toBe('wal');
      expect(fk?.foreign_keys).toBe(1);
      expect(busy?.timeout).toBe(BUSY_TIMEOUT_MS);
      // 2 = FULL: a commit is on disk before it is acknowledged.
      expect(sync?.synchronous).toBe(process.env.SQLITE_SYNCHRONOUS === 'normal' ? 1 : 2);
    } else {
      const schema = new URL(t.url).searchParams.get('schema');
      const [row] = await conn.execute<
        {
          schema: string;
        }[]
      >('select current_schema() as schema');
      expect(row?.schema).toBe(schema);
      expect(t.db.config.get('pool')?.max).toBe(postgresPoolSize());
    }
  });

  it('refuses rows that break a foreign key', async () => {
    const conn = t.db.em.getConnection();
    await expect(
      conn.execute(
        "insert into person (name, normalised_name, organisation_id, created_at, updated_at) values ('X', 'x', 999999, current_timestamp, current_timestamp)",
      ),
    ).rejects.toThrow(/FOREIGN KEY/i);
  });
});

/** The tables of the test database. */
async function tableNames(t: TestDatabase): Promise<string[]> {
  const conn = t.db.em.getConnection();
  const rows =
    t.dialect === 'sqlite'
      ? await conn.execute<{ name: string }[]>(
          "select name from sqlite_master where type = 'table' and name not like 'sqlite_%'",
        )
      : await conn.execute<{ name: string }[]>(
          "select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'",
        );
  return rows.map((row) => row.name);
}

/**
 * The change-generation triggers of each table: the events of SQLite's row triggers, or
 * `statement` for PostgreSQL's one statement-level trigger on insert, update, delete and truncate.
 */
async function changeGenerationTriggers(t: TestDatabase): Promise<Map<string, string[]>> {
  const conn = t.db.em.getConnection();
  const result = new Map<string, string[]>();
  const add = (table: string, event: string) =>
    result.set(table, [...(result.get(table) ?? []), event]);
  if (t.dialect === 'sqlite') {
    const rows = await conn.execute<{ name: string; tbl_name: string }[]>(
      "select name, tbl_name from sqlite_master where type = 'trigger' and name like '%_change_generation_%'",
    );
    for (const row of rows) add(row.tbl_name, row.name.split('_').at(-1) ?? '');
  } else {
    const rows = await conn.execute<{ table_name: string; events: string; level: string }[]>(
      `select c.relname as table_name, pg_get_triggerdef(tr.oid) as events, case when tr.tgtype & 1 = 1 then 'row' else 'statement' end as level
       from pg_trigger tr join pg_class c on c.oid = tr.tgrelid join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = current_schema() and tr.tgname like '%_change_generation' and not tr.tgisinternal`,
    );
    for (const row of rows) {
      const all = ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE'].every((e) => row.events.includes(e));
      add(row.table_name, all && row.level === 'statement' ? 'statement' : row.events);
    }
  }
  return result;
}

describe('DATABASE_URL', () => {
  const root = '/srv/ake';
  const sqlitePath = (url: string) => {
    const target = parseDatabaseUrl(url, root);
    return target.driver === 'sqlite' ? target.path : null;
  };
  it('defaults to data/ake.sqlite under the project root', () => {
    expect(parseDatabaseUrl(undefined, root)).toEqual({
      driver: 'sqlite',
      path: '/srv/ake/data/ake.sqlite',
    });
    expect(sqlitePath('  ')).toBe('/srv/ake/data/ake.sqlite');
  });
  it('takes file: URLs, plain paths and absolute paths', () => {
    expect(sqlitePath('file:tmp/x.sqlite')).toBe('/srv/ake/tmp/x.sqlite');
    expect(sqlitePath('file:///var/lib/ake.sqlite')).toBe('/var/lib/ake.sqlite');
    expect(sqlitePath('/var/lib/ake.sqlite')).toBe('/var/lib/ake.sqlite');
    expect(sqlitePath('other.sqlite')).toBe('/srv/ake/other.sqlite');
  });
  it('takes postgres:// URLs, with an optional schema', () => {
    expect(parseDatabaseUrl('postgres://ake@db.example:5432/ake', root)).toEqual({
      driver: 'postgresql',
      url: 'postgres://ake@db.example:5432/ake',
      schema: null,
    });
    expect(
      parseDatabaseUrl(
        'postgresql://ake:s3cret@127.0.0.1/ake?schema=kirjasto&sslmode=require',
        root,
      ),
    ).toEqual({
      driver: 'postgresql',
      url: 'postgresql://ake:s3cret@127.0.0.1/ake?sslmode=require',
      schema: 'kirjasto',
    });
  });
  it('says clearly what it cannot use', () => {
    expect(() => parseDatabaseUrl('postgres://localhost', root)).toThrow(
      /names no PostgreSQL database/,
    );
    expect(() => parseDatabaseUrl('postgres://localhost/x?schema=a;drop', root)).toThrow(
      /invalid schema "a;drop"/,
    );
    expect(() => parseDatabaseUrl('mysql://localhost/test', root)).toThrow(/unknown scheme: mysql/);
  });
  it('syncs SQLite commits to disk unless SQLITE_SYNCHRONOUS=normal is chosen', () => {
    expect(sqliteSynchronous({})).toBe('FULL');
    expect(sqliteSynchronous({ SQLITE_SYNCHRONOUS: 'Normal' })).toBe('NORMAL');
    expect(sqliteSynchronous({ SQLITE_SYNCHRONOUS: 'full' })).toBe('FULL');
    expect(() => sqliteSynchronous({ SQLITE_SYNCHRONOUS: 'off' })).toThrow(/SQLITE_SYNCHRONOUS/);
  });

  it('sizes the PostgreSQL pool from DATABASE_POOL_SIZE', () => {
    expect(postgresPoolSize({})).toBe(10);
    expect(postgresPoolSize({ DATABASE_POOL_SIZE: '25' })).toBe(25);
    expect(() => postgresPoolSize({ DATABASE_POOL_SIZE: 'lots' })).toThrow(/DATABASE_POOL_SIZE/);
  });
});
