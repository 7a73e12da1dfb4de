/**
 * Scratch databases for tests and benchmarks: a temporary SQLite file by default, or, when
 * `TEST_DATABASE_URL` is a PostgreSQL URL, a throwaway schema in that database. The same test
 * suites run on both this way (`pnpm test:pg`, see docs/operations.md).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Dialect } from './dialect.js';
import { createThrowawaySchema } from './postgres-schema.js';

export interface ScratchDatabase {
  /** For `openDatabase({ databaseUrl })` or a child process's `DATABASE_URL`. */
  url: string;
  dialect: Dialect;
  /** Deletes the file or drops the schema. */
  dispose(): Promise<void>;
}

/** The database scratch databases are made in: `TEST_DATABASE_URL`, or SQLite. */
export function scratchDialect(env: NodeJS.ProcessEnv = process.env): Dialect {
  return /^postgres(ql)?:\/\//i.test(env.TEST_DATABASE_URL ?? '') ? 'postgresql' : 'sqlite';
}

/** A new, empty database (`label` names the file or prefixes the schema). */
export async function createScratchDatabase(label = 'test'): Promise<ScratchDatabase> {
  const base = process.env.TEST_DATABASE_URL ?? '';
  if (scratchDialect() === 'postgresql') {
    const schema = await createThrowawaySchema(base, `ake_${label.replace(/\W/g, '_')}`);
    return { url: schema.url, dialect: 'postgresql', dispose: () => schema.drop() };
  }
  const dir = mkdtempSync(join(tmpdir(), `ake-${label}-`));
  return {
    url: `file:${join(dir, `${label}.sqlite`)}`,
    dialect: 'sqlite',
    dispose: () => Promise.resolve(rmSync(dir, { recursive: true, force: true })),
  };
}
