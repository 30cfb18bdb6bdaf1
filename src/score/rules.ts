/**
 * The per-rule report (`seizurewatch score DIR --rules`): for every rule id a seizure's
 * `reasons` name, how often it fired on the corpus and how often it was right, so a weak rule
 * is visible before it ships. "Right" is judged by what the rule decided: a period rule by the
 * period of a matched seizure, a place rule by its country, every other rule by the seizure
 * being a real one (matched one-to-one to a labelled seizure). Rules of the tables that never
 * fired are listed too. Pure: takes the labels and the records.
 */
import type { LabelledArticle } from './corpus.ts';
import { matchOneToOne, type SeizureLike, seizuresMatch } from './metrics.ts';

export interface RuleStat {
  reason: string;
  /** What "right" means for the rule. */
  judged: 'period' | 'country' | 'seizure';
  fired: number;
  right: number;
  /** right / fired (1 when it never fired). */
  precision: number;
}

export interface RuleReport {
  rules: RuleStat[];
  /** Rule ids of the language's seizure tables that never fired on the corpus. */
  neverFired: string[];
}

type ReasonedSeizure = SeizureLike & { reasons?: string[] };

const judgedBy = (reason: string): RuleStat['judged'] =>
  reason.startsWith('period-') ? 'period' : reason.startsWith('place-') ? 'country' : 'seizure';

export function ruleReport(
  labelled: LabelledArticle[],
  records: Array<{ id: string; seizures: ReasonedSeizure[] }>,
  knownReasons: Iterable<string> = [],
): RuleReport {
  const byId = new Map(records.map((r) => [r.id, r]));
  const stats = new Map<string, RuleStat>();
  for (const gold of labelled) {
    const pred = byId.get(gold.id)?.seizures ?? [];
    const pairs = new Map(matchOneToOne(gold.seizures, pred, seizuresMatch).map(([g, p]) => [p, g]));
    pred.forEach((s, j) => {
      const gi = pairs.get(j);
      const g = gi === undefined ? undefined : gold.seizures[gi];
      for (const reason of new Set(s.reasons ?? [])) {
        const judged = judgedBy(reason);
        const st = stats.get(reason) ?? { reason, judged, fired: 0, right: 0, precision: 1 };
        st.fired++;
        const right =
          g !== undefined &&
          (judged === 'period'
            ? (g.period ?? null) === (s.period ?? null)
            : judged === 'country'
              ? (g.country ?? null) === (s.country ?? null)
              : true);
        if (right) st.right++;
        stats.set(reason, st);
      }
    });
  }
  const rules = [...stats.values()]
    .map((s) => ({ ...s, precision: s.fired === 0 ? 1 : s.right / s.fired }))
    .sort((a, b) => a.precision - b.precision || b.fired - a.fired || a.reason.localeCompare(b.reason));
  const neverFired = [...new Set(knownReasons)].filter((r) => !stats.has(r)).sort();
  return { rules, neverFired };
}

/** The report as a table, weakest rules first. */
export function formatRuleReport(r: RuleReport): string {
  const out = ['rule                                         judged by  fired  right  precision'];
  for (const s of r.rules)
    out.push(
      `${s.reason.padEnd(44)} ${s.judged.padEnd(10)} ${String(s.fired).padStart(5)}  ${String(s.right).padStart(5)}  ${s.precision.toFixed(3)}`,
    );
  if (r.neverFired.length > 0) {
    out.push('', `never fired (${r.neverFired.length}):`);
    for (let i = 0; i < r.neverFired.length; i += 4) out.push(`  ${r.neverFired.slice(i, i + 4).join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}
