// @ts-check
/**
 * Is dist/ the compiled form of the sources as they are now? `scripts/build.mjs` writes
 * dist/.build-stamp.json with the time its tsc run started; dist/ is fresh when no source file or
 * folder (src/, jobs/, extractors/, the tsconfigs, the lockfile) was changed, added or removed
 * since then.
 * Plain JavaScript with no dependency: bin/seizurewatch.js asks this on every start in a
 * checkout (a few milliseconds), before anything is compiled or loaded.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
export const STAMP_FILE = '.build-stamp.json';
export const STAMP = path.join(DIST, STAMP_FILE);
/** The folders compiled to dist/ (and tsconfig.build.json's `include`). */
export const CODE_DIRS = ['src', 'jobs', 'extractors'];
/** What the build reads (the lockfile pins the compiler): a change to any makes dist/ stale. */
export const SOURCES = [...CODE_DIRS, 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

/**
 * The most recently changed source file or folder (a folder's time moves when an entry is
 * added, removed or renamed in it).
 * @param {string} [root] the checkout (this one by default)
 * @returns {{ file: string, mtimeMs: number }}
 */
export function newestSource(root = ROOT) {
  let newest = { file: '', mtimeMs: 0 };
  /** @param {string} p */
  const visit = (p) => {
    const st = statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.mtimeMs > newest.mtimeMs) newest = { file: p, mtimeMs: st.mtimeMs };
    if (!st.isDirectory()) return;
    for (const entry of readdirSync(p)) visit(path.join(p, entry));
  };
  for (const s of SOURCES) visit(path.join(root, s));
  return newest;
}

/**
 * @param {string} [root] the checkout (this one by default)
 * @returns {{ fresh: true } | { fresh: false, reason: string }}
 */
export function distState(root = ROOT) {
  /** @type {{ startedAt?: unknown }} */
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(path.join(root, 'dist', STAMP_FILE), 'utf8'));
  } catch {
    return { fresh: false, reason: 'dist/ is not built' };
  }
  const startedAt = typeof stamp.startedAt === 'number' ? stamp.startedAt : 0;
  const newest = newestSource(root);
  // A file changed while tsc ran may or may not be in the output: stale, to be safe.
  if (newest.mtimeMs >= startedAt) {
    return { fresh: false, reason: `${path.relative(root, newest.file)} changed after the last build` };
  }
  return { fresh: true };
}
