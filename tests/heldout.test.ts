/**
 * Held-out quality gate: extraction scored on articles the rules were never tuned on
 * (tests/fixtures/heldout/, written for this project and labelled per
 * ../shared/corpus/LABELING.md; see docs/heldout.md). Floors sit a little under what the
 * extractor measured when they were set, so a regression in generalisation fails here even
 * when the dev corpus still scores high. Raise a floor when the extractor improves; lower one
 * only on purpose, saying why in docs/heldout.md.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COUNT_UNITS as COUNT_UNIT_LIST, MASS_UNITS as MASS_UNIT_LIST } from '../src/records/schema.ts';
import { type LabelledArticle, loadLabelledDir } from '../src/score/corpus.ts';
import { extractLabelled } from '../src/score/extract-labelled.ts';
import { type ScoreReport, scoreCorpus } from '../src/score/index.ts';
import { copiedRuns, corpusRuns } from './helpers/copied-runs.ts';
import { ROOT } from './helpers/paths.ts';

const HELDOUT = path.join(ROOT, 'tests/fixtures/heldout');
/**
 * A second, smaller set written after the engineers had read the failures of the first one
 * (docs/heldout.md): only its aggregate scores are published, so it stays unseen. Do not open
 * it while tuning rules.
 */
const FRESH = path.join(HELDOUT, 'fresh');
/**
 * Sets written for issue 9 before their results were looked at (docs/heldout.md): v2 (12
 * articles) and v3 (8). Their labels follow LABELING.md and no rule may name their places or
 * persons; v2 has floors, v3 and v4 (round 2) are scored only in the report of docs/heldout.md.
 */
const V2 = path.join(HELDOUT, 'v2');
const V3 = path.join(HELDOUT, 'v3');
const V4 = path.join(HELDOUT, 'v4');
/** Round 3 (issue 9): 16 articles written and labelled before any round-3 change (docs/heldout.md). */
const V5 = path.join(HELDOUT, 'v5');
/**
 * Session of 2026-12-03: 16 English articles (12 seizure stories, 4 hard negatives) written blind
 * by a writer who had not read the extraction rules, code or failure lists (docs/heldout.md).
 * Only aggregate figures and miss counts per kind are published; do not open it while tuning.
 */
const V6 = path.join(HELDOUT, 'v6');
/**
 * Session of 2026-12-03 (afternoon): v7, 16 more English articles (12 seizure stories, 4 hard
 * negatives) written blind by a writer who had not read the extraction rules, code or failure lists
 * (docs/heldout.md, v7). Merged after every tuning branch of that session; only aggregate figures
 * and miss counts per kind are published. Do not open it while tuning.
 */
const V7 = path.join(HELDOUT, 'v7');
/**
 * Session of 2026-12-04: v8, 16 more English articles (12 seizure stories, 4 hard negatives) written
 * blind by a writer who had not read the extraction rules, code or failure lists (docs/heldout.md,
 * v8). Merged after every tuning branch of that session; only aggregate figures and miss counts per
 * kind are published. Do not open it while tuning.
 */
const V8 = path.join(HELDOUT, 'v8');
/**
 * ml1: 15 articles in de/es/fr/nl/pt (3 each, 3 hard negatives) and ml1-clusters: 14 articles of two
 * events in 7 languages plus 3 decoys, written blind to the multilingual rules (docs/heldout.md, ml1).
 * Only aggregate figures and miss counts are published; do not open them while tuning rules.
 */
const ML1 = path.join(HELDOUT, 'ml1');
const ML1_CLUSTERS = path.join(HELDOUT, 'ml1-clusters');
/**
 * ml2: 20 articles in de/es/fr/nl/pt (4 each, one hard negative per language) and ml2-clusters: 12
 * articles of two events in 7 languages plus 3 decoys, written blind to the rules and code
 * (docs/heldout.md, ml2). Only aggregate figures and miss counts are published; do not open them
 * while tuning rules.
 */
const ML2 = path.join(HELDOUT, 'ml2');
const ML2_CLUSTERS = path.join(HELDOUT, 'ml2-clusters');
/**
 * ml3: 20 articles in de/es/fr/nl/pt (4 each, one hard negative per language) and ml3-clusters: 12
 * articles of two events in 5 languages plus 3 decoys, written blind to the rules and code on
 * 2026-12-04 (docs/heldout.md, ml3). Only aggregate figures and miss counts are published; do not
 * open them while tuning rules.
 */
const ML3 = path.join(HELDOUT, 'ml3');
const ML3_CLUSTERS = path.join(HELDOUT, 'ml3-clusters');

/**
 * Floors. Measured 2026-11-27 19:12 over these 20 articles: seizures P/R/F1 1.000, story
 * accuracy 1.000, persons F1 1.000, places F1 0.959, country acc. 0.969, period acc. 1.000.
 * (At 18:26, before the failures were published, seizures F1 was 0.857 and period acc. 0.778:
 * the rules were since fixed against this set, so it is no longer unseen; see `FRESH`.) Each
 * floor is the measured value minus one or two articles' worth of misses, so a regression
 * fails here while the dev score stays high.
 */
const FLOORS = {
  seizurePrecision: 0.93,
  seizureRecall: 0.93,
  seizureF1: 0.93,
  storyAccuracy: 0.9,
  personsF1: 0.95,
  placesF1: 0.93,
  countryAccuracy: 0.9,
  periodAccuracy: 0.9,
};

