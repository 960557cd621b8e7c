import { defineConfig } from 'vitest/config';

/** Browser journeys: real production server + system Chromium, one file at a time. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts', 'test/process/**/*.process.test.ts'],
    fileParallelism: false,
    maxWorkers: 1,
    // The first start may build the web app before the server answers.
    hookTimeout: 240_000,
    testTimeout: 120_000,
  },
});
