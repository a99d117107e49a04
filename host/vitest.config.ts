/**
 * The host's unit tests: `npx vitest run --config host/vitest.config.ts`. They need no browser, so
 * vite.config.ts may also include them (add the host test glob there) to run them with everything else.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['host/**/*.test.ts'],
    environment: 'node',
  },
});
