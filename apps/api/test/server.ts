/**
 * A real API for tests: a fresh SQLite file built by the migrations and seeded, served over
 * HTTP on 127.0.0.1 (a free port), with a curator's and an admin's bearer tokens.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { systemActor } from '@ake/domain';
import { type Database, createServices, migrate, openDatabase, seed } from '@ake/domain/orm';
import { startServer } from '../src/server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestApi {
  url: string;
  db: Database;
  /** The SQLite file, for a second connection (as another process would open it). */
  databaseUrl: string;
  /** What the server logged as unexpected errors. */
  logs: string[];
  /** SQL statements run, when started with `countStatements`. */
  statements: string[];
  curatorToken: string;
  adminToken: string;
  gql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    token?: string,
  ): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

async function tokenFor(db: Database, role: 'curator' | 'admin'): Promise<string> {
  const system = systemActor('test');
  const services = createServices(db.em.fork());
  const user = await services.users.create(system, {
    email: `${role}@example.org`,
    name: `Testi ${role}`,
    role,
  });
  if (!user.ok) throw new Error(JSON.stringify(user.errors));
  return (await createServices(db.em.fork()).users.createToken(system, { userId: user.value.id }))
    .token;
}

/** Starts a seeded API on 127.0.0.1. */
export async function startTestApi(
  options: { production?: boolean; introspection?: boolean; countStatements?: boolean } = {},
): Promise<TestApi> {
  const dir = mkdtempSync(join(tmpdir(), 'ake-api-'));
  const statements: string[] = [];
  const db = await openDatabase({
    databaseUrl: join(dir, 'api.sqlite'),
    ...(options.countStatements
      ? {
          logger: (message: string) => {
            if (message.includes('[query]')) statements.push(message);
          },
        }
      : {}),
  });
  await migrate(db);
  await seed(db.em.fork());
  const curatorToken = await tokenFor(db, 'curator');
  const adminToken = await tokenFor(db, 'admin');
  const logs: string[] = [];
  const server = await startServer({
    db,
    host: '127.0.0.1',
    port: 0,
    production: options.production ?? false,
    introspection: options.introspection,
    log: (message, error) =>
      logs.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
  });
  return {
    url: server.url,
    db,
    databaseUrl: join(dir, 'api.sqlite'),
    logs,
    statements,
    curatorToken,
    adminToken,
    async gql<T>(query: string, variables?: Record<string, unknown>, token?: string) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
      return { status: response.status, ...body };
    },
    async close() {
      await server.stop();
      await db.close(true);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
