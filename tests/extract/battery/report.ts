/**
 * Prints the failure rate per class of the probe battery and each failed check:
 * `npx tsx tests/extract/battery/report.ts [--json]`.
 */
import { probes, runProbe } from './context-probes.ts';

const byClass = new Map<string, { n: number; failed: number; checks: number; failedChecks: number }>();
const lines: string[] = [];
for (const probe of probes) {
  const fails = runProbe(probe);
  const c = byClass.get(probe.cls) ?? { n: 0, failed: 0, checks: 0, failedChecks: 0 };
  c.n++;
  if (fails.length > 0) c.failed++;
  byClass.set(probe.cls, c);
  for (const f of fails) lines.push(`${probe.id} ${f}`);
}
if (process.argv.includes('--json')) {
  console.log(JSON.stringify(Object.fromEntries(byClass)));
} else {
  for (const [cls, c] of byClass) {
    console.log(`${cls.padEnd(8)} ${c.failed}/${c.n} probes fail (${((100 * c.failed) / c.n).toFixed(0)}%)`);
  }
  for (const l of lines) console.log(`  ${l}`);
}
