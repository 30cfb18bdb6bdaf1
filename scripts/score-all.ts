/**
 * Seizure figures scored on every labelled set at once: P/R/F1 per set and pooled, and the
 * false figures (predicted, matched to no labelled seizure) with their rule ids and the words
 * around the number, so a class of false figures shows across sets rather than in one.
 *
 *   npx tsx scripts/score-all.ts               table per set, pooled, then the false figures
 *   npx tsx scripts/score-all.ts --table       the table only
 *   npx tsx scripts/score-all.ts --json FILE   also write every predicted figure (set, id, tp/fp,
 *                                              confidence, reasons, evidence) for offline study
 *   npx tsx scripts/score-all.ts --missed      also list the labelled seizures not found
 *
 * The sets are the tuning sets of docs (dev, dev-multilingual, the held-out root files and
 * fresh, v2..v8, ml1..ml3). Blind sets are never read: the list below is explicit on purpose.
 */
import { writeFileSync } from 'node:fs';
import type { LabelledArticle } from '../src/score/corpus.ts';
import { extractLabelled } from '../src/score/extract-labelled.ts';
import { describeSeizure } from '../src/score/index.ts';
import { matchOneToOne, prf, seizuresMatch } from '../src/score/metrics.ts';
import { loadTuningSet, pickTuningSets } from './tuning-sets.ts';

export const SETS: Array<[string, () => LabelledArticle[]]> = pickTuningSets([]).map((s) => [
  s,
  () => loadTuningSet(s),
]);

export interface Figure {
  set: string;
  id: string;
  language: string;
  tp: boolean;
  label: string;
  confidence: number;
  reasons: string[];
  evidence: string;
}

/** Every predicted figure of every set, marked right (matched one-to-one) or false; and the misses. */
export function runAll(): { figures: Figure[]; missed: Array<{ set: string; id: string; label: string }> } {
  const figures: Figure[] = [];
  const missed: Array<{ set: string; id: string; label: string }> = [];
  const now = () => new Date('2026-12-07T12:00:00Z');
  for (const [set, load] of SETS) {
    for (const a of load()) {
      const rec = extractLabelled(a, now);
      const pairs = matchOneToOne(a.seizures, rec.seizures, seizuresMatch);
      const hit = new Set(pairs.map(([, p]) => p));
      const goldHit = new Set(pairs.map(([g]) => g));
      rec.seizures.forEach((s, j) => {
        figures.push({
          set,
          id: a.id,
          language: a.language ?? 'und',
          tp: hit.has(j),
          label: describeSeizure(s),
          confidence: s.confidence,
          reasons: s.reasons,
          evidence: s.evidence,
        });
      });
      a.seizures.forEach((g, i) => {
        if (!goldHit.has(i)) missed.push({ set, id: a.id, label: describeSeizure(g) });
      });
    }
  }
  return { figures, missed };
}

/** P/R/F1 of a set of figures (fn from the misses). */
export function tally(figures: Figure[], fn: number) {
  const tp = figures.filter((f) => f.tp).length;
  return prf(tp, figures.length - tp, fn);
}

function main(): void {
  const args = process.argv.slice(2);
  const { figures, missed } = runAll();
  const f3 = (n: number) => n.toFixed(3);
  const rows = [...SETS.map(([s]) => s), 'POOLED'];
  console.log('set        P      R      F1     tp   fp   fn');
  for (const set of rows) {
    const fs = set === 'POOLED' ? figures : figures.filter((f) => f.set === set);
    const fn = set === 'POOLED' ? missed.length : missed.filter((m) => m.set === set).length;
    const m = tally(fs, fn);
    console.log(
      `${set.padEnd(9)}  ${f3(m.precision)}  ${f3(m.recall)}  ${f3(m.f1)}  ${String(m.tp).padStart(4)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)}`,
    );
  }
  const jsonAt = args.indexOf('--json');
  if (jsonAt >= 0 && args[jsonAt + 1])
    writeFileSync(args[jsonAt + 1]!, `${JSON.stringify({ figures, missed }, null, 1)}\n`);
  if (args.includes('--table')) return;
  console.log('\nfalse figures (set id: figure, confidence; reasons; words around the number):');
  for (const f of figures.filter((x) => !x.tp)) {
    console.log(`${f.set} ${f.id}: ${f.label}  conf ${f.confidence.toFixed(2)}`);
    console.log(`    ${f.reasons.join(' ')}`);
    console.log(`    | ${f.evidence.replace(/\s+/g, ' ').slice(0, 400)}`);
  }
  if (args.includes('--missed')) {
    console.log('\nmissed labelled seizures:');
    for (const m of missed) console.log(`${m.set} ${m.id}: ${m.label}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
