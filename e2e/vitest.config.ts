/**
 * The browser tests: `npx vitest run --config e2e/vitest.config.ts`. Kept out of the default test run
 * (vite.config.ts) because they need Chromium (/usr/bin/chromium, or CHROMIUM_PATH) and take seconds.
 * One file at a time: each starts its own host and browser.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
