/**
 * Before any test file runs (and before each rerun in watch mode): bring dist/ up to date with
 * the sources, so that the tests that run the CLI as a process (`node bin/seizurewatch.js ...`)
 * run the compiled form of the code as it is now, as a user would after `npm ci`. A no-change
 * check takes milliseconds; a build after an edit about 4 s of CPU (tsc, emit only).
 *
 * bin/seizurewatch.js guards the same thing on its own (it runs the sources through tsx when
 * dist/ is older than them), so a stale dist/ never runs even when this did not run; this only
 * keeps the spawned processes fast. See docs/development.md.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { ROOT } from './helpers/paths.ts';

function buildIfStale(): void {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--if-stale'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  // 2: tsc wrote dist/ but reported errors (shown above); the tests still run on what it wrote.
  if (r.status === 2) process.stderr.write('build: errors (shown above); testing the emitted code\n');
  else if (r.status !== 0) throw new Error(`scripts/build.mjs failed (exit ${r.status ?? r.signal})`);
}

export default function setup(project: TestProject): void {
  buildIfStale();
  project.onTestsRerun(() => buildIfStale());
}
