/**
 * Number forms decided per figure (issue 9): an ambiguous digit group ("183.600 kilos") read by
 * the evidence of the article (a count times the weight of one item, a rounded restatement in
 * another sentence) before the article's number format; the weight of one item of a total is
 * no haul of its own; a year between a figure and its restatement still dates it. Sentences of
 * our own, in the six languages.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const record = (text: string, language: string, published: string | null, url: string | null = null) =>
  extractRecord(articleFromText({ url, title: null, text, published, language }));

const figures = (
  text: string,
  language: string,
  published: string | null = null,
  url: string | null = null,
) =>
  record(text, language, published, url).seizures.map(
    (s) =>
      `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}${s.kg !== null && s.count ? ` (${s.count} ${s.countUnit})` : ''} ${s.period}`,
  );

const separator = (
  text: string,
  language: string,
  published: string | null = null,
  url: string | null = null,
) =>
  record(text, language, published, url).seizures.map(
    (s) => s.reasons.find((r) => r.startsWith('separator-')) ?? null,
  );

describe('a count times the weight of one item decides the reading of a dot group', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'Officers found 183.600 kilograms of cocaine in 152 packages, each of roughly 1.2 kg.',
      'en',
      ['cocaine 183.6 (152 packages) null'],
    ],
    [
      'Customs seized 1.540 kilograms of hashish in 700 blocks of about 2.2 kilograms.',
      'en',
      ['hashish 1540 (700 bricks) null'],
    ],
    [
      'Marines recovered 2.100 kg of cocaine packed in 84 bales of 25 kg each off the coast.',
      'en',
      ['cocaine 2100 (84 packages) null'],
    ],
    [
      'Los agentes hallaron 48.300 kilos de heroína repartidos en 21 fardos de 2,3 kilos cada uno en un almacén.',
      'es',
      ['heroin 48.3 (21 packages) null'],
    ],
    [
      'Die Fahnder stellten 1.540 Kilogramm Haschisch in 700 Platten zu je 2,2 Kilogramm sicher.',
      'de',
      ['hashish 1540 (700 bricks) null'],
    ],
    [
      "Les douaniers ont saisi 183.600 kilos de résine de cannabis dans 152 ballots d'environ 1,2 kilo chacun.",
      'fr',
      ['hashish 183.6 (152 packages) null'],
    ],
    [
      'De douane vond 183.600 kilo cocaïne in 152 pakketten van elk ongeveer 1,2 kilo.',
      'nl',
      ['cocaine 183.6 (152 packages) null'],
    ],
    [
      'A PSP apreendeu 183.600 quilos de haxixe em 152 fardos de cerca de 1,2 quilos cada.',
      'pt',
      ['hashish 183.6 (152 packages) null'],
    ],
  ];
  for (const [text, language, want] of cases) {
    it(`${language}: ${text.slice(0, 60)}`, () => {
      expect(figures(text, language)).toEqual(want);
      expect(separator(text, language)).toEqual(['separator-count-times-weight']);
    });
  }

  it('the weight of one item is no haul, with or without an ambiguous total', () => {
    expect(
      figures('Agents seized 48 kilograms of heroin packed in 20 bricks weighing 2.4 kg each.', 'en'),
    ).toEqual(['heroin 48 (20 bricks) null']);
    expect(
      figures(
        'Guards found 20 bricks of cocaine weighing 1.1 kilos each in the hold, 22 kilograms in all.',
        'en',
      ),
    ).toEqual(['cocaine 22 (20 bricks) null']);
  });

  it('never reads a list of items as a count and its weight', () => {
    // 373 x 12 g is near 4.3 kg, but the pills are another item of the list.
    expect(
      figures(
        'Die Polizei stellte 373 Ecstasy-Tabletten, 4,3 Kilo Marihuana und 12 Gramm Crack sicher.',
        'de',
      ),
    ).toEqual(['mdma 373 tablets null', 'cannabis 4.3 null', 'crack 0.012 null']);
  });
});

describe('a rounded restatement in another sentence decides the reading of a dot group', () => {
  it('a lower bound told before the exact figure (English copy)', () => {
    const text =
      'Border officers found more than two tonnes of cannabis in a lorry on Monday. Police said the load weighed 2.350 kilograms.';
    expect(figures(text, 'en', '2026-05-06', 'https://www.example.co.uk/news/1')).toEqual([
      'cannabis 2350 2026-05-04',
    ]);
    expect(separator(text, 'en', '2026-05-06')).toEqual(['separator-restated-in-text']);
  });

  it('a rounded figure that says the dot is a decimal, from an outlet of a dot-thousands country', () => {
    const text =
      'Officers seized nearly 3 kilos of heroin at the airport on Friday. The suitcase held 2.870 kilograms of the drug, police said.';
    expect(figures(text, 'en', '2026-05-06', 'https://www.example.de/news/1')).toEqual([
      'heroin 2.87 2026-05-01',
    ]);
  });

  it('the headline restates the body figure', () => {
    const r = extractRecord(
      articleFromText({
        url: null,
        title: 'Nearly 1.2 tonnes of cocaine found in banana boxes',
        text: 'Port police found 1.180 kilos of cocaine among boxes of bananas in a container on Tuesday.',
        published: '2026-03-12',
        language: 'en',
      }),
    );
    expect(r.seizures.map((s) => [s.drug, s.kg, s.period])).toEqual([['cocaine', 1180, '2026-03-10']]);
  });

  it('Spanish and Portuguese: a restatement that confirms the thousands dot', () => {
    expect(
      figures(
        'La Guardia Civil intervino casi dos toneladas de hachís en una nave de Huelva. En total se pesaron 1.960 kilos.',
        'es',
        '2026-04-02',
      ),
    ).toEqual(['hashish 1960 null']);
    expect(
      figures(
        'A Polícia Federal apreendeu mais de três toneladas de maconha num caminhão. A carga somava 3.240 quilos.',
        'pt',
        '2026-04-02',
      ),
    ).toEqual(['cannabis 3240 null']);
  });

  it('a figure of another drug is no restatement', () => {
    const text =
      'Customs found about 2 kilos of heroin in one car on Monday. In another car they found 2.100 kilograms of cannabis.';
    expect(separator(text, 'en', '2026-05-06').at(-1)).toBe('separator-article-format');
  });
});

describe('a year between a figure and its restatement dates the figure', () => {
  it('"N kg in 2025, or about M tonnes"', () => {
    expect(
      figures(
        'Police seized a total of 96.400 kg of cocaine nationwide in 2025, or about 96 tonnes, according to a report released on Monday.',
        'en',
        '2026-02-04',
      ),
    ).toEqual(['cocaine 96400 2025']);
    expect(
      figures(
        'Customs seized 12,480 kilograms of hashish across the country in 2024, or more than 12 tonnes, the ministry said on Thursday.',
        'en',
        '2025-01-10',
      ),
    ).toEqual(['hashish 12480 2024']);
  });
});
