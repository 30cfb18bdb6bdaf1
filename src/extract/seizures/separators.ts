/**
 * The reading of an ambiguous digit group, decided per figure (issue 9, number forms). "183.600
 * kilograms" is 183.6 kg in English copy and 183,600 kg in most of Europe; an article's number
 * format (detectNumberFormat) is only the last resort. Before it, in this order:
 * - `separator-count-times-weight`: the same sentence gives a count and a per-item weight whose
 *   product is one reading ("183.600 kg in 152 packages of about 1.2 kg each": 182.4 kg);
 * - `separator-restated-in-text`: another sentence (or the headline) restates the figure rounded
 *   or bounded ("more than two tonnes ... the load weighed 2.350 kilograms": 2,350 kg);
 * - `separator-article-format`: the article's format (its own digits, the outlet's country, the
 *   language).
 * The tolerances are settings of thresholds.yaml. The decision is kept in `separator` and ends
 * up in the reasons of the seizure.
 */

import { findDrugMentions } from './drugs.ts';
import { significantDigits } from './merge.ts';
import type { Quantity } from './quantities.ts';
import type { SeizureTables } from './tables.ts';

export type SeparatorReason =
  | 'separator-count-times-weight'
  | 'separator-restated-in-text'
  | 'separator-article-format';

interface Reading {
  value: number;
  kg: number | null;
}

/** One sentence of the article: its text and the quantities findQuantities read in it. */
export interface FigureSentence {
  text: string;
  quantities: Quantity[];
}

/**
 * Decide every ambiguous figure of the article (a quantity with an `alt` reading): switch it to
 * the other reading where the evidence says so, and record why in `separator`.
 */
export function decideSeparators(t: SeizureTables, sentences: FigureSentence[]): void {
  const drugsOf = new Map<number, Set<string>>();
  const drugs = (i: number): Set<string> => {
    let d = drugsOf.get(i);
    if (!d) {
      d = new Set(
        findDrugMentions(t, sentences[i]!.text)
          .map((m) => m.drug)
          .filter((x) => x !== 'generic'),
      );
      drugsOf.set(i, d);
    }
    return d;
  };
  sentences.forEach((s, i) => {
    for (const q of s.quantities) {
      if (!q.alt || q.kind !== 'mass' || q.kg === null) continue;
      const own: Reading = { value: q.value, kg: q.kg };
      const other: Reading = q.alt;
      const pick =
        decide(own, other, (r) => productMatches(t, s.quantities, q, r), 'separator-count-times-weight') ??
        decide(
          own,
          other,
          (r) =>
            sentences.some(
              (o, j) =>
                j !== i &&
                sameDrugs(drugs(i), drugs(j)) &&
                o.quantities.some((f) => f !== q && restates(t, f, r)),
            ),
          'separator-restated-in-text',
        );
      if (pick && pick.reading === other) {
        q.value = other.value;
        q.kg = other.kg;
      }
      q.separator = pick?.reason ?? 'separator-article-format';
      delete q.alt;
    }
  });
  markItemWeights(t, sentences);
}

function decide(
  own: Reading,
  other: Reading,
  fits: (r: Reading) => boolean,
  reason: SeparatorReason,
): { reading: Reading; reason: SeparatorReason } | null {
  const a = fits(own);
  const b = fits(other);
  if (a === b) return null;
  return { reading: a ? own : other, reason };
}

/** Two sentences may speak of one haul: one names no drug, or they share one. */
function sameDrugs(a: Set<string>, b: Set<string>): boolean {
  if (a.size === 0 || b.size === 0) return true;
  return [...a].some((d) => b.has(d));
}

/** A count of items times the weight of one item, both in the figure's sentence, is `r`. */
function productMatches(t: SeizureTables, qs: Quantity[], q: Quantity, r: Reading): boolean {
  return r.kg !== null && itemsOf(t, qs, q, r.kg) !== null;
}

/**
 * The items of total `q` (of `kg`) in its sentence `qs`: the weight of one item and the count
 * whose product is the total ("48 kg in 20 bricks of 2.4 kg each", "1,540 kilos in 700 blocks
 * of about 2.2 kilos", "183.600 kg in 152 packages of 1.2 kg"). The count is the total's, the
 * item's, or a count told between the two with no other figure; never a count of another item
 * of a list ("373 pills, 4.3 kilos of cannabis, 12 grams of crack"). Null if none.
 */
function itemsOf(
  t: SeizureTables,
  qs: Quantity[],
  q: Quantity,
  kg: number,
): { weight: Quantity; count: { value: number; unit: Quantity['unit'] }; counted: Quantity | null } | null {
  if (kg <= 0) return null;
  const tol = t.thresholds['separator-product-tolerance'];
  const at = qs.indexOf(q);
  for (const [wi, w] of qs.entries()) {
    if (w === q || w.kind !== 'mass' || w.kg === null || w.alt || w.kg >= kg) continue;
    const between = wi > at ? qs.slice(at + 1, wi) : [];
    const told = between.length === 1 && between[0]!.kind === 'count' ? between[0]! : null;
    const counts: Array<[{ value: number; unit: Quantity['unit'] }, Quantity | null]> = [];
    if (q.count) counts.push([q.count, null]);
    if (w.count) counts.push([w.count, null]);
    if (told) counts.push([{ value: told.value, unit: told.unit }, told]);
    for (const [count, counted] of counts) {
      if (count.value > 1 && Math.abs(count.value * w.kg - kg) <= tol * kg)
        return { weight: w, count, counted };
    }
  }
  return null;
}

/**
 * The items of a total (issue 9): in a sentence that gives a total, a count and the weight of
 * one item whose product is the total, the item's weight and a count told apart are no hauls
 * of their own (`itemOf`); the count goes to the total where the total has none.
 */
export function markItemWeights(t: SeizureTables, sentences: FigureSentence[]): void {
  for (const s of sentences) {
    for (const q of s.quantities) {
      if (q.kind !== 'mass' || q.kg === null || q.itemOf) continue;
      const items = itemsOf(t, s.quantities, q, q.kg);
      if (!items) continue;
      items.weight.itemOf = true;
      if (items.counted) items.counted.itemOf = true;
      if (!q.count) q.count = items.count;
    }
  }
}

/** Figure `f` (of another sentence) states reading `r` rounded, bounded, or exactly. */
function restates(t: SeizureTables, f: Quantity, r: Reading): boolean {
  if (f.kind !== 'mass' || f.kg === null || f.alt || r.kg === null || f.kg <= 0) return false;
  const slack = t.thresholds['merge-bound-slack'];
  const span =
    f.value === 1 ? t.thresholds['merge-lower-bound-one-span'] : t.thresholds['merge-lower-bound-span'];
  if (f.bound === 'lower') return r.kg >= f.kg * (1 - slack) && r.kg <= f.kg * span;
  if (f.bound === 'upper') return r.kg <= f.kg * (1 + slack) && r.kg >= f.kg / span;
  const rounded = f.approx || significantDigits(f.value) <= 2;
  const tol = rounded ? t.thresholds['merge-rounded-tolerance'] : t.thresholds['merge-same-tolerance'];
  return Math.abs(r.kg - f.kg) <= tol * r.kg;
}
