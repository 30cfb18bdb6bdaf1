/**
 * Places and persons in de, es, fr, nl and pt: sentences of our own (never corpus text) for each
 * place rule of issue 11 — regions under local names and exonyms, second-level areas, ports
 * named by their head or by the place adjective, capitalised administrative nouns, towns joined
 * by hyphens, places an organisation is named after, lower-case tails of country names — and
 * for persons beside agencies and places. Each case lists the places read ("name:CC") and,
 * where given, the persons.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const read = (text: string, language: string) => {
  const r = extractRecord(
    articleFromText({ url: null, title: null, text, published: '2025-03-12', language }),
  );
  return {
    places: r.places.map((p) => `${p.name}:${p.country ?? '-'}`).sort(),
    persons: r.persons.map((p) => p.name).sort(),
  };
};

type Case = [text: string, places: string[], persons?: string[]];

const run = (language: string, cases: Case[]) => {
  for (const [text, places, persons] of cases) {
    it(text.slice(0, 70), () => {
      const got = read(text, language);
      expect(got.places).toEqual([...places].sort());
      if (persons) expect(got.persons).toEqual([...persons].sort());
    });
  }
};

describe('German: regions, ports, districts, agencies (own sentences)', () => {
  run('de', [
    [
      'Fahnder aus Oberösterreich und der Steiermark stellten 40 Kilogramm Cannabis sicher.',
      ['Oberösterreich:AT', 'Steiermark:AT'],
    ],
    [
      'In Baden-Württemberg und im Saarland schlugen die Ermittler gleichzeitig zu.',
      ['Baden-Württemberg:DE', 'Saarland:DE'],
    ],
    [
      'Der Stoff sollte aus Katalonien über Andalusien nach Bayern gelangen.',
      ['Katalonien:ES', 'Andalusien:ES', 'Bayern:DE'],
    ],
    ['Die Kantonspolizei meldete Funde im Tessin und im Wallis.', ['Tessin:CH', 'Wallis:CH']],
    ['Bei Kontrollen im Kanton Aargau fanden Grenzwächter 8 Kilogramm Heroin.', ['Kanton Aargau:CH']],
    [
      'In den Kantonen Luzern, Zug und Schwyz wurden Wohnungen durchsucht.',
      ['Luzern:CH', 'Zug:CH', 'Schwyz:CH'],
    ],
    [
      'Ermittler im Ruhrgebiet und im Münsterland nahmen drei Männer fest.',
      ['Ruhrgebiet:DE', 'Münsterland:DE'],
    ],
    ['Im Bremer Hafen fand der Zoll 300 Kilogramm Kokain in Bananenkisten.', ['Bremen:DE']],
    [
      'Die Lieferung kam über den Hafen von Antwerpen und wurde im Kieler Hafen entdeckt.',
      ['Antwerpen:BE', 'Kiel:DE'],
    ],
    [
      'Eine Wohnung lag in Wien-Favoriten, die zweite in Wien-Donaustadt.',
      ['Wien-Favoriten:AT', 'Wien-Donaustadt:AT'],
    ],
    [
      'Wie das Hauptzollamt Frankfurt mitteilte, sollte die Ware nach Polen gehen.',
      ['Frankfurt:DE', 'Polen:PL'],
    ],
    ['Die Drogen wurden an der Grenze zu Tschechien in einem Lieferwagen gefunden.', ['Tschechien:CZ']],
  ]);
});

describe('Spanish: regions, provinces, ports, agencies (own sentences)', () => {
  run('es', [
    [
      'La Guardia Civil desarticuló una red que operaba en Galicia y Asturias.',
      ['Galicia:ES', 'Asturias:ES'],
    ],
    [
      'El hachís llegaba desde Marruecos a las Islas Baleares y a Cataluña.',
      ['Marruecos:MA', 'Islas Baleares:ES', 'Cataluña:ES'],
    ],
    ['La carga salió de Baviera con destino a Extremadura.', ['Baviera:DE', 'Extremadura:ES']],
    [
      'Los agentes incautaron 90 kilos en el Puerto de Algeciras y otros 40 en el puerto de Huelva.',
      ['Algeciras:ES', 'Huelva:ES'],
    ],
    [
      'Carabineros requisaron droga en la Región de Tarapacá y en la provincia de El Tamarugal.',
      ['Región de Tarapacá:CL', 'El Tamarugal:CL'],
    ],
    ['El operativo se extendió a las provincias de Salta y Jujuy.', ['Salta:AR', 'Jujuy:AR']],
    ['La Fiscalía de Tucumán informó que el cargamento venía de Bolivia.', ['Tucumán:AR', 'Bolivia:BO']],
    [
      'El barco fue interceptado frente a la Costa del Sol, cerca del Campo de Gibraltar.',
      ['Costa del Sol:ES', 'Campo de Gibraltar:ES'],
    ],
    [
      'La avioneta despegó de República Dominicana y aterrizó en Honduras, dijo el fiscal Mario Quintana.',
      ['República Dominicana:DO', 'Honduras:HN'],
      ['Mario Quintana'],
    ],
  ]);
});

describe('French: régions, départements, ports, arrondissements (own sentences)', () => {
  run('fr', [
    [
      'Les gendarmes de la Haute-Garonne et du Tarn ont démantelé un réseau.',
      ['Haute-Garonne:FR', 'Tarn:FR'],
    ],
    ['La résine venait d’Andalousie et transitait par la Catalogne.', ['Andalousie:ES', 'Catalogne:ES']],
    [
      'Les douaniers du Finistère ont saisi 60 kilos de cocaïne au port de Brest.',
      ['Finistère:FR', 'Brest:FR'],
    ],
    [
      'La marchandise est arrivée au Port de Marseille en provenance de Guyane.',
      ['Marseille:FR', 'Guyane:GF'],
    ],
    [
      'Le parquet de Charleroi a ouvert une enquête après une saisie à l’aéroport de Liège-Bierset.',
      ['Charleroi:BE', 'Liège-Bierset:BE'],
    ],
    [
      'Les saisies ont augmenté en Bretagne et en Normandie selon la douane.',
      ['Bretagne:FR', 'Normandie:FR'],
    ],
    [
      'Un cargo venu d’Amérique du Sud a été contrôlé en Suisse puis en Bavière.',
      ['Amérique du Sud:-', 'Suisse:CH', 'Bavière:DE'],
    ],
  ]);
});

describe('Dutch: provinces, ports, agencies (own sentences)', () => {
  run('nl', [
    ['De politie in Noord-Brabant en Limburg rolde een drugslab op.', ['Noord-Brabant:NL', 'Limburg:NL']],
    [
      'De lading werd in de Rotterdamse haven onderschept en was bestemd voor Beieren.',
      ['Rotterdam:NL', 'Beieren:DE'],
    ],
    ['Het parket van Oost-Vlaanderen vervolgt drie verdachten uit Gent.', ['Oost-Vlaanderen:BE', 'Gent:BE']],
    [
      'De Haven van Vlissingen en de haven van Zeebrugge worden strenger gecontroleerd.',
      ['Vlissingen:NL', 'Zeebrugge:BE'],
    ],
    [
      'Het Openbaar Ministerie in Zeeland zegt dat de cocaïne uit Ecuador kwam.',
      ['Zeeland:NL', 'Ecuador:EC'],
    ],
  ]);
});

describe('Portuguese: distritos, regiões, portos, agencies (own sentences)', () => {
  run('pt', [
    ['A PSP de Braga e a GNR de Viseu apreenderam haxixe.', ['Braga:PT', 'Viseu:PT']],
    ['A droga foi descoberta no Porto de Paranaguá, no Paraná.', ['Paranaguá:BR', 'Paraná:BR']],
    [
      'Os militares atuaram no Algarve e no Alentejo, junto à fronteira com a Andaluzia.',
      ['Algarve:PT', 'Alentejo:PT', 'Andaluzia:ES'],
    ],
    ['O veleiro foi intercetado ao largo da Madeira e levado para os Açores.', ['Madeira:PT', 'Açores:PT']],
    [
      'O Comando Territorial de Santarém deteve dois homens na Baixada Santista.',
      ['Santarém:PT', 'Baixada Santista:BR'],
    ],
    [
      'A carga partiu da Baviera com destino à Catalunha, disse o inspetor Rui Moreira.',
      ['Baviera:DE', 'Catalunha:ES'],
      ['Rui Moreira'],
    ],
  ]);
});

describe('Persons in de, es, fr, nl and pt: roles, particles, nicknames, agencies (own sentences)', () => {
  const cases: Array<[string, string, string[]]> = [
    ['es', 'El fiscal Juan Carlos de la Vega explicó el caso.', ['Juan Carlos de la Vega']],
    [
      'es',
      'El portavoz de la Guardia Civil, Ramón Iglesias, explicó que el alijo venía de Marruecos.',
      ['Ramón Iglesias'],
    ],
    [
      'es',
      'El tribunal absolvió a uno de los principales acusados, Ramiro Sáenz Ochoa, del delito de blanqueo.',
      ['Ramiro Sáenz Ochoa'],
    ],
    [
      'es',
      'Entre los condenados figura Rosa Elena Quiroga, conocida como la Dama del Sur, que recibió seis años.',
      ['Rosa Elena Quiroga'],
    ],
    [
      'pt',
      'O delegado Carlos Alberto dos Santos Lima disse que a droga saiu do porto.',
      ['Carlos Alberto dos Santos Lima'],
    ],
    [
      'pt',
      'O principal suspeito, Marcos Vinícius Prado, vulgo Careca, foi preso em Goiânia.',
      ['Marcos Vinícius Prado'],
    ],
    [
      'pt',
      'Os militares do Comando Territorial de Setúbal atuaram, disse o capitão Nuno Reis.',
      ['Nuno Reis'],
    ],
    ['fr', 'Le principal suspect, Yanis Martel, surnommé le Roi du Port, a été écroué.', ['Yanis Martel']],
    ['fr', 'Une enquête est ouverte à Hal-Vilvorde, a indiqué Jean-Luc Dupont.', ['Jean-Luc Dupont']],
    ['fr', 'Le Département du Var a signalé une hausse des saisies.', []],
    ['nl', 'De woordvoerder van het OM, Jan van der Berg, bevestigde de arrestatie.', ['Jan van der Berg']],
    ['nl', 'De hoofdverdachte, Kevin de Jong, werd in Breda aangehouden.', ['Kevin de Jong']],
    ['nl', 'De Haven van Vlissingen wordt strenger gecontroleerd.', []],
    ['de', 'Der Hauptangeklagte, Marco Keller, wurde zu acht Jahren verurteilt.', ['Marco Keller']],
    ['de', 'Im Kanton Graubünden ermittelt die Kantonspolizei gegen zwei Männer.', []],
  ];
  for (const [language, text, persons] of cases)
    it(`${language}: ${text.slice(0, 60)}`, () => {
      expect(read(text, language).persons).toEqual([...persons].sort());
    });
});

describe('Seizure country in de, es, fr, nl and pt: where it was seized, not origin or destination (own sentences)', () => {
  const cases: Array<[string, string, string[]]> = [
    [
      'es',
      'La Guardia Civil incautó 800 kilos de cocaína en el puerto de Valencia en un contenedor procedente de Ecuador.',
      ['ES'],
    ],
    [
      'es',
      'Los agentes decomisaron 1.200 kilos de hachís en Cádiz; la droga salió de Marruecos con destino a Francia.',
      ['ES'],
    ],
    [
      'es',
      'Los agentes de Algeciras revisaron un camión con matrícula de Francia. Hallaron 500 kilos de hachís.',
      ['ES'],
    ],
    [
      'fr',
      'La gendarmerie a saisi 2 tonnes de résine de cannabis à Perpignan, à destination des Pays-Bas.',
      ['FR'],
    ],
    [
      'fr',
      'Les douaniers ont saisi 300 kilos de cocaïne au Havre dans un conteneur en provenance du Brésil.',
      ['FR'],
    ],
    [
      'pt',
      'A PJ apreendeu 500 quilos de cocaína em Setúbal, num veleiro vindo do Brasil com destino à Espanha.',
      ['PT'],
    ],
    [
      'de',
      'Der Zoll stellte in Hamburg 400 Kilogramm Kokain aus Ecuador sicher, die nach Polen gehen sollten.',
      ['DE'],
    ],
    [
      'nl',
      'De douane nam in Rotterdam 900 kilo cocaïne in beslag, afkomstig uit Colombia en bestemd voor Italië.',
      ['NL'],
    ],
  ];
  for (const [language, text, countries] of cases)
    it(`${language}: ${text.slice(0, 60)}`, () => {
      const r = extractRecord(
        articleFromText({ url: null, title: null, text, published: '2025-03-12', language }),
      );
      expect(r.seizures.map((x) => x.country)).toEqual(countries);
    });
});
