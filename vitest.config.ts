import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Compiles dist/ when the sources are newer, for the tests that run the CLI as a process.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Redis- and process-heavy suites share one machine with 2 cores: keep parallelism modest.
    maxWorkers: 2,
  },
});
