/**
 * Scoring extraction against a labelled corpus: seizures (same drug, kg within 2% or same
 * count, one-to-one), persons and places (normalised names), seizure-story classification,
 * and country and period accuracy on matched seizures. Pure: takes the labels and the records.
 */
import type { LabelledArticle } from './corpus.ts';
import { matchOneToOne, nameOverlap, type Prf, prf, type SeizureLike, seizuresMatch } from './metrics.ts';

/** The part of a record scoring reads (an ArticleRecord, or a line of an NDJSON file). */
export interface ScoredRecord {
  id: string;
  seizureStory: boolean;
  seizures: Array<SeizureLike & { amount?: { value: number; unit: string }; reasons?: string[] }>;
  persons: Array<{ name: string }>;
  places: Array<{ name: string }>;
}

export interface ArticleScore {
  id: string;
  seizures: {
    tp: number;
    fp: number;
    fn: number;
    missed: string[];
    extra: string[];
    wrongCountry: string[];
    wrongPeriod: string[];
  };
  persons: { tp: number; fp: number; fn: number; missed: string[]; extra: string[] };
  places: { tp: number; fp: number; fn: number; missed: string[]; extra: string[] };
  story: { gold: boolean; pred: boolean };
  /** No record was given for this labelled article. */
  missingRecord: boolean;
}

export interface ScoreReport {
  articles: number;
  seizures: Prf;
  persons: Prf;
  places: Prf;
  seizureStory: Prf & { accuracy: number };
  countryAccuracy: { correct: number; total: number; accuracy: number };
  periodAccuracy: { correct: number; total: number; accuracy: number };
  perArticle: ArticleScore[];
  /** The same figures per language of the labelled files (`language`, 'und' where none), when the corpus has several. */
  byLanguage?: Record<string, LanguageScore>;
}

/** The totals of one language's articles. */
export interface LanguageScore {
  articles: number;
  seizures: Prf;
  seizureStory: Prf & { accuracy: number };
  persons: Prf;
  places: Prf;
}

/** Short label of a seizure for the tables: "cocaine 116000kg" or "mdma 5000 pills". */
export function describeSeizure(
  s: SeizureLike & { amount?: { value: number; unit: string }; countUnit?: string | null },
): string {
  const size =
    s.kg !== null
      ? `${+s.kg.toFixed(3)}kg`
      : `${s.count ?? s.amount?.value ?? '?'} ${s.countUnit ?? s.amount?.unit ?? ''}`.trim();
  return `${s.drug} ${size}`;
}

const same = (a: string | null | undefined, b: string | null | undefined): boolean =>
  (a ?? null) === (b ?? null);

export function scoreCorpus(labelled: LabelledArticle[], records: ScoredRecord[]): ScoreReport {
  const report = scoreArticles(labelled, records);
  const languages = [...new Set(labelled.map((a) => a.language ?? 'und'))].sort();
  if (languages.length > 1) {
    report.byLanguage = {};
    for (const lang of languages) {
      const r = scoreArticles(
        labelled.filter((a) => (a.language ?? 'und') === lang),
        records,
      );
      report.byLanguage[lang] = {
        articles: r.articles,
        seizures: r.seizures,
        seizureStory: r.seizureStory,
        persons: r.persons,
        places: r.places,
      };
    }
  }
  return report;
}

