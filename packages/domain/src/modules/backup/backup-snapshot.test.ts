/**
 * A backup taken while curators write is one snapshot: every reference in it resolves, every
 * record's version matches its revisions, and it restores into an empty database. The writers
 * run in a process of their own (test/backup-writers.ts), as the API's does next to `ake export`.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type TestDatabase,
  actorWithRole,
  countRows,
  openTestDatabase,
} from '../../../test/database.js';
import { type Database } from '../../database.js';
import { createServices } from '../../services.js';
import { systemActor } from '../../shared/actor.js';
import { type Backup, InconsistentBackupError, verifyBackup } from './backup.service.js';

const PACKAGE_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const WRITERS_SCRIPT = 'test/backup-writers.ts';

const admin = systemActor('backup snapshot test');
const WRITERS = 3;
/** Exports taken while the writers run, and how many writes they must span at least. */
const EXPORTS = 3;
const WRITES_DURING_EXPORTS = 60;

interface Revisions {
  id: number;
  version: number;
  revisions: number;
  latest: number | null;
}

/** The rows of a table in a backup, as objects. */
function rows(backup: Backup, table: string): Record<string, string | number>[] {
  const data = backup.tables[table]!;
  return data.rows.map((row) =>
    Object.fromEntries(data.columns.map((c, i) => [c, row[i] as string | number])),
  );
}

/**
 * What a backup that is not one snapshot shows (checked here apart from the export's own
 * check): tag links of resources or tags it lacks, revisions of records it lacks, and resources
 * or tags whose version is not their number of revisions (each write here makes one of each).
 */
function inconsistencies(backup: Backup): string[] {
  const problems: string[] = [];
  const records = new Map<string, number>();
  for (const [table, type] of [
    ['resource', 'Resource'],
    ['tag', 'Tag'],
  ] as const) {
    for (const row of rows(backup, table)) records.set(`${type} ${row.id}`, Number(row.version));
  }
  for (const link of rows(backup, 'resource_tag')) {
    for (const key of [`Resource ${link.resource_id}`, `Tag ${link.tag_id}`]) {
      if (!records.has(key)) problems.push(`a tag link of ${key}, which is not in the export`);
    }
  }
  const revisions = new Map<string, number>();
  for (const revision of rows(backup, 'revision')) {
    const key = `${revision.entity_type} ${revision.entity_id}`;
    if (!records.has(key)) problems.push(`a revision of ${key}, which is not in the export`);
    revisions.set(key, (revisions.get(key) ?? 0) + 1);
  }
  for (const [key, version] of records) {
    const count = revisions.get(key) ?? 0;
    if (count !== version) problems.push(`${key} at version ${version} with ${count} revisions`);
  }
  return problems;
}

/** Each resource's version beside its revisions, straight from SQL. */
async function resourceRevisions(db: Database): Promise<Revisions[]> {
  const rows = await db.em.getConnection().execute<Record<string, unknown>[]>(
    `select r.id, r.version, count(v.id) as revisions, max(v.version) as latest
       from resource r left join revision v on v.entity_type = 'Resource' and v.entity_id = r.id
      group by r.id, r.version order by r.id`,
  );
  return rows.map((row) => ({
    id: Number(row.id),
    version: Number(row.version),
    revisions: Number(row.revisions),
    latest: row.latest === null ? null : Number(row.latest),
  }));
}

