/**
 * Are two articles the same story? One decision, used by the service and by `cluster`:
 *
 * 1. Both dated and further apart than the window (7 days): different stories.
 * 2. Near-identical text (a wire copy, a repost, a trimmed version): same story.
 * 3. The same haul figure (same drug, kg within a few percent or the same count, same country)
 *    and some shared content: same story.
 * 4. Otherwise the content must be alike (TF-IDF cosine over names, numbers and content words),
 *    more so when both name figures that do not match (two hauls at one port).
 */

import { REPORT_LAG_DAYS, type StoryFeatures } from './features.ts';
import { type Quantity, roundingSlack } from './quantities.ts';
import type { ClusterTerms } from './terms.ts';
import { cosine, type DocFrequencies, sketchSimilarity } from './text.ts';

export { roundingSlack };

export interface SimilarityOptions {
  /** Days apart beyond which two dated articles are different stories (default 7). */
  windowDays: number;
  /** Relative difference under which two masses are the same figure (default 0.05). */
  figureTolerance: number;
}

/** The thresholds; tuned on tests/fixtures/cluster, kept here in one place. */
export const THRESHOLDS = {
  nearDuplicateJaccard: 0.45,
  nearDuplicateContainment: 0.6,
  /** Content cosine needed when the figures match. */
  withFigureMatch: 0.1,
  /** ... when neither side has figures to compare. */
  textOnly: 0.3,
  /** ... the same, for two articles dated within `closeDays` of each other. */
  textOnlyClose: 0.22,
  closeDays: 2,
  /** ... when both have figures and none match. */
  figureConflict: 0.55,
  /** Anchor cosine (anchors.ts) that makes two reports in different languages one story. */
  crossLanguage: 0.2,
  /** ... the same, when both have figures and none match. */
  crossLanguageConflict: 0.4,
  /** ... when a figure agrees and a place, region or person is shared (no places clash). */
  crossLanguageAgreeing: 0.05,
} as const;

/** How much each kind of anchor tells one event from another (a country little, a figure much). */
const ANCHOR_KIND_WEIGHT: Record<string, number> = {
  country: 0.5,
  drug: 0.5,
  place: 1,
  region: 0.75,
  num: 1,
  year: 1,
  person: 1.5,
  date: 1.5,
  figure: 2,
  count: 2,
};
/** As for terms (text.ts), a prior of unrelated stories, so a young store still weighs sensibly. */
const ANCHOR_PRIOR_DOCS = 40;

/** Weight of an anchor: its kind's, times its IDF (document frequencies count anchors as `@anchor`). */
function anchorWeight(anchor: string, freq: DocFrequencies): number {
  const kind = anchor.slice(0, anchor.indexOf(':'));
  const small = kind === 'num' && !telling(anchor) ? SMALL_NUMBER_WEIGHT : 1;
  const idf = Math.log((freq.docs + ANCHOR_PRIOR_DOCS + 1) / ((freq.df.get(`@${anchor}`) ?? 0) + 1));
  return (ANCHOR_KIND_WEIGHT[kind] ?? 1) * small * idf;
}

/** Anchor kinds that belong to one event rather than to a place or a trade. */
const EVENT_ANCHOR = /^(?:person|figure|count|date|num):/;

/**
 * A whole number under 100 (a day, an age, "3 containers") is in every other story: a decimal
 * or a larger number tells more. Small numbers weigh less and are no anchor of the event.
 */
function telling(anchor: string): boolean {
  if (!anchor.startsWith('num:')) return true;
  const v = Number(anchor.slice(4));
  return !Number.isInteger(v) || v >= 100;
}
const SMALL_NUMBER_WEIGHT = 0.5;

/**
 * Both name places (cities, ports) and none is the same, nor the region of one (a copy naming
 * the port and one naming the provincial capital do not clash).
 */
export function placesClash(a: string[] | undefined, b: string[] | undefined): boolean {
  const pa = (a ?? []).filter((x) => x.startsWith('place:'));
  const pb = new Set((b ?? []).filter((x) => x.startsWith('place:')));
  if (pa.length === 0 || pb.size === 0 || pa.some((x) => pb.has(x))) return false;
  const rb = new Set((b ?? []).filter((x) => x.startsWith('region:')));
  return !(a ?? []).some((x) => x.startsWith('region:') && rb.has(x));
}

