/**
 * `npm run bench:startup`: how fast the command starts, against a bare `node -e 0` measured in
 * the same run. Each command runs as a process, ROUNDS times, interleaved; the best run counts
 * (other load on a shared machine only ever adds). Targets: `--help` and `--version` <= 8x the
 * bare node, `extract` of the golden DW page <= 1 s warm (gazetteer and rule-table caches
 * present, which the first, unmeasured round makes sure of).
 *
 * Wall time is measured by this process around each child. CPU time (user + system) is what
 * the child reports of itself when it exits: it does not count waiting for a core, so its
 * ratio holds better on a busy machine. `--check` exits 1 when a target is missed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/seizurewatch.js');
const GOLDEN_PAGE = path.join(ROOT, 'tests/fixtures/golden-dw-belgium/article.html');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const HELP_TARGET = 8;
const EXTRACT_TARGET_MS = 1000;

// The CLI must run compiled, as installed: build dist/ when the sources are newer.
const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs'), '--if-stale'], {
  stdio: 'inherit',
});
if (build.status !== 0 && build.status !== 2) process.exit(build.status ?? 1);

const work = mkdtempSync(path.join(tmpdir(), 'sw-bench-startup-'));
const cpuFile = path.join(work, 'cpu');
// Preloaded into every child, the baseline included: the child's own CPU time, at exit.
const REPORT_CPU = `data:text/javascript,${encodeURIComponent(
  `import { writeFileSync } from 'node:fs'; process.on('exit', () => { const u = process.cpuUsage(); writeFileSync(${JSON.stringify(cpuFile)}, String((u.user + u.system) / 1000)); });`,
)}`;

interface Case {
  name: string;
  args: string[];
}
const CASES: Case[] = [
  { name: 'node -e 0', args: ['-e', '0'] },
  { name: 'seizurewatch --help', args: [BIN, '--help'] },
  { name: 'seizurewatch --version', args: [BIN, '--version'] },
  { name: 'seizurewatch extract (golden page)', args: [BIN, 'extract', GOLDEN_PAGE] },
];

function runOnce(c: Case): { wallMs: number; cpuMs: number } {
  rmSync(cpuFile, { force: true });
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--import', REPORT_CPU, ...c.args], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, SEIZUREWATCH_FROM_SOURCE: '' },
  });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    throw new Error(`${c.name} exited ${r.status}: ${r.stderr.toString().slice(0, 2000)}`);
  }
  return { wallMs, cpuMs: Number(readFileSync(cpuFile, 'utf8')) };
}

try {
  // Warm-up round, not measured: fills the gazetteer and rule caches, the OS file cache.
  for (const c of CASES) runOnce(c);
  const best = CASES.map(() => ({ wallMs: Number.POSITIVE_INFINITY, cpuMs: Number.POSITIVE_INFINITY }));
  for (let r = 0; r < ROUNDS; r++) {
    CASES.forEach((c, i) => {
      const t = runOnce(c);
      best[i]!.wallMs = Math.min(best[i]!.wallMs, t.wallMs);
      best[i]!.cpuMs = Math.min(best[i]!.cpuMs, t.cpuMs);
    });
  }
  const base = best[0]!;
  const lines = [`startup, best of ${ROUNDS} (wall ms / CPU ms, ratio to ${CASES[0]!.name}):`];
  CASES.forEach((c, i) => {
    const b = best[i]!;
    lines.push(
      `  ${c.name.padEnd(36)} ${b.wallMs.toFixed(0).padStart(6)} ms  ${(b.wallMs / base.wallMs).toFixed(2).padStart(6)}x   CPU ${b.cpuMs.toFixed(0).padStart(5)} ms  ${(b.cpuMs / base.cpuMs).toFixed(2).padStart(6)}x`,
    );
  });
  const helpRatio = best[1]!.wallMs / base.wallMs;
  const versionRatio = best[2]!.wallMs / base.wallMs;
  const extractMs = best[3]!.wallMs;
  const verdicts = [
    [`--help ${helpRatio.toFixed(2)}x`, helpRatio <= HELP_TARGET, `<= ${HELP_TARGET}x`],
    [`--version ${versionRatio.toFixed(2)}x`, versionRatio <= HELP_TARGET, `<= ${HELP_TARGET}x`],
    [
      `extract ${(extractMs / 1000).toFixed(2)} s`,
      extractMs <= EXTRACT_TARGET_MS,
      `<= ${EXTRACT_TARGET_MS / 1000} s`,
    ],
  ] as const;
  for (const [what, ok, target] of verdicts)
    lines.push(`  ${ok ? 'ok  ' : 'OVER'} ${what} (target ${target})`);
  // On a machine busy with other work, wall time also counts the waits for a core.
  const load = os.loadavg()[0]!;
  const cpus = os.availableParallelism();
  lines.push(
    `  (extract used ${(best[3]!.cpuMs / 1000).toFixed(2)} s of CPU; load average ${load.toFixed(1)} on ${cpus} cores${load > cpus ? ': wall times include waiting for a core' : ''})`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  if (process.argv.includes('--check') && verdicts.some(([, ok]) => !ok)) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
