/**
 * The country of a seizure's place (issue 9, second round): a facility named before its town
 * ("Flughafen Wien", "Aeropuerto Lisboa") lies in that town's country, not in the country the
 * sentence named before it. Sentences of our own, in several languages.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const read = (text: string, language: string) =>
  extractRecord(articleFromText({ url: null, title: null, text, published: '2025-06-03', language }));

const facility = (text: string, language: string, name: string): string | null =>
  read(text, language).places.find((p) => p.name === name)?.country ?? null;

describe('a facility named after a known town takes the town country', () => {
  const cases: [lang: string, text: string, name: string, country: string][] = [
    [
      'de',
      'Zollbeamte aus Deutschland halfen mit, als am Flughafen Wien 6 Kilogramm Heroin entdeckt wurden.',
      'Flughafen Wien',
      'AT',
    ],
    [
      'es',
      'Un viajero procedente de España fue detenido en el Aeropuerto Lisboa con 3 kilos de cocaína.',
      'Aeropuerto Lisboa',
      'PT',
    ],
    [
      'pt',
      'Depois de sair de Portugal, uma mulher foi presa no Aeroporto Luanda com 5 quilos de cocaína.',
      'Aeroporto Luanda',
      'AO',
    ],
    [
      'nl',
      'Een reiziger uit Nederland werd op Luchthaven Frankfurt aangehouden met 4 kilo heroïne.',
      'Luchthaven Frankfurt',
      'DE',
    ],
  ];
  for (const [lang, text, name, country] of cases) {
    it(`${lang}: ${name}`, () => {
      expect(facility(text, lang, name)).toBe(country);
      const seizure = read(text, lang).seizures[0];
      expect(seizure?.country).toBe(country);
    });
  }

  it('a facility named after no known town keeps the country of its context', () => {
    const text = 'In Österreich fanden Beamte am Flughafen Hinterwaldheim 2 Kilogramm Kokain.';
    expect(facility(text, 'de', 'Flughafen Hinterwaldheim')).toBe('AT');
  });
});

describe('the neighbour across "the border with X" is not where a haul was seized (en)', () => {
  const cases: [text: string, country: string][] = [
    [
      'Albanian police at the Qafe Bota border crossing with Greece found 300 kilograms of cannabis hidden in a lorry of melons.',
      'AL',
    ],
    [
      'Bulgarian customs officers at the Zlatarevo border post with North Macedonia seized 40 kg of heroin on Sunday.',
      'BG',
    ],
    ['Police in Serbia seized 50 kg of cocaine in a village near the border with Hungary.', 'RS'],
  ];
  for (const [text, country] of cases) {
    it(text.slice(0, 60), () => {
      expect(read(text, 'en').seizures[0]?.country).toBe(country);
    });
  }
});

describe('the neighbour across "the border with X" in five languages', () => {
  const cases: [lang: string, text: string, country: string][] = [
    [
      'de',
      'Bayerische Schleierfahnder stellten in Furth im Wald an der Grenze zu Tschechien 12 Kilogramm Crystal sicher.',
      'DE',
    ],
    [
      'es',
      'La Policía peruana decomisó 800 kilos de cocaína en Tacna, cerca de la frontera con Chile.',
      'PE',
    ],
    [
      'fr',
      'Les douaniers béninois ont saisi 2 tonnes de cannabis à Malanville, à la frontière avec le Niger.',
      'BJ',
    ],
    [
      'nl',
      'De Koninklijke Marechaussee nam bij Venlo, aan de grens met Duitsland, 90 kilo amfetamine in beslag.',
      'NL',
    ],
    [
      'pt',
      'A Polícia Federal apreendeu 3 toneladas de maconha em Ponta Porã, na fronteira com o Paraguai.',
      'BR',
    ],
  ];
  for (const [lang, text, country] of cases) {
    it(`${lang}: ${text.slice(0, 50)}`, () => {
      expect(read(text, lang).seizures[0]?.country).toBe(country);
    });
  }

  it('the country where the police stood wins over the neighbour after the border words', () => {
    const text = 'In Paraguay fand die Polizei an der Grenze zu Brasilien 400 Kilogramm Marihuana.';
    expect(read(text, 'de').seizures[0]?.country).toBe('PY');
  });
});
