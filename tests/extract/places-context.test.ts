/**
 * Place resolution that uses the article's context, on sentences written for these tests:
 * facilities take their own country, origins and destinations lend none, homonyms prefer the
 * country the story is about (agencies, demonyms, countries named), the place after a border
 * of two countries takes the side the rest of the story points to, "X Docks" names X; and the
 * person and organisation patterns that feed it (nicknames, rank abbreviations, companies).
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/extract/entities/index.ts';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { parseText } from '../../src/extract/parse.ts';
import { defaultRuleSet } from '../../src/extract/rules/ruleset.ts';

function entities(text: string) {
  return extractEntities(parseText({ title: null, text, published: '2025-03-04' }));
}
function record(text: string) {
  return extractRecord(articleFromText({ url: null, title: null, text, published: '2025-03-04' }));
}
const countryOf = (text: string, name: string) => entities(text).places.find((p) => p.name === name)?.country;

describe('facilities and origins', () => {
  it('gives an airport the country of the story, not of the flight it received', () => {
    const r = record(
      'Border Force staff at Gatwick Airport seized 31 kilograms of cannabis from two travellers arriving from Phuket.',
    );
    expect(r.places.find((p) => p.name === 'Gatwick Airport')?.country).toBe('GB');
    expect(r.places.find((p) => p.name === 'Phuket')?.country).toBe('TH');
    expect(r.seizures.map((s) => [s.location, s.country])).toEqual([['Gatwick Airport', 'GB']]);
  });

  it('lends no country from a destination or an origin to a terminal next to them', () => {
    const text =
      'Guardia Civil officers at the Levante Terminal found 900 kilograms of cocaine in a ship bound for Lagos. The ship had been loaded with fruit shipped from Guayaquil.';
    expect(countryOf(text, 'Levante Terminal')).toBe('ES');
    expect(countryOf(text, 'Lagos')).toBe('NG');
    expect(countryOf(text, 'Guayaquil')).toBe('EC');
  });

  it('still narrows a destination by the country after it ("bound for X in Y")', () => {
    const text =
      'Inspectors in Santos, Brazil, found cocaine in sugar sacks destined for Valencia in Spain, federal police said.';
    expect(countryOf(text, 'Valencia')).toBe('ES');
  });

  it('reads the origin rules from a table with one reason each', () => {
    const cues = defaultRuleSet().entities.originCues;
    expect(cues.length).toBeGreaterThan(2);
    expect(cues.some((re) => re.test('two passengers arriving from '))).toBe(true);
    expect(cues.some((re) => re.test('a container destined for the port of '))).toBe(true);
    expect(cues.some((re) => re.test('officers seized the drugs in '))).toBe(false);
  });
});

describe('homonyms prefer the country the story is about', () => {
  it('reads a county of the story country, not a small town abroad of the same name', () => {
    const text =
      'Officers of the National Crime Agency raided a barn in Cornwall and found 70 kilograms of heroin, British prosecutors said.';
    expect(countryOf(text, 'Cornwall')).toBe('GB');
    expect(record(text).seizures[0]?.country).toBe('GB');
  });

  it('reads a name the gazetteer only knows abroad as a place of the agency country', () => {
    expect(countryOf('The NCA said its officers seized 15 kilograms of heroin in Norfolk.', 'Norfolk')).toBe(
      'GB',
    );
  });

  it('keeps the foreign reading when the story is about that country', () => {
    const text =
      'US Coast Guard crews brought 2 tonnes of cocaine ashore in Norfolk, Virginia, the Drug Enforcement Administration said.';
    expect(countryOf(text, 'Norfolk')).toBe('US');
  });

  it('keeps a big foreign city as itself in a story about another country', () => {
    const text =
      'Belgian customs said the Belgian ship had sailed on to Houston after the search in Antwerp.';
    expect(countryOf(text, 'Houston')).toBe('US');
  });

  it('never moves a gazetteer alias to the story country', () => {
    const text = 'Ukrainian officials and Ukrainian soldiers held talks in Washington DC on Friday.';
    expect(countryOf(text, 'Washington DC')).toBe('US');
  });

  it('needs a locative cue: a bare small foreign name inside a list is left alone', () => {
    const text = 'The NCA thanked Durham police for the tip.';
    expect(entities(text).places.find((p) => p.country === 'GB' && p.kind === 'other')).toBeUndefined();
  });

  it('reads agency hints from a data table', () => {
    const hints = defaultRuleSet().entities.agencyCountries;
    expect(hints.find((h) => h.name === 'Guardia Civil')?.country).toBe('ES');
    expect(hints.find((h) => h.name === 'CBP')?.country).toBe('US');
  });
});

describe('a place on a border of two countries', () => {
  it('has no country when nothing else in the story picks a side', () => {
    const e = entities('Troops seized 8 kilograms of heroin near the India-Pakistan border in Punjab.');
    const punjab = e.places.find((p) => p.name === 'Punjab');
    expect(punjab).toBeDefined();
    expect(punjab?.country).toBeNull();
  });

  it('takes the side the rest of the story points to', () => {
    const text =
      'Pakistani rangers seized 8 kilograms of heroin near the India-Pakistan border in Punjab, officials in Lahore said.';
    expect(countryOf(text, 'Punjab')).toBe('PK');
    const other =
      'Soldiers seized 8 kilograms of heroin on the border between India and Pakistan in Punjab, police in Amritsar said.';
    expect(countryOf(other, 'Punjab')).toBe('IN');
  });
});

describe('a province after a town', () => {
  it('reads an unknown name after "Town, " as a region of the town\'s country', () => {
    const e = entities('Agents seized 2 kilograms of shabu in Tarlac City, Zambalesa, on Tuesday.');
    expect(e.places).toContainEqual(
      expect.objectContaining({ name: 'Zambalesa', kind: 'region', country: 'PH' }),
    );
  });

  it('reads a small homonym abroad after "Town, " the same way', () => {
    const e = entities('Police uprooted 900 marijuana plants in Tinglayan, Kalinga, last week.');
    expect(e.places.find((p) => p.name === 'Kalinga')?.country).toBe('PH');
  });

  it('leaves state abbreviations and persons after a town alone', () => {
    const e = entities('The rally in Tulsa, Okla., drew a crowd. In Houston, Smith, 45, was arrested.');
    expect(e.places.map((p) => p.name).sort()).toEqual(['Houston', 'Tulsa']);
  });

  it('reads the place after "in" inside a role apposition', () => {
    const e = entities(
      'Customs seized 3 kilograms of heroin, said Thabo Nkosi, the provincial police spokesperson in Gauteng.',
    );
    expect(e.places).toContainEqual(expect.objectContaining({ name: 'Gauteng', country: 'ZA' }));
    expect(e.persons).toEqual([{ name: 'Thabo Nkosi', role: 'provincial police spokesperson in Gauteng' }]);
  });
});

describe('parts of a known place', () => {
  it('reads "X Docks" as a mention of X, a port', () => {
    const e = entities('Dockers at Hamburg Docks found 600 kilograms of cocaine in a coffee container.');
    expect(e.places).toContainEqual(
      expect.objectContaining({ name: 'Hamburg', kind: 'port', country: 'DE' }),
    );
  });

  it('keeps a facility name and lists the known place inside it', () => {
    const e = entities('Dutch customs found 300 kilograms of cocaine at Rotterdam Harbour on Monday.');
    const names = e.places.map((p) => p.name).sort();
    expect(names).toEqual(['Rotterdam', 'Rotterdam Harbour']);
  });

  it('does not list a small town abroad that shares its name with the facility', () => {
    const e = entities('Border Force officers at Gatwick Airport found the pills.');
    expect(e.places.map((p) => p.name)).toEqual(['Gatwick Airport']);
  });
});

describe('persons and organisations around places', () => {
  it('keeps a nickname in quotes inside the name', () => {
    const e = entities('Prosecutors say Rafael "El Tigre" Montoya ran the route. Montoya denies it.');
    expect(e.persons).toEqual([{ name: 'Rafael "El Tigre" Montoya', role: null }]);
  });

  it('reads rank abbreviations as roles', () => {
    const e = entities(
      'Lt. Col. Sara Okafor and Sgt. Piet Mulder led the search; Insp. Dana Whitlock took notes.',
    );
    expect(e.persons).toEqual([
      { name: 'Sara Okafor', role: 'Lt. Col.' },
      { name: 'Piet Mulder', role: 'Sgt.' },
      { name: 'Dana Whitlock', role: 'Insp.' },
    ]);
  });

  it('reads companies named by a legal form or a company noun', () => {
    const e = entities(
      'The bananas were imported by Verdemar Frutas SA and carried by shipping firm Halvik.',
    );
    expect(e.organizations).toEqual(['Verdemar Frutas SA', 'Halvik']);
  });

  it('reads no legal form alone and no sentence adverb as part of a name', () => {
    expect(entities('Police in SA said nothing.').organizations).toEqual([]);
    expect(entities('Then Police said nothing.').organizations).toEqual([]);
  });

  it('keeps the first word of a known agency that opens a sentence', () => {
    const e = entities('Border Force found 12 kilograms of cocaine in a lorry.');
    expect(e.organizations).toEqual(['Border Force']);
  });
});
