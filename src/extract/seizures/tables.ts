/**
 * The seizure rule tables (config/rules/*.yaml), loaded once, validated and compiled to regexes.
 * The code in this folder applies them; what counts as a unit, a drug or a negative frame is
 * in the tables.
 */
import { z } from 'zod';
import { AmountUnitSchema, DrugSchema } from '../../records/schema.ts';
import { loadRuleTable } from '../rules/load.ts';

const UnitRule = z.object({
  reason: z.string(),
  pattern: z.string(),
  unit: AmountUnitSchema,
  kind: z.enum(['mass', 'count']),
  kg: z.number().positive().optional(),
});
const NumberRule = z.object({
  reason: z.string(),
  kind: z.enum(['word', 'multiplier', 'fraction', 'qualifier']),
  pattern: z.string(),
  value: z.number().optional(),
});
const DrugRule = z.object({
  reason: z.string(),
  drug: z.union([DrugSchema, z.literal('generic')]),
  pattern: z.string(),
});
const TermRule = z.object({
  reason: z.string(),
  kind: z.enum([
    'cue',
    'aggregate',
    'haul',
    'record',
    'attribution',
    'trend-down',
    'trend-up',
    'event-ref',
    'not-place',
    'agency',
    'separate',
    'operation',
  ]),
  pattern: z.string(),
});
const FrameRule = z.object({
  reason: z.string(),
  window: z.enum(['before', 'after', 'object', 'sentence']),
  pattern: z.string(),
});
const PeriodRule = z.object({
  reason: z.string(),
  resolve: z.enum([
    'range',
    'date',
    'month',
    'year',
    'year-of-month',
    'weekday',
    'relative-year',
    'relative-month',
    'relative-day',
    'weeks-ago',
    'days-ago',
    'anchor-days',
  ]),
  pattern: z.string(),
  offset: z.number().int().optional(),
  n: z.number().int().optional(),
  skip: z.enum(['reporting', 'baseline']).optional(),
});

export type UnitRuleT = z.infer<typeof UnitRule>;
export type DrugRuleT = z.infer<typeof DrugRule>;
export type PeriodRuleT = z.infer<typeof PeriodRule>;
export type TermKind = z.infer<typeof TermRule>['kind'];

/** A rule with its compiled regex (global, case-insensitive, unicode). */
export interface Compiled<R> {
  rule: R;
  re: RegExp;
}

export interface SeizureTables {
  units: UnitRuleT[];
  /** One alternation of all unit patterns, a named group `u<i>` per rule, in table order. */
  unitAlternation: string;
  numberWords: Map<string, number>;
  wordAlternation: string;
  multipliers: Array<{ re: RegExp; value: number; source: string }>;
  multiplierAlternation: string;
  fractions: Array<{ re: RegExp; value: number }>;
  fractionAlternation: string;
  qualifierAlternation: string;
  /** Qualifiers by rule, to tell a lower bound ("more than") from an approximation. */
  qualifiers: Array<{ re: RegExp; reason: string }>;
  drugs: Compiled<DrugRuleT>[];
  terms: Map<TermKind, Compiled<z.infer<typeof TermRule>>[]>;
  frames: Compiled<z.infer<typeof FrameRule>>[];
  periods: Compiled<PeriodRuleT>[];
}

let tables: SeizureTables | undefined;

const word = (p: string): string => `(?:${p})`;

/** Load and compile every seizure table (cached). */
export function seizureTables(): SeizureTables {
  if (tables) return tables;
  const units = loadRuleTable('units', UnitRule);
  const numbers = loadRuleTable('numbers', NumberRule);
  const drugs = loadRuleTable('drugs', DrugRule);
  const terms = loadRuleTable('seizure-terms', TermRule);
  const frames = loadRuleTable('negative-frames', FrameRule);
  const periods = loadRuleTable('periods', PeriodRule);

  const numberWords = new Map<string, number>();
  const words: string[] = [];
  const multipliers: SeizureTables['multipliers'] = [];
  const fractions: SeizureTables['fractions'] = [];
  const qualifiers: string[] = [];
  for (const r of numbers) {
    if (r.kind === 'word') {
      words.push(r.pattern);
    } else if (r.kind === 'multiplier') {
      multipliers.push({
        re: new RegExp(`^${word(r.pattern)}$`, 'i'),
        value: r.value ?? 1,
        source: r.pattern,
      });
    } else if (r.kind === 'fraction') {
      fractions.push({ re: new RegExp(`^${word(r.pattern)}$`, 'i'), value: r.value ?? 1 });
    } else {
      qualifiers.push(r.pattern);
    }
    if (r.kind === 'word') numberWords.set(r.pattern, r.value ?? 1);
  }
  const termMap = new Map<TermKind, Compiled<z.infer<typeof TermRule>>[]>();
  for (const t of terms) {
    const list = termMap.get(t.kind) ?? [];
    list.push({ rule: t, re: new RegExp(`(?<![\\p{L}\\d])${word(t.pattern)}(?![\\p{L}\\d])`, 'giu') });
    termMap.set(t.kind, list);
  }
  tables = {
    units,
    unitAlternation: units.map((u, i) => `(?<u${i}>${u.pattern})`).join('|'),
    numberWords,
    wordAlternation: words.map(word).join('|'),
    multipliers,
    multiplierAlternation: multipliers.map((m) => word(m.source)).join('|'),
    fractions,
    fractionAlternation: fractions.map((f) => word(f.re.source.slice(1, -1))).join('|'),
    qualifierAlternation: qualifiers.map(word).join('|'),
    qualifiers: numbers
      .filter((r) => r.kind === 'qualifier')
      .map((r) => ({ re: new RegExp(`^${word(r.pattern)}$`, 'i'), reason: r.reason })),
    drugs: drugs.map((d) => ({ rule: d, re: new RegExp(`(?<![\\w-])${word(d.pattern)}(?![\\w-])`, 'giu') })),
    terms: termMap,
    frames: frames.map((f) => ({ rule: f, re: new RegExp(f.pattern, 'iu') })),
    periods: periods.map((p) => ({ rule: p, re: new RegExp(p.pattern, 'giu') })),
  };
  return tables;
}

/** Does any rule of `kind` match `text`? Returns the first matching rule's reason. */
export function termMatch(kind: TermKind, text: string): string | null {
  for (const c of seizureTables().terms.get(kind) ?? []) {
    c.re.lastIndex = 0;
    const hit = c.re.test(text);
    // A global regex keeps lastIndex after test(); matchAll() would start from there.
    c.re.lastIndex = 0;
    if (hit) return c.rule.reason;
  }
  return null;
}

/** Every match of rules of `kind` in `text`, with offsets. */
export function termMatches(
  kind: TermKind,
  text: string,
): Array<{ start: number; end: number; reason: string }> {
  const out: Array<{ start: number; end: number; reason: string }> = [];
  for (const c of seizureTables().terms.get(kind) ?? []) {
    c.re.lastIndex = 0;
    for (const m of text.matchAll(c.re))
      out.push({ start: m.index, end: m.index + m[0].length, reason: c.rule.reason });
  }
  return out.sort((a, b) => a.start - b.start);
}
