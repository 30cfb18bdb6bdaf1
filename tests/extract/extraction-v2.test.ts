/**
 * Extraction v2 (issue 9): the error classes seen on news nobody here had read, each tested
 * with sentences of our own, in varied verbs, orders, units and outlet styles. Every test runs
 * the whole extractor (one parse, entities, seizures) on a short article.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';
import type { ArticleRecord } from '../../src/types.ts';

function record(text: string, published: string | null = '2025-03-14', title: string | null = null) {
  return extractRecord(articleFromText({ url: null, title, text, published }));
}

/** drug, kg (or count with its unit), country and period of every seizure. */
function seizures(text: string, published: string | null = '2025-03-14', title: string | null = null) {
  return record(text, published, title).seizures.map(brief);
}

function brief(s: ArticleRecord['seizures'][number]) {
  return {
    drug: s.drug,
    size: s.kg !== null ? `${+s.kg.toFixed(3)} kg` : `${s.count} ${s.countUnit}`,
    ...(s.kg !== null && s.count !== null ? { count: `${s.count} ${s.countUnit}` } : {}),
    country: s.country,
    period: s.period,
  };
}

const sizes = (text: string, published?: string) =>
  seizures(text, published).map((s) => `${s.drug} ${s.size}`);

describe('number words stand on word boundaries', () => {
  it.each([
    ['The authorities seized six tons of cocaine.', ['cocaine 6000 kg']],
    ['Agents arrested two men and another officer found eight kilograms of heroin.', ['heroin 8 kg']],
    ['An army patrol intercepted three tonnes of hashish at dawn.', ['hashish 3000 kg']],
    ['Police said they had confiscated half a ton of marijuana and arrested a farmer.', ['cannabis 500 kg']],
    ['Investigators accused a gang and seized a tonne of heroin in an apartment.', ['heroin 1000 kg']],
  ])('%s', (text, want) => {
    expect(sizes(text)).toEqual(want);
  });
});

describe('the drug of a figure is the one the text names for it', () => {
  it('reads "drugs" and "narcotics" with no kind as unspecified, even in a story about one drug', () => {
    const text =
      'Cocaine trafficking through the port has doubled. Customs officers seized 40 tonnes of drugs last year, and 310 kilograms of narcotics were found on a single ship in May.';
    expect(sizes(text)).toEqual(['unspecified 40000 kg', 'unspecified 310 kg']);
  });

  it('lets "the drugs" refer back to the drug already named', () => {
    const text =
      'A fishing boat carrying heroin was stopped off the coast. Sailors found 212 kilograms of the drug in the hold.';
    expect(sizes(text)).toEqual(['heroin 212 kg']);
  });

  it('reads one figure over a list of several drugs as one mixed, unspecified seizure', () => {
    expect(
      sizes('The navy seized 2 tons of crystal meth, cocaine, heroin and marijuana off the island.'),
    ).toEqual(['unspecified 2000 kg']);
    expect(sizes('Officers recovered 15 kilos of heroin and cocaine from the car.')).toEqual([
      'unspecified 15 kg',
    ]);
  });

  it('keeps two figures of two drugs apart', () => {
    expect(sizes('Agents seized 5 kg of heroin and 3 kg of cocaine at the airport.')).toEqual([
      'heroin 5 kg',
      'cocaine 3 kg',
    ]);
  });
});

