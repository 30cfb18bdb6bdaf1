/** Drug mentions in a sentence, canonicalised by config/rules/<lang>/drugs.yaml. */
import type { Drug } from '../../types.ts';
import { matchAll } from '../match-all.ts';
import { foldForLiterals, mayMatch } from '../rules/literal-prefilter.ts';
import type { SeizureTables } from './tables.ts';

export interface DrugMention {
  start: number;
  end: number;
  /** Canonical drug, or `generic` for "drugs", "the drug", "narcotics". */
  drug: Drug | 'generic';
  reason: string;
}

/** Every drug mention in `text`; where two overlap the longer (then the earlier rule) wins. */
export function findDrugMentions(t: SeizureTables, text: string): DrugMention[] {
  // Most sentences name no drug, and each pattern needs one of its words (rules/literal-prefilter.ts).
  const folded = foldForLiterals(text);
  const all: Array<DrugMention & { order: number }> = [];
  t.drugs.forEach((c, order) => {
    if (!mayMatch(c.re, folded)) return;
    for (const m of matchAll(text, c.re)) {
      all.push({
        start: m.index,
        end: m.index + m[0].length,
        drug: c.rule.drug,
        reason: c.rule.reason,
        order,
      });
    }
  });
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order);
  const kept: DrugMention[] = [];
  for (const d of all) {
    if (kept.some((k) => d.start < k.end && k.start < d.end)) continue;
    kept.push({ start: d.start, end: d.end, drug: d.drug, reason: d.reason });
  }
  return kept.sort((a, b) => a.start - b.start);
}
