/**
 * Finding the quantities in a sentence: a number (digits, words, fractions, multipliers, a
 * qualifier such as "nearly") and a unit from config/rules/units.yaml. Also joins the forms
 * that state one figure twice ("419 metric tons (462 tons)", "one ton and 150 kilograms") and
 * gives a unit to bare numbers in a list that leaves it out ("25 and 89 grammes",
 * "Place A with 5.5 kilos, Place B (4.1)"), only in a sentence that tells of a seizure.
 */
import type { AmountUnit } from '../../types.ts';
import { matchAll } from '../match-all.ts';
import { type LeadingWords, leadingWords, nextStart } from '../rules/leading-words.ts';
import { fastRegExp } from '../rules/word-boundary.ts';
import { findDrugMentions } from './drugs.ts';
import {
  DIGITS,
  fractionValue,
  multiplierValue,
  type NumberFormat,
  otherReading,
  parseDigits,
  parseWordNumber,
  wordNumberPattern,
} from './numbers.ts';
import { perTables, type SeizureTables, termMatch, type UnitRuleT } from './tables.ts';

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
  /**
   * The count of the same haul stated with a mass ("15 bales containing 1,066 kg",
   * "two tons in 2,000 packets"), else null.
   */
  count?: { value: number; unit: AmountUnit } | null;
  /** Goods that hid the haul ("hidden in a shipment of 20 tonnes of soybeans"): no figure. */
  cover?: boolean;
  /** The other reading of an ambiguous "183.600" (value in `unit`, and kg), else undefined. */
  alt?: { value: number; kg: number | null };
  /**
   * Where the figure is written when its span joins a restatement ("183.600 kg of cocaine in
   * 2024, or nearly 184 tonnes"): the figure and the restatement, not the words between them
   * (a year there is a date, not digits of the figure). Undefined: the whole span.
   */
  written?: Array<[number, number]>;
  /** How an ambiguous digit group was read (separators.ts), for the reasons of the seizure. */
  separator?: string;
  /**
   * The weight of one item of a total told beside it, or their count told apart ("48 kg in 20
   * bricks of 2.4 kg each": the 2.4 kg; separators.ts): no haul of its own.
   */
  itemOf?: boolean;
}

