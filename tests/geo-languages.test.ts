/**
 * The gazetteer across languages: exonyms and local names of cities (GeoNames alternate names),
 * country names (world-countries' translations plus config/geo/<lang>.yaml) and demonyms in
 * de, es, fr, nl and pt resolve to the entry English uses.
 */
import { describe, expect, it } from 'vitest';
import { gazetteer } from '../src/geo/index.ts';
import { countryWords, expandForms } from '../src/geo/language-names.ts';

const top = (language: string, surface: string) => gazetteer(language).lookup(surface)[0];
/** The most populous city entry a surface gives (what a caller ranking by population picks). */
const city = (language: string, surface: string) =>
  gazetteer(language)
    .lookup(surface)
    .filter((e) => e.kind === 'city')
    .sort((a, b) => b.population - a.population)[0];

describe('gazetteer in other languages', () => {
  it('resolves the exonyms of a city to the one entry English finds', () => {
    const antwerp = city('en', 'Antwerp')!;
    expect(antwerp.country).toBe('BE');
    for (const [lang, name] of [
      ['fr', 'Anvers'],
      ['es', 'Amberes'],
      ['pt', 'Antuérpia'],
      ['nl', 'Antwerpen'],
      ['de', 'Antwerpen'],
    ] as const) {
      expect(city(lang, name)?.id, `${lang} ${name}`).toBe(antwerp.id);
    }
    const hague = city('en', 'The Hague')!;
    expect(city('nl', 'Den Haag')?.id).toBe(hague.id);
    expect(city('fr', 'La Haye')?.id).toBe(hague.id);
    expect(city('es', 'La Haya')?.id).toBe(hague.id);
    const cologne = city('de', 'Köln')!;
    expect(cologne.country).toBe('DE');
    expect(city('nl', 'Keulen')?.id).toBe(cologne.id);
    expect(city('es', 'Colonia')?.id).toBe(cologne.id);
    const lisbon = city('en', 'Lisbon')!;
    expect(city('pt', 'Lisboa')?.id).toBe(lisbon.id);
    expect(city('fr', 'Lisbonne')?.id).toBe(lisbon.id);
    expect(city('de', 'Lissabon')?.id).toBe(lisbon.id);
    const brussels = city('en', 'Brussels')!;
    for (const [lang, name] of [
      ['fr', 'Bruxelles'],
      ['nl', 'Brussel'],
      ['es', 'Bruselas'],
      ['de', 'Brüssel'],
    ] as const)
      expect(city(lang, name)?.id, name).toBe(brussels.id);
  });

  it('gives English only the exonyms of large places, and no foreign country words', () => {
    expect(city('en', 'Cologne')?.id).toBe(city('de', 'Köln')?.id);
    expect(city('en', 'Cologne')?.country).toBe('DE');
    expect(
      gazetteer('en')
        .lookup('Lisboa')
        .some((e) => e.source === 'geonames-alternate'),
    ).toBe(true);
    expect(gazetteer('en').lookup('Alemania')).toEqual([]);
    expect(gazetteer('en').demonym('española')).toBeNull();
  });

  it('knows country names of each language, and a country name never names a dependency', () => {
    const cases: Array<[string, string, string]> = [
      ['de', 'Deutschland', 'DE'],
      ['es', 'Alemania', 'DE'],
      ['fr', 'Allemagne', 'DE'],
      ['nl', 'Duitsland', 'DE'],
      ['pt', 'Alemanha', 'DE'],
      ['de', 'Niederlande', 'NL'],
      ['es', 'Países Bajos', 'NL'],
      ['fr', 'Pays-Bas', 'NL'],
      ['pt', 'Países Baixos', 'NL'],
      ['nl', 'Nederland', 'NL'],
      ['es', 'Holanda', 'NL'],
      ['fr', 'France', 'FR'],
      ['pt', 'França', 'FR'],
      ['de', 'Dänemark', 'DK'],
      ['nl', 'Verenigde Staten', 'US'],
      ['es', 'EE. UU.', 'US'],
      ['fr', 'Royaume-Uni', 'GB'],
      ['pt', 'Reino Unido', 'GB'],
      ['de', 'Marokko', 'MA'],
      ['es', 'Marruecos', 'MA'],
      ['nl', 'België', 'BE'],
      ['fr', 'Belgique', 'BE'],
    ];
    for (const [lang, name, code] of cases) {
      expect(top(lang, name), `${lang} ${name}`).toMatchObject({ kind: 'country', country: code });
    }
  });

  it('does not offer a translated country name where a large city of that spelling is meant', () => {
    // Spanish "Granada" is also Grenada's name; Spanish news naming it means the city.
    expect(
      gazetteer('es')
        .lookup('Granada')
        .some((e) => e.kind === 'country'),
    ).toBe(false);
    expect(city('es', 'Granada')?.country).toBe('ES');
  });

  it('reads demonyms of each language in their inflected forms', () => {
    const cases: Array<[string, string, string]> = [
      ['de', 'deutschen', 'DE'],
      ['de', 'Kolumbianer', 'CO'],
      ['de', 'niederländische', 'NL'],
      ['es', 'españoles', 'ES'],
      ['es', 'colombiana', 'CO'],
      ['es', 'holandesa', 'NL'],
      ['fr', 'belges', 'BE'],
      ['fr', 'Allemand', 'DE'],
      ['fr', 'néerlandaise', 'NL'],
      ['nl', 'Belgische', 'BE'],
      ['nl', 'Marokkaanse', 'MA'],
      ['pt', 'alemães', 'DE'],
      ['pt', 'brasileira', 'BR'],
      ['pt', 'paraguaios', 'PY'],
    ];
    for (const [lang, word, code] of cases)
      expect(gazetteer(lang).demonym(word), `${lang} ${word}`).toBe(code);
    // French demonyms name the sovereign country, not French Guiana or Saint Martin.
    expect(gazetteer('fr').demonym('français')).toBe('FR');
    expect(gazetteer('nl').demonym('Nederlands')).toBe('NL');
  });

  it('expands "{a,b}" forms in the tables', () => {
    expect(expandForms('deutsch{,e,en}')).toEqual(['deutsch', 'deutsche', 'deutschen']);
    expect(expandForms('alem{ão,ã}')).toEqual(['alemão', 'alemã']);
    expect(expandForms('belga')).toEqual(['belga']);
  });

  it('has English as no-op and a language without a table still gets world-countries names', () => {
    expect(countryWords('en').byName.size).toBe(0);
    expect(countryWords('it').byName.get('germania')).toBe('DE');
  });

  it('every table entry names a known country', () => {
    for (const lang of ['de', 'es', 'fr', 'nl', 'pt']) {
      const w = countryWords(lang);
      expect(w.byDemonym.size, lang).toBeGreaterThan(40);
      for (const code of w.byDemonym.values()) expect(gazetteer(lang).country(code), code).not.toBeNull();
    }
  });
});