/** Both name one port or city, one region, or one person. */
export function sharesPlaceOrPerson(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  const inB = new Set(b);
  return a.some((x) => /^(?:place|region|person):/.test(x) && inB.has(x));
}

export function sharesEventAnchor(a: string[] | undefined, b: string[] | undefined): boolean {
  if (!a?.length || !b?.length) return false;
  const inB = new Set(b);
  return a.some((x) => EVENT_ANCHOR.test(x) && telling(x) && inB.has(x));
}

/**
 * Cosine of two anchor sets, each anchor weighted by its IDF: shared rare anchors (a person, a
 * figure, a small port) count, shared common ones (Europe, cocaine) little.
 */
export function anchorSimilarity(
  a: string[] | undefined,
  b: string[] | undefined,
  freq: DocFrequencies,
): number {
  if (!a?.length || !b?.length) return 0;
  const inB = new Set(b);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const x of a) {
    const w = anchorWeight(x, freq) ** 2;
    na += w;
    if (inB.has(x)) dot += w;
  }
  for (const y of b) nb += anchorWeight(y, freq) ** 2;
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/**
 * `near`: no figure agrees, but one is within NEAR_FIGURE of another: no conflict, no match.
 * `bounded`: none agrees as written, but a qualified one ("more than two million pills",
 * "knapp drei Tonnen") reaches another ("2.3 million pills", 2.7 t): across languages a match,
 * within one language no more than a near figure (its reports share wording if they are one).
 */
export type FigureRelation = 'match' | 'bounded' | 'near' | 'conflict' | 'none';

/** Relative difference under which two figures that do not agree are still no conflict. */
const NEAR_FIGURE = 0.2;

function nearFigure(a: Quantity, b: Quantity): boolean {
  if (known(a.drug) && known(b.drug) && a.drug !== b.drug) return false;
  const x = a.kg ?? a.count;
  const y = b.kg ?? b.count;
  if (x === null || y === null || (a.kg === null) !== (b.kg === null)) return false;
  // A bounded figure says where the real one lies: outside it is a conflict ("more than a
  // tonne" and 800 kg).
  if (a.bound || b.bound) return false;
  return Math.abs(x - y) <= NEAR_FIGURE * Math.max(x, y);
}

export interface Comparison {
  same: boolean;
  /** Strength of the link, for picking the best cluster: 0..1 (+1 for a near-duplicate). */
  score: number;
  reason: string;
  cosine: number;
  jaccard: number;
  figures: FigureRelation;
}

const DAY = 86_400_000;

/** A drug that names none: agrees with any. */
const known = (drug: Quantity['drug']): boolean => !!drug && drug !== 'unspecified';

/**
 * Two figures of one haul: the same drug where both name one, the same country where both
 * name one (unless `mentioned` shows the other report names that country too: extraction
 * places a figure less surely than a text names a country), and masses equal within the
 * tolerance or the rounding of the rounder one (7 t and 7.2 t agree; 7 t and 8 t do not).
 */
export function sameFigure(
  a: Quantity,
  b: Quantity,
  tolerance: number,
  mentioned?: { a: ReadonlySet<string>; b: ReadonlySet<string> },
): boolean {
  if (known(a.drug) && known(b.drug) && a.drug !== b.drug) return false;
  if (a.country && b.country && a.country !== b.country) {
    if (!mentioned || !(mentioned.b.has(a.country) || mentioned.a.has(b.country))) return false;
  }
  if (a.kg !== null && b.kg !== null) {
    if (a.bound || b.bound) return boundsMeet(a, b, a.kg, b.kg, tolerance);
    const slack = Math.max(tolerance * Math.max(a.kg, b.kg), roundingSlack(a.kg), roundingSlack(b.kg));
    return Math.abs(a.kg - b.kg) <= slack;
  }
  if (a.count !== null && b.count !== null) {
    if (a.bound || b.bound) return boundsMeet(a, b, a.count, b.count, 0.01);
    return Math.abs(a.count - b.count) <= 0.01 * Math.max(a.count, b.count);
  }
  return false;
}

/**
 * How far a bounded figure reaches, as a share of it: "more than 3 tonnes" is 3 to about 4,
 * "knapp drei Tonnen" about 2.5 to 3, "rund 3 Tonnen" 2.7 to 3.3, "up to 3 tonnes" 2 to 3.
 */
const BOUND_REACH = { over: [0, 0.35], below: [-0.15, 0], about: [-0.1, 0.1], under: [-0.35, 0] } as const;