describe('numbers are read the way the article writes them', () => {
  it('reads "183.600 kilograms" in English news as 183.6 kg', () => {
    expect(
      sizes('Soldiers seized 183.600 kilograms of marijuana and 1,250 rounds of ammunition in Sonora.'),
    ).toEqual(['cannabis 183.6 kg']);
  });

  it('reads the dot as thousands where the article writes numbers the European way', () => {
    const text =
      'The federal police seized 2.350 kilos of cocaine in the port. Last year they seized 1.245.000 euros in cash and 3,5 kilos of heroin.';
    expect(sizes(text)).toEqual(['cocaine 2350 kg', 'heroin 3.5 kg']);
  });

  it('takes the outlet country of the address when the text does not tell', () => {
    const at = (url: string) =>
      extractRecord(
        articleFromText({
          url,
          title: null,
          text: 'Police seized 2.350 kilos of cocaine in a truck.',
          published: null,
        }),
      ).seizures.map((s) => s.kg);
    expect(at('https://noticias.example.pe/a/1')).toEqual([2350]);
    expect(at('https://news.example.com/a/1')).toEqual([2.35]);
  });

  it('lets a restatement in another unit decide the reading of the dot', () => {
    expect(sizes('Inspectors seized 96.400 kilos of cocaine this year, or more than 96 tonnes.')).toEqual([
      'cocaine 96400 kg',
    ]);
    expect(sizes('Agents found 12.500 kg (about 12.5 tonnes) of hashish on the boat.')).toEqual([
      'hashish 12500 kg',
    ]);
  });

  it('reads a comma typed with a space as a thousands separator, but not after a date', () => {
    expect(sizes('Agents seized 1, 751 pounds of marijuana at the border.')).toEqual(['cannabis 794.24 kg']);
    expect(sizes('On May 5, 250 kilograms of cocaine were seized in the harbour.')).toEqual([
      'cocaine 250 kg',
    ]);
  });

  it('reads "from 91 to 110 tonnes" as two figures', () => {
    expect(
      sizes('Customs said cocaine seizures at the port rose from 91 tonnes in 2022 to 110 tonnes in 2023.'),
    ).toEqual(['cocaine 91000 kg', 'cocaine 110000 kg']);
    expect(sizes('Cocaine seizures at the port rose from 91 to 110 tonnes last year.')).toEqual([
      'cocaine 91000 kg',
      'cocaine 110000 kg',
    ]);
  });
});

describe('packaging and cover cargo are no figures of their own', () => {
  it('gives the count of the packages to the mass they hold', () => {
    expect(seizures('Fishermen found 15 bales containing 1,066 kg of cocaine on the beach.')).toMatchObject([
      { drug: 'cocaine', size: '1066 kg', count: '15 packages' },
    ]);
    expect(seizures('Marines seized two tons of cocaine in 2,000 packets near the island.')).toMatchObject([
      { drug: 'cocaine', size: '2000 kg', count: '2000 packages' },
    ]);
  });

  it('keeps what the sacks and bags held, not the sacks and bags', () => {
    expect(sizes('Inspectors seized 4,200 packages of cocaine in 200 sports bags at the port.')).toEqual([
      'cocaine 4200 packages',
    ]);
    expect(sizes('The coast guard recovered 20 sacks containing 500 packages of cocaine.')).toEqual([
      'cocaine 500 packages',
    ]);
  });

  it('never counts the cargo that hid the drugs', () => {
    expect(
      sizes(
        'Police found 80 kilograms of cocaine hidden in a truck carrying 300 sacks of corn and 40 sacks of charcoal.',
      ),
    ).toEqual(['cocaine 80 kg']);
  });

  it('joins a mass and a count of one haul told in two sentences', () => {
    expect(
      seizures(
        'Customs found 14 tonnes of drugs in the containers. The haul amounted to 84 million captagon pills.',
      ),
    ).toMatchObject([{ drug: 'captagon', size: '14000 kg', count: '84000000 pills' }]);
    expect(
      seizures(
        'Officers seized the crates and counted 211 packages. The packages contained a total of 156.8kg of methamphetamine.',
      ),
    ).toMatchObject([{ drug: 'methamphetamine', size: '156.8 kg', count: '211 packages' }]);
    expect(
      seizures(
        'Border guards seized 17 kg of heroin from a lorry on Monday. Dogs had found the bricks under the floor. A total of 34 bricks were recovered.',
      ),
    ).toMatchObject([{ drug: 'heroin', size: '17 kg', count: '34 bricks' }]);
  });

  it('keeps a count of another haul apart', () => {
    expect(
      sizes(
        'Police seized 5 kg of heroin in a flat. In a second flat, officers also found 300 bags of heroin.',
      ),
    ).toEqual(['heroin 5 kg', 'heroin 300 bags']);
  });
});

