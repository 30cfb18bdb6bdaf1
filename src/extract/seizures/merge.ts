/**
 * One entry per seizure (LABELING.md): the same seizure stated in the headline and the body, as
 * a rounded and an exact figure, or twice in the body, becomes one entry that takes the most
 * precise mass, the count where one is given, and the best-grounded place and period.
 * A total and the hauls inside it differ in value and stay separate.
 */
import type { Seizure } from '../../types.ts';
import type { Quantity } from './quantities.ts';
import type { Thresholds } from './tables.ts';

export type Source = 'explicit' | 'carried' | 'none';

/** A seizure of the record without the fields merging adds (confidence, reasons). */
export type Figure = Omit<Seizure, 'confidence' | 'reasons'>;

export interface Candidate {
  /** Ids of the rules that found, bound, dated and placed the figure (they go on the record). */
  reasons: string[];
  quantity: Quantity;
  /** Sentence index; -1 for the title. */
  unitIndex: number;
  /** Title or subheading. */
  isTitle: boolean;
  boundToDrug: boolean;
  periodSource: Source;
  placeSource: 'clause' | 'agency' | 'carried' | 'none';
  /** A headline figure with no seizure word: kept only if the body states it too. */
  weak?: boolean;
  /** Reason of the negative frame that rejected it, else null. */
  rejectedBy: string | null;
  /** The record's seizure, before its confidence and reasons are set. */
  seizure: Figure;
  /** Count of "In a separate operation" resets before it: hauls of different segments differ. */
  segment: number;
  /** Its sentence refers back to a haul already told ("the drugs", "The packages", "It was"). */
  refersBack: boolean;
  /** Its sentence tells of another haul ("also", "another", "a second"). */
  additional: boolean;
  /** A count with no drug: kept only when it joins the mass of its haul. */
  pending?: boolean;
  /** Its own date is a span of several years ("in the past two years", "since 2019"). */
  periodRange?: boolean;
  /** How many statements of the figure were merged into it. */
  support?: number;
  /** Its `quantity` is that of a headline or subheading, merged into a body entry. */
  quantityFromTitle?: boolean;
}

/** The quantity of the candidate was stated in a headline or subheading (headlines round). */
function titleQuantity(c: Candidate): boolean {
  return c.quantityFromTitle ?? c.isTitle;
}

/** confidence.yaml: the base, the weight of each kind of evidence, and the bounds. */
export interface ConfidenceWeights {
  base: number;
  min: number;
  max: number;
  evidence: Map<string, number>;
}

/** Tolerances of thresholds.yaml: same figure, rounded vs exact, round vs precise, lower bound. */
interface Tolerances {
  same: number;
  rounded: number;
  roundFigure: number;
  lowerBoundSpan: number;
  lowerBoundOneSpan: number;
  boundSlack: number;
}

function tolerancesOf(t: Thresholds): Tolerances {
  return {
    same: t['merge-same-tolerance'],
    rounded: t['merge-rounded-tolerance'],
    roundFigure: t['merge-round-figure-tolerance'],
    lowerBoundSpan: t['merge-lower-bound-span'],
    lowerBoundOneSpan: t['merge-lower-bound-one-span'],
    boundSlack: t['merge-bound-slack'],
  };
}

/** Significant digits of a figure as written: 1.5 -> 2, 1480 -> 3, 2276 -> 4. */
export function significantDigits(value: number): number {
  const digits = String(value).replace('.', '').replace(/^0+/, '').replace(/0+$/, '');
  return Math.max(1, digits.length);
}

/** Count units that name the same things (a pill and a tablet are one dose form). */
const COUNT_KINDS: Record<string, string> = { pills: 'pills', tablets: 'pills' };

function sameCountKind(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && (COUNT_KINDS[a] ?? a) === (COUNT_KINDS[b] ?? b);
}

function close(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol * Math.max(Math.abs(a), Math.abs(b));
}

