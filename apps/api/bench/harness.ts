/**
 * What the API benchmarks share: built API processes on free ports of 127.0.0.1, scratch
 * databases on SQLite or PostgreSQL, curators with API tokens, and the statistics.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '@ake/domain';
import { type Database, createServices, createThrowawaySchema } from '@ake/domain/orm';

/** The built API's entry point (`pnpm build` first). */
export const API_MAIN = new URL('../dist/main.js', import.meta.url).pathname;
export const POSTGRES_URL =
  process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Api {
  server: ChildProcess;
  url: string;
  /** Resolves with the exit code (or signal) when the process ends. */
  exited: Promise<number | string | null>;
}

/**
 * Starts one built API process (`node dist/main.js`, so the pid is the server's) and resolves
 * when it listens. `port` reuses a port, e.g. to restart after a crash.
 */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  port?: number,
): Promise<Api & { port: number }> {
  const listen = port ?? (await freePort());
  const server = spawn(process.execPath, [API_MAIN], {
    env: {
      ...process.env,
      ...env,
      DATABASE_URL: databaseUrl,
      API_PORT: String(listen),
      API_HOST: '127.0.0.1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | string | null>((resolve) =>
    server.once('exit', (code, signal) => resolve(code ?? signal)),
  );
  await new Promise<void>((resolve, reject) => {
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('/graphql')) resolve();
    });
    void exited.then((code) => reject(new Error(`API exited with ${code}`)));
  });
  return { server, url: `http://127.0.0.1:${listen}`, exited, port: listen };
}

/** Stops an API process with SIGTERM and waits for it. */
export async function stopApi(api: Api): Promise<void> {
  if (api.server.exitCode === null && api.server.signalCode === null) api.server.kill('SIGTERM');
  await api.exited;
}

export interface ScratchDatabase {
  url: string;
  label: string;
  dispose: () => Promise<void>;
}

/** A temporary SQLite file, or a throwaway schema in `POSTGRES_URL`. */
export async function scratchDatabase(
  database: 'sqlite' | 'postgresql',
  prefix: string,
): Promise<ScratchDatabase> {
  if (database === 'postgresql') {
    const schema = await createThrowawaySchema(POSTGRES_URL, prefix);
    return { url: schema.url, label: 'PostgreSQL', dispose: () => schema.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    url: `file:${join(dir, 'bench.sqlite')}`,
    label: 'SQLite',
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}

/** Creates `count` curators, each with an API token of their own; returns the tokens. */
export async function createCurators(
  db: Database,
  count: number,
  tag = 'bench',
): Promise<string[]> {
  const system = systemActor(tag);
  const tokens: string[] = [];
  for (let i = 0; i < count; i++) {
    const services = createServices(db.em.fork());
    const user = await services.users.create(system, {
      email: `${tag}-${i}@example.org`,
      name: `Sisällön ylläpitäjä ${i}`,
      role: 'curator',
    });
    if (!user.ok) throw new Error(JSON.stringify(user.errors));
    const { token } = await services.users.createToken(system, { userId: user.value.id });
    tokens.push(token);
  }
  return tokens;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
