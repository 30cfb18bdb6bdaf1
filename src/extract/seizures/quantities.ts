/**
 * Finding the quantities in a sentence: a number (digits, words, fractions, multipliers, a
 * qualifier such as "nearly") and a unit from config/rules/units.yaml. Also joins the forms
 * that state one figure twice ("419 metric tons (462 tons)", "one ton and 150 kilograms") and
 * gives a unit to bare numbers in a list that leaves it out ("25 and 89 grammes",
 * "Place A with 5.5 kilos, Place B (4.1)"), only in a sentence that tells of a seizure.
 */
import type { AmountUnit } from '../../types.ts';
import {
  DIGITS,
  fractionValue,
  multiplierValue,
  parseDigits,
  parseWordNumber,
  wordNumberPattern,
} from './numbers.ts';
import { seizureTables, termMatch, type UnitRuleT } from './tables.ts';

export interface Quantity {
  /** Offsets in the sentence: the whole span (qualifier to unit), and where the number starts. */
  start: number;
  numStart: number;
  end: number;
  /** The number as written, in `unit`. */
  value: number;
  unit: AmountUnit;
  kind: 'mass' | 'count';
  /** Mass in kg (mass units), else null. A parenthetical conversion in kg wins. */
  kg: number | null;
  /** A rounded or bounded figure ("nearly three tonnes", "more than 2,200 kilos"). */
  approx: boolean;
  /** `lower` for "more than", "over", "at least"; `upper` for "up to", "less than"; else null. */
  bound: 'lower' | 'upper' | null;
  /** Words between the number and a count unit ("610,000 Captagon pills"). */
  infix: string;
  infixStart: number;
  /** Reason of the unit rule (plus "unit-inferred-from-list" for bare list numbers). */
  reason: string;
  /** The number had no unit of its own; it took the unit of its list. */
  inferred: boolean;
}

interface Compiled {
  re: RegExp;
  units: UnitRuleT[];
}
let compiled: Compiled | undefined;

function quantityRegex(): Compiled {
  if (compiled) return compiled;
  const t = seizureTables();
  const number = `(?<digits>${DIGITS})|(?<words>${wordNumberPattern()})`;
  const src =
    `(?<![\\p{L}\\d.,'’$€£¥₹-])` +
    `(?:(?<qual>${t.qualifierAlternation})\\s+)?` +
    `(?:(?<frac>${t.fractionAlternation})|(?:${number})(?<half>\\s+and\\s+a\\s+half)?` +
    `(?:\\s?(?<mult>${t.multiplierAlternation})(?![\\p{L}]))?)` +
    `(?<gap>\\s?|-)(?<infix>(?:(?:\\d+-)?[\\p{L}“”"'’][\\p{L}\\-“”"'’]*\\s+){0,3}?)` +
    `(?<unit>${t.unitAlternation})(?![\\p{L}\\d-])`;
  compiled = { re: new RegExp(src, 'giu'), units: t.units };
  return compiled;
}

function boundOf(qualifier: string | undefined): Quantity['bound'] {
  if (!qualifier) return null;
  const rule = seizureTables().qualifiers.find((q) => q.re.test(qualifier.trim()));
  if (rule?.reason === 'qualifier-lower-bound') return 'lower';
  if (rule?.reason === 'qualifier-upper-bound') return 'upper';
  return null;
}

let itemRe: RegExp | undefined;

/** Does the text after a hyphenated mass ("one-kilo ...") name counted items (packets, bags)? */
function sizeOfItem(after: string): boolean {
  itemRe ??= new RegExp(
    `^\\s+(?:[\\p{L}-]+\\s+)?(?:${seizureTables()
      .units.filter((u) => u.kind === 'count')
      .map((u) => `(?:${u.pattern})`)
      .join('|')})`,
    'iu',
  );
  return itemRe.test(after);
}

const BARE = new RegExp(`(?<![\\p{L}\\d.,'’$€£¥₹-])(?:${DIGITS})(?![\\d%])`, 'gu');
const YEAR = /^(?:19|20)\d\d$/;

