/**
 * Prints the failure rate per cause of a probe battery and each failed check:
 * `npx tsx tests/extract/battery/probe-report.ts [round5|round6] [--json]` (default round6).
 */
import { round5, runRound5 } from './round5-probes.ts';
import { round6 } from './round6-probes.ts';

const batteries = { round5, round6 };
const name = (process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 'round6') as keyof typeof batteries;
const probes = batteries[name];
if (!probes) {
  console.error(`unknown battery "${name}": one of ${Object.keys(batteries).join(', ')}`);
  process.exit(2);
}

const byCause = new Map<string, { n: number; failed: number }>();
const lines: string[] = [];
let failed = 0;
for (const probe of probes) {
  const fails = runRound5(probe);
  const c = byCause.get(probe.cause) ?? { n: 0, failed: 0 };
  c.n++;
  if (fails.length > 0) {
    c.failed++;
    failed++;
  }
  byCause.set(probe.cause, c);
  for (const f of fails) lines.push(`${probe.id} ${f}`);
}
if (process.argv.includes('--json')) {
  console.log(
    JSON.stringify({ battery: name, failed, total: probes.length, byCause: Object.fromEntries(byCause) }),
  );
} else {
  console.log(`${name}   ${failed}/${probes.length} probes fail`);
  for (const [cause, c] of byCause) console.log(`${cause.padEnd(28)} ${c.failed}/${c.n}`);
  for (const l of lines) console.log(`  ${l}`);
}
