/**
 * Regions in the languages read here, as data (config/geo/):
 *
 * - `regions.yaml`: first- and second-level divisions under their local names and exonyms
 *   ("Bayern", "Baviera", "Bavière", "Beieren" for GeoNames' "Bavaria"), and well-known regions
 *   that are no administrative unit ("Algarve", "Emmental", "Ruhrgebiet"). A gazetteer of a
 *   language reads the `local` names and its own column, as place aliases.
 * - `area-designators.yaml`: the administrative nouns GeoNames writes around an area's name
 *   ("Provincia de El Loa", "Politischer Bezirk Kufstein", "Maule Region"), stripped to give
 *   the bare name a text uses.
 */
import path from 'node:path';
import { z } from 'zod';
import { loadRuleTable } from '../extract/rules/load.ts';
import type { PlaceAlias } from './aliases.ts';
import { GEO_NAMES_DIR } from './language-names.ts';

const LANGUAGES = ['de', 'es', 'fr', 'nl', 'pt'] as const;

const names = z.array(z.string().min(1)).default([]);

export const RegionRule = z
  .object({
    reason: z.string().min(1),
    of: z
      .string()
      .regex(/^admin[12]:[A-Z]{2}\.[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)?$/)
      .optional(),
    name: z.string().min(1).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .nullable()
      .optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
    local: names,
    de: names,
    es: names,
    fr: names,
    nl: names,
    pt: names,
  })
  .refine(
    (r) => r.of !== undefined || (r.name !== undefined && r.country !== undefined && r.lat !== undefined),
    {
      message: 'a region needs `of`, or `name`, `country`, `lat` and `lon`',
    },
  )
  .refine((r) => r.local.length + LANGUAGES.reduce((n, l) => n + r[l].length, 0) > 0, {
    message: 'a region needs at least one name',
  });
export type RegionRuleT = z.infer<typeof RegionRule>;

const DesignatorRule = z.object({
  reason: z.string().min(1),
  prefixes: z.array(z.string().min(1)).default([]),
  suffixes: z.array(z.string().min(1)).default([]),
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).default([]),
  skip: z.array(z.string().min(1)).default([]),
});

/** The regions table, every language (for tests and checks). */
export function loadRegions(dir = GEO_NAMES_DIR): RegionRuleT[] {
  return loadRuleTable('regions', RegionRule, dir);
}

/**
 * The region rows of `language` as place aliases: the local names and the language's own;
 * none for English (GeoNames' names are English) or a language the table has no column for.
 */
export function regionAliases(language: string, dir = GEO_NAMES_DIR): PlaceAlias[] {
  if (!(LANGUAGES as readonly string[]).includes(language)) return [];
  const out: PlaceAlias[] = [];
  for (const r of loadRegions(dir)) {
    const own = r[language as (typeof LANGUAGES)[number]];
    const aliases = [...new Set([...r.local, ...own])];
    if (aliases.length === 0) continue;
    const base = {
      reason: `region-${r.reason}`,
      name: r.name ?? r.local[0] ?? own[0]!,
      aliases,
      caseSensitive: false,
      abbreviation: false,
      adjectival: false,
      dateline: false,
      listed: true,
    };
    if (r.of) out.push({ ...base, of: r.of });
    else
      out.push({
        ...base,
        kind: 'region',
        country: r.country ?? null,
        ...(r.lat !== undefined && r.lon !== undefined ? { lat: r.lat, lon: r.lon } : {}),
      });
  }
  return out;
}

export interface Designators {
  /**
   * The bare name of a GeoNames area name of `country`, or null when it has no designator, is
   * skipped, or the country is not one the table strips.
   */
  strip(name: string, country: string): string | null;
}

const designatorCache = new Map<string, Designators>();

/** area-designators.yaml, compiled. */
export function areaDesignators(dir = GEO_NAMES_DIR): Designators {
  const hit = designatorCache.get(dir);
  if (hit) return hit;
  const rules = loadRuleTable('area-designators', DesignatorRule, dir);
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const by = (xs: string[]) =>
    [...xs]
      .sort((a, b) => b.length - a.length)
      .map(esc)
      .join('|');
  const prefixes = rules.flatMap((r) => r.prefixes);
  const suffixes = rules.flatMap((r) => r.suffixes);
  const skip = new Set(rules.flatMap((r) => r.skip));
  const countries = new Set(rules.flatMap((r) => r.countries));
  const pre = prefixes.length ? new RegExp(`^(?:${by(prefixes)})\\s+(?=\\S)`, 'u') : null;
  const suf = suffixes.length ? new RegExp(`(?<=\\S)\\s+(?:${by(suffixes)})$`, 'u') : null;
  const d: Designators = {
    strip(name, country) {
      if (!countries.has(country)) return null;
      let bare = name;
      if (pre) bare = bare.replace(pre, '');
      if (suf) bare = bare.replace(suf, '');
      bare = bare.trim();
      if (bare === name || bare.length < 2 || skip.has(bare)) return null;
      return bare;
    },
  };
  designatorCache.set(dir, d);
  return d;
}

export const REGIONS_FILE = path.join(GEO_NAMES_DIR, 'regions.yaml');
