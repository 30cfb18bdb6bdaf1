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
  // Title-case common words and prepositions that GeoNames has as small towns are no place.
  ['pt', 'Para os agentes, a apreensão em Sorocaba foi recorde.', ['Sorocaba']],
  [
    'de',
    'Die Kosten der Razzia in Bielefeld trug das Land. Die Lage in Magdeburg bleibt angespannt.',
    ['Bielefeld', 'Magdeburg'],
  ],
  ['nl', 'Regio in het kort: hennepkwekerij in Tilburg opgerold.', ['Tilburg']],
  ['es', 'Según la Sala, el patrón llevaba 300 kilos de hachís hacia Huelva.', ['Huelva']],
  ['fr', 'Le terminal de Port 4000 à Dunkerque a reçu le conteneur.', ['Dunkerque']],
  // "Bezirk X" names the district X; "Kanton X" keeps its noun as the canton's style.
  ['de', 'Im Bezirk Kufstein stoppten Beamte einen Kleinbus mit 9 Kilo Amphetamin.', ['Kufstein']],
  ['de', 'Im Kanton Solothurn wurde ein Kurier mit Heroin festgenommen.', ['Kanton Solothurn']],
  // Dutch names an airport by the name after its noun, in capitals or not.
  ['nl', 'De marechaussee hield op luchthaven Kolvenhoek een koerier met 3 kilo coke aan.', ['Kolvenhoek']],
];

describe('places named by their form', () => {
  it.each(cases)('%s: %s', (lang, text, want) => {
    expect(places(text, lang)).toEqual(want);
  });
});

describe('a country written with its lower-case article', () => {
  it('is the country, not a town abroad named with the article', () => {
    const r = extractRecord(
      articleFromText({
        url: null,
        title: null,
        text: 'Entre la Réunion et la Guadeloupe, les douaniers ont saisi 80 kilos de cocaïne.',
        published: '2026-11-20',
        language: 'fr',
      }),
    );
    expect(r.places.map((p) => [p.name, p.country])).toEqual([
      ['Réunion', 'RE'],
      ['Guadeloupe', 'GP'],
    ]);
  });
  it('keeps a town whose article the text contracts', () => {
    const r = extractRecord(
      articleFromText({
        url: null,
        title: null,
        text: 'Les douaniers du Havre ont saisi 2 tonnes.',
        published: '2026-11-20',
        language: 'fr',
      }),
    );
    expect(r.places.map((p) => p.name)).toEqual(['Le Havre']);
  });
});
