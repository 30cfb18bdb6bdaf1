/** Pure scoring functions on small hand-made cases. */
import { describe, expect, it } from 'vitest';
import type { LabelledArticle } from '../src/score/corpus.ts';
import { formatReport, type ScoredRecord, scoreCorpus } from '../src/score/index.ts';
import { matchOneToOne, nameOverlap, normalizeName, prf, seizuresMatch } from '../src/score/metrics.ts';

describe('prf', () => {
  it('computes precision, recall and F1', () => {
    expect(prf(8, 2, 2)).toEqual({
      tp: 8,
      fp: 2,
      fn: 2,
      precision: 0.8,
      recall: 0.8,
      f1: expect.closeTo(0.8, 9),
    });
    expect(prf(0, 0, 3)).toMatchObject({ precision: 1, recall: 0, f1: 0 });
    expect(prf(0, 0, 0)).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

describe('seizuresMatch', () => {
  const g = { drug: 'cocaine', kg: 1000, count: null };
  it('matches the same drug with kg within 2%', () => {
    expect(seizuresMatch(g, { drug: 'cocaine', kg: 1019, count: null })).toBe(true);
    expect(seizuresMatch(g, { drug: 'cocaine', kg: 1021, count: null })).toBe(false);
    expect(seizuresMatch(g, { drug: 'heroin', kg: 1000, count: null })).toBe(false);
  });
  it('matches the same count where there is no common mass', () => {
    expect(
      seizuresMatch({ drug: 'mdma', kg: null, count: 5000 }, { drug: 'mdma', kg: null, count: 5000 }),
    ).toBe(true);
    expect(seizuresMatch({ drug: 'mdma', kg: null, count: 5000 }, { drug: 'mdma', kg: 3, count: 5001 })).toBe(
      false,
    );
  });
});

describe('matchOneToOne', () => {
  it('never lets one prediction count for two labels, and finds the best assignment', () => {
    // gold 0 matches preds 0 and 1; gold 1 matches only pred 0: the maximum is two pairs.
    const pairs = matchOneToOne([0, 1], [0, 1], (g, p) => (g === 0 ? true : p === 0));
    expect(pairs).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(matchOneToOne([0, 1], [0], () => true)).toHaveLength(1);
  });
});

describe('names', () => {
  it('normalises case, diacritics, punctuation and a leading "the"', () => {
    expect(normalizeName('The Netherlands')).toBe('netherlands');
    expect(normalizeName('Andalucía')).toBe(normalizeName('ANDALUCIA'));
    expect(normalizeName('Castilla-La Mancha')).toBe('castilla la mancha');
  });
  it('counts set overlap', () => {
    expect(nameOverlap(['Antwerp', 'Spain', 'Spain'], ['antwerp', 'Peru'])).toEqual({
      tp: 1,
      fp: 1,
      fn: 1,
      missed: ['Spain'],
      extra: ['Peru'],
    });
  });
});

const labelled = (id: string, over: Partial<LabelledArticle>): LabelledArticle => ({
  id,
  published: null,
  title: null,
  text: 'x',
  seizureStory: true,
  seizures: [],
  persons: [],
  organizations: [],
  places: [],
  ...over,
});

describe('scoreCorpus', () => {
  const gold = [
    labelled('a', {
      seizures: [
        {
          drug: 'cocaine',
          amount: { value: 2, unit: 't' },
          kg: 2000,
          count: null,
          country: 'BE',
          period: '2024',
        },
        {
          drug: 'heroin',
          amount: { value: 5, unit: 'kg' },
          kg: 5,
          count: null,
          country: 'BE',
          period: '2024-03',
        },
      ],
      persons: [{ name: 'Ana Lima', role: null }],
      places: [{ name: 'Antwerp', country: 'BE' }],
    }),
    labelled('b', { seizureStory: false }),
    labelled('c', {}),
  ];
  const records: ScoredRecord[] = [
    {
      id: 'a',
      seizureStory: true,
      seizures: [
        { drug: 'cocaine', kg: 2010, count: null, country: 'BE', period: '2023' },
        { drug: 'cannabis', kg: 5, count: null, country: 'BE', period: null },
      ],
      persons: [{ name: 'ana lima' }],
      places: [{ name: 'Antwerp' }, { name: 'Ghent' }],
    },
    { id: 'b', seizureStory: true, seizures: [], persons: [], places: [] },
  ];
  const r = scoreCorpus(gold, records);

  it('scores seizures one-to-one with misses and extras', () => {
    expect(r.seizures).toMatchObject({ tp: 1, fp: 1, fn: 1, precision: 0.5, recall: 0.5 });
    expect(r.perArticle[0]?.seizures.missed).toEqual(['heroin 5kg']);
    expect(r.perArticle[0]?.seizures.extra).toEqual(['cannabis 5kg']);
  });
  it('scores country and period on matched seizures only', () => {
    expect(r.countryAccuracy).toEqual({ correct: 1, total: 1, accuracy: 1 });
    expect(r.periodAccuracy).toEqual({ correct: 0, total: 1, accuracy: 0 });
  });
  it('scores persons, places and the seizure-story call; a missing record predicts nothing', () => {
    expect(r.persons).toMatchObject({ tp: 1, fp: 0, fn: 0 });
    expect(r.places).toMatchObject({ tp: 1, fp: 1, fn: 0 });
    // a: tp, b: fp, c (no record): fn
    expect(r.seizureStory).toMatchObject({ tp: 1, fp: 1, fn: 1, accuracy: 1 / 3 });
    expect(r.perArticle[2]?.missingRecord).toBe(true);
  });
  it('prints a report with totals and per-article misses', () => {
    const text = formatReport(r);
    expect(text).toMatch(/^seizures\s+P 0\.500 {2}R 0\.500 {2}F1 0\.500/m);
    expect(text).toMatch(/- seizure heroin 5kg/);
    expect(text).toMatch(/~ period cocaine 2000kg: 2023 \(want 2024\)/);
    expect(text).toMatch(/^c .*NO RECORD/m);
  });
});
