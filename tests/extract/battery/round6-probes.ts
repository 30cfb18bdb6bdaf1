/**
 * Probe battery of issue 9 round 6 (the general causes of the held-out v7 misses): short
 * articles of our own, written before the changes of the round, in places, drugs and word orders
 * far from the v7 texts. Each probe is labelled as a careful reader would (LABELING.md); the
 * checks are those of tests/extract/battery/round5-probes.ts (`runRound5`).
 * tests/extract/battery-round6.test.ts runs them all.
 */
import type { Round5Probe } from './round5-probes.ts';

const P = (p: Omit<Round5Probe, 'cls'> & { cls?: Round5Probe['cls'] }): Round5Probe => ({
  cls: 'period',
  ...p,
});

export const round6: Round5Probe[] = [
  // ---- period: a total up to the end of a month is a total of its year ----------------------
  P({
    id: 'Y01',
    cause: 'year-to-date',
    published: '2025-10-14',
    text: 'By the end of September, customs officers in Durban had seized 3.4 tonnes of cocaine, the revenue service said.',
    seizures: [{ drug: 'cocaine', kg: 3400, period: '2025' }],
  }),
  P({
    id: 'Y02',
    cause: 'year-to-date',
    published: '2024-09-02',
    text: 'Through August, Guatemalan anti-narcotics police confiscated 12,400 kilograms of cocaine, a spokesman told local radio.',
    seizures: [{ drug: 'cocaine', kg: 12400, period: '2024' }],
  }),
  P({
    id: 'Y03',
    cause: 'year-to-date',
    published: '2025-07-30',
    text: 'Up until the end of June, officers at Sydney airport had intercepted 640 kg of methamphetamine hidden in luggage and freight.',
    seizures: [{ drug: 'methamphetamine', kg: 640, period: '2025' }],
  }),
  P({
    id: 'Y04',
    cause: 'year-to-date',
    published: '2023-12-05',
    text: 'Uzbek border guards seized 2.7 tonnes of hashish from January to the end of November, the State Customs Committee said.',
    seizures: [{ drug: 'hashish', kg: 2700, period: '2023' }],
  }),
  // A haul at the end of a month stays in that month.
  P({
    id: 'Y05',
    cause: 'year-to-date-guard',
    published: '2025-04-10',
    text: 'Spanish police seized 200 kg of cocaine from a lorry in Valencia at the end of March.',
    seizures: [{ drug: 'cocaine', kg: 200, period: '2025-03' }],
  }),
  P({
    id: 'Y06',
    cause: 'half-year',
    published: '2025-09-01',
    text: 'In the first half of 2025, Kenyan police seized 1.9 tonnes of cannabis in Nairobi, a report said.',
    seizures: [{ drug: 'cannabis', kg: 1900, period: '2025' }],
  }),
  // ---- period: the total of an event of N days is dated to the span, not its last day ------
  P({
    id: 'W01',
    cause: 'event-span',
    published: '2025-07-08',
    text: 'Police working the four-day music festival in Roskilde, which ended on Sunday, seized 900 grams of cocaine and 310 ecstasy tablets.',
    seizures: [
      { drug: 'cocaine', kg: 0.9, period: '2025-07' },
      { drug: 'mdma', count: 310, period: '2025-07' },
    ],
  }),
  P({
    id: 'W02',
    cause: 'event-span',
    published: '2025-09-20',
    text: 'During the three-day fair, which closed on 14 September, officers in Plovdiv confiscated 2.5 kilograms of cannabis.',
    seizures: [{ drug: 'cannabis', kg: 2.5, period: '2025-09' }],
  }),
  P({
    id: 'W03',
    cause: 'event-span',
    published: '2025-03-07',
    text: 'Police in Salvador seized 35 kilos of marijuana over the six-day carnival that ended on Wednesday, the state security department said.',
    seizures: [{ drug: 'cannabis', kg: 35, period: '2025' }],
  }),
  // ---- period: a superlative "this year" ranks the haul; a later sentence dates it ---------
  P({
    id: 'R01',
    cause: 'superlative-this-year',
    published: '2025-05-14',
    text: 'Police in Mombasa seized 120 kg of heroin from a dhow, the largest haul in the country this year. The dhow was intercepted on Saturday night off the coast.',
    seizures: [{ drug: 'heroin', kg: 120, period: '2025-05-10' }],
  }),
  P({
    id: 'R02',
    cause: 'relative-weekday',
    published: '2025-06-12',
    text: 'Border Force officers at Dover found 82 packets of heroin in a lorry last Tuesday. The packets weighed 41 kg, officers said.',
    seizures: [{ drug: 'heroin', kg: 41, count: 82, period: '2025-06-10' }],
    exact: true,
  }),
  P({
    id: 'R03',
    cause: 'month-last-year',
    published: '2025-02-20',
    text: 'In March last year, Chilean police seized 4 tonnes of marijuana in Arica.',
    seizures: [{ drug: 'cannabis', kg: 4000, period: '2024-03' }],
  }),
  // A total of all drugs: a later figure without a drug stays unspecified, not the share named
  // after the first; a month the figures were published in dates nothing.
  P({
    id: 'R04',
    cause: 'all-drugs-total',
    published: '2025-08-01',
    text: 'Ecuadorian police seized 221 tonnes of drugs in 2024, nearly half of it cocaine. Between 2019 and 2023, officers took about 800 tonnes, according to data published by the interior ministry in June.',
    seizures: [
      { drug: 'unspecified', kg: 221000, period: '2024' },
      { drug: 'unspecified', kg: 800000, period: null },
    ],
    exact: true,
  }),
  // ---- figures ---------------------------------------------------------------------------
  P({
    id: 'F01',
    cls: 'place',
    cause: 'pill-press',
    published: '2025-03-01',
    text: 'Dutch police found 3 kg of MDMA powder, a pill press and packaging in a garage in Eindhoven.',
    seizures: [{ drug: 'mdma', kg: 3 }],
    exact: true,
  }),
  P({
    id: 'F02',
    cls: 'place',
    cause: 'pill-press',
    published: '2025-03-01',
    text: 'In the lab, agents seized two tablet presses and 11,000 tablets of captagon in Homs.',
    seizures: [{ drug: 'captagon', count: 11000 }],
    exact: true,
  }),
  P({
    id: 'F03',
    cls: 'place',
    cause: 'count-mass-apposition',
    published: '2025-03-01',
    text: 'Kenyan police seized 40 bales of cannabis, about 900 kilograms, from a lorry near Lamu.',
    seizures: [{ drug: 'cannabis', kg: 900, count: 40 }],
    exact: true,
  }),
  P({
    id: 'F04',
    cls: 'place',
    cause: 'count-mass-apposition',
    published: '2025-03-01',
    text: 'Marines intercepted a speedboat off Tumaco and found 52 packages of cocaine, some 61 kilos in all.',
    seizures: [{ drug: 'cocaine', kg: 61, count: 52 }],
    exact: true,
  }),
  // A list goes on: the mass after the count is another item, with a drug of its own.
  P({
    id: 'F10',
    cls: 'place',
    cause: 'count-mass-apposition-guard',
    published: '2025-03-01',
    text: 'Police in Durres seized 40 bales of cannabis, about 900 kilograms of cocaine and 12 kg of heroin.',
    seizures: [
      { drug: 'cannabis', count: 40 },
      { drug: 'cocaine', kg: 900 },
      { drug: 'heroin', kg: 12 },
    ],
    exact: true,
  }),
  P({
    id: 'F05',
    cls: 'place',
    cause: 'cathinone',
    published: '2025-03-01',
    text: 'Latvian customs found 2.3 kilograms of synthetic cathinones in parcels at Riga, along with 500 grams of so-called bath salts.',
    seizures: [
      { drug: 'nps', kg: 2.3 },
      { drug: 'nps', kg: 0.5 },
    ],
    exact: true,
  }),
  P({
    id: 'F06',
    cls: 'place',
    cause: 'cathinone',
    published: '2025-03-01',
    text: 'Police in Fort Lauderdale seized 6 kg of flakka and 2 kg of alpha-PVP from a warehouse.',
    seizures: [
      { drug: 'nps', kg: 6 },
      { drug: 'nps', kg: 2 },
    ],
    exact: true,
  }),
  P({
    id: 'F07',
    cls: 'place',
    cause: 'pill-drug-after',
    published: '2025-03-01',
    text: 'Troopers found 2 kg of cocaine and about 1,500 blue tablets pressed with fentanyl in the trunk of a car near Tucson.',
    seizures: [
      { drug: 'cocaine', kg: 2 },
      { drug: 'fentanyl', count: 1500 },
    ],
    exact: true,
  }),
  P({
    id: 'F08',
    cls: 'place',
    cause: 'production-estimate',
    published: '2025-03-01',
    text: 'UNODC estimated that opium production in Myanmar fell from 1,080 tonnes in 2023 to 995 tonnes in 2024.',
    seizures: [],
    exact: true,
    story: false,
  }),
  P({
    id: 'F09',
    cls: 'place',
    cause: 'count-then-mass',
    published: '2025-03-11',
    text: 'The navy recovered 60 bundles of cocaine floating off Sal on Monday. Laboratory tests later put the weight of the bundles at 71.4 kilograms.',
    seizures: [{ drug: 'cocaine', kg: 71.4, count: 60 }],
    exact: true,
  }),
  // A rounded figure and its exact value in a dash aside are one figure, with a drug of two words.
  P({
    id: 'F11',
    cls: 'place',
    cause: 'rounded-dash-aside',
    published: '2025-03-01',
    text: 'Moroccan gendarmes seized just over a tonne of Moroccan cannabis resin — 1,046 kilograms — in a van near Nador.',
    seizures: [{ drug: 'hashish', kg: 1046 }],
    exact: true,
  }),
  P({
    id: 'F12',
    cls: 'place',
    cause: 'production-estimate',
    published: '2025-03-01',
    text: 'Police in Bogotá seized 3 tonnes of cocaine. The UN estimated that Colombian coca production had climbed from about 1,400 tonnes in 2021 to 1,738 tonnes the following year.',
    seizures: [{ drug: 'cocaine', kg: 3000 }],
    exact: true,
  }),
  P({
    id: 'F13',
    cls: 'place',
    cause: 'cue-took-in',
    published: '2025-03-01',
    text: 'Over the summer, Georgian border police took in 640 kilograms of hashish at the Sarpi crossing.',
    seizures: [{ drug: 'hashish', kg: 640 }],
    exact: true,
  }),
  P({
    id: 'F14',
    cls: 'place',
    cause: 'area-no-count',
    published: '2025-03-01',
    text: 'Afghan police seized 200 kg of opium and destroyed some 1,400 hectares of poppy plants in Badakhshan.',
    seizures: [{ drug: 'opium', kg: 200 }],
    exact: true,
  }),
  P({
    id: 'F15',
    cls: 'place',
    cause: 'headline-lower-bound',
    published: '2025-03-01',
    title: 'Customs seize over a tonne of cocaine at Sines',
    text: 'Portuguese customs officers seized 1.42 tonnes of cocaine in a container of frozen fish at Sines, the tax authority said.',
    seizures: [{ drug: 'cocaine', kg: 1420 }],
    exact: true,
  }),
  // A drug in quotes after "of" is the figure's, not the drug listed before it.
  P({
    id: 'F16',
    cls: 'place',
    cause: 'quoted-drug',
    published: '2025-03-01',
    title: "Police find heroin, LSD and 3.1 kilos of 'flakka' in Gdansk flat",
    text: 'Polish police searched a flat in Gdansk and found 3.1 kilos of a synthetic drug, 200 grams of heroin and LSD blotters.',
    seizures: [{ drug: 'nps', kg: 3.1 }],
  }),
  // ---- country: a loading or transit place is not the place of the seizure -----------------
  P({
    id: 'C01',
    cls: 'place',
    cause: 'transit-country',
    published: '2025-03-01',
    text: 'Belgian customs found 300 kg of cocaine in a container of bananas at the port. The container had been loaded in Guayaquil and transhipped in Algeciras.',
    seizures: [{ drug: 'cocaine', kg: 300, country: 'BE' }],
  }),
  P({
    id: 'C02',
    cls: 'place',
    cause: 'transit-country',
    published: '2025-03-01',
    text: 'Officers in Felixstowe seized 1.1 tonnes of cocaine from a ship that had transited through Panama and called at Rotterdam.',
    seizures: [{ drug: 'cocaine', kg: 1100, country: 'GB' }],
  }),
  // A route "out of" a country names where the drugs came from, not where they were seized.
  P({
    id: 'C03',
    cls: 'place',
    cause: 'route-country',
    published: '2025-03-01',
    text: 'Uzbek police seized 1.2 tonnes of hashish in Tashkent last year. Opium, once a staple of the smuggling route out of Afghanistan, has almost vanished. Officers seized 14 kilograms of opium in the same period.',
    seizures: [
      { drug: 'hashish', kg: 1200, country: 'UZ' },
      { drug: 'opium', kg: 14, country: 'UZ' },
    ],
  }),
  // ---- places named with a feature noun ------------------------------------------------------
  P({
    id: 'L01',
    cls: 'place',
    cause: 'feature-noun',
    published: '2025-03-01',
    text: 'Soldiers destroyed 30 hectares of poppy and seized 200 kg of opium in the Helmand Valley, then patrolled the Shatt al-Arab River by boat.',
    places: { has: ['Helmand Valley'] },
  }),
  P({
    id: 'L02',
    cls: 'place',
    cause: 'feature-noun',
    published: '2025-03-01',
    text: 'A frigate stopped a dhow in the Andaman Sea and later sailed through the Malacca Strait towards Penang.',
    places: { has: ['Andaman Sea', 'Malacca Strait'] },
  }),
  P({
    id: 'L03',
    cls: 'place',
    cause: 'feature-noun',
    published: '2025-03-01',
    text: 'Rangers found a cannabis plot inside Kafue National Park and dealers selling pills in Rotenburg park near Bremen.',
    places: { has: ['Kafue National Park', 'Rotenburg park'] },
  }),
  P({
    id: 'L04',
    cls: 'place',
    cause: 'feature-noun',
    published: '2025-03-01',
    text: 'Customs at the Colón Free Zone opened a container bound for the Bekaa valley.',
    places: { has: ['Colón Free Zone', 'Bekaa valley'] },
  }),
  // A known town before "valley" is not listed for the valley; a known sea keeps its entry.
  P({
    id: 'L05',
    cls: 'place',
    cause: 'feature-known',
    published: '2025-03-01',
    text: 'Police patrols in the Swat valley found 12 kg of hashish; the navy seized 600 kg of cocaine in the Ionian Sea.',
    places: { has: ['Swat valley', 'Ionian Sea'], not: ['Swat'] },
    seizures: [{ drug: 'cocaine', kg: 600, country: null }],
  }),
  // A checkpoint or seaport named after a town lists the town.
  P({
    id: 'L06',
    cls: 'place',
    cause: 'facility-town',
    published: '2025-03-01',
    text: 'Officers at the Kazungula checkpoint found 80 kg of cannabis in a lorry; a week later, Lekki seaport staff found 20 kg of heroin.',
    places: { has: ['Kazungula', 'Lekki'] },
  }),
];
