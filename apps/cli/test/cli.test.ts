import { execFile, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Meeting,
  type ScratchDatabase,
  createScratchDatabase,
  createServices,
  openDatabase,
  scratchDialect,
  sqlIdentifier,
} from '@ake/domain/orm';

const run = promisify(execFile);
const main = new URL('../dist/main.js', import.meta.url).pathname;
/** Files the commands read and write (memos, backups); the databases are scratch databases. */
const dir = mkdtempSync(join(tmpdir(), 'ake-cli-'));
/** SQLite files, or throwaway PostgreSQL schemas when `TEST_DATABASE_URL` names PostgreSQL. */
const dialect = scratchDialect();
const scratches: ScratchDatabase[] = [];
let databaseUrl = '';

/** A new, empty scratch database of this run, deleted after the tests. */
async function scratchDatabase(label: string): Promise<string> {
  const scratch = await createScratchDatabase(label);
  scratches.push(scratch);
  return scratch.url;
}

/** Runs the built `ake` command in its own process, as a user would. */
async function ake(...args: string[]) {
  return run(process.execPath, [main, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
  });
}

/** Rows in a table, counted with SQL both databases read. */
async function countRows(url: string, table: string): Promise<number> {
  const db = await openDatabase({ databaseUrl: url });
  try {
    // PostgreSQL counts in bigint, which arrives as a string.
    const rows: unknown = await db.em
      .getConnection()
      .execute(`select count(*) as n from "${sqlIdentifier(table)}"`);
    return Number((rows as { n: number | string }[])[0]?.n);
  } finally {
    await db.close(true);
  }
}