describe('quantities that were never seized', () => {
  it('reads "225mg" as the strength of a tablet, not a figure', () => {
    expect(sizes('Police seized 5,000 strips of 225mg tramadol tablets.')).toEqual([]);
    expect(sizes('Operatives recovered 26,000 tablets of tramadol 225mg from a warehouse.')).toEqual([
      'tramadol 26000 tablets',
    ]);
  });

  it('names precursors as precursors, not as the drug they make', () => {
    expect(
      sizes('Police seized 500 kg of ephedrine and 200 kg of pseudoephedrine used to make methamphetamine.'),
    ).toEqual(['precursors 500 kg', 'precursors 200 kg']);
  });

  it('reads seedlings and cannabis trees as plants, and no figure in "dozens of plants"', () => {
    expect(sizes('Officers uprooted dozens of plants, 500 seedlings and 120 marijuana trees.')).toEqual([
      'cannabis 500 plants',
      'cannabis 120 plants',
    ]);
  });
});

describe('the country of a seizure', () => {
  const places = (text: string) => record(text).places.map((p) => `${p.name}/${p.country}`);

  it('never resolves a country or its demonym to a dependency', () => {
    expect(seizures('French customs seized 1.2 tonnes of cocaine at Le Havre on Tuesday.')[0]?.country).toBe(
      'FR',
    );
    expect(
      seizures('Dutch customs said they had found 800 kilograms of cocaine in a container.')[0]?.country,
    ).toBe('NL');
    expect(places('Police in France and Norway seized 300 kg of cannabis resin.')).toEqual([
      'France/FR',
      'Norway/NO',
    ]);
  });

  it('reads "US$" and "US dollars" as a currency, never as the place', () => {
    const text =
      'The DEA said agents seized 40 kilograms of fentanyl worth US$ 3 million, or about 60 million US dollars. Another 12 kilograms were found later.';
    expect(places(text)).toEqual([]);
    expect(seizures(text).map((s) => s.country)).toEqual(['US', 'US']);
  });

  it('names a place given only as an abbreviation as the text writes it', () => {
    expect(places('It was the biggest seizure of cocaine in the UK, officers said.')).toEqual(['UK/GB']);
  });

  it('takes the country of a one-country agency when the text names no place', () => {
    expect(
      seizures('CBSA officers seized 40 kilograms of cocaine from a truck on Monday.', '2025-03-14'),
    ).toMatchObject([{ country: 'CA' }]);
  });

  it('takes the country the article is about for a nationwide figure', () => {
    const text =
      'Indonesian police said drug use was rising. Indonesian officials said a nationwide crackdown had netted 4.2 tonnes of methamphetamine, and Indonesian courts would try the suspects.';
    expect(seizures(text)[0]?.country).toBe('ID');
  });

  it('gives a port of entry the country of the agency that works it, not of the cartel blamed', () => {
    const text =
      'US Customs and Border Protection officers seized 2,000 pounds of methamphetamine at the Otay Mesa port of entry. Officials blamed the Sinaloa cartel of Mexico for the shipment.';
    expect(seizures(text)[0]?.country).toBe('US');
    expect(places(text)).not.toContain('Sinaloa/MX');
  });

  it('decides a homonym by a country named inside an agency', () => {
    expect(
      places('Jamaica Customs officers found 50 pounds of cocaine at a wharf in Kingston on Friday.'),
    ).toEqual(['Kingston/JM']);
    expect(
      places('Officers of the Trinidad and Tobago Police Service seized 20 kilograms of marijuana in Arima.'),
    ).toEqual(['Arima/TT']);
  });

  it('keeps the place of the seizure, not the origin of the shipment', () => {
    expect(
      seizures(
        'Saudi authorities seized 12 million amphetamine pills smuggled from Lebanon in a shipment of pomegranates at the port of Jeddah.',
      )[0]?.country,
    ).toBe('SA');
  });
});

