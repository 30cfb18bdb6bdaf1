/**
 * The country of a seizure's place (issue 9, class 6): a state or province abbreviation after a
 * town in running text ("Kingston, Ont.") decides a homonym; a court or force of one country
 * makes the story that country's, so a small homonym abroad is a place of it the gazetteer lacks;
 * the neighbours "across the borders with X and Y" are not where a domestic total was seized; an
 * unknown place takes the country of the story's one agency, not the demonyms of the crew.
 * Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const read = (text: string, language: string) =>
  extractRecord(articleFromText({ url: null, title: null, text, published: '2025-06-03', language }));

const countries = (text: string, language = 'en'): Array<string | null> =>
  read(text, language).seizures.map((s) => s.country);

describe('an abbreviation after a town decides its homonym', () => {
  const cases: [text: string, want: string][] = [
    [
      'Provincial police in Kingston, Ont., seized 4 kilograms of cocaine from a rented storage unit on Tuesday.',
      'CA',
    ],
    [
      "Sheriff's deputies in Athens, Ga., found 12 pounds of methamphetamine in a pickup truck during a traffic stop.",
      'US',
    ],
    ['Officers in Victoria, Tex., said they recovered 300 grams of fentanyl from a motel room.', 'US'],
  ];
  for (const [text, want] of cases) it(text, () => expect(countries(text)).toEqual([want]));

  it('keeps the reading for the bare name later, and lists no abbreviation as a place', () => {
    const rec = read(
      'Guards at a jail in London, Ont., intercepted a drone carrying 25 grams of fentanyl.\n\nLondon police later found 80 grams of cocaine in a car parked near the jail.',
      'en',
    );
    expect(rec.seizures.map((s) => s.country)).toEqual(['CA', 'CA']);
    expect(rec.places.map((p) => p.name)).not.toContain('Ont.');
  });

  it('reads no abbreviation where no town of that region stands before it', () => {
    const rec = read('Agents in Paris, Ont., and in Lyon seized 5 kilograms of heroin.', 'en');
    expect(rec.places.find((p) => p.name === 'Paris')?.country).toBe('CA');
    const other = read('Agents in Lyon, Ont. seized 5 kilograms of heroin.', 'en');
    expect(other.places.map((p) => p.country)).not.toContain('CA');
  });
});

describe('a court or force of one country makes a small homonym abroad a place of that country', () => {
  const cases: [text: string, want: string][] = [
    [
      'At Leeds Crown Court, the jury heard that detectives found 9 kilograms of amphetamine in a garage in Headingley.',
      'GB',
    ],
    [
      'The Sheriff Court heard that police seized 2 kilograms of cocaine from a flat in Morningside last spring.',
      'GB',
    ],
    ['Victoria Police seized 40 kilograms of methamphetamine in Richmond, a spokesman said.', 'AU'],
  ];
  for (const [text, want] of cases) it(text, () => expect(countries(text)).toEqual([want]));
});

describe('neighbours across the borders are not where a domestic total was seized', () => {
  it('a provincial total beside its routes', () =>
    expect(
      countries(
        'Police in the Limpopo province seized 800 kilograms of dagga last year, most of it smuggled across the borders with Mozambique and Zimbabwe.',
      ),
    ).toEqual(['ZA']));
  it('a national total beside a foreign comparison keeps its own country', () => {
    const rec = read(
      'The National Police Service told MPs that officers in the coastal counties recovered 310 kilograms of heroin in 2024. By comparison, authorities in Uganda reported 90 kilograms.',
      'en',
    );
    expect(rec.seizures.find((s) => s.kg === 310)?.country).toBe('KE');
  });
});

describe("an unknown place takes the country of the story's one agency, not of the crew", () => {
  const cases: [text: string, want: string][] = [
    [
      'The PDEA said a Vietnamese fishing boat with six Vietnamese crew members was intercepted on Friday. The Vietnamese skipper told agents the boat had left port a week earlier.\n\nIn a similar operation last year, agents stopped a Vietnamese trawler off Maligaya Island carrying 90 kilograms of shabu.',
      'PH',
    ],
    [
      'Officers of the Anti-Narcotics Force said the Afghan truck driver and two Afghan helpers were arrested. The Afghan men were handed to investigators.\n\nLast month agents stopped an Afghan lorry near Chak Baloch Wala carrying 60 kilograms of hashish.',
      'PK',
    ],
  ];
  for (const [text, want] of cases) it(text.slice(0, 60), () => expect(countries(text)).toEqual([want]));
});

describe('a small homonym abroad in a story whose places point only to one country', () => {
  it('is a place of that country the gazetteer lacks', () =>
    expect(
      countries(
        'Police in Zoetermeer and Pijnacker raided a warehouse on Tuesday. Detectives found 300 kilograms of hashish in a shed in Morningside.',
      ),
    ).toEqual(['NL']));
  it('keeps the homonym where the text names its country', () =>
    expect(
      countries(
        'Police in Zoetermeer and Pijnacker shared a tip with New Zealand. Detectives there found 300 kilograms of hashish in a shed in Morningside.',
      ),
    ).toEqual(['NZ']));
});
