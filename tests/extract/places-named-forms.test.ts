/**
 * Issue 9 (places missed on unseen text): ports named by their head, regions and features written
 * with their noun, title-case common words that are no place. Sentences of our own, with
 * invented feature names.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const places = (text: string, language: string) =>
  extractRecord(
    articleFromText({ url: null, title: null, text, published: '2026-11-20', language }),
  ).places.map((p) => p.name);

const cases: Array<[string, string, string[]]> = [
  // "Port of X" with a name the gazetteer lacks: the port is named as written.
  ['en', 'Officers at the Port of Quendraby found 600 kilos of cocaine in a reefer.', ['Port of Quendraby']],
  // A known city after the head stays the city.
  ['en', 'Dock workers at the Port of Valencia unloaded 2 tonnes of hashish.', ['Valencia']],
];

describe('places named by their form', () => {
  it.each(cases)('%s: %s', (lang, text, want) => {
    expect(places(text, lang)).toEqual(want);
  });
});
