/**
 * Persons and places in de, es, fr, nl and pt, round 3 of issue 11 (docs/extraction-entities.md,
 * "Round 3"): sentences of our own, never corpus or held-out text. Each case gives the persons
 * read (exactly), places that must be listed ("name:CC", CC "-" for none) and words that must
 * not be listed as places. The mechanisms: titles and roles before and after a name (professions,
 * written-out ranks, hyphened heads, a complement fused into the name run, a long complement before
 * ", X,"), particles inside names and a second particle before a place, bodies and places that
 * are no persons, facility heads before a name, town governments, titles that open with
 * "Country :", and macro-regions and seas under the language's names.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

interface Case {
  text: string;
  persons: string[];
  places?: string[];
  notPlaces?: string[];
  roles?: Record<string, string>;
}

const run = (language: string, cases: Case[]) => {
  for (const c of cases) {
    it(c.text.slice(0, 80), () => {
      const r = extractRecord(
        articleFromText({ url: null, title: null, text: c.text, published: '2026-03-12', language }),
      );
      expect(r.persons.map((p) => p.name).sort()).toEqual([...c.persons].sort());
      const places = r.places.map((p) => `${p.name}:${p.country ?? '-'}`);
      for (const p of c.places ?? []) expect(places).toContain(p);
      for (const n of c.notPlaces ?? []) expect(r.places.map((p) => p.name)).not.toContain(n);
      for (const [name, role] of Object.entries(c.roles ?? {}))
        expect(r.persons.find((p) => p.name === name)?.role).toBe(role);
    });
  }
};

describe('German (round 3, own sentences)', () => {
  run('de', [
    {
      text: 'Oberstaatsanwältin Petra Vogt kündigte am Montag Anklage gegen vier Männer an. Vogt sprach von einem der größten Funde des Jahres.',
      persons: ['Petra Vogt'],
    },
    {
      text: 'Der Kriminologe Tobias Albrecht von der Universität Bielefeld hält die Zahlen für geschönt.',
      persons: ['Tobias Albrecht'],
      roles: { 'Tobias Albrecht': 'Kriminologe' },
    },
    {
      text: 'Oberstleutnant Sabine Kraus leitete den Einsatz an der Küste.',
      persons: ['Sabine Kraus'],
      roles: { 'Sabine Kraus': 'Oberstleutnant' },
    },
    {
      text: 'Innenministerin Sophie zu Eltz kündigte strengere Kontrollen an. Zu Eltz sagte, der Hafen sei ein Einfallstor.',
      persons: ['Sophie zu Eltz'],
    },
    {
      text: 'Der Kleinlaster hatte laut Lieferschein Orangen aus Spanien geladen.',
      persons: [],
      places: ['Spanien:ES'],
    },
    {
      text: 'Beamte des Bundeskriminalamts und der Bundespolizei durchsuchten am Grenzübergang Görlitz einen Kleinbus aus Polen.',
      persons: [],
      places: ['Görlitz:DE', 'Polen:PL'],
      notPlaces: ['Grenzübergang Görlitz'],
    },
    {
      text: 'Schweiz: Grenzwächter finden zwölf Kilogramm Kokain in einem Reisebus.',
      persons: [],
      places: ['Schweiz:CH'],
    },
    {
      text: 'Zwei Frauen im Alter von 29 und 41 Jahren wurden in St. Pölten festgenommen. Ob sie zusammenarbeiteten, ist offen; im doppelten Boden ihres Wagens lagen im Mai drei Kilo.',
      persons: [],
      places: ['St. Pölten:AT'],
      notPlaces: ['Alter', 'Ob', 'Boden', 'Mai'],
    },
    {
      text: 'Die Kantonspolizei St. Gallen meldete im ganzen Kanton 14 Anlagen; eine lag in Zug.',
      persons: [],
      places: ['St. Gallen:CH', 'Zug:CH'],
      notPlaces: ['Kanton'],
    },
    {
      text: 'Die Route führt über Westafrika und das Mittelmeer bis in die Häfen an der Nordsee.',
      persons: [],
      places: ['Westafrika:-', 'Mittelmeer:-', 'Nordsee:-'],
    },
  ]);
});

describe('Spanish (round 3, own sentences)', () => {
  run('es', [
    {
      text: 'El portavoz de la Jefatura Superior de Policía de Canarias, Marcos Delgado, explicó que la droga llegó en un velero.',
      persons: ['Marcos Delgado'],
    },
    {
      text: 'La contraalmirante Beatriz Salcedo coordinó el dispositivo frente a Cartagena.',
      persons: ['Beatriz Salcedo'],
      roles: { 'Beatriz Salcedo': 'contraalmirante' },
    },
    {
      text: 'Según la socióloga Carmen Ibáñez, el consumo ha crecido en los barrios del sur.',
      persons: ['Carmen Ibáñez'],
    },
    {
      text: 'Agentes detuvieron en la calle San Bernardo a dos hombres; el buque Santa Clara fue abordado frente a Vigo.',
      persons: [],
      places: ['Vigo:ES'],
      notPlaces: ['Santa Clara'],
    },
    {
      text: 'Agentes de la Comandancia de Huelva participaron en el operativo junto a la Guardia Civil.',
      persons: [],
    },
    {
      text: 'Según el comisario José Luis del Valle, la red operaba desde Galicia. Del Valle añadió que habrá más detenciones.',
      persons: ['José Luis del Valle'],
      places: ['Galicia:ES'],
      notPlaces: ['Valle'],
    },
    {
      text: 'La Guardia Civil interceptó una narcolancha al sur de Lanzarote y otra frente a Menorca.',
      persons: [],
      places: ['Lanzarote:ES', 'Menorca:ES'],
    },
    {
      text: 'La cocaína viajaba desde Centroamérica hacia los puertos del Mediterráneo.',
      persons: [],
      places: ['Centroamérica:-', 'Mediterráneo:-'],
    },
  ]);
});

describe('French (round 3, own sentences)', () => {
  run('fr', [
    {
      text: 'La porte-parole du parquet, Claire Dumas, a indiqué que trois suspects restaient en garde à vue.',
      persons: ['Claire Dumas'],
    },
    {
      text: "Selon le commissaire Julien Marchand, la cargaison venait d'Équateur.",
      persons: ['Julien Marchand'],
      places: ['Équateur:EC'],
    },
    {
      text: 'Le vice-amiral Hervé Lemoine a salué le travail des marins.',
      persons: ['Hervé Lemoine'],
      roles: { 'Hervé Lemoine': 'vice-amiral' },
    },
    {
      text: "La Ville de Marseille et Santé publique France ouvriront un centre d'accueil.",
      persons: [],
      places: ['Marseille:FR'],
      notPlaces: ['Santé', 'Ville de Marseille'],
    },
    {
      text: "Un passager a été arrêté à l'aéroport Aimé-Césaire de Fort-de-France avec deux kilos.",
      persons: [],
      places: ['aéroport Aimé-Césaire:MQ', 'Fort-de-France:MQ'],
    },
    {
      text: 'La résine a été débarquée au port du Havre puis chargée sur un camion vers le Mans.',
      persons: [],
      places: ['Le Havre:FR', 'Le Mans:FR'],
      notPlaces: ['Havre', 'Mans'],
    },
    {
      text: 'Maroc : les douaniers saisissent deux tonnes de résine de cannabis.',
      persons: [],
      places: ['Maroc:MA'],
    },
    {
      text: "Les réseaux passent par l'Afrique de l'Ouest puis remontent vers l'Europe de l'Est.",
      persons: [],
      places: ["Afrique de l'Ouest:-", "Europe de l'Est:-"],
      notPlaces: ['Ouest', 'Est'],
    },
  ]);
});

describe('Dutch (round 3, own sentences)', () => {
  run('nl', [
    {
      text: 'Officier van justitie Sanne de Vries eiste vier jaar cel tegen de hoofdverdachte.',
      persons: ['Sanne de Vries'],
    },
    {
      text: 'De officier van justitie, Marieke van den Broek, noemde de zaak ernstig. Van den Broek eiste zes jaar.',
      persons: ['Marieke van den Broek'],
      roles: { 'Marieke van den Broek': 'officier van justitie' },
    },
    {
      text: 'Het plan werd dinsdag gepresenteerd door minister van Justitie Mark Jansen.',
      persons: ['Mark Jansen'],
      roles: { 'Mark Jansen': 'minister van Justitie' },
    },
    {
      text: 'Burgemeester Femke de Jong van Eindhoven reageerde verheugd op de vangst.',
      persons: ['Femke de Jong'],
      places: ['Eindhoven:NL'],
    },
    {
      text: 'Volgens psycholoog Daan Visser van de Universiteit Utrecht is de trend duidelijk.',
      persons: ['Daan Visser'],
    },
    {
      text: 'De Gemeente Breda sluit twee coffeeshops na de vondst.',
      persons: [],
      places: ['Breda:NL'],
    },
    {
      text: 'De lading kwam via de Noordzee en de Oostzee naar de haven.',
      persons: [],
      places: ['Noordzee:-', 'Oostzee:-'],
    },
  ]);
});

describe('Portuguese (round 3, own sentences)', () => {
  run('pt', [
    {
      text: 'Segundo a porta-voz da Polícia Judiciária, Marta Figueiredo, o barco vinha dos Açores.',
      persons: ['Marta Figueiredo'],
      roles: { 'Marta Figueiredo': 'porta-voz da Polícia Judiciária' },
    },
    {
      text: 'A droga estava escondida num contentor, informou o comandante-geral da corporação, Artur Mendes.',
      persons: ['Artur Mendes'],
    },
    {
      text: 'O navio atracou no porto de Santos. O delegado Carlos dos Santos disse que a carga veio do Paraguai. Dos Santos pediu reforços.',
      persons: ['Carlos dos Santos'],
      places: ['Santos:BR'],
    },
    {
      text: 'A Operação Lusitânia da Polícia Federal prendeu doze pessoas em São Paulo.',
      persons: [],
      places: ['São Paulo:BR'],
    },
    {
      text: 'Os suspeitos foram detidos na província de Cabo Delgado, no norte de Moçambique.',
      persons: [],
      places: ['Cabo Delgado:MZ'],
    },
    {
      text: 'O vice-almirante Paulo Rocha comandou a operação no Atlântico.',
      persons: ['Paulo Rocha'],
      places: ['Atlântico:-'],
    },
  ]);
});
