// @ts-check
/**
 * Compile src/, jobs/ and extractors/ to dist/ with tsc (tsconfig.build.json), then stamp dist/
 * with the time the compile started (see dist-state.mjs). The build only emits (`--noCheck`:
 * ~4 s instead of ~10 s, the same output, since every module compiles on its own under
 * isolatedModules); type errors are `npm run typecheck`'s, which CI runs.
 *
 *   node scripts/build.mjs              build
 *   node scripts/build.mjs --if-stale   build only when dist/ is older than the sources
 *   node scripts/build.mjs --clean      remove dist/ first (what `npm pack` ships)
 *
 * Files in those folders that tsc does not compile (an HTML page, a JSON or YAML file read
 * beside the code through `import.meta.url`) are copied to the same place under dist/.
 *
 * Exit code: tsc's. With a syntax error tsc may still write dist/ (exit 2); the stamp is written
 * then too, since dist/ is the compiled form of the current sources, and the error is shown.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { CODE_DIRS, DIST, distState, ROOT, STAMP } from './dist-state.mjs';

const args = new Set(process.argv.slice(2));

if (args.has('--clean')) rmSync(DIST, { recursive: true, force: true });
else if (args.has('--if-stale')) {
  const state = distState();
  if (state.fresh) process.exit(0);
  process.stderr.write(`build: ${state.reason}: compiling to dist/\n`);
}

const startedAt = Date.now();
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json'), '--noCheck'], {
  cwd: ROOT,
  stdio: 'inherit',
});
const code = run.status ?? 1;
/**
 * Copy the files tsc leaves alone from `dir` (relative to the root) to dist/.
 * @param {string} dir
 */
function copyAssets(dir) {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(rel);
    else if (entry.isFile() && !/\.[cm]?tsx?$/.test(entry.name)) {
      mkdirSync(path.dirname(path.join(DIST, rel)), { recursive: true });
      copyFileSync(path.join(ROOT, rel), path.join(DIST, rel));
    }
  }
}

// 0: built; 2: built with errors. Anything else (1: bad config, a signal): nothing to stamp.
if (code === 0 || code === 2) {
  for (const dir of CODE_DIRS) copyAssets(dir);
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, `${JSON.stringify({ startedAt })}\n`);
}
process.exit(code);
