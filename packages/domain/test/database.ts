/**
 * Test databases: a fresh SQLite file in a temporary folder, or a throwaway PostgreSQL schema
 * when `TEST_DATABASE_URL` names PostgreSQL, built by the real migrations (never by schema
 * generation), optionally seeded. No mocks of the ORM or the database.
 */
import { type Actor, systemActor } from '../src/shared/actor.js';
import { type Database, migrate, openDatabase } from '../src/database.js';
import { type Dialect, sqlIdentifier } from '../src/shared/dialect.js';
import { createScratchDatabase } from '../src/shared/scratch-database.js';
import { seed } from '../src/seeders/seed.js';
import { type Services, createServices } from '../src/services.js';
import { User } from '../src/modules/user/user.entity.js';

export interface TestDatabase {
  db: Database;
  /** The database's URL, for a second connection (as another process would open it). */
  url: string;
  dialect: Dialect;
  /** Services on a fresh EntityManager fork, as one request would have. */
  services(): Services;
  close(): Promise<void>;
}

/** Opens a migrated (and, if asked, seeded) database in a new temporary file. */
export async function openTestDatabase(options: { seed?: boolean } = {}): Promise<TestDatabase> {
  const scratch = await createScratchDatabase('test');
  const db = await openDatabase({ databaseUrl: scratch.url });
  await migrate(db);
  if (options.seed) await seed(db.em.fork());
  return {
    db,
    url: scratch.url,
    dialect: scratch.dialect,
    services: () => createServices(db.em.fork()),
    async close() {
      await db.close(true);
      await scratch.dispose();
    },
  };
}

/** Creates a user with a role and returns the actor that acts as them. */
export async function actorWithRole(db: Database, role: 'curator' | 'admin'): Promise<Actor> {
  const result = await createServices(db.em.fork()).users.create(systemActor('test'), {
    email: `${role}-${Math.random().toString(36).slice(2)}@example.org`,
    name: `Test ${role}`,
    role,
  });
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return { kind: 'user', userId: result.value.id, role };
}

/** Rows in a table, straight from SQL, to check what a failed write left behind. */
export async function countRows(db: Database, table: string): Promise<number> {
  const rows = await db.em.getConnection().execute<
    {
      n: number | string;
    }[]
  >(`select count(*) as n from ${sqlIdentifier(table)}`);
  return Number(rows[0]?.n ?? 0);
}

export { User };