interface Compiled {
  re: RegExp;
  /** `re`, sticky: run only where a match may start (`lead`). */
  sticky: RegExp;
  /** The words a match may start with (rules/leading-words.ts), or null: try every position. */
  lead: LeadingWords | null;
  units: UnitRuleT[];
  /** Right after a hyphenated mass: counted items ("one-kilo packets"). */
  item: RegExp;
  /** "a", "an". */
  article: RegExp;
  /** Before a four-digit number: it is a year ("in 2023"). */
  yearBefore: RegExp;
  /** "96.400 kg, or about 96 tonnes": the text between a figure and its restatement. */
  restated: RegExp;
  /** A measure of area or length before a count unit ("1,400 hectares of the plant"). */
  measureInfix: RegExp;
  /** "419 metric tons (462 tons)": the text between a figure and its bracketed conversion. */
  conversion: RegExp;
  /** "3,2 toneladas de droga —3.225 kilos": the text between a figure and its dash aside. */
  dashAside: RegExp;
  /** "one ton and 150 kilograms". */
  compoundAnd: RegExp;
  /** "3 pounds, 4 ounces": a comma between a unit and its sub-unit. */
  compoundComma: RegExp;
  /** A multiplier right after a bare number ("1.4 million found"). */
  multAfter: RegExp;
  /** "of" and the words after a figure, up to a clause break (group 1). */
  ofAfter: RegExp;
  /** What may follow a bare part ("including 1.4 million found in ..."): a word, a comma, the end. */
  partFollows: RegExp;
  /** "25 and 89 grammes": between a bare number and the next figure. */
  listLink: RegExp;
  bracketList: RegExp;
  parallelItem: RegExp;
  /** " in Place (, and ...)" after a bare number of a parallel list. */
  inPlaceAfter: RegExp;
  /** "were seized", "had been impounded": group 1 the verb, 2 the word after. */
  seizedAfter: RegExp;
  notFind: RegExp;
  /** A month name right before a number ("May 5, 250 kilos": "5" is a day). */
  monthBefore: RegExp;
  /** "from 91 to 110 tonnes": between the two numbers, and before the first. */
  rangeTo: RegExp;
  rangeFrom: RegExp;
}
const quantityRegex = perTables((t): Compiled => {
  const g = t.grammar.slots.re;
  // A number word ends at a word boundary: "a" is never the start of "authorities".
  // "mil 200 litros" (Mexican style): the word for a thousand and the rest in digits.
  // "1½ kg", "5 1/2 pounds": a whole number and a fraction written in digits.
  const dfrac = t.digitFractionAlternation
    ? `(?:\\s?(?<dfrac>${t.digitFractionAlternation})(?![\\d/]))?`
    : '';
  const number = `(?<digits>${DIGITS})${dfrac}|(?<words>${wordNumberPattern(t)})(?![\\p{L}\\d])(?:\\s+(?<wrest>\\d{1,3})(?![\\d.,]))?`;
  // What a match starts with: a qualifier, a fraction or a number (each followed by no letter).
  const head = `(?:(?:${t.qualifierAlternation})(?:\\s+|(?<=['’])))?(?:${t.fractionAlternation}|${number})`;
  const src =
    // "1/2 pound": the 2 after a slash is no number of its own.
    `(?<![\\p{L}\\d.,'’$€£¥₹/-])` +
    // "plus d’une tonne": an elided qualifier runs into its number.
    `(?:(?<qual>${t.qualifierAlternation})(?:\\s+|(?<=['’])))?` +
    // "half a ton", "half a million pills", "1/2 pound"; "two and a half", "two-and-a-half".
    `(?:(?<frac>${t.fractionAlternation})(?![\\p{L}])(?:\\s+(?<fmult>${t.multiplierAlternation})(?![\\p{L}]))?|(?:${number})(?<half>[\\s-]+${g('half-suffix')})?` +
    `(?:\\s?(?<mult>${t.multiplierAlternation})(?![\\p{L}])(?:\\s+(?<rest>\\d{1,3})(?![\\d.,]))?)?)` +
    // "cent quarante-cinq (145) plaquettes": the figure in digits closes its bracket.
    `(?<close>\\))?` +
    // Up to three words before a count unit, one of them maybe a strength ("tramadol 225mg tablets").
    `(?<gap>\\s?|-)(?<infix>(?:(?:(?:\\d+-)?[\\p{L}“”"'’][\\p{L}\\-“”"'’]*|\\d+(?:\\.\\d+)?\\s?mg)\\s+){0,3}?)` +
    `(?<unit>${t.unitAlternation})(?![\\p{L}\\d-])` +
    // "dos toneladas y media", "a ton and a half": the half told after the unit.
    `(?<halfAfter>\\s+${g('half-suffix')}(?![\\p{L}]))?`;
  const name = String.raw`\p{Lu}[\p{L}'’-]*(?:\s+(?:\p{Lu}[\p{L}'’-]*|${t.grammar.slots
    .words('list-name-connectors')
    .join('|')}))*`;
  const and = g('list-and');
  const andOr = t.grammar.slots.words('list-and-or').join('|');
  return {
    re: fastRegExp(src, 'giu'),
    sticky: fastRegExp(src, 'iuy'),
    lead: leadingWords(head),
    units: t.units,
    item: fastRegExp(
      `^\\s+(?:[\\p{L}-]+\\s+)?(?:${t.units
        .filter((u) => u.kind === 'count')
        .map((u) => `(?:${u.pattern})`)
        .join('|')})`,
      'iu',
    ),
    article: new RegExp(`^${g('indefinite-articles')}$`, 'i'),
    yearBefore: new RegExp(`\\b${g('year-prepositions')}\\s+$`, 'i'),
    measureInfix: new RegExp(`^(?:${g('measure-words')})\\b`, 'iu'),
    restated: new RegExp(`^[^.;()]{0,60},?\\s+${g('restatement-or')}\\s+$`, 'i'),
    // "1.5 tonnes of cocaine (about 3,300 pounds)": the drug may stand before the bracket.
    conversion: fastRegExp(
      `^(?:\\s+${g('link-of')}\\s+(?:[\\p{L}-]+\\s+){0,2}[\\p{L}-]+)?\\s*\\(\\s*${g('conversion-bracket-words')}?\\s*$`,
      'iu',
    ),
    dashAside: fastRegExp(
      String.raw`^(?:\s+${g('link-of')}(?:\s+[\p{L}-]+){1,3})?\s*[—–]\s*(?:${g('conversion-bracket-words')}\s*)?$`,
      'iu',
    ),
    compoundAnd: new RegExp(`^\\s+(?:${and}\\s+)?$`, 'i'),
    compoundComma: /^\s*,\s+$/,
    partFollows: /^\s*(?:[\p{L}]|[,.;]|$)/u,
    ofAfter: fastRegExp(`^\\s+${g('link-of')}\\s+([^,.;:()]{1,40})`, 'iu'),
    multAfter: fastRegExp(`^\\s?(?:${t.multiplierAlternation})(?![\\p{L}])`, 'iu'),
    listLink: new RegExp(`^\\s*(?:,|${andOr}|, ${and})\\s+$`),
    bracketList: new RegExp(
      String.raw`^\)?(?:\s+${g('link-of')}\s+(?:[\p{L}-]+\s+){0,2}[\p{L}-]+)?(?:\s+${g('passive-auxiliaries')}\s+\p{L}+)?\s*,\s*` +
        String.raw`(?:${name}\s*\(\s*[\d.,'’]+\s*\)\s*(?:,\s*(?:${and}\s+)?|${and}\s+))*${name}\s*\(\s*$`,
      'u',
    ),
    parallelItem: new RegExp(String.raw`^\s+${g('list-in')}\s+${name}\s*(?:,|;|${and}|, ${and})\s+$`, 'u'),
    inPlaceAfter: new RegExp(
      String.raw`^\s+${g('list-in')}\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*\s*(?:[,;.]|${and}\b|$)`,
      'u',
    ),
    seizedAfter: new RegExp(
      String.raw`^\s+${g('passive-perfect')}\s+(?:${t.grammar.slots
        .words('passive-adverbs')
        .map((w) => `${w}\\s+`)
        .join('|')})?(\p{L}+)(\s+\p{L}+)?`,
      'u',
    ),
    notFind: new RegExp(`^\\s+${g('not-find-complements')}$`, 'i'),
    monthBefore: new RegExp(
      `\\b(?:${[...t.months.keys()].sort((a, b) => b.length - a.length).join('|')})\\.?\\s+$`,
      'i',
    ),
    rangeTo: new RegExp(`^\\s+${g('range-to')}\\s+$`, 'i'),
    rangeFrom: new RegExp(`\\b${g('range-from')}\\s+$`, 'i'),
  };
});

