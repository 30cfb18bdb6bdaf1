/**
 * Story clustering: B-cubed on our own fixtures (several stories at one port), no merges among
 * the 20 distinct real dev articles (read from ../shared at run time), the scorer, quantities.
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bcubed } from '../../src/cluster/bcubed.ts';
import { StoryClusterer } from '../../src/cluster/clusterer.ts';
import { clusterCorpus, readCorpusDir } from '../../src/cluster/corpus.ts';
import { storyFeatures } from '../../src/cluster/features.ts';
import { loadClusterLexicon } from '../../src/cluster/lexicon.ts';
import { findQuantities } from '../../src/cluster/quantities.ts';
import { shingleSketch, sketchSimilarity } from '../../src/cluster/text.ts';
import { RULES_DIR } from '../../src/extract/rules/load.ts';
import { makeRecord } from '../alerts/helpers.ts';
import { CORPUS, ROOT } from '../helpers/paths.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/cluster');

function score(dir: string, language?: string) {
  const articles = readCorpusDir(dir);
  const lines = clusterCorpus(articles);
  const gold = new Map(
    articles.filter((a) => !language || a.language === language).map((a) => [a.id, a.story!]),
  );
  return { lines, s: bcubed(new Map(lines.map((l) => [l.id, l.cluster])), gold) };
}

describe('B-cubed scorer', () => {
  it('scores a perfect, an all-in-one and an all-singletons clustering', () => {
    const gold = new Map([
      ['a', 'x'],
      ['b', 'x'],
      ['c', 'y'],
      ['d', 'z'],
    ]);
    expect(bcubed(new Map(gold), gold)).toMatchObject({ precision: 1, recall: 1, f1: 1, items: 4 });
    const one = bcubed(new Map([...gold.keys()].map((k) => [k, 'all'])), gold);
    expect(one.recall).toBe(1);
    expect(one.precision).toBeCloseTo((2 / 4 + 2 / 4 + 1 / 4 + 1 / 4) / 4, 10);
    const single = bcubed(new Map([...gold.keys()].map((k) => [k, k])), gold);
    expect(single.precision).toBe(1);
    expect(single.recall).toBeCloseTo((0.5 + 0.5 + 1 + 1) / 4, 10);
  });
});

// Extraction of each article (compromise and the rule tables) takes a while on a busy machine.
describe('story clustering on our fixtures', { timeout: 120_000 }, () => {
  it('groups the port stories (copies without figures, late follow-ups, reposts) and keeps the others apart', () => {
    const { lines, s } = score(path.join(FIXTURES, 'port-stories'), 'en');
    expect(s.items).toBe(14);
    expect(s.f1).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.9);
    const key = (id: string) => lines.find((l) => l.id === id)!.cluster;
    // two banana hauls in one week at two ports, and the same port months apart, stay apart
    expect(key('ant-bananas-wire')).not.toBe(key('rtm-bananas-wire'));
    expect(key('rtm-scrap-wire')).not.toBe(key('rtm-bananas-wire'));
    // the same figure for another drug at another port is another story
    expect(key('alg-hashish')).not.toBe(key('rtm-bananas-wire'));
    expect(key('rtm-bananas-nofig')).toBe(key('rtm-bananas-wire'));
    expect(key('rtm-scrap-undated')).toBe(key('rtm-scrap-wire'));
  });

  it('does as well on a second set written after the thresholds were set', () => {
    const { s } = score(path.join(FIXTURES, 'held-out'), 'en');
    expect(s.items).toBe(11);
    expect(s.f1).toBeGreaterThanOrEqual(0.85);
  });

  it.skipIf(!existsSync(path.join(CORPUS, 'dev')))('merges none of the distinct real dev articles', () => {
    // Every dev article reports a different event: each must be its own story, however many
    // articles the corpus holds.
    const files = readdirSync(path.join(CORPUS, 'dev')).filter((f) => f.endsWith('.json'));
    const lines = clusterCorpus(readCorpusDir(path.join(CORPUS, 'dev')));
    expect(files.length).toBeGreaterThanOrEqual(20);
    expect(lines).toHaveLength(files.length);
    expect(new Set(lines.map((l) => l.cluster)).size).toBe(files.length);
  });
});

describe('clusterer decisions', () => {
  it('keeps articles more than the window apart in different stories, even with the same figure', () => {
    const c = new StoryClusterer({ windowDays: 7 });
    const a = c.assign(storyFeatures(makeRecord({ id: 'a', published: '2024-03-01T00:00:00Z' })));
    const b = c.assign(storyFeatures(makeRecord({ id: 'b', published: '2024-03-05T00:00:00Z' })));
    const later = c.assign(storyFeatures(makeRecord({ id: 'c', published: '2024-03-20T00:00:00Z' })));
    expect(a.isNew).toBe(true);
    expect(b).toMatchObject({ storyKey: 'a', isNew: false });
    expect(later).toMatchObject({ storyKey: 'c', isNew: true });
  });

  it('joins two stories that a later article shows to be one', () => {
    const c = new StoryClusterer();
    const text = (extra: string) =>
      `Customs officers at the port of Rotterdam found 2,400 kilograms of cocaine in a container of bananas from Ecuador. ${extra}`;
    c.assign(storyFeatures(makeRecord({ id: 'x', seizures: [], title: null, text: text('') })));
    c.assign(
      storyFeatures(
        makeRecord({
          id: 'y',
          seizures: [],
          title: null,
          text: 'Two dock workers were arrested at the Maasvlakte terminal when they tried to open a reefer container.',
        }),
      ),
    );
    const z = c.assign(
      storyFeatures(
        makeRecord({
          id: 'z',
          seizures: [],
          title: null,
          text: `${text('Two dock workers were arrested at the Maasvlakte terminal when they tried to open a reefer container.')}`,
        }),
      ),
    );
    expect(z.merged).toEqual(['y']);
    expect(c.members.map((m) => m.storyKey)).toEqual(['x', 'x', 'x']);
  });

  it('estimates near-identical text from MinHash sketches', () => {
    const base =
      'Customs officers at the port found a large amount of cocaine hidden in a container of bananas that arrived from South America on Saturday, prosecutors said.';
    const same = sketchSimilarity(shingleSketch(base), shingleSketch(`${base} Two men were arrested.`));
    const other = sketchSimilarity(
      shingleSketch(base),
      shingleSketch('Police dismantled a cannabis plantation with two thousand plants in a warehouse.'),
    );
    expect(same.containment).toBeGreaterThan(0.9);
    expect(other.jaccard).toBe(0);
  });
});

describe('quantities found in text', () => {
  // The English tables, and small German and Spanish test tables of our own.
  const terms = loadClusterLexicon([RULES_DIR, path.join(ROOT, 'tests/fixtures/lexicon')]);
  it('reads masses, counts, decimal commas and number words, with the nearest drug', () => {
    const q = findQuantities(
      'Customs seize 2.4 tonnes of cocaine',
      'Officers found 2,400 kilograms of cocaine and 1.2 million ecstasy pills.\n\nZoll findet 2,5 Tonnen Kokain.\n\nPolice found three tons of hashish.',
      terms,
    );
    expect(q.map((x) => [x.drug, x.kg, x.count, x.lead])).toEqual([
      ['cocaine', 2400, null, true],
      ['cocaine', 2400, null, true],
      ['mdma', null, 1200000, true],
      ['cocaine', 2500, null, true],
      ['hashish', 3000, null, false],
    ]);
  });

  it('marks period totals as aggregates', () => {
    const q = findQuantities(null, 'Customs seized 46 tonnes of cocaine at the port in 2024.', terms);
    expect(q[0]).toMatchObject({ kg: 46000, aggregate: true });
  });
});
