import { execFile } from 'node:child_process';
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '@ake/domain';
import {
  LinkCheck,
  type ScratchDatabase,
  createScratchDatabase,
  createServices,
  openDatabase,
} from '@ake/domain/orm';

const run = promisify(execFile);
const main = new URL('../dist/main.js', import.meta.url).pathname;
/** A SQLite file, or a throwaway PostgreSQL schema when `TEST_DATABASE_URL` names PostgreSQL. */
let scratch: ScratchDatabase | undefined;
let databaseUrl = '';
/** The outbound guard's allowance the CLI gets: the test's server only. */
let allowHosts = '';

async function ake(...args: string[]) {
  return run(process.execPath, [main, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, OUTBOUND_ALLOW_HOSTS: allowHosts },
  });
}

describe('ake links check', () => {
  let server: Server;
  let base = '';
  const peers: string[] = [];

  beforeAll(async () => {
    scratch = await createScratchDatabase('cli_links');
    databaseUrl = scratch.url;
    // A server of the test's own on 127.0.0.1: the only place these links point at.
    server = createServer((req, res) => {
      peers.push(req.socket.remoteAddress ?? '');
      if (req.url === '/ok') res.writeHead(200).end();
      else if (req.url === '/moved') res.writeHead(301, { location: '/ok' }).end();
      else res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    allowHosts = new URL(base).host;
    // Migrated, not seeded: the seed's links point at the internet.
    await ake('db', 'migrate');
    const db = await openDatabase({ databaseUrl });
    try {
      for (const [path, title] of [
        ['/ok', 'Toimiva linkki'],
        ['/moved', 'Siirtynyt sivu'],
        ['/poistettu', 'Poistettu sivu'],
      ] as const) {
        const created = await createServices(db.em.fork()).resources.create(systemActor('test'), {
          url: `${base}${path}`,
          title,
        });
        if (!created.ok) throw new Error(JSON.stringify(created.errors));
      }
    } finally {
      await db.close(true);
    }
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await scratch?.dispose();
  });

  it('checks every link, records the results and prints a summary, exiting 0 with a broken link', async () => {
    const { stdout } = await ake(
      'links',
      'check',
      '--concurrency',
      '4',
      '--per-host',
      '2',
      '--timeout',
      '5000',
    );
    expect(stdout).toMatch(
      /Checked 3 link\(s\) in [\d.]+ s: 1 ok, 1 redirected, 0 timeout, 0 unreachable, 0 error, 1 broken, 0 blocked\./,
    );
    expect(stdout).toMatch(
      /Broken \(a confirmed failure\):\n {2}resource \d+ {2}http:\/\/127\.0\.0\.1:\d+\/poistettu {2}HTTP 404 {2}\(Poistettu sivu\)/,
    );
    const db = await openDatabase({ databaseUrl });
    try {
      const checks = await db.em.fork().find(LinkCheck, {}, { orderBy: { id: 'asc' } });
      expect(checks.map((c) => c.status).sort()).toEqual(['broken', 'ok', 'redirected']);
      expect(checks.find((c) => c.status === 'redirected')?.finalUrl).toBe(`${base}/ok`);
    } finally {
      await db.close(true);
    }
  });

  it('checks only the failing links with --only-broken', async () => {
    const { stdout } = await ake('links', 'check', '--only-broken', '--retries', '0');
    expect(stdout).toMatch(/Checked 1 link\(s\).* 1 broken, 0 blocked\./);
  });

  it('never asks an address outside the allowance, and says so', async () => {
    const db = await openDatabase({ databaseUrl });
    try {
      const created = await createServices(db.em.fork()).resources.create(systemActor('test'), {
        url: 'http://169.254.169.254/latest/meta-data/',
        title: 'Metatietopalvelu',
      });
      if (!created.ok) throw new Error(JSON.stringify(created.errors));
    } finally {
      await db.close(true);
    }
    const { stdout, stderr } = await ake('links', 'check', '--retries', '0');
    expect(stdout).toMatch(/Checked 4 link\(s\).* 1 blocked\./);
    expect(stdout).toMatch(
      /Not checked, the address is not allowed .*:\n {2}resource \d+ {2}http:\/\/169\.254\.169\.254\/latest\/meta-data\/ {2}Address not allowed: 169\.254\.169\.254: .*linkLocal/,
    );
    expect(stderr).toMatch(/outbound: refused 169\.254\.169\.254: .*linkLocal/);
  });

  it('refuses a bad option with exit code 1', async () => {
    await expect(ake('links', 'check', '--concurrency', '0')).rejects.toMatchObject({ code: 1 });
  });

  it('sent every request from loopback', () => {
    expect(peers.length).toBeGreaterThan(0);
    expect(peers.filter((p) => !/^(::ffff:)?127\./.test(p))).toEqual([]);
  });
});