/**
 * The bound a qualifier puts on its figure, read from the name of its numbers.yaml row in any
 * language ("qualifier-lower-bound", "qualifier-de-lower-bound": "more than", "mehr als";
 * "...-upper-bound", "...-just-below": "up to", "knapp"), the same convention the cluster
 * lexicon reads (src/cluster/lexicon.ts).
 */
function boundOf(t: SeizureTables, qualifier: string | undefined): Quantity['bound'] {
  if (!qualifier) return null;
  const rule = t.qualifiers.find((q) => q.re.test(qualifier.trim()));
  if (!rule) return null;
  if (/^qualifier-(?:[a-z]{2}-)?lower-bound$/.test(rule.reason)) return 'lower';
  if (/^qualifier-(?:[a-z]{2}-)?(?:upper-bound|just-below)$/.test(rule.reason)) return 'upper';
  return null;
}

const BARE = new RegExp(`(?<![\\p{L}\\d.,'’$€£¥₹-])(?:${DIGITS})(?![\\d%])`, 'gu');
const YEAR = /^(?:19|20)\d\d$/;

/**
 * All quantities in `text` (one sentence), in text order. `format` is the article's number
 * format (detectNumberFormat; default: the language's).
 */
export function findQuantities(
  t: SeizureTables,
  text: string,
  format: NumberFormat = t.numberFormats.default,
): Quantity[] {
  const c = quantityRegex(t);
  const { re, units } = c;
  const found: Quantity[] = [];
  // A match that is no figure is rescanned from its next character, so that a wrong start
  // ("a" of "another" before "six tons") never hides the figure inside it.
  const read = (m: RegExpExecArray): Quantity | null => {
    const g = m.groups ?? {};
    const unitIndex = units.findIndex((_, i) => g[`u${i}`] !== undefined);
    const rule = units[unitIndex];
    if (!rule) return null;
    const unitText = g.unit ?? '';
    const infix = g.infix ?? '';
    // Mass units follow their number directly; single-letter units only after digits.
    if (rule.kind === 'mass' && infix) return null;
    // "one-kilo packets", "10-kg bags": a size. "a 3.2-tonne haul" is a figure.
    if (g.gap === '-' && (rule.kind === 'count' || c.item.test(text.slice(m.index + m[0].length))))
      return null;
    if (unitText.length <= 2 && (!g.digits || infix)) return null;
    if (g.words && c.article.test(g.words.trim()) && !g.qual && rule.kind === 'count' && infix) return null;
    // "1,400 hectares of the plant", "30 acres of poppy plants": an area, not a count.
    if (rule.kind === 'count' && infix && c.measureInfix.test(infix)) return null;
    // "in 2023 hit a record": a year, not a count.
    if (g.digits && YEAR.test(g.digits) && c.yearBefore.test(text.slice(0, m.index))) return null;
    // "May 5, 250 kilos": a day and a figure, not "5,250".
    if (g.digits && /, /.test(g.digits) && c.monthBefore.test(text.slice(0, m.index))) return null;
    let value: number | null;
    if (g.frac) value = fractionValue(t, g.frac);
    else if (g.digits) value = plausibleDigits(t, g.digits, rule.kg ?? null, format);
    else value = parseWordNumber(t, g.words ?? '');
    if (value === null || !Number.isFinite(value)) return null;
    if (g.wrest) {
      if (value !== 1000) return null;
      value += Number(g.wrest);
    }
    if (g.half) value += 0.5;
    if (g.dfrac) {
      if (!Number.isInteger(value)) return null;
      value += fractionValue(t, g.dfrac) ?? 0;
    }
    // Only a whole mass takes a half after its unit ("a ton and a half").
    if (g.halfAfter && rule.kind === 'mass' && !g.half && !g.frac && Number.isInteger(value)) value += 0.5;
    const factor = multiplierValue(t, g.mult ?? g.fmult);
    value = round(value * factor);
    // "2 mil 687 kilos", "17 mil 6 kilogramos": thousands and the rest, written apart.
    if (g.rest) {
      if (factor !== 1000 || !Number.isInteger(value)) return null;
      value += Number(g.rest);
    }
    if (g.close && (text[m.index - 1] !== '(' || !g.digits)) return null;
    const other = g.digits && !g.half ? otherReading(g.digits, format) : null;
    const alt =
      other === null
        ? undefined
        : {
            value: round(other * factor),
            kg: rule.kind === 'mass' ? round(other * factor * (rule.kg ?? 1)) : null,
          };
    const numStart =
      m.index + (g.qual ? m[0].indexOf(g.frac ?? g.digits ?? g.words ?? '', g.qual.length) : 0);
    const infixStart = m.index + m[0].length - unitText.length - infix.length;
    return {
      start: m.index,
      numStart,
      end: m.index + m[0].length,
      value,
      unit: rule.unit,
      kind: rule.kind,
      kg: rule.kind === 'mass' ? round(value * (rule.kg ?? 1)) : null,
      approx: Boolean(g.qual) || Boolean(g.words) || Boolean(g.frac),
      bound: boundOf(t, g.qual),
      infix: infix.trim(),
      infixStart,
      reason: rule.reason,
      inferred: false,
      ...(alt ? { alt } : {}),
    };
  };
  if (c.lead) {
    // Only where a match may start: the same matches as `re` run at every position.
    let from = 0;
    for (let at = nextStart(c.lead, text, from); at !== null; at = nextStart(c.lead, text, from)) {
      c.sticky.lastIndex = at[0];
      const m = c.sticky.exec(text);
      if (!m) {
        from = at[1];
        continue;
      }
      const q = read(m);
      if (q) found.push(q);
      from = q ? m.index + m[0].length : m.index + 1;
    }
  } else {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const q = read(m);
      if (q) found.push(q);
      else re.lastIndex = m.index + 1;
    }
  }
  return addListNumbers(
    t,
    c,
    text,
    format,
    joinPackaging(t, text, joinCompounds(c, text, joinConversions(t, c, text, found))),
  );
}