describe('a backup taken while curators write', () => {
  let source: TestDatabase;
  const backups: string[] = [];

  beforeAll(async () => {
    source = await openTestDatabase();
    const curator = await actorWithRole(source.db, 'curator');
    if (curator.kind !== 'user') throw new Error('curator');
    const writers = spawn(
      process.execPath,
      ['--import', 'tsx', WRITERS_SCRIPT, source.url, String(curator.userId), String(WRITERS)],
      { cwd: PACKAGE_ROOT, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const exited = new Promise<number | null>((resolve) => writers.once('exit', resolve));
    let writes = 0;
    let running = true;
    void exited.then(() => (running = false));
    createInterface({ input: writers.stdout }).on('line', (line) => {
      writes = Number(/^writes (\d+)$/.exec(line)?.[1] ?? writes);
    });
    const pause = () => new Promise((resolve) => setTimeout(resolve, 10));
    try {
      // Wait for the writers to be under way, then export until the exports span enough writes.
      while (writes < WRITERS && running) await pause();
      const start = writes;
      while (running && (backups.length < EXPORTS || writes - start < WRITES_DURING_EXPORTS)) {
        backups.push(await createServices(source.db.em.fork()).backup.exportText(admin));
        await pause();
      }
    } finally {
      writers.stdin.end('stop\n');
    }
    expect(await exited, 'the writers exit cleanly').toBe(0);
    expect(backups.length).toBeGreaterThanOrEqual(EXPORTS);
  });
  afterAll(async () => {
    await source?.close();
  });

  it('holds, in every export, the tags and revisions of exactly the resources it holds', () => {
    const problems = backups.flatMap((text, index) =>
      inconsistencies(JSON.parse(text) as Backup).map((problem) => `export ${index}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('restores into an empty database, with every version matching its revisions', async () => {
    // The first, the middle and the last export: each restores and each is consistent.
    const picked = [...new Set([0, Math.floor(backups.length / 2), backups.length - 1])];
    for (const index of picked) {
      const text = backups[index]!;
      const target = await openTestDatabase();
      try {
        const restored = await target.services().backup.import(admin, JSON.parse(text));
        expect(restored.ok ? 'restored' : restored.errors, `export ${index}`).toBe('restored');
        const resources = await resourceRevisions(target.db);
        expect(resources.length).toBeGreaterThan(0);
        for (const r of resources) {
          // Created once, each edit one version: exactly one revision per version.
          expect({ ...r, export: index }).toEqual({
            ...r,
            revisions: r.version,
            latest: r.version,
            export: index,
          });
        }
        expect(await target.services().backup.exportText(admin)).toBe(text);
      } finally {
        await target.close();
      }
    }
  });
});

describe("an export's own check", () => {
  let t: TestDatabase;
  let text: string;
  beforeAll(async () => {
    t = await openTestDatabase();
    const curator = await actorWithRole(t.db, 'curator');
    const created = await t.services().resources.create(curator, {
      url: 'https://example.org/tarkistus',
      title: 'Tarkistettava linkki',
      tags: ['varmuuskopio'],
    });
    if (!created.ok) throw new Error(JSON.stringify(created.errors));
    text = await t.services().backup.exportText(admin);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('refuses to restore a backup whose tag links or revisions point at missing records', async () => {
    const backup = JSON.parse(text) as Backup;
    expect(verifyBackup(t.db.em, backup)).toEqual([]);
    const torn = JSON.parse(text) as Backup;
    torn.tables.resource!.rows = [];
    const problems = verifyBackup(t.db.em, torn);
    expect(problems).toContainEqual(expect.stringMatching(/^resource_tag row 0 .* resource 1,/));
    expect(problems).toContainEqual('a revision of Resource 1, which is not in the backup');
    const target = await openTestDatabase();
    try {
      const restored = await target.services().backup.import(admin, torn);
      const error = restored.ok ? undefined : restored.errors[0];
      expect(error?.field).toBe('tables');
      expect(error?.message).toMatch(/^The backup is not consistent .*resource_tag row 0/);
      expect(await countRows(target.db, 'resource')).toBe(0);
    } finally {
      await target.close();
    }
  });

  it('refuses to export a record with a revision newer than the record, naming it', async () => {
    await t.db.em
      .getConnection()
      .execute(
        "insert into revision (entity_type, entity_id, version, action, changes, created_at) values ('Resource', 1, 2, 'update', '{}', ?)",
        [t.dialect === 'sqlite' ? Date.now() : new Date().toISOString()],
      );
    const exported = t.services().backup.exportText(admin);
    await expect(exported).rejects.toBeInstanceOf(InconsistentBackupError);
    await expect(exported).rejects.toThrow(
      /not written: Resource 1 is at version 1 but has a revision of version 2/,
    );
  });
});
