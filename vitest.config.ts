import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/**
 * The slowest files, slowest first (wall time of each, measured in `.ci/run`; docs/development.md
 * keeps the figures). Vitest orders files by the durations it cached on the last run, and with
 * no cache (a clean clone, as in CI) by file size, larger first: a short file that runs a minute
 * (the soak) then starts last, and the run waits for it on one worker while the other is idle.
 * These go first, in this order; the rest follow in vitest's own order.
 */
export const SLOW_FIRST = [
  'tests/pipeline/pending-items.test.ts',
  'tests/service/scale-out.test.ts',
  'tests/cli-extract.test.ts',
  'tests/pack/pack-install.test.ts',
  'tests/service/redis-wipe.test.ts',
  'tests/pipeline/scan-cli.test.ts',
  'tests/threads/parse-threads.test.ts',
  'tests/service/crash.test.ts',
  'tests/service/soak.test.ts',
  'tests/fetch/allow-hosts.test.ts',
  'tests/dashboard/browser.test.ts',
  'tests/service/redis-cut.test.ts',
  'tests/extract/languages.test.ts',
  'tests/service/startup-failures.test.ts',
  'tests/service/poll-overlap.test.ts',
  'tests/pipeline/poll-and-scan.test.ts',
  'tests/extract/figures-battery.test.ts',
];
// A renamed or removed file would drop out of the list unseen.
for (const p of SLOW_FIRST)
  if (!existsSync(new URL(p, import.meta.url)))
    throw new Error(`vitest.config.ts: SLOW_FIRST lists ${p}, not found`);

class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (f: TestSpecification) => {
      const i = SLOW_FIRST.findIndex((p) => f.moduleId.endsWith(`/${p}`));
      return i < 0 ? SLOW_FIRST.length : i;
    };
    // Array.prototype.sort is stable: the files off the list keep vitest's order.
    return sorted.sort((a, b) => rank(a) - rank(b));
  }
}

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Compiles dist/ when the sources are newer, for the tests that run the CLI as a process.
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // Redis- and process-heavy suites share one machine with 2 cores: keep parallelism modest.
    maxWorkers: 2,
    sequence: { sequencer: SlowFirstSequencer },
  },
});
