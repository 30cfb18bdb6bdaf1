/**
 * Periods (issue 9): a headline figure with no date takes the date its lead names (and stays
 * undated when the lead names none); a wire dateline opening the text, of any agency, dates the
 * filing, not the haul; "a-t-on appris mardi" tells when it was learnt. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { urlYear } from '../../src/extract/seizures/index.ts';

const figures = (title: string | null, text: string, language: string, published: string) =>
  extractRecord(articleFromText({ url: null, title, text, published, language })).seizures.map(
    (s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`} ${s.period}`,
  );

describe('a headline figure is dated by its lead', () => {
  it('English: a weekday in the lead (published on a Wednesday)', () => {
    expect(
      figures(
        'Police find 2,300 cannabis plants in disused warehouse',
        'Officers raided a disused warehouse on the edge of Leeds on Saturday night. Inside, rows of plants stood under lamps, and two men were arrested.',
        'en',
        '2026-04-08',
      ),
    ).toEqual(['cannabis 2300 plants 2026-04-04']);
  });

  it('Dutch and German: an evening or a weekday of the lead', () => {
    expect(
      figures(
        'Politie ontdekt 1.200 wietplanten in loods',
        'De politie heeft woensdagavond een loods in Venlo binnengevallen. Binnen stonden rijen planten onder lampen.',
        'nl',
        '2026-04-10',
      ),
    ).toEqual(['cannabis 1200 plants 2026-04-08']);
    expect(
      figures(
        'Polizei entdeckt 900 Cannabispflanzen in Halle',
        'Beamte haben am Dienstag eine Lagerhalle in Leipzig durchsucht. Zwei Männer wurden festgenommen.',
        'de',
        '2026-04-10',
      ),
    ).toEqual(['cannabis 900 plants 2026-04-07']);
  });

  it('a lead that names no date leaves the headline figure undated, whatever later sentences say', () => {
    expect(
      figures(
        'Police find 2,300 cannabis plants in disused warehouse',
        'Officers raided a disused warehouse on the edge of Leeds. Inside, rows of plants stood under lamps on Saturday.',
        'en',
        '2026-04-08',
      ),
    ).toEqual(['cannabis 2300 plants null']);
    expect(
      figures(
        'Gendarmes seize 450 kilos of cocaine on yacht',
        'The yacht was boarded off Martinique after a long surveillance. Three crew members were detained.',
        'en',
        '2026-04-10',
      ),
    ).toEqual(['cocaine 450 null']);
  });
});

describe('a dateline of any agency opening the text dates the filing, not the haul', () => {
  const cases: Array<[string, string, string, string[]]> = [
    [
      'KAYES, 14 mars (NAB) – Les douaniers ont saisi jeudi dernier 640 kilos de cannabis dans un camion, a-t-on appris lundi.',
      'fr',
      '2026-03-16',
      ['cannabis 640 2026-03-12'],
    ],
    [
      'Valparaíso, 2 de abril (ACN) – Carabineros incautaron el martes 310 kilos de marihuana en un camión.',
      'es',
      '2026-04-02',
      ['cannabis 310 2026-03-31'],
    ],
    [
      'Recife, 5 de maio (AGN) – A polícia apreendeu na segunda-feira 210 quilos de maconha num caminhão.',
      'pt',
      '2026-05-05',
      ['cannabis 210 2026-05-04'],
    ],
    [
      'GRONINGEN, 9 juni (NNP) – De politie heeft zaterdag 75 kilo hasj in beslag genomen.',
      'nl',
      '2026-06-09',
      ['hashish 75 2026-06-06'],
    ],
    [
      'LINZ, 9. Juni (OÖN) – Die Polizei hat am Samstag 75 Kilo Cannabis beschlagnahmt.',
      'de',
      '2026-06-09',
      ['cannabis 75 2026-06-06'],
    ],
  ];
  for (const [text, language, published, want] of cases) {
    it(`${language}: ${text.slice(0, 50)}`, () => {
      expect(figures(null, text, language, published)).toEqual(want);
    });
  }
});

describe('an undated article takes the year its web address gives', () => {
  it('reads a year and month path or a full date, nothing else', () => {
    expect(urlYear('https://news.example.com/2019/05/cocaine-found-at-port/')).toBe('2019');
    expect(urlYear('https://paper.example.au/national/police-find-pills-20191122-p53d34.html')).toBe('2019');
    expect(urlYear('https://news.example.com/2021/11/07/raid')).toBe('2021');
    expect(urlYear('https://news.example.com/story/2024.html')).toBeNull();
    expect(urlYear('https://news.example.com/articles/2370069-cocaine')).toBeNull();
    expect(urlYear('not a url')).toBeNull();
    expect(urlYear(null)).toBeNull();
  });

  it('dates a day named without its year', () => {
    const record = (url: string | null) =>
      extractRecord(
        articleFromText({
          url,
          title: null,
          text: 'Federal agents seized 212 kilos of cocaine in a container at the port on Tuesday (14 May).',
          published: null,
          language: 'en',
        }),
      ).seizures.map((s) => s.period);
    expect(record('https://www.portnews.example/2019/05/cocaine-in-container/')).toEqual(['2019-05-14']);
    expect(record('https://www.portnews.example/cocaine-in-container/')).toEqual([null]);
  });
});
