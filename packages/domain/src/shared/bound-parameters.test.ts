import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Database, migrate, openDatabase } from '../database.js';
import { Tag } from '../modules/tag/tag.entity.js';
import { bindStatement } from './bound-parameters.js';
import { type ScratchDatabase, createScratchDatabase } from './scratch-database.js';

/** Values that quoting gets wrong somewhere: quotes, placeholders, escapes, comments. */
const HOSTILE = [
  "it's",
  "'); drop table tag; --",
  'a ? b ?? c',
  '$1 $2',
  '\\',
  '\\?',
  '"double"',
  '/* comment */',
  'ünïcödé 🐢 å ä ö',
];

describe('values are bound, never written into the SQL text', () => {
  let scratch: ScratchDatabase;
  let db: Database;
  const logged: string[] = [];
  beforeAll(async () => {
    scratch = await createScratchDatabase('bound');
    db = await openDatabase({
      databaseUrl: scratch.url,
      logger: (message) => logged.push(message),
    });
    await migrate(db);
  });
  afterAll(async () => {
    await db.close(true);
    await scratch.dispose();
  });

  // PostgreSQL's text cannot hold a NUL at all (the domain refuses it before); SQLite's can.
  const values = () => (scratch.dialect === 'sqlite' ? [...HOSTILE, 'nul\u0000byte'] : HOSTILE);

  it('round-trips every hostile value through a raw statement, exactly', async () => {
    for (const value of values()) {
      const rows = await db.em
        .getConnection()
        .execute<{ v: string }[]>('select ? as v, ? as w', [value, 'marker']);
      expect(rows[0]).toEqual({ v: value, w: 'marker' });
    }
  });

  it('stores and reads hostile values through the ORM, a NUL byte included on SQLite', async () => {
    for (const [i, value] of values().entries()) {
      const em = db.em.fork();
      const tag = em.create(Tag, { name: value, slug: `hostile-${i}` });
      await em.flush();
      const read = await db.em.fork().findOneOrFail(Tag, { id: tag.id });
      expect(read.name).toBe(value);
      const found = await db.em.fork().findOne(Tag, { name: value });
      expect(found?.id).toBe(tag.id);
    }
  });

  it('logs statements with placeholders, without the values', async () => {
    logged.length = 0;
    await db.em.getConnection().execute('select ? as v', ['secret-value-4711']);
    await db.em.fork().findOne(Tag, { name: 'another-secret-4712' });
    expect(logged.join('\n')).toMatch(/select/i);
    expect(logged.join('\n')).not.toMatch(/secret-value-4711|another-secret-4712/);
  });

  it('expands a list into one placeholder per value, as the formatter did', async () => {
    const rows = await db.em
      .getConnection()
      .execute<{ n: number | string }[]>('select count(*) as n from tag where slug in (?)', [
        ['hostile-0', 'hostile-1', 'none'],
      ]);
    expect(Number(rows[0]?.n)).toBe(2);
  });

  it('keeps identifiers (??) in the text and values out of it', () => {
    const rules = { date: (d: Date) => d.getTime(), quoteIdentifier: (n: string) => `"${n}"` };
    expect(
      bindStatement(
        'select ?? from t where a = ? and b in (?) and c = \\?',
        ['col', "x'y", [1, 2]],
        rules,
      ),
    ).toEqual({
      sql: 'select "col" from t where a = ? and b in (?, ?) and c = \\?',
      bindings: ["x'y", 1, 2],
    });
  });
});
