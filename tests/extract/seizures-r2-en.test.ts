/**
 * Second round on English figures (issue 9): a total of "the drugs" names no kind, and figures
 * that were never seized (estimates of a trade, legal thresholds, the content of one pill, a
 * hypothetical trade, goods that are not drugs). Own sentences only, each with a control that
 * keeps the seizure it must keep.
 */
import { describe, expect, it } from 'vitest';
import { parseText } from '../../src/extract/parse.ts';
import { extractSeizures } from '../../src/extract/seizures/index.ts';
import { mentionsOf } from '../helpers/place-mentions.ts';

const PLACES: Record<string, string> = { Mombasa: 'KE', Durban: 'ZA', Valparaiso: 'CL', Manzanillo: 'MX' };

function run(text: string, published: string | null = '2026-06-10') {
  const parsed = parseText({ title: null, text, published });
  const mentions = mentionsOf(
    Object.fromEntries(Object.entries(PLACES).map(([n, country]) => [n, { country, kind: 'city' as const }])),
    parsed,
  );
  return extractSeizures(parsed, mentions).seizures;
}

const figures = (text: string) => run(text).map((s) => [s.drug, s.kg ?? s.amount.value]);

describe('a total of "the drugs" counts every kind', () => {
  it('does not give a running total the drug of the last case', () => {
    const text =
      'Customs officers in Mombasa found 12 kilograms of heroin in a suitcase on Monday. ' +
      'That find takes the drugs the agency has seized since January to 2.7 tonnes, up from 1.4 tonnes in 2025.';
    const out = run(text);
    expect(out.find((s) => s.kg === 12)?.drug).toBe('heroin');
    expect(out.filter((s) => s.kg === 2700 || s.kg === 1400).map((s) => [s.drug, s.aggregate])).toEqual([
      ['unspecified', true],
      ['unspecified', true],
    ]);
  });

  it('keeps the kind of a total that names its drug', () => {
    const text =
      'Police in Durban seized 30 kilograms of cocaine at the harbour on Friday. ' +
      'The unit has now seized 900 kilograms of cocaine since January, the police said.';
    const total = run(text).find((s) => s.kg === 900);
    expect(total?.drug).toBe('cocaine');
  });

  it('keeps "the drugs" of a single haul referring back', () => {
    const text =
      'Navy divers found cocaine strapped to the hull of a freighter at Valparaiso on Tuesday. ' +
      'The drugs weighed 48 kilograms, the navy said.';
    expect(figures(text)).toContainEqual(['cocaine', 48]);
  });
});

describe('figures that were never seized', () => {
  it('drops a trade estimate written as "put the flow at"', () => {
    const text =
      'Marines seized 600 kilograms of cocaine off Manzanillo on Sunday. ' +
      'A university survey released in March put the yearly cocaine flow along the Pacific coast at around 250 tonnes.';
    expect(figures(text)).toEqual([['cocaine', 600]]);
  });

  it('keeps an official weight written as "put the haul at"', () => {
    const text =
      'Port police in Durban seized a container of cocaine on Monday and put the haul at 1.5 tonnes.';
    expect(figures(text)).toContainEqual(['cocaine', 1500]);
  });

  it('drops an estimate with words between the verb and "that"', () => {
    const text =
      'Coast guards seized 210 kilograms of heroin off Mombasa last week. ' +
      'An NGO estimated in its latest survey that about 40 tonnes of heroin cross East Africa every year.';
    expect(figures(text)).toEqual([['heroin', 210]]);
  });

  it('drops a legal threshold for loads above a weight', () => {
    const text =
      'Agents at the Durban airport seized 3 kilograms of methamphetamine from a courier on Friday. ' +
      'Prosecutors usually ask for life terms in cases over 1 kilogram of methamphetamine.';
    expect(figures(text)).toEqual([['methamphetamine', 3]]);
  });

  it('keeps a single load of more than a weight', () => {
    const text = 'Officers in Mombasa seized a load of more than 400 kilograms of cannabis on Thursday.';
    expect(figures(text)).toEqual([['cannabis', 400]]);
  });

  it('drops the content of one pill', () => {
    const text =
      'Police in Manzanillo seized 20,000 fentanyl pills on Monday. ' +
      'Tests found the tablets held roughly 1.5 milligrams of fentanyl each, police said.';
    expect(run(text).some((s) => s.amount.unit === 'mg')).toBe(false);
    expect(run(text).map((s) => s.amount.value)).toContain(20000);
  });

  it('drops a hypothetical trade of tonnes', () => {
    const text =
      'The unit seized 800 kilograms of cocaine in Valparaiso this month. ' +
      '"We would happily swap five tonnes of powder for one arrest of a money launderer," the commander said.';
    expect(figures(text)).toEqual([['cocaine', 800]]);
  });

  it('drops spirits and antibiotics seized beside drugs', () => {
    const text =
      'Customs in Mombasa seized 90 kilograms of cannabis and 2,500 litres of spirits from a warehouse on Friday. ' +
      'Also in the truck were 300 kilograms of antibiotics in sacks.';
    expect(figures(text)).toEqual([['cannabis', 90]]);
  });
});

describe('a haul taken off a craft', () => {
  it('reads "took N off a boat" as a seizure', () => {
    const text = 'On Friday marines took 310 kilograms of cocaine off a speedboat near Manzanillo.';
    expect(figures(text)).toEqual([['cocaine', 310]]);
  });

  it('does not read people taken off a ferry as a figure', () => {
    const text = 'Rescuers took 14 passengers off the ferry near Durban on Monday.';
    expect(run(text)).toEqual([]);
  });
});