/** Ids of the hard negatives: no seizure figure may come out of any of them. */
const NEGATIVES = ['heldout-15', 'heldout-16', 'heldout-17', 'heldout-18', 'heldout-19', 'heldout-20'];
/**
 * Negatives known to leak (none since 19:05; heldout-19, a possession threshold, leaked from
 * about 18:29 to 19:05). Add an id here only with a note in docs/heldout.md.
 */
const KNOWN_LEAKS = new Set<string>();

const COUNT_UNITS: readonly string[] = COUNT_UNIT_LIST;
const MASS_UNITS: readonly string[] = MASS_UNIT_LIST;

let labelled: LabelledArticle[];
let fresh: LabelledArticle[];
let report: ScoreReport;
let freshReport: ScoreReport;
let predicted: Map<string, { seizures: unknown[]; seizureStory: boolean }>;
let v2: LabelledArticle[];
let v2Report: ScoreReport;
let v6Report: ScoreReport;
let v7: LabelledArticle[];
let v7Report: ScoreReport;
let v7Predicted: Map<string, { seizures: unknown[]; seizureStory: boolean }>;
let v8: LabelledArticle[];
let v8Report: ScoreReport;
let v8Predicted: Map<string, { seizures: unknown[]; seizureStory: boolean }>;
let ml1: LabelledArticle[];
let ml1Clusters: LabelledArticle[];
let ml1Report: ScoreReport;
let ml1Predicted: Map<string, { seizures: unknown[]; seizureStory: boolean }>;
let ml2: LabelledArticle[];
let ml2Clusters: LabelledArticle[];
let ml2Report: ScoreReport;
let ml2Predicted: Map<string, { seizures: unknown[]; seizureStory: boolean }>;
let ml3: LabelledArticle[];
let ml3Clusters: LabelledArticle[];
let ml3Report: ScoreReport;
let ml3Predicted: Map<string, { seizures: unknown[]; seizureStory: boolean }>;

beforeAll(() => {
  labelled = loadLabelledDir(HELDOUT);
  const fixedNow = () => new Date('2026-11-27T00:00:00Z');
  const records = labelled.map((a) => extractLabelled(a, fixedNow));
  predicted = new Map(records.map((r) => [r.id, r]));
  report = scoreCorpus(labelled, records);
  fresh = [
    ...loadLabelledDir(FRESH),
    ...loadLabelledDir(V2),
    ...loadLabelledDir(V3),
    ...loadLabelledDir(V4),
    ...loadLabelledDir(V5),
    ...loadLabelledDir(V6),
    ...loadLabelledDir(V7),
    ...loadLabelledDir(V8),
  ];
  v2 = loadLabelledDir(V2);
  v2Report = scoreCorpus(
    v2,
    v2.map((a) => extractLabelled(a, fixedNow)),
  );
  const v6 = loadLabelledDir(V6);
  v6Report = scoreCorpus(
    v6,
    v6.map((a) => extractLabelled(a, fixedNow)),
  );
  v7 = loadLabelledDir(V7);
  // The date the v7 figures of docs/heldout.md were measured (the CLI runs with the real clock).
  const v7Now = () => new Date('2026-12-03T00:00:00Z');
  const v7Records = v7.map((a) => extractLabelled(a, v7Now));
  v7Predicted = new Map(v7Records.map((r) => [r.id, r]));
  v7Report = scoreCorpus(v7, v7Records);
  v8 = loadLabelledDir(V8);
  // The date the v8 figures of docs/heldout.md were measured (the CLI runs with the real clock).
  const v8Now = () => new Date('2026-12-04T00:00:00Z');
  const v8Records = v8.map((a) => extractLabelled(a, v8Now));
  v8Predicted = new Map(v8Records.map((r) => [r.id, r]));
  v8Report = scoreCorpus(v8, v8Records);
  ml1 = loadLabelledDir(ML1);
  ml1Clusters = loadLabelledDir(ML1_CLUSTERS);
  // The date the ml1 figures of docs/heldout.md were measured (the CLI runs with the real clock).
  const ml1Now = () => new Date('2026-12-03T00:00:00Z');
  const ml1Records = ml1.map((a) => extractLabelled(a, ml1Now));
  ml1Predicted = new Map(ml1Records.map((r) => [r.id, r]));
  ml1Report = scoreCorpus(ml1, ml1Records);
  ml2 = loadLabelledDir(ML2);
  ml2Clusters = loadLabelledDir(ML2_CLUSTERS);
  // The ml2 figures of docs/heldout.md were measured on 2026-12-03 too (the CLI's real clock).
  const ml2Records = ml2.map((a) => extractLabelled(a, ml1Now));
  ml2Predicted = new Map(ml2Records.map((r) => [r.id, r]));
  ml2Report = scoreCorpus(ml2, ml2Records);
  ml3 = loadLabelledDir(ML3);
  ml3Clusters = loadLabelledDir(ML3_CLUSTERS);
  // The ml3 figures of docs/heldout.md were measured on 2026-12-04 (the CLI's real clock).
  const ml3Now = () => new Date('2026-12-04T00:00:00Z');
  const ml3Records = ml3.map((a) => extractLabelled(a, ml3Now));
  ml3Predicted = new Map(ml3Records.map((r) => [r.id, r]));
  ml3Report = scoreCorpus(ml3, ml3Records);
  const freshOnly = loadLabelledDir(FRESH);
  freshReport = scoreCorpus(
    freshOnly,
    freshOnly.map((a) => extractLabelled(a, fixedNow)),
  );
}, 120_000);