function sameSeizure(tol: Tolerances, a: Candidate, b: Candidate): boolean {
  const x = a.seizure;
  const y = b.seizure;
  if (x.drug !== y.drug && x.drug !== 'unspecified' && y.drug !== 'unspecified') return false;
  if (a.unitIndex === b.unitIndex && !a.isTitle) return false;
  if (
    x.country &&
    y.country &&
    x.country !== y.country &&
    a.placeSource === 'clause' &&
    b.placeSource === 'clause'
  ) {
    return false;
  }
  if (distinctHauls(tol, a, b)) return false;
  // Headlines round their figures ("2 tonnes" over "2,150 kilograms").
  // A qualified figure is rounded only to its last significant digit: "almost two tonnes" is
  // within 12% of the exact one, "aproximadamente 5 mil 480 kilos" within three tens of it.
  const roundedTol = (c: Candidate): number => {
    if (!c.quantity.approx && !titleQuantity(c)) return tol.same;
    const v = Math.abs(c.quantity.value);
    const sig = significantDigits(v);
    if (sig <= 2 || v === 0) return tol.rounded;
    const place = 10 ** (Math.floor(Math.log10(v)) - sig + 1);
    return Math.max(tol.same, Math.min(tol.rounded, (3 * place) / v));
  };
  const kgTol = Math.max(roundedTol(a), roundedTol(b));
  const approx = kgTol > tol.same;
  if (x.kg !== null && y.kg !== null) {
    if (close(x.kg, y.kg, kgTol)) return true;
    // "1.5 tonnes" in the lead and "1,480 kilograms" later: a round figure and a precise one.
    const sa = significantDigits(a.quantity.value);
    const sb = significantDigits(b.quantity.value);
    if (Math.min(sa, sb) <= 2 && Math.max(sa, sb) >= 3 && close(x.kg, y.kg, tol.roundFigure)) return true;
    // "more than a tonne" and "one ton and 150 kilograms": a lower bound and the precise figure
    // above it ("más de media tonelada" does not cover "casi 584 kilos", itself rounded).
    return (
      (lowerBound(tol, a, x.kg, y.kg) && !b.quantity.approx) ||
      (lowerBound(tol, b, y.kg, x.kg) && !a.quantity.approx)
    );
  }
  // "95 million meth pills" over "95 million methamphetamine tablets"; "over 10 million pills"
  // over "10,018,260 pills weighing 1,590 kilos": counts of one kind state one haul, with or
  // without the mass of one of them.
  if (
    (x.kg === null || y.kg === null) &&
    x.count !== null &&
    y.count !== null &&
    sameCountKind(x.countUnit, y.countUnit)
  ) {
    if (close(x.count, y.count, approx ? tol.rounded : tol.same)) return true;
    const sa = significantDigits(a.quantity.value);
    const sb = significantDigits(b.quantity.value);
    if (Math.min(sa, sb) <= 2 && Math.max(sa, sb) >= 3 && close(x.count, y.count, tol.roundFigure))
      return true;
    return lowerBound(tol, a, x.count, y.count) || lowerBound(tol, b, y.count, x.count);
  }
  return false;
}

/**
 * Figures that cannot state one seizure however close their values (issue 9, class 8): their
 * own dates differ ("12 tonnes in 2023" and "12.5 tonnes in 2024"), one covers several years
 * and the other one ("in the past two years around 45,000 kilos" and "41,000 kilos in 2024"),
 * or a bound excludes the other value ("more than three million pills" and "2.8 million
 * pills"; "nearly 2 tonnes" and "2,045 kilograms").
 */
