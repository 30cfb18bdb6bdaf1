/**
 * Reading the number of a quantity: digit groups in the ways articles write them, number words,
 * multipliers and fractions (the words come from config/rules/numbers.yaml).
 */
import type { SeizureTables } from './tables.ts';

/**
 * Digit forms, most specific first. Thousands separators: comma (2,276), apostrophe
 * (17'616.3), space or no-break space (2 026), dot (183.600, 1.234.567), Indian lakh grouping
 * (42,24,000).
 */
export const DIGITS =
  '\\d{1,2}(?:,\\d{2})+,\\d{3}(?![\\d,])(?:\\.\\d+)?' +
  '|\\d{1,3}(?:,\\d{3})+(?![\\d,])(?:\\.\\d+)?' +
  "|\\d{1,3}(?:['’]\\d{3})+(?:[.,]\\d+)?" +
  '|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d])(?:[.,]\\d+)?' +
  '|\\d{1,3}(?:\\.\\d{3}){2,}(?:,\\d+)?' +
  '|\\d+(?:\\.\\d+)?' +
  '|\\d+,\\d{1,2}(?!\\d)';

/** Units for which "183.600" reads as 183600 (a dot before three digits ending in 0). */
const DOT_THOUSANDS_UNITS = new Set(['kg', 'g', 'mg', 'lb', 'oz']);

/** Parse a digit string as written (see DIGITS). `unit` disambiguates a lone dot group. */
export function parseDigits(raw: string, unit: string | null = null): number {
  const s = raw.replace(/[\u00a0\u202f]/g, ' ');
  if (/^\d{1,2}(?:,\d{2})+,\d{3}/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(?:,\d{3})+/.test(s)) return Number(s.replace(/,/g, ''));
  if (/['’]/.test(s)) return Number(s.replace(/['’]/g, '').replace(',', '.'));
  if (/ /.test(s)) return Number(s.replace(/ /g, '').replace(',', '.'));
  if (/^\d{1,3}(?:\.\d{3}){2,}/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  const lone = /^(\d{1,3})\.(\d{3})$/.exec(s);
  // "183.600 kg": a decimal written with a trailing zero is rare in English; a European
  // thousands dot is not. Tonnes keep the decimal reading ("2.500 tonnes" is ambiguous).
  if (lone && lone[2]!.endsWith('0') && unit !== null && DOT_THOUSANDS_UNITS.has(unit)) {
    return Number(lone[1]! + lone[2]!);
  }
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return Number(s);
}

/** Value of a number word ("two", "a", "a dozen", "twenty-five", "two hundred"); null if none. */
export function parseWordNumber(t: SeizureTables, raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t.scale && s.endsWith(` ${t.scale.word}`)) {
    const base = parseWordNumber(t, s.slice(0, -t.scale.word.length - 1));
    return base === null ? null : base * t.scale.value;
  }
  const compound = /^(\w+)-(\w+)$/.exec(s);
  if (compound && t.tens.has(compound[1]!)) {
    const ones = parseWordNumber(t, compound[2]!);
    return ones === null ? null : t.tens.get(compound[1]!)! + ones;
  }
  if (t.tens.has(s)) return t.tens.get(s)!;
  for (const w of t.numberWordRes) if (w.re.test(s)) return w.value;
  return null;
}

/** Factor of a multiplier word ("million" -> 1e6, "lakh" -> 1e5); 1 when none. */
export function multiplierValue(t: SeizureTables, raw: string | undefined): number {
  if (!raw) return 1;
  const s = raw.trim();
  for (const m of t.multipliers) if (m.re.test(s)) return m.value;
  return 1;
}

/** Value of a fraction phrase ("half a" -> 0.5); null if none. */
export function fractionValue(t: SeizureTables, raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  for (const f of t.fractions) if (f.re.test(s)) return f.value;
  return null;
}

/** Word-number alternation for regexes, with "twenty-five" style compounds and "N hundred". */
export function wordNumberPattern(t: SeizureTables): string {
  const tens = [...t.tens.keys()].join('|');
  const base = `(?:(?:${tens})(?:-(?:${t.wordAlternation}))?|${t.wordAlternation})`;
  return t.scale ? `${base}(?: ${t.scale.word})?` : base;
}