/**
 * The start and text of each match of the quantity regex in `text`, the next search going on
 * one character after each match's start: `fast` through the leading-word scan, else the
 * plain regex at every position (tests/unit/leading-words.test.ts: both give the same).
 */
export function quantityMatches(t: SeizureTables, text: string, fast: boolean): Array<[number, string]> {
  const c = quantityRegex(t);
  const out: Array<[number, string]> = [];
  if (fast) {
    if (!c.lead) throw new Error('no leading words');
    let from = 0;
    for (let at = nextStart(c.lead, text, from); at !== null; at = nextStart(c.lead, text, from)) {
      c.sticky.lastIndex = at[0];
      const m = c.sticky.exec(text);
      if (!m) {
        from = at[1];
        continue;
      }
      out.push([m.index, m[0]]);
      from = m.index + 1;
    }
    return out;
  }
  c.re.lastIndex = 0;
  for (let m = c.re.exec(text); m !== null; m = c.re.exec(text)) {
    out.push([m.index, m[0]]);
    c.re.lastIndex = m.index + 1;
  }
  return out;
}

/**
 * No single seizure or national total comes near 5,000 tonnes (thresholds.yaml
 * `max-plausible-kg`); "179,657 tons" with one comma group is a decimal comma (179.657 t).
 * Applies to tonnes only, where the two readings differ by a factor of 1000 and one of them is
 * impossible.
 */
