/**
 * The clusterer's lexicon, derived from the extraction tables of every language folder under
 * config/rules/ (drugs.yaml, units.yaml, numbers.yaml, calendar.yaml): one lexicon, so a new
 * language or drug is added once, in its extraction tables, and clustering knows it too.
 *
 * The clusterer reads any article with every language's words at once (a Spanish copy of a
 * German story names "cocaína", the German one "Kokain": both are `cocaine`). It needs far less
 * than extraction: which drugs a text names, its figures (number, unit, nearest drug) and the
 * dates it gives (day and month). A folder missing a table contributes nothing for it.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { languageFolders, loadRuleTable, RULES_DIR } from '../extract/rules/load.ts';
import { DRUGS, type Drug } from '../records/schema.ts';

const DrugRule = z.looseObject({ reason: z.string(), drug: z.string(), pattern: z.string() });
const UnitRule = z.looseObject({
  reason: z.string(),
  pattern: z.string(),
  kind: z.enum(['mass', 'count']),
  unit: z.string(),
  kg: z.number().positive().optional(),
});
const NumberRule = z.looseObject({
  reason: z.string(),
  kind: z.string(),
  pattern: z.string(),
  value: z.number().optional(),
});
const RoleRule = z.looseObject({
  reason: z.string(),
  type: z.string(),
  words: z.array(z.string()).optional(),
});
const FacilityRule = z.looseObject({ reason: z.string(), head: z.string(), kind: z.string() });
const PeriodRule = z.looseObject({
  reason: z.string(),
  resolve: z.string(),
  pattern: z.string(),
  offset: z.number().optional(),
});
const CalendarRule = z.looseObject({
  reason: z.string(),
  month: z.number().int().optional(),
  words: z.array(z.string()),
});

/**
 * How a qualifier bounds a figure (numbers.yaml `kind: qualifier`, by its reason): `below` just
 * under it ("knapp drei Tonnen", "nearly"), `about` either side ("rund", "environ"), `over` at
 * least it ("más de", "plus d'une tonne"), `under` at most it ("up to", "bis zu").
 */
export type FigureBound = 'below' | 'about' | 'over' | 'under';

export interface LexiconFigure {
  drug: Drug | null;
  kg: number | null;
  count: number | null;
  /** The qualifier written before the figure, if any. */
  bound?: FigureBound;
  /** Where in the text the figure starts and ends. */
  start: number;
  end: number;
}

export interface ClusterLexicon {
  /** The language folders it was built from. */
  languages: string[];
  /** Canonical drugs the text names (the generic "drugs", "Drogen" left out), in order of first mention. */
  drugsIn(text: string): Drug[];
  /** Every figure: a number (digits or a number word, times a multiplier) and a unit. */
  figuresIn(text: string): LexiconFigure[];
  /** Day-and-month dates as `MM-DD` ("12. Februar", "12 de febrero", "February 12"). */
  datesIn(text: string): string[];
  /**
   * Dates that name their year: a day, month and year ("24. Februar 2021", "24 de febrero de
   * 2021", "Feb. 24, 2021", "24.02.2021", "2021-02-24"), a month and year ("febrero de 2021",
   * "July 2023") or a year alone ("in 2020"), in text order.
   */
  yearDatesIn(text: string): YearDate[];
  /** The word is a drug, unit or month of some language (so no part of a name: "Tonnen Kokain"). */
  isLexical(word: string): boolean;
  /**
   * The word is a title or role of some language (titles-roles.yaml heads, modifiers,
   * honorifics, and compounds ending in a head suffix: "Sprecherin", "Polizeichef", "Director"):
   * it stands before a name and is no part of it.
   */
  isRole(word: string): boolean;
  /** The word names a port (place-facilities.yaml heads of kind `port`: "Hafen", "porto", "haven"). */
  isPortWord(word: string): boolean;
  /**
   * The word (lower case, accents folded, as text.ts makes terms) is a drug, a unit or a port
   * word of some language: every haul story has one ("kokain", "tonnen", "toneladas", "hafen"),
   * so it tells one story from another as little as the English domain words of cluster.yaml.
   */
  isDomainTerm(term: string): boolean;
  /**
   * The text refers to a time a month or more before the story ("last month", "im vergangenen
   * Jahr"): periods.yaml rows of every folder resolved `relative-month` or `relative-year` with
   * a negative `offset`.
   */
  pastReference(text: string): boolean;
}

