// @ts-check
/**
 * Compile src/, jobs/ and extractors/ to dist/ with tsc (tsconfig.build.json, incremental), then
 * stamp dist/ with the time the compile started (see dist-state.mjs).
 *
 *   node scripts/build.mjs              build (incremental: a no-change build takes ~3 s)
 *   node scripts/build.mjs --if-stale   build only when dist/ is older than the sources
 *   node scripts/build.mjs --clean      remove dist/ first (what `npm pack` ships)
 *
 * Files in those folders that tsc does not compile (an HTML page, a JSON or YAML file read
 * beside the code through `import.meta.url`) are copied to the same place under dist/.
 *
 * Exit code: tsc's. With type errors tsc still writes dist/ (exit 2) and the stamp is written,
 * since dist/ is then the compiled form of the current sources; `npm run typecheck` reports them.
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
const run = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], {
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

// 0: built; 2: built with type errors. Anything else (1: bad config, a signal): nothing to stamp.
if (code === 0 || code === 2) {
  for (const dir of CODE_DIRS) copyAssets(dir);
  mkdirSync(DIST, { recursive: true });
  writeFileSync(STAMP, `${JSON.stringify({ startedAt })}\n`);
}
process.exit(code);
