/**
 * Writes a new SQLite migration for the difference between the entities and the schema that
 * the existing migrations build. Run with `pnpm --filter @ake/domain migration:create`.
 *
 * Why not `mikro-orm migration:create`: its CLI needs ts-morph and a database that is already
 * migrated; this builds a throwaway database from the committed migrations first, so the diff is
 * always against what migrations produce, never against someone's hand-edited file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/better-sqlite';
import { createOrmConfig } from '../src/mikro-orm.config.js';

const dir = mkdtempSync(join(tmpdir(), 'ake-migration-'));
const orm = await MikroORM.init(createOrmConfig({ databaseUrl: join(dir, 'scratch.sqlite') }));
try {
  await orm.migrator.up();
  const initial = (await orm.migrator.getExecutedMigrations()).length === 0;
  const result = await orm.migrator.createMigration(undefined, false, initial);
  if (!result.fileName) {
    console.log('No changes: the entities match the migrations.');
  } else {
    console.log(`Wrote src/migrations/sqlite/${result.fileName}`);
    console.log('Add it to src/migrations/sqlite/index.ts, then run the tests.');
    console.log(
      'Review it first: MikroORM 6 reads SQLite enum check constraints back differently and re-creates\n' +
        'those tables (`…__temp_alter`) although nothing changed. Keep only the statements of your change.',
    );
  }
} finally {
  await orm.close(true);
  rmSync(dir, { recursive: true, force: true });
}
