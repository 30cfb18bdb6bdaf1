/**
 * The blind multilingual held-out set ml4 (20 invented articles: 4 each in de, es, fr, nl, pt, one
 * hard negative per language) and ml4-clusters (one Valencia cocaine haul told in en, es, de, fr
 * and nl, and three decoys: the same port months earlier, another port the same week, another
 * drug at the same place the same week). Written and labelled by hand per
 * ../shared/corpus/LABELING.md before the extractor was run on them; the floors sit about 0.05
 * under the first score, so they catch a regression, not a tuning target. Blind: do not tune on it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../src/cluster/bcubed.ts';
import { clusterCorpus, readCorpusDir } from '../src/cluster/corpus.ts';
import { loadLabelledDir } from '../src/score/corpus.ts';
import { extractLabelled } from '../src/score/extract-labelled.ts';
import { scoreCorpus } from '../src/score/index.ts';
import { copiedRuns, corpusRuns } from './helpers/copied-runs.ts';
import { ROOT } from './helpers/paths.ts';

const DIR = path.join(ROOT, 'tests/fixtures/heldout/ml4');
const CLUSTER_DIR = path.join(ROOT, 'tests/fixtures/heldout/ml4-clusters');
const NOW = new Date('2026-12-07T12:00:00Z');
const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pt'];

/** First score (2026-12-07): seizures F1 0.923, story 1.000, persons 0.875, places 0.895. */
// Raised on branch period (a haul dated in a later sentence): seizures F1 0.946, de 0.960.
// Persons raised on branch persons2 (place types, things after a name, coordinated complements): 1.000.
const FLOORS = { seizures: 0.945, seizureStory: 0.95, persons: 0.98, places: 0.84 };
/** Seizures F1 per language at the first score: de 0.917, es 0.769, fr 1.000, nl 0.963, pt 0.957. */
const LANGUAGE_FLOORS: Record<string, number> = { de: 0.96, es: 0.71, fr: 0.95, nl: 0.91, pt: 0.9 };
/** B-cubed F1 of ml4-clusters at the first score: 1.000. */
const CLUSTER_FLOOR = 0.95;
/** Hard negatives that yielded a seizure at the first score: none did. */
const KNOWN_LEAKS = new Set<string>();

const articles = loadLabelledDir(DIR);
const clusterArticles = loadLabelledDir(CLUSTER_DIR);
const report = scoreCorpus(
  articles,
  articles.map((a) => extractLabelled(a, () => NOW)),
);

describe('held-out set ml4 (blind, multilingual)', () => {
  it('holds 4 articles per language, one of them a hard negative with no seizure', () => {
    expect(articles).toHaveLength(20);
    for (const lang of LANGUAGES) {
      const of = articles.filter((a) => a.language === lang);
      expect(of.map((a) => a.id)).toEqual([1, 2, 3, 4].map((n) => `${lang}-r0${n}`));
      const negatives = of.filter((a) => !a.seizureStory);
      expect(negatives).toHaveLength(1);
      for (const a of negatives) expect(a.seizures).toEqual([]);
      for (const a of of.filter((x) => x.seizureStory)) expect(a.seizures.length).toBeGreaterThan(0);
    }
  });

  it('gives every seizure an evidence span found verbatim in its text', () => {
    for (const a of [...articles, ...clusterArticles])
      for (const s of a.seizures) expect(a.text, `${a.id}: ${s.evidence}`).toContain(s.evidence ?? '');
  });

  it('copies no 12-word run of the shared corpus', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // the shared corpus is not beside this checkout
    expect(copiedRuns([...articles, ...clusterArticles], runs)).toEqual([]);
  });

  it('scores at least its floors overall', () => {
    expect(report.seizures.f1).toBeGreaterThanOrEqual(FLOORS.seizures);
    expect(report.seizureStory.f1).toBeGreaterThanOrEqual(FLOORS.seizureStory);
    expect(report.persons.f1).toBeGreaterThanOrEqual(FLOORS.persons);
    expect(report.places.f1).toBeGreaterThanOrEqual(FLOORS.places);
  });

  it('scores at least its seizures floor in every language', () => {
    expect(Object.keys(report.byLanguage ?? {}).sort()).toEqual(LANGUAGES);
    for (const lang of LANGUAGES)
      expect(report.byLanguage?.[lang]?.seizures.f1, lang).toBeGreaterThanOrEqual(LANGUAGE_FLOORS[lang]!);
  });

  it('finds no seizure in the hard negatives (but for the known leaks)', () => {
    const leaks = report.perArticle
      .filter((p) => !p.story.gold && p.seizures.fp > 0)
      .map((p) => p.id)
      .filter((id) => !KNOWN_LEAKS.has(id));
    expect(leaks).toEqual([]);
  });
});

describe('held-out set ml4-clusters (blind)', () => {
  const raw = readCorpusDir(CLUSTER_DIR);

  it('labels every article with a story key (a string), five of them one story in five languages', () => {
    expect(clusterArticles).toHaveLength(8);
    for (const name of clusterArticles.map((a) => `${a.id}.json`)) {
      const file = JSON.parse(readFileSync(path.join(CLUSTER_DIR, name), 'utf8'));
      expect(typeof file.story, name).toBe('string');
      expect(typeof file.cluster, name).toBe('string');
      expect(file.cluster, name).toBe(file.story);
    }
    const byStory = new Map<string, string[]>();
    for (const a of raw) byStory.set(a.story!, [...(byStory.get(a.story!) ?? []), a.language]);
    expect([...byStory.values()].map((langs) => langs.length).sort()).toEqual([1, 1, 1, 5]);
    const main = [...byStory.values()].find((langs) => langs.length === 5)!;
    expect([...main].sort()).toEqual(['de', 'en', 'es', 'fr', 'nl']);
  });

  it('clusters at least its B-cubed floor', () => {
    const lines = clusterCorpus(raw, { windowDays: 7 });
    const predicted = new Map(lines.map((l) => [l.id, l.cluster]));
    const gold = new Map(raw.map((a) => [a.id, a.story!]));
    const score = bcubed(predicted, gold);
    expect(score.items).toBe(8);
    expect(score.f1).toBeGreaterThanOrEqual(CLUSTER_FLOOR);
  });
});
