// The country of a seizing agency named by its demonym ("Moroccan police"), and the cheap skip
// of a text without any agency noun: the skip must never hide a match.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { agencyCountry } from '../../src/extract/seizures/places.ts';

const EN = loadRuleSet('en').seizures;
const DE = loadRuleSet('de').seizures;

describe('agencyCountry', () => {
  it('finds the demonym before an agency noun', () => {
    expect(
      agencyCountry(EN, 'Late on Sunday, Peruvian police stopped a lorry near the border.')?.country,
    ).toBe('PE');
    expect(agencyCountry(EN, 'A statement from KENYAN AUTHORITIES gave no weight.')?.country).toBe('KE');
    expect(agencyCountry(EN, 'The haul, said Ghanaian customs, was hidden in yams.')?.country).toBe('GH');
  });
  it('finds nothing without an agency noun, or with the noun away from the demonym', () => {
    expect(agencyCountry(EN, 'A Peruvian lorry driver was stopped near the border.')).toBeNull();
    expect(agencyCountry(EN, 'Peruvian farmers told the police nothing.')).toBeNull();
    expect(agencyCountry(EN, '')).toBeNull();
  });
  it('reads the English demonyms in a German article too', () => {
    expect(agencyCountry(DE, 'Laut Colombian police wurde das Boot gestoppt.')?.country).toBe('CO');
    expect(agencyCountry(DE, 'Die Polizei stoppte das Boot.')).toBeNull();
  });
});
