/**
 * Trends: "the amount of cocaine seized in 2024 fell by 50%" -> changePercent -50, period 2024,
 * baseline 2023. A percent change of a seizure quantity, signed by the verb (seizure-terms.yaml
 * `trend-down` / `trend-up`); the baseline is the year the text compares with, else the year
 * before a year period.
 */
import type { Drug, Trend } from '../../types.ts';
import { matchAll } from '../match-all.ts';
import { escapeRegex } from '../rules/slots.ts';
import { fastRegExp } from '../rules/word-boundary.ts';
import { perTables, type SeizureTables, termMatches } from './tables.ts';

interface TrendRegexes {
  percent: RegExp;
  /** A trend noun right after the percent ("a 20% drop"). */
  nounAfter: RegExp;
  /** "compared with 2020", "on 2021": group 1 the baseline year. */
  baseline: RegExp;
}
const trendRegexes = perTables((t): TrendRegexes => {
  const g = t.grammar.slots.re;
  // Word forms end on a word boundary ("percent", not "percentage"); "%" needs none.
  const percentWords = `(?:${t.grammar.slots
    .words('percent-words')
    .map((w) => (/\p{L}$/u.test(w) ? `${escapeRegex(w)}\\b` : escapeRegex(w)))
    .join('|')})`;
  return {
    percent: fastRegExp(`(?<![\\d.])(\\d+(?:\\.\\d+)?)\\s?${percentWords}`, 'giu'),
    nounAfter: new RegExp(`^\\s+${g('trend-nouns-after')}`, 'i'),
    baseline: new RegExp(
      `\\b${g('trend-baseline-links')}\\s+(?:${g('trend-same-period')}\\s+)?(?:in\\s+)?((?:19|20)\\d\\d)\\b`,
      'i',
    ),
  };
});

export interface TrendInput {
  text: string;
  drug: Drug | null;
  period: string | null;
  location: string | null;
  country: string | null;
  hasCue: boolean;
}

/** A trend stated by one sentence, or null. */
export function findTrend(t: SeizureTables, input: TrendInput): Trend | null {
  if (!input.drug || !input.hasCue) return null;
  const { text } = input;
  const re = trendRegexes(t);
  for (const m of matchAll(text, re.percent)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 25);
    const verbWindow = `${before} ${re.nounAfter.test(after) ? after : ''}`;
    const downs = termMatches(t, 'trend-down', verbWindow);
    const ups = termMatches(t, 'trend-up', verbWindow);
    const down = downs.at(-1);
    const up = ups.at(-1);
    if (!down && !up) continue;
    const sign = down && (!up || down.start > up.start) ? -1 : 1;
    const value = Number(m[1]);
    const base = re.baseline.exec(text.slice(m.index));
    const baseline =
      base?.[1] ?? (input.period && /^\d{4}$/.test(input.period) ? String(Number(input.period) - 1) : null);
    return {
      drug: input.drug,
      location: input.location,
      country: input.country,
      period: input.period,
      changePercent: sign * value,
      baseline: baseline === input.period ? null : baseline,
      evidence: text,
    };
  }
  return null;
}
