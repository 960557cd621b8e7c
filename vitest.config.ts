import { defineConfig } from 'vitest/config';

const integration = ['src/**/*.int.test.ts', 'test/integration/**/*.int.test.ts'];

/** Unit tests once; integration tests on embedded PGlite and on a real PostgreSQL server. */
export default defineConfig({
  test: {
    reporters: ['default'],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts'],
          exclude: integration,
        },
      },
      {
        test: {
          name: 'pglite',
          include: integration,
          globalSetup: ['test/setup/pglite.global.ts'],
          env: { KABINET_TEST_DRIVER: 'pglite' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'postgres',
          include: integration,
          globalSetup: ['test/setup/postgres.global.ts'],
          env: { KABINET_TEST_DRIVER: 'postgres' },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
