/**
 * How the command starts: `--help` and `--version` load the command line and nothing of the
 * pipeline; bin/seizurewatch.js runs dist/ only while it is not older than the sources, and the
 * sources (through tsx) otherwise, so a stale build never runs. Not timed: bench/startup.bench.ts
 * measures the speed.
 */
import { execFile } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { distState } from '../scripts/dist-state.mjs';
import { ROOT } from './helpers/paths.ts';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/seizurewatch.js');
const work = mkdtempSync(path.join(tmpdir(), 'sw-startup-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The modules a run of the CLI resolved, as paths relative to the repo (packages by name). */
async function modulesLoaded(args: string[]): Promise<string[]> {
  const file = path.join(work, `imports-${args.join('_').replace(/\W/g, '')}.txt`);
  await run(
    process.execPath,
    ['--import', path.join(ROOT, 'tests/helpers/record-imports.mjs'), BIN, ...args],
    {
      env: { ...process.env, RECORD_IMPORTS_FILE: file, SEIZUREWATCH_FROM_SOURCE: '' },
    },
  );
  const urls = readFileSync(file, 'utf8').trim().split('\n');
  return [
    ...new Set(
      urls
        .filter((u) => u.startsWith('file:'))
        .map((u) => {
          const p = path.relative(ROOT, new URL(u).pathname);
          const pkg = p.match(/^node_modules\/((?:@[^/]+\/)?[^/]+)/);
          return pkg ? `package ${pkg[1]}` : p;
        }),
    ),
  ].sort();
}

/** What the command line itself needs; anything else must be imported by the action that uses it. */
const CLI_ONLY = [
  /^bin\/seizurewatch\.js$/,
  /^scripts\/dist-state\.mjs$/,
  /^dist\/src\/cli\/main\.js$/,
  /^dist\/src\/(errors|version|package-root)\.js$/,
  /^package commander$/,
];

describe('what --help and --version load', () => {
  it('--help: the command modules and commander, none of the pipeline', async () => {
    const loaded = await modulesLoaded(['--help']);
    expect(loaded).toContain('dist/src/cli/main.js'); // compiled code ran, not the sources
    expect(loaded).toContain('dist/src/cli/commands/extract.js');
    // A module listed here was imported at the top of a command module: import it inside the
    // command's action instead (see src/cli/main.ts).
    const extra = loaded.filter(
      (m) => !CLI_ONLY.some((re) => re.test(m)) && !/^dist\/src\/cli\/commands\/[^/]+\.js$/.test(m),
    );
    expect(extra).toEqual([]);
  });

  it('--version: not even the command modules', async () => {
    const loaded = await modulesLoaded(['--version']);
    expect(loaded.filter((m) => !CLI_ONLY.some((re) => re.test(m)))).toEqual([]);
  });

  it('extract --help: only that command', async () => {
    const loaded = await modulesLoaded(['extract', '--help']);
    expect(loaded.filter((m) => m.startsWith('dist/src/cli/commands/'))).toEqual([
      'dist/src/cli/commands/extract.js',
    ]);
    expect(loaded.some((m) => m.startsWith('dist/src/extract/') || m === 'package cheerio')).toBe(false);
  });
});

describe('bin/seizurewatch.js never runs a stale dist/', () => {
  /**
   * A checkout in miniature: the real bin and freshness check, a source main and a compiled
   * main that say which one ran, and a build stamp.
   */
  function fakeCheckout(name: string, withTsx: boolean): string {
    const dir = path.join(work, name);
    mkdirSync(path.join(dir, 'src/cli'), { recursive: true });
    mkdirSync(path.join(dir, 'dist/src/cli'), { recursive: true });
    cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
    cpSync(path.join(ROOT, 'scripts'), path.join(dir, 'scripts'), { recursive: true });
    writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
    writeFileSync(
      path.join(dir, 'src/cli/main.ts'),
      'export async function main(argv: string[]): Promise<void> { console.log("source", ...argv.slice(2)); }\n',
    );
    writeFileSync(
      path.join(dir, 'dist/src/cli/main.js'),
      'export async function main(argv) { console.log("dist", ...argv.slice(2)); }\n',
    );
    if (withTsx) symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
    // Sources from a minute ago, built 30 s ago.
    const past = new Date(Date.now() - 60_000);
    for (const p of ['src/cli/main.ts', 'src/cli', 'src']) utimesSync(path.join(dir, p), past, past);
    stamp(dir, Date.now() - 30_000);
    return dir;
  }

  function stamp(dir: string, startedAt: number): void {
    writeFileSync(path.join(dir, 'dist/.build-stamp.json'), JSON.stringify({ startedAt }));
  }

  async function start(dir: string, env: Record<string, string> = {}) {
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(dir, 'bin/seizurewatch.js'), 'x'], {
        env: { ...process.env, SEIZUREWATCH_FROM_SOURCE: '', ...env },
      });
      return { code: 0, stdout: stdout.trim(), stderr };
    } catch (err) {
      const e = err as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout.trim(), stderr: e.stderr };
    }
  }

  it('runs dist/ while it is fresh, and the sources once one changes', async () => {
    const dir = fakeCheckout('stale', true);
    expect(distState(dir)).toEqual({ fresh: true });
    expect((await start(dir)).stdout).toBe('dist x');
    expect((await start(dir, { SEIZUREWATCH_FROM_SOURCE: '1' })).stdout).toBe('source x');

    writeFileSync(path.join(dir, 'src/cli/main.ts'), readFileSync(path.join(dir, 'src/cli/main.ts')));
    expect(distState(dir)).toEqual({ fresh: false, reason: 'src/cli/main.ts changed after the last build' });
    const r = await start(dir);
    expect(r.stdout).toBe('source x');
    expect(r.stderr).toBe(''); // the note is for terminals only: scripts parse stderr

    stamp(dir, Date.now() + 1000); // rebuilt
    expect((await start(dir)).stdout).toBe('dist x');
  });

  it('counts a file added or removed (the folder changes), and a missing stamp', async () => {
    const dir = fakeCheckout('added', true);
    writeFileSync(path.join(dir, 'src/new-module.ts'), 'export {};\n');
    expect(distState(dir)).toMatchObject({ fresh: false, reason: expect.stringMatching(/^src/) });
    stamp(dir, Date.now() + 1000);
    expect(distState(dir)).toEqual({ fresh: true });
    rmSync(path.join(dir, 'dist/.build-stamp.json'));
    expect(distState(dir)).toEqual({ fresh: false, reason: 'dist/ is not built' });
    expect((await start(dir)).stdout).toBe('source x');
  });

  it('without tsx (no devDependencies): runs the old build with a warning, or says to build', async () => {
    const dir = fakeCheckout('no-tsx', false);
    writeFileSync(path.join(dir, 'src/cli/main.ts'), 'export {};\n');
    const old = await start(dir);
    expect(old.stdout).toBe('dist x');
    expect(old.stderr).toMatch(
      /changed after the last build, and tsx is not installed: running the old build/,
    );
    rmSync(path.join(dir, 'dist'), { recursive: true });
    const none = await start(dir);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/dist\/ is not built: run `npm run build` \(or `npm ci`\) first/);
  });
});
