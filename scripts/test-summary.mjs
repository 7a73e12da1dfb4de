#!/usr/bin/env node
// Adds up the vitest JSON reports of every package (the SQLite pass, `vitest.json`, and the
// PostgreSQL pass, `vitest-postgresql.json`) into one closing line that CI can read:
// "tests: N passed, N failed, N skipped".
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
let passed = 0;
let failed = 0;
let skipped = 0;
const lines = [];
for (const group of ['packages', 'apps']) {
  const dir = join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir).sort()) {
    for (const [file, label] of [
      ['vitest.json', ''],
      ['vitest-postgresql.json', ' (PostgreSQL)'],
    ]) {
      const report = join(dir, name, 'test-results', file);
      if (!existsSync(report)) continue;
      const r = JSON.parse(readFileSync(report, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      skipped += r.numPendingTests + r.numTodoTests;
      lines.push(
        `  ${group}/${name}${label}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`,
      );
    }
  }
}
console.log(lines.join('\n'));
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
