import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Real databases, servers and child processes: generous limits for a loaded 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
