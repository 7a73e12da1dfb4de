import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, countRows, openTestDatabase } from '../../../test/database.js';
import { systemActor } from '../../shared/actor.js';
import { ForbiddenError } from '../../shared/errors.js';
import { type Backup, copyDatabase } from './backup.service.js';

const admin = systemActor('backup test');

describe('BackupService', () => {
  let source: TestDatabase;
  let target: TestDatabase;
  let text: string;
  beforeAll(async () => {
    source = await openTestDatabase({ seed: true });
    const s = source.services();
    const user = await s.users.create(admin, {
      email: 'varmuus@example.org',
      name: 'Varmuus Kopio',
      role: 'admin',
    });
    if (!user.ok) throw new Error('user');
    await source.services().users.createToken(admin, { userId: user.value.id });
    await source.services().users.setPassword(admin, user.value.id, 'salasana-joka-on-pitka');
    const r = await source.services().resources.create(admin, {
      url: 'https://example.org/emoji',
      title: 'Kirjastoauto Kauno 🚌 – äöå ÄÖÅ',
      tags: ['Lukuintoa 📚'],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    text = await source.services().backup.exportText(admin);
    target = await openTestDatabase();
  });
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('writes every table but secrets and derived data, in a stable order', () => {
    const backup = JSON.parse(text) as Backup;
    expect(backup).toMatchObject({ format: 'ake-tietopankki-backup', version: 2 });
    expect(backup.schema).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(backup.tables)).toEqual(Object.keys(backup.tables).sort());
    expect(backup.tables).not.toHaveProperty('api_token');
    expect(backup.tables).not.toHaveProperty('search_document');
    expect(backup.tables.user_account!.columns).not.toContain('password_hash');
    expect(backup.tables.revision!.rows.length).toBeGreaterThan(10);
    expect(text).toContain('Kirjastoauto Kauno 🚌 – äöå ÄÖÅ');
    // One canonical form whatever the database: ISO times, dates, JSON values, booleans.
    const meeting = backup.tables.meeting!;
    const startsAt = meeting.rows[0]![meeting.columns.indexOf('starts_at')];
    expect(startsAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    const organisation = backup.tables.organisation!;
    expect(Array.isArray(organisation.rows[0]![organisation.columns.indexOf('aliases')])).toBe(
      true,
    );
    const session = backup.tables.training_session!;
    expect(typeof session.rows[0]![session.columns.indexOf('remote')]).toBe('boolean');
  });

  it('restores into an empty database, and exporting again gives the identical file', async () => {
    const result = await target.services().backup.import(admin, JSON.parse(text));
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.value.rows).toBeGreaterThan(100);
    expect(await target.services().backup.exportText(admin)).toBe(text);
    for (const table of ['meeting', 'person', 'resource', 'revision', 'tag']) {
      expect(await countRows(target.db, table), table).toBe(await countRows(source.db, table));
    }
    const hits = await target.services().search.search('kyläily');
    expect(hits.totalCount).toBeGreaterThan(0);
    const created = await target
      .services()
      .resources.create(admin, { url: 'https://example.org/uusi', title: 'Uusi' });
    expect(created.ok).toBe(true);
  });

  it('refuses a database with data, and malformed backups, naming what is wrong and writing nothing', async () => {
    const again = await target.services().backup.import(admin, JSON.parse(text));
    expect(!again.ok && again.errors[0]).toMatchObject({ field: 'database' });
    const empty = await openTestDatabase();
    try {
      const backup = JSON.parse(text) as Backup;
      const cases: [unknown, string][] = [
        ['nonsense', 'backup'],
        [{ ...backup, format: 'other' }, 'format'],
        [{ ...backup, version: 99 }, 'version'],
        [{ ...backup, schema: '0000000000000000' }, 'schema'],
        [
          { ...backup, tables: { ...backup.tables, villains: { columns: [], rows: [] } } },
          'tables.villains',
        ],
        [
          { ...backup, tables: { ...backup.tables, tag: { columns: ['id', 'nope'], rows: [] } } },
          'tables.tag.columns',
        ],
        [
          { ...backup, tables: { ...backup.tables, tag: { columns: ['id'], rows: [[1, 2]] } } },
          'tables.tag.rows.0',
        ],
      ];
      for (const [input, field] of cases) {
        const result = await empty.services().backup.import(admin, input);
        expect(!result.ok && result.errors[0]?.field, field).toBe(field);
      }
      expect(await countRows(empty.db, 'resource')).toBe(0);
      await expect(empty.services().backup.export({ kind: 'anonymous' })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
    } finally {
      await empty.close();
    }
  });
});

describe('copyDatabase', () => {
  it('copies a seeded SQLite database into the database of this run, verified by counts and export', async () => {
    // The source is always SQLite (the installation being moved); the target is this run's
    // database: PostgreSQL in the PostgreSQL pass of the suite, another SQLite file otherwise.
    const previous = process.env.TEST_DATABASE_URL;
    delete process.env.TEST_DATABASE_URL;
    const source = await openTestDatabase({ seed: true }).finally(() => {
      if (previous !== undefined) process.env.TEST_DATABASE_URL = previous;
    });
    const target = await openTestDatabase();
    try {
      expect(source.dialect).toBe('sqlite');
      const report = await copyDatabase(admin, source.db.em.fork(), target.db.em.fork());
      if (!report.ok) throw new Error(JSON.stringify(report.errors));
      expect(report.value.identical).toBe(true);
      expect(report.value.rows).toBeGreaterThan(100);
      expect(report.value.tables.find((t) => t.name === 'meeting')).toMatchObject({
        source: 2,
        target: 2,
      });
      // The copy is a working database: ids go on after the copied ones, search finds.
      const created = await target.services().tags.create(admin, { name: 'Kopioitu tietokanta' });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
      expect(created.value.id).toBeGreaterThan(
        report.value.tables.find((t) => t.name === 'tag')!.source,
      );
      expect((await target.services().search.search('kyläily')).totalCount).toBeGreaterThan(0);
      // A second copy into the same target is refused: it is no longer empty.
      const again = await copyDatabase(admin, source.db.em.fork(), target.db.em.fork());
      expect(!again.ok && again.errors[0]?.field).toBe('database');
    } finally {
      await source.close();
      await target.close();
    }
  });
});
