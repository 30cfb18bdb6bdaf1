/**
 * Seizure figures in shapes the rules used to miss (issue 9, classes 4 and 9): fractions written
 * in words or digits, what a seized parcel, bag or pellet held, a find "turned up", a second item
 * of one haul joined by "along with", plant leaves as a drug (no verb "leaves"), and a liquid that
 * held "the equivalent of" a mass. Sentences of our own, never corpus text.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const figures = (text: string, language = 'en') =>
  extractRecord(articleFromText({ url: null, title: null, text, published: '2026-03-10', language }))
    .seizures.map((s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}`)
    .sort();

describe('fractions', () => {
  const cases: Array<[string, string, string[]]> = [
    ['en', 'Coastguards seized three-quarters of a ton of cocaine from a speedboat.', ['cocaine 750']],
    ['en', 'Police found 1½ kg of heroin in the boot of the car.', ['heroin 1.5']],
    [
      'en',
      'Officers recovered 2 1/2 pounds of methamphetamine from the motel room.',
      ['methamphetamine 1.133980925'],
    ],
    ['en', 'Agents seized 12 kg of cocaine at the airport.', ['cocaine 12']],
    ['de', 'Der Zoll stellte eine dreiviertel Tonne Haschisch sicher.', ['hashish 750']],
    ['es', 'La policía incautó tres cuartos de tonelada de cocaína en el puerto.', ['cocaine 750']],
    ['fr', 'Les douaniers ont saisi trois quarts de tonne de cannabis.', ['cannabis 750']],
    ['nl', 'De douane nam driekwart ton cocaïne in beslag.', ['cocaine 750']],
    ['pt', 'A polícia apreendeu três quartos de tonelada de haxixe.', ['hashish 750']],
  ];
  for (const [lang, text, want] of cases)
    it(`${lang}: ${text}`, () => expect(figures(text, lang)).toEqual(want));
});

describe('what a seized container held; a find turned up', () => {
  const cases: Array<[string, string[]]> = [
    [
      'Border guards opened a courier parcel at the depot. The parcel, sent from abroad, held 640 ecstasy tablets.',
      ['mdma 640 tablets'],
    ],
    [
      'A man was stopped at the station. His rucksack, which he said belonged to a friend, contained 3 kilos of cannabis.',
      ['cannabis 3'],
    ],
    [
      'Doctors at the hospital monitored the traveller. The capsules held a total of 780 grams of heroin.',
      ['heroin 0.78'],
    ],
    ['A search of the cellar by detectives turned up about 40 kg of amphetamine paste.', ['amphetamine 40']],
    ['A week-long sweep of the harbour turned up nearly a quarter of a tonne of hashish.', ['hashish 250']],
  ];
  for (const [text, want] of cases) it(text, () => expect(figures(text)).toEqual(want));
  it('no haul where a building "held" people or the containers are the figure', () => {
    expect(figures('The prison, built for 200 inmates, held 530 on Sunday.')).toEqual([]);
    expect(figures('Police seized 90 kg of cocaine. Of those, 30 bags contained cocaine paste.')).toEqual([
      'cocaine 90',
    ]);
  });
});

describe('a second item of one haul; leaves; equivalent', () => {
  const cases: Array<[string, string[]]> = [
    [
      'Detectives found 120 cannabis plants in the loft, along with 6.5 kilos of dried herb.',
      ['cannabis 120 plants', 'cannabis 6.5'],
    ],
    [
      'Rangers uprooted 3,000 plants and burned 9 kilos of dried cannabis leaves near the river.',
      ['cannabis 3000 plants', 'cannabis 9'],
    ],
    ['Farmers were found with 40 kilos of khat leaves at the checkpoint.', ['khat 40']],
    [
      'Customs stopped a tanker of syrup. Chemists said the liquid held the equivalent of some 25 kilograms of cocaine.',
      ['cocaine 25'],
    ],
    ['The lab had the equivalent of 500 kilograms of methamphetamine in precursor stock, police found.', []],
  ];
  for (const [text, want] of cases) it(text, () => expect(figures(text)).toEqual(want));
});
