/**
 * Reading the number of a quantity: digit groups in the ways articles write them, number words,
 * multipliers and fractions (the words come from config/rules/numbers.yaml).
 */
import { seizureTables } from './tables.ts';

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

const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

let wordRes: Array<{ re: RegExp; value: number }> | undefined;

/** Value of a number word ("two", "a", "a dozen", "twenty-five", "two hundred"); null if none. */
export function parseWordNumber(raw: string): number | null {
  const t = seizureTables();
  wordRes ??= [...t.numberWords].map(([p, value]) => ({ re: new RegExp(`^(?:${p})$`, 'i'), value }));
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  const hundred = /^(.+?) hundred$/.exec(s);
  if (hundred) {
    const base = parseWordNumber(hundred[1]!);
    return base === null ? null : base * 100;
  }
  const compound = /^(\w+)-(\w+)$/.exec(s);
  if (compound && TENS[compound[1]!] !== undefined) {
    const ones = parseWordNumber(compound[2]!);
    return ones === null ? null : TENS[compound[1]!]! + ones;
  }
  if (TENS[s] !== undefined) return TENS[s]!;
  for (const w of wordRes) if (w.re.test(s)) return w.value;
  return null;
}

/** Factor of a multiplier word ("million" -> 1e6, "lakh" -> 1e5); 1 when none. */
export function multiplierValue(raw: string | undefined): number {
  if (!raw) return 1;
  const s = raw.trim();
  for (const m of seizureTables().multipliers) if (m.re.test(s)) return m.value;
  return 1;
}

/** Value of a fraction phrase ("half a" -> 0.5); null if none. */
export function fractionValue(raw: string): number | null {
  const s = raw.trim().replace(/\s+/g, ' ');
  for (const f of seizureTables().fractions) if (f.re.test(s)) return f.value;
  return null;
}

/** Word-number alternation for regexes, with "twenty-five" style compounds and "N hundred". */
export function wordNumberPattern(): string {
  const t = seizureTables();
  const tens = Object.keys(TENS).join('|');
  const base = `(?:(?:${tens})(?:-(?:${t.wordAlternation}))?|${t.wordAlternation})`;
  return `${base}(?: hundred)?`;
}
