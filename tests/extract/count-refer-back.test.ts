/**
 * Issue 9, class 2: one haul told as a count of packs with its drug, then the containers they
 * came in (no drug of their own), then a mass that refers back to the haul: the mass takes the
 * count of the packs, and the containers are no figure of their own. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const figures = (language: string, text: string) =>
  extractRecord(
    articleFromText({ url: null, title: null, text, published: '2026-06-10', language }),
  ).seizures.map((s) => `${s.drug} ${s.kg ?? '-'} ${s.count ?? '-'} ${s.countUnit ?? '-'}`);

describe('a mass referring back takes the count told with the drug', () => {
  it.each([
    [
      'en',
      'Coastguards recovered 62 wrapped bricks of cocaine drifting off Cape Verde on Monday. Sailors retrieved four bales tied together with rope. Weighing on deck placed the contraband at roughly 68 kilograms.',
      ['cocaine 68 62 bricks'],
    ],
    [
      'en',
      'Fishermen found 30 sealed packets of heroin near a reef on Tuesday. Divers retrieved two crates from the seabed. A scale at the harbour placed the haul at nearly 32 kilograms.',
      ['heroin 32 30 packages'],
    ],
  ])('[%s] %s', (language, text, want) => {
    expect(figures(language, text)).toEqual(want);
  });
});

describe('what does not refer back stays apart', () => {
  it('a later mass of another haul keeps no count', () => {
    expect(
      figures(
        'en',
        'Police seized 40 packets of cocaine in a van in Hull on Monday. The team also found two bags in a garage. In a separate raid in York, officers seized 12 kilograms of cannabis.',
      ),
    ).toContain('cannabis 12 - -');
  });
});
