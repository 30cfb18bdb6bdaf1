import type { LabelledArticle } from '../src/score/corpus.ts';
import { extractLabelled } from '../src/score/extract-labelled.ts';
import { scoreCorpus } from '../src/score/index.ts';
import { matchOneToOne, seizuresMatch } from '../src/score/metrics.ts';
import { loadTuningSet, pickTuningSets } from './tuning-sets.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const chosen = pickTuningSets(names);

const f3 = (x: number) => x.toFixed(3);
const rows: Array<Record<string, string | number>> = [];
const errors: string[] = [];
const placeLines: string[] = [];
const tot = { cc: 0, ct: 0, ptp: 0, pfp: 0, pfn: 0 };

for (const name of chosen) {
  const labelled: LabelledArticle[] = loadTuningSet(name);
  const records = labelled.map((a) => extractLabelled(a));
  const rep = scoreCorpus(labelled, records);
  tot.cc += rep.countryAccuracy.correct;
  tot.ct += rep.countryAccuracy.total;
  tot.ptp += rep.places.tp;
  tot.pfp += rep.places.fp;
  tot.pfn += rep.places.fn;
  rows.push({
    set: name,
    articles: rep.articles,
    seizF1: f3(rep.seizures.f1),
    country: f3(rep.countryAccuracy.accuracy),
    countryN: `${rep.countryAccuracy.correct}/${rep.countryAccuracy.total}`,
    placesF1: f3(rep.places.f1),
    placesP: f3(rep.places.precision),
    placesR: f3(rep.places.recall),
    period: f3(rep.periodAccuracy.accuracy),
  });
  if (flags.has('--errors')) {
    for (const gold of labelled) {
      const rec = records.find((r) => r.id === gold.id)!;
      for (const [i, j] of matchOneToOne(gold.seizures, rec.seizures, seizuresMatch)) {
        const g = gold.seizures[i]!;
        const p = rec.seizures[j]!;
        if ((p.country ?? null) === (g.country ?? null)) continue;
        const reasons = (p.reasons ?? []).filter((r) => r.startsWith('place') || r.startsWith('country'));
        errors.push(
          `${name}/${gold.id} ${g.drug} ${g.kg ?? g.count}: got ${p.country ?? 'null'} @${p.location ?? '-'} want ${g.country ?? 'null'} @${g.location ?? '-'} [${reasons.join(',')}]\n      ${(p.evidence ?? '').slice(0, 240)}`,
        );
      }
    }
  }
  if (flags.has('--places')) {
    for (const a of rep.perArticle) {
      if (a.places.missed.length + a.places.extra.length === 0) continue;
      placeLines.push(
        `${name}/${a.id} ${a.places.missed.map((m) => `-${m}`).join(' | ')}${a.places.extra.length ? ' || ' : ''}${a.places.extra.map((m) => `+${m}`).join(' | ')}`,
      );
    }
  }
}

if (flags.has('--json')) {
  process.stdout.write(`${JSON.stringify({ rows, errors, places: placeLines })}\n`);
} else {
  const cols = [
    'set',
    'articles',
    'seizF1',
    'country',
    'countryN',
    'placesF1',
    'placesP',
    'placesR',
    'period',
  ];
  const line = (r: Record<string, string | number>) =>
    cols.map((c) => String(r[c] ?? '').padEnd(9)).join(' ');
  console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
  for (const r of rows) console.log(line(r));
  const pP = tot.ptp / (tot.ptp + tot.pfp);
  const pR = tot.ptp / (tot.ptp + tot.pfn);
  console.log(
    line({
      set: 'ALL',
      country: f3(tot.cc / tot.ct),
      countryN: `${tot.cc}/${tot.ct}`,
      placesF1: f3((2 * pP * pR) / (pP + pR)),
      placesP: f3(pP),
      placesR: f3(pR),
    }),
  );
  if (errors.length) console.log(`\ncountry errors (${errors.length}):\n${errors.join('\n')}`);
  if (placeLines.length) console.log(`\nplaces:\n${placeLines.join('\n')}`);
}
