/**
 * The probe battery of issue 9 round 4 (tests/extract/battery/context-probes.ts): articles of our
 * own for seizure period, seizure place/country and persons/places, each checked against what a
 * careful reader labels (LABELING.md). `npx tsx tests/extract/battery/report.ts` prints the
 * failure rate per class.
 */
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/extract/index.ts';
import { probes, recordOf, runProbe } from './battery/context-probes.ts';

/** Misses left open (docs/extraction.md, "Known limits"), with the check that still fails. */
const OPEN: Record<string, string> = {
  // "Two days after seizing N on November 18, police found another M": the count runs from a
  // date named after the phrase.
  P75: 'period',
  // An airport named after no town of its country, with no agency or country in the text: no
  // country (was the Florida hamlet's US; the alias table may not name held-out places).
  C17: 'country',
  // The location is the gazetteer's name ("Santa Cruz de la Sierra"), not the text's.
  C08: 'location',
  // A region inside a role ("Ontario Premier Doug Ford") is claimed by the role.
  N11: 'places',
};

describe('probe battery: period, place and country, persons', () => {
  for (const cls of ['period', 'place', 'persons'] as const) {
    describe(cls, () => {
      for (const probe of probes.filter((p) => p.cls === cls)) {
        if (OPEN[probe.id]) {
          it(`${probe.id} (open: ${OPEN[probe.id]}) still fails only there`, () => {
            const fails = runProbe(probe);
            expect(fails.length).toBeGreaterThan(0);
            expect(fails.every((f) => f.startsWith(OPEN[probe.id]!))).toBe(true);
          });
          continue;
        }
        it(`${probe.id}: ${probe.text.slice(0, 70)}`, () => {
          expect(runProbe(probe)).toEqual([]);
        });
      }
    });
  }
});

describe('gazetteer: a city and its population are joined across a grid line', () => {
  it.each([
    ['Cartagena', 'CO', 500_000],
    ['Medellin', 'CO', 1_000_000],
  ])('%s (%s) has its population', (name, country, atLeast) => {
    const city = loadRuleSet('en')
      .gazetteer.lookup(name)
      .find((e) => e.kind === 'city' && e.country === country);
    expect(city?.population ?? 0).toBeGreaterThan(atLeast);
  });

  it('a Colombian story places Cartagena in Colombia', () => {
    const r = recordOf({
      id: 'x',
      cls: 'place',
      published: '2025-03-14',
      text: 'Colombian marines seized 3 tonnes of cocaine in Cartagena on Monday.',
    });
    expect(r.seizures.map((s) => [s.country, s.period])).toEqual([['CO', '2025-03-10']]);
  });
});

describe('place: comparison areas, country names as adjectives, chains (own sentences)', () => {
  const one = (text: string) =>
    recordOf({ id: 'x', cls: 'place', published: '2025-06-13', text }).seizures.map((s) => s.country);
  it.each([
    ['Samoan police seized 900 kg of cocaine, the biggest haul ever recorded in the Pacific.', 'WS'],
    [
      'Tonga police have burned 1.2 tonnes of cocaine seized in May in one of the largest busts in Oceania.',
      'TO',
    ],
    ['Kenya police seized 300 kg of heroin from a dhow, officers said.', 'KE'],
    ['Agents seized 12 kilos of shabu, the Philippine National Police said.', 'PH'],
    ['Officers seized 80 kg of cannabis in Tagum City, Davao del Norte on Friday.', 'PH'],
  ])('%s', (text, country) => {
    expect(one(text)).toEqual([country]);
  });
});
