/**
 * The probe battery of seizure figures (issue 9; probes and their labels in
 * figures-battery.data.ts, our own sentences). Each probe runs the whole extractor on a short
 * article and must give exactly the seizures labelled, one-to-one. `KNOWN` lists probes that
 * still fail (vitest `it.fails`, so a fix shows as a failure to move out of the list).
 */
import { describe, expect, it } from 'vitest';
import { PROBES, runProbe } from './figures-battery.data.ts';

/** Probes that still fail, with why (none at the time of writing). */
const KNOWN = new Set<string>([]);

const CLASSES: Record<number, string> = {
  1: 'drug kind',
  2: 'packaging and cover cargo',
  3: 'restatements and conversions',
  4: 'number forms',
  5: 'quantities never seized',
  8: 'hauls that are not one seizure',
  9: 'totals beside their hauls',
};

describe('figures probe battery', () => {
  it('has at least 12 probes of every class, with unique ids', () => {
    const ids = new Set(PROBES.map((p) => p.id));
    expect(ids.size).toBe(PROBES.length);
    for (const cls of Object.keys(CLASSES)) {
      expect(PROBES.filter((p) => p.cls === Number(cls)).length).toBeGreaterThanOrEqual(12);
    }
  });

  for (const [cls, name] of Object.entries(CLASSES)) {
    describe(`class ${cls}: ${name}`, () => {
      for (const p of PROBES.filter((x) => x.cls === Number(cls))) {
        const test = KNOWN.has(p.id) ? it.fails : it;
        test(`${p.id} (${p.region}) ${p.text.slice(0, 70)}`, () => {
          const r = runProbe(p);
          expect({ ok: r.ok, got: r.got }).toEqual({ ok: true, got: expect.any(Array) });
        });
      }
    });
  }
});