function distinctHauls(tol: Tolerances, a: Candidate, b: Candidate): boolean {
  if (a.periodSource === 'explicit' && b.periodSource === 'explicit') {
    const pa = a.seizure.period;
    const pb = b.seizure.period;
    // Different years only: two days of one year are often one haul dated twice (a dateline).
    if (pa && pb && pa.slice(0, 4) !== pb.slice(0, 4)) return true;
    // "On Friday they found another 50 kilograms": one more haul, on a date of its own.
    if (pa && pb && pa !== pb && (a.additional || b.additional)) return true;
    if (Boolean(a.periodRange) !== Boolean(b.periodRange)) return true;
  }
  // Mass against mass; a count against a count where one of them has no mass.
  const byMass = a.seizure.kg !== null && b.seizure.kg !== null;
  const size = (c: Candidate) => (byMass ? c.seizure.kg : c.seizure.count);
  const sa = size(a);
  const sb = size(b);
  if (sa === null || sb === null) return false;
  // A bound excludes what lies beyond it by more than rounding ("more than three tonnes" and
  // "some 2.975 tonnes" can be one haul; "more than three million" and "2.8 million" are not).
  const slack = tol.boundSlack;
  const excludes = (c: Candidate, own: number, other: number) =>
    (c.quantity.bound === 'lower' && other < own * (1 - slack)) ||
    (c.quantity.bound === 'upper' && other > own * (1 + slack));
  return excludes(a, sa, sb) || excludes(b, sb, sa);
}

/**
 * A rounded lower bound ("more than 3 tonnes", "over 10 million pills") covers a precise figure
 * (kg or count) up to 35% above it; one of a single unit ("over a kilo", "more than a tonne") up
 * to 50% above it.
 */
function lowerBound(tol: Tolerances, c: Candidate, own: number, other: number): boolean {
  const span = c.quantity.value === 1 ? tol.lowerBoundOneSpan : tol.lowerBoundSpan;
  return (
    c.quantity.bound === 'lower' &&
    other >= own &&
    other <= own * span &&
    significantDigits(c.quantity.value) <= 2
  );
}

const PLACE_RANK = { clause: 3, agency: 2, carried: 1, none: 0 } as const;
const PERIOD_RANK = { explicit: 2, carried: 1, none: 0 } as const;

/**
 * The most precise statement of one haul (LABELING.md): more significant digits first ("2,045
 * kilograms" over "more than 2 tons", "359 kilos" in a subheading over "nearly 350 kg" in the
 * body, "2.975" over "three"), then the body over a headline (a headline "19 tons" over "more
 * than 38,000 pounds" in the body: the body's unit is the one weighed in), then a figure with no
 * hedge over a qualified one.
 */
function precision(c: Candidate): number {
  return (
    Math.min(9, significantDigits(c.quantity.value)) * 10 +
    (titleQuantity(c) ? 0 : 2) +
    (c.quantity.approx ? 0 : 1)
  );
}

function absorb(into: Candidate, c: Candidate): void {
  const s = into.seizure;
  const t = c.seizure;
  into.reasons = [...new Set([...into.reasons, ...c.reasons, 'merged-restatement'])];
  into.support = (into.support ?? 1) + (c.support ?? 1);
  if (s.drug === 'unspecified') s.drug = t.drug;
  if (precision(c) > precision(into)) {
    s.amount = t.amount;
    s.kg = t.kg ?? s.kg;
    into.quantity = c.quantity;
    into.quantityFromTitle = titleQuantity(c);
    if ((c.quantity.kind === 'count' && s.kg === null) || (t.kg !== null && t.count !== null)) {
      s.count = t.count;
      s.countUnit = t.countUnit;
    }
    // The evidence is the precise statement where it lies in the text (a subheading is text;
    // the headline is not).
    if (c.unitIndex >= 0) s.evidence = t.evidence;
  }
  if (into.isTitle && !c.isTitle) {
    if (into.unitIndex < 0) s.evidence = t.evidence;
    into.quantityFromTitle = titleQuantity(into);
    into.isTitle = false;
    into.unitIndex = c.unitIndex;
  }
  if (s.count === null && t.count !== null) {
    s.count = t.count;
    s.countUnit = t.countUnit;
  }
  // A sea or a region with no country ("in the Caribbean Sea") yields to a place of the same
  // rank that has one ("weighed at the naval base in X").
  if (
    PLACE_RANK[c.placeSource] > PLACE_RANK[into.placeSource] ||
    (c.placeSource === into.placeSource && s.country === null && t.country !== null)
  ) {
    s.location = t.location;
    s.country = t.country;
    into.placeSource = c.placeSource;
  }
  // "found nearly two years ago" (2024) and "discovered on November 9, 2024": the finer date
  // of the same time wins.
  if (
    PERIOD_RANK[c.periodSource] > PERIOD_RANK[into.periodSource] ||
    (c.periodSource === into.periodSource &&
      s.period !== null &&
      t.period !== null &&
      t.period.length > s.period.length &&
      t.period.startsWith(s.period))
  ) {
    s.period = t.period;
    into.periodSource = c.periodSource;
  }
  s.aggregate ||= t.aggregate;
  s.record ||= t.record;
  s.attribution ??= t.attribution;
}

