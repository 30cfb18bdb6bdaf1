/**
 * Figures in a list of things seized (issue 9, class 1): one figure a line with no verb of its
 * own, under a lead that tells of the seizure ("Police seized:", "Sichergestellt wurden:"), as
 * bullets, item numbers or <br>-separated lines; and lists that are not seizures (a price list,
 * the charges laid, a table of estimates). Sentences of our own, never corpus text.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { parseText } from '../../src/extract/parse.ts';

const figures = (text: string, language = 'en') =>
  extractRecord(articleFromText({ url: null, title: null, text, published: '2026-03-10', language }))
    .seizures.map((s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}`)
    .sort();

describe('list lines are sentences of their own', () => {
  it('splits bullets, item numbers and lines after a colon, with their offsets', () => {
    const text =
      'Officers found:\n- 2 kg of heroin\n* 40 ecstasy pills\n\nAlso:\n3) 12 g of crack\n4) a knife';
    const p = parseText({ title: null, text, published: null });
    const items = p.sentences.filter((s) => s.listItem).map((s) => s.text);
    expect(items).toEqual(['- 2 kg of heroin', '* 40 ecstasy pills', '3) 12 g of crack', '4) a knife']);
    for (const s of p.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
  it('leaves prose with a hyphen or a line break alone', () => {
    const p = parseText({
      title: null,
      text: 'Police in the north-west seized 5 kg.\nThe raid took place at dawn.',
      published: null,
    });
    expect(p.sentences.some((s) => s.listItem)).toBe(false);
  });
});

describe('English: items seized, one a line', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'bullets under a lead with a seizure verb',
      'Detectives searched two flats in the east of the city on Friday.\n\nPolice seized:\n• 2.4 kg of cocaine\n• 650 grams of ketamine\n• 1,200 diazepam tablets\n• £14,000 in cash',
      ['cocaine 2.4', 'ketamine 0.65', 'unspecified 1200 tablets'],
    ],
    [
      'dashes, a count and a mass of one drug on one line',
      'Border officers stopped a lorry at the port on Monday. Items recovered from the trailer include:\n- 55 cannabis plants and 9 kilos of cannabis resin\n- 300 g of amphetamine',
      ['amphetamine 0.3', 'cannabis 55 plants', 'hashish 9'],
    ],
    [
      'numbered items after a heading',
      'A search of the farmhouse turned up a hidden room.\n\nDrugs found in the property\n\n1. 18 kg of heroin\n2. 2,000 tramadol pills\n3. 4 litres of GHB',
      ['ghb 4 liters', 'heroin 18', 'tramadol 2000 pills'],
    ],
    [
      '<br>-separated lines without bullets',
      'Customs officers intercepted the yacht off the coast and seized:\n380 kilograms of cocaine\n45 kilograms of methamphetamine\ntwo satellite phones',
      ['cocaine 380', 'methamphetamine 45'],
    ],
    [
      'a line the lead does not claim (cash, a weapon) does not end the list',
      'The following were seized during the operation:\n* a handgun\n* $3,000 in cash\n* 210 grams of fentanyl powder\n* 75 LSD tablets',
      ['fentanyl 0.21', 'lsd 75 tablets'],
    ],
  ];
  for (const [name, text, want] of cases) it(name, () => expect(figures(text)).toEqual(want));
});

describe('English: lists that are not seizures', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'a price list after a haul',
      'Police seized 3 kg of cocaine in the raid.\n\nStreet prices quoted by the charity:\n- 1 gram of cocaine: £80\n- 10 ecstasy pills: £50',
      ['cocaine 3'],
    ],
    [
      'the list of arrests',
      'Officers seized 12 kg of cannabis at the depot.\n\nThose arrested:\n- a 34-year-old man from the town\n- two women aged 21 and 25',
      ['cannabis 12'],
    ],
    [
      'a table of yearly estimates',
      'Police seized 40 kg of heroin last month.\n\nEstimated heroin production in the region:\n- 2022: 320 tonnes\n- 2023: 290 tonnes\n- 2024: 350 tonnes',
      ['heroin 40'],
    ],
  ];
  for (const [name, text, want] of cases) it(name, () => expect(figures(text)).toEqual(want));
});

describe('five more languages: a list of things seized', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'de',
      'Die Polizei durchsuchte am Dienstag eine Wohnung in der Altstadt.\n\nSichergestellt wurden:\n- 3,5 Kilogramm Kokain\n- 800 Gramm Amphetamin\n- 120 Ecstasy-Tabletten',
      ['amphetamine 0.8', 'cocaine 3.5', 'mdma 120 tablets'],
    ],
    [
      'es',
      'La Guardia Civil registró una nave industrial en las afueras.\n\nSe incautaron:\n• 52 kilos de hachís\n• 3 kilos de cocaína\n• 15.000 euros en efectivo',
      ['cocaine 3', 'hashish 52'],
    ],
    [
      'fr',
      'Les douaniers ont contrôlé un camion sur l’autoroute.\n\nOnt été saisis :\n- 74 kilos de résine de cannabis\n- 2 kilos d’héroïne',
      ['hashish 74', 'heroin 2'],
    ],
    [
      'nl',
      'De politie viel woensdag een loods binnen.\n\nIn beslag genomen:\n- 640 hennepplanten\n- 4 kilo cocaïne',
      ['cannabis 640 plants', 'cocaine 4'],
    ],
    [
      'pt',
      'A Polícia Judiciária fez buscas em três casas.\n\nForam apreendidos:\n- 9 quilos de cocaína\n- 1.500 comprimidos de ecstasy',
      ['cocaine 9', 'mdma 1500 tablets'],
    ],
  ];
  for (const [lang, text, want] of cases) it(lang, () => expect(figures(text, lang)).toEqual(want));
});
