/**
 * Quantities of drugs named in a text ("2.1 tonnes of cocaine", "1,5 Tonnen Kokain"), found with
 * the lexicon derived from the extraction tables of every language (lexicon.ts). The clusterer uses them when the extractor gives
 * an article no figure: a copy of a story usually repeats its headline figure.
 */
import type { Drug } from '../records/schema.ts';
import type { ClusterLexicon, FigureBound } from './lexicon.ts';

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
  /** The qualifier the text writes before it ("more than", "knapp"): where the real figure lies. */
  bound?: FigureBound;
}

/** The most a rounded figure may stand for beyond the tolerance: "7 t" is 7.3 t told roughly. */
const MAX_ROUNDING = 0.075;

/**
 * Half the last unit a mass is written to, in tonnes from a tonne up, else in kg ("7 t" -> 500 kg,
 * "7.2 t" -> 50 kg, "16 t" -> 500 kg, "850 kg" -> 5 kg), at most MAX_ROUNDING of it: a report
 * that rounds may differ from another by that.
 */
export function roundingSlack(kg: number): number {
  const unit = kg >= 1000 ? 1000 : 1;
  let step = unit;
  while (step >= unit / 1000 && Math.abs(kg / step - Math.round(kg / step)) > 1e-9) step /= 10;
  while (Math.abs(kg / (step * 10) - Math.round(kg / (step * 10))) < 1e-9 && step * 10 <= kg) step *= 10;
  return Math.min(step / 2, MAX_ROUNDING * kg);
}

/** A sentence about a period total rather than one haul. */
const AGGREGATE_CUE =
  /\b(19|20)\d\d\b|\bin total\b|\bso far this year\b|\blast year\b|\bthis year\b|\bannual\b|\bsince january\b|\baltogether\b|\bin all\b/i;

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+(?=[\p{Lu}"“])|\n+/u).filter((s) => s.trim().length > 0);
}

/** Every drug quantity in the title and text, in order; lead = title or first two paragraphs. */
export function findQuantities(title: string | null, text: string, lexicon: ClusterLexicon): Quantity[] {
  const paragraphs = text.split(/\n\s*\n/);
  const leadText = paragraphs.slice(0, 2).join('\n\n');
  const rest = paragraphs.slice(2).join('\n\n');
  const out: Quantity[] = [];
  const scan = (chunk: string, lead: boolean): void => {
    for (const sentence of sentencesOf(chunk)) {
      const aggregate = AGGREGATE_CUE.test(sentence);
      for (const f of lexicon.figuresIn(sentence)) {
        out.push({
          drug: f.drug,
          kg: f.kg,
          count: f.count,
          country: null,
          aggregate,
          lead,
          ...(f.bound ? { bound: f.bound } : {}),
        });
      }
    }
  };
  if (title) scan(title, true);
  scan(leadText, true);
  scan(rest, false);
  return out;
}
