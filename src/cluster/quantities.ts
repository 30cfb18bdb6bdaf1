/**
 * Quantities of drugs named in a text ("2.1 tonnes of cocaine", "1.2 million pills"), found with
 * the unit tables of config/rules/cluster.yaml. The clusterer uses them when the extractor gives
 * an article no figure: a copy of a story usually repeats its headline figure.
 */
import type { Drug } from '../records/schema.ts';
import type { ClusterTerms } from './terms.ts';
import { normalizeText } from './text.ts';

export interface Quantity {
  drug: Drug | null;
  /** Mass in kg, where the figure is a mass. */
  kg: number | null;
  /** Number of units, where the figure is a count. */
  count: number | null;
  country: string | null;
  /** A total over a period or an area (not the story's own haul). */
  aggregate: boolean;
  /** In the headline or the first paragraphs: the story's own figure, most likely. */
  lead: boolean;
}

const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3,
  million: 1e6,
  millionen: 1e6,
  millones: 1e6,
  billion: 1e9,
};
/** A sentence about a period total rather than one haul. */
const AGGREGATE_CUE =
  /\b(19|20)\d\d\b|\bin total\b|\bso far this year\b|\blast year\b|\bthis year\b|\bannual\b|\bsince january\b|\baltogether\b|\bin all\b/;

function parseNumber(raw: string, terms: ClusterTerms): number | null {
  const word = terms.numberWords.get(raw);
  if (word !== undefined) return word;
  // "2,5" is a decimal comma (thousands separators were removed by normalizeText)
  const n = Number(raw.replace(',', '.'));
  return Number.isFinite(n) ? n : null;
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"“])|\n+/u).filter((s) => s.trim().length > 0);
}

/** Every drug quantity in the title and text, in order; lead = title or first two paragraphs. */
export function findQuantities(title: string | null, text: string, terms: ClusterTerms): Quantity[] {
  const paragraphs = text.split(/\n\s*\n/);
  const leadText = paragraphs.slice(0, 2).join('\n\n');
  const rest = paragraphs.slice(2).join('\n\n');
  const out: Quantity[] = [];
  const scan = (chunk: string, lead: boolean): void => {
    for (const sentence of sentencesOf(normalizeText(chunk))) scanSentence(sentence, lead, terms, out);
  };
  if (title) scan(title, true);
  scan(leadText, true);
  scan(rest, false);
  return out;
}

const NUM = String.raw`(\d+(?:[.,]\d+)?|[a-z]+)`;
const MASS_OR_COUNT = new RegExp(
  String.raw`(?<![\w.])${NUM}(?:\s*-?\s*(thousand|million|millionen|millones|billion))?\s*-?\s*(?:metric\s+)?([a-z]+)\b`,
  'g',
);

function scanSentence(sentence: string, lead: boolean, terms: ClusterTerms, out: Quantity[]): void {
  const aggregate = AGGREGATE_CUE.test(sentence);
  for (const m of sentence.matchAll(MASS_OR_COUNT)) {
    const value = parseNumber(m[1]!, terms);
    if (value === null || value <= 0) continue;
    const mult = m[2] ? MULTIPLIERS[m[2]]! : 1;
    let unitWord = m[3]!;
    let end = (m.index ?? 0) + m[0].length;
    const kgPerUnit = terms.massUnits.get(unitWord);
    let countUnit = kgPerUnit === undefined ? terms.countUnits.get(unitWord) : undefined;
    let drugBetween: Drug | null = null;
    if (kgPerUnit === undefined && countUnit === undefined) {
      // "50 million methamphetamine pills": up to two words between the number and a count unit
      const after = sentence.slice(end).match(/^\s+([a-z]+)(?:\s+([a-z]+))?/);
      const words = [unitWord, after?.[1], after?.[2]].filter((w): w is string => !!w);
      const unitAt = words.findIndex((w, i) => i > 0 && terms.countUnits.has(w));
      if (unitAt < 0) continue;
      countUnit = terms.countUnits.get(words[unitAt]!);
      drugBetween =
        words
          .slice(0, unitAt)
          .map((w) => terms.drugs.get(w))
          .find((d) => d) ?? null;
      unitWord = words[unitAt]!;
      end += after?.[0].length ?? 0;
    }
    const amount = value * mult;
    const drug = drugBetween ?? nearestDrug(sentence, m.index ?? 0, end, terms);
    out.push({
      drug,
      kg: kgPerUnit !== undefined ? round(amount * kgPerUnit) : null,
      count: countUnit !== undefined ? amount : null,
      country: null,
      aggregate,
      lead,
    });
  }
}

function nearestDrug(sentence: string, start: number, end: number, terms: ClusterTerms): Drug | null {
  let best: { drug: Drug; distance: number } | null = null;
  for (const m of sentence.matchAll(/[a-z]+/g)) {
    const drug = terms.drugs.get(m[0]);
    if (!drug) continue;
    const at = m.index ?? 0;
    const distance = at >= end ? at - end : start - (at + m[0].length);
    if (distance > 80) continue;
    if (!best || distance < best.distance) best = { drug, distance };
  }
  return best?.drug ?? null;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
