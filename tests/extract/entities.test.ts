/**
 * Entity rules on sentences written for these tests: titles before and after names,
 * appositions, nationality prefixes, credits, homonym places, coreferences, demonyms.
 */
import { describe, expect, it } from 'vitest';
import { type Entities, extractEntities } from '../../src/extract/entities/index.ts';
import { parseText } from '../../src/extract/parse.ts';

function entities(text: string, title: string | null = null): Entities {
  return extractEntities(parseText({ title, text, published: '2024-05-01' }));
}
const names = (e: Entities) => e.persons.map((p) => p.name).sort();
const roleOf = (e: Entities, name: string) => e.persons.find((p) => p.name === name)?.role;
const place = (e: Entities, name: string) => e.places.find((p) => p.name === name);
const placeNames = (e: Entities) => e.places.map((p) => p.name).sort();

describe('persons and roles', () => {
  it('reads a capitalised title before the name and drops the nationality', () => {
    const e = entities('French Interior Minister Laurent Dubois visited the harbour on Monday.');
    expect(e.persons).toEqual([{ name: 'Laurent Dubois', role: 'Interior Minister' }]);
  });

  it('drops a country abbreviation before a title', () => {
    const e = entities('The talks were led by US Deputy Secretary of State Maria Olsen and her staff.');
    expect(roleOf(e, 'Maria Olsen')).toBe('Deputy Secretary of State');
    expect(placeNames(e)).toEqual([]);
  });

  it('reads an apposition after the name ("X, the interior minister, said")', () => {
    const e = entities(
      'Pieter Janssens, the justice minister, said the new scanners would be installed next year.',
    );
    expect(e.persons).toEqual([{ name: 'Pieter Janssens', role: 'justice minister' }]);
  });

  it('keeps surnames that are also brand or agency words (no name is blocked outright)', () => {
    const e = entities(
      'Provincial Premier Anna Ford praised the customs team. Later, fisheries minister Marina Costa spoke to reporters.',
    );
    expect(names(e)).toEqual(['Anna Ford', 'Marina Costa']);
    expect(e.organizations).not.toContain('Marina');
  });

  it('reads a lower-case role right before the name', () => {
    const e = entities('The boat was stopped at dawn, police spokesman Tomas Berg told reporters.');
    expect(e.persons).toEqual([{ name: 'Tomas Berg', role: 'police spokesman' }]);
  });

  it('joins a later surname mention to the full name and keeps the first role', () => {
    const e = entities(
      'Customs chief Anna Kowalski presented the figures. Kowalski said seizures had doubled. "We are not done," Kowalski added.',
    );
    expect(e.persons).toEqual([{ name: 'Anna Kowalski', role: 'Customs chief' }]);
  });

  it('reads a possessive country before an apposition as a place, not as part of the role', () => {
    const e = entities('"The ports are open," said Lotte Peeters, Belgium\'s former finance minister.');
    expect(e.persons).toEqual([{ name: 'Lotte Peeters', role: 'former finance minister' }]);
    expect(placeNames(e)).toEqual(['Belgium']);
  });

  it('reads a title that opens the sentence, with "for" inside it', () => {
    const e = entities('Minister for Customs Karel Vos praised the dog handlers.');
    expect(e.persons).toEqual([{ name: 'Karel Vos', role: 'Minister for Customs' }]);
  });

  it('reads a role set off by a comma before the name', () => {
    const e = entities("Portugal's customs chief, Rui Matos, said the boat was Dutch.");
    expect(e.persons).toEqual([{ name: 'Rui Matos', role: 'customs chief' }]);
  });

  it('separates a person from the organisation after "of"', () => {
    const e = entities('The raid was led by Capt. Omar Haddad of the Royal Marine Brigade.');
    expect(names(e)).toEqual(['Omar Haddad']);
    expect(e.organizations).toEqual(['Royal Marine Brigade']);
  });

  it('finds names with a speech verb and no title', () => {
    const e = entities('"The trade is moving east," Helena Marquez said in an interview.');
    expect(names(e)).toEqual(['Helena Marquez']);
    expect(roleOf(e, 'Helena Marquez')).toBeNull();
  });

  it('reads suspects named with their age and relations', () => {
    const e = entities('The driver, identified as Somchai, 41, was detained with his wife, Malee, 37.');
    expect(names(e)).toEqual(['Malee', 'Somchai']);
    expect(roleOf(e, 'Malee')).toBe('wife');
  });

  it('does not take bylines, photo credits or editors for persons', () => {
    const text = [
      'Julia Brenner / March 3, 2024',
      'Officers searched the container for six hours.',
      'Photo: Marc Vidal/AFP',
      'Edited by: Tom Wright',
    ].join('\n\n');
    expect(entities(text).persons).toEqual([]);
  });

  it('does not read a place or an organisation as a person', () => {
    const e = entities('Costa Rica said the Costa Rican Coast Guard had boarded the vessel.');
    expect(e.persons).toEqual([]);
    expect(e.organizations).toContain('Costa Rican Coast Guard');
  });
});

describe('organisations', () => {
  it('reads agencies, forces and cartels and joins "and" inside a name', () => {
    const e = entities(
      'The Federal Customs Agency and the National Police worked with Customs and Border Protection officers against the Gulf Cartel.',
    );
    expect(e.organizations.sort()).toEqual(
      ['Customs and Border Protection', 'Federal Customs Agency', 'Gulf Cartel', 'National Police'].sort(),
    );
  });

  it('keeps an acronym defined in brackets as its organisation', () => {
    const e = entities('The Maritime Drug Unit (MDU) boarded the ship. The MDU said it found nothing else.');
    expect(e.organizations).toEqual(['Maritime Drug Unit']);
  });

  it('does not list a country inside an organisation name as a place', () => {
    const e = entities('Officers of the Ghana Revenue Authority inspected the cargo.');
    expect(placeNames(e)).toEqual([]);
  });
});

