/**
 * Per-language report over several labelled folders: `npx tsx scripts/score-languages.ts DIR...`
 * (default: the multilingual dev set and the ml1..ml3 tuning sets). One table per metric with a
 * row per language and a column per folder, plus a pooled column (the counts of every folder
 * summed, then F1), and the seizure misses/extras of each language so the weakest one is easy to
 * read. `--json` prints the pooled and per-folder figures as one JSON object.
 *
 * Never give it a blind set: the default list holds tuning sets only.
 */
import { basename, resolve } from 'node:path';
import { loadLabelledDir } from '../src/score/corpus.ts';
import { extractLabelled } from '../src/score/extract-labelled.ts';
import { scoreCorpus } from '../src/score/index.ts';
import { prf } from '../src/score/metrics.ts';
import { MULTILINGUAL_SETS, TUNING_SETS } from './tuning-sets.ts';

const args = process.argv.slice(2);
const json = args.includes('--json');
const dirs = args.filter((a) => !a.startsWith('--'));
const defaults = MULTILINGUAL_SETS.map((s) => TUNING_SETS[s]!);
const folders = (dirs.length > 0 ? dirs : defaults).map((d) => resolve(d));

type Metric = 'seizures' | 'seizureStory' | 'persons' | 'places';
const metrics: Metric[] = ['seizures', 'seizureStory', 'persons', 'places'];
type Counts = Record<Metric, [number, number, number]>;

const perFolder = new Map<string, Map<string, Counts>>();
const pooled = new Map<string, Counts>();
const errors = new Map<string, string[]>();
const zero = (): Counts => ({
  seizures: [0, 0, 0],
  seizureStory: [0, 0, 0],
  persons: [0, 0, 0],
  places: [0, 0, 0],
});

for (const dir of folders) {
  const labelled = loadLabelledDir(dir);
  const records = labelled.map((a) => extractLabelled(a));
  const report = scoreCorpus(labelled, records);
  const langOf = new Map(labelled.map((a) => [a.id, a.language ?? 'und']));
  const table = new Map<string, Counts>();
  for (const art of report.perArticle) {
    const lang = langOf.get(art.id) ?? 'und';
    const c = table.get(lang) ?? zero();
    const p = pooled.get(lang) ?? zero();
    const story: [number, number, number] = [
      art.story.gold && art.story.pred ? 1 : 0,
      !art.story.gold && art.story.pred ? 1 : 0,
      art.story.gold && !art.story.pred ? 1 : 0,
    ];
    const add = (m: Metric, v: [number, number, number]) => {
      for (const t of [c, p]) for (let i = 0; i < 3; i++) t[m][i]! += v[i]!;
    };
    add('seizures', [art.seizures.tp, art.seizures.fp, art.seizures.fn]);
    add('seizureStory', story);
    add('persons', [art.persons.tp, art.persons.fp, art.persons.fn]);
    add('places', [art.places.tp, art.places.fp, art.places.fn]);
    table.set(lang, c);
    pooled.set(lang, p);
    const e = errors.get(lang) ?? [];
    for (const m of art.seizures.missed) e.push(`${art.id} - ${m}`);
    for (const x of art.seizures.extra) e.push(`${art.id} + ${x}`);
    if (art.story.gold !== art.story.pred) e.push(`${art.id} story ${art.story.gold}/${art.story.pred}`);
    errors.set(lang, e);
  }
  perFolder.set(basename(dir), table);
}

const f1 = (c: [number, number, number] | undefined): number | null =>
  c && c[0] + c[1] + c[2] > 0 ? prf(c[0], c[1], c[2]).f1 : null;
const langs = [...pooled.keys()].sort();
const all = (counts: Map<string, Counts>): Counts => {
  const t = zero();
  for (const c of counts.values()) for (const m of metrics) for (let i = 0; i < 3; i++) t[m][i]! += c[m][i]!;
  return t;
};

if (json) {
  const out: Record<string, unknown> = {};
  for (const [name, table] of [...perFolder, ['pooled', pooled] as const]) {
    const o: Record<string, Record<Metric, number | null>> = {};
    for (const [lang, c] of [...table, ['all', all(table)] as const]) {
      o[lang] = Object.fromEntries(metrics.map((m) => [m, f1(c[m])])) as Record<Metric, number | null>;
    }
    out[name] = o;
  }
  process.stdout.write(`${JSON.stringify(out)}\n`);
} else {
  const names = [...perFolder.keys()];
  const cell = (v: number | null) => (v === null ? '   -  ' : v.toFixed(3).padStart(6));
  const lines: string[] = [];
  for (const m of metrics) {
    lines.push(`${m} F1`.padEnd(16) + [...names, 'pooled'].map((n) => n.slice(0, 10).padStart(11)).join(''));
    for (const lang of [...langs, 'all']) {
      const row = names.map((n) => {
        const t = perFolder.get(n)!;
        return cell(f1((lang === 'all' ? all(t) : t.get(lang))?.[m]));
      });
      const p = lang === 'all' ? all(pooled) : pooled.get(lang);
      lines.push(`  ${lang.padEnd(14)}${[...row, cell(f1(p?.[m]))].map((c) => c.padStart(11)).join('')}`);
    }
    lines.push('');
  }
  lines.push('seizure misses (-), extras (+) and story errors per language:');
  for (const lang of langs) {
    const e = errors.get(lang) ?? [];
    lines.push(`  ${lang} (${e.length})`);
    for (const x of e) lines.push(`    ${x}`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
}
