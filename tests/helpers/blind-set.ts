/**
 * The checks every blind held-out set shares (tests/heldout-v10, heldout-ml5): its labels are
 * sound (negatives empty, every story has a figure, evidence verbatim, dates in the set's window,
 * nothing copied from the shared corpus), and the extractor stays above the floors of its first
 * score. Each call registers `it` blocks in the describe it is called in.
 */
import { expect, it } from 'vitest';
import type { LabelledArticle } from '../../src/score/corpus.ts';
import { extractLabelled } from '../../src/score/extract-labelled.ts';
import { scoreCorpus } from '../../src/score/index.ts';
import { copiedRuns, corpusRuns } from './copied-runs.ts';

export interface LabelChecks {
  negatives: string[];
  /** Inclusive ISO dates every `published` falls between. */
  window: [string, string];
}

export function labelChecks(articles: LabelledArticle[], { negatives, window }: LabelChecks): void {
  it('labels no seizure on the hard negatives and at least one on every story', () => {
    for (const id of negatives) {
      const a = articles.find((x) => x.id === id);
      expect(a, id).toBeDefined();
      expect(a?.seizureStory, id).toBe(false);
      expect(a?.seizures, id).toEqual([]);
    }
    for (const a of articles.filter((x) => !negatives.includes(x.id))) {
      expect(a.seizureStory, a.id).toBe(true);
      expect(a.seizures.length, a.id).toBeGreaterThan(0);
    }
  });

  it('keeps every evidence span verbatim in its text', () => {
    for (const a of articles)
      for (const s of a.seizures) {
        expect(s.evidence, a.id).toBeTruthy();
        expect(a.text, a.id).toContain(s.evidence);
      }
  });

  it('dates every article inside the set window', () => {
    for (const a of articles) {
      expect(a.published, a.id).not.toBeNull();
      expect((a.published ?? '') >= window[0] && (a.published ?? '') <= window[1], a.id).toBe(true);
    }
  });

  it('copies no 12-word run of the shared corpus', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // shared corpus absent: nothing to compare with
    expect(copiedRuns(articles, runs)).toEqual([]);
  });
}

/** Floors of the first score, each about 0.05 under it. */
export interface Floors {
  precision: number;
  recall: number;
  f1: number;
  story: number;
  persons: number;
  places: number;
  country: number;
  period: number;
}

export function extractorFloors(
  articles: LabelledArticle[],
  now: () => Date,
  floors: Floors,
  negatives: string[],
): void {
  const records = articles.map((a) => extractLabelled(a, now));
  const report = scoreCorpus(articles, records);

  it('stays above the floors of the first score', () => {
    expect(report.seizures.precision).toBeGreaterThanOrEqual(floors.precision);
    expect(report.seizures.recall).toBeGreaterThanOrEqual(floors.recall);
    expect(report.seizures.f1).toBeGreaterThanOrEqual(floors.f1);
    expect(report.seizureStory.f1).toBeGreaterThanOrEqual(floors.story);
    expect(report.persons.f1).toBeGreaterThanOrEqual(floors.persons);
    expect(report.places.f1).toBeGreaterThanOrEqual(floors.places);
    expect(report.countryAccuracy.accuracy).toBeGreaterThanOrEqual(floors.country);
    expect(report.periodAccuracy.accuracy).toBeGreaterThanOrEqual(floors.period);
  });

  it('finds no seizure on the hard negatives', () => {
    const leaking = negatives.filter((id) => {
      const i = articles.findIndex((a) => a.id === id);
      return (records[i]?.seizures.length ?? 0) > 0;
    });
    expect(leaking).toEqual([]);
  });
}