/** All quantities in `text` (one sentence), in text order. */
export function findQuantities(text: string): Quantity[] {
  const { re, units } = quantityRegex();
  const found: Quantity[] = [];
  for (const m of text.matchAll(re)) {
    const g = m.groups ?? {};
    const unitIndex = units.findIndex((_, i) => g[`u${i}`] !== undefined);
    const rule = units[unitIndex];
    if (!rule) continue;
    const unitText = g.unit ?? '';
    const infix = g.infix ?? '';
    // Mass units follow their number directly; single-letter units only after digits.
    if (rule.kind === 'mass' && infix) continue;
    // "one-kilo packets", "10-kg bags": a size. "a 3.2-tonne haul" is a figure.
    if (g.gap === '-' && (rule.kind === 'count' || sizeOfItem(text.slice(m.index + m[0].length)))) continue;
    if (unitText.length <= 2 && (!g.digits || infix)) continue;
    if (g.words && /^an?$/i.test(g.words.trim()) && !g.qual && rule.kind === 'count' && infix) continue;
    // "in 2023 hit a record": a year, not a count.
    if (
      g.digits &&
      YEAR.test(g.digits) &&
      /\b(?:in|since|of|during|by|until|from|to)\s+$/i.test(text.slice(0, m.index))
    )
      continue;
    let value: number | null;
    if (g.frac) value = fractionValue(g.frac);
    else if (g.digits) value = plausibleDigits(g.digits, rule.unit, rule.kg ?? null);
    else value = parseWordNumber(g.words ?? '');
    if (value === null || !Number.isFinite(value)) continue;
    if (g.half) value += 0.5;
    value *= multiplierValue(g.mult);
    value = round(value);
    const numStart =
      m.index + (g.qual ? m[0].indexOf(g.frac ?? g.digits ?? g.words ?? '', g.qual.length) : 0);
    const infixStart = m.index + m[0].length - unitText.length - infix.length;
    found.push({
      start: m.index,
      numStart,
      end: m.index + m[0].length,
      value,
      unit: rule.unit,
      kind: rule.kind,
      kg: rule.kind === 'mass' ? round(value * (rule.kg ?? 1)) : null,
      approx: Boolean(g.qual) || Boolean(g.words) || Boolean(g.frac),
      bound: boundOf(g.qual),
      infix: infix.trim(),
      infixStart,
      reason: rule.reason,
      inferred: false,
    });
  }
  return addListNumbers(text, joinCompounds(text, joinConversions(text, found)));
}

/**
 * No single seizure or national total comes near 5,000 tonnes; "179,657 tons" with one comma
 * group is a decimal comma (179.657 t). Applies to tonnes only, where the two readings differ
 * by a factor of 1000 and one of them is impossible.
 */
const MAX_PLAUSIBLE_KG = 5_000_000;

function plausibleDigits(raw: string, unit: AmountUnit, kgPerUnit: number | null): number {
  const value = parseDigits(raw, unit);
  if (
    kgPerUnit !== null &&
    kgPerUnit >= 1000 &&
    value * kgPerUnit > MAX_PLAUSIBLE_KG &&
    /^\d{1,3},\d{3}$/.test(raw)
  ) {
    return Number(raw.replace(',', '.'));
  }
  return value;
}

function round(n: number): number {
  return Math.round(n * 1e9) / 1e9;
}

/** "17.94 pounds (8.14 kg)", "419 metric tons (462 tons)": one figure; a kg statement wins. */
function joinConversions(text: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out.at(-1);
    if (prev && prev.kind === 'mass' && q.kind === 'mass') {
      const between = text.slice(prev.end, q.start);
      const after = text.slice(q.end, q.end + 3);
      // "96.400 kg ..., or about 96 tonnes": the same figure restated.
      const restated =
        /^[^.;()]{0,60},?\s+or\s+$/i.test(between) &&
        prev.kg !== null &&
        q.kg !== null &&
        Math.abs(prev.kg - q.kg) <= 0.05 * prev.kg;
      if (restated) {
        prev.end = q.end;
        continue;
      }
      if (
        /^\s*\(\s*(?:or|about|around|approximately|roughly|some|nearly|almost|=)?\s*$/i.test(between) &&
        /^\s*\)/.test(after)
      ) {
        if (q.unit === 'kg' && prev.unit !== 'kg') prev.kg = q.kg;
        prev.end = q.end + after.indexOf(')') + 1;
        continue;
      }
    }
    out.push(q);
  }
  return out;
}

/** "one ton and 150 kilograms": one figure, in the smaller unit. */
function joinCompounds(text: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out.at(-1);
    if (
      prev &&
      prev.kind === 'mass' &&
      q.kind === 'mass' &&
      prev.kg !== null &&
      q.kg !== null &&
      q.value > 0 &&
      q.kg / q.value < 0.99 * (prev.kg / prev.value) &&
      /^\s+and\s+$/i.test(text.slice(prev.end, q.start))
    ) {
      const factor = q.kg / q.value;
      prev.value = round(prev.kg / factor + q.value);
      prev.unit = q.unit;
      prev.kg = round(prev.kg + q.kg);
      prev.end = q.end;
      prev.approx = prev.approx && q.approx;
      continue;
    }
    out.push(q);
  }
  return out;
}

