import { defineConfig } from 'vitest/config';

// Unit tests (app/**/*.test.ts) and the end-to-end suite (test/*.e2e.test.ts), which drives
// Chromium against the built app and a real API. One worker at a time: the machine is small.
export default defineConfig({
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
