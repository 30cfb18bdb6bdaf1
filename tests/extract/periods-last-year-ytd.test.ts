/**
 * Periods (issue 9 class 7): a month or a day "of last year" is that month or day of the year
 * before publication, not the bare year; "December last" said in December is a year back; a
 * year-to-date total is the year; a span of several years has no single period; "today" after a
 * verb of telling dates the telling. Six languages, sentences of our own; published on Tuesday
 * 2026-12-08 unless a case says otherwise.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { findPeriods } from '../../src/extract/seizures/periods.ts';

const PUB = '2026-12-08';

const periods = (language: string, text: string, published = PUB) =>
  findPeriods(loadRuleSet(language).seizures, text, published, null, null).map((p) =>
    p.reporting ? 'telling' : p.range ? 'range' : p.period,
  );

const dated = (language: string, text: string, published = PUB) =>
  extractRecord(articleFromText({ url: null, title: null, text, published, language })).seizures.map(
    (s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`} ${s.period}`,
  );

describe('a month or a day of last year', () => {
  const cases: Array<[string, string, string]> = [
    ['en', 'Agents found 60 kilos of heroin in a lorry on 14 April last year.', '2025-04-14'],
    ['en', 'The ketamine, 22 kg in all, was intercepted on Aug. 3rd of last year.', '2025-08-03'],
    ['de', 'Die Fahnder entdeckten im Juni vergangenen Jahres 45 Kilo Amphetamin.', '2025-06'],
    ['de', 'Am 2. Mai des Vorjahres hatten Zöllner 80 Kilo Kokain gefunden.', '2025-05-02'],
    ['es', 'Los agentes se incautaron de 70 kilos de heroína en julio del año pasado.', '2025-07'],
    ['es', 'El alijo de 12 kilos de ketamina se halló el 6 de febrero del año anterior.', '2025-02-06'],
    ['fr', 'Les gendarmes avaient saisi 35 kilos d’héroïne en mai de l’année dernière.', '2025-05'],
    ['fr', 'Le 11 octobre de l’an dernier, 18 kilos de kétamine ont été découverts.', '2025-10-11'],
    ['nl', 'In augustus vorig jaar vond de douane 90 kilo heroïne in een vrachtwagen.', '2025-08'],
    ['nl', 'Op 4 juni van vorig jaar werd 25 kilo ketamine onderschept.', '2025-06-04'],
    ['pt', 'A polícia apreendeu 55 quilos de haxixe em março do ano passado.', '2025-03'],
    ['pt', 'No dia 19 de setembro do ano passado foram apreendidos 14 quilos de heroína.', '2025-09-19'],
  ];
  for (const [language, text, want] of cases)
    it(`${language}: ${text}`, () => {
      expect(dated(language, text).map((s) => s.split(' ').at(-1))).toEqual([want]);
    });
});

describe('"<month> last" is the last such month before the month of publication', () => {
  it('said in December, "December last" is a year back and "November last" this year', () => {
    expect(periods('en', 'The pills were found last December.')).toEqual(['2025-12']);
    expect(periods('en', 'The pills were found last November.')).toEqual(['2026-11']);
    expect(periods('de', 'Im vergangenen Dezember fand die Polizei das Lager.')).toEqual(['2025-12']);
    expect(periods('es', 'El pasado diciembre se halló el alijo.')).toEqual(['2025-12']);
    expect(periods('es', 'En octubre pasado se halló el alijo.')).toEqual(['2026-10']);
    expect(periods('fr', 'La résine a été saisie en décembre dernier.')).toEqual(['2025-12']);
    expect(periods('fr', 'La résine a été saisie en novembre dernier.')).toEqual(['2026-11']);
    expect(periods('nl', 'Afgelopen december viel de politie binnen.')).toEqual(['2025-12']);
    expect(periods('pt', 'No passado mês de dezembro a carga foi interceptada.')).toEqual(['2025-12']);
  });

  it('a day before "dernier" / "pasado" keeps its day', () => {
    expect(periods('fr', 'La résine a été saisie le 3 novembre dernier.')).toEqual(['2026-11-03']);
    expect(periods('es', 'El alijo se halló el 3 de noviembre pasado.')).toEqual(['2026-11-03']);
    expect(periods('pt', 'A carga foi interceptada a 3 de novembro passado.')).toEqual(['2026-11-03']);
  });
});

describe('a year-to-date total is the year of publication', () => {
  const cases: Array<[string, string]> = [
    ['en', 'Year-to-date, border officers have seized 2.4 tonnes of methamphetamine.'],
    ['de', 'Seit Jahresbeginn hat der Zoll am Flughafen 640 Kilo Marihuana beschlagnahmt.'],
    ['de', 'Seit Anfang des Jahres stellten die Ermittler 75 Kilo Heroin sicher.'],
    ['es', 'En lo que va de año, la Armada ha decomisado 3,2 toneladas de marihuana.'],
    ['es', 'Desde principios de año los aduaneros han interceptado 410 kilos de hachís.'],
    ['fr', 'Depuis début d’année, les douaniers ont intercepté 870 kilos de résine de cannabis.'],
    ['nl', 'Sinds het begin van dit jaar heeft de marechaussee 520 kilo hasj onderschept.'],
    ['pt', 'Desde o início do ano a Polícia Federal apreendeu 6,5 toneladas de maconha.'],
  ];
  for (const [language, text] of cases)
    it(`${language}: ${text}`, () => {
      expect(dated(language, text).map((s) => s.split(' ').at(-1))).toEqual(['2026']);
    });
});

describe('a span of several years has no single period', () => {
  const cases: Array<[string, string]> = [
    ['en', 'Just 14 kilos of heroin were recovered over the four years combined.'],
    ['de', 'In den vergangenen fünf Jahren beschlagnahmte die Polizei 300 Kilo Kokain.'],
    ['es', 'En los últimos cuatro años se decomisaron 900 kilos de cocaína.'],
    ['fr', 'Au cours des trois dernières années, 700 kilos de cocaïne ont été saisis.'],
    ['nl', 'De afgelopen zes jaar werd 2.000 kilo cocaïne onderschept.'],
    ['pt', 'Nos últimos três anos foram apreendidos 800 quilos de cocaína.'],
  ];
  for (const [language, text] of cases)
    it(`${language}: ${text}`, () => {
      expect(dated(language, text).map((s) => s.split(' ').at(-1))).toEqual(['null']);
    });
});

describe('"today" after a verb of telling dates the telling', () => {
  it('is no period of the haul; "today" alone still is', () => {
    expect(periods('en', 'The coastguard said today that the yacht carried 300 kilos of hashish.')).toEqual([
      'telling',
    ]);
    expect(periods('en', 'Officers today seized 300 kilos of hashish.')).toEqual(['2026-12-08']);
    expect(periods('de', 'Das teilte die Bundespolizei heute mit.')).toEqual(['telling']);
    expect(periods('de', 'Wie die Wasserschutzpolizei heute mitteilte, lag das Boot im Hafen.')).toEqual([
      'telling',
    ]);
    expect(periods('de', 'Heute fanden Zöllner 30 Kilo Heroin.')).toEqual(['2026-12-08']);
    expect(periods('fr', 'La gendarmerie a annoncé aujourd’hui la saisie.')).toEqual(['telling']);
    expect(periods('nl', 'Dat maakte het Openbaar Ministerie vandaag bekend.')).toEqual(['telling']);
    expect(periods('nl', 'Vandaag vond de politie 40 kilo speed.')).toEqual(['2026-12-08']);
  });
});

describe('weekday look-alikes and a telling of the details', () => {
  it('Portuguese: an ordinal before a noun ("a quinta operação") is no weekday', () => {
    // Published on a Thursday: a "quinta" read as a weekday would give the day of publication.
    expect(periods('pt', 'Foi a quinta operação do género no aeroporto em 2026.', '2026-12-10')).toEqual([
      '2026',
    ]);
    expect(periods('pt', 'Pela segunda vez, a alfândega travou o contentor.', '2026-12-10')).toEqual([]);
    expect(periods('pt', 'Os agentes atuaram na segunda (7) de madrugada.', '2026-12-10')).toEqual([
      '2026-12-07',
    ]);
  });

  it('Portuguese: "na véspera" counts from the day the lead named, past an ordinal', () => {
    expect(
      dated(
        'pt',
        'A Guarda Nacional apreendeu na terça-feira 300 quilos de haxixe numa lancha. Foi a quarta apreensão do mês na costa. Na véspera, a polícia tinha apreendido 20 quilos de cocaína num carro.',
        '2026-12-09',
      ),
    ).toEqual(['hashish 300 2026-12-08', 'cocaine 20 2026-12-07']);
  });

  it('German: "gab am Donnerstag erste Details bekannt" dates the telling; "es gab am Montag" does not', () => {
    expect(periods('de', 'Die Polizei gab am Donnerstag weitere Einzelheiten bekannt.')).toEqual(['telling']);
    expect(periods('de', 'Es gab am Montag eine Kontrolle an der Grenze.')).toEqual(['2026-12-07']);
  });
});
