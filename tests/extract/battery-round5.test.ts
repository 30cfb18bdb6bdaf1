/**
 * The round 5 probe battery of issue 9 (tests/extract/battery/round5-probes.ts): own articles
 * for the general causes of the held-out v6 misses. `npx tsx tests/extract/battery/probe-report.ts round5`
 * prints the failure rate per cause. Probes in OPEN still fail (vitest `it.fails`, so a fix shows).
 */
import { describe, expect, it } from 'vitest';
import { round5, runRound5 } from './battery/round5-probes.ts';

/** Probes left open, with why. */
const OPEN: Record<string, string> = {
  // "Male" (the Maldives' capital) is no place mention: a common English word.
  D03: 'country',
  // Not fixed this round (figures): a lead figure
  // over two drugs that restates the sum of their body figures; "smuggling N seized at X".
  // (N02, "out of five pills ... 1 milligram", fixed by the ratio and dosage rows of figure-cues.yaml.)
  F07: 'exact',
  F08: 'exact',
  F10: 'figure',
  // Not fixed this round (places): "South Island". (N03, "X of Tempe", and N04, Welsh "ap", fixed
  // by the person-name-enders row and the particles of titles-roles.yaml, branch entities2.)
  N07: 'places',
};

describe('round 5 probe battery', () => {
  it('has unique ids', () => {
    expect(new Set(round5.map((p) => p.id)).size).toBe(round5.length);
  });
  for (const probe of round5) {
    const test = OPEN[probe.id] ? it.fails : it;
    test(`${probe.id} (${probe.cause}) ${probe.text.slice(0, 60)}`, () => {
      expect(runRound5(probe)).toEqual([]);
    });
  }
});
