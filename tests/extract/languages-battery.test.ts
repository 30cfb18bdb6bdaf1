/**
 * Issue 11: a battery of sentences of our own per language (tests/extract/battery/lang-*.ts),
 * varied in style, voice, word order, number form, drug and packaging, with quantities that are
 * no seizure figures. Each sentence is read alone, as a one-sentence article.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { cases as de } from './battery/lang-de.ts';
import { cases as es } from './battery/lang-es.ts';
import { cases as fr } from './battery/lang-fr.ts';
import { cases as nl } from './battery/lang-nl.ts';
import { cases as pt } from './battery/lang-pt.ts';

const read = (text: string, language: string) =>
  extractRecord(articleFromText({ url: null, title: null, text, published: '2026-11-20', language }));

const figures = (text: string, language: string) =>
  read(text, language)
    .seizures.map((s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}`)
    .sort();

const batteries: Array<[string, Array<[string, string[]]>]> = [
  ['de', de],
  ['es', es],
  ['fr', fr],
  ['nl', nl],
  ['pt', pt],
];

for (const [lang, cases] of batteries) {
  describe(`${lang}: seizure figures of the battery`, () => {
    it('holds 30 sentences or more', () => expect(cases.length).toBeGreaterThanOrEqual(30));
    it.each(cases)('%s', (text, want) => {
      expect(figures(text, lang)).toEqual(want);
    });
  });
}

describe('de: an article of several sentences (own text)', () => {
  it('joins a count of packages to the mass told in the next sentence ("Darin: ...")', () => {
    const text = [
      'Bei einer Kontrolle auf der A93 hielten Beamte einen Kleintransporter an.',
      'Unter einer Ladung Altpapier stießen die Polizisten auf 240 verschweißte Pakete.',
      'Darin: zusammen 262 Kilogramm Marihuana, wie das Polizeipräsidium am Freitag mitteilte.',
    ].join(' ');
    const r = read(text, 'de');
    expect(r.seizures.map((s) => [s.drug, s.kg, s.count, s.countUnit])).toEqual([
      ['cannabis', 262, 240, 'packages'],
    ]);
  });

  it('a study of wastewater with prices and legal limits is no seizure story', () => {
    const text = [
      'Im Abwasser von Nürnberg finden sich immer mehr Rückstände von Kokain.',
      'Ein Gramm koste derzeit zwischen 60 und 90 Euro, sagte eine Sprecherin der Drogenhilfe.',
      'Erwachsene dürfen seit April bis zu 25 Gramm Cannabis besitzen.',
    ].join(' ');
    const r = read(text, 'de');
    expect(r.seizures).toEqual([]);
    expect(r.seizureStory).toBe(false);
  });
});