/** A date the text writes with its year; `month` and `day` null where it names none. */
export interface YearDate {
  year: number;
  month: number | null;
  day: number | null;
  start: number;
  end: number;
}

const L = String.raw`(?<![\p{L}\p{N}])`;
const R = String.raw`(?![\p{L}\p{N}])`;

/** Patterns of the tables are written for whole words, case-insensitively. */
function alternation(patterns: string[]): string {
  return patterns.map((p) => `(?:${p})`).join('|');
}

/** The bound a qualifier row's reason names ("qualifier-de-lower-bound" -> over), or null. */
function boundOf(reason: string): FigureBound | null {
  if (/just-below/.test(reason)) return 'below';
  if (/approximate/.test(reason)) return 'about';
  if (/lower-bound/.test(reason)) return 'over';
  if (/upper-bound/.test(reason)) return 'under';
  return null;
}

/** Lower case, accents kept (table words and text words compare alike). */
const fold = (w: string): string => w.toLowerCase();

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The lexicon of the language folders under `roots` (default config/rules/), built once per root list. */
export function loadClusterLexicon(roots: string[] = [RULES_DIR]): ClusterLexicon {
  const key = roots.join('\u0000');
  const hit = cache.get(key);
  if (hit) return hit;
  const lexicon = buildLexicon(roots);
  cache.set(key, lexicon);
  return lexicon;
}
const cache = new Map<string, ClusterLexicon>();

const ExtraLanguage = z
  .object({
    drugs: z.array(z.object({ drug: z.enum(DRUGS), pattern: z.string() }).strict()).default([]),
    units: z
      .array(
        z
          .object({
            pattern: z.string(),
            kind: z.enum(['mass', 'count']),
            kg: z.number().positive().optional(),
          })
          .strict(),
      )
      .default([]),
    multipliers: z
      .array(z.object({ pattern: z.string(), value: z.number().positive() }).strict())
      .default([]),
    /** Words before a figure that bound it (as numbers.yaml `kind: qualifier`). */
    qualifiers: z
      .array(z.object({ pattern: z.string(), bound: z.enum(['below', 'about', 'over', 'under']) }).strict())
      .default([]),
    /** January to December; "|" between the forms of one month. */
    months: z
      .array(z.string())
      .refine((m) => m.length === 0 || m.length === 12, 'twelve months, January first')
      .default([]),
  })
  .strict();

/**
 * The `lexicon` section of `<root>/cluster.yaml`: drugs, units, multipliers and months of
 * languages without an extraction folder (an Italian copy of a wire story), in the shapes of the
 * extraction tables. A language that gets a folder is read from the folder instead.
 */
function clusterLexiconTables(root: string): Record<string, z.infer<typeof ExtraLanguage>> {
  const file = path.join(root, 'cluster.yaml');
  if (!existsSync(file)) return {};
  const raw = parse(readFileSync(file, 'utf8')) as { lexicon?: unknown } | null;
  return z.record(z.string(), ExtraLanguage).parse(raw?.lexicon ?? {});
}

function tableOf<T extends z.ZodType>(dir: string, name: string, schema: T): z.infer<T>[] {
  if (!existsSync(path.join(dir, `${name}.yaml`))) return [];
  return loadRuleTable(name, schema, dir);
}