describe('places', () => {
  it('merges "US" and "United States" under the full name', () => {
    const e = entities('The United States sent advisers. US officials said more would follow.');
    expect(e.places).toEqual([
      expect.objectContaining({ name: 'United States', kind: 'country', country: 'US' }),
    ]);
  });

  it('adds no place for demonyms and adjectives', () => {
    const e = entities('Dutch and German investigators joined the European effort.');
    expect(e.places).toEqual([]);
    expect(entities('Thai police and South African customs worked together.').places).toEqual([]);
  });

  it('reads ports named "Port X" that the gazetteer lacks', () => {
    const e = entities('The cutter unloaded the bales at Port Quillon, Florida.');
    expect(place(e, 'Port Quillon')).toMatchObject({ kind: 'port', country: 'US' });
  });

  it('resolves homonyms by population and by the countries the text names', () => {
    const be = entities('Dockers in Antwerp unloaded the bananas.');
    expect(place(be, 'Antwerp')).toMatchObject({ country: 'BE', kind: 'city' });
    expect(Math.abs((place(be, 'Antwerp')?.lat ?? 0) - 51.2194)).toBeLessThan(0.1);
    const us = entities('Deputies in Athens, Georgia, arrested two men on the interstate.');
    expect(place(us, 'Athens')).toMatchObject({ country: 'US' });
    const gr = entities('Police in Athens arrested two men near the port of Piraeus in Greece.');
    expect(place(gr, 'Athens')).toMatchObject({ country: 'GR' });
  });

  it('prefers a large city to a small region of the same name, with the country in context', () => {
    const e = entities('The gang shipped parcels from London to Liverpool and Manchester.');
    expect(place(e, 'Manchester')).toMatchObject({ kind: 'city', country: 'GB' });
  });

  it('reads organisation names that open a sentence', () => {
    const e = entities('Border Force officers at Felixstowe opened the container.');
    expect(e.organizations).toEqual(['Border Force']);
    expect(place(e, 'Felixstowe')).toMatchObject({ country: 'GB' });
  });

  it('resolves "the port city" to the last city named', () => {
    const e = entities('Inspectors are busy in Hamburg. Last year 20 tons were seized in the port city.');
    const coref = e.mentions.find((m) => m.coreference);
    expect(coref).toMatchObject({ name: 'Hamburg', surface: 'the port city', country: 'DE', sentence: 1 });
    expect(e.places.map((p) => p.name)).toEqual(['Hamburg']);
  });

  it('treats "the port of X" as X and an unknown port as a port', () => {
    const e = entities(
      'The ship left the port of Valparaiso for the port of Puerto Quetzalito in Guatemala.',
    );
    expect(place(e, 'Valparaiso')).toMatchObject({ country: 'CL' });
    expect(place(e, 'Puerto Quetzalito')).toMatchObject({ kind: 'port', country: 'GT' });
  });

  it('lists regions with EU for Europe and null for multi-country areas', () => {
    const e = entities('Cocaine reaches Europe through the Caribbean and West and Central Africa.');
    expect(e.places).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Europe', kind: 'region', country: 'EU' }),
        expect.objectContaining({ name: 'Caribbean', kind: 'region', country: null }),
        expect.objectContaining({ name: 'West Africa', country: null }),
        expect.objectContaining({ name: 'Central Africa', country: null }),
      ]),
    );
  });

  it('reads "Caribbean coast" as an adjective', () => {
    const e = entities('The boat was found on the Caribbean coast of Honduras.');
    expect(placeNames(e)).toEqual(['Honduras']);
  });

  it('reads upper-case datelines with their state or province', () => {
    const e = entities('LAREDO, Texas – Officers found 40 pounds of methamphetamine in a truck.');
    expect(place(e, 'Laredo')).toMatchObject({ country: 'US', kind: 'city' });
    expect(place(e, 'Texas')).toMatchObject({ country: 'US', kind: 'region' });
  });

  it('lists facilities and districts the gazetteer does not hold', () => {
    const e = entities(
      'Officers at the Nogales port of entry and at the Bayview Container Terminal in Colombia searched trucks from Tumaco district.',
    );
    expect(place(e, 'Nogales port of entry')).toMatchObject({ kind: 'port' });
    expect(place(e, 'Bayview Container Terminal')).toMatchObject({ kind: 'port', country: 'CO' });
    expect(place(e, 'Tumaco')).toMatchObject({ country: 'CO' });
  });

  it('keeps person names out of places', () => {
    const e = entities('Judge Sarah Lincoln sentenced the courier. Lincoln said the case was closed.');
    expect(placeNames(e)).toEqual([]);
    expect(names(e)).toEqual(['Sarah Lincoln']);
  });

  it('reads places from the title too', () => {
    const e = entities('Officers found the drugs in a shipment of bananas.', 'Record haul in Rotterdam');
    expect(place(e, 'Rotterdam')).toMatchObject({ country: 'NL' });
    expect(e.mentions).toEqual([]);
    expect(e.titleMentions[0]).toMatchObject({ name: 'Rotterdam', sentence: -1 });
  });

  it('gives every mention its sentence and offsets in text order', () => {
    const text = 'Spain and Portugal share data. Later, Lisbon asked Madrid for help.';
    const e = entities(text);
    expect(e.mentions.map((m) => m.surface)).toEqual(['Spain', 'Portugal', 'Lisbon', 'Madrid']);
    for (const m of e.mentions) expect(text.slice(m.start, m.end)).toBe(m.surface);
    expect(e.mentions.map((m) => m.sentence)).toEqual([0, 0, 1, 1]);
  });
});
