/**
 * Prints the failure rate per cause of the round 6 probe battery and each failed check:
 * `npx tsx tests/extract/battery/round6-report.ts [--json]`.
 */
import { runRound5 } from './round5-probes.ts';
import { round6 } from './round6-probes.ts';

const byCause = new Map<string, { n: number; failed: number }>();
const lines: string[] = [];
let failed = 0;
for (const probe of round6) {
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
  console.log(JSON.stringify({ failed, total: round6.length, byCause: Object.fromEntries(byCause) }));
} else {
  console.log(`all      ${failed}/${round6.length} probes fail`);
  for (const [cause, c] of byCause) console.log(`${cause.padEnd(28)} ${c.failed}/${c.n}`);
  for (const l of lines) console.log(`  ${l}`);
}
