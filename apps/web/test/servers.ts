/**
 * The world of the end-to-end tests, all on 127.0.0.1, started the way a person starts the app:
 * a fresh scratch database (a SQLite file, or a throwaway PostgreSQL schema when
 * `TEST_DATABASE_URL` names PostgreSQL) set up by the built `ake db setup` (what `npm start` runs
 * first), a curator who has a password, then `node scripts/start.mjs` from the repository root
 * (what `npm start` runs last): the built API and the built web app as its two children, on free
 * ports. And a small page server for the link preview: the one local address the API's outbound
 * guard is told to allow (`OUTBOUND_ALLOW_HOSTS`, its own port only).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { type Server, createServer } from 'node:http';
import { type AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { systemActor } from '@ake/domain';
import {
  type Database,
  Outbound,
  createScratchDatabase,
  createServices,
  openDatabase,
} from '@ake/domain/orm';

export const CURATOR = {
  email: 'kuraattori@example.org',
  password: 'salasana-testi-123',
  name: 'Kaisa Kuraattori',
};

export interface World {
  /**
   * Adds two links to the local page server (one that answers, one gone) and checks every
   * link against loopback only, so the web app has link health to show.
   */
  checkLinks(): Promise<void>;
  webUrl: string;
  apiUrl: string;
  pageUrl: string;
  /**
   * The accessibility feedback received, newest first, as a curator reads it from the
   * database (where the web app stores it through the API, so any web process can take it in).
   */
  feedback(): Promise<{ message: string; email: string | null; page: string | null }[]>;
  webLog: string[];
  /** The scratch database's URL (the API's, and the web app's `DATABASE_URL`). */
  databaseUrl: string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

async function waitFor(url: string, child: ChildProcess, log: string[]): Promise<void> {
  for (let i = 0; i < 1200; i++) {
    if (child.exitCode !== null) throw new Error(`the app exited:\n${log.join('')}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the app did not answer at ${url}:\n${log.join('')}`);
}

/** Runs a built command line of the project to its end, failing with its output. */
async function run(args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`${args.join(' ')} exited with ${code}:\n${output.join('')}`);
}

export interface WorldOptions {
  /** The API's response cache for anonymous reads (default: on unless RESPONSE_CACHE=off). */
  responseCache?: boolean;
}

/** Sets up a scratch database, starts the page server and then the app as `npm start` does. */
export async function startWorld(options: WorldOptions = {}): Promise<World> {
  const scratch = await createScratchDatabase('web');
  const [apiPort, port] = [await freePort(), await freePort()];
  // Only what a person would set; NODE_ENV is left to the app, as under `npm start`.
  const env = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: scratch.url,
    API_HOST: '127.0.0.1',
    API_PORT: String(apiPort),
    HOST: '127.0.0.1',
    WEB_PORT: String(port),
    SESSION_SECRET: 'e2e-secret',
    ...(options.responseCache === false ? { RESPONSE_CACHE: 'off' } : {}),
  } as Partial<NodeJS.ProcessEnv> as NodeJS.ProcessEnv;
  let db: Database;
  try {
    // What `npm start` runs before it serves: migrate, then seed the empty database.
    await run(['apps/cli/dist/main.js', 'db', 'setup'], env);
    db = await openDatabase({ databaseUrl: scratch.url });
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
  const system = systemActor('e2e');
  const created = await createServices(db.em.fork()).users.create(system, {
    email: CURATOR.email,
    name: CURATOR.name,
    role: 'curator',
  });
  if (!created.ok) throw new Error(JSON.stringify(created.errors));
  const set = await createServices(db.em.fork()).users.setPassword(
    system,
    created.value.id,
    CURATOR.password,
  );
  if (!set.ok) throw new Error(JSON.stringify(set.errors));

  const pages = createServer((req, res) => {
    if (req.url === '/kirjastopaiva') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><html><head><title>Kirjastopäivä 2026 – Oulun kaupunginkirjasto</title>' +
          '<meta name="description" content="Koko päivän ohjelma kirjastojen henkilökunnalle."></head><body>Hei</body></html>',
      );
      return;
    }
    res.writeHead(404).end();
  });
  const pageUrl = await listen(pages);
  // The explicit allowance of the outbound guard, in the API process as an operator would give
  // it (the API fetches link previews through the guard; the web app fetches nothing itself),
  // and for the link check this process runs. Nothing else local is allowed.
  env.OUTBOUND_ALLOW_HOSTS = new URL(pageUrl).host;
  const outbound = new Outbound({ policy: { allowHosts: [new URL(pageUrl).host] } });

  const webUrl = `http://127.0.0.1:${port}`;
  const api = { url: `http://127.0.0.1:${apiPort}` };
  const webLog: string[] = [];
  // The same entry as `npm start`, from the same working directory.
  const web = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  web.stdout?.on('data', (chunk: Buffer) => webLog.push(chunk.toString()));
  web.stderr?.on('data', (chunk: Buffer) => webLog.push(chunk.toString()));
  try {
    await waitFor(`${api.url}/health`, web, webLog);
    await waitFor(`${webUrl}/accessibility`, web, webLog);
  } catch (error) {
    web.kill('SIGKILL');
    await new Promise<void>((resolve) => pages.close(() => resolve()));
    await db.close(true);
    await scratch.dispose();
    throw error;
  }

  return {
    async checkLinks() {
      const services = createServices(db.em.fork());
      const ids: number[] = [];
      for (const [path, title] of [
        ['/kirjastopaiva', 'Kirjastopäivä (toimiva linkki)'],
        ['/poistunut-sivu', 'Poistunut sivu (rikkinäinen linkki)'],
      ]) {
        // The working page may have been saved by an earlier test already.
        const known = await services.resources.findByUrl(`${pageUrl}${path}`);
        if (known) {
          ids.push(known.id);
          continue;
        }
        const created = await services.resources.create(system, {
          url: `${pageUrl}${path}`,
          title,
        });
        if (!created.ok) throw new Error(JSON.stringify(created.errors));
        ids.push(created.value.id);
      }
      await createServices(db.em.fork(), { outbound }).links.checkResources(system, ids, {
        allowUrl: (url) => url.hostname === '127.0.0.1',
        retryDelayMs: 10,
        timeoutMs: 2_000,
      });
    },
    webUrl,
    apiUrl: api.url,
    pageUrl,
    async feedback() {
      const curator = { kind: 'user' as const, userId: created.value.id, role: 'curator' as const };
      const { items } = await createServices(db.em.fork()).feedback.list(curator, {
        includeHandled: true,
      });
      return items.map((f) => ({
        message: f.message,
        email: f.email ?? null,
        page: f.page ?? null,
      }));
    },
    webLog,
    databaseUrl: scratch.url,
    async close() {
      if (web.exitCode === null) {
        const exited = new Promise((resolve) => web.once('exit', resolve));
        web.kill('SIGTERM');
        await exited;
      }
      await new Promise<void>((resolve) => pages.close(() => resolve()));
      await db.close(true);
      await scratch.dispose();
    },
  };
}
