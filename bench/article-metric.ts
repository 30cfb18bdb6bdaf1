/**
 * The scoring of the Zyte article-extraction benchmark (`evaluate.py` of
 * scrapinghub/article-extraction-benchmark), reproduced for TypeScript:
 *
 * - text is tokenised with Python's `\w+` (Unicode): letters, digits and `_`; case kept;
 * - each text gives a multiset of 4-token shingles; per page, TP / FP / FN count the shingles
 *   both sides share / only the prediction has / only the truth has, and are divided by their
 *   sum, so that a long article weighs no more than a short one;
 * - precision is the mean over pages with TP + FP > 0 (an empty prediction adds nothing to it),
 *   recall the mean over pages with TP + FN > 0, and F1 is computed from the two means;
 * - accuracy is the share of pages whose token sequences are identical.
 *
 * Written from the published description and the script's logic as we know it; two details
 * are the least certain: texts shorter than 4 tokens give one shorter shingle (`max(1, n - 3)`
 * windows), and the precision / recall exclusions above.
 */

/** Python's `\w` in Unicode mode: `str.isalnum()` (categories L* and N*) or `_`. */
const WORD = /[\p{L}\p{N}_]+/gu;

export function benchmarkTokens(text: string): string[] {
  return text.match(WORD) ?? [];
}

const SHINGLE = 4;

function shingles(text: string): Map<string, number> {
  const tokens = benchmarkTokens(text);
  const out = new Map<string, number>();
  const windows = Math.max(1, tokens.length - SHINGLE + 1);
  for (let i = 0; i < windows; i++) {
    const gram = tokens.slice(i, i + SHINGLE);
    if (!gram.length) continue;
    // U+0001 never occurs inside a \w token: a safe joiner.
    const key = gram.join('\u0001');
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** One page: TP / FP / FN normalised to sum 1 (all 0 when both texts are empty). */
export interface PageCounts {
  tp: number;
  fp: number;
  fn: number;
  /** Token sequences identical. */
  exact: boolean;
}

export interface PageScore extends PageCounts {
  precision: number;
  recall: number;
  f1: number;
}

export function shingleCounts(predicted: string, truth: string): PageCounts {
  const want = shingles(truth);
  const got = shingles(predicted);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of got) {
    const m = want.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of want) fn += Math.max(0, m - (got.get(key) ?? 0));
  const sum = tp + fp + fn;
  const a = benchmarkTokens(predicted);
  const b = benchmarkTokens(truth);
  const exact = a.length === b.length && a.every((t, i) => t === b[i]);
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum, exact } : { tp, fp, fn, exact };
}

function precisionOf(c: PageCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fp === 0) return 0;
  return c.tp / (c.tp + c.fp);
}

function recallOf(c: PageCounts): number {
  if (c.fp === 0 && c.fn === 0) return 1;
  if (c.tp === 0 && c.fn === 0) return 0;
  return c.tp / (c.tp + c.fn);
}

const f1Of = (p: number, r: number): number => (p + r > 0 ? (2 * p * r) / (p + r) : 0);

/** Precision, recall and F1 of one page, as the benchmark would count it alone. */
export function scorePage(predicted: string, truth: string): PageScore {
  const c = shingleCounts(predicted, truth);
  const precision = precisionOf(c);
  const recall = recallOf(c);
  return { ...c, precision, recall, f1: f1Of(precision, recall) };
}

export interface SetScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
  /** Bootstrap standard deviation of F1 (1000 resamples, seeded), as the benchmark prints. */
  f1Std: number;
}

const mean = (xs: number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

function aggregate(counts: readonly PageCounts[]): { precision: number; recall: number; f1: number } {
  const precision = mean(counts.filter((c) => c.tp + c.fp > 0).map(precisionOf));
  const recall = mean(counts.filter((c) => c.tp + c.fn > 0).map(recallOf));
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** The benchmark's set-level figures over the pages' counts. */
export function scoreSet(counts: readonly PageCounts[], resamples = 1000): SetScore {
  const main = aggregate(counts);
  // mulberry32, seeded: the same resamples on every run.
  let seed = 12345;
  const rnd = (n: number): number => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
  };
  const f1s: number[] = [];
  if (counts.length > 1) {
    for (let i = 0; i < resamples; i++) {
      const sample = counts.map(() => counts[rnd(counts.length)]!);
      f1s.push(aggregate(sample).f1);
    }
  }
  const m = mean(f1s);
  const std = f1s.length ? Math.sqrt(mean(f1s.map((x) => (x - m) ** 2))) : 0;
  return {
    pages: counts.length,
    ...main,
    accuracy: mean(counts.map((c) => (c.exact ? 1 : 0))),
    f1Std: std,
  };
}
