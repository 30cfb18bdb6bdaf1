/**
 * Countries from the `world-countries` package: names, alternative spellings, demonyms,
 * capitals and a representative point. Read once, lazily.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { placeKey } from './normalize.ts';

export interface Country {
  /** ISO 3166-1 alpha-2. */
  code: string;
  /** Common English name ("United States", "Netherlands"). */
  name: string;
  official: string;
  capital: string | null;
  lat: number;
  lon: number;
  /** English demonyms ("Belgian"). */
  demonyms: string[];
  /** ISO 639-3 codes of the country's languages (world-countries: "spa", "por"). */
  languages: string[];
}

interface RawCountry {
  cca2: string;
  independent?: boolean;
  name: { common: string; official: string };
  altSpellings?: string[];
  capital?: string[];
  latlng?: [number, number];
  demonyms?: Record<string, { f?: string; m?: string }>;
  translations?: Record<string, { common?: string; official?: string }>;
  languages?: Record<string, string>;
  area?: number;
}

export interface CountryIndex {
  byCode: Map<string, Country>;
  /** placeKey(name) -> code, for full names (common, official, long alternative spellings). */
  byName: Map<string, string>;
  /** Exact, case-sensitive abbreviations from altSpellings ("US", "USA", "UK", "DRC"). */
  byAbbreviation: Map<string, string>;
  /** placeKey(demonym) -> code ("belgian" -> BE). */
  byDemonym: Map<string, string>;
  /** Names and demonyms in another language, from world-countries' translations (see `inLanguage`). */
  inLanguage(language: string): LanguageCountryNames;
  /** The countries where a language (ISO 639-1) is an official language ("pt": PT, BR, AO, ...). */
  speaking(language: string): ReadonlySet<string>;
}

export interface LanguageCountryNames {
  /** placeKey(common or official name in the language) -> code ("alemania" -> DE). */
  byName: Map<string, string>;
  /** placeKey(demonym) -> code, where world-countries has them (French only). */
  byDemonym: Map<string, string>;
  /** placeKey(name) -> the name as written. */
  written: Map<string, string>;
}

/** ISO 639-1 (our language folders) -> the ISO 639-3 keys of world-countries' translations. */
const TRANSLATION_KEYS: Record<string, string> = {
  de: 'deu',
  es: 'spa',
  fr: 'fra',
  nl: 'nld',
  pt: 'por',
  it: 'ita',
  pl: 'pol',
  tr: 'tur',
  ru: 'rus',
};

let cached: CountryIndex | undefined;

export function countryIndex(): CountryIndex {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const file = require.resolve('world-countries/countries.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as RawCountry[];
  const byCode = new Map<string, Country>();
  const byName = new Map<string, string>();
  const byAbbreviation = new Map<string, string>();
  const byDemonym = new Map<string, string>();
  // A name or demonym two countries share ("French": France and the French Southern
  // Territories; "Dutch": the Netherlands and the Caribbean Netherlands) is the sovereign one's.
  // Of two sovereign countries, the larger ("Dominican": the Dominican Republic, not Dominica).
  const sovereign = new Set(raw.filter((c) => c.independent === true).map((c) => c.cca2));
  const area = new Map(raw.map((c) => [c.cca2, c.area ?? 0]));
  const claim = (map: Map<string, string>, key: string, code: string): void => {
    const had = map.get(key);
    if (
      had === undefined ||
      (!sovereign.has(had) && sovereign.has(code)) ||
      (sovereign.has(had) === sovereign.has(code) && (area.get(code) ?? 0) > (area.get(had) ?? 0))
    )
      map.set(key, code);
  };
  for (const c of raw) {
    const demonyms = [...new Set([c.demonyms?.eng?.m, c.demonyms?.eng?.f].filter((d): d is string => !!d))];
    byCode.set(c.cca2, {
      code: c.cca2,
      name: c.name.common,
      official: c.name.official,
      capital: c.capital?.[0] ?? null,
      lat: c.latlng?.[0] ?? 0,
      lon: c.latlng?.[1] ?? 0,
      demonyms,
      languages: Object.keys(c.languages ?? {}),
    });
    byName.set(placeKey(c.name.common), c.cca2);
    if (!byName.has(placeKey(c.name.official))) byName.set(placeKey(c.name.official), c.cca2);
    for (const alt of c.altSpellings ?? []) {
      // Codes and short upper-case forms match only exactly ("US", not "us").
      // The bare ISO code is left out ("IN", "IT", "ME" are words); place-aliases.yaml adds
      // the codes used as names ("US", "UK").
      if (alt === c.cca2) continue;
      if (/^[A-Z.]{2,5}$/.test(alt)) byAbbreviation.set(alt, c.cca2);
      else if (!alt.includes(',') && !byName.has(placeKey(alt))) byName.set(placeKey(alt), c.cca2);
    }
    for (const d of demonyms) claim(byDemonym, placeKey(d), c.cca2);
  }
  const languages = new Map<string, LanguageCountryNames>();
  const inLanguage = (language: string): LanguageCountryNames => {
    const hit = languages.get(language);
    if (hit) return hit;
    const key = TRANSLATION_KEYS[language];
    const names: LanguageCountryNames = { byName: new Map(), byDemonym: new Map(), written: new Map() };
    if (key) {
      for (const c of raw) {
        const t = c.translations?.[key];
        if (t?.common) claim(names.byName, placeKey(t.common), c.cca2);
        if (t?.common && names.byName.get(placeKey(t.common)) === c.cca2)
          names.written.set(placeKey(t.common), t.common);
      }
      // Official names after every common one: a common name is never taken by an official one.
      for (const c of raw) {
        const t = c.translations?.[key];
        if (t?.official && !names.byName.has(placeKey(t.official))) {
          names.byName.set(placeKey(t.official), c.cca2);
          names.written.set(placeKey(t.official), t.official);
        }
      }
      for (const c of raw) {
        const d = c.demonyms?.[key];
        for (const form of [d?.m, d?.f]) if (form) claim(names.byDemonym, placeKey(form), c.cca2);
      }
    }
    languages.set(language, names);
    return names;
  };
  const speakers = new Map<string, ReadonlySet<string>>();
  const speaking = (language: string): ReadonlySet<string> => {
    let set = speakers.get(language);
    if (!set) {
      const key = TRANSLATION_KEYS[language] ?? (language === 'en' ? 'eng' : language);
      set = new Set([...byCode.values()].filter((c) => c.languages.includes(key)).map((c) => c.code));
      speakers.set(language, set);
    }
    return set;
  };
  cached = { byCode, byName, byAbbreviation, byDemonym, inLanguage, speaking };
  return cached;
}