/** The ranges two figures stand for overlap (either written with a qualifier, `bound`). */
function boundsMeet(a: Quantity, b: Quantity, x: number, y: number, tolerance: number): boolean {
  const range = (q: Quantity, v: number): [number, number] => {
    if (q.bound) {
      const [lo, hi] = BOUND_REACH[q.bound];
      return [v * (1 + lo), v * (1 + hi)];
    }
    const slack = Math.max(tolerance * v, q.kg !== null ? roundingSlack(v) : 0);
    return [v - slack, v + slack];
  };
  const [alo, ahi] = range(a, x);
  const [blo, bhi] = range(b, y);
  return alo <= bhi && blo <= ahi;
}

/** Supranational codes a figure or a place may carry: no country to tell two hauls apart by. */
const NO_COUNTRY = new Set(['EU', 'XX', 'ZZ']);

/**
 * Every country an article names: its seizures' countries, its country anchors and the
 * countries of its place anchors ("place:BE:antwerp").
 */
export function mentionedCountries(f: StoryFeatures): Set<string> {
  const out = new Set(f.countries.filter((c) => !NO_COUNTRY.has(c)));
  for (const a of f.anchors ?? []) {
    const m = /^(?:country|place):([A-Z]{2})\b/.exec(a);
    if (m && !NO_COUNTRY.has(m[1]!)) out.add(m[1]!);
  }
  return out;
}

/**
 * Different countries: each names seizure countries, and neither names any of the other's
 * anywhere (a copy that places the haul "in Europe" or at the port of origin still names the
 * port's country; two hauls in two countries rarely name each other's).
 */
export function countriesClash(a: StoryFeatures, b: StoryFeatures): boolean {
  const ca = a.countries.filter((c) => !NO_COUNTRY.has(c));
  const cb = b.countries.filter((c) => !NO_COUNTRY.has(c));
  if (ca.length === 0 || cb.length === 0) return false;
  if (ca.some((c) => cb.includes(c))) return false;
  const ma = mentionedCountries(a);
  const mb = mentionedCountries(b);
  return !ca.some((c) => mb.has(c)) && !cb.some((c) => ma.has(c));
}

export function figureRelation(a: StoryFeatures, b: StoryFeatures, tolerance: number): FigureRelation {
  if (a.figures.length === 0 || b.figures.length === 0) return 'none';
  const mentioned = { a: mentionedCountries(a), b: mentionedCountries(b) };
  let near = false;
  let bounded = false;
  const bare = (q: Quantity): Quantity => {
    if (!q.bound) return q;
    const { bound: _, ...rest } = q;
    return rest;
  };
  for (const fa of a.figures) {
    for (const fb of b.figures) {
      if (sameFigure(bare(fa), bare(fb), tolerance, mentioned)) return 'match';
      bounded ||= sameFigure(fa, fb, tolerance, mentioned);
      near ||= nearFigure(fa, fb);
    }
  }
  return bounded ? 'bounded' : near ? 'near' : 'conflict';
}

/** `b` is dated within a haul `a` recalls as an older one (features.ts storyTime `recalls`). */
function recalledBy(a: StoryFeatures, b: StoryFeatures): boolean {
  if (!a.recalls?.length || b.time === null) return false;
  const lo = b.time - (b.timeSlack ?? 0);
  const hi = b.time + (b.timeSlack ?? 0);
  return a.recalls.some((r) => lo <= r.hi + REPORT_LAG_DAYS * DAY && hi >= r.lo);
}

/**
 * `b`, undated, gives the figure of a haul `a` recalls as an older one: `b` reports that haul
 * (an undated copy of a March haul beside a November trial report that recalls "the 8.5 tonnes
 * seized in March"), not `a`'s story.
 */
function reportsRecalledHaul(a: StoryFeatures, b: StoryFeatures, tolerance: number): boolean {
  if (!a.recalls?.length || b.time !== null || b.figures.length === 0) return false;
  return a.recalls.some((r) =>
    (r.figures ?? []).some((f) =>
      b.figures.some((g) =>
        sameFigure(
          { ...f, country: null, aggregate: false, lead: false },
          { ...g, country: null },
          tolerance,
        ),
      ),
    ),
  );
}

/**
 * Too far apart in time: both dated, further apart than the window and their dates' slack; or
 * one is dated within an older haul the other recalls ("the record, 16 tonnes in February 2021"),
 * or, undated, gives that haul's figure.
 */
