/**
 * Periods (issue 9 class 7): a lead that dates only the telling ("X said on Thursday") and a
 * next sentence that dates the haul through a definite reference to it, with modifiers between
 * the article and the noun ("the 12-metre trawler", "les trois conteneurs frigorifiques", "das
 * knapp 14 Meter lange Gefährt") and a police action of its language ("geentert", "abordadas");
 * "last <weekday>" said on that weekday is a week back. Sentences of our own; published on
 * Thursday 2026-03-12.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const PUB = '2026-03-12';
const figures = (text: string, language: string, published = PUB) =>
  extractRecord(articleFromText({ url: null, title: null, text, published, language })).seizures.map(
    (s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`} ${s.period}`,
  );

describe('a haul dated by the sentence after a lead that dates the telling', () => {
  it('English: a number-hyphen modifier, and a noun "craft"', () => {
    expect(
      figures(
        'Police in Cornwall seized 1.2 tonnes of cocaine from a fishing boat, the force said on Thursday. The 12-metre trawler had been boarded on Monday by officers from the National Crime Agency.',
        'en',
      ),
    ).toEqual(['cocaine 1200 2026-03-09']);
    expect(
      figures(
        'Customs officers seized about 900 kilos of cannabis resin off Kent, the agency said on Thursday. The homemade craft was stopped on Tuesday after a long chase.',
        'en',
      ),
    ).toEqual(['hashish 900 2026-03-10']);
  });

  it('English: a later sentence about something else leaves the haul undated', () => {
    expect(
      figures(
        'Police seized 40 kg of heroin in Leeds, officers said on Thursday. The two sniffer dogs were praised on Monday by the chief constable.',
        'en',
      ),
    ).toEqual(['heroin 40 null']);
  });

  it('German: a qualifier, a figure and a measure before the noun; a police action of German', () => {
    expect(
      figures(
        'Zollfahnder haben in Bremerhaven 800 Kilogramm Heroin sichergestellt, wie das Zollamt am Donnerstag mitteilte. Das knapp 14 Meter lange Gefährt war bereits am Montag auf der Weser gestoppt worden.',
        'de',
      ),
    ).toEqual(['heroin 800 2026-03-09']);
  });

  it('Spanish: a number word before a plural haul noun', () => {
    expect(
      figures(
        'La Guardia Civil ha incautado 900 kilos de hachís en Almería, informó el jueves el Ministerio del Interior. Las dos narcolanchas fueron abordadas el lunes frente a la costa.',
        'es',
      ),
    ).toEqual(['hashish 900 2026-03-09']);
  });

  it('French: a number word and a plural noun with its adjective after it', () => {
    expect(
      figures(
        'Les douaniers ont saisi 650 kilos de cannabis à Marseille, a annoncé jeudi la préfecture. Les trois conteneurs frigorifiques avaient été fouillés lundi sur le port.',
        'fr',
      ),
    ).toEqual(['cannabis 650 2026-03-09']);
  });

  it('Dutch: a figure and a measure before "vaartuig"', () => {
    expect(
      figures(
        'De douane heeft in de haven van Vlissingen 700 kilo cocaïne in beslag genomen, meldde het OM donderdag. Het 18 meter lange vaartuig werd maandag door de kustwacht geënterd.',
        'nl',
      ),
    ).toEqual(['cocaine 700 2026-03-09']);
  });

  it('Portuguese: a number word before a plural noun, a police action of Portuguese', () => {
    expect(
      figures(
        'A Polícia Judiciária apreendeu 1,5 toneladas de cocaína ao largo da Madeira, anunciou a PJ na quinta-feira. Os dois contentores foram abertos na segunda-feira pelos inspetores.',
        'pt',
      ),
    ).toEqual(['cocaine 1500 2026-03-09']);
  });
});

describe('"last <weekday>" said on that weekday is a week back', () => {
  const tuesday = '2026-03-10';
  it.each([
    ['en', 'Customs officers seized 40 kg of heroin at Dover last Tuesday.'],
    ['de', 'Zöllner stellten am vergangenen Dienstag 40 Kilogramm Heroin in Bremen sicher.'],
    ['es', 'Agentes incautaron 40 kilos de heroína en Cádiz el pasado martes.'],
    ['fr', "Les douaniers ont saisi 40 kilos d'héroïne à Lille mardi dernier."],
    ['nl', 'De douane nam afgelopen dinsdag 40 kilo heroïne in beslag in Rotterdam.'],
    ['pt', 'A polícia apreendeu 40 quilos de heroína em Setúbal na terça-feira passada.'],
    ['pt', 'A polícia apreendeu 40 quilos de heroína em Setúbal na passada terça-feira.'],
  ])('%s: %s', (language, text) => {
    expect(figures(text, language, tuesday)).toEqual(['heroin 40 2026-03-03']);
  });

  it('English: "last Thursday" on a Monday is three days back, a bare weekday on its day is that day', () => {
    expect(
      figures(
        'Border officers found 35 kg of ketamine in a lorry at Holyhead last Thursday.',
        'en',
        '2026-03-16',
      ),
    ).toEqual(['ketamine 35 2026-03-12']);
    expect(
      figures('Border officers found 35 kg of ketamine in a lorry at Holyhead on Thursday.', 'en', PUB),
    ).toEqual(['ketamine 35 2026-03-12']);
  });
});

describe('a count joined from a later sentence dates the haul the lead left undated', () => {
  it('English and Spanish: the packing sentence names the day', () => {
    expect(
      figures(
        'Police seized 450 kg of cocaine in Felixstowe, officials said on Thursday. The drugs were packed in 400 bricks inside a container unloaded last Monday.',
        'en',
      ),
    ).toEqual(['cocaine 450 2026-03-09']);
    expect(
      figures(
        'La Policía Nacional ha localizado 450 kilos de cocaína en el puerto de Bilbao. La droga estaba repartida en 400 paquetes dentro de un contenedor descargado el pasado lunes.',
        'es',
      ),
    ).toEqual(['cocaine 450 2026-03-09']);
  });
});

describe('"informó hoy", "anunciaram hoje" date the telling, not the haul', () => {
  it.each([
    [
      'es',
      'Los Mossos hallaron 200 kilos de marihuana en una nave de Lleida, informó hoy la policía autonómica.',
      'cannabis',
    ],
    [
      'pt',
      'A GNR apreendeu 300 quilos de haxixe numa praia do Algarve, anunciaram hoje as autoridades.',
      'hashish',
    ],
  ])('%s: %s', (language, text, drug) => {
    expect(figures(text, language)).toEqual([`${drug} ${language === 'es' ? 200 : 300} null`]);
  });
});
