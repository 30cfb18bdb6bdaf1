/**
 * Pure scoring: matching predicted seizures to labelled ones, precision/recall/F1, name sets.
 * No I/O; unit-tested with small hand-made cases (tests/score.test.ts).
 */

export interface Prf {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 from counts. An empty side scores 1 (nothing to get wrong). */
export function prf(tp: number, fp: number, fn: number): Prf {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/** The fields a seizure is matched on. */
export interface SeizureLike {
  drug: string;
  kg: number | null;
  count?: number | null;
  country?: string | null;
  period?: string | null;
}

/** Relative tolerance on kg for a match. */
export const KG_TOLERANCE = 0.02;

/** Same drug, and kg within 2% or the same count. */
export function seizuresMatch(gold: SeizureLike, pred: SeizureLike): boolean {
  if (gold.drug !== pred.drug) return false;
  if (gold.kg !== null && pred.kg !== null) {
    if (Math.abs(gold.kg - pred.kg) <= KG_TOLERANCE * Math.max(gold.kg, pred.kg)) return true;
  }
  const gc = gold.count ?? null;
  const pc = pred.count ?? null;
  return gc !== null && pc !== null && gc === pc;
}

/**
 * One-to-one matching (maximum bipartite matching by augmenting paths), so a predicted seizure
 * never counts for two labelled ones. Returns pairs of [goldIndex, predIndex].
 */
export function matchOneToOne<G, P>(
  gold: G[],
  pred: P[],
  matches: (g: G, p: P) => boolean,
): Array<[number, number]> {
  const edges = gold.map((g) => pred.map((p, j) => (matches(g, p) ? j : -1)).filter((j) => j >= 0));
  const predOwner = new Array<number>(pred.length).fill(-1);
  const tryAssign = (gi: number, seen: boolean[]): boolean => {
    for (const pj of edges[gi] ?? []) {
      if (seen[pj]) continue;
      seen[pj] = true;
      if (predOwner[pj] === -1 || tryAssign(predOwner[pj]!, seen)) {
        predOwner[pj] = gi;
        return true;
      }
    }
    return false;
  };
  for (let gi = 0; gi < gold.length; gi++) tryAssign(gi, new Array<boolean>(pred.length).fill(false));
  const pairs: Array<[number, number]> = [];
  predOwner.forEach((gi, pj) => {
    if (gi >= 0) pairs.push([gi, pj]);
  });
  return pairs.sort((a, b) => a[0] - b[0]);
}

/** Name key for persons and places: case, diacritics, punctuation and a leading "the" ignored. */
export function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`.,"“”()]/g, '')
    .replace(/[-‐–—_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Set overlap of two name lists after normalisation (duplicates count once). */
export function nameOverlap(
  gold: string[],
  pred: string[],
): { tp: number; fp: number; fn: number; missed: string[]; extra: string[] } {
  const g = new Map(gold.map((n) => [normalizeName(n), n]));
  const p = new Map(pred.map((n) => [normalizeName(n), n]));
  const missed = [...g.entries()].filter(([k]) => !p.has(k)).map(([, v]) => v);
  const extra = [...p.entries()].filter(([k]) => !g.has(k)).map(([, v]) => v);
  const tp = [...g.keys()].filter((k) => p.has(k)).length;
  return { tp, fp: extra.length, fn: missed.length, missed, extra };
}
