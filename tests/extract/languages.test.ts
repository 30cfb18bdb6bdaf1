/**
 * Five more languages: each folder of config/rules/<lang>/ loads, the language of an article is
 * decided from what it declares and what the detector reads, and each language's tables read
 * seizure figures in sentences of our own (never corpus text).
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, decideLanguage, detectLanguage, extractRecord } from '../../src/extract/index.ts';
import { LANGUAGES } from '../../src/extract/languages/index.ts';

const known = Object.keys(LANGUAGES);
const read = (text: string, language: string, published: string | null = '2024-06-14') =>
  extractRecord(articleFromText({ url: null, title: null, text, published, language }));
const hauls = (text: string, language: string, published?: string | null) =>
  read(text, language, published).seizures.map((s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}`);

describe('language of an article', () => {
  it('knows de, es, fr, nl and pt beside en', () => {
    expect(known.sort()).toEqual(['de', 'en', 'es', 'fr', 'nl', 'pt']);
  });

  it('detects each language on a few sentences', () => {
    expect(
      detectLanguage('Der Zoll hat am Montag in einem Lagerhaus am Stadtrand mehrere Kisten geöffnet.'),
    ).toBe('de');
    expect(
      detectLanguage('Los agentes revisaron el camión durante la noche y hallaron un doble fondo.'),
    ).toBe('es');
    expect(detectLanguage('Les enquêteurs ont fouillé la camionnette garée devant la gare routière.')).toBe(
      'fr',
    );
    expect(detectLanguage('De agenten doorzochten woensdag een loods aan de rand van het dorp.')).toBe('nl');
    expect(detectLanguage('Os agentes revistaram o caminhão na estrada e encontraram um fundo falso.')).toBe(
      'pt',
    );
    expect(detectLanguage('ok')).toBeNull();
  });

  it('keeps a declared language the text confirms, and corrects one the text contradicts', () => {
    const nl = 'De politie heeft dinsdag in een schuur bij de boerderij een grote partij gevonden.';
    expect(decideLanguage('nl-BE', null, nl, known)).toEqual({
      language: 'nl',
      reason: 'declared-confirmed',
    });
    expect(decideLanguage('en', null, nl, known)).toEqual({ language: 'nl', reason: 'detector-overrides' });
    expect(decideLanguage('und', null, nl, known)).toEqual({ language: 'nl', reason: 'detected' });
    expect(decideLanguage('it', null, 'ok', known)).toEqual({ language: 'it', reason: 'declared' });
  });

  it('puts the decided language on the record', () => {
    const r = read('Die Fahnder stellten in der Garage eines Rentners 14 Kilo Heroin sicher.', 'en');
    expect(r.language).toBe('de');
  });
});

describe('seizure figures in five languages (own sentences)', () => {
  it('German: compound units, decimal comma, separable "stellten ... sicher", halbe Tonne', () => {
    expect(
      hauls('Die Fahnder stellten in der Garage eines Rentners 14,5 Kilogramm Heroin sicher.', 'de'),
    ).toEqual(['heroin 14.5']);
    expect(hauls('Im Frachtraum eines Kutters entdeckten Zöllner eine halbe Tonne Haschisch.', 'de')).toEqual(
      ['hashish 500'],
    );
    expect(hauls('Bei der Durchsuchung wurden 2,3 Tonnen Kokain beschlagnahmt.', 'de')).toEqual([
      'cocaine 2300',
    ]);
  });

  it('Spanish: "incautaron", "2.500 kilos" with dot thousands, toneladas', () => {
    expect(hauls('Los agentes incautaron 2.500 kilos de cocaína ocultos entre sacos de café.', 'es')).toEqual(
      ['cocaine 2500'],
    );
    expect(hauls('La policía decomisó dos toneladas de marihuana en una bodega.', 'es')).toEqual([
      'cannabis 2000',
    ]);
  });

  it('French: elision (d’héroïne), "a saisi", tonnes', () => {
    expect(hauls('Les douaniers ont saisi 12 kilos d’héroïne dans une valise à double fond.', 'fr')).toEqual([
      'heroin 12',
    ]);
    expect(hauls('La gendarmerie a saisi 3,5 tonnes de résine de cannabis dans un entrepôt.', 'fr')).toEqual([
      'hashish 3500',
    ]);
  });

  it('Dutch: "in beslag genomen", "aangetroffen", kilo without a link word', () => {
    expect(hauls('In een loods werd 850 kilo cocaïne in beslag genomen.', 'nl')).toEqual(['cocaine 850']);
    expect(hauls('Agenten hebben bij een inval 1.200 kilogram wiet aangetroffen.', 'nl')).toEqual([
      'cannabis 1200',
    ]);
  });

  it('Portuguese: "apreenderam", quilos, maconha, toneladas', () => {
    expect(hauls('Os policiais apreenderam 340 quilos de maconha num sítio.', 'pt')).toEqual([
      'cannabis 340',
    ]);
    expect(hauls('A Marinha apreendeu 1,2 toneladas de cocaína num veleiro.', 'pt')).toEqual([
      'cocaine 1200',
    ]);
  });

  it('no seizure where none is told', () => {
    expect(hauls('Der Stadtrat beschloss am Abend einen neuen Radweg am Fluss.', 'de')).toEqual([]);
    expect(hauls('El ayuntamiento aprobó el presupuesto para el nuevo parque.', 'es')).toEqual([]);
  });

  it('numbers written apart: "3 mil 45 kilos", "88 kilos 250 gramos", "(312) ballots", "2,450 tonnes" as a decimal', () => {
    expect(hauls('Los militares aseguraron 3 mil 45 kilos de cocaína en un rancho.', 'es')).toEqual([
      'cocaine 3045',
    ]);
    expect(hauls('En el maletero se incautaron 88 kilos 250 gramos de marihuana.', 'es')).toEqual([
      'cannabis 88.25',
    ]);
    expect(hauls('Les gendarmes ont saisi trois cent douze (312) sachets d’héroïne.', 'fr')).toEqual([
      'heroin 312 bags',
    ]);
    expect(hauls('La douane a saisi 2,450 tonnes de cocaïne au port.', 'fr')).toEqual(['cocaine 2450']);
  });

  it('German "im Hafen von X" places the haul at X', () => {
    const r = read('Zöllner haben im Hafen von Hamburg 640 Kilogramm Kokain beschlagnahmt.', 'de');
    expect(r.seizures.map((s) => [s.location, s.country])).toEqual([['Hamburg', 'DE']]);
  });

  it('French elision: "plus d’une tonne", "kilos d’héroïne" bound to its drug, "de cocaïne et d’héroïne" a mixed list', () => {
    expect(hauls('Les douaniers ont saisi plus d’une tonne de haschisch sur un voilier.', 'fr')).toEqual([
      'hashish 1000',
    ]);
    expect(hauls('Ils ont saisi 30 kilos de cocaïne et 9 kilos d’héroïne.', 'fr')).toEqual([
      'cocaine 30',
      'heroin 9',
    ]);
    expect(hauls('La brigade a saisi 40 kilos de cocaïne et d’héroïne.', 'fr')).toEqual(['unspecified 40']);
  });

  it('German: a list told as the yield of a raid ("Ausbeute", "Razzia") is a seizure', () => {
    expect(
      hauls('2,2 Kilo Heroin und 600 Gramm Kokain: So lautet die Ausbeute einer Razzia in Graz.', 'de'),
    ).toEqual(['heroin 2.2', 'cocaine 0.6']);
  });

  it('an equivalent in doses is no figure of its own', () => {
    expect(hauls('A GNR apreendeu 2,5 quilos de haxixe, o equivalente a 5.000 doses.', 'pt')).toEqual([
      'hashish 2.5',
    ]);
    expect(hauls('La police a saisi 3 kilos de cocaïne, l’équivalent de 30 000 doses.', 'fr')).toEqual([
      'cocaine 3',
    ]);
  });
});
