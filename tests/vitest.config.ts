/// <reference types="vitest/config" />
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit tests run twice: in UTC and under a negative UTC offset, to prove that no calendar day
// ever shifts with the machine's time zone. Integration tests build fixture sites.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], env: { TZ: 'UTC' } } },
      { test: { name: 'unit-los-angeles', include: ['tests/unit/**/*.test.ts'], env: { TZ: 'America/Los_Angeles' } } },
      { test: { name: 'content', include: ['tests/content/**/*.test.ts'] } },
      {
        test: {
          name: 'integration',
          // Stops the run at once, with one line, when the browser or Java the tests need is missing.
          globalSetup: ['tests/support/global-setup.ts'],
          include: ['tests/integration/**/*.test.ts'],
          testTimeout: 300_000,
          hookTimeout: 300_000,
          // Browser checks poll for results; builds in parallel files can make a machine slow.
          expect: { poll: { timeout: 15_000, interval: 100 } },
        },
      },
    ],
  },
});
