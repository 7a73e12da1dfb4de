#!/usr/bin/env node
// The PostgreSQL pass of a package's tests (`pnpm test:pg` in apps/api, apps/cli, apps/web):
// runs `vitest run` in the current package with TEST_DATABASE_URL set to TEST_POSTGRES_URL, so
// every scratch database is a throwaway schema there, and writes its own JSON report. Without
// TEST_POSTGRES_URL it says so in one line and succeeds, so machines without PostgreSQL pass.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const url = process.env.TEST_POSTGRES_URL;
if (!url) {
  console.log('PostgreSQL run skipped: TEST_POSTGRES_URL is not set');
  process.exit(0);
}

// The package's own vitest, as `pnpm test` would run it (or the one on PATH).
function vitestCommand() {
  try {
    const require = createRequire(join(process.cwd(), 'package.json'));
    return [process.execPath, join(require.resolve('vitest/package.json'), '..', 'vitest.mjs')];
  } catch {
    return ['vitest'];
  }
}
const [command, ...prefix] = vitestCommand();
const child = spawn(
  command,
  [...prefix, 'run', '--outputFile.json=test-results/vitest-postgresql.json'],
  { stdio: 'inherit', env: { ...process.env, TEST_DATABASE_URL: url } },
);
child.on('error', (error) => {
  console.error(`test-postgres: could not run vitest: ${error.message}`);
  process.exit(1);
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => child.kill(signal));
}
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 1 : 0));
});