function plausibleDigits(
  t: SeizureTables,
  raw: string,
  kgPerUnit: number | null,
  format: NumberFormat,
): number {
  const value = parseDigits(raw, format);
  if (
    kgPerUnit !== null &&
    kgPerUnit >= 1000 &&
    value * kgPerUnit > t.thresholds['max-plausible-kg'] &&
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
function joinConversions(t: SeizureTables, c: Compiled, text: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out.at(-1);
    if (prev && prev.kind === 'mass' && q.kind === 'mass') {
      const between = text.slice(prev.end, q.start);
      const after = text.slice(q.end, q.end + 3);
      const near = (a: number | null) => a !== null && q.kg !== null && Math.abs(a - q.kg) <= 0.05 * a;
      const bracketed = c.conversion.test(between) && /^\s*\)/.test(after);
      // "183.600 kg, or nearly 184 tonnes": the restatement decides the reading of the dot.
      if ((c.restated.test(between) || bracketed) && prev.alt && !near(prev.kg) && near(prev.alt.kg)) {
        prev.value = prev.alt.value;
        prev.kg = prev.alt.kg;
        delete prev.alt;
      }
      // "96.400 kg ..., or about 96 tonnes": the same figure restated; "2,350 kilos, or more
      // than two tonnes": restated by a bound it keeps.
      const boundHolds =
        prev.kg !== null && q.kg !== null && q.bound === 'lower' && prev.kg >= q.kg && prev.kg <= q.kg * 1.35;
      if (c.restated.test(between) && (near(prev.kg) || boundHolds)) {
        prev.written = [...(prev.written ?? [[prev.numStart, prev.end]]), [q.numStart, q.end]];
        prev.end = q.end;
        continue;
      }
      if (c.conversion.test(between) && /^\s*\)/.test(after)) {
        if (q.unit === 'kg' && prev.unit !== 'kg') prev.kg = q.kg;
        prev.end = q.end + after.indexOf(')') + 1;
        continue;
      }
      // "3,2 toneladas de droga —3.225 kilos de hachís—": a rounded figure and the exact one
      // in a dash aside are one figure; the exact one wins.
      if (c.dashAside.test(between) && near(prev.kg) && prev.kg !== q.kg) {
        // "a tonne of cannabis resin — 1,046 kilograms —": the drug named in the aside is the
        // figure's own (read as an infix).
        if (findDrugMentions(t, between).some((d) => d.drug !== 'generic')) {
          q.infixStart = prev.end;
          q.infix = between;
        }
        prev.value = q.value;
        prev.unit = q.unit;
        prev.kg = q.kg;
        prev.approx = q.approx;
        prev.bound = q.bound;
        prev.end = q.end;
        prev.infix = q.infix;
        prev.infixStart = q.infixStart;
        delete prev.alt;
        continue;
      }
    }
    out.push(q);
  }
  return out;
}

