import { extractLabelled } from '../src/score/extract-labelled.ts';
import { nameOverlap, prf } from '../src/score/metrics.ts';
import { loadTuningSet, pickTuningSets } from './tuning-sets.ts';

const args = process.argv.slice(2);
const summary = args.includes('--summary');
const json = args.includes('--json');
const onlyAt = args.indexOf('--only');
const only = onlyAt >= 0 ? args[onlyAt + 1] : undefined;
const chosen = args.filter((a, i) => !a.startsWith('--') && !(onlyAt >= 0 && i === onlyAt + 1));
const names = pickTuningSets(chosen);

/** Up to two places where `name` occurs in `text`, with 50 characters each side. */
function contexts(text: string, name: string): string[] {
  const out: string[] = [];
  const lower = text.toLowerCase();
  const needle = name.toLowerCase();
  let at = lower.indexOf(needle);
  while (at >= 0 && out.length < 2) {
    const from = Math.max(0, at - 50);
    const to = Math.min(text.length, at + needle.length + 50);
    out.push(
      `…${text.slice(from, at)}[${text.slice(at, at + needle.length)}]${text.slice(at + needle.length, to)}…`.replace(
        /\s+/g,
        ' ',
      ),
    );
    at = lower.indexOf(needle, at + needle.length);
  }
  if (out.length === 0) {
    const last = name.split(/\s+/).pop() ?? name;
    if (last !== name) return contexts(text, last);
  }
  return out;
}

interface SetFigures {
  set: string;
  articles: number;
  persons: ReturnType<typeof prf>;
  places: ReturnType<typeof prf>;
}

const results: SetFigures[] = [];
const lines: string[] = [];
for (const set of names) {
  const labelled = loadTuningSet(set);
  const sum = { p: [0, 0, 0], l: [0, 0, 0] };
  for (const article of labelled) {
    const record = extractLabelled(article, () => new Date('2026-12-07T00:00:00Z'));
    const body = `${article.title ?? ''}\n${article.text}`;
    const kinds = [
      ['persons', article.persons.map((p) => p.name), record.persons.map((p) => p.name), sum.p],
      ['places', article.places.map((p) => p.name), record.places.map((p) => p.name), sum.l],
    ] as const;
    for (const [kind, gold, pred, acc] of kinds) {
      const o = nameOverlap([...gold], [...pred]);
      acc[0]! += o.tp;
      acc[1]! += o.fp;
      acc[2]! += o.fn;
      if (summary || (only && only !== kind)) continue;
      for (const m of o.missed) {
        lines.push(`${set} ${article.id} ${article.language ?? 'und'} - ${kind.slice(0, -1)} ${m}`);
        for (const c of contexts(body, m)) lines.push(`      ${c}`);
      }
      for (const m of o.extra) {
        lines.push(`${set} ${article.id} ${article.language ?? 'und'} + ${kind.slice(0, -1)} ${m}`);
        for (const c of contexts(body, m)) lines.push(`      ${c}`);
      }
    }
  }
  results.push({
    set,
    articles: labelled.length,
    persons: prf(sum.p[0]!, sum.p[1]!, sum.p[2]!),
    places: prf(sum.l[0]!, sum.l[1]!, sum.l[2]!),
  });
}

if (json) {
  console.log(JSON.stringify(results, null, 2));
} else {
  for (const l of lines) console.log(l);
  if (lines.length > 0) console.log('');
  const f = (m: ReturnType<typeof prf>) => `${m.f1.toFixed(3)} (tp ${m.tp} fp ${m.fp} fn ${m.fn})`;
  console.log(`${'set'.padEnd(8)} ${'n'.padStart(3)}  ${'persons F1'.padEnd(26)} places F1`);
  for (const r of results)
    console.log(
      `${r.set.padEnd(8)} ${String(r.articles).padStart(3)}  ${f(r.persons).padEnd(26)} ${f(r.places)}`,
    );
}
