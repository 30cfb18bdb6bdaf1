/**
 * `npm run soak [-- --minutes 10 --baseline-minutes 3 --rate 60]`: `serve` as a process, first
 * on normal local feeds only (the baseline), then with a hostile site mixed in (pages nesting
 * `<div title="/>">` 100,000+ deep, never-ending bodies, 9 MB pages of many nodes, a 14 MB
 * attribute-trick feed, a 12 MB feed of huge items). Prints normal articles per minute over
 * time, the first and last minutes, the hostile/baseline ratio of the rate, the lag from
 * publication to output, and /healthz latency sampled every 250 ms. Figures as ratios within one
 * run, never absolute pass marks.
 */
import { runSoak, type SoakReport } from './soak-run.ts';

function arg(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const v = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isFinite(v) || v < 0) {
    process.stderr.write(`--${name}: expected a number >= 0\n`);
    process.exit(2);
  }
  return v;
}

const minutes = arg('minutes', 10);
const baselineMinutes = arg('baseline-minutes', 3);
const rate = arg('rate', 60);
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** Articles per minute over whole minutes, leaving out the first (start-up) when there are more. */
function steadyRate(r: SoakReport): number {
  const whole = r.perMinute.slice(0, Math.floor(r.durationMs / 60_000));
  const steady = whole.length > 2 ? whole.slice(1) : whole;
  return steady.length ? steady.reduce((a, b) => a + b, 0) / steady.length : 0;
}

function show(label: string, r: SoakReport): string {
  const f = r.failures;
  const failures = Object.keys(f).length
    ? Object.entries(f)
        .map(([k, v]) => `${k}=${v}`)
        .join(' ')
    : 'none';
  return [
    `${label} (${(r.durationMs / 60_000).toFixed(1)} min):`,
    `  normal articles per minute: ${r.perMinute.join(' ')}`,
    `  steady rate: ${steadyRate(r).toFixed(1)}/min; first minute ${r.perMinute[0] ?? 0}, last whole minute ${r.perMinute[Math.floor(r.durationMs / 60_000) - 1] ?? '-'}`,
    `  stored ${r.normalStored} normal (${r.normalMissing} of ${r.normalExpected} expected missing), ${r.hostileStored} hostile`,
    `  lag published -> written: p50 ${(r.lagMs.p50 / 1000).toFixed(1)} s, p95 ${(r.lagMs.p95 / 1000).toFixed(1)} s, max ${(r.lagMs.max / 1000).toFixed(1)} s`,
    `  /healthz: ${r.healthz.samples} samples, ${r.healthz.failed} failed, p99 ${r.healthz.p99Ms} ms, max ${r.healthz.maxMs} ms`,
    `  job failures: ${failures}`,
  ].join('\n');
}

const baseline =
  baselineMinutes > 0
    ? await runSoak({
        durationMs: baselineMinutes * 60_000,
        hostile: false,
        articlesPerMinute: rate,
        onProgress: progress,
      })
    : null;
const hostile = await runSoak({
  durationMs: minutes * 60_000,
  hostile: true,
  articlesPerMinute: rate,
  onProgress: progress,
});
if (baseline) process.stdout.write(`${show('baseline, normal feeds only', baseline)}\n`);
process.stdout.write(`${show('with the hostile site', hostile)}\n`);
if (baseline) {
  const ratio = steadyRate(hostile) / Math.max(1e-9, steadyRate(baseline));
  process.stdout.write(`rate with hostile / baseline: ${ratio.toFixed(2)}\n`);
}