export function apartInTime(
  a: StoryFeatures,
  b: StoryFeatures,
  windowDays: number,
  tolerance = 0.05,
): boolean {
  if (recalledBy(a, b) || recalledBy(b, a)) return true;
  if (reportsRecalledHaul(a, b, tolerance) || reportsRecalledHaul(b, a, tolerance)) return true;
  if (a.time === null || b.time === null) return false;
  return Math.abs(a.time - b.time) > windowDays * DAY + (a.timeSlack ?? 0) + (b.timeSlack ?? 0);
}

export function compareStories(
  a: StoryFeatures,
  b: StoryFeatures,
  freq: DocFrequencies,
  terms: ClusterTerms,
  options: SimilarityOptions,
): Comparison {
  const base = { cosine: 0, jaccard: 0, figures: 'none' as FigureRelation };
  if (apartInTime(a, b, options.windowDays, options.figureTolerance)) {
    return { ...base, same: false, score: 0, reason: 'too far apart in time' };
  }
  const sk = sketchSimilarity(a.sketch, b.sketch);
  const cos = cosine(a.terms, b.terms, freq, terms);
  const figures = figureRelation(a, b, options.figureTolerance);
  const out = { cosine: cos, jaccard: sk.jaccard, figures };
  if (
    sk.jaccard >= THRESHOLDS.nearDuplicateJaccard ||
    sk.containment >= THRESHOLDS.nearDuplicateContainment
  ) {
    return { ...out, same: true, score: 1 + sk.jaccard, reason: 'near-identical text' };
  }
  if (countriesClash(a, b)) return { ...out, same: false, score: cos, reason: 'different countries' };
  // Wording decides only between two reports in one language whose function words are known
  // (cluster.yaml stopwords); between others (a translation, a language without a list) what
  // the two reports name decides.
  const oneLanguage =
    !a.language ||
    !b.language ||
    (a.language === b.language && (!terms.textLanguages || terms.textLanguages.has(a.language)));
  if (!oneLanguage) {
    const anchors = anchorSimilarity(a.anchors, b.anchors, freq);
    // Figures that conflict, or places that do (both name cities, none the same: Marseille and
    // Barcelona the same night), ask for more.
    const need =
      figures === 'conflict' || placesClash(a.anchors, b.anchors)
        ? THRESHOLDS.crossLanguageConflict
        : THRESHOLDS.crossLanguage;
    // A port and a drug are shared by every story about that port: a translation also shares
    // something of the event itself (a figure, a number, a person, a date).
    // The same haul figure (within rounding or a qualifier) and the same port, region or
    // person is the event itself, however little else two translations share (one copy's
    // extraction may have missed the rest).
    const agreeing =
      (figures === 'match' || figures === 'bounded') &&
      need === THRESHOLDS.crossLanguage &&
      sharesPlaceOrPerson(a.anchors, b.anchors) &&
      anchors >= THRESHOLDS.crossLanguageAgreeing;
    if (agreeing || (anchors >= need && sharesEventAnchor(a.anchors, b.anchors))) {
      return {
        ...out,
        same: true,
        score: anchors + (figures === 'match' || figures === 'bounded' ? 0.5 : 0),
        reason: 'same places, names and figures across languages',
      };
    }
    return { ...out, same: false, score: anchors, reason: 'different anchors across languages' };
  }
  // Two reports naming different ports and cities (no region in common) share the wording of
  // every haul story in their language: they need the content a figure conflict needs.
  const places = placesClash(a.anchors, b.anchors);
  if (figures === 'match' && cos >= (places ? THRESHOLDS.figureConflict : THRESHOLDS.withFigureMatch)) {
    return { ...out, same: true, score: cos + 0.5, reason: 'same haul figure' };
  }
  const close = a.time !== null && b.time !== null && Math.abs(a.time - b.time) <= THRESHOLDS.closeDays * DAY;
  const needed =
    figures === 'conflict' || places
      ? THRESHOLDS.figureConflict
      : close
        ? THRESHOLDS.textOnlyClose
        : THRESHOLDS.textOnly;
  if (cos >= needed) return { ...out, same: true, score: cos, reason: 'similar content' };
  return {
    ...out,
    same: false,
    score: cos,
    reason: figures === 'conflict' ? 'different figures' : 'different content',
  };
}
