/**
 * The country of a seizure's place (issues 9 and 11, third round): route cues (origin,
 * destination, transit, loading port) in every language never give the seizure country; a twin
 * border town resolves with the country the text ties it to; a town inside an agency's name keeps
 * its small homonyms as readings. Sentences of our own.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const read = (text: string, language: string) =>
  extractRecord(articleFromText({ url: null, title: null, text, published: '2025-06-03', language }));

const countries = (text: string, language: string): Array<string | null> =>
  read(text, language).seizures.map((s) => s.country);

describe('route cues never give the seizure country', () => {
  const cases: [lang: string, text: string, want: string][] = [
    [
      'en',
      'Investigators believe the trawler left the coast of Venezuela two days earlier.\n\nOn Monday soldiers in the municipality of Juticalpa, in Honduras, burned 40,000 cannabis plants.',
      'HN',
    ],
    [
      'en',
      'The yacht had set sail from Martinique before coastguards boarded it off Cornwall, England, and found 900 kilograms of cocaine.',
      'GB',
    ],
    [
      'en',
      'Police in Antwerp, Belgium, seized 3 tonnes of cocaine in a container that had been shipped to Europe via Panama.',
      'BE',
    ],
    [
      'fr',
      'Les douaniers de Kayes, au Mali, ont saisi 300 kilogrammes de cannabis dans un camion qui roulait en direction du Sénégal.',
      'ML',
    ],
    [
      'fr',
      "La police a découvert au port de Douala, au Cameroun, 15 kilogrammes d'héroïne cachés dans une voiture importée d'Anvers, en Belgique.",
      'CM',
    ],
    [
      'fr',
      'À Marseille, en France, les gendarmes ont saisi 2 tonnes de résine de cannabis expédiées depuis Tanger, au Maroc.',
      'FR',
    ],
    [
      'es',
      'La Guardia Civil incautó en Algeciras, España, 700 kilos de cocaína ocultos en bananas embarcadas en Guayaquil, Ecuador.',
      'ES',
    ],
    [
      'es',
      'Agentes de la policía de Panamá decomisaron en Colón 1.200 kilos de cocaína en un velero que navegaba en dirección a Costa Rica.',
      'PA',
    ],
    [
      'pt',
      'A Polícia Federal apreendeu no porto de Santos, no Brasil, 800 quilos de cocaína em contêineres enviados de Assunção, no Paraguai.',
      'BR',
    ],
    [
      'pt',
      'A PJ apreendeu em Lisboa, Portugal, 500 quilos de cocaína em paletes provenientes do porto do Callao, no Peru.',
      'PT',
    ],
    [
      'de',
      'Zollbeamte in Hamburg stellten 1.500 Kilogramm Kokain sicher; der Container war in Cartagena in Kolumbien verladen worden und sollte mit Ziel Polen weiterreisen.',
      'DE',
    ],
    [
      'nl',
      'De douane in Rotterdam onderschepte 2.000 kilo cocaïne in een container met als bestemming Polen.',
      'NL',
    ],
  ];
  for (const [lang, text, want] of cases) {
    it(`${lang}: ${text.slice(0, 60)}`, () => {
      const got = countries(text, lang);
      expect(got.length).toBeGreaterThan(0);
      for (const c of got) expect(c).toBe(want);
    });
  }
});

describe('a twin border town keeps the reading the text tied it to', () => {
  it('en: a town first written with its state keeps that reading; the same name with the other state is the other town', () => {
    const text =
      'NOGALES, Ariz. - Border officers found 300 kilograms of methamphetamine inside a load of melons, federal officials said.\n\n' +
      'Two days later, agents searching a pickup on a street of Nogales recovered 20 kilograms of fentanyl.\n\n' +
      'In Nogales, Sonora, Mexican marines said they had found 50 kilograms of cocaine in a house.';
    const r = read(text, 'en');
    const by = (kg: number) => r.seizures.find((s) => s.kg === kg);
    expect(by(300)?.country).toBe('US');
    expect(by(20)?.country).toBe('US');
    expect(by(50)?.country).toBe('MX');
  });

  it('en: a town written with its state once ("Laredo, Tex.") keeps that state later', () => {
    const text =
      'LAREDO, Tex. - Border officers found 90 kilograms of cocaine in a truck.\n\n' +
      'A day later, officers in Laredo found 12 kilograms of heroin in a bus.';
    const r = read(text, 'en');
    expect(r.seizures.map((s) => s.country)).toEqual(['US', 'US']);
  });

  it('fr: the customs post of a Senegalese border town in a Senegalese story is in Senegal', () => {
    const text =
      "Selon la Direction des Douanes sénégalaises, le poste des Douanes de Rosso a intercepté jeudi 40 kilogrammes de cocaïne dans le coffre d'une berline.";
    expect(countries(text, 'fr')).toEqual(['SN']);
  });
});

describe('a part of a town named after it (industrial area, terminal, car park, border post) is that name', () => {
  const cases: [lang: string, text: string, place: string][] = [
    [
      'en',
      'Police raided a warehouse in the Ras Al Khor industrial area and found 200 kilograms of hashish.',
      'Ras Al Khor',
    ],
    [
      'en',
      'Customs officers at the Cat Lai terminal opened a container and found 90 kilograms of heroin.',
      'Cat Lai',
    ],
    [
      'en',
      'Officers searched a house in the Bamburi suburb and recovered 14 kilograms of cannabis.',
      'Bamburi',
    ],
    [
      'de',
      'Beamte stoppten auf dem Parkplatz Wolfsgraben einen Kleinbus und fanden 25 Kilogramm Heroin.',
      'Wolfsgraben',
    ],
    ['de', 'Am Zollamt Tisis entdeckten Zöllner in einem Lieferwagen 8 Kilogramm Kokain.', 'Tisis'],
    [
      'de',
      'Im Verteilzentrum Graz öffneten Zöllner ein Paket und stellten 3 Kilogramm Kokain sicher.',
      'Graz',
    ],
    [
      'nl',
      'Agenten hielden de bestelbus aan op de parkeerplaats Oudeland en vonden 60 kilo hasj.',
      'Oudeland',
    ],
    [
      'es',
      'Agentes detuvieron en la garita de Mesa Verde a un conductor con 22 kilos de metanfetamina.',
      'Mesa Verde',
    ],
    ['pt', 'A polícia apreendeu 300 quilos de cocaína num contêiner no porto do Itaqui.', 'Itaqui'],
  ];
  for (const [lang, text, place] of cases) {
    it(`${lang}: ${place}`, () => {
      const r = read(text, lang);
      expect(r.places.map((p) => p.name)).toContain(place);
      expect(r.places.map((p) => p.name).some((n) => n !== place && n.includes(place))).toBe(false);
    });
  }
});

describe('a destination told as "the destination was X" is no seizure place', () => {
  const cases: [lang: string, text: string, want: string][] = [
    [
      'en',
      'Customs officers at the port of Aqaba, Jordan, found 2 million pills of captagon; the final destination was believed to be Kuwait.',
      'JO',
    ],
    [
      'fr',
      "Les douaniers du port de Dakar, au Sénégal, ont saisi 400 kilogrammes de cocaïne dont la destination finale était l'Espagne.",
      'SN',
    ],
    [
      'es',
      'La policía de Perú decomisó en el Callao 900 kilos de cocaína cuyo destino final era Bélgica.',
      'PE',
    ],
  ];
  for (const [lang, text, want] of cases) {
    it(`${lang}: ${want}`, () => {
      for (const c of countries(text, lang)) expect(c).toBe(want);
    });
  }
});

describe('a lower-case demonym is evidence of the country a story is about (not English)', () => {
  it('de: "die österreichische Zollverwaltung" makes a bare Austrian town Austrian', () => {
    const text =
      'Die österreichische Zollverwaltung meldete einen Rekord. Im Verteilzentrum Graz fanden Beamte 4 Kilogramm Kokain. Die Ware kam per Lkw über Slowenien nach Österreich.';
    const r = read(text, 'de');
    expect(r.places.find((p) => p.name === 'Graz')?.country).toBe('AT');
  });
});

describe('where the load was going is no seizure place (destination verbs, a buyer "in X")', () => {
  const cases: [lang: string, text: string, want: string][] = [
    [
      'en',
      'Police in Mombasa, Kenya, found 70 kilograms of heroin in a lorry that was due to leave for Kampala.',
      'KE',
    ],
    [
      'en',
      'Officers at the port of Durban, South Africa, found 300 kilograms of cocaine in a container that was supposed to reach Maputo.',
      'ZA',
    ],
    [
      'en',
      'Border guards in Narva, Estonia, seized 15 kilograms of amphetamine destined for a dealer in Helsinki.',
      'EE',
    ],
    [
      'fr',
      'Les gendarmes ont intercepté à Parakou, au Bénin, un camion avec 900 kilogrammes de chanvre indien qui devait rejoindre Ouagadougou.',
      'BJ',
    ],
    [
      'de',
      'Zöllner fanden am Grenzübergang Kufstein in Tirol 30 Kilogramm Heroin in einem Lieferwagen, bestimmt für einen Händler in Dresden.',
      'AT',
    ],
    [
      'es',
      'La Policía Nacional de Colombia decomisó en Cúcuta 500 kilos de cocaína que debían llegar a Caracas.',
      'CO',
    ],
    [
      'pt',
      'A Polícia Federal apreendeu em Corumbá, no Brasil, 200 quilos de cocaína que seguiriam para Assunção.',
      'BR',
    ],
    [
      'nl',
      'De douane in Antwerpen vond 800 kilo cocaïne in een container bestemd voor een groothandel in Lille.',
      'BE',
    ],
  ];
  for (const [lang, text, want] of cases) {
    it(`${lang}: ${want}`, () => {
      const got = countries(text, lang);
      expect(got.length).toBeGreaterThan(0);
      for (const c of got) expect(c).toBe(want);
    });
  }
});

describe("in a round-up, the agency of a later item does not take an earlier item's haul", () => {
  it('en: the first item, told in a sentence before its figure, keeps its own country', () => {
    const text =
      'Our weekly round-up of regional security news.\n\n' +
      'Gambia - Customs officers at Farafenni, near the border, on Monday stopped a bus. Under the seats were 300 kilograms of cannabis in 20 sacks.\n\n' +
      'Ghana - Narcotics Control Commission officers at the port of Takoradi seized 50 kilograms of cocaine on Friday.\n\n' +
      'Liberia - The Liberia Drug Enforcement Agency said its officers intercepted 12 kilograms of heroin in Monrovia.';
    const r = read(text, 'en');
    const by = (kg: number) => r.seizures.find((s) => s.kg === kg)?.country;
    expect(by(300)).toBe('GM');
    expect(by(50)).toBe('GH');
    expect(by(12)).toBe('LR');
  });
});

describe('an adjectival sea or ocean name before a noun is no place, even where a small town bears it', () => {
  const cases: [text: string, absent: string, present: string][] = [
    [
      'Navy officers seized 3 tonnes of cocaine off the Pacific coast near Buenaventura, Colombia.',
      'Pacific',
      'Buenaventura',
    ],
    [
      'Most of the cocaine leaves through Pacific ports, police in Guayaquil said after seizing 2 tonnes.',
      'Pacific',
      'Guayaquil',
    ],
    [
      'Coastguards found 800 kilograms of cocaine on an Atlantic fishing boat near Vigo, Spain.',
      'Atlantic',
      'Vigo',
    ],
  ];
  for (const [text, absent, present] of cases) {
    it(absent, () => {
      const names = read(text, 'en').places.map((p) => p.name);
      expect(names).not.toContain(absent);
      expect(names).toContain(present);
    });
  }
  it('the ocean named as a noun stays a place', () => {
    const text = 'The navy seized 1.5 tonnes of cocaine from a semi-submersible in the Pacific Ocean.';
    expect(read(text, 'en').places.map((p) => p.name)).toContain('Pacific Ocean');
  });
});

describe('runs opened by a capitalised function word, and seas inside a port name', () => {
  it('nl: a dateline then "In de ...se haven" names the port town, not the words before it', () => {
    const r = read('Rotterdam - In de Rotterdamse haven vond de douane vorige week 900 kilo cocaïne.', 'nl');
    const names = r.places.map((p) => p.name);
    expect(names.some((n) => n.startsWith('In '))).toBe(false);
    expect(r.seizures[0]?.country).toBe('NL');
  });
  it('en: "North Sea Port" names the port, not the sea', () => {
    const r = read(
      'Customs officers at North Sea Port found 1.2 tonnes of cocaine in a banana container.',
      'en',
    );
    expect(r.places.map((p) => p.name)).not.toContain('North Sea');
  });
  it('de: "Am Zollamt X" after a colon keeps X only', () => {
    const r = read('Ein Beispiel aus dem Mai: Am Zollamt Tisis fanden Zöllner 6 Kilogramm Kokain.', 'de');
    expect(r.places.map((p) => p.name)).toContain('Tisis');
  });
});
