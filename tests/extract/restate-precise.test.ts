/**
 * Issue 9, class 8: one haul stated as a rounded or hedged figure and as a precise one is one
 * entry that takes the precise mass (more significant digits, no "about / more than / nearly"),
 * whichever comes first, also where the precise one is a subheading of the text; its evidence
 * is the precise statement. Two hauls whose figures differ beyond rounding, or whose own dates
 * differ, stay two entries. Sentences of our own, in six languages.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const record = (language: string, title: string | null, text: string) =>
  extractRecord(articleFromText({ url: null, title, text, published: '2026-04-20', language }));

const figures = (language: string, title: string | null, text: string) =>
  record(language, title, text).seizures.map((s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}`);

type Case = [string, string | null, string, string[]];

const run = (cases: Case[]) =>
  it.each(cases)('[%s] %s | %s', (language, title, text, want) => {
    expect(figures(language, title, text)).toEqual(want);
  });

describe('the precise figure of a haul wins over its hedged restatement', () => {
  run([
    // a precise subheading above a hedged body sentence
    [
      'fr',
      null,
      "Coup de filet des douaniers au port de Sète.\n\n437 kilos d'héroïne saisis sur un cargo\n\nLes agents ont saisi près de 430 kg d'héroïne le 12 avril dans la cale d'un cargo turc.",
      ['heroin 437'],
    ],
    [
      'en',
      null,
      'Border officers made one of their largest finds of the year.\n\n263 kilos of methamphetamine found in a lorry\n\nOfficers at Dover seized around 260 kg of methamphetamine from a lorry on Thursday.',
      ['methamphetamine 263'],
    ],
    // precise first, hedged restatement after it
    [
      'en',
      null,
      'Police in Leeds seized 2,045 kilograms of cannabis resin on Tuesday. The haul of more than two tonnes had been hidden behind pallets of tiles.',
      ['hashish 2045'],
    ],
    [
      'de',
      null,
      'Zollbeamte in Bremerhaven stellten 1.184 Kilogramm Kokain in einem Bananencontainer sicher. Die rund 1,2 Tonnen Kokain sollten nach Polen gehen.',
      ['cocaine 1184'],
    ],
    // hedged first, precise after it
    [
      'es',
      null,
      'La Guardia Civil intervino casi 500 kilos de cocaína en el puerto de Vigo. Según el pesaje oficial, la droga intervenida sumaba 487,6 kilos.',
      ['cocaine 487.6'],
    ],
    [
      'nl',
      null,
      'De douane heeft in de haven van Vlissingen ruim 700 kilo cocaïne onderschept. Na weging bleek het om 731 kilo cocaïne te gaan.',
      ['cocaine 731'],
    ],
    [
      'pt',
      null,
      'A Polícia Federal apreendeu cerca de 3 toneladas de maconha em Foz do Iguaçu. O total pesado foi de 2.912 quilos de maconha.',
      ['cannabis 2912'],
    ],
    // rounded in the headline only
    [
      'en',
      'Nearly 3 tonnes of cocaine found on banana ship',
      'Customs officers in Southampton found 2,874 kilograms of cocaine hidden in a banana shipment on Friday.',
      ['cocaine 2874'],
    ],
  ]);
});

describe('the evidence is the precise statement', () => {
  it('keeps the precise subheading as evidence', () => {
    const r = record(
      'fr',
      null,
      "Coup de filet des douaniers au port de Sète.\n\n437 kilos d'héroïne saisis sur un cargo\n\nLes agents ont saisi près de 430 kg d'héroïne le 12 avril dans la cale d'un cargo turc.",
    );
    expect(r.seizures).toHaveLength(1);
    expect(r.seizures[0]?.evidence).toContain('437 kilos');
    expect(r.seizures[0]?.reasons).toContain('merged-restatement');
  });
  it('keeps the body sentence, not the headline, where the body is precise', () => {
    const r = record(
      'en',
      'Nearly 3 tonnes of cocaine found on banana ship',
      'Customs officers in Southampton found 2,874 kilograms of cocaine hidden in a banana shipment on Friday.',
    );
    expect(r.seizures[0]?.evidence).toContain('2,874 kilograms');
  });
});

describe('where the digits tie, the body figure wins over the headline, hedged or not', () => {
  // "12 tonnes" and "more than 26,000 pounds" have two significant digits each: the body states
  // the haul in the unit it was weighed in; the headline rounds a conversion.
  run([
    [
      'en',
      'Cutter brings home 12 tonnes of cocaine',
      'Sailors offloaded more than 26,000 pounds of cocaine at the pier in Miami on Friday, officials said.',
      ['cocaine 11793.40162'],
    ],
    [
      'es',
      'Decomisan 3 toneladas de cocaína en el puerto',
      'Los agentes incautaron más de 3.100 kilos de cocaína el viernes en un contenedor de plátanos.',
      ['cocaine 3100'],
    ],
  ]);
});

describe('two hauls that are not restatements stay two entries', () => {
  run([
    // beyond the tolerance of rounding
    [
      'en',
      null,
      'Officers in Hull seized 1,200 kilograms of cocaine from a container. A week later they found 1,450 kilograms of cocaine in a second container.',
      ['cocaine 1200', 'cocaine 1450'],
    ],
    // a lower bound that excludes the other figure
    [
      'es',
      null,
      'La Policía incautó más de 3 toneladas de hachís en Almería. En otra operación en Motril se intervinieron 2.640 kilos de hachís.',
      ['hashish 3000', 'hashish 2640'],
    ],
    // close values, different years
    [
      'de',
      null,
      'Im Jahr 2024 stellte der Zoll in Hamburg 12 Tonnen Kokain sicher. Im Jahr 2025 waren es 12,1 Tonnen Kokain.',
      ['cocaine 12000', 'cocaine 12100'],
    ],
  ]);
});
