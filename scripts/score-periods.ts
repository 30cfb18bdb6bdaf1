/**
 * `npx tsx scripts/score-periods.ts [DIR...]`: seizures F1 and period accuracy on every labelled
 * tuning set (issue 9), with each period error and each figure missed or extra, and the gold
 * evidence or extracted sentence as context. With no DIR: dev, dev-multilingual, the held-out
 * root, fresh, v2..v8 and ml1..ml3 (never a blind set). `--json` prints one object per set.
 */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { loadLabelledDir } from '../src/score/corpus.ts';
import { extractLabelled } from '../src/score/extract-labelled.ts';
import { describeSeizure, type ScoredRecord, scoreCorpus } from '../src/score/index.ts';
import { TUNING_SETS } from './tuning-sets.ts';

const ROOT = join(import.meta.dirname, '..');
const TUNING = Object.values(TUNING_SETS);

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--'));
const fmt = (n: number) => n.toFixed(3);

for (const dir of (dirs.length > 0 ? dirs : TUNING).filter((d) => existsSync(d))) {
  const labelled = loadLabelledDir(dir);
  const records: ScoredRecord[] = labelled.map((a) => extractLabelled(a));
  const report = scoreCorpus(labelled, records);
  const name = relative(ROOT, dir) || '.';
  const lines: string[] = [];
  for (const a of report.perArticle) {
    const gold = labelled.find((l) => l.id === a.id)!;
    const rec = records.find((r) => r.id === a.id);
    const goldOf = (label: string) =>
      gold.seizures.find((s) => label.startsWith(describeSeizure(s)))?.evidence ?? '';
    const predOf = (label: string) =>
      (rec?.seizures.find((s) => label.startsWith(describeSeizure(s))) as { evidence?: string } | undefined)
        ?.evidence ?? '';
    for (const p of a.seizures.wrongPeriod) lines.push(`  ${a.id} period ${p}  | ${goldOf(p).slice(0, 110)}`);
    for (const m of a.seizures.missed) lines.push(`  ${a.id} missed ${m}  | ${goldOf(m).slice(0, 110)}`);
    for (const x of a.seizures.extra) lines.push(`  ${a.id} extra  ${x}  | ${predOf(x).slice(0, 110)}`);
  }
  if (json) {
    process.stdout.write(
      `${JSON.stringify({ set: name, seizures: report.seizures, period: report.periodAccuracy, errors: lines.map((l) => l.trim()) })}\n`,
    );
    continue;
  }
  const s = report.seizures;
  const p = report.periodAccuracy;
  process.stdout.write(
    `${name.padEnd(34)} seizures F1 ${fmt(s.f1)} (tp ${s.tp} fp ${s.fp} fn ${s.fn})  period ${fmt(p.accuracy)} (${p.correct}/${p.total})\n`,
  );
  if (lines.length > 0) process.stdout.write(`${lines.join('\n')}\n`);
}