/** Merge candidates into one entry per seizure; drops headline figures the body rejects. */
export function mergeCandidates(
  candidates: Candidate[],
  rejected: Candidate[],
  thresholds: Thresholds,
  weights: ConfidenceWeights,
): Seizure[] {
  const tol = tolerancesOf(thresholds);
  const groups: Candidate[] = [];
  for (const c of candidates) {
    // "Police nab 7 million pills" over a body that says the drug could make 7 million pills.
    if (
      c.isTitle &&
      rejected.some(
        (r) =>
          !r.isTitle &&
          r.rejectedBy !== 'no-seizure-cue' &&
          r.quantity.value === c.quantity.value &&
          r.quantity.unit === c.quantity.unit,
      )
    ) {
      continue;
    }
    const g = groups.find((x) => sameSeizure(tol, x, c));
    if (g) {
      absorb(g, c);
      g.weak = g.weak && c.weak;
    } else {
      groups.push({
        ...c,
        reasons: [...c.reasons],
        seizure: { ...c.seizure, amount: { ...c.seizure.amount } },
      });
    }
  }
  return groups
    .filter((g) => !g.weak)
    .map((g) => ({ ...g.seizure, confidence: confidenceOf(g, weights), reasons: g.reasons }));
}

/**
 * How sure the figure is, 0 to 1 (confidence.yaml): a base, plus the weight of each kind of
 * evidence the figure has (a seizure word in its own sentence, a drug named with it, its own
 * place and date, a second statement of it) or lacks (a drug carried from earlier text, a unit
 * taken from a list, a headline only), clamped to the table's bounds.
 */
export function confidenceOf(c: Candidate, w: ConfidenceWeights): number {
  const has = (re: RegExp) => c.reasons.some((r) => re.test(r));
  const evidence: string[] = [];
  if (has(/^cue-/)) evidence.push('seizure-word');
  else if (has(/^seizure-headline$/)) evidence.push('headline-only');
  else evidence.push('continuation');
  if (has(/^drug-from-context$/)) evidence.push('drug-from-context');
  else if (has(/^drug-generic-(?:total-)?unspecified$|^drug-mixed-list$/)) evidence.push('drug-unspecified');
  else evidence.push('drug-named');
  if (has(/^unit-inferred-from-list$/)) evidence.push('unit-from-list');
  if (has(/^place-(?:in-clause|of-list|shared-by-list|from-event-sentence)$/)) evidence.push('place-named');
  else if (has(/^place-seizing-agency$/)) evidence.push('place-agency');
  else if (has(/^place-none$/) && !c.seizure.country) evidence.push('place-none');
  else evidence.push('place-carried');
  if (c.periodSource === 'explicit') evidence.push('period-named');
  if ((c.support ?? 1) > 1) evidence.push('stated-twice');
  if (has(/^count-joined-across-sentences$/)) evidence.push('count-joined');
  let score = w.base;
  for (const e of evidence) score += w.evidence.get(e) ?? 0;
  return Math.round(Math.min(w.max, Math.max(w.min, score)) * 100) / 100;
}