/**
 * Bare numbers that take the unit of their list. A number without a unit is a quantity only
 * when the sentence tells of a seizure (a cue word) and the list it stands in gives the unit:
 * - "25 and 89 grammes": the unit comes right after the list;
 * - "Place A with 5.5 kilos, Place B (4.1) and Place C (2.8)": bracketed figures after place
 *   names that continue, with nothing but commas and "and", a list item stated with a unit;
 * - "2,120 were seized in A; 310 kilos in B": a grouped figure followed by a seizure verb;
 * - "310 kilos in B and 1,090 in C": a grouped figure in a parallel "N unit in Place" list.
 * Counts of people, arrests, vehicles never qualify: they have no seizure verb of their own and
 * do not continue such a list.
 */
function addListNumbers(text: string, qs: Quantity[]): Quantity[] {
  if (qs.length === 0 || !termMatch('cue', text)) return qs;
  const extra: Quantity[] = [];
  const inside = (pos: number): boolean => qs.some((q) => pos >= q.start && pos < q.end);
  for (const m of text.matchAll(BARE)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (inside(start) || YEAR.test(raw)) continue;
    const after = text.slice(end, end + 60);
    const next = qs.find((q) => q.start >= end);
    const prev = [...qs].reverse().find((q) => q.end <= start);
    const grouped = /[,'’.]\d{3}/.test(raw);
    let donor: Quantity | undefined;
    if (next && /^\s*(?:,|and|or|, and)\s+$/.test(text.slice(end, next.numStart))) {
      donor = next; // "25 and 89 grammes"
    } else if (prev && /^\s*\)/.test(after) && BRACKET_LIST.test(text.slice(prev.end, start))) {
      donor = prev; // "Place B (4.1)"
    } else if (grouped && seizedAfter(after)) {
      donor = nearest(qs, start); // "2,120 were seized"
    } else if (
      grouped &&
      prev &&
      PARALLEL_ITEM.test(text.slice(prev.end, start)) &&
      /^\s+in\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:[,;.]|and\b|$)/u.test(after)
    ) {
      donor = prev; // "310 kilos in B and 1,090 in C"
    }
    if (!donor) continue;
    const value = parseDigits(raw, donor.unit);
    const factor = donor.kg !== null && donor.value > 0 ? donor.kg / donor.value : null;
    extra.push({
      start,
      numStart: start,
      end,
      value,
      unit: donor.unit,
      kind: donor.kind,
      kg: factor === null ? null : round(value * factor),
      approx: false,
      bound: null,
      infix: '',
      infixStart: end,
      reason: 'unit-inferred-from-list',
      inferred: true,
    });
  }
  return [...qs, ...extra].sort((a, b) => a.start - b.start);
}

const NAME = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|de|del|la|y))*`;
/**
 * Text between a figure with a unit and "(" of a bare bracketed figure: optionally "of <drug>"
 * and "were found", then only ", Name (n)" / "and Name (n)" items.
 */
const BRACKET_LIST = new RegExp(
  String.raw`^\)?(?:\s+of\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+)?(?:\s+(?:were|was)\s+\p{L}+)?\s*,\s*` +
    String.raw`(?:${NAME}\s*\(\s*[\d.,'’]+\s*\)\s*(?:,\s*(?:and\s+)?|and\s+))*${NAME}\s*\(\s*$`,
  'u',
);
/** Between "310 kilos" and "1,090" in "310 kilos in B and 1,090 in C". */
const PARALLEL_ITEM = new RegExp(String.raw`^\s+in\s+${NAME}\s*(?:,|;|and|, and)\s+$`, 'u');

/** "were seized", "had been impounded": a seizure verb right after a bare number. */
function seizedAfter(after: string): boolean {
  const m = /^\s+(?:were|was|had been|have been|has been)\s+(?:also\s+|later\s+)?(\p{L}+)(\s+\p{L}+)?/u.exec(
    after,
  );
  if (!m) return false;
  // "found guilty", "found dead": not a find of drugs.
  if (/^\s+(?:guilty|dead|alive|responsible|innocent)$/i.test(m[2] ?? '')) return false;
  return termMatch('cue', m[1]!) !== null;
}

function nearest(qs: Quantity[], pos: number): Quantity | undefined {
  let best: Quantity | undefined;
  let dist = Number.POSITIVE_INFINITY;
  for (const q of qs) {
    const d = q.start >= pos ? q.start - pos : pos - q.end;
    if (d < dist) {
      dist = d;
      best = q;
    }
  }
  return best;
}