describe('held-out fixtures are well-formed', () => {
  it('has 16-20 labelled articles with unique ids matching their file names', () => {
    const files = readdirSync(HELDOUT).filter((f) => f.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(16);
    expect(files.length).toBeLessThanOrEqual(20);
    expect(labelled.map((a) => `${a.id}.json`).sort()).toEqual(files.sort());
  });

  it('labels follow LABELING.md: evidence is verbatim, units and kg are consistent', () => {
    for (const a of [
      ...labelled,
      ...fresh,
      ...ml1,
      ...ml1Clusters,
      ...ml2,
      ...ml2Clusters,
      ...ml3,
      ...ml3Clusters,
    ]) {
      if (a.seizures.length > 0) expect(a.seizureStory, `${a.id}: has seizures, so a story`).toBe(true);
      for (const s of a.seizures) {
        const where = `${a.id} ${s.drug} ${s.amount.value}${s.amount.unit}`;
        expect(a.text.includes(s.evidence ?? ''), `${where}: evidence not in text`).toBe(true);
        expect([...MASS_UNITS, ...COUNT_UNITS], where).toContain(s.amount.unit);
        if (MASS_UNITS.includes(s.amount.unit)) expect(s.kg, where).not.toBeNull();
        if (COUNT_UNITS.includes(s.amount.unit)) {
          expect(s.kg, where).toBeNull();
          expect(s.count, where).toBe(s.amount.value);
        }
      }
    }
  });

  it('shares no 12-word run with the dev corpus (our own words, not copied)', () => {
    const runs = corpusRuns(['dev']);
    if (runs === null) return; // the shared corpus sits beside the repo; CI has it too
    expect(copiedRuns([...labelled, ...fresh], runs)).toEqual([]);
  });
});

describe('extraction on held-out articles stays above its floors', () => {
  it('seizure figures: precision, recall, F1', () => {
    expect(report.seizures.precision).toBeGreaterThanOrEqual(FLOORS.seizurePrecision);
    expect(report.seizures.recall).toBeGreaterThanOrEqual(FLOORS.seizureRecall);
    expect(report.seizures.f1).toBeGreaterThanOrEqual(FLOORS.seizureF1);
  });

  it('seizure-story classification accuracy', () => {
    expect(report.seizureStory.accuracy).toBeGreaterThanOrEqual(FLOORS.storyAccuracy);
  });

  it('persons and places F1', () => {
    expect(report.persons.f1).toBeGreaterThanOrEqual(FLOORS.personsF1);
    expect(report.places.f1).toBeGreaterThanOrEqual(FLOORS.placesF1);
  });

  it('country and period accuracy on matched seizures', () => {
    expect(report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(FLOORS.countryAccuracy);
    expect(report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(FLOORS.periodAccuracy);
  });

  it('hard negatives (cargo tonnage, estimates, ivory and tobacco, thresholds, consumption) yield no seizure', () => {
    const leaks = NEGATIVES.map((id) => [id, predicted.get(id)?.seizures.length ?? -1] as const).filter(
      ([id, n]) => n !== 0 && !KNOWN_LEAKS.has(id),
    );
    expect(leaks).toEqual([]);
    for (const id of NEGATIVES) expect(labelled.find((a) => a.id === id)?.seizureStory, id).toBe(false);
  });
});

/**
 * Places named in the held-out labels that the rules or code already held, for general reasons,
 * before the held-out sets existed (Seville: an alias, GeoNames spells it Sevilla; Santos: a code
 * comment; British Columbia, Turkey: complete province / country alias tables). Extend only for
 * a general reason, never to make a held-out article pass.
 */
const NAMES_ALREADY_IN_RULES = new Set([
  'Santos',
  'Seville',
  'British Columbia',
  'Turkey',
  // In the rules and code comments long before the v2 set was written (issue 9).
  'Antwerp',
  'London',
  'Western Australia',
  // In the rules and code before the v4 set was written (issue 9 round 2): a cartel, a comment.
  'Sinaloa',
  'Le Havre',
  // In the rules and code before the v6 set was written (2026-12-03), for general reasons: country
  // abbreviations, a constituent country, US states, a capital used for its government, a gulf and
  // New Zealand's largest city. The v6 writer did not read the rules; these came up in this check.
  'U.S.',
  'UK',
  'Wales',
  'Texas',
  'California',
  'Gulf of California',
  'Washington',
  'Auckland',
  // The AP-style abbreviations of every US state in datelines (place-aliases.yaml, "Ariz.", "Tex."),
  // added 2026-12-07 by the country helper after a v8 dateline named a state so: the table names
  // each state it abbreviates.
  'Arizona',
  // Landed on main the same day, by a helper who never saw v6 (en-context): the table of ~30
  // airports whose name is no town of their country (place-aliases.yaml), Lagos's among them.
  'Murtala Muhammed International Airport',
  // In the rules and code before the v7 set was written (2026-12-03 afternoon), for general reasons:
  // Canadian provinces (a complete province table), Canada's two largest cities, a US state, and a
  // place name shared by many towns (a dev-set Santa Cruz is in Trinidad). The v7 writer did not
  // read the rules; these came up in this check.
  'Alberta',
  'Saskatchewan',
  'Nova Scotia',
  'Toronto',
  'Montreal',
  'Florida',
  'Santa Cruz',
  // In the rules and code of main at 432b341, before the v8 set was written (2026-12-04); the v8
  // writer did not read the rules, and these came up in this check: "US" (a country abbreviation,
  // labelled as written), a Canadian province, an Australian and a Mexican state, a large
  // Australian city, a Bahamas port, and two facility names (a port company, an international
  // airport) that the dev corpus or the facility tables already had.
  'US',
  'Ontario',
  'Victoria',
  'Sonora',
  'Brisbane',
  'Freeport',
  'Ports of Auckland',
  'Kotoka International Airport',
]);

describe('the fresh held-out set (unpublished sentences) stays above its floors', () => {
  // Measured 2026-11-27 19:10 over 6 articles: seizures F1 1.000, story accuracy 1.000,
  // places F1 1.000, period accuracy 0.571 (4/7). One article moves these a lot: wide margins.
  it('seizures, story, places and periods', () => {
    expect(freshReport.seizures.f1).toBeGreaterThanOrEqual(0.85);
    expect(freshReport.seizureStory.accuracy).toBeGreaterThanOrEqual(0.83);
    expect(freshReport.places.f1).toBeGreaterThanOrEqual(0.85);
    expect(freshReport.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.4);
  });
});

describe('the v2 held-out set (issue 9) stays above its floors', () => {
  // Measured 2026-12-02 over 12 articles at the end of issue 9: seizures F1 1.000, country and
  // period accuracy 1.000, persons F1 1.000, places F1 0.930 (0.750 / 0.833 / 0.833 / 1.000 /
  // 0.904 before issue 9). Floors leave one or two articles' worth of misses.
  it('seizures, country, period, persons and places', () => {
    expect(v2Report.seizures.f1).toBeGreaterThanOrEqual(0.9);
    expect(v2Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(v2Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.85);
    expect(v2Report.persons.f1).toBeGreaterThanOrEqual(0.9);
    expect(v2Report.places.f1).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the v6 held-out set (blind, 2026-12-03) stays above its floors', () => {
  // Measured 2026-12-03 10:40 with main at 4d8797e, before any change of that session (the
  // "before" of docs/heldout.md): seizures P/R/F1 0.917 / 0.936 / 0.926, story accuracy 0.938
  // (15/16), persons F1 0.764, places F1 0.885, country acc. 0.841, period acc. 0.795. Floors sit
  // about 0.05 under, so a regression in generalisation fails while the dev score stays high.
  it('seizures, story, persons, places, country and period', () => {
    expect(v6Report.articles).toBe(16);
    expect(v6Report.seizures.precision).toBeGreaterThanOrEqual(0.86);
    expect(v6Report.seizures.recall).toBeGreaterThanOrEqual(0.88);
    expect(v6Report.seizures.f1).toBeGreaterThanOrEqual(0.87);
    expect(v6Report.seizureStory.accuracy).toBeGreaterThanOrEqual(0.88);
    expect(v6Report.persons.f1).toBeGreaterThanOrEqual(0.71);
    expect(v6Report.places.f1).toBeGreaterThanOrEqual(0.83);
    expect(v6Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.79);
    expect(v6Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.74);
  });
});

describe('the v7 held-out set (blind, 2026-12-03 afternoon) stays above its floors', () => {
  /** The hard negatives of v7: a price survey, a policy debate of estimates, a court ruling, a tobacco haul. */
  const V7_NEGATIVES = ['v7-13', 'v7-14', 'v7-15', 'v7-16'];

  it('has 16 articles, ids matching file names, 12 stories and 4 hard negatives', () => {
    expect(v7.map((a) => `${a.id}.json`).sort()).toEqual(
      readdirSync(V7)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
    expect(v7.length).toBe(16);
    expect(v7.filter((a) => a.seizureStory).length).toBe(12);
    for (const id of V7_NEGATIVES) expect(v7.find((a) => a.id === id)?.seizureStory, id).toBe(false);
  });

  // Measured 2026-12-03 14:25 with main at b4f5b00, before any change of that afternoon (the
  // "before" of docs/heldout.md, v7): seizures P/R/F1 0.839 / 0.855 / 0.847, story accuracy 1.000
  // (16/16), persons F1 0.943, places F1 0.905, country acc. 0.936, period acc. 0.787. Floors sit
  // about 0.05 under, so a regression in generalisation fails while the dev score stays high.
  // Raised after round 6 of issue 9 (branch en-tune, 2026-12-04, v7 then a tuning set): seizures
  // P/R/F1 0.981 / 0.945 / 0.963, places F1 0.927, country 0.981, period 1.000 (persons and
  // story unchanged); the floors again sit about 0.05 under. Raised after branch restate
  // (2026-12-08, issue 9 class 2: a mass referring back takes the count told with the drug):
  // seizures P/R/F1 1.000 / 0.945 / 0.972.
  it('seizures, story, persons, places, country and period', () => {
    expect(v7Report.articles).toBe(16);
    expect(v7Report.seizures.precision).toBeGreaterThanOrEqual(0.95);
    expect(v7Report.seizures.recall).toBeGreaterThanOrEqual(0.89);
    expect(v7Report.seizures.f1).toBeGreaterThanOrEqual(0.92);
    expect(v7Report.seizureStory.accuracy).toBeGreaterThanOrEqual(0.93);
    expect(v7Report.persons.f1).toBeGreaterThanOrEqual(0.89);
    expect(v7Report.places.f1).toBeGreaterThanOrEqual(0.87);
    expect(v7Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.91);
    expect(v7Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('hard negatives yield no seizure', () => {
    const leaks = V7_NEGATIVES.map((id) => [id, v7Predicted.get(id)?.seizures.length ?? -1] as const).filter(
      ([, n]) => n !== 0,
    );
    expect(leaks).toEqual([]);
  });
});

describe('the v8 held-out set (blind, 2026-12-04) stays above its floors', () => {
  /**
   * The hard negatives of v8: a drug-checking price and purity list, a budget debate of tonnage
   * estimates and interdiction targets, a methadone-clinic feature, a customs haul of counterfeit goods.
   */
  const V8_NEGATIVES = ['v8-13', 'v8-14', 'v8-15', 'v8-16'];
  /**
   * Negatives that leaked when v8 was first scored (2026-12-04, docs/heldout.md v8): v8-14 and v8-16
   * (one figure each). Remove an id once it no longer leaks.
   */
  const V8_KNOWN_LEAKS = new Set(['v8-14', 'v8-16']);

  it('has 16 articles, ids matching file names, 12 stories and 4 hard negatives', () => {
    expect(v8.map((a) => `${a.id}.json`).sort()).toEqual(
      readdirSync(V8)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
    expect(v8.length).toBe(16);
    expect(v8.filter((a) => a.seizureStory).length).toBe(12);
    expect(v8.reduce((n, a) => n + a.seizures.length, 0)).toBe(54);
    for (const id of V8_NEGATIVES) {
      const a = v8.find((x) => x.id === id);
      expect(a?.seizureStory, id).toBe(false);
      expect(a?.seizures.length, id).toBe(0);
    }
  });

  it('shares no 12-word run with the dev, dev-multilingual or dev-clusters texts', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // the shared corpus sits beside the repo; CI has it too
    expect(copiedRuns(v8, runs)).toEqual([]);
  });

  // Measured 2026-12-04 with main at 432b341 plus only these fixtures (the "before" of
  // docs/heldout.md, v8): seizures P/R/F1 0.734 / 0.870 / 0.797, story accuracy 0.875 (14/16),
  // persons F1 0.906, places F1 0.912, country acc. 0.830, period acc. 0.915. Floors sit about 0.05
  // under, so a regression in generalisation fails while the dev score stays high.
  // Round 2 (r2-en, general frames and the total of "the drugs"), v8 now a tuning set: seizures
  // P/R/F1 0.860 / 0.907 / 0.883, story accuracy 1.000 (16/16); the floors that rose by more
  // than 0.05 were raised to about 0.05 under.
  it('seizures, story, persons, places, country and period', () => {
    expect(v8Report.articles).toBe(16);
    expect(v8Report.seizures.precision).toBeGreaterThanOrEqual(0.81);
    // Recall 52/54 after branch recall (what a seized parcel held).
    expect(v8Report.seizures.recall).toBeGreaterThanOrEqual(0.96);
    expect(v8Report.seizures.f1).toBeGreaterThanOrEqual(0.97);
    expect(v8Report.seizureStory.accuracy).toBeGreaterThanOrEqual(0.95);
    expect(v8Report.persons.f1).toBeGreaterThanOrEqual(0.85);
    expect(v8Report.places.f1).toBeGreaterThanOrEqual(0.86);
    expect(v8Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.78);
    // Period 0.961 (49/51) on branch period2: ~0.05 under.
    expect(v8Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.91);
  });

  it('hard negatives yield no seizure (but for the known leaks)', () => {
    const leaks = V8_NEGATIVES.map((id) => [id, v8Predicted.get(id)?.seizures.length ?? -1] as const).filter(
      ([id, n]) => n !== 0 && !V8_KNOWN_LEAKS.has(id),
    );
    expect(leaks).toEqual([]);
  });
});

describe('the ml1 multilingual held-out set stays above its floors', () => {
  const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pt'];
  /** The hard negatives of ml1: a trend piece of estimates, a tobacco seizure, an arrest without a haul. */
  const ML1_NEGATIVES = ['de-m03', 'nl-m03', 'pt-m03'];
  /**
   * Negatives that leaked when ml1 was first scored (2026-12-03, docs/heldout.md ml1): de-m03 (a
   * consumption estimate read as a haul). Remove an id once it no longer leaks.
   */
  const ML1_KNOWN_LEAKS = new Set(['de-m03']);

  it('has 3 articles per language, ids matching file names, cluster files with a story label', () => {
    expect(ml1.map((a) => `${a.id}.json`).sort()).toEqual(
      readdirSync(ML1)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
    for (const lang of LANGUAGES) expect(ml1.filter((a) => a.language === lang).length, lang).toBe(3);
    for (const id of ML1_NEGATIVES) expect(ml1.find((a) => a.id === id)?.seizureStory, id).toBe(false);
    const keys = readdirSync(ML1_CLUSTERS)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(ML1_CLUSTERS, f), 'utf8')).cluster as unknown);
    expect(keys.length).toBe(14);
    for (const k of keys) expect(typeof k).toBe('string');
    expect(new Set(ml1Clusters.map((a) => a.language))).toEqual(
      new Set(['en', 'de', 'es', 'fr', 'nl', 'pt', 'it']),
    );
  });

  it('shares no 12-word run with the dev, dev-multilingual or dev-clusters texts', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // the shared corpus sits beside the repo; CI has it too
    expect(copiedRuns([...ml1, ...ml1Clusters], runs)).toEqual([]);
  });

  // Measured 2026-12-03 on main before any ml1-informed change (docs/heldout.md, ml1): seizures F1
  // 0.747, story accuracy 0.933, persons F1 0.727, places F1 0.855, country 0.647, period 0.618;
  // seizures F1 per language de 0.714, es 0.636, fr 0.727, nl 0.941, pt 0.750. Floors ~0.05 under.
  it('seizures, story, persons, places, country and period', () => {
    expect(ml1Report.seizures.f1).toBeGreaterThanOrEqual(0.7);
    expect(ml1Report.seizureStory.accuracy).toBeGreaterThanOrEqual(0.88);
    // Raised 2026-12-04 (branch entities, round 3): persons 0.882 -> 1.000, places 0.932 -> 0.957.
    expect(ml1Report.persons.f1).toBeGreaterThanOrEqual(0.93);
    expect(ml1Report.places.f1).toBeGreaterThanOrEqual(0.9);
    expect(ml1Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.6);
    // Period 0.956 (43/45) on branch period2 (an ordinal is no weekday, 'na véspera'): ~0.05 under.
    expect(ml1Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('seizure F1 per language', () => {
    const floors: Record<string, number> = { de: 0.66, es: 0.58, fr: 0.67, nl: 0.89, pt: 0.7 };
    for (const lang of LANGUAGES) {
      expect(ml1Report.byLanguage?.[lang]?.seizures.f1 ?? 0, lang).toBeGreaterThanOrEqual(floors[lang] ?? 1);
    }
  });

  it('hard negatives yield no seizure (but for the known leaks)', () => {
    const leaks = ML1_NEGATIVES.map(
      (id) => [id, ml1Predicted.get(id)?.seizures.length ?? -1] as const,
    ).filter(([id, n]) => n !== 0 && !ML1_KNOWN_LEAKS.has(id));
    expect(leaks).toEqual([]);
  });

  // Measured 2026-12-03 with the CLI's default 7-day window: B-cubed precision 0.878, recall 0.800,
  // F1 0.837 over 14 articles; the 3 decoys each stayed alone. 0.882 by the afternoon (the
  // undated German Gioia Tauro copy joined the Galicia story: two German reports, a figure
  // within rounding, different ports); 1.000 once one language's reports naming different
  // ports need more than a shared figure (branch cluster2; the set was open to it by then).
  // The bar stays below 1: the set is known, the blind ml2-clusters set is the judge.
  it('story clustering of ml1-clusters: B-cubed F1, and the decoys stay apart from both events', async () => {
    const { bcubed } = await import('../src/cluster/bcubed.ts');
    const { clusterCorpus, readCorpusDir } = await import('../src/cluster/corpus.ts');
    const articles = readCorpusDir(ML1_CLUSTERS);
    const lines = clusterCorpus(articles, { windowDays: 7 });
    const gold = new Map(articles.filter((a) => a.story).map((a) => [a.id, a.story!]));
    expect(gold.size).toBe(14);
    const predicted = new Map(lines.map((l) => [l.id, l.cluster]));
    expect(bcubed(predicted, gold).f1).toBeGreaterThanOrEqual(0.95);
    const eventClusters = new Set(
      [...gold]
        .filter(
          ([, story]) =>
            story === 'galicia-semisub-cocaine-2026-11' || story === 'gioia-tauro-cocaine-2026-10',
        )
        .map(([id]) => predicted.get(id)),
    );
    for (const id of ['mlc-12', 'mlc-13', 'mlc-14'])
      expect(eventClusters.has(predicted.get(id)), id).toBe(false);
  });
});

describe('the ml2 multilingual held-out set stays above its floors', () => {
  const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pt'];
  /**
   * The hard negatives of ml2: a wastewater study, an estimate report with thresholds, a policy
   * piece with prices and arrests, a licensed-cannabis piece, a money-laundering raid.
   */
  const ML2_NEGATIVES = ['de-p04', 'es-p04', 'fr-p04', 'nl-p04', 'pt-p04'];
  /**
   * Negatives that leaked when ml2 was first scored (2026-12-03, docs/heldout.md ml2): es-p04 (three
   * figures), pt-p04 (one); neither since ml-tune round 3 (2026-12-04, the set then a tuning set).
   * Remove an id once it no longer leaks.
   */
  const ML2_KNOWN_LEAKS = new Set<string>();
  const EVENTS = ['dakar-trawler-cocaine-2025-11', 'oder-amphetamine-truck-2026-10'];
  const DECOYS = ['ml2c-04', 'ml2c-07', 'ml2c-10'];

  it('has 4 articles per language, ids matching file names, cluster files with a story label', () => {
    expect(ml2.map((a) => `${a.id}.json`).sort()).toEqual(
      readdirSync(ML2)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
    for (const lang of LANGUAGES) expect(ml2.filter((a) => a.language === lang).length, lang).toBe(4);
    for (const id of ML2_NEGATIVES) expect(ml2.find((a) => a.id === id)?.seizureStory, id).toBe(false);
    const keys = readdirSync(ML2_CLUSTERS)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(ML2_CLUSTERS, f), 'utf8')).cluster as unknown);
    expect(keys.length).toBe(12);
    for (const k of keys) expect(typeof k).toBe('string');
    expect(keys.filter((k) => k === EVENTS[0]).length).toBe(5);
    expect(keys.filter((k) => k === EVENTS[1]).length).toBe(4);
    expect(new Set(ml2Clusters.map((a) => a.language))).toEqual(
      new Set(['en', 'de', 'es', 'fr', 'nl', 'pt', 'ca', 'pl']),
    );
  });

  it('shares no 12-word run with the dev, dev-multilingual or dev-clusters texts', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // the shared corpus sits beside the repo; CI has it too
    expect(copiedRuns([...ml2, ...ml2Clusters], runs)).toEqual([]);
  });

  // Measured 2026-12-03 14:30 on main at b4f5b00 plus only these fixtures (docs/heldout.md, ml2):
  // seizures P/R/F1 0.823 / 0.739 / 0.779, story accuracy 0.900, persons F1 0.625, places F1
  // 0.841, country 0.882, period 0.804; seizures F1 per language de 0.444, es 0.788, fr 0.960,
  // nl 0.786, pt 0.815. Floors ~0.05 under. Raised 2026-12-04 after ml-tune round 3 tuned on the
  // set (no longer blind): seizures P/R/F1 0.986 / 0.986 / 0.986, story accuracy 1.000, country
  // 0.956, period 0.926; per language de 1.000, es 0.966, fr 1.000, nl 0.968, pt 1.000. Floors
  // about two figures under.
  it('seizures, story, persons, places, country and period', () => {
    expect(ml2Report.articles).toBe(20);
    expect(ml2Report.seizures.precision).toBeGreaterThanOrEqual(0.93);
    expect(ml2Report.seizures.recall).toBeGreaterThanOrEqual(0.93);
    expect(ml2Report.seizures.f1).toBeGreaterThanOrEqual(0.93);
    expect(ml2Report.seizureStory.accuracy).toBeGreaterThanOrEqual(0.95);
    // Raised 2026-12-04 (branch entities, persons and places round 3, ml2 read as a tuning set):
    // persons 0.625 -> 1.000, places 0.848 -> 0.919 (docs/extraction-entities.md).
    expect(ml2Report.persons.f1).toBeGreaterThanOrEqual(0.95);
    expect(ml2Report.places.f1).toBeGreaterThanOrEqual(0.87);
    expect(ml2Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(ml2Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.87);
  });

  it('seizure F1 per language', () => {
    const floors: Record<string, number> = { de: 0.9, es: 0.9, fr: 0.9, nl: 0.9, pt: 0.9 };
    for (const lang of LANGUAGES) {
      expect(ml2Report.byLanguage?.[lang]?.seizures.f1 ?? 0, lang).toBeGreaterThanOrEqual(floors[lang] ?? 1);
    }
  });

  it('hard negatives yield no seizure (but for the known leaks)', () => {
    const leaks = ML2_NEGATIVES.map(
      (id) => [id, ml2Predicted.get(id)?.seizures.length ?? -1] as const,
    ).filter(([id, n]) => n !== 0 && !ML2_KNOWN_LEAKS.has(id));
    expect(leaks).toEqual([]);
  });

  // Measured 2026-12-03 14:30 with the CLI's default 7-day window: B-cubed precision 1.000, recall
  // 0.767, F1 0.868 over 12 articles; the 3 decoys each stayed alone.
  it('story clustering of ml2-clusters: B-cubed F1, and the decoys stay apart from both events', async () => {
    const { bcubed } = await import('../src/cluster/bcubed.ts');
    const { clusterCorpus, readCorpusDir } = await import('../src/cluster/corpus.ts');
    const articles = readCorpusDir(ML2_CLUSTERS);
    const lines = clusterCorpus(articles, { windowDays: 7 });
    const gold = new Map(articles.filter((a) => a.story).map((a) => [a.id, a.story!]));
    expect(gold.size).toBe(12);
    const predicted = new Map(lines.map((l) => [l.id, l.cluster]));
    expect(bcubed(predicted, gold).f1).toBeGreaterThanOrEqual(0.81);
    const eventClusters = new Set(
      [...gold].filter(([, story]) => EVENTS.includes(story)).map(([id]) => predicted.get(id)),
    );
    for (const id of DECOYS) expect(eventClusters.has(predicted.get(id)), id).toBe(false);
  });
});

describe('the ml3 multilingual held-out set stays above its floors', () => {
  const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pt'];
  /**
   * The hard negatives of ml3: a wastewater study with legal limits (de), a coca-survey report with
   * production estimates and prices (es), a trial with no quantities (fr), a licensed-cannabis
   * evaluation with prices and stock limits (nl), a wastewater study with possession limits (pt).
   */
  const ML3_NEGATIVES = ['de-q04', 'es-q04', 'fr-q04', 'nl-q04', 'pt-q04'];
  /** Negatives that leaked when ml3 was first scored (2026-12-04): none. Add an id only with a note. */
  const ML3_KNOWN_LEAKS = new Set<string>();
  const EVENTS = ['valencia-shrimp-cocaine-2025-09', 'mindelo-sailboat-cocaine-2026-10'];
  const DECOYS = ['ml3c-10', 'ml3c-11', 'ml3c-12'];
  /**
   * Decoys that joined an event when ml3-clusters was first scored (2026-12-04, docs/heldout.md ml3):
   * ml3c-11 (the same drug on a yacht the same week, another archipelago) joined event B. Remove the
   * id once it stays alone.
   */
  const ML3_KNOWN_JOINS = new Set(['ml3c-11']);

  it('has 4 articles per language, ids matching file names, cluster files with a story label', () => {
    expect(ml3.map((a) => `${a.id}.json`).sort()).toEqual(
      readdirSync(ML3)
        .filter((f) => f.endsWith('.json'))
        .sort(),
    );
    for (const lang of LANGUAGES) expect(ml3.filter((a) => a.language === lang).length, lang).toBe(4);
    for (const id of ML3_NEGATIVES) expect(ml3.find((a) => a.id === id)?.seizureStory, id).toBe(false);
    expect(ml3.reduce((n, a) => n + a.seizures.length, 0)).toBe(67);
    const keys = readdirSync(ML3_CLUSTERS)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(path.join(ML3_CLUSTERS, f), 'utf8')).cluster as unknown);
    expect(keys.length).toBe(12);
    for (const k of keys) expect(typeof k).toBe('string');
    expect(keys.filter((k) => k === EVENTS[0]).length).toBe(5);
    expect(keys.filter((k) => k === EVENTS[1]).length).toBe(4);
    expect(new Set(ml3Clusters.map((a) => a.language))).toEqual(
      new Set(['en', 'de', 'es', 'fr', 'nl', 'pt']),
    );
  });

  it('shares no 12-word run with the dev, dev-multilingual or dev-clusters texts', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // the shared corpus sits beside the repo; CI has it too
    expect(copiedRuns([...ml3, ...ml3Clusters], runs)).toEqual([]);
  });

  // Measured 2026-12-04 18:56 on main at 432b341 plus only these fixtures (docs/heldout.md, ml3):
  // seizures P/R/F1 0.869 / 0.791 / 0.828, story accuracy 0.950, persons F1 0.840, places F1
  // 0.898, country 0.868, period 0.830; seizures F1 per language de 0.696, es 0.828, fr 0.833,
  // nl 0.846, pt 0.923. Floors ~0.05 under.
  // Raised 2026-12-04 (r2-ml, general drug words, half-number words, German "befanden sich"):
  // seizures P/R/F1 0.952 / 0.896 / 0.923; per language de 0.880, es 0.897, fr 1.000, nl 0.923,
  // pt 0.923.
  it('seizures, story, persons, places, country and period', () => {
    expect(ml3Report.articles).toBe(20);
    expect(ml3Report.seizures.precision).toBeGreaterThanOrEqual(0.9);
    expect(ml3Report.seizures.recall).toBeGreaterThanOrEqual(0.84);
    expect(ml3Report.seizures.f1).toBeGreaterThanOrEqual(0.87);
    expect(ml3Report.seizureStory.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(ml3Report.persons.f1).toBeGreaterThanOrEqual(0.79);
    expect(ml3Report.places.f1).toBeGreaterThanOrEqual(0.85);
    expect(ml3Report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(0.82);
    // Period 0.955 (64/67) on branch period2 (year-to-date totals, a month of last year): ~0.05 under.
    expect(ml3Report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(0.9);
  });

  it('seizure F1 per language', () => {
    const floors: Record<string, number> = { de: 0.83, es: 0.84, fr: 0.95, nl: 0.87, pt: 0.87 };
    for (const lang of LANGUAGES) {
      expect(ml3Report.byLanguage?.[lang]?.seizures.f1 ?? 0, lang).toBeGreaterThanOrEqual(floors[lang] ?? 1);
    }
  });

  it('hard negatives yield no seizure (but for the known leaks)', () => {
    const leaks = ML3_NEGATIVES.map(
      (id) => [id, ml3Predicted.get(id)?.seizures.length ?? -1] as const,
    ).filter(([id, n]) => n !== 0 && !ML3_KNOWN_LEAKS.has(id));
    expect(leaks).toEqual([]);
  });

  // Measured 2026-12-04 18:56 with the CLI's default 7-day window: B-cubed precision 0.867, recall
  // 1.000, F1 0.929 over 12 articles; both events whole, ml3c-11 joined event B, ml3c-10 and ml3c-12
  // stayed alone.
  it('story clustering of ml3-clusters: B-cubed F1, and the decoys stay apart from both events', async () => {
    const { bcubed } = await import('../src/cluster/bcubed.ts');
    const { clusterCorpus, readCorpusDir } = await import('../src/cluster/corpus.ts');
    const articles = readCorpusDir(ML3_CLUSTERS);
    const lines = clusterCorpus(articles, { windowDays: 7 });
    const gold = new Map(articles.filter((a) => a.story).map((a) => [a.id, a.story!]));
    expect(gold.size).toBe(12);
    const predicted = new Map(lines.map((l) => [l.id, l.cluster]));
    expect(bcubed(predicted, gold).f1).toBeGreaterThanOrEqual(0.88);
    const eventClusters = new Set(
      [...gold].filter(([, story]) => EVENTS.includes(story)).map(([id]) => predicted.get(id)),
    );
    for (const id of DECOYS.filter((d) => !ML3_KNOWN_JOINS.has(d)))
      expect(eventClusters.has(predicted.get(id)), id).toBe(false);
  });
});

describe('rules are not keyed to held-out articles', () => {
  it('no person or city of the held-out labels is named in the rule tables or extraction code', () => {
    const require = createRequire(import.meta.url);
    const countries = require('world-countries/countries.json') as Array<{ name: { common: string } }>;
    const general = new Set(countries.map((c) => c.name.common));
    const names = new Set<string>();
    for (const a of [...labelled, ...fresh]) {
      for (const p of a.persons) names.add(p.name);
      for (const p of a.places) {
        // Countries, continents and multi-country regions are vocabulary, not article strings.
        if (p.country === null || p.country === 'EU' || general.has(p.name) || p.name === 'Britain') continue;
        if (!NAMES_ALREADY_IN_RULES.has(p.name)) names.add(p.name);
      }
    }
    const files = [
      ...(readdirSync(path.join(ROOT, 'config/rules'), { recursive: true }) as string[]).map((f) =>
        path.join(ROOT, 'config/rules', f),
      ),
      ...(readdirSync(path.join(ROOT, 'src/extract'), { recursive: true }) as string[]).map((f) =>
        path.join(ROOT, 'src/extract', f),
      ),
      ...readdirSync(path.join(ROOT, 'src/geo')).map((f) => path.join(ROOT, 'src/geo', f)),
    ].filter((f) => /\.(?:ya?ml|ts)$/.test(f));
    const found: string[] = [];
    for (const f of files) {
      const body = readFileSync(f, 'utf8');
      for (const n of names) {
        const re = new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u');
        if (re.test(body)) found.push(`${path.relative(ROOT, f)}: ${n}`);
      }
    }
    expect(found).toEqual([]);
  });
});