function scoreArticles(labelled: LabelledArticle[], records: ScoredRecord[]): ScoreReport {
  const byId = new Map(records.map((r) => [r.id, r]));
  const perArticle: ArticleScore[] = [];
  let country = 0;
  let period = 0;
  let matched = 0;
  const sums = { s: [0, 0, 0], p: [0, 0, 0], l: [0, 0, 0], story: [0, 0, 0, 0] };
  for (const gold of labelled) {
    const rec = byId.get(gold.id);
    const pred: ScoredRecord = rec ?? {
      id: gold.id,
      seizureStory: false,
      seizures: [],
      persons: [],
      places: [],
    };
    const pairs = matchOneToOne(gold.seizures, pred.seizures, seizuresMatch);
    const goldHit = new Set(pairs.map(([g]) => g));
    const predHit = new Set(pairs.map(([, p]) => p));
    const wrongCountry: string[] = [];
    const wrongPeriod: string[] = [];
    for (const [gi, pj] of pairs) {
      const g = gold.seizures[gi]!;
      const p = pred.seizures[pj]!;
      matched++;
      if (same(g.country, p.country)) country++;
      else wrongCountry.push(`${describeSeizure(g)}: ${p.country ?? 'null'} (want ${g.country ?? 'null'})`);
      if (same(g.period, p.period)) period++;
      else wrongPeriod.push(`${describeSeizure(g)}: ${p.period ?? 'null'} (want ${g.period ?? 'null'})`);
    }
    const seizures = {
      tp: pairs.length,
      fp: pred.seizures.length - pairs.length,
      fn: gold.seizures.length - pairs.length,
      missed: gold.seizures.filter((_, i) => !goldHit.has(i)).map(describeSeizure),
      extra: pred.seizures.filter((_, i) => !predHit.has(i)).map(describeSeizure),
      wrongCountry,
      wrongPeriod,
    };
    const persons = nameOverlap(
      gold.persons.map((p) => p.name),
      pred.persons.map((p) => p.name),
    );
    const places = nameOverlap(
      gold.places.map((p) => p.name),
      pred.places.map((p) => p.name),
    );
    sums.s[0]! += seizures.tp;
    sums.s[1]! += seizures.fp;
    sums.s[2]! += seizures.fn;
    sums.p[0]! += persons.tp;
    sums.p[1]! += persons.fp;
    sums.p[2]! += persons.fn;
    sums.l[0]! += places.tp;
    sums.l[1]! += places.fp;
    sums.l[2]! += places.fn;
    // story confusion: tp, fp, fn, tn
    const g = gold.seizureStory;
    const p = pred.seizureStory;
    sums.story[g && p ? 0 : !g && p ? 1 : g && !p ? 2 : 3]! += 1;
    perArticle.push({
      id: gold.id,
      seizures,
      persons,
      places,
      story: { gold: g, pred: p },
      missingRecord: !rec,
    });
  }
  const [stp, sfp, sfn, stn] = sums.story as [number, number, number, number];
  const ratio = (c: number, t: number) => ({ correct: c, total: t, accuracy: t === 0 ? 1 : c / t });
  return {
    articles: labelled.length,
    seizures: prf(sums.s[0]!, sums.s[1]!, sums.s[2]!),
    persons: prf(sums.p[0]!, sums.p[1]!, sums.p[2]!),
    places: prf(sums.l[0]!, sums.l[1]!, sums.l[2]!),
    seizureStory: {
      ...prf(stp, sfp, sfn),
      accuracy: labelled.length === 0 ? 1 : (stp + stn) / labelled.length,
    },
    countryAccuracy: ratio(country, matched),
    periodAccuracy: ratio(period, matched),
    perArticle,
  };
}

const pct = (n: number): string => n.toFixed(3);

/** The human-readable report: totals, then one block per article with misses and extras. */
export function formatReport(r: ScoreReport): string {
  const line = (name: string, m: Prf) =>
    `${name.padEnd(14)} P ${pct(m.precision)}  R ${pct(m.recall)}  F1 ${pct(m.f1)}   (tp ${m.tp}, fp ${m.fp}, fn ${m.fn})`;
  const out = [
    `articles       ${r.articles}`,
    line('seizures', r.seizures),
    line('seizure story', r.seizureStory),
    line('persons', r.persons),
    line('places', r.places),
    `country acc.   ${pct(r.countryAccuracy.accuracy)}  (${r.countryAccuracy.correct}/${r.countryAccuracy.total} matched seizures)`,
    `period acc.    ${pct(r.periodAccuracy.accuracy)}  (${r.periodAccuracy.correct}/${r.periodAccuracy.total} matched seizures)`,
    ...(r.byLanguage
      ? [
          '',
          'per language (F1):',
          ...Object.entries(r.byLanguage).map(
            ([lang, l]) =>
              `${lang.padEnd(4)} articles ${String(l.articles).padStart(3)}  seizures ${pct(l.seizures.f1)}  story ${pct(l.seizureStory.f1)}  persons ${pct(l.persons.f1)}  places ${pct(l.places.f1)}`,
          ),
        ]
      : []),
    '',
    'per article (seizures tp/fp/fn, story gold/pred; misses -, extras +):',
  ];
  for (const a of r.perArticle) {
    const s = a.seizures;
    const flag = a.story.gold === a.story.pred ? '' : '  STORY WRONG';
    out.push(
      `${a.id.padEnd(12)} seizures ${s.tp}/${s.fp}/${s.fn}  persons ${a.persons.tp}/${a.persons.fp}/${a.persons.fn}  places ${a.places.tp}/${a.places.fp}/${a.places.fn}  story ${a.story.gold}/${a.story.pred}${flag}${a.missingRecord ? '  NO RECORD' : ''}`,
    );
    for (const m of s.missed) out.push(`    - seizure ${m}`);
    for (const m of s.extra) out.push(`    + seizure ${m}`);
    for (const m of s.wrongCountry) out.push(`    ~ country ${m}`);
    for (const m of s.wrongPeriod) out.push(`    ~ period ${m}`);
    for (const m of a.persons.missed) out.push(`    - person ${m}`);
    for (const m of a.persons.extra) out.push(`    + person ${m}`);
    for (const m of a.places.missed) out.push(`    - place ${m}`);
    for (const m of a.places.extra) out.push(`    + place ${m}`);
  }
  return `${out.join('\n')}\n`;
}