describe('places named by facilities and administrative units', () => {
  const places = (text: string) => record(text).places.map((p) => `${p.name}/${p.country}`);

  it.each([
    [
      'Officers at the Torkham border post seized 40 kg of hashish, Pakistani officials said.',
      'Torkham border post',
    ],
    [
      'Customs at the Kasarani dry port found 12 kg of heroin in a container, Kenyan police said.',
      'Kasarani dry port',
    ],
    [
      'Revenue officers at Athlone Mail Centre seized 3.4 kilograms of cannabis, Irish police said.',
      'Athlone Mail Centre',
    ],
    [
      'Agents at the Marsa Nord seaport seized 200 kg of cannabis resin, Maltese customs said.',
      'Marsa Nord seaport',
    ],
  ])('%s', (text, name) => {
    expect(places(text).map((p) => p.split('/')[0])).toContain(name);
  });

  it('keeps an administrative unit as written, with its country', () => {
    expect(
      places('The CBSA made 60 seizures in the Ontario Region for a total of 39 kg of cocaine.'),
    ).toContain('Ontario Region/CA');
    expect(
      places('Police destroyed 500 cannabis plants in the province of Chiriqui, Panamanian police said.'),
    ).toContain('Chiriqui/PA');
  });
});

describe('the period of a haul', () => {
  const periods = (text: string, published: string | null) => seizures(text, published).map((s) => s.period);

  it('skips datelines and date lines: they tell when the story was filed', () => {
    expect(
      periods('Oct. 1 (Reuters) -- Police seized 2 tonnes of cocaine in a warehouse.', '2025-10-01'),
    ).toEqual([null]);
    expect(
      periods(
        'NAIROBI, March 3, 2025 /PRNewswire/ - Officers seized 40 kg of heroin at the port.',
        '2025-03-03',
      ),
    ).toEqual([null]);
    expect(
      periods('09.15am 14 March 2025 | Media release\n\nCustoms seized 12 kg of cocaine.', '2025-03-14'),
    ).toEqual([null]);
  });

  it('reads a span up to publication as the day, month or year that holds it', () => {
    expect(periods('Officers seized 35 kg of cocaine in the past week.', '2025-03-14')).toEqual(['2025-03']);
    expect(periods('Officers seized 35 kg of cocaine over the last week.', '2025-03-03')).toEqual(['2025']);
    expect(periods('A nationwide three-month crackdown netted 9 tonnes of cannabis.', '2025-10-20')).toEqual([
      '2025',
    ]);
    expect(periods('Police seized 300 kilos of hashish in the past two years.', '2025-03-14')).toEqual([
      null,
    ]);
    expect(periods('Police seized 300 kilos of hashish last week.', '2025-03-14')).toEqual(['2025-03']);
  });

  it('reads two days named together as their month', () => {
    expect(
      periods(
        'Raids carried out last night and this morning found another 15 kilograms of cocaine.',
        '2025-03-14',
      ),
    ).toEqual(['2025-03']);
    expect(periods('Agents seized 60 kg of heroin on 3 and 4 March.', '2025-03-14')).toEqual(['2025-03']);
  });

  it('gives each figure of a sentence the date of its own clause', () => {
    expect(
      periods(
        'The largest earlier hauls were 3.7 tonnes of cocaine found at Felixstowe in 2022, and 3.2 tonnes seized on a tug off Scotland in 2015.',
        '2025-03-14',
      ),
    ).toEqual(['2022', '2015']);
  });

  it('reads a total since an operation was launched as its year, and skips the day it was announced', () => {
    expect(
      periods(
        'At a press conference on Thursday, officials said the operation, launched Aug. 3, had seized 8,842 pounds of methamphetamine.',
        '2025-10-03',
      ),
    ).toEqual(['2025']);
  });

  it('skips the year a change is measured against', () => {
    expect(
      periods(
        'During 2022, border agents intercepted 7,310 kg of heroin at the crossings, a rise of 88% over 2021.',
        '2023-05-10',
      ),
    ).toEqual(['2022']);
  });

  it('never gives a figure the publication date when the text states none', () => {
    expect(periods('Customs seized 12 kg of cocaine in a parcel.', '2025-03-14')).toEqual([null]);
  });
});

