/**
 * Extraction v2 (issue 9): the error classes seen on news nobody here had read, each tested
 * with sentences of our own, in varied verbs, orders, units and outlet styles. Every test runs
 * the whole extractor (one parse, entities, seizures) on a short article.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import type { ArticleRecord } from '../../src/types.ts';

function record(text: string, published: string | null = '2025-03-14', title: string | null = null) {
  return extractRecord(articleFromText({ url: null, title, text, published }));
}

/** drug, kg (or count with its unit), country and period of every seizure. */
function seizures(text: string, published: string | null = '2025-03-14', title: string | null = null) {
  return record(text, published, title).seizures.map(brief);
}

function brief(s: ArticleRecord['seizures'][number]) {
  return {
    drug: s.drug,
    size: s.kg !== null ? `${+s.kg.toFixed(3)} kg` : `${s.count} ${s.countUnit}`,
    ...(s.kg !== null && s.count !== null ? { count: `${s.count} ${s.countUnit}` } : {}),
    country: s.country,
    period: s.period,
  };
}

const sizes = (text: string, published?: string) =>
  seizures(text, published).map((s) => `${s.drug} ${s.size}`);

describe('number words stand on word boundaries', () => {
  it.each([
    ['The authorities seized six tons of cocaine.', ['cocaine 6000 kg']],
    ['Agents arrested two men and another officer found eight kilograms of heroin.', ['heroin 8 kg']],
    ['An army patrol intercepted three tonnes of hashish at dawn.', ['hashish 3000 kg']],
    ['Police said they had confiscated half a ton of marijuana and arrested a farmer.', ['cannabis 500 kg']],
    ['Investigators accused a gang and seized a tonne of heroin in an apartment.', ['heroin 1000 kg']],
  ])('%s', (text, want) => {
    expect(sizes(text)).toEqual(want);
  });
});

describe('the drug of a figure is the one the text names for it', () => {
  it('reads "drugs" and "narcotics" with no kind as unspecified, even in a story about one drug', () => {
    const text =
      'Cocaine trafficking through the port has doubled. Customs officers seized 40 tonnes of drugs last year, and 310 kilograms of narcotics were found on a single ship in May.';
    expect(sizes(text)).toEqual(['unspecified 40000 kg', 'unspecified 310 kg']);
  });

  it('lets "the drugs" refer back to the drug already named', () => {
    const text =
      'A fishing boat carrying heroin was stopped off the coast. Sailors found 212 kilograms of the drug in the hold.';
    expect(sizes(text)).toEqual(['heroin 212 kg']);
  });

  it('reads one figure over a list of several drugs as one mixed, unspecified seizure', () => {
    expect(
      sizes('The navy seized 2 tons of crystal meth, cocaine, heroin and marijuana off the island.'),
    ).toEqual(['unspecified 2000 kg']);
    expect(sizes('Officers recovered 15 kilos of heroin and cocaine from the car.')).toEqual([
      'unspecified 15 kg',
    ]);
  });

  it('keeps two figures of two drugs apart', () => {
    expect(sizes('Agents seized 5 kg of heroin and 3 kg of cocaine at the airport.')).toEqual([
      'heroin 5 kg',
      'cocaine 3 kg',
    ]);
  });
});
