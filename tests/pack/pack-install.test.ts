/**
 * The npm package: `npm pack` of a copy of this checkout (its prepack builds dist/ from clean),
 * the tarball's contents (compiled code, config, the demo's pages; no sources, tests, corpus or
 * build state), then an install of the tarball in an empty folder and `seizurewatch demo` there.
 *
 * The install is offline, from the npm cache that `npm ci` filled: the empty folder gets a
 * lockfile made from this project's (the runtime dependencies at the versions the project
 * tested), so npm needs no registry metadata. Dependency install scripts are skipped and the
 * better-sqlite3 addon this checkout built is copied in: compiling SQLite again costs about two
 * minutes and tests better-sqlite3, not this package (`npm ci` has just built it on the same
 * Node). SEIZUREWATCH_PACK_NATIVE=1 runs the install scripts instead, for the full install.
 * Costs ~30-60 s of one test worker. See docs/development.md.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
const NATIVE = process.env.SEIZUREWATCH_PACK_NATIVE === '1';
/**
 * The tarball stays small: compiled code, rule tables, the demo's files and the dashboard's
 * built assets (most of it the two Natural Earth maps and their gzip copies).
 */
const MAX_TARBALL_BYTES = 1024 * 1024;
const GOLDEN_ID = 'c973179eabd3e9de';

const work = mkdtempSync(path.join(tmpdir(), 'sw-pack-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface PackResult {
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string; size: number }>;
}

async function npm(args: string[], cwd: string, timeout = 240_000): Promise<string> {
  try {
    const { stdout } = await run('npm', args, { cwd, timeout, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`npm ${args.join(' ')} failed in ${cwd}: ${e.message}\n${e.stderr ?? ''}`);
  }
}

/** The checkout's files as git sees them (tracked, and new ones not ignored): what a clone has. */
async function copyCheckout(to: string): Promise<void> {
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const file of stdout.split('\0').filter(Boolean)) {
    const from = path.join(ROOT, file);
    if (!existsSync(from)) continue; // deleted, not yet committed
    mkdirSync(path.dirname(path.join(to, file)), { recursive: true });
    cpSync(from, path.join(to, file));
  }
  // tsc and the other build tools, without a second install.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(to, 'node_modules'), 'dir');
}

/**
 * package.json and package-lock.json of an empty project depending on the tarball, its
 * dependencies pinned as in this project's lockfile (runtime ones only).
 */
function writeInstallProject(dir: string, tarball: string): void {
  const lock = JSON.parse(readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean } & Record<string, unknown>>;
  };
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const root = lock.packages['']!;
  const spec = `file:${path.basename(tarball)}`;
  const packages: Record<string, unknown> = {
    '': { name: 'sw-install-test', dependencies: { seizurewatch: spec } },
    'node_modules/seizurewatch': {
      version: pkg.version,
      resolved: spec,
      license: pkg.license,
      dependencies: root.dependencies,
      bin: root.bin,
      engines: root.engines,
    },
  };
  for (const [key, entry] of Object.entries(lock.packages)) {
    if (key && !entry.dev) packages[key] = entry;
  }
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'sw-install-test', private: true, dependencies: { seizurewatch: spec } }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'package-lock.json'),
    `${JSON.stringify({ name: 'sw-install-test', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`,
  );
}

describe('npm pack, installed in an empty folder', { timeout: 600_000 }, () => {
  let packed: PackResult;
  let tarball: string;
  const install = path.join(work, 'install');

  it('packs compiled code, config and the demo pages, nothing else', async () => {
    const checkout = path.join(work, 'checkout');
    await copyCheckout(checkout);
    const out = await npm(['pack', '--json', '--pack-destination', work], checkout);
    // npm prints the build's output before the JSON.
    packed = (JSON.parse(out.slice(out.indexOf('\n[') + 1 || 0)) as PackResult[])[0]!;
    tarball = path.join(work, packed.filename);
    const files = packed.files.map((f) => f.path).sort();

    expect(files).toContain('bin/seizurewatch.js');
    expect(files).toContain('dist/src/cli/main.js');
    expect(files).toContain('dist/extractors/index.js');
    expect(files).toContain('dist/jobs/poll-feed.js');
    expect(files).toContain('config/rules/en/drugs.yaml');
    expect(files).toContain('config/default.yaml');
    expect(files).toContain('dist/ui/index.html');
    const allowed = [
      /^bin\/seizurewatch\.js$/,
      /^dist\/(src|jobs|extractors)\/.+(?<!\.[cm]?tsx?)$/, // compiled code, and assets beside it
      /^config\/.+\.yaml$/,
      /^dist\/ui\/.+$/, // the dashboard's page and assets, built by build:ui
      /^tests\/fixtures\/golden-dw-belgium\/(feed\.xml|article\.html|negative-article\.html)$/,
      /^tests\/fixtures\/(cluster|dashboard-demo)\/.+\.(json|md)$/, // `ui --demo`'s archive
      /^(package\.json|README\.md|LICENSE)$/,
    ];
    expect(files.filter((f) => !allowed.some((re) => re.test(f)))).toEqual([]);
    expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES);
  });

  it('installs offline from the npm cache and runs `seizurewatch demo` there', async () => {
    expect(tarball, 'the pack test ran first').toBeDefined();
    mkdirSync(install);
    cpSync(tarball, path.join(install, path.basename(tarball)));
    writeInstallProject(install, tarball);
    const ci = ['ci', '--no-audit', '--no-fund', ...(NATIVE ? [] : ['--ignore-scripts'])];
    try {
      await npm([...ci, '--offline'], install);
    } catch (err) {
      // A cache without some tarball (cleaned by hand): the registry, then.
      if (!/ENOTCACHED/.test((err as Error).message)) throw err;
      await npm([...ci, '--prefer-offline'], install);
    }
    if (!NATIVE) {
      const addon = path.join(
        path.dirname(createRequire(path.join(ROOT, 'package.json')).resolve('better-sqlite3/package.json')),
        'build/Release/better_sqlite3.node',
      );
      const target = path.join(install, 'node_modules/better-sqlite3/build/Release');
      mkdirSync(target, { recursive: true });
      cpSync(addon, path.join(target, 'better_sqlite3.node'));
    }
    const installed = path.join(install, 'node_modules/seizurewatch');
    expect(existsSync(path.join(installed, 'dist/src/cli/main.js'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
    expect(existsSync(path.join(install, 'node_modules/tsx'))).toBe(false);
    expect(existsSync(path.join(install, 'node_modules/typescript'))).toBe(false);

    const bin = path.join(install, 'node_modules/.bin/seizurewatch');
    const env = { ...process.env, SEIZUREWATCH_GEO_CACHE: path.join(work, 'geo-cache') };
    const version = await run(bin, ['--version'], { cwd: install, env });
    expect(version.stdout.trim()).toBe(
      (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version,
    );
    const demo = await run(bin, ['demo'], { cwd: install, env, timeout: 120_000 });
    const records = demo.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; seizureStory: boolean; extractor: string });
    expect(records).toHaveLength(2);
    expect(records.find((r) => r.id === GOLDEN_ID)?.seizureStory).toBe(true);
    expect(records.filter((r) => r.seizureStory)).toHaveLength(1);
    expect(demo.stderr).toMatch(/records: 2 stored \(1 seizure stories\)/);
  });
});
