/**
 * Runs that look like names but name places, features and things (issue 9), and roles whose
 * complement has two parts joined by "and". Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

type Lang = 'en' | 'de' | 'es' | 'fr' | 'nl' | 'pt';
function record(text: string, language: Lang = 'en') {
  return extractRecord(articleFromText({ url: null, title: null, text, published: '2026-11-01', language }));
}
const names = (text: string, language: Lang = 'en') => record(text, language).persons.map((p) => p.name);

describe('a place type in the run makes it a place', () => {
  it('reads an English run ending in a place type as no person', () => {
    expect(names('Cocaine was found near Agnes Bay, police said.')).toEqual([]);
    expect(names('Detectives raided two houses at Coral Creek on Tuesday, a spokesman said.')).toEqual([]);
  });
  it('keeps a person whose surname is a place type, with a title, a first name or an age', () => {
    expect(names('Director Michael Bay said the film was fine.')).toEqual(['Michael Bay']);
    expect(names('Police said Jane Lake, 41, was charged with supplying heroin.')).toEqual(['Jane Lake']);
    expect(names('Police said Thomas Rivers, 41, was charged.')).toEqual(['Thomas Rivers']);
  });
  it('reads a leading place type as no person in other languages', () => {
    expect(names('Os fardos de haxixe estavam junto à Ria Mirim, em Tavira.', 'pt')).toEqual([]);
    expect(
      names(
        'Les saisies ont eu lieu dans les ports de la façade Atlantique-Sud, a précisé la directrice.',
        'fr',
      ),
    ).toEqual([]);
  });
});

describe('a thing or a body named after the run', () => {
  it('drops a run before a wharf, a chapter or a vehicle noun, a title before it or not', () => {
    expect(names("Customs found cocaine in a container at Apia's King Tupou wharf last year.")).toEqual([]);
    expect(names('The men included senior members of a Red Devils chapter from the north.')).toEqual([]);
    expect(names('Police seized two cars and four Brandt-Kessler motorcycles from the house.')).toEqual([]);
  });
  it('keeps a person followed by other words', () => {
    expect(names('Inspector Kahu Tane said the gang was dismantled.')).toEqual(['Kahu Tane']);
  });
  it('reads a court chamber or a central office as an organisation', () => {
    expect(names('El abogado anunció que recurrirá ante la Sala de Casación por la condena.', 'es')).toEqual(
      [],
    );
    expect(names('A droga foi levada para a Central de Triagem, disse o delegado.', 'pt')).toEqual([]);
  });
});

describe('a role whose complement has two parts', () => {
  it('closes the complement before the name (nl)', () => {
    const p = record(
      'Minister van Justitie en Veiligheid Karin de Bruin wil meer controles in de haven.',
      'nl',
    ).persons;
    expect(p.map((x) => x.name)).toEqual(['Karin de Bruin']);
    expect(p[0]!.role).toBe('Minister van Justitie en Veiligheid');
    expect(names('Minister van Financiën en Economie Joost Verbeke bezocht de haven.', 'nl')).toEqual([
      'Joost Verbeke',
    ]);
  });
  it('keeps the Spanish form whole', () => {
    expect(names('La ministra de Justicia y Seguridad Carla Benítez celebró la incautación.', 'es')).toEqual([
      'Carla Benítez',
    ]);
  });
});

describe('a name with no title in a clear person frame', () => {
  it('reads an age apposition, a trial, a relative pronoun and letters before the verb', () => {
    expect(names('Kelvin Odhiambo, a 34-year-old driver, was stopped at the border.')).toEqual([
      'Kelvin Odhiambo',
    ]);
    expect(
      names('The trial of Ravinder Sandhu, alleged to be the financier of the ring, opens in May.'),
    ).toEqual(['Ravinder Sandhu']);
    expect(names('Officers found Dwyer Maddock, who was hiding in a shed, with 2 kg of cannabis.')).toEqual([
      'Dwyer Maddock',
    ]);
    expect(names('Counsel for the accused, Orla Tiernach BL, said her client was paid.')).toEqual([
      'Orla Tiernach',
    ]);
    expect(
      names('La policía encontró a Mariela Soledad Quiroga, quien llevaba 5 kilos de cocaína.', 'es'),
    ).toEqual(['Mariela Soledad Quiroga']);
  });
  it('keeps places in the same frames', () => {
    expect(names('The ship sailed to Kingston Harbour, which was closed.')).toEqual([]);
    expect(names('The trial of Port Moresby dealers opens in May.')).toEqual([]);
  });
});