function buildLexicon(roots: string[]): ClusterLexicon {
  const drugs: Array<{ drug: Drug; re: RegExp }> = [];
  const units: Array<{ source: string; kind: 'mass' | 'count'; kg: number }> = [];
  const words = new Map<string, number>();
  const multipliers: Array<{ source: string; value: number }> = [];
  const months = new Map<string, number>();
  const roles = new Set<string>();
  const roleSuffixes = new Set<string>();
  const portWords = new Set<string>();
  const pastPatterns: string[] = [];
  const qualifiers: Array<{ source: string; bound: FigureBound }> = [];
  const languages: string[] = [];
  for (const root of roots) {
    for (const lang of languageFolders(root)) {
      const dir = path.join(root, lang);
      languages.push(lang);
      for (const r of tableOf(dir, 'drugs', DrugRule)) {
        if (r.drug === 'generic') continue;
        drugs.push({ drug: r.drug as Drug, re: new RegExp(`${L}(?:${r.pattern})${R}`, 'giu') });
      }
      for (const r of tableOf(dir, 'units', UnitRule)) {
        units.push({ source: r.pattern, kind: r.kind, kg: r.kind === 'mass' ? (r.kg ?? 1) : 1 });
      }
      for (const r of tableOf(dir, 'numbers', NumberRule)) {
        if (r.kind === 'qualifier') {
          const bound = boundOf(r.reason);
          if (bound) qualifiers.push({ source: r.pattern, bound });
          continue;
        }
        if (r.value === undefined) continue;
        if (r.kind === 'word') words.set(r.pattern, r.value);
        else if (r.kind === 'multiplier') multipliers.push({ source: r.pattern, value: r.value });
      }
      for (const r of tableOf(dir, 'titles-roles', RoleRule)) {
        const into =
          r.type === 'head-suffix'
            ? roleSuffixes
            : ['head', 'modifier', 'honorific'].includes(r.type)
              ? roles
              : null;
        for (const w of r.words ?? []) if (into && !/\s/.test(w)) into.add(fold(w));
      }
      for (const r of tableOf(dir, 'place-facilities', FacilityRule)) {
        if (r.kind === 'port' && !/\s/.test(r.head)) portWords.add(fold(r.head));
      }
      for (const r of tableOf(dir, 'periods', PeriodRule)) {
        if ((r.resolve === 'relative-month' || r.resolve === 'relative-year') && (r.offset ?? 0) < 0)
          pastPatterns.push(r.pattern);
      }
      for (const r of tableOf(dir, 'calendar', CalendarRule)) {
        if (r.month !== undefined) for (const w of r.words) months.set(w.toLowerCase(), r.month);
      }
    }
    // Languages the extractor has no folder for: the few words clustering needs, from cluster.yaml.
    const folders = new Set(languageFolders(root));
    for (const [lang, t] of Object.entries(clusterLexiconTables(root))) {
      if (folders.has(lang)) continue;
      languages.push(lang);
      for (const r of t.drugs)
        drugs.push({ drug: r.drug, re: new RegExp(`${L}(?:${r.pattern})${R}`, 'giu') });
      for (const r of t.units)
        units.push({ source: r.pattern, kind: r.kind, kg: r.kind === 'mass' ? (r.kg ?? 1) : 1 });
      for (const r of t.multipliers) multipliers.push({ source: r.pattern, value: r.value });
      for (const r of t.qualifiers) qualifiers.push({ source: r.pattern, bound: r.bound });
      t.months.forEach((w, i) => {
        for (const form of w.split('|')) months.set(form.toLowerCase(), i + 1);
      });
    }
  }
  const wordPatterns = [...words.keys()];
  const wordRes = wordPatterns.map((p) => ({ re: new RegExp(`^(?:${p})$`, 'iu'), value: words.get(p)! }));
  const multRes = multipliers.map((m) => ({ re: new RegExp(`^(?:${m.source})$`, 'iu'), value: m.value }));
  const NUM = String.raw`\d+(?:[.,\u00a0\u202f ]\d{3})*(?:[.,]\d+)?`;
  // A number word stands apart from its unit ("a ton", never the "a" of "at").
  const number = wordPatterns.length > 0 ? `${NUM}|(?:${alternation(wordPatterns)})(?=[\\s-])` : NUM;
  const mult =
    multipliers.length > 0 ? String.raw`(?:\s*(${alternation(multipliers.map((m) => m.source))}))?` : '()';
  const unitGroups = units.map((u) => `(${u.source})`).join('|');
  const figureRe =
    units.length > 0
      ? new RegExp(
          String.raw`${L}(${number})${mult}(?:\s*-?\s*|\s+(?:[\p{L}-]+\s+){0,2})(?:${unitGroups})(?![\p{L}\p{N}-])`,
          'giu',
        )
      : null;
  const monthWords = [...months.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
  const monthAlt = monthWords.join('|');
  const dateRe =
    monthWords.length > 0
      ? new RegExp(
          String.raw`${L}(?:(\d{1,2})\.?\s+(?:de\s+)?(${monthAlt})\.?|(${monthAlt})\.?\s+(\d{1,2}))${R}`,
          'giu',
        )
      : null;

  // Longest forms first within each alternative; groups: (day)(month)(year) | (month)(day)(year)
  // | (month)(year) | numeric d.m.y | numeric y-m-d | (year).
  const YEAR = String.raw`((?:19|20)\d\d)`;
  const yearDateRe = new RegExp(
    [
      monthWords.length > 0
        ? String.raw`(\d{1,2})\.?\s+(?:de\s+)?(${monthAlt})\.?,?\s+(?:de\s+|del\s+)?${YEAR}`
        : null,
      monthWords.length > 0 ? String.raw`(${monthAlt})\.?\s+(\d{1,2}),?\s+${YEAR}` : null,
      monthWords.length > 0 ? String.raw`(${monthAlt})\.?,?\s+(?:de\s+|del\s+)?${YEAR}` : null,
      String.raw`(\d{1,2})[./](\d{1,2})[./]${YEAR}`,
      String.raw`${YEAR}-(\d{2})-(\d{2})`,
      YEAR,
    ]
      .filter((x): x is string => x !== null)
      .map((x) => `${L}(?:${x})${R}`)
      .join('|'),
    'giu',
  );

  const unaccent = (x: string): string => x.normalize('NFKD').replace(/\p{M}+/gu, '');
  const whole = (source: string): RegExp => new RegExp(`^(?:${unaccent(source)})$`, 'iu');
  const drugFolded = drugs.map((d) => whole(d.re.source.slice(L.length, -R.length)));
  const unitFolded = units.length > 0 ? whole(alternation(units.map((u) => u.source))) : /^$/;
  const portFolded = new Set([...portWords].map(unaccent));
  const domainTerms = new Map<string, boolean>();
  // A qualifier right before the figure, the first listed winning ("bijna" is nl just-below).
  const qualifierRes = qualifiers.map((q) => ({
    re: new RegExp(`${L}(?:${q.source})\\s*$`, 'iu'),
    bound: q.bound,
  }));
  const boundBefore = (text: string, at: number): FigureBound | undefined =>
    qualifierRes.find((q) => q.re.test(text.slice(Math.max(0, at - 40), at)))?.bound;
  const pastRe =
    pastPatterns.length > 0
      ? new RegExp([...new Set(pastPatterns)].map((p) => `(?:${p})`).join('|'), 'iu')
      : null;
  const lexicalUnit =
    units.length > 0 ? new RegExp(`^(?:${alternation(units.map((u) => u.source))})$`, 'iu') : /^$/;
  const parseNumber = (raw: string): number | null => {
    if (/^\d/.test(raw)) {
      const s = raw.replace(/[\u00a0\u202f ]/g, ' ');
      if (/^\d{1,3}(?:[.,' ]\d{3})+$/.test(s)) return Number(s.replace(/[.,' ]/g, ''));
      const n = Number(s.replace(/[ ']/g, '').replace(',', '.'));
      return Number.isFinite(n) ? n : null;
    }
    return wordRes.find((w) => w.re.test(raw))?.value ?? null;
  };

  const drugsAt = (text: string): Array<{ drug: Drug; at: number; end: number }> => {
    const found: Array<{ drug: Drug; at: number; end: number }> = [];
    for (const d of drugs) {
      for (const m of text.matchAll(d.re)) {
        const at = m.index ?? 0;
        const end = at + m[0].length;
        // An earlier rule wins where two match at the same place ("cannabis resin" before "cannabis").
        if (found.some((f) => at < f.end && f.at < end)) continue;
        found.push({ drug: d.drug, at, end });
      }
    }
    return found.sort((a, b) => a.at - b.at);
  };

  return {
    languages,
    drugsIn(text) {
      return [...new Set(drugsAt(text).map((d) => d.drug))];
    },
    figuresIn(text) {
      if (!figureRe) return [];
      const named = drugsAt(text);
      const out: LexiconFigure[] = [];
      for (const m of text.matchAll(figureRe)) {
        const value = parseNumber(m[1]!);
        if (value === null || value <= 0) continue;
        const multiplier = m[2] ? (multRes.find((x) => x.re.test(m[2]!))?.value ?? 1) : 1;
        const u = units[m.slice(3).findIndex((g) => g !== undefined)];
        if (!u) continue;
        const start = m.index ?? 0;
        const end = start + m[0].length;
        // Words between the number and the unit only for counts ("50 million ecstasy pills").
        if (u.kind === 'mass' && /\s[\p{L}-]+\s/u.test(m[0].slice(m[1]!.length + (m[2]?.length ?? 0))))
          continue;
        const amount = value * multiplier;
        let drug: Drug | null = null;
        let distance = 80;
        for (const d of named) {
          const dist = d.at >= end ? d.at - end : d.end <= start ? start - d.end : 0;
          if (dist <= distance) {
            distance = dist;
            drug = d.drug;
          }
        }
        const bound = boundBefore(text, start);
        out.push({
          drug,
          kg: u.kind === 'mass' ? Math.round(amount * u.kg * 1000) / 1000 : null,
          count: u.kind === 'count' ? amount : null,
          ...(bound ? { bound } : {}),
          start,
          end,
        });
      }
      return out;
    },
    isRole(word) {
      const w = fold(word);
      if (roles.has(w)) return true;
      for (const suffix of roleSuffixes) if (w.length >= suffix.length + 3 && w.endsWith(suffix)) return true;
      return false;
    },
    isPortWord(word) {
      return portWords.has(fold(word));
    },
    pastReference(text) {
      return pastRe?.test(text) ?? false;
    },
    isDomainTerm(term) {
      let hit = domainTerms.get(term);
      if (hit === undefined) {
        hit =
          portFolded.has(term) ||
          drugFolded.some((re) => re.test(term)) ||
          unitFolded.test(term) ||
          // a plural or inflected form text.ts stemmed ("toneladas" -> "tonelada")
          unitFolded.test(`${term}s`);
        domainTerms.set(term, hit);
      }
      return hit;
    },
    isLexical(word) {
      if (months.has(word.toLowerCase())) return true;
      if (drugs.some((d) => new RegExp(`^(?:${d.re.source.slice(L.length, -R.length)})$`, 'iu').test(word)))
        return true;
      return lexicalUnit.test(word);
    },
    yearDatesIn(text) {
      const out: YearDate[] = [];
      for (const m of text.matchAll(yearDateRe)) {
        const g = m.slice(1);
        // The groups of the alternatives that have month words come first (see yearDateRe).
        const withMonths = monthWords.length > 0;
        const month = (w: string | undefined): number | null =>
          w ? (months.get(w.toLowerCase()) ?? null) : null;
        let year: number;
        let mo: number | null = null;
        let day: number | null = null;
        if (withMonths && g[2]) [day, mo, year] = [Number(g[0]), month(g[1]), Number(g[2])];
        else if (withMonths && g[5]) [mo, day, year] = [month(g[3]), Number(g[4]), Number(g[5])];
        else if (withMonths && g[7]) [mo, year] = [month(g[6]), Number(g[7])];
        else {
          const n = g.slice(withMonths ? 8 : 0);
          if (n[2]) [day, mo, year] = [Number(n[0]), Number(n[1]), Number(n[2])];
          else if (n[3]) [year, mo, day] = [Number(n[3]), Number(n[4]), Number(n[5])];
          else year = Number(n[6]);
        }
        if (mo !== null && (mo < 1 || mo > 12)) continue;
        if (day !== null && (day < 1 || day > 31)) continue;
        const start = m.index ?? 0;
        out.push({ year, month: mo, day: mo === null ? null : day, start, end: start + m[0].length });
      }
      return out;
    },
    datesIn(text) {
      if (!dateRe) return [];
      const out = new Set<string>();
      for (const m of text.matchAll(dateRe)) {
        const day = Number(m[1] ?? m[4]);
        const month = months.get((m[2] ?? m[3])!.toLowerCase());
        if (!month || day < 1 || day > 31) continue;
        out.add(`${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
      }
      return [...out];
    },
  };
}