describe('sentences end after a unit abbreviation', () => {
  it('splits "... 12.5 kg. Furthermore ..." into two sentences', () => {
    const text =
      'In 2021, inspectors made 14 heroin seizures at the airport for a total of 12.5 kg. Furthermore, in 2020, nationwide, agents seized 2,230 kg of heroin.';
    expect(seizures(text).map((s) => `${s.size} ${s.period}`)).toEqual(['12.5 kg 2021', '2230 kg 2020']);
  });
});

describe('persons', () => {
  const persons = (text: string) => record(text).persons.map((p) => p.name);

  it('never reads institutions, teams or common words as persons', () => {
    expect(
      persons('The Drug Enforcement Team of the Ministry of Public Health said the tablets were fake.'),
    ).toEqual([]);
    expect(persons('Public Health said on Monday that overdoses had risen.')).toEqual([]);
    expect(persons('The tobacco branded Golden Leaf had an estimated value of 14,000 euros.')).toEqual([]);
  });

  it('never reads web addresses, handles or lone letters as names', () => {
    expect(
      persons(
        'Follow Police Scotland on Twitter @PoliceScotland or visit www.scotland.police.uk for updates.',
      ),
    ).toEqual([]);
    expect(
      persons('pic.twitter.com/AbCdEf12 — Director of Field Operations (@CBPFieldOps) March 3, 2025'),
    ).toEqual([]);
    expect(persons('Al said nothing more.')).toEqual([]);
  });

  it('reads ranks written without a dot as roles before a surname', () => {
    const r = record(
      'The exercise was led by acting Snr Supt Ramdial and ASP Khan, with Insp Baptiste in command.',
    );
    expect(r.persons.map((p) => `${p.name}: ${p.role}`)).toEqual([
      'Ramdial: Snr Supt',
      'Khan: ASP',
      'Baptiste: Insp',
    ]);
  });

  it('keeps an abbreviated first name with its dot inside the name', () => {
    expect(
      persons('Bangladeshi officials said the commander, Md. Rafiqul Islam, had led the raid on the camp.'),
    ).toEqual(['Md. Rafiqul Islam']);
  });

  it('reads a name after "off" or "in" that the parser calls a person as no person', () => {
    expect(persons('The navy seized 5 tonnes of cocaine in the Caribbean Sea off San Andres.')).toEqual([]);
  });

  it('reads a base named after a person as a place', () => {
    const r = record('The boat was taken to the Naval Base Captain Pedro Ortiz for the proceedings.');
    expect(r.persons).toEqual([]);
    expect(r.places.map((p) => p.name)).toEqual(['Naval Base Captain Pedro Ortiz']);
  });
});