/** "one ton and 150 kilograms": one figure, in the smaller unit. */
function joinCompounds(c: Compiled, text: string, qs: Quantity[]): Quantity[] {
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
      (c.compoundAnd.test(text.slice(prev.end, q.start)) ||
        // "3 pounds, 4 ounces": a comma only before less than one of the larger unit.
        (c.compoundComma.test(text.slice(prev.end, q.start)) &&
          Number.isInteger(prev.value) &&
          q.kg < prev.kg / prev.value))
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
 * One haul stated as a count and its content, or as its content and its packaging (issue 9,
 * class 2; the linking words are slots of seizure-grammar.yaml):
 * - "15 bales containing 1,066 kg", "56 bundles of hashish, weighing 2,200 kilos": the mass,
 *   with the count of the bales;
 * - "two tons in 2,000 packets", "3 kg packed into 40 sachets": the mass, with that count;
 * - "20 sacks containing 500 packages": the packages (what the sacks held);
 * - "4,200 packages in 200 sports bags": the packages (the bags only carried them).
 */
function joinPackaging(t: SeizureTables, text: string, qs: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const q of qs) {
    const prev = out.at(-1);
    if (prev && !prev.inferred) {
      const between = text.slice(prev.end, q.start);
      // "116 packs of X concealed in tea bags ... weighing around 116 kilograms": a weight at the
      // end of the count's own clause (no other figure, no sentence break between) is theirs.
      const sameClause =
        between.length < 60 ||
        (between.length <= t.thresholds['count-weight-chars'] && !/[\d.;:!?]/.test(between));
      // "8,400 bricks of cocaine hidden in a shipment of 20 tonnes of soybeans": a mass of goods
      // is the cover, not the weight of the bricks.
      // "40 bales of cannabis, about 900 kilograms, from a lorry": the mass of the bags, in apposition
      // (a qualifier says it is their weight, not the next item of a list).
      const apposed =
        prev.kind === 'count' &&
        q.kind === 'mass' &&
        t.grammar.countApposedMass.test(between) &&
        (q.numStart > q.start || !/,\s*$/.test(between)) &&
        t.grammar.apposedMassEnd.test(text.slice(q.end));
      const linked = sameClause && (apposed || t.grammar.countThenMass.test(between));
      if (linked && q.kind === 'mass' && coverObject(t, text.slice(q.end))) q.cover = true;
      const holds = linked && !q.cover;
      // "8,2 ton coke aantroffen, verstopt in 7.300 blokken": the drug and the verb of the mass's
      // clause, a comma, then a packing verb.
      const afterClause = /^[^,;.\d]{1,40},/.exec(between);
      const packedIn =
        t.grammar.massThenCount.test(between.replace(t.grammar.ofWord, '')) ||
        t.grammar.massThenCount.test(between.replace(t.grammar.ofTwoWords, '')) ||
        (afterClause !== null && t.grammar.packedAfterClause.test(between.slice(afterClause[0].length)));
      if (prev.kind === 'count' && holds) {
        // The counted items hold the figure: keep the content, with the count if it is a mass.
        out[out.length - 1] = {
          ...q,
          start: prev.start,
          numStart: prev.numStart,
          infixStart: prev.infixStart,
          count: q.kind === 'mass' ? { value: prev.value, unit: prev.unit } : null,
        };
        continue;
      }
      // "2.5 tons of fentanyl pills, or roughly 10 million pills": the same haul counted.
      if (prev.kind === 'mass' && q.kind === 'count' && !prev.count && restatedOr(t, between)) {
        prev.count = { value: q.value, unit: q.unit };
        prev.end = q.end;
        continue;
      }
      // "210 kilograms of cannabis in 70 sacks of potatoes": the sacks are cover cargo, no count
      // of the haul (the object frames of negative-frames.yaml name what is no drug).
      const cover = q.kind === 'count' && packedIn && coverObject(t, text.slice(q.end));
      if (cover) q.cover = true;
      if (q.kind === 'count' && packedIn && !prev.count && !cover) {
        // The figure packed in counted items: a mass takes their count; a count keeps its own.
        if (prev.kind === 'mass') prev.count = { value: q.value, unit: q.unit };
        prev.end = q.end;
        continue;
      }
    }
    out.push(q);
  }
  return out;
}

