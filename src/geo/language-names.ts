/**
 * Country words of one language, as data: config/geo/<language>.yaml (other names and the
 * demonyms in every inflected form, "{a,b}" alternatives expanded) on top of world-countries'
 * translations (countries.ts `inLanguage`). English needs no file: world-countries is English.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { loadRuleTable } from '../extract/rules/load.ts';
import { packagePath } from '../package-root.ts';
import { countryIndex } from './countries.ts';
import { placeKey } from './normalize.ts';

export const GEO_NAMES_DIR = packagePath('config/geo');

const CountryWordsRule = z.object({
  reason: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  names: z.array(z.string().min(1)).default([]),
  demonyms: z.array(z.string().min(1)).default([]),
});
export type CountryWordsRuleT = z.infer<typeof CountryWordsRule>;

/** "deutsch{,e,en}" -> deutsch, deutsche, deutschen (one brace group or none). */
export function expandForms(form: string): string[] {
  const m = form.match(/^([^{}]*)\{([^{}]*)\}([^{}]*)$/);
  if (!m) return [form];
  return m[2]!.split(',').map((alt) => `${m[1]}${alt}${m[3]}`);
}

export interface CountryWords {
  language: string;
  /** placeKey(name) -> ISO code: the table's names, then world-countries' translations. */
  byName: Map<string, string>;
  /** placeKey(demonym form) -> ISO code. */
  byDemonym: Map<string, string>;
  /** The name keys the table itself lists (the rest come from world-countries' translations). */
  listed: Set<string>;
  /** placeKey -> the name as written (accents kept). */
  written: Map<string, string>;
}

const cache = new Map<string, CountryWords>();

/** The country words of `language` (English: empty maps; the English names live in countries.ts). */
export function countryWords(language: string, dir = GEO_NAMES_DIR): CountryWords {
  const key = `${language}\u0000${dir}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const out: CountryWords = {
    language,
    byName: new Map(),
    byDemonym: new Map(),
    listed: new Set(),
    written: new Map(),
  };
  if (language !== 'en') {
    const countries = countryIndex();
    const file = path.join(dir, `${language}.yaml`);
    const rules = existsSync(file) ? loadRuleTable(language, CountryWordsRule, dir) : [];
    for (const r of rules) {
      if (!countries.byCode.has(r.country)) continue;
      for (const n of r.names.flatMap(expandForms)) {
        out.byName.set(placeKey(n), r.country);
        out.listed.add(placeKey(n));
      }
      for (const d of r.demonyms.flatMap(expandForms)) out.byDemonym.set(placeKey(d), r.country);
    }
    const translated = countries.inLanguage(language);
    for (const [k, code] of translated.byName) {
      if (out.byName.has(k)) continue;
      out.byName.set(k, code);
      out.written.set(k, translated.written.get(k) ?? k);
    }
    for (const [k, code] of translated.byDemonym) if (!out.byDemonym.has(k)) out.byDemonym.set(k, code);
  }
  cache.set(key, out);
  return out;
}
