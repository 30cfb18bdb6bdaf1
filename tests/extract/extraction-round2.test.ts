/**
 * Extraction v2, round 2 (issue 9): more error classes of unseen news, each tested with
 * sentences of our own in varied wording and outlet styles (whole extractor per article).
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import type { ArticleRecord } from '../../src/types.ts';

function seizures(text: string, published: string | null = '2025-03-14', title: string | null = null) {
  return extractRecord(articleFromText({ url: null, title, text, published })).seizures.map(brief);
}

function brief(s: ArticleRecord['seizures'][number]) {
  return {
    drug: s.drug,
    size: s.kg !== null ? `${+s.kg.toFixed(3)} kg` : `${s.count} ${s.countUnit}`,
    country: s.country,
    period: s.period,
  };
}

const sizes = (text: string, published?: string) =>
  seizures(text, published).map((s) => `${s.drug} ${s.size}`);

describe('a foiled attempt to smuggle is a seizure; smuggling alone is not', () => {
  it.each([
    [
      'Port officers thwarted an attempt to smuggle 38,000 amphetamine pills hidden in tyres.',
      ['amphetamine 38000 pills'],
    ],
    [
      'The coast guard foiled two attempts to smuggle 2.5 tonnes of hashish across the strait.',
      ['hashish 2500 kg'],
    ],
    [
      'Inspectors prevented a bid to smuggle 12 kilograms of heroin through the mail centre.',
      ['heroin 12 kg'],
    ],
    ['Customs blocked an effort to smuggle 900 grams of cocaine in a parcel of books.', ['cocaine 0.9 kg']],
  ])('%s', (text, want) => {
    expect(sizes(text)).toEqual(want);
  });

  it.each([
    'Prosecutors say the ring smuggled 20 tonnes of cocaine into Europe over five years.',
    'The gang had attempted to smuggle 3 tonnes of cannabis before, investigators believe.',
  ])('no figure: %s', (text) => {
    expect(sizes(text)).toEqual([]);
  });
});

describe('controlled medicines outside the canonical list are unspecified, never the main drug', () => {
  it('reads pregabalin, diazepam and codeine as unspecified in a story about another drug', () => {
    const got = sizes(
      'Customs seized 1.2 million captagon pills at the border on Monday. ' +
        'In a second case, officers thwarted an attempt to smuggle 52,000 Pregabalin capsules. ' +
        'Police also found 3,000 diazepam tablets in a pharmacy storeroom.',
    );
    expect(got).toEqual(['captagon 1200000 pills', 'unspecified 52000 pills', 'unspecified 3000 tablets']);
  });
});

describe('a country adjective the country data lacks still names the seizing agency', () => {
  it.each([
    ['Saudi customs officers seized 4 million captagon pills hidden in a load of oranges from Jordan.', 'SA'],
    ['Saudi border guards intercepted 150 kilograms of hashish near the crossing.', 'SA'],
  ])('%s', (text, country) => {
    expect(seizures(text).map((s) => s.country)).toEqual([country]);
  });
});

describe('a vessel stopped or apprehended with drugs aboard is a seizure', () => {
  it.each([
    [
      'The navy stopped a fishing trawler near the reef carrying 640 kilograms of cocaine.',
      ['cocaine 640 kg'],
    ],
    ['Marines had apprehended the cargo ship Blue Heron with about 90 kg of heroin.', ['heroin 90 kg']],
    [
      'Police detained a lorry driver at the ferry terminal with 35 kilograms of cannabis.',
      ['cannabis 35 kg'],
    ],
  ])('%s', (text, want) => {
    expect(sizes(text)).toEqual(want);
  });

  it('a load the crew admitted to carrying and then dumped at sea is no figure', () => {
    expect(
      sizes('The crew of the dhow admitted to carrying 200 kg of heroin before throwing it overboard.'),
    ).toEqual([]);
  });
});

describe('a short month name with no dot before a year is that month', () => {
  it.each([
    ['In Nov 2020 the coast guard seized 120 kilograms of heroin off the island.', '2020-11'],
    ['Customs found 14 kg of cocaine in a suitcase in Sept 2023.', '2023-09'],
    ['Police confiscated 2 tonnes of hashish in Feb 2024, officials said.', '2024-02'],
  ])('%s', (text, period) => {
    expect(seizures(text).map((s) => s.period)).toEqual([period]);
  });
});

describe('a count and the weight at the end of its clause are one haul', () => {
  it('joins "N packs of X hidden in ... weighing about M kilograms"', () => {
    expect(
      seizures(
        'Detectives found 75 packs of heroin stuffed in rice sacks and old paint buckets under the stairs weighing about 80 kilograms.',
      ).map((s) => s.size),
    ).toEqual(['80 kg']);
  });
  it('keeps two figures apart when another number or a sentence end lies between', () => {
    expect(
      sizes('Agents seized 40 packets of cocaine from 3 cars and a bag of heroin weighing 12 kg from a van.'),
    ).toEqual(['cocaine 40 packages', 'heroin 12 kg']);
  });
});

describe('several days of one month are that month', () => {
  it.each([
    ['Rangers recovered 90,000 yaba tablets in raids on August 4, 5 and 6.', '2024-08'],
    ['Officers seized 300 kg of khat on March 2 and 3 near the border.', '2025-03'],
    ['Customs seized 8 kg of cocaine on January 9 to 11, 2025.', '2025-01'],
  ])('%s', (text, period) => {
    expect(seizures(text).map((s) => s.period)).toEqual([period]);
  });
});

describe('a "from A to B" pair over a span of two years gives each figure its year', () => {
  it('reads "increased from 42 to 57 tonnes between 2023 and 2024" as 2023 and 2024', () => {
    expect(
      seizures(
        'Heroin seizures in the province increased from 42 to 57 tonnes between 2023 and 2024, police said.',
      ).map((s) => `${s.size} ${s.period}`),
    ).toEqual(['42000 kg 2023', '57000 kg 2024']);
  });
  it('reads "fell from 12 tonnes to 9 tonnes from 2021 to 2022" the same way', () => {
    expect(
      seizures('Customs said hashish seizures fell from 12 tonnes to 9 tonnes from 2021 to 2022.').map(
        (s) => s.period,
      ),
    ).toEqual(['2021', '2022']);
  });
  it('leaves one figure over a span of years with no single period', () => {
    expect(
      seizures('Police seized 20 tonnes of cocaine between 2019 and 2022.').map((s) => s.period),
    ).toEqual([null]);
  });
});

describe('a mass hidden inside counted packs is one haul, with a drug name of two words between', () => {
  it.each([
    'Agents found another 3.2 kg of crystal meth hidden inside six foil-wrapped packs in the boot.',
    'Police recovered 950 grams of cannabis resin concealed within 12 plastic bags under a bed.',
  ])('%s', (text) => {
    expect(seizures(text)).toHaveLength(1);
  });
});

describe('one person named with and without an abbreviated first name is one person', () => {
  it('merges "Md. X Y" and "M X Y", keeps two people whose first names differ', () => {
    const persons = extractRecord(
      articleFromText({
        url: null,
        title: null,
        published: '2025-03-14',
        text:
          'Police seized 5 kg of heroin, said Lt. Col. Md. Rafiqul Hasan Khan. Later, Lt Col M Rafiqul Hasan Khan said two men fled. ' +
          'Maria Lopez Garcia and Mario Lopez Garcia were charged.',
      }),
    ).persons.map((p) => p.name);
    expect(persons).toEqual(['Md. Rafiqul Hasan Khan', 'Maria Lopez Garcia', 'Mario Lopez Garcia']);
  });
});