describe('the ake command', () => {
  beforeAll(async () => {
    databaseUrl = await scratchDatabase('cli');
  });
  afterAll(async () => {
    await Promise.all(scratches.map((s) => s.dispose()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to seed before the database is migrated', async () => {
    await expect(ake('db', 'seed')).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('pnpm ake db migrate') as unknown,
    });
  });

  it('migrates, then has nothing left to migrate', async () => {
    expect((await ake('db', 'migrate')).stdout).toMatch(/Applied \d+ migration/);
    expect((await ake('db', 'migrate')).stdout).toMatch(/up to date/);
    expect((await ake('db', 'status')).stdout).toMatch(/No pending migrations/);
  });

  it('seeds once, and a second seed adds nothing', async () => {
    expect((await ake('db', 'seed')).stdout).toMatch(/Seeded: .*meetings/);
    expect((await ake('db', 'seed')).stdout).toMatch(/nothing to add/);
  });

  it('db setup (what pnpm start runs) leaves a seeded database holding the 11.3.2019 meeting', async () => {
    expect((await ake('db', 'setup')).stdout).toMatch(/Database ready/);
    const db = await openDatabase({ databaseUrl });
    try {
      const meeting = await db.em
        .fork()
        .findOneOrFail(
          Meeting,
          { title: 'Työryhmän kokous 11.3.2019' },
          { populate: ['participants'] },
        );
      expect(meeting.participants).toHaveLength(6);
    } finally {
      await db.close(true);
    }
  });

  it('adds a user and prints a working API token as the last line', async () => {
    const { stdout } = await ake(
      'user',
      'add',
      '--email',
      'Kuraattori@example.org',
      '--name',
      'Kaisa Kuraattori',
      '--role',
      'curator',
    );
    const token = stdout.trim().split('\n').at(-1)!;
    expect(token).toMatch(/^ake_/);
    const db = await openDatabase({ databaseUrl });
    try {
      expect(await createServices(db.em.fork()).users.authenticate(token)).toMatchObject({
        role: 'curator',
      });
    } finally {
      await db.close(true);
    }
    await expect(
      ake('user', 'add', '--email', 'kuraattori@example.org', '--name', 'K', '--role', 'root'),
    ).rejects.toMatchObject({
      stderr: expect.stringMatching(/--email: .*already has an account|--role/) as unknown,
    });
  });

  it('imports memos: dry-run JSON drafts, the seed memo as already there, a new memo once', async () => {
    const seedMemo = fileURLToPath(
      new URL('../../../packages/domain/seed-data/muistio-2019-03-11.md', import.meta.url),
    );
    const dry = JSON.parse(
      (await ake('import', 'memo', seedMemo, '--dry-run', '--json')).stdout,
    ) as {
      draft: { participants: unknown[]; agenda: unknown[]; links: unknown[] };
      alreadyImported: boolean;
    };
    expect([
      dry.draft.participants.length,
      dry.draft.agenda.length,
      dry.draft.links.length,
    ]).toEqual([6, 5, 4]);
    expect(dry.alreadyImported).toBe(true);

    const memo = join(dir, 'muistio-2019-10-15.md');
    writeFileSync(
      memo,
      '**Alueellinen asiakaskokemuksen kehittämisen työryhmä**\n\n**Aika: ti 15.10.2019 klo 13.00 - 15.00**\n\n**Teams-kokous**\n\n' +
        '**Osallistujat:** Minna Männikkö (Oulun kaupunginkirjasto, pj.), Isa Kotilaine (Oulun kaupunginkirjasto, siht.)\n\n' +
        '**Käsiteltävät asiat:**\n\n**1. Kielikoulutukset**\n\n- Sovittiin kielikoulutusten aikataulusta.\n',
    );
    const garbage = join(dir, 'rikki.docx');
    writeFileSync(garbage, 'not a zip');
    const first = await ake('import', 'memo', memo, seedMemo);
    expect(first.stdout).toMatch(/muistio-2019-10-15\.md: imported as meeting \d+/);
    expect(first.stdout).toMatch(/muistio-2019-03-11\.md: already imported/);
    expect((await ake('import', 'memo', memo)).stdout).toMatch(/already imported/);
    await expect(ake('import', 'memo', garbage)).rejects.toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/rikki\.docx: not imported/) as unknown,
    });
  });

  it('names each broken memo in a batch and still imports the good one', async () => {
    const files = {
      empty: join(dir, 'tyhja.md'),
      pdf: join(dir, 'muistio.docx'),
      huge: join(dir, 'iso.txt'),
      undated: join(dir, 'ilman-paivaa.md'),
      good: join(dir, 'muistio-2020-02-03.md'),
    };
    writeFileSync(files.empty, '');
    writeFileSync(files.pdf, '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    writeFileSync(files.huge, 'kirjasto kyläily asiakaspalvelu '.repeat(170_000));
    writeFileSync(files.undated, '**Työryhmä**\n\n**Käsiteltävät asiat:**\n\n1. Asia\n');
    writeFileSync(
      files.good,
      '**Alueellinen asiakaskokemuksen kehittämisen työryhmä**\n\n**Aika: ma 3.2.2020 klo 13.00 - 14.00**\n\n**Skype-kokous**\n\n' +
        '**Osallistujat:** Minna Männikkö (Oulun kaupunginkirjasto, pj.)\n\n**Käsiteltävät asiat:**\n\n**1. Kuulumiset**\n\nKäytiin läpi kuulumiset.\n',
    );
    const failed = await ake('import', 'memo', ...Object.values(files)).then(
      () => null,
      (error: { code: number; stdout: string }) => error,
    );
    expect(failed?.code).toBe(1);
    const out = failed!.stdout;
    expect(out).toMatch(/tyhja\.md: not imported: the file is empty/);
    expect(out).toMatch(/muistio\.docx: not imported: .*(docx|Word|zip)/i);
    expect(out).toMatch(/iso\.txt: not imported: .*no date/);
    expect(out).toMatch(/ilman-paivaa\.md: not imported: .*no date/);
    expect(out).toMatch(/muistio-2020-02-03\.md: imported as meeting \d+/);
  });

  it('exports, restores into an empty database, and exports the identical file again', async () => {
    const first = join(dir, 'backup-1.json');
    const second = join(dir, 'backup-2.json');
    await ake('export', '--out', first);
    const restored = await scratchDatabase('cli_restored');
    const env = { ...process.env, DATABASE_URL: restored };
    await run(process.execPath, [main, 'db', 'migrate'], { env });
    expect(
      (await run(process.execPath, [main, 'import', 'backup', first], { env })).stdout,
    ).toMatch(/Restored \d+ rows/);
    await run(process.execPath, [main, 'export', '--out', second], { env });
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    await expect(
      run(process.execPath, [main, 'import', 'backup', first], { env }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/not empty/) as unknown,
    });
  });

  it('copies a SQLite installation into an empty database (PostgreSQL in that pass) with db copy', async () => {
    // The source is always a SQLite file: the installation being moved.
    const source = `file:${join(dir, 'copy-source.sqlite')}`;
    const sourceEnv = { ...process.env, DATABASE_URL: source };
    await run(process.execPath, [main, 'db', 'setup'], { env: sourceEnv });
    const target = await scratchDatabase('cli_copy');
    const { stdout } = await run(process.execPath, [
      main,
      'db',
      'copy',
      '--from',
      source,
      '--to',
      target,
    ]);
    expect(stdout).toMatch(dialect === 'sqlite' ? /To: +SQLite/ : /To: +PostgreSQL/);
    expect(stdout).toMatch(/meeting: 2 = 2/);
    expect(stdout).toMatch(/Copied \d+ rows in [\d.]+ s: .*identical/);
    expect(await countRows(target, 'organisation')).toBe(await countRows(source, 'organisation'));
    const sourceExport = join(dir, 'copy-source.json');
    const targetExport = join(dir, 'copy-target.json');
    await run(process.execPath, [main, 'export', '--out', sourceExport], { env: sourceEnv });
    await run(process.execPath, [main, 'export', '--out', targetExport], {
      env: { ...process.env, DATABASE_URL: target },
    });
    expect(readFileSync(targetExport, 'utf8')).toBe(readFileSync(sourceExport, 'utf8'));
    // The target now holds data: a second copy is refused, naming why.
    await expect(
      run(process.execPath, [main, 'db', 'copy', '--from', source, '--to', target]),
    ).rejects.toMatchObject({ code: 1, stderr: expect.stringMatching(/not empty/) as unknown });
  });

  it('leaves the database as before when a restore is killed half-way (kill -9)', async () => {
    const backup = join(dir, 'backup-1.json');
    const target = await scratchDatabase('cli_killed');
    const env = { ...process.env, DATABASE_URL: target };
    await run(process.execPath, [main, 'db', 'migrate'], { env });
    const child = spawn(
      process.execPath,
      [fileURLToPath(new URL('./crash-import.mjs', import.meta.url)), target, backup],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('paused')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`the import ended before pausing (${code})`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    for (const table of ['organisation', 'person', 'meeting', 'resource', 'revision']) {
      expect(await countRows(target, table), table).toBe(0);
    }
  });

  it('takes a consistent SQLite copy with db backup, and names pg_dump on PostgreSQL', async () => {
    // A quote in the name: the file name is bound into VACUUM INTO, not quoted into its text.
    const out = join(dir, "ake's copy.sqlite");
    if (dialect === 'postgresql') {
      // A file copy is SQLite's; on PostgreSQL the command refuses and names the tool to use.
      await expect(ake('db', 'backup', '--out', out)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/PostgreSQL: use pg_dump/) as unknown,
      });
      expect(existsSync(out)).toBe(false);
      return;
    }
    expect((await ake('db', 'backup', '--out', out)).stdout).toContain(out);
    const db = await openDatabase({ databaseUrl: `file:${out}` });
    try {
      expect(await db.em.fork().count(Meeting, {})).toBeGreaterThanOrEqual(2);
    } finally {
      await db.close(true);
    }
  });

  it('exports bookmarks that import back, and names the line of a broken file', async () => {
    const file = join(dir, 'bookmarks.html');
    await ake('bookmarks', 'export', '--out', file);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!DOCTYPE NETSCAPE-Bookmark-file-1>/);
    const target = await scratchDatabase('cli_bookmarks');
    const env = { ...process.env, DATABASE_URL: target };
    await run(process.execPath, [main, 'db', 'migrate'], { env });
    expect(
      (await run(process.execPath, [main, 'import', 'bookmarks', file], { env })).stdout,
    ).toMatch(/Imported \d+ links/);
    const broken = join(dir, 'broken.html');
    writeFileSync(
      broken,
      '<!DOCTYPE NETSCAPE-Bookmark-file-1>\n<DL><p>\n<DT><A>ei osoitetta</A>\n</DL><p>\n',
    );
    await expect(
      run(process.execPath, [main, 'import', 'bookmarks', broken], { env }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(
        /line 3: a link .* without HREF; nothing was imported/,
      ) as unknown,
    });
  });

  it('names an unknown command', async () => {
    await expect(ake('db', 'frobnicate')).rejects.toMatchObject({ code: 1 });
  });
});
