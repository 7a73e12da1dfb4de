import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real databases, servers and child processes. These limits only catch a hang: on a 2-core
    // machine busy with another build, CLI tests on PostgreSQL took over 60 s. Speed is measured
    // in the benchmarks, never here.
    testTimeout: 300_000,
    hookTimeout: 300_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
