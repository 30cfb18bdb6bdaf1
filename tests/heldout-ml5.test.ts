/**
 * Blind multilingual held-out set ml5 (issues 9 and 11): 15 invented articles, 3 each in German,
 * Spanish, French, Dutch and Portuguese (per language 2 seizure stories and 1 hard negative),
 * labelled by hand per ../shared/corpus/LABELING.md before any extractor run. First ("before")
 * score, main at 48d7751 plus these files (2026-12-08): seizures P 0.973 R 0.947 F1 0.960, story
 * F1 1.000, persons F1 0.909, places F1 0.862, country 0.972 (35/36), period 0.944 (34/36); no
 * seizure on a negative. The floors sit about 0.05 under that score: they catch a regression, they
 * are not a tuning target. Blind: do not open or tune on these files.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabelledDir } from '../src/score/corpus.ts';
import { extractorFloors, labelChecks } from './helpers/blind-set.ts';
import { ROOT } from './helpers/paths.ts';

const DIR = path.join(ROOT, 'tests/fixtures/heldout/ml5');
const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pt'];
const NEGATIVES = ['de-s03', 'es-s03', 'fr-s03', 'nl-s03', 'pt-s03'];
/** About 0.05 under the first score (the header). */
const FLOORS = {
  precision: 0.92,
  recall: 0.89,
  f1: 0.91,
  story: 0.95,
  persons: 0.85,
  places: 0.81,
  country: 0.92,
  period: 0.89,
};
const NOW = () => new Date('2026-12-08T12:00:00Z');
const STORIES = 10;
const SEIZURES = 38;
const SEIZURES_PER_LANGUAGE: Record<string, number> = { de: 7, es: 8, fr: 8, nl: 7, pt: 8 };

const articles = loadLabelledDir(DIR);

describe('held-out set ml5 (blind, multilingual)', () => {
  it(`holds 15 articles, ${STORIES} seizure stories and ${SEIZURES} labelled seizure figures`, () => {
    expect(articles).toHaveLength(15);
    expect(articles.filter((a) => a.seizureStory)).toHaveLength(STORIES);
    expect(articles.reduce((n, a) => n + a.seizures.length, 0)).toBe(SEIZURES);
  });

  it('holds 3 articles per language, 2 of them seizure stories, each id prefixed by its language', () => {
    for (const lang of LANGUAGES) {
      const mine = articles.filter((a) => a.language === lang);
      expect(mine.map((a) => a.id).sort(), lang).toEqual([`${lang}-s01`, `${lang}-s02`, `${lang}-s03`]);
      expect(
        mine.filter((a) => a.seizureStory),
        lang,
      ).toHaveLength(2);
      expect(
        mine.reduce((n, a) => n + a.seizures.length, 0),
        lang,
      ).toBe(SEIZURES_PER_LANGUAGE[lang]);
    }
    expect(articles.filter((a) => !LANGUAGES.includes(a.language ?? ''))).toEqual([]);
  });

  labelChecks(articles, { negatives: NEGATIVES, window: ['2026-10-15', '2026-12-06'] });

  describe('extractor on ml5', () => {
    extractorFloors(articles, NOW, FLOORS, NEGATIVES);
  });
});
