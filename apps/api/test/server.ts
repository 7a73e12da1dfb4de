/**
 * A real API for tests: a scratch database (a fresh SQLite file, or a throwaway PostgreSQL
 * schema when `TEST_DATABASE_URL` names PostgreSQL) built by the migrations and seeded, served
 * over HTTP on 127.0.0.1 (a free port), with a curator's and an admin's bearer tokens.
 */
import { systemActor } from '@ake/domain';
import {
  type Database,
  type Dialect,
  Outbound,
  type ScratchDatabase,
  createScratchDatabase,
  createServices,
  migrate,
  openDatabase,
  seed,
} from '@ake/domain/orm';
import { startServer } from '../src/server.js';

export interface GraphQLResponse<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: { code?: string } }[];
}

export interface TestApi {
  url: string;
  db: Database;
  /** The scratch database's URL, for a second connection (as another process would open it). */
  databaseUrl: string;
  /** Which database the scratch database is in. */
  dialect: Dialect;
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

/** Runs `work`, and deletes the scratch database if it fails (no schema or file left behind). */
async function orDispose<T>(scratch: ScratchDatabase, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await scratch.dispose();
    throw error;
  }
}

/** Starts a seeded API on 127.0.0.1. */
export async function startTestApi(
  options: {
    production?: boolean;
    introspection?: boolean;
    countStatements?: boolean;
    /** The outbound guard (default: strict; tests allow their own servers explicitly). */
    outbound?: Outbound;
  } = {},
): Promise<TestApi> {
  const scratch = await createScratchDatabase('api');
  const statements: string[] = [];
  const logs: string[] = [];
  const db = await orDispose(scratch, () =>
    openDatabase({
      databaseUrl: scratch.url,
      ...(options.countStatements
        ? {
            logger: (message: string) => {
              if (message.includes('[query]')) statements.push(message);
            },
          }
        : {}),
    }),
  );
  const { server, curatorToken, adminToken } = await orDispose(scratch, async () => {
    try {
      await migrate(db);
      await seed(db.em.fork());
      return {
        curatorToken: await tokenFor(db, 'curator'),
        adminToken: await tokenFor(db, 'admin'),
        server: await startServer({
          db,
          host: '127.0.0.1',
          port: 0,
          production: options.production ?? false,
          introspection: options.introspection,
          outbound: options.outbound ?? new Outbound({ policy: {}, log: () => undefined }),
          log: (message, error) =>
            logs.push(`${message}: ${error instanceof Error ? error.message : String(error)}`),
        }),
      };
    } catch (error) {
      await db.close(true);
      throw error;
    }
  });
  return {
    url: server.url,
    db,
    databaseUrl: scratch.url,
    dialect: scratch.dialect,
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
      await scratch.dispose();
    },
  };
}
