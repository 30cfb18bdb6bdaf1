/**
 * Issue 11: persons and their roles in de, es, fr, nl and pt, in sentences of our own: titles
 * before the name, roles in apposition, surnames with particles, and the role's complement
 * after a full name ("Burgemeester X Y van Z") that is no part of the name.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const persons = (text: string, language: string) =>
  extractRecord(
    articleFromText({ url: null, title: null, text, published: '2026-11-20', language }),
  ).persons.map((p) => `${p.name} [${p.role}]`);

const cases: Array<[string, string, string[]]> = [
  [
    'de',
    'Oberstaatsanwalt Martin Kessler bestätigte die Festnahme von drei Männern.',
    ['Martin Kessler [Oberstaatsanwalt]'],
  ],
  [
    'de',
    'Die Sache sei noch nicht abgeschlossen, sagte Pressesprecherin Julia Brandt.',
    ['Julia Brandt [Pressesprecherin]'],
  ],
  ['de', 'Bürgermeisterin Anna Keller von Lörrach lobte die Zöllner.', ['Anna Keller [Bürgermeisterin]']],
  ['de', 'Innenminister Tobias von Arnim lobte die Fahnder.', ['Tobias von Arnim [Innenminister]']],
  [
    'de',
    'Der Leiter des Landeskriminalamts, Erich Gruber, sprach von einem Erfolg.',
    ['Erich Gruber [Leiter des Landeskriminalamts]'],
  ],
  ['fr', 'Le procureur Julien Marchand a annoncé trois mises en examen.', ['Julien Marchand [procureur]']],
  [
    'fr',
    'Selon la porte-parole de la police, Claire Dubois, deux hommes ont été arrêtés.',
    ['Claire Dubois [porte-parole de la police]'],
  ],
  [
    'es',
    'La portavoz de la Guardia Civil, Marta Ruiz, confirmó la operación.',
    ['Marta Ruiz [portavoz de la Guardia Civil]'],
  ],
  [
    'es',
    'El secretario general Javier Pérez de Cuéllar visitó Lima.',
    ['Javier Pérez de Cuéllar [secretario general]'],
  ],
  ['es', 'Según la fiscal jefa Rocío Martín, el alijo era enorme.', ['Rocío Martín [fiscal jefa]']],
  [
    'nl',
    'De officier van justitie Sanne de Vries eiste vijf jaar cel.',
    ['Sanne de Vries [officier van justitie]'],
  ],
  [
    'nl',
    'Burgemeester Lieve Vanhoudt van Nederweert liet de loods sluiten.',
    ['Lieve Vanhoudt [Burgemeester]'],
  ],
  [
    'nl',
    'Minister Jeroen van Dalen van Volksgezondheid wil niets veranderen.',
    ['Jeroen van Dalen [Minister]'],
  ],
  ['nl', 'Minister Jeroen van Dalen wil niets veranderen.', ['Jeroen van Dalen [Minister]']],
  ['nl', 'Woordvoerster Inge Peeters van de douane bevestigde de vangst.', ['Inge Peeters [Woordvoerster]']],
  [
    'pt',
    'O delegado Ricardo Almeida afirmou que a droga seria levada para a Europa.',
    ['Ricardo Almeida [delegado]'],
  ],
  [
    'pt',
    'Segundo a porta-voz da PJ, Ana Sofia Cardoso, o suspeito foi detido.',
    ['Ana Sofia Cardoso [porta-voz da PJ]'],
  ],
  ['en', 'Mayor John Smith of Bristol said 30 kg of cocaine were seized.', ['John Smith [Mayor]']],
];

describe('persons and roles in five languages (own sentences)', () => {
  it.each(cases)('%s: %s', (lang, text, want) => {
    expect(persons(text, lang)).toEqual(want);
  });
});
