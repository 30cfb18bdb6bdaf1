/** Negative frames (config/rules/<lang>/negative-frames.yaml): is this quantity not a seizure figure? */
import type { AmountUnit } from '../../types.ts';
import { foldForLiterals, mayMatch } from '../rules/literal-prefilter.ts';
import type { SeizureTables } from './tables.ts';

/**
 * Reason of the first negative frame that applies, else null. `before` is the clause text up to
 * the number, `after` the text from the unit to the next figure, `object` the words right after
 * the unit, `rest` the sentence after the figure (not read when `seizedBefore`, a seizure word in
 * the clause before the number); `boundToDrug` skips the object frames (the quantity is "of cocaine").
 */
export function negativeFrame(
  t: SeizureTables,
  before: string,
  after: string,
  boundToDrug: boolean,
  sentenceBefore = before,
  unit: AmountUnit | null = null,
  rest = after,
  seizedBefore = false,
): string | null {
  // Each window folded once, for the prefilter (rules/literal-prefilter.ts).
  const folded = new Map<string, string>();
  for (const f of t.frames) {
    const w = f.rule.window;
    if (f.rule.units && (unit === null || !f.rule.units.includes(unit))) continue;
    if (w === 'object' && boundToDrug) continue;
    // "seized 5 kg in the car, but no drugs were found in the house": a later negation speaks of
    // another search when the figure's own clause already says it was seized.
    if (w === 'rest' && seizedBefore) continue;
    const text = w === 'before' ? before : w === 'sentence' ? sentenceBefore : w === 'rest' ? rest : after;
    let fold = folded.get(w);
    if (fold === undefined) {
      fold = foldForLiterals(text);
      folded.set(w, fold);
    }
    if (mayMatch(f.re, fold) && f.re.test(text)) {
      return f.rule.reason;
    }
  }
  return null;
}
