/**
 * Years that are no period of a haul (issue 9): the model year of a vehicle and a birth year;
 * and "the biggest since 2019, when N tonnes were seized", which dates that earlier haul to its
 * year instead of opening a span. Six languages, sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { findPeriods } from '../../src/extract/seizures/periods.ts';

const periods = (language: string, text: string) =>
  findPeriods(loadRuleSet(language).seizures, text, '2026-06-10', null, null).map((p) => [
    p.reporting ? 'not-a-period' : p.period,
    p.reason,
  ]);

const periodsOf = (language: string, text: string, published = '2026-06-10') =>
  extractRecord(articleFromText({ url: null, title: null, text, published, language })).seizures.map(
    (s) => `${s.drug} ${s.kg} ${s.period}`,
  );

describe('a model year or a birth year is no period', () => {
  const cases: Array<[string, string, string]> = [
    [
      'en',
      'Agents stopped a 2018 Toyota pickup truck at the border and found 40 kilos of cocaine.',
      'period-model-year',
    ],
    ['en', 'The courier, born in 1991, carried 3 kilos of heroin.', 'period-birth-year'],
    [
      'de',
      'Im Kofferraum eines Audi, Baujahr 2016, fanden die Beamten 12 Kilo Kokain.',
      'period-de-model-year',
    ],
    ['de', 'Der 1985 geborene Fahrer hatte 5 Kilo Heroin dabei.', 'period-de-birth-year'],
    ['es', 'En un coche modelo 2015 los agentes hallaron 20 kilos de cocaína.', 'period-es-model-year'],
    ['es', 'El conductor, nacido en 1990, llevaba 8 kilos de hachís.', 'period-es-birth-year'],
    [
      'fr',
      'Dans une voiture modèle 2017, les gendarmes ont trouvé 15 kilos de cocaïne.',
      'period-fr-model-year',
    ],
    ['fr', 'Le conducteur, né en 1988, transportait 30 kilos de cannabis.', 'period-fr-birth-year'],
    ['nl', 'In een bestelbus, bouwjaar 2014, vond de politie 60 kilo cocaïne.', 'period-nl-model-year'],
    ['nl', 'De verdachte, geboren in 1979, had 2 kilo heroïne bij zich.', 'period-nl-birth-year'],
    ['pt', 'Num carro modelo 2012 a polícia encontrou 25 quilos de cocaína.', 'period-pt-model-year'],
    ['pt', 'O motorista, nascido em 1986, levava 7 quilos de haxixe.', 'period-pt-birth-year'],
  ];
  for (const [language, text, reason] of cases) {
    it(`${language}: ${text.slice(0, 50)}`, () => {
      expect(periods(language, text)).toEqual([['not-a-period', reason]]);
    });
  }

  it('the haul in that vehicle takes the date of the story, not the model year', () => {
    expect(
      periodsOf(
        'en',
        'On Monday, troopers stopped a 2021 Ford van on the interstate and found 9 kilograms of fentanyl powder behind a panel.',
      ),
    ).toEqual(['fentanyl 9 2026-06-08']);
  });
});

describe('"since YEAR, when ..." dates the earlier haul', () => {
  const cases: Array<[string, string, string]> = [
    [
      'en',
      'It was the largest haul since 2017, when 4 tonnes of cocaine were found on a ship.',
      'cocaine 4000 2017',
    ],
    [
      'de',
      'Es ist der größte Fund seit 2018, als 3 Tonnen Kokain im Hafen sichergestellt wurden.',
      'cocaine 3000 2018',
    ],
    [
      'es',
      'Es la mayor incautación desde 2016, cuando se decomisaron 5 toneladas de cocaína.',
      'cocaine 5000 2016',
    ],
    [
      'fr',
      "C'est la plus grosse saisie depuis 2015, lorsque 2 tonnes de cocaïne avaient été saisies.",
      'cocaine 2000 2015',
    ],
    ['nl', 'Het is de grootste vangst sinds 2019, toen 4 ton cocaïne werd onderschept.', 'cocaine 4000 2019'],
    [
      'pt',
      'É a maior apreensão desde 2019, quando foram apreendidas 9 toneladas de cocaína.',
      'cocaine 9000 2019',
    ],
  ];
  for (const [language, text, want] of cases) {
    it(`${language}: ${text.slice(0, 50)}`, () => {
      expect(periodsOf(language, text)).toEqual([want]);
    });
  }

  it('"since 2019" alone is still a span', () => {
    expect(periods('en', 'Seizures have doubled since 2019.')).toEqual([[null, 'period-range-years']]);
  });
});