/**
 * The words after a figure name goods that are no drug ("sacks of potatoes", "20 tonnes of
 * soybeans"): an object frame of negative-frames.yaml, or "of" and words with no drug name.
 */
function coverObject(t: SeizureTables, after: string): boolean {
  if (t.frames.some((f) => f.rule.window === 'object' && f.re.test(after))) return true;
  const of = quantityRegex(t).ofAfter.exec(after);
  return of !== null && findDrugMentions(t, of[1]!).length === 0;
}

/** ", or about " between a figure and its restatement. */
const restatedOr = (t: SeizureTables, between: string): boolean => quantityRegex(t).restated.test(between);

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
function addListNumbers(
  t: SeizureTables,
  c: Compiled,
  text: string,
  format: NumberFormat,
  qs: Quantity[],
): Quantity[] {
  if (qs.length === 0 || !termMatch(t, 'cue', text)) return qs;
  const extra: Quantity[] = [];
  const inside = (pos: number): boolean => qs.some((q) => pos >= q.start && pos < q.end);
  for (const m of matchAll(text, BARE)) {
    const raw = m[0];
    const start = m.index;
    const end = start + raw.length;
    if (inside(start) || YEAR.test(raw)) continue;
    const after = text.slice(end, end + 60);
    const next = qs.find((q) => q.start >= end);
    const prev = [...qs].reverse().find((q) => q.end <= start);
    const grouped = /[,'’.]\d{3}/.test(raw);
    let donor: Quantity | undefined;
    // "over 1.5 million tablets, including 1.4 million found in a van": a part of the figure
    // before it, in its unit (the words after it are a seizure verb or a preposition).
    const mult = c.multAfter.exec(after);
    const afterPart = after.slice(mult ? mult[0].length : 0);
    if (
      prev &&
      t.grammar.partOfBefore.test(text.slice(prev.end, start)) &&
      !/\d/.test(text.slice(prev.end, start)) &&
      c.partFollows.test(afterPart) &&
      (!/^\s*\p{L}/u.test(afterPart) ||
        termMatch(t, 'cue', afterPart.split(/[\s,.;]+/).filter(Boolean)[0] ?? '') !== null ||
        /^\s*(?:in|at|on|from|aboard|inside|near)\b/i.test(afterPart))
    ) {
      const value = round(parseDigits(raw, format) * multiplierValue(t, mult?.[0].trim()));
      const factor = prev.kg !== null && prev.value > 0 ? prev.kg / prev.value : null;
      // A part is smaller than its whole ("2.4 tonnes, including 900 found": 900 of another unit).
      if (value >= prev.value) continue;
      extra.push({
        start,
        numStart: start,
        end: end + (mult ? mult[0].length : 0),
        value,
        unit: prev.unit,
        kind: prev.kind,
        kg: factor === null ? null : round(value * factor),
        approx: false,
        bound: null,
        infix: '',
        infixStart: end,
        reason: 'unit-inferred-from-whole',
        inferred: true,
      });
      continue;
    }
    if (next && c.listLink.test(text.slice(end, next.numStart))) {
      donor = next; // "25 and 89 grammes"
    } else if (
      next &&
      c.rangeTo.test(text.slice(end, next.numStart)) &&
      c.rangeFrom.test(text.slice(0, start))
    ) {
      donor = next; // "rose from 91 to 110 tonnes"
    } else if (prev && /^\s*\)/.test(after) && c.bracketList.test(text.slice(prev.end, start))) {
      donor = prev; // "Place B (4.1)"
    } else if (grouped && seizedAfter(t, c, after)) {
      donor = nearest(qs, start); // "2,120 were seized"
    } else if (
      grouped &&
      prev &&
      c.parallelItem.test(text.slice(prev.end, start)) &&
      c.inPlaceAfter.test(after)
    ) {
      donor = prev; // "310 kilos in B and 1,090 in C"
    }
    if (!donor) continue;
    const value = parseDigits(raw, format);
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

/** "were seized", "had been impounded": a seizure verb right after a bare number. */
function seizedAfter(t: SeizureTables, c: Compiled, after: string): boolean {
  const m = c.seizedAfter.exec(after);
  if (!m) return false;
  // "found guilty", "found dead": not a find of drugs.
  if (c.notFind.test(m[2] ?? '')) return false;
  return termMatch(t, 'cue', m[1]!) !== null;
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
