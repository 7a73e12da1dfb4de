/** Opening the database and bringing its schema up to date, for the CLI, the API and tests. */
import { MikroORM, type Options } from '@mikro-orm/core';
import { type AbstractSqlDriver } from '@mikro-orm/knex';
import { type OrmConfigOptions, createOrmConfig } from './mikro-orm.config.js';

/** The ORM over either SQL driver: `em.getConnection().execute<T>()` stays typed. */
export type Database = MikroORM<AbstractSqlDriver>;

/** Opens the configured database (it is created when missing). */
export async function openDatabase(options: OrmConfigOptions = {}): Promise<Database> {
  return MikroORM.init<AbstractSqlDriver>(createOrmConfig(options) as Options<AbstractSqlDriver>);
}

/**
 * Runs the committed migrations that have not run yet, in one transaction, and returns their
 * names. The schema only ever changes this way, never by `schema:update`.
 */
export async function migrate(db: Database): Promise<string[]> {
  const executed = await db.migrator.up();
  return executed.map((m) => m.name);
}

/** Migrations that exist but have not run on this database. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  return (await db.migrator.getPendingMigrations()).map((m) => m.name);
}
