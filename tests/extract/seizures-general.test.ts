/**
 * The general forms of rules that used to be keyed to one article (bare numbers in lists, the
 * "palm" unit, ranking and summing phrases) and how dates attach to a haul (a date given a few
 * sentences later, "a day earlier" counted from the date just named). Own sentences only.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/parse.ts';
import { defaultRuleSet } from '../../src/extract/rules/ruleset.ts';
import { extractSeizures } from '../../src/extract/seizures/index.ts';
import { findPeriods as findPeriodsOf } from '../../src/extract/seizures/periods.ts';
import { findQuantities as findQuantitiesOf } from '../../src/extract/seizures/quantities.ts';
import { mentionsOf } from '../helpers/place-mentions.ts';

const EN = defaultRuleSet().seizures;
const findQuantities = (text: string) => findQuantitiesOf(EN, text);
const findPeriods = (text: string, published: string | null, anchor: string | null = null) =>
  findPeriodsOf(EN, text, published, anchor);

const PLACES: Record<string, string> = {
  Lagos: 'NG',
  Abuja: 'NG',
  Kano: 'NG',
  Enugu: 'NG',
  Cadiz: 'ES',
  Huelva: 'ES',
  Rotterdam: 'NL',
  Antwerp: 'BE',
};

const mentions = (parsed: ReturnType<typeof parseText>) =>
  mentionsOf(
    Object.fromEntries(Object.entries(PLACES).map(([n, country]) => [n, { country, kind: 'city' as const }])),
    parsed,
  );

function run(text: string, published: string | null = '2025-11-20', title: string | null = null) {
  const parsed = parseText({ title, text, published });
  return extractSeizures(parsed, mentions(parsed));
}

const figures = (text: string) => findQuantities(text).map((q) => [q.value, q.unit]);

describe('bare numbers take a unit only from a seizure list', () => {
  it('never reads counts of people in brackets after place names', () => {
    const text =
      'The Guardia Civil seized 2 tonnes of hashish and arrested suspects in Cadiz (15) and Huelva (3).';
    expect(figures(text)).toEqual([[2, 't']]);
    expect(run(text).seizures.map((s) => s.amount.value)).toEqual([2]);
  });

  it('reads bracketed figures that continue a list of places with amounts', () => {
    expect(
      figures('Customs seized 14.5 kilos of heroin in Lagos, Abuja (25.4) and Kano (3.1) this year.'),
    ).toEqual([
      [14.5, 'kg'],
      [25.4, 'kg'],
      [3.1, 'kg'],
    ]);
    expect(figures('Seizures by city: Lagos with 80 kilos, Abuja (25.4) and Enugu (7).')).toEqual([
      [80, 'kg'],
      [25.4, 'kg'],
      [7, 'kg'],
    ]);
  });

  it('needs a seizure word in the sentence', () => {
    expect(figures('Lagos reported 80 kilos, Abuja (25.4) and Enugu (7).')).toEqual([[80, 'kg']]);
  });

  it('never turns an arrest count after a haul into a figure', () => {
    for (const text of [
      'Police seized 2,500 kilograms of cocaine in Lagos and 1,240 were arrested.',
      'Police seized 2,500 kilograms of cocaine in Lagos and 1,240 in the city were later charged.',
      'Police seized 2,500 kilograms of cocaine in Lagos, and 1,240 were found guilty.',
      'Officers seized 800 kilos of cannabis and 3,400 vehicles were checked.',
    ]) {
      expect(figures(text), text).toHaveLength(1);
      expect(run(text).seizures, text).toHaveLength(1);
    }
  });

  it('reads a grouped figure followed by a seizure verb, and a parallel "N in Place" list', () => {
    expect(
      figures(
        "Of all the cannabis seized, 2'120 were impounded in Kano; 310 kilos in Abuja and 1'090 in Enugu.",
      ),
    ).toEqual([
      [2120, 'kg'],
      [310, 'kg'],
      [1090, 'kg'],
    ]);
  });
});

describe('the "palm" unit', () => {
  it('is a count only before "of hashish" or "of resin"', () => {
    expect(figures('Agents seized 300 palms of hashish.')).toEqual([[300, 'units']]);
    expect(figures('Agents seized 12 palms of cannabis resin.')).toEqual([[12, 'units']]);
    expect(figures('The farm had 300 palms in rows.')).toEqual([]);
    expect(figures('Police found 2 kg of cocaine buried under 40 palms near the beach.')).toEqual([
      [2, 'kg'],
    ]);
  });
});

describe('ranking and summing phrases (aggregate)', () => {
  const agg = (text: string, published: string | null = null) =>
    run(text, published).seizures.map((s) => [s.amount.value, s.aggregate]);

  it('a ranking of areas is a set of totals', () => {
    expect(
      agg('Among cocaine seizures, Lagos led with 300 kilos, followed by Abuja with 120 kilos.'),
    ).toEqual([
      [300, true],
      [120, true],
    ]);
    expect(agg('For heroin hauls, Kano was top of the list with 40 kilos.')).toEqual([[40, true]]);
  });

  it('"followed by", "ranked second", "amounted to" alone do not make one haul a total', () => {
    expect(
      agg('Police seized 300 kg of cocaine in Lagos, an operation followed by several arrests.'),
    ).toEqual([[300, false]]);
    expect(agg('The haul ranked second this decade after 55 kilos of heroin confiscated in Kano.')).toEqual([
      [55, false],
    ]);
    expect(agg('Customs said the cocaine found in the truck amounted to 300 kg.')).toEqual([[300, false]]);
  });

  it('hauls summed in an area are a total', () => {
    expect(
      agg('Heroin hauls in Kano amounted to only 2.2 kilos, 3.1 kilos in Abuja and 5.6 kilos in Enugu.'),
    ).toEqual([
      [2.2, true],
      [3.1, true],
      [5.6, true],
    ]);
  });

  it('"one of them" names a single haul even in a sentence with a year', () => {
    expect(
      agg('In 2024 customs seized two containers in Lagos, one of them holding 500 kg of cocaine.'),
    ).toEqual([[500, false]]);
  });
});

describe('relative days count from the date just named', () => {
  const period = (text: string, anchor: string | null = null, published = '2025-11-20') =>
    findPeriods(text, published, anchor).map((p) => p.period);

  it('counts from a date earlier in the sentence, else the anchor, else publication', () => {
    expect(period('On November 3 police raided a farm; two days later they seized a truck.')).toEqual([
      '2025-11-03',
      '2025-11-05',
    ]);
    expect(period('A day earlier, agents had searched the port.', '2025-10-15')).toEqual(['2025-10-14']);
    expect(period('The previous day, agents had searched the port.')).toEqual(['2025-11-19']);
    expect(period('The next day the boat was towed.', '2025-12-31')).toEqual(['2026-01-01']);
  });

  it('leaves "the day before the raid" alone', () => {
    expect(period('The day before the raid, officers watched the house.')).toEqual([]);
  });

  it('dates the second haul from the first one, across sentences', () => {
    const s = run(
      'On November 3, police seized 50 kg of cocaine in Lagos. Two days later, they seized 20 kg of heroin in Abuja.',
    ).seizures;
    expect(s.map((x) => [x.drug, x.period])).toEqual([
      ['cocaine', '2025-11-03'],
      ['heroin', '2025-11-05'],
    ]);
  });

  it('counts "the previous day" from a weekday and "a day earlier" from "yesterday"', () => {
    expect(
      run(
        'Officers seized 12 kg of heroin in Kano on Monday. The previous day, agents had seized 5 kg of cocaine in Enugu.',
      ).seizures.map((x) => x.period),
    ).toEqual(['2025-11-17', '2025-11-16']);
    expect(
      run(
        'Police seized 50 kg of cocaine in Lagos yesterday. A day earlier they found 3 kg of heroin in Abuja.',
      ).seizures.map((x) => x.period),
    ).toEqual(['2025-11-19', '2025-11-18']);
  });
});

describe('a date given a few sentences after the haul', () => {
  const dateOf = (text: string, title: string | null = null) =>
    run(text, '2025-09-05', title).seizures.map((s) => s.period);

  it('attaches when the later sentence speaks of the haul and how it was taken', () => {
    const head = 'The navy seized 400 kg of methamphetamine off Lagos. The crew of five was detained.';
    expect(dateOf(`${head} The shipment had been intercepted on Tuesday, officials said.`)).toEqual([
      '2025-09-02',
    ]);
    expect(
      dateOf(`${head} Two were later released. The meth was found on 2 September in fuel tanks.`),
    ).toEqual(['2025-09-02']);
    expect(dateOf(`${head} The vessel was boarded on Tuesday after a chase.`)).toEqual(['2025-09-02']);
    expect(dateOf(`${head} It was intercepted on Tuesday.`)).toEqual(['2025-09-02']);
  });

  it('dates a haul told only in the title', () => {
    expect(
      dateOf(
        'The crew of five was detained. The vessel was intercepted on Tuesday, September 2.',
        'Navy seizes 400 kg of meth',
      ),
    ).toEqual(['2025-09-02']);
  });

  it('does not attach a date about something else, or after a separate case', () => {
    const head = 'The navy seized 400 kg of methamphetamine off Lagos. The crew of five was detained.';
    expect(dateOf(`${head} The suspects appeared in court on Tuesday.`)).toEqual([null]);
    expect(dateOf(`${head} In a separate case, the drugs found in a van were seized on Tuesday.`)).toEqual([
      null,
    ]);
    expect(
      dateOf(`${head} One. Two. Three. Four. Five. Six. The shipment had been intercepted on Tuesday.`),
    ).toEqual([null]);
  });
});
