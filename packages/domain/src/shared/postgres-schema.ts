/**
 * Throwaway PostgreSQL schemas, for tests, benchmarks and the migration generator: each run
 * gets a schema of its own in a shared database (`test` on the development machines) and drops
 * it afterwards, so runs never see each other's rows.
 */
import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/core';
import { PostgreSqlDriver } from './bound-parameters.js';
import { sqlIdentifier } from './dialect.js';

export interface ThrowawaySchema {
  name: string;
  /** `baseUrl` with `?schema=<name>`, for `DATABASE_URL` or `openDatabase`. */
  url: string;
  /** Drops the schema and everything in it. */
  drop(): Promise<void>;
}

/** Runs statements on a short-lived connection to `url` (outside any schema). */
async function runOnServer(url: string, statements: readonly string[]): Promise<void> {
  const orm = await MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: url,
    entities: [],
    discovery: { warnWhenNoEntities: false },
    pool: { min: 0, max: 1 },
  });
  try {
    for (const sql of statements) await orm.em.getConnection().execute(sql);
  } finally {
    await orm.close(true);
  }
}

/** Creates an empty schema `<prefix>_<random>` in the database of `baseUrl`. */
export async function createThrowawaySchema(
  baseUrl: string,
  prefix = 'ake_test',
): Promise<ThrowawaySchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runOnServer(baseUrl, [`create schema "${sqlIdentifier(name)}"`]);
  const url = new URL(baseUrl);
  url.searchParams.set('schema', name);
  return {
    name,
    url: url.toString(),
    drop: () => runOnServer(baseUrl, [`drop schema if exists "${sqlIdentifier(name)}" cascade`]),
  };
}

/**
 * Creates an empty database `<prefix>_<random>` on the server of `baseUrl` (for the migration
 * generator, whose schema diff reads every schema of a database).
 */
export async function createThrowawayDatabase(
  baseUrl: string,
  prefix = 'ake_scratch',
): Promise<ThrowawaySchema> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  await runOnServer(baseUrl, [`create database "${sqlIdentifier(name)}"`]);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    drop: () => runOnServer(baseUrl, [`drop database if exists "${sqlIdentifier(name)}"`]),
  };
}
