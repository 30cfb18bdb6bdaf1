/** The per-rule report: fired and right per rule id, judged by what the rule decided. */
import { describe, expect, it } from 'vitest';
import type { LabelledArticle } from '../src/score/corpus.ts';
import { formatRuleReport, ruleReport } from '../src/score/rules.ts';

const gold = (seizures: LabelledArticle['seizures']): LabelledArticle => ({
  id: 'a1',
  published: '2025-01-01',
  title: null,
  text: 'x',
  seizureStory: true,
  seizures,
  persons: [],
  organizations: [],
  places: [],
});

const s = (drug: string, kg: number, extra: Record<string, unknown> = {}) => ({
  drug,
  amount: { value: kg, unit: 'kg' },
  kg,
  count: null,
  country: 'BE',
  period: '2024',
  ...extra,
});

describe('ruleReport', () => {
  it('counts a seizure rule right when its figure is real, a period or place rule when its field is', () => {
    const labelled = [gold([s('cocaine', 100), s('heroin', 5)])];
    const records = [
      {
        id: 'a1',
        seizures: [
          s('cocaine', 100, { reasons: ['cue-seize', 'period-year-explicit', 'place-in-clause'] }),
          s('heroin', 5, {
            period: '2023',
            country: 'NL',
            reasons: ['cue-seize', 'period-year-explicit', 'place-carried'],
          }),
          s('cannabis', 7, { reasons: ['cue-find', 'drug-from-context'] }),
        ],
      },
    ];
    const r = ruleReport(labelled, records, ['cue-seize', 'cue-intercept']);
    const by = Object.fromEntries(r.rules.map((x) => [x.reason, [x.fired, x.right]]));
    expect(by).toEqual({
      'cue-seize': [2, 2],
      'period-year-explicit': [2, 1],
      'place-in-clause': [1, 1],
      'place-carried': [1, 0],
      'cue-find': [1, 0],
      'drug-from-context': [1, 0],
    });
    expect(r.neverFired).toEqual(['cue-intercept']);
    expect(r.rules[0]!.precision).toBe(0);
    expect(formatRuleReport(r)).toMatch(/never fired \(1\):\n {2}cue-intercept/);
  });
});
