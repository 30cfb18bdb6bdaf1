/**
 * Probe battery of issue 9 round 5 (the general causes of the held-out v6 misses): short
 * articles of our own, written before any change of the round, in places, drugs, verbs and word
 * orders far from the text they generalise. Each probe is labelled as a careful reader would
 * (LABELING.md). Checks, on top of tests/extract/battery/context-probes.ts `runProbe`:
 * `exact` (no seizure beyond those listed), `story` (the seizure-story call) and
 * `placeCountry` (a listed place and its country).
 *
 * `npx tsx tests/extract/battery/probe-report.ts round5` prints the failure rate per cause;
 * tests/extract/battery-round5.test.ts runs them all.
 */
import type { ArticleRecord } from '../../../src/types.ts';
import { type Probe, recordOf, runProbe } from './context-probes.ts';

export interface Round5Probe extends Probe {
  /** The cause (a short name) the probe tests. */
  cause: string;
  /** No seizure beyond those listed. */
  exact?: boolean;
  story?: boolean;
  /** place name -> the country it must have in the places list */
  placeCountry?: Record<string, string | null>;
}

const P = (p: Omit<Round5Probe, 'cls'> & { cls?: Probe['cls'] }): Round5Probe => ({ cls: 'place', ...p });

export const round5: Round5Probe[] = [
  // ---- place: a direction and distance from a place ("20 miles south of X") ----------------
  P({
    id: 'D01',
    cause: 'direction-of',
    published: '2025-11-04',
    text: 'The US Coast Guard seized 1,100 kilograms of cocaine from a go-fast boat about 30 miles north of Aruba on Sunday, the service said.',
    seizures: [{ drug: 'cocaine', kg: 1100, country: 'AW' }],
  }),
  P({
    id: 'D02',
    cause: 'direction-of',
    published: '2025-02-11',
    text: 'A French navy frigate intercepted a sailing yacht 200 km east of Barbados and found 1.7 tonnes of cocaine in its hold, the maritime prefecture said.',
    seizures: [{ drug: 'cocaine', kg: 1700, country: 'BB' }],
  }),
  P({
    id: 'D03',
    cause: 'direction-of',
    published: '2025-08-19',
    text: 'Indian coast guard ships stopped a fishing trawler 50 nautical miles west of Male and recovered 320 kg of heroin, officials in New Delhi said.',
    seizures: [{ drug: 'heroin', kg: 320, country: 'MV' }],
  }),
  P({
    id: 'D04',
    cause: 'direction-of',
    published: '2025-05-30',
    text: 'British sailors on HMS Trent boarded a speedboat south-east of Jamaica and seized 900 kilos of cocaine, the Royal Navy said.',
    seizures: [{ drug: 'cocaine', kg: 900, country: 'JM' }],
  }),
  // ---- place: an origin or a loading place written with its country's adjective -------------
  P({
    id: 'O01',
    cause: 'origin-adjective',
    published: '2025-09-09',
    text: 'Belgian customs found 1.1 tonnes of cocaine in a container of pineapples in Antwerp on Friday. The container had been loaded at the Ecuadorian port of Puerto Bolivar. Customs officers have seized 38 tonnes of cocaine so far this year, the finance ministry said.',
    seizures: [
      { drug: 'cocaine', kg: 1100, country: 'BE' },
      { drug: 'cocaine', kg: 38000, country: 'BE' },
    ],
  }),
  P({
    id: 'O02',
    cause: 'origin-adjective',
    published: '2025-03-18',
    text: 'Spanish police seized 4 tonnes of cocaine at the port of Algeciras on Monday. The bananas had arrived from the Colombian city of Santa Marta. Agents have confiscated 21 tonnes of drugs since January.',
    seizures: [
      { drug: 'cocaine', kg: 4000, country: 'ES' },
      { drug: 'unspecified', kg: 21000, country: 'ES' },
    ],
  }),
  // ---- place: a total told by a bare agency after background places ------------------------
  P({
    id: 'T01',
    cause: 'total-story-agency',
    published: '2025-10-02',
    text: 'Peruvian police seized 2.4 tonnes of cocaine in a warehouse on Monday, the interior ministry said. Peru, wedged between Bolivia and Colombia, ships much of its cocaine through Pacific terminals. Police have seized 19 tonnes of drugs so far this year.',
    seizures: [
      { drug: 'cocaine', kg: 2400, country: 'PE' },
      { drug: 'unspecified', kg: 19000, country: 'PE' },
    ],
  }),
  P({
    id: 'T02',
    cause: 'total-story-agency',
    published: '2025-06-25',
    text: 'Kenyan anti-narcotics officers seized 150 kg of heroin on Tuesday. Investigators believe the shipment had been transferred at sea off the Makran coast and repacked in Oman. The unit has seized 1.3 tonnes of heroin this year.',
    seizures: [
      { drug: 'heroin', kg: 150, country: 'KE' },
      { drug: 'heroin', kg: 1300, country: 'KE' },
    ],
  }),
  // ---- place: a second clause with an agency of its own ------------------------------------
  P({
    id: 'A01',
    cause: 'clause-agency',
    published: '2025-12-01',
    text: 'Last year, officers at the Trebil crossing found 3 million captagon pills in a fuel tanker, while Jordanian troops reported confiscating 9 million pills along the frontier during 2024.',
    seizures: [
      { drug: 'captagon', count: 3000000 },
      { drug: 'captagon', count: 9000000, country: 'JO' },
    ],
  }),
  P({
    id: 'A02',
    cause: 'clause-agency',
    published: '2025-04-14',
    text: 'Police in Lisbon found 700 kg of cocaine in a yacht in March, whereas Moroccan authorities said they had intercepted 12 tonnes of cannabis resin in the first quarter.',
    seizures: [
      { drug: 'cocaine', kg: 700, country: 'PT' },
      { drug: 'hashish', kg: 12000, country: 'MA' },
    ],
  }),
  // ---- place: a headline sea and a body city -----------------------------------------------
  P({
    id: 'S01',
    cause: 'sea-vs-city',
    published: '2025-07-07',
    title: 'Colombian navy seizes 1.2 tonnes of cocaine in the Caribbean Sea',
    text: 'The Colombian navy seized more than a tonne of cocaine from a semi-submersible in the Caribbean Sea on Friday. Sailors found 48 bales on board which, weighed at the naval base in Cartagena, came to 1,214 kilograms of cocaine.',
    seizures: [{ drug: 'cocaine', kg: 1214, count: 48, country: 'CO', location: 'Cartagena' }],
    exact: true,
  }),
  // ---- place: currency, organisations, homonyms --------------------------------------------
  P({
    id: 'M01',
    cause: 'currency',
    published: '2025-05-20',
    text: 'Mexican soldiers seized 900 kg of methamphetamine worth some 90 million pesos (US $5 million) in a lab in Sonora, the army said.',
    seizures: [{ drug: 'methamphetamine', kg: 900, country: 'MX' }],
    places: { not: ['US', 'United States'] },
  }),
  P({
    id: 'H01',
    cause: 'homonym',
    published: '2025-05-20',
    text: 'Dutch customs found 2 tonnes of cocaine at Rotterdam. The gang also used the ports of Bremerhaven and Hamburg, investigators said.',
    placeCountry: { Hamburg: 'DE', Rotterdam: 'NL' },
  }),
  P({
    id: 'H02',
    cause: 'homonym',
    published: '2025-05-20',
    title: 'Hamburg terminal handles record box volumes',
    text: 'The port of Hamburg handled 4 million containers in the first half, the Port of Hamburg Marketing association said. Trade with China rose.',
    placeCountry: { Hamburg: 'DE' },
    places: { not: ['Hamburg Marketing'] },
  }),
  P({
    id: 'H03',
    cause: 'homonym',
    published: '2025-05-20',
    title: 'Bremen harbour traffic up',
    text: 'Bremen harbour handled more cars this year, the Bremen Ports Authority said. Exports to Norway grew.',
    placeCountry: { Bremen: 'DE' },
    places: { not: ['Bremen Ports Authority', 'Bremen Ports'] },
  }),
  P({
    id: 'H04',
    cause: 'homonym',
    published: '2025-05-20',
    title: 'Hamburg box traffic grows',
    text: 'Terminals in Hamburg moved 2 million containers in spring, helped by trade with Brazil and the United States. Hamburg still trails Rotterdam and Antwerp.',
    placeCountry: { Hamburg: 'DE' },
  }),
  P({
    id: 'H05',
    cause: 'homonym',
    published: '2025-05-20',
    text: 'Imports from Canada rose, the Port of Vienna Logistics group said. Vienna is a river port.',
    placeCountry: { Vienna: 'AT' },
    places: { not: ['Vienna Logistics'] },
  }),
  // ---- place: a demonym two sovereign countries share -------------------------------------
  P({
    id: 'M02',
    cause: 'shared-demonym',
    published: '2025-05-20',
    text: 'Dominican anti-drug agents said they had seized 3 tonnes of drugs so far this year.',
    seizures: [{ drug: 'unspecified', kg: 3000, country: 'DO' }],
  }),
  P({
    id: 'M03',
    cause: 'shared-demonym',
    published: '2025-05-20',
    text: 'Dominican customs officers found 240 kg of cocaine in a shipment of plantains at the port.',
    seizures: [{ drug: 'cocaine', kg: 240, country: 'DO' }],
  }),
  // ---- period ------------------------------------------------------------------------------
  P({
    id: 'R01',
    cls: 'period',
    cause: 'month-last-year',
    published: '2026-06-10',
    text: 'In March last year, customs officers at Durban found 1.2 tonnes of cocaine in a shipment of scrap metal.',
    seizures: [{ drug: 'cocaine', kg: 1200, period: '2025-03' }],
  }),
  P({
    id: 'R02',
    cls: 'period',
    cause: 'month-last-year',
    published: '2026-02-03',
    text: 'Police in Manila said they had seized 50 kg of shabu from a car in November of last year.',
    seizures: [{ drug: 'methamphetamine', kg: 50, period: '2025-11' }],
  }),
  P({
    id: 'R03',
    cls: 'period',
    cause: 'month-last-year',
    published: '2026-09-15',
    text: 'The gang was dismantled after agents found 800 kg of hashish near Almeria last year in July.',
    seizures: [{ drug: 'hashish', kg: 800, period: '2025-07' }],
  }),
  P({
    id: 'R04',
    cls: 'period',
    cause: 'since-event-day',
    published: '2026-07-20',
    text: 'Since the operation began on 3 May, officers in Accra have seized 4 tonnes of cannabis, the police said.',
    seizures: [{ drug: 'cannabis', kg: 4000, period: '2026' }],
  }),
  P({
    id: 'R05',
    cls: 'period',
    cause: 'since-event-day',
    published: '2026-12-02',
    text: 'Since the start of the new customs regime on Sept. 1, inspectors at the Beitbridge border post have confiscated 350 kg of cocaine.',
    seizures: [{ drug: 'cocaine', kg: 350, period: '2026' }],
  }),
  P({
    id: 'R06',
    cls: 'period',
    cause: 'years-ago',
    published: '2026-04-08',
    text: 'A court in Genoa jailed three men for trafficking 400 kg of cocaine that was discovered in a container at the port about two years ago.',
    seizures: [{ drug: 'cocaine', kg: 400, period: '2024' }],
  }),
  P({
    id: 'R07',
    cls: 'period',
    cause: 'years-ago',
    published: '2026-04-08',
    text: 'The 90 kilos of heroin found in a lorry at Dover three years ago were burned on Tuesday, the Home Office said.',
    seizures: [{ drug: 'heroin', kg: 90, period: '2023' }],
  }),
  P({
    id: 'R08',
    cls: 'period',
    cause: 'press-conference-yesterday',
    published: '2026-05-13',
    text: 'Narcotics officers raided a flat in Ipoh on May 4 and found 12 kg of syabu. "We then searched a shophouse in Taiping, where we seized 30kg of ketamine," the state police chief told a press conference here yesterday.',
    seizures: [
      { drug: 'methamphetamine', kg: 12, period: '2026-05-04' },
      { drug: 'ketamine', kg: 30, period: ['2026-05', '2026-05-04'] },
    ],
  }),
  P({
    id: 'R09',
    cls: 'period',
    cause: 'press-conference-yesterday',
    published: '2026-03-28',
    text: 'Customs officers seized 200 kg of cannabis at the Kano airport, the zonal commander told journalists yesterday.',
    seizures: [{ drug: 'cannabis', kg: 200, period: [null] }],
  }),
  // ---- figures -----------------------------------------------------------------------------
  P({
    id: 'F01',
    cls: 'period',
    cause: 'tested-positive-for',
    published: '2025-03-01',
    text: 'Officers at the Nogales port of entry seized 9 kg of methamphetamine and a further 2,300 white tablets that field-tested positive for MDMA.',
    seizures: [
      { drug: 'methamphetamine', kg: 9 },
      { drug: 'mdma', count: 2300 },
    ],
    exact: true,
  }),
  P({
    id: 'F02',
    cls: 'period',
    cause: 'tested-positive-for',
    published: '2025-03-01',
    text: 'Deputies stopped a sedan on Interstate 10 and found 4,000 round pills that later tested positive for fentanyl.',
    seizures: [{ drug: 'fentanyl', count: 4000 }],
    exact: true,
  }),
  P({
    id: 'F03',
    cls: 'period',
    cause: 'count-came-to-mass',
    published: '2025-03-01',
    text: 'Coast guard divers pulled 38 packages from the water which, once dried and weighed, came to 41 kilograms of cocaine.',
    seizures: [{ drug: 'cocaine', kg: 41, count: 38 }],
    exact: true,
  }),
  P({
    id: 'F04',
    cls: 'period',
    cause: 'count-came-to-mass',
    published: '2025-03-01',
    text: 'Police found 120 bricks in the van that, when weighed at the station, amounted to 130 kilograms of cannabis resin.',
    seizures: [{ drug: 'hashish', kg: 130, count: 120 }],
    exact: true,
  }),
  P({
    id: 'F05',
    cls: 'period',
    cause: 'body-packer',
    published: '2025-03-01',
    text: 'A passenger arriving in Entebbe from Sao Paulo was taken to hospital, where he expelled 74 pellets of cocaine weighing 890 grams.',
    seizures: [{ drug: 'cocaine', kg: 0.89 }],
    exact: true,
  }),
  P({
    id: 'F06',
    cls: 'period',
    cause: 'body-packer',
    published: '2025-03-01',
    text: 'An X-ray showed capsules in her stomach. Over two days she excreted 55 wraps of heroin weighing 610 grams in total.',
    seizures: [{ drug: 'heroin', kg: 0.61 }],
    exact: true,
  }),
  P({
    id: 'F07',
    cls: 'period',
    cause: 'sum-of-parts',
    published: '2025-03-01',
    title: 'Police seize over half a tonne of heroin and crystal meth in Quetta',
    text: 'Anti-narcotics officers seized more than half a tonne of heroin and crystal meth from a truck near Quetta. They said 310 kg of heroin and 240 kg of crystal meth were hidden under sacks of onions.',
    seizures: [
      { drug: 'heroin', kg: 310 },
      { drug: 'methamphetamine', kg: 240 },
    ],
    exact: true,
  }),
  P({
    id: 'F08',
    cls: 'period',
    cause: 'sum-of-parts',
    published: '2025-03-01',
    text: 'Customs officers in Lome found nearly 2 tonnes of cocaine and cannabis in two containers. One held 1.2 tonnes of cocaine; the other contained 750 kg of cannabis.',
    seizures: [
      { drug: 'cocaine', kg: 1200 },
      { drug: 'cannabis', kg: 750 },
    ],
    exact: true,
  }),
  P({
    id: 'F09',
    cls: 'period',
    cause: 'same-count-restated',
    published: '2025-03-01',
    text: 'Border guards seized 1.5 lakh yaba tablets and two kilograms of crystal meth in separate drives near Ukhia. A search of a boat recovered 1,50,000 pieces of yaba. In the second drive, guards found 2.1kg of crystal meth in a rickshaw.',
    seizures: [
      { drug: 'methamphetamine', count: 150000 },
      { drug: 'methamphetamine', kg: 2.1 },
    ],
    exact: true,
  }),
  P({
    id: 'F10',
    cls: 'period',
    cause: 'court-seized-participle',
    published: '2026-04-08',
    text: 'A court in Podgorica charged four men with smuggling 1.6 tonnes of cocaine seized at the port of Bar in June last year.',
    seizures: [{ drug: 'cocaine', kg: 1600, period: '2025-06' }],
    exact: true,
  }),
  P({
    id: 'F11',
    cls: 'period',
    cause: 'court-seized-participle',
    published: '2026-04-08',
    text: 'The judge jailed the pilot for trafficking 480 kilograms of cocaine intercepted at Lungi airport in 2024.',
    seizures: [{ drug: 'cocaine', kg: 480, period: '2024' }],
    exact: true,
  }),
  P({
    id: 'F12',
    cls: 'period',
    cause: 'court-restated',
    published: '2026-04-08',
    text: 'A court in Valencia on Monday sentenced five men for smuggling 2.2 tonnes of cocaine that was found in a ship nearly three years ago. Police had discovered 2,214 kilograms of cocaine, in 2,000 packages, on 12 May 2023.',
    seizures: [{ drug: 'cocaine', kg: 2214, period: '2023-05-12' }],
    exact: true,
  }),
  P({
    id: 'N01',
    cls: 'period',
    cause: 'hard-negative',
    published: '2025-03-01',
    text: 'Laboratory tests find that four in 10 counterfeit pills contain a lethal dose, which chemists put at 2 milligrams.',
    seizures: [],
    exact: true,
    story: false,
  }),
  P({
    id: 'N02',
    cls: 'period',
    cause: 'hard-negative',
    published: '2025-03-01',
    text: 'Researchers found that three out of five pills sold on the street held more than 1 milligram of fentanyl, a potentially fatal dose.',
    seizures: [],
    exact: true,
    story: false,
  }),
  // ---- persons and places ------------------------------------------------------------------
  P({
    id: 'N03',
    cls: 'persons',
    cause: 'name-of-place',
    published: '2025-03-01',
    text: '"We will not stop," said Port Director Luis Medrano of the Laredo port of entry. Another parent, Janet Olsen of Tempe, said her son died in 2022.',
    persons: ['Luis Medrano', 'Janet Olsen'],
  }),
  P({
    id: 'N04',
    cls: 'persons',
    cause: 'welsh-particle',
    published: '2025-03-01',
    text: 'Gareth ap Rhys, a Border Force director, said the lorry was stopped at Holyhead. Siân ab Owain, the driver, was charged.',
    persons: ['Gareth ap Rhys', 'Siân ab Owain'],
  }),
  P({
    id: 'N05',
    cls: 'persons',
    cause: 'brand-quoted',
    published: '2025-03-01',
    text: "Officers seized 2 million cigarettes, branded 'Lucky Draw' and 'Silver Pine', in Cork. They also found three Ducati-Ferrari motorbikes.",
    persons: [],
    places: { not: ['Lucky Draw', 'Silver Pine'] },
  }),
  P({
    id: 'N06',
    cls: 'persons',
    cause: 'possessive-place',
    published: '2025-03-01',
    text: "Coast guards seized 20 kg of heroin near Cox's Bazar and a boat at St John's, Antigua.",
    places: { has: ["Cox's Bazar"], not: ['Cox'] },
  }),
  P({
    id: 'N07',
    cls: 'persons',
    cause: 'island-name',
    published: '2025-03-01',
    text: 'Police raided homes across the lower South Island and in Southland, officers said.',
    places: { has: ['South Island'], not: ['Island'] },
  }),
  P({
    id: 'N08',
    cls: 'persons',
    cause: 'outlet-name',
    published: '2025-03-01',
    text: 'Border data reviewed by USA TODAY show seizures in Arizona fell.',
    places: { has: ['Arizona'], not: ['USA'] },
  }),
];

/** The failed checks of one probe. */
export function runRound5(probe: Round5Probe, record: ArticleRecord = recordOf(probe)): string[] {
  const fails = runProbe(probe, record);
  if (probe.exact && record.seizures.length !== (probe.seizures ?? []).length)
    fails.push(
      `exact: ${record.seizures.length} seizures (${record.seizures
        .map((s) => `${s.drug} ${s.kg ?? s.count}`)
        .join(', ')}) want ${(probe.seizures ?? []).length}`,
    );
  if (probe.story !== undefined && record.seizureStory !== probe.story)
    fails.push(`story: got ${record.seizureStory}`);
  for (const [name, country] of Object.entries(probe.placeCountry ?? {})) {
    const got = record.places.filter((p) => p.name.toLowerCase() === name.toLowerCase());
    if (got.length === 0 || got.some((p) => p.country !== country))
      fails.push(
        `placeCountry: ${name} got ${got.map((p) => p.country).join('/') || 'none'} want ${country}`,
      );
  }
  return fails;
}
