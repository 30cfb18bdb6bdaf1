/**
 * The offline gazetteer: countries, regions, cities and aliases from the npm data packages,
 * built once per process.
 */
import { describe, expect, it } from 'vitest';
import { gazetteer, placeKey } from '../src/geo/index.ts';

describe('gazetteer', () => {
  const g = gazetteer();

  it('finds countries by name and abbreviation, case-sensitively for abbreviations', () => {
    expect(g.lookup('Belgium')[0]).toMatchObject({ id: 'country:BE', kind: 'country', country: 'BE' });
    expect(g.lookup('US')[0]).toMatchObject({ id: 'country:US', name: 'United States', abbreviation: true });
    expect(g.lookup('us').some((e) => e.kind === 'country')).toBe(false);
    expect(g.lookup('Holland')[0]).toMatchObject({ id: 'country:NL', name: 'Holland' });
  });

  it('holds regions from the alias table with EU or null countries', () => {
    expect(g.lookup('Europe')[0]).toMatchObject({ kind: 'region', country: 'EU' });
    expect(g.lookup('Caribbean')[0]).toMatchObject({ kind: 'region', country: null, adjectival: true });
    expect(g.lookup('Latin America')[0]).toMatchObject({ kind: 'region', country: null });
    expect(g.lookup('high seas')[0]).toMatchObject({ listed: false });
  });

  it('finds English city names with population and coordinates, homonyms included', () => {
    const antwerp = g.lookup('Antwerp');
    const be = antwerp.find((e) => e.country === 'BE');
    const us = antwerp.find((e) => e.country === 'US');
    expect(be).toBeDefined();
    expect(us).toBeDefined();
    expect(be!.population).toBeGreaterThan(us!.population);
    expect(Math.abs(be!.lat! - 51.2194)).toBeLessThan(0.1);
    expect(Math.abs(be!.lon! - 4.4025)).toBeLessThan(0.1);
    // The local name of a large city finds it too.
    expect(g.lookup('Antwerpen').some((e) => e.id === be!.id)).toBe(true);
  });

  it('finds first-level regions and their abbreviations', () => {
    expect(g.lookup('Texas')[0]).toMatchObject({ id: 'admin1:US.TX', kind: 'region', country: 'US' });
    expect(g.lookup('NSW')[0]).toMatchObject({ id: 'admin1:AU.02', abbreviation: true });
    expect(g.lookup('Andalucía')[0]).toMatchObject({ id: 'admin1:ES.51' });
  });

  it('knows demonyms and capitals', () => {
    expect(g.demonym('Belgian')).toBe('BE');
    expect(g.demonym('Senegalese')).toBe('SN');
    expect(g.demonym('Antwerp')).toBeNull();
    expect(g.capitalOf('BE')).toMatchObject({ name: 'Brussels', capital: true });
  });

  it('reports what it built and how long it took', () => {
    const s = g.stats();
    expect(s.cities).toBeGreaterThan(100_000);
    expect(s.admin1).toBeGreaterThan(3000);
    expect(s.buildMs).toBeGreaterThan(0);
  });

  it('folds case, accents and punctuation in keys', () => {
    expect(placeKey('Cádiz')).toBe(placeKey('Cadiz'));
    expect(placeKey('St. Louis')).toBe('st louis');
    expect(placeKey('Castilla-La Mancha')).toBe('castilla la mancha');
  });
});