/**
 * One haul told as a mass in one sentence and as a count in another (issue 9, class 2):
 * "Customs found 14 tonnes of drugs. The haul amounted to 84 million captagon pills" is one
 * captagon seizure with mass and count; "... revealed 211 packages. The packages contained
 * 156.8kg of methamphetamine" one methamphetamine seizure of 211 packages. A count joins the
 * mass told just before it (up to `window` sentences, nothing else told in between) when its
 * sentence tells of no other haul, names no place or date of its own, or refers back; a mass
 * takes the count told just before it when its own sentence refers back to it. The drugs must
 * agree, or one be unspecified (the named one wins). Returns the candidates left.
 */
/**
 * "seized 1,100 kilos ... The drug, in 980 packets, turned up last Monday": the count that a
 * later sentence joins to the haul dates it when the haul has no date of its own.
 */
export function takeLaterPeriod(into: Candidate, from: Candidate): void {
  if (from.periodSource !== 'explicit' || into.periodSource === 'explicit') return;
  if (!from.seizure.period || from.periodRange || into.seizure.period !== null) return;
  if (from.unitIndex <= into.unitIndex) return;
  into.seizure.period = from.seizure.period;
  into.periodSource = 'explicit';
  into.reasons.push('period-from-joined-count');
}

export function joinCountsAcrossSentences(candidates: Candidate[], window: number): Candidate[] {
  const dropped = new Set<Candidate>();
  const compatible = (a: Figure, b: Figure) =>
    a.drug === b.drug || a.drug === 'unspecified' || b.drug === 'unspecified';
  const body = candidates.filter((c) => !c.isTitle);
  for (let i = 1; i < body.length; i++) {
    const c = body[i]!;
    const prev = body[i - 1]!;
    if (dropped.has(prev) || prev.segment !== c.segment || c.additional) continue;
    const gap = c.unitIndex - prev.unitIndex;
    if (gap < 1 || gap > window) continue;
    let [mass, count] =
      prev.seizure.kg !== null && c.seizure.kg === null
        ? [prev, c]
        : c.seizure.kg !== null && prev.seizure.kg === null
          ? [c, prev]
          : [null, null];
    // "recovered 47 packs of X ... retrieved three sacks ... placed the contraband at 48 kg": a
    // mass that refers back to the haul takes the count told with its drug named, not the count
    // of the containers told in between with no drug of their own (the same haul, dropped).
    const fromContext = (k: Candidate) => k.pending || k.reasons.includes('drug-from-context');
    if (mass === c && count && fromContext(count) && c.refersBack) {
      const bound = body
        .slice(0, i - 1)
        .reverse()
        .find((k) => !dropped.has(k) && (k.seizure.kg !== null || (k.seizure.count !== null && !k.pending)));
      if (
        bound &&
        bound.seizure.kg === null &&
        !fromContext(bound) &&
        bound.segment === c.segment &&
        c.unitIndex - bound.unitIndex <= window &&
        compatible(bound.seizure, c.seizure)
      ) {
        dropped.add(count);
        count = bound;
      }
    }
    if (!mass || !count || mass.seizure.count !== null || count.seizure.count === null || mass.pending)
      continue;
    if (!compatible(mass.seizure, count.seizure)) continue;
    const countFirst = count === prev || count.unitIndex < prev.unitIndex;
    const ok = countFirst
      ? c.refersBack && (gap <= 2 || count !== prev)
      : c.refersBack || (c.placeSource !== 'clause' && c.periodSource !== 'explicit');
    if (!ok) continue;
    mass.seizure.count = count.seizure.count;
    mass.seizure.countUnit = count.seizure.countUnit;
    takeLaterPeriod(mass, count);
    if (mass.seizure.drug === 'unspecified') mass.seizure.drug = count.seizure.drug;
    mass.reasons.push('count-joined-across-sentences');
    dropped.add(count);
  }
  return candidates.filter((c) => !dropped.has(c) && !c.pending);
}