describe('restated hauls, and hauls that only look alike', () => {
  const run = (text: string) =>
    record(text).seizures.map(
      (s) => `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`} ${s.period} ${s.aggregate}`,
    );

  it('keeps an operation total apart from its largest haul', () => {
    expect(
      run(
        'Across the whole operation, police seized more than three million captagon pills. The largest single haul, 2.8 million pills, was found in a truck.',
      ),
    ).toEqual(['captagon 3000000 pills null true', 'captagon 2800000 pills null false']);
    expect(
      run('Police seized more than 2 tonnes of cocaine in the operation. One container held 1.9 tonnes.'),
    ).toEqual(['cocaine 2000 null true', 'cocaine 1900 null false']);
  });

  it('keeps a total over several years apart from one year of it, and two years apart', () => {
    expect(
      run(
        'In the past two years, customs have seized around 45,000 kilos of cocaine at the port. In 2024 alone, officers found 41,000 kilos.',
      ),
    ).toEqual(['cocaine 45000 null true', 'cocaine 41000 2024 true']);
    expect(run('Authorities seized 12 tonnes of cocaine in 2023. In 2024 they seized 12.5 tonnes.')).toEqual([
      'cocaine 12000 2023 true',
      'cocaine 12500 2024 true',
    ]);
  });

  it('still joins a rounded figure and the exact one', () => {
    expect(
      run('The navy seized nearly 2 tonnes of cocaine on Monday. The exact weight was 1,969 kilograms.'),
    ).toEqual(['cocaine 1969 2025-03-10 false']);
    expect(
      run(
        'Soldiers seized more than three tonnes of cocaine from a ship. Some 2.975 tonnes were found in the hold.',
      ),
    ).toEqual(['cocaine 2975 null false']);
  });
});

describe('more seizure forms from other outlets', () => {
  it.each([
    [
      'The cutter offloaded more than 37,000 pounds of cocaine at Port Everglades on Monday.',
      ['cocaine 16782.918 kg'],
    ],
    [
      'Navy personnel apprehended a trawler carrying 179 kg of heroin off the southern coast.',
      ['heroin 179 kg'],
    ],
    ['The Royal Malaysia Police seized 1.2 tonnes of syabu in Johor.', ['methamphetamine 1200 kg']],
  ])('%s', (text, want) => {
    expect(sizes(text)).toEqual(want);
  });

  it('reads a drug before "-laced" and a count restated after a mass as one haul', () => {
    expect(
      seizures(
        'Federal agents have seized 2.5 tons of fentanyl-laced pills, or roughly 10 million pills, in Arizona.',
      ),
    ).toMatchObject([{ drug: 'fentanyl', size: '2500 kg', count: '10000000 pills' }]);
  });

  it('reads "were found in 80 bricks" as the count of the haul', () => {
    expect(
      seizures('The 1,600 pounds of cocaine were found in 80 bricks aboard a go-fast boat.'),
    ).toMatchObject([{ drug: 'cocaine', count: '80 bricks' }]);
  });

  it('lets figures listed together share the place named after them', () => {
    expect(
      seizures(
        'The drugs, 900 kg of cocaine and 30 kg of heroin, were found in a container at the port of Durban.',
      ).map((s) => s.country),
    ).toEqual(['ZA', 'ZA']);
  });

  it('reads names with lower-case particles as one place', () => {
    expect(
      record('Officials said a lorry was stopped in Dar es Salaam with 200 kg of heroin.').places,
    ).toMatchObject([{ name: 'Dar es Salaam', country: 'TZ' }]);
  });
});

describe('lists, headlines and counts told later', () => {
  it('joins a headline figure, a bounded lead and the exact figure', () => {
    expect(
      sizes(
        'Dutch police said on Friday they had seized more than two tonnes of cocaine hidden in bananas. The drugs, 2,150 kilograms in total, were found on Tuesday.',
        '2024-11-15',
      ),
    ).toEqual(['cocaine 2150 kg']);
    expect(
      record(
        'Dutch police said on Friday they had seized more than two tonnes of cocaine hidden in bananas. The drugs, 2,150 kilograms in total, were found on Tuesday.',
        '2024-11-15',
        'Police seize 2 tonnes of cocaine',
      ).seizures.map((s) => s.kg),
    ).toEqual([2150]);
  });

  it('lets figures listed together share the date after them', () => {
    expect(
      seizures(
        'Officials burned drugs worth $500 million on Tuesday, including 10 tonnes of methamphetamine and 900 kg of heroin seized in 2023.',
        '2024-11-15',
      ).map((s) => s.period),
    ).toEqual(['2023', '2023']);
  });

  it('takes a count told in a later sentence that refers back', () => {
    expect(
      seizures(
        'The coast guard seized over 6,000 kg of methamphetamine from a boat. Six crew were arrested. The drugs were packed in 3,000 one-kilo packets.',
      ),
    ).toMatchObject([{ size: '6000 kg', count: '3000 packages' }]);
  });

  it('names a region with "and" and a generic noun as written', () => {
    expect(
      record('The boat was found near the Andaman and Nicobar Islands, officials said.').places,
    ).toMatchObject([{ name: 'Andaman and Nicobar Islands', country: 'IN' }]);
  });
});

describe('seizure words and drug names of other outlets', () => {
  it.each([
    ['A search of the house turned up 3 kilograms of heroin, police said.', ['heroin 3 kg']],
    ['The raid on the farm yielded 40 kilos of dagga and a rifle.', ['cannabis 40 kg']],
    [
      'Police said 157kg of methylamphetamine had been stopped from reaching our streets.',
      ['methamphetamine 157 kg'],
    ],
    [
      'Officers seized 2 kg of tik and 300 grams of nyaope in Cape Town.',
      ['methamphetamine 2 kg', 'heroin 0.3 kg'],
    ],
    ['Officials seized 12 kilograms of psychotropic substances in the raid.', ['unspecified 12 kg']],
  ])('%s', (text, want) => {
    expect(sizes(text)).toEqual(want);
  });

  it('never reads contraband cigarettes as drugs', () => {
    expect(sizes('Customs seized 14 tonnes of contraband cigarettes at the port.')).toEqual([]);
  });

  it('reads no figure in a photo caption', () => {
    expect(
      sizes(
        'Customs seized 40 kg of cocaine at the airport on Monday.\n\nPhoto: officers display 60 kilograms of seized heroin in Lagos.',
      ),
    ).toEqual(['cocaine 40 kg']);
  });
});

describe('places that are no places, and dates of clauses joined by "and"', () => {
  const places = (text: string) => record(text).places.map((p) => p.name);

  it('never reads a drug name or a nickname as a place', () => {
    expect(places('Police seized 300 pounds of compressed ganja in a shed.')).toEqual([]);
    expect(places('They arrested its leader, a man known as "El Gordo", in the raid.')).toEqual([]);
  });

  it('reads local administrative units of South Asian news as places', () => {
    expect(places('Police recovered 20 kg of yaba in Teknaf upazila, Bangladeshi officials said.')).toContain(
      'Teknaf',
    );
  });

  it('gives a date before "and" to the clause it closes', () => {
    expect(
      seizures(
        'Agents seized 1.8 tonnes of hashish in Algeciras on 12 April and 640 kilograms on a beach in May.',
        '2025-06-05',
      ).map((s) => s.period),
    ).toEqual(['2025-04-12', '2025-05']);
  });

  it('keeps a figure restated by a bound as one', () => {
    expect(sizes('Police seized 2,350 kilos of cocaine, or more than two tonnes, in a laboratory.')).toEqual([
      'cocaine 2350 kg',
    ]);
  });
});

describe('where and when a haul was made', () => {
  it('reads "the seizure was made at the port of X" as the place, not a loading place', () => {
    expect(
      seizures(
        'The seizure, announced on Tuesday, was made last Friday at the port of Callao, where inspectors found 2.2 tonnes of cocaine.',
        '2025-04-03',
      ),
    ).toMatchObject([{ country: 'PE', period: '2025-03-28' }]);
  });

  it('reads "between January and March" as the year', () => {
    expect(
      seizures(
        'Between January and March, customs officers at the airport seized 300 kg of cocaine.',
        '2025-04-03',
      )[0]?.period,
    ).toBe('2025');
  });
});

describe('more names that are no persons', () => {
  const persons = (text: string) => record(text).persons.map((p) => p.name);

  it('never reads a demonym of two words, a unit number or a battalion as a person', () => {
    expect(persons('Two Sri Lankan nationals and a South African were arrested, police said.')).toEqual([]);
    expect(persons('Soldiers of Battalion No 12 and the 3rd Infantry Regiment took part.')).toEqual([]);
  });

  it('keeps an abbreviated first name that opens a sentence', () => {
    expect(persons('Md. Rafiqul Islam, the camp commander, said the yaba came from Myanmar.')).toEqual([
      'Md. Rafiqul Islam',
    ]);
  });
});
