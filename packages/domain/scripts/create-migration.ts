/**
 * Writes a new migration for the difference between the entities and the schema that the
 * existing migrations build, for one platform. Run with
 *
 *   pnpm --filter @ake/domain migration:create              (SQLite)
 *   pnpm --filter @ake/domain migration:create postgresql   (PostgreSQL; TEST_POSTGRES_URL or
 *                                                            postgres://postgres@127.0.0.1:5432/test)
 *
 * Why not `mikro-orm migration:create`: its CLI needs ts-morph and a database that is already
 * migrated; this builds a throwaway database (a temporary SQLite file, or a throwaway PostgreSQL
 * database) from the committed migrations first, so the diff is always against what migrations
 * produce, never against someone's hand-edited file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/core';
import { createOrmConfig } from '../src/mikro-orm.config.js';
import { createThrowawayDatabase } from '../src/shared/postgres-schema.js';

const platform = process.argv[2] ?? 'sqlite';
if (platform !== 'sqlite' && platform !== 'postgresql') {
  console.error('Usage: migration:create [sqlite|postgresql]');
  process.exit(2);
}
let cleanup: () => Promise<void>;
let databaseUrl: string;
if (platform === 'postgresql') {
  // A database of its own: MikroORM's diff reads every schema of the database it connects to.
  const throwaway = await createThrowawayDatabase(
    process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    'ake_migration',
  );
  databaseUrl = throwaway.url;
  cleanup = () => throwaway.drop();
} else {
  const dir = mkdtempSync(join(tmpdir(), 'ake-migration-'));
  databaseUrl = join(dir, 'scratch.sqlite');
  cleanup = () => Promise.resolve(rmSync(dir, { recursive: true, force: true }));
}
const orm = await MikroORM.init(createOrmConfig({ databaseUrl }));
try {
  await orm.migrator.up();
  const initial = (await orm.migrator.getExecutedMigrations()).length === 0;
  const result = await orm.migrator.createMigration(undefined, false, initial);
  if (!result.fileName) {
    console.log('No changes: the entities match the migrations.');
  } else {
    console.log(`Wrote src/migrations/${platform}/${result.fileName}`);
    console.log(`Add it to src/migrations/${platform}/index.ts, then run the tests.`);
    if (platform === 'sqlite') {
      console.log(
        'Review it first: MikroORM 6 reads SQLite enum check constraints back differently and re-creates\n' +
          'those tables (`…__temp_alter`) although nothing changed. Keep only the statements of your change.',
      );
    } else {
      console.log(
        "Review it first: MikroORM's diff does not know the hand-written parts (the search and\n" +
          'change-generation tables, deferrable foreign keys, foreign-key indexes) and proposes to drop\n' +
          're-create them. Keep only the statements of your change; a new table needs its\n' +
          'change-generation trigger (changeGenerationTriggersSql) and indexes on its foreign keys.',
      );
    }
  }
} finally {
  await orm.close(true);
  await cleanup();
}
