import { defineConfig } from 'vitest/config';

// Unit tests (app/**/*.test.ts) and the end-to-end suite (test/*.e2e.test.ts), which drives
// Chromium against the built app and a real API. One worker at a time: the machine is small.
export default defineConfig({
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    fileParallelism: false,
    // The accessibility test visits 66 pages; on a loaded 2-core machine that takes minutes.
    testTimeout: 600_000,
    hookTimeout: 300_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
