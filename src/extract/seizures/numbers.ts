/**
 * Reading the number of a quantity: digit groups in the ways articles write them, number words,
 * multipliers and fractions (the words come from config/rules/numbers.yaml).
 */

import { matchAll } from '../match-all.ts';
import { cachedRegExp } from '../rules/regex-cache.ts';
import type { SeizureTables } from './tables.ts';

/**
 * Digit forms, most specific first. Thousands separators: comma (2,276; "1, 751" as some
 * outlets type it), apostrophe (17'616.3), space or no-break space (2 026), dot (183.600,
 * 1.234.567), Indian lakh grouping (42,24,000).
 */
export const DIGITS =
  '\\d{1,2}(?:,\\d{2})+,\\d{3}(?![\\d,])(?:\\.\\d+)?' +
  '|\\d{1,3}(?:,\\d{3})+(?![\\d,])(?:\\.\\d+)?' +
  '|\\d{1,3}(?:, \\d{3})+(?![\\d,])' +
  "|\\d{1,3}(?:['’]\\d{3})+(?:[.,]\\d+)?" +
  '|\\d{1,3}(?:[ \\u00a0\\u202f]\\d{3})+(?![\\d])(?:[.,]\\d+)?' +
  '|\\d{1,3}(?:\\.\\d{3}){2,}(?:,\\d+)?' +
  '|\\d+(?:\\.\\d+)?' +
  '|\\d+,\\d{1,2}(?!\\d)';

/**
 * How an article writes numbers: `dot-decimal` (English: 1,234.5; "183.600 kg" is 183.6 kg) or
 * `dot-thousands` (most of Europe and Latin America: 1.234,5; "183.600 kg" is 183,600 kg).
 * Chosen per article by detectNumberFormat (number-formats.yaml).
 */
export type NumberFormat = 'dot-decimal' | 'dot-thousands';

const LONE_DOT = /^(\d{1,3})\.(\d{3})$/;

/** Parse a digit string as written (see DIGITS); `format` decides a lone dot group ("183.600"). */
export function parseDigits(raw: string, format: NumberFormat = 'dot-decimal'): number {
  const s = raw.replace(/[\u00a0\u202f]/g, ' ');
  // "1,889 tonne" in a text that writes dot thousands: a decimal comma.
  if (format === 'dot-thousands' && /^\d{1,3},\d{3}$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d{1,2}(?:,\d{2})+,\d{3}/.test(s)) return Number(s.replace(/,/g, ''));
  if (/^\d{1,3}(?:, ?\d{3})+/.test(s)) return Number(s.replace(/, ?/g, ''));
  if (/['’]/.test(s)) return Number(s.replace(/['’]/g, '').replace(',', '.'));
  if (/ /.test(s)) return Number(s.replace(/ /g, '').replace(',', '.'));
  if (/^\d{1,3}(?:\.\d{3}){2,}/.test(s)) return Number(s.replace(/\./g, '').replace(',', '.'));
  const lone = LONE_DOT.exec(s);
  if (lone && format === 'dot-thousands') return Number(lone[1]! + lone[2]!);
  if (/^\d+,\d{1,2}$/.test(s)) return Number(s.replace(',', '.'));
  return Number(s);
}

/** The other reading of an ambiguous lone dot group ("183.600": 183.6 or 183600), else null. */
export function otherReading(raw: string, format: NumberFormat): number | null {
  if (!LONE_DOT.test(raw)) return null;
  return parseDigits(raw, format === 'dot-decimal' ? 'dot-thousands' : 'dot-decimal');
}

/**
 * The number format of an article: the evidence patterns of number-formats.yaml that match its
 * text ("1,240" and "2.5" say dot-decimal; "1.234.567" and "2,5 kg" say dot-thousands), else the
 * country of the outlet's web address, else the language's default.
 */
export function detectNumberFormat(t: SeizureTables, text: string, url: string | null): NumberFormat {
  const votes = new Map<NumberFormat, number>();
  for (const e of t.numberFormats.evidence) {
    e.re.lastIndex = 0;
    const n = matchAll(text, e.re).length;
    if (n > 0) votes.set(e.format, (votes.get(e.format) ?? 0) + n);
  }
  const dec = votes.get('dot-decimal') ?? 0;
  const thou = votes.get('dot-thousands') ?? 0;
  if (dec !== thou) return dec > thou ? 'dot-decimal' : 'dot-thousands';
  if (url) {
    try {
      const tld = new URL(url).hostname.split('.').at(-1)?.toLowerCase() ?? '';
      const byTld = t.numberFormats.tlds.get(tld);
      if (byTld) return byTld;
    } catch {
      // not a URL: no outlet country
    }
  }
  return t.numberFormats.default;
}

/** Value of a number word ("two", "a", "a dozen", "twenty-five", "two hundred"); null if none. */
export function parseWordNumber(t: SeizureTables, raw: string): number | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t.scale) {
    // "two hundred", "huit cent quatre-vingt-neuf", "cent quarante-cinq": units of the scale word
    // (one where none is written) and the rest after it.
    const m = cachedRegExp(`^(?:(.+) )?(?:${t.scale.word})(?: (.+))?$`).exec(s);
    if (m && (m[1] !== undefined || m[2] !== undefined)) {
      const base = m[1] === undefined ? 1 : parseWordNumber(t, m[1]);
      const rest = m[2] === undefined ? 0 : parseWordNumber(t, m[2]);
      if (base === null || rest === null || base >= 10 || rest >= t.scale.value) return null;
      return base * t.scale.value + rest;
    }
  }
  // "twenty-five", "quarante-cinq", "quatre-vingt-neuf" (a hyphenated ten and its unit).
  const compound = /^(.+)-(\p{L}+)$/u.exec(s);
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
  return t.scale ? `(?:(?:${base} )?(?:${t.scale.word})(?: ${base})?|${base})` : base;
}
