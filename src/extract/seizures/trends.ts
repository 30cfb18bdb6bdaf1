/**
 * Trends: "the amount of cocaine seized in 2024 fell by 50%" -> changePercent -50, period 2024,
 * baseline 2023. A percent change of a seizure quantity, signed by the verb (seizure-terms.yaml
 * `trend-down` / `trend-up`); the baseline is the year the text compares with, else the year
 * before a year period.
 */
import type { Drug, Trend } from '../../types.ts';
import { termMatches } from './tables.ts';

const PERCENT = /(?<![\d.])(\d+(?:\.\d+)?)\s?(?:%|percent\b|per cent\b)/gi;
const BASELINE =
  /\b(?:compared (?:with|to)|from|than (?:in)?|on|over|versus|vs\.?)\s+(?:the same period (?:of|in|last)\s+)?(?:in\s+)?((?:19|20)\d\d)\b/i;

export interface TrendInput {
  text: string;
  drug: Drug | null;
  period: string | null;
  location: string | null;
  country: string | null;
  hasCue: boolean;
}

/** A trend stated by one sentence, or null. */
export function findTrend(input: TrendInput): Trend | null {
  if (!input.drug || !input.hasCue) return null;
  const { text } = input;
  for (const m of text.matchAll(PERCENT)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 25);
    const verbWindow = `${before} ${/^\s+(?:drop|fall|decline|decrease|rise|increase|jump|surge)/i.test(after) ? after : ''}`;
    const downs = termMatches('trend-down', verbWindow);
    const ups = termMatches('trend-up', verbWindow);
    const down = downs.at(-1);
    const up = ups.at(-1);
    if (!down && !up) continue;
    const sign = down && (!up || down.start > up.start) ? -1 : 1;
    const value = Number(m[1]);
    const base = BASELINE.exec(text.slice(m.index));
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
