/**
 * Persons the extractor missed or cut, by class (issue 9): honorifics and abbreviated ranks
 * between a title and a name, generational suffixes, lower-case roles, names listed after a
 * plural apposition, compounding roles of Dutch and German, and places taken for persons.
 * Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

type Lang = 'en' | 'de' | 'es' | 'fr' | 'nl' | 'pt';
function persons(text: string, language: Lang = 'en') {
  return extractRecord(articleFromText({ url: null, title: null, text, published: '2026-11-01', language }))
    .persons;
}
const names = (text: string, language: Lang = 'en') => persons(text, language).map((p) => p.name);

describe('an honorific or a rank between a title and the name', () => {
  it('drops an honorific after the title, keeps the title as the role', () => {
    const p = persons(
      'Interior Secretary Dr Akinyi Otieno told lawmakers that 300 kg of heroin were seized.',
    );
    expect(p.map((x) => x.name)).toEqual(['Akinyi Otieno']);
    expect(p[0]!.role).toBe('Interior Secretary');
    expect(
      names('Yesterday Health Minister Mrs. Ngozi Adeyemi-Bello opened the new scanner at the port.'),
    ).toEqual(['Ngozi Adeyemi-Bello']);
    expect(names('Deputy Governor Hon. Tevite Fakatava said the cannabis farm was burnt.')).toEqual([
      'Tevite Fakatava',
    ]);
  });
  it('reads an abbreviated rank after a service name as the role', () => {
    const p = persons('Police Col. Danilo Tumbaga said 20 kg of shabu were found in a van.');
    expect(p.map((x) => x.name)).toEqual(['Danilo Tumbaga']);
    expect(p[0]!.role).toBe('Police Col.');
    expect(names('Navy Capt. Ingrid Solberg confirmed that the yacht carried 600 kilos of cocaine.')).toEqual(
      ['Ingrid Solberg'],
    );
    expect(names('Marines Lt. Col. Pedro Alcaraz, whose unit found the boat, spoke to reporters.')).toEqual([
      'Pedro Alcaraz',
    ]);
  });
});

describe('generational suffixes and post-nominal letters', () => {
  it('keeps Jr., Sr. and a numeral in the name, with the dot', () => {
    expect(names('District collector Atty. Ramon Dizon Jr. said the capsules were swallowed.')).toEqual([
      'Ramon Dizon Jr.',
    ]);
    expect(names('Joseph Kamau Sr., 61, was charged with possession of 3 kg of heroin.')).toEqual([
      'Joseph Kamau Sr.',
    ]);
    expect(names('"It was a big haul," said Henry Ford III, a customs officer.')).toEqual(['Henry Ford III']);
  });
  it('joins a later mention by surname to the name with its suffix', () => {
    expect(
      names('Port chief Alfredo Santos Jr. met the crew. Santos said 40 kg of shabu had been found aboard.'),
    ).toEqual(['Alfredo Santos Jr.']);
  });
  it('leaves letters of office and honours out of the name', () => {
    expect(names('Judge Andrew Menary KC jailed Tomas Brady, 30, for six years.')).toEqual([
      'Andrew Menary',
      'Tomas Brady',
    ]);
    expect(names('Senator Grace Oduya MP said 12 kg of cocaine were seized.')).toEqual(['Grace Oduya']);
  });
});

describe('legal roles and compound roles of Dutch and German', () => {
  it('reads English legal roles written in lower case before the name', () => {
    const p = persons('His counsel, senior advocate Ravi Menon, told the court the case was weak.');
    expect(p.map((x) => x.name)).toEqual(['Ravi Menon']);
    expect(p[0]!.role).toBe('senior advocate');
    expect(persons('Her lawyer, defence counsel Aidan Murphy, said she would appeal.')[0]?.role).toBe(
      'defence counsel',
    );
  });
  it('reads a Dutch compound ending in a role head as the role, the speech verb left out', () => {
    const p = persons('"Het wordt gevaarlijker," zegt verslavingsarts Joris Verbeek over de pillen.', 'nl');
    expect(p.map((x) => [x.name, x.role])).toEqual([['Joris Verbeek', 'verslavingsarts']]);
    expect(names('"We zien meer jongeren," zegt drugsdeskundige Karin Bos.', 'nl')).toEqual(['Karin Bos']);
  });
  it('takes a capitalised compound role before a lone first name with an age as the role', () => {
    expect(
      names('Ervaringsdeskundige Femke (29) uit Deventer gebruikte twee jaar lang cocaïne.', 'nl'),
    ).toEqual(['Femke']);
  });
  it('reads a German compound ending in -fahnder as a role', () => {
    const p = persons('Zollfahnder Jürgen Haas sagte, die Ladung sei aus Ecuador gekommen.', 'de');
    expect(p.map((x) => [x.name, x.role])).toEqual([['Jürgen Haas', 'Zollfahnder']]);
  });
});

describe('two names joined by "and", set off by commas', () => {
  it('takes both after a plural noun or a clause', () => {
    expect(names('Two fishermen, Sione Havili and Tomasi Fifita, were given nine years.').sort()).toEqual([
      'Sione Havili',
      'Tomasi Fifita',
    ]);
    expect(
      names(
        'The two deckhands who unloaded the bales, Ropate Naivalu and Josefa Cakau, were jailed for eight years.',
      ).sort(),
    ).toEqual(['Josefa Cakau', 'Ropate Naivalu']);
  });
  it('takes no places listed the same way', () => {
    expect(names('Shipments went through two ports, Santa Cruz and Puerto Limón, officials said.')).toEqual(
      [],
    );
  });
});
