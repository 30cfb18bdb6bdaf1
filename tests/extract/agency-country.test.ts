// The country of a seizing agency named by its demonym ("Moroccan police"), and the cheap skip
// of a text without any agency noun: the skip must never hide a match.
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { agencyCountry, demonymAgencyCountry } from '../../src/extract/seizures/places.ts';

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

describe('demonymAgencyCountry: the skips (no agency noun, no known demonym word) hide no match', () => {
  // Sentences of our own: the demonym before the noun (de, nl) or after it (es, fr, pt), in
  // inflected forms, other word orders, and texts where one of the two parts is missing.
  const cases: Array<[string, string, string | null]> = [
    ['de', 'Nach Angaben der österreichischen Polizei lagen 40 Kilo Heroin im Kofferraum.', 'AT'],
    ['de', 'Die niederländische Polizei fand am Montag 3 Tonnen Kokain.', 'NL'],
    ['de', 'Der Zoll fand am Montag 3 Tonnen Kokain in Bananenkisten.', null],
    ['de', 'Ein österreichischer Lastwagenfahrer wurde an der Grenze gestoppt.', null],
    ['es', 'Según la Policía boliviana, el cargamento salió de Santa Cruz.', 'BO'],
    ['es', 'Un camionero boliviano fue detenido con 200 kilos de marihuana.', null],
    ['fr', 'Selon la gendarmerie sénégalaise, la pirogue transportait du haschisch.', 'SN'],
    ['fr', 'La gendarmerie a saisi 12 kilos de cocaïne à Lyon.', null],
    ['nl', 'De Belgische politie vond 800 kilo cocaïne in een container.', 'BE'],
    ['nl', 'Een Belgische vrachtwagen werd bij de grens tegengehouden.', null],
    ['pt', 'Segundo a Polícia boliviana, a droga vinha de Cochabamba.', 'BO'],
    ['pt', 'Um caminhoneiro boliviano foi preso com 300 quilos de maconha.', null],
    ['pt', '', null],
  ];
  for (const [lang, text, want] of cases)
    it(`${lang}: ${text || '(empty)'} -> ${want}`, () => {
      const rules = loadRuleSet(lang);
      const got = demonymAgencyCountry(rules.seizures, (w) => rules.gazetteer.demonym(w), text);
      expect(got?.country ?? null).toBe(want);
    });
});
