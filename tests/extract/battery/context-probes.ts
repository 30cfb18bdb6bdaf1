/**
 * Probe battery for issue 9 (seizure period, seizure place/country, persons and places):
 * short articles of our own, written before any change of this round, in date and place
 * forms the corpus and the held-out sets do not use. Each probe states only what a careful
 * reader takes out of it (LABELING.md); a field left out is not checked, an array of values
 * means the labelling rules allow either reading (a haul dated only by the day it was told,
 * "police told reporters on Friday", is null or that day: the held-out labels take the day).
 *
 * `runProbe` returns the failed checks of one probe; tests/extract/battery-context.test.ts
 * runs them all, and `npx tsx tests/extract/battery/report.ts` prints the failure rate per
 * class.
 */
import { articleFromText, extractRecord } from '../../../src/extract/index.ts';
import type { ArticleRecord } from '../../../src/types.ts';

type Value = string | null;

export interface SeizureProbe {
  drug: string;
  kg?: number;
  count?: number;
  period?: Value | Value[];
  country?: Value | Value[];
  location?: Value | Value[];
}

export interface Probe {
  id: string;
  cls: 'period' | 'place' | 'persons';
  published: string | null;
  title?: string;
  text: string;
  seizures?: SeizureProbe[];
  /** the exact set of person names */
  persons?: string[];
  /** place names that must be listed / must not be listed */
  places?: { has?: string[]; not?: string[] };
}

export const probes: Probe[] = [
  // ---- period ---------------------------------------------------------------------------
  {
    id: 'P01',
    cls: 'period',
    published: '2025-10-08',
    text: 'Coast guard officers seized 1.4 tonnes of cocaine from a fishing boat off Manta on Monday, the navy said. Three crew members were detained.',
    seizures: [{ drug: 'cocaine', kg: 1400, period: '2025-10-06' }],
  },
  {
    id: 'P02',
    cls: 'period',
    published: '2024-06-03',
    text: 'Border Force officers at Tilbury found 600 kg of cocaine hidden among bananas last Tuesday. The fruit had been shipped from Ecuador.',
    seizures: [{ drug: 'cocaine', kg: 600, period: '2024-05-28' }],
  },
  {
    id: 'P03',
    cls: 'period',
    published: '2025-05-06',
    text: 'Police in Rotterdam intercepted 800 kilos of cocaine on the night of 3-4 May, prosecutors said. A 41-year-old driver was held.',
    seizures: [{ drug: 'cocaine', kg: 800, period: ['2025-05', '2025-05-03'] }],
  },
  {
    id: 'P04',
    cls: 'period',
    published: '2025-03-14',
    text: 'Detectives seized 45 kg of methamphetamine earlier this month at a house in the suburbs of Perth, police revealed.',
    seizures: [{ drug: 'methamphetamine', kg: 45, period: '2025-03' }],
  },
  {
    id: 'P05',
    cls: 'period',
    published: '2025-10-08',
    text: 'Navy divers recovered 2.3 tonnes of cocaine strapped to the hull of a bulk carrier in late September, the defence ministry said on Wednesday.',
    seizures: [{ drug: 'cocaine', kg: 2300, period: '2025-09' }],
  },
  {
    id: 'P06',
    cls: 'period',
    published: '2024-06-03',
    text: 'Gendarmes found 300 kilograms of cannabis resin in a rented van over the weekend near Perpignan. The driver fled on foot.',
    seizures: [{ drug: 'hashish', kg: 300, period: '2024-06' }],
  },
  {
    id: 'P07',
    cls: 'period',
    published: '2025-07-01',
    text: 'Kenyan anti-narcotics officers seized 1.1 tonnes of heroin between January and June, the agency said in its half-year report. Most of it came by sea.',
    seizures: [{ drug: 'heroin', kg: 1100, period: '2025' }],
  },
  {
    id: 'P08',
    cls: 'period',
    published: '2023-09-12',
    text: 'During 2022, customs officers seized 12.5 tonnes of cocaine at the port of Hamburg, a sharp rise, the finance ministry said.',
    seizures: [{ drug: 'cocaine', kg: 12500, period: '2022' }],
  },
  {
    id: 'P09',
    cls: 'period',
    published: '2025-05-06',
    text: 'Customs officers seized 14 tonnes of cocaine in the fiscal year to March, almost double the previous year, the agency said.',
    seizures: [{ drug: 'cocaine', kg: 14000, period: [null, '2025'] }],
  },
  {
    id: 'P10',
    cls: 'period',
    published: '2025-07-01',
    text: 'Since the start of the year, police in Cape Town have seized 870 kilograms of dagga and arrested dozens of dealers.',
    seizures: [{ drug: 'cannabis', kg: 870, period: '2025' }],
  },
  {
    id: 'P11',
    cls: 'period',
    published: '2025-03-03',
    text: 'LAGOS, March 3 (Reuters) - Nigerian anti-narcotics officers seized 210 kg of cocaine at the Lagos airport on Sunday, the agency said.',
    seizures: [{ drug: 'cocaine', kg: 210, period: '2025-03-02' }],
  },
  {
    id: 'P12',
    cls: 'period',
    published: '2025-02-11',
    text: "ABUJA, Feb 11 (Reuters) - Nigeria's drug agency said it had seized 3.2 tonnes of cannabis from a farm in Edo state. No arrests were made.",
    seizures: [{ drug: 'cannabis', kg: 3200, period: null }],
  },
  {
    id: 'P13',
    cls: 'period',
    published: '2024-11-20',
    text: 'Customs officers found 500 kg of cocaine on 2 October inside a container of frozen fish. The agency said on Wednesday that the investigation was continuing.',
    seizures: [{ drug: 'cocaine', kg: 500, period: '2024-10-02' }],
  },
  {
    id: 'P14',
    cls: 'period',
    published: '2025-01-06',
    text: 'Spanish police seized 4 tonnes of hashish in Almeria. The operation was carried out on December 28, a spokesman said.',
    seizures: [{ drug: 'hashish', kg: 4000, period: '2024-12-28' }],
  },
  {
    id: 'P15',
    cls: 'period',
    published: '2025-10-08',
    text: 'On Friday officers seized 120 kg of cocaine in Guayaquil. On Sunday a second team found 75 kg of marijuana in Quito.',
    seizures: [
      { drug: 'cocaine', kg: 120, period: '2025-10-03' },
      { drug: 'cannabis', kg: 75, period: '2025-10-05' },
    ],
  },
  {
    id: 'P16',
    cls: 'period',
    published: '2025-01-06',
    text: 'Police seized a record 28 tonnes of cocaine in 2024, up from 19 tonnes the year before, the interior minister said.',
    seizures: [
      { drug: 'cocaine', kg: 28000, period: '2024' },
      { drug: 'cocaine', kg: 19000, period: '2023' },
    ],
  },
  {
    id: 'P17',
    cls: 'period',
    published: '2025-03-14',
    text: 'Customs officers at the border found 60 kilograms of heroin hidden in the spare tyre of a car. The driver was charged.',
    seizures: [{ drug: 'heroin', kg: 60, period: null }],
  },
  {
    id: 'P18',
    cls: 'period',
    published: '2025-03-14',
    text: 'In February, customs at Felixstowe seized 1.2 tonnes of cocaine concealed in a shipment of scrap metal.',
    seizures: [{ drug: 'cocaine', kg: 1200, period: '2025-02' }],
  },
  {
    id: 'P19',
    cls: 'period',
    published: '2025-03-14',
    text: 'Police seized 900 kg of cannabis yesterday at a warehouse in Durban, a spokesperson confirmed.',
    seizures: [{ drug: 'cannabis', kg: 900, period: '2025-03-13' }],
  },
  {
    id: 'P20',
    cls: 'period',
    published: '2025-03-14',
    text: 'Detectives found 18 kilos of heroin this week in a flat in Birmingham, West Midlands Police said.',
    seizures: [{ drug: 'heroin', kg: 18, period: '2025-03' }],
  },
  {
    id: 'P21',
    cls: 'period',
    published: '2025-03-14',
    text: 'Police said they seized 2.5 kg of cocaine on Tuesday during a traffic stop outside Leeds.',
    seizures: [{ drug: 'cocaine', kg: 2.5, period: '2025-03-11' }],
  },
  {
    id: 'P22',
    cls: 'period',
    published: '2023-09-12',
    text: 'In the first half of 2023, Dutch customs seized 23 tonnes of cocaine at Rotterdam, down from a year earlier.',
    seizures: [{ drug: 'cocaine', kg: 23000, period: '2023' }],
  },
  {
    id: 'P23',
    cls: 'period',
    published: '2024-06-03',
    text: 'Last month, the coast guard intercepted 3 tonnes of cocaine off the coast of Puerto Rico, officials said.',
    seizures: [{ drug: 'cocaine', kg: 3000, period: '2024-05' }],
  },
  {
    id: 'P24',
    cls: 'period',
    published: '2025-01-06',
    text: 'Officers seized 40 kilograms of heroin in mid-December from a bus travelling to Tehran.',
    seizures: [{ drug: 'heroin', kg: 40, period: '2024-12' }],
  },
  {
    id: 'P25',
    cls: 'period',
    published: '2025-02-27',
    text: 'Police seized 7 kg of cocaine on Feb. 20 in a Miami apartment, according to a court filing made public on Thursday.',
    seizures: [{ drug: 'cocaine', kg: 7, period: '2025-02-20' }],
  },
  {
    id: 'P26',
    cls: 'period',
    published: '2024-11-20',
    text: 'During the night of Saturday to Sunday, police stopped a lorry near Lyon carrying 650 kg of cannabis.',
    seizures: [{ drug: 'cannabis', kg: 650, period: ['2024-11', '2024-11-16', '2024-11-17'] }],
  },
  {
    id: 'P27',
    cls: 'period',
    published: '2025-10-08',
    text: 'Two weeks ago, officers seized 95 kg of methamphetamine at the port of Tema, the narcotics commission said.',
    seizures: [{ drug: 'methamphetamine', kg: 95, period: ['2025-09-24', '2025-09'] }],
  },
  {
    id: 'P28',
    cls: 'period',
    published: '2025-01-06',
    text: 'Customs at Jomo Kenyatta airport seized 300 kg of khat on 14 August, court papers show.',
    seizures: [{ drug: 'khat', kg: 300, period: '2024-08-14' }],
  },
  {
    id: 'P29',
    cls: 'period',
    published: '2025-10-08',
    text: 'BOGOTA, Oct 8 (Reuters) - Colombian police seized 7 tonnes of cocaine on Saturday in the port of Buenaventura, the defence minister said.',
    seizures: [{ drug: 'cocaine', kg: 7000, period: '2025-10-04' }],
  },
  {
    id: 'P30',
    cls: 'period',
    published: '2024-12-02',
    text: 'Customs seized 250 kilograms of cocaine hidden in a shipment of pineapples at the port of Antwerp. The drugs were discovered on November 21 during a routine check.',
    seizures: [{ drug: 'cocaine', kg: 250, period: '2024-11-21' }],
  },
  {
    id: 'P31',
    cls: 'period',
    published: '2024-12-02',
    text: 'Police seized 30 kg of heroin on Friday in Karachi. In a separate operation, officers found 12 kg of hashish in Lahore.',
    seizures: [
      { drug: 'heroin', kg: 30, period: '2024-11-29' },
      { drug: 'hashish', kg: 12, period: null },
    ],
  },
  {
    id: 'P32',
    cls: 'period',
    published: '2025-07-01',
    text: 'Earlier this year, the navy seized 5 tonnes of cocaine near the Galapagos Islands, the president said.',
    seizures: [{ drug: 'cocaine', kg: 5000, period: '2025' }],
  },
  {
    id: 'P33',
    cls: 'period',
    published: '2025-07-01',
    text: 'Police seized 40 tonnes of cocaine between 2021 and 2023, according to a government report.',
    seizures: [{ drug: 'cocaine', kg: 40000, period: null }],
  },
  {
    id: 'P34',
    cls: 'period',
    published: '2025-03-14',
    text: 'Border police seized 300 kg of cannabis in the past 24 hours along the frontier, the ministry said.',
    seizures: [{ drug: 'cannabis', kg: 300, period: '2025-03' }],
  },
  {
    id: 'P35',
    cls: 'period',
    published: '2025-01-06',
    text: 'Customs seized 11 tonnes of cocaine last year, the most ever, and 2 tonnes of heroin.',
    seizures: [
      { drug: 'cocaine', kg: 11000, period: '2024' },
      { drug: 'heroin', kg: 2000, period: '2024' },
    ],
  },
  {
    id: 'P36',
    cls: 'period',
    published: '2025-02-27',
    text: 'Officers stopped a car on Thursday night and found 12 kg of cocaine behind the dashboard.',
    seizures: [{ drug: 'cocaine', kg: 12, period: '2025-02-27' }],
  },
  {
    id: 'P37',
    cls: 'period',
    published: '2025-10-08',
    text: 'On October 3, officers found 50 kg of heroin in a van in Izmir. The previous day, they had seized 20 kg of methamphetamine at the same checkpoint.',
    seizures: [
      { drug: 'heroin', kg: 50, period: '2025-10-03' },
      { drug: 'methamphetamine', kg: 20, period: '2025-10-02' },
    ],
  },
  {
    id: 'P38',
    cls: 'period',
    published: '2025-01-06',
    text: 'The gendarmerie seized 2,400 kilos of cannabis on 5 January at a farm outside Agadir.',
    seizures: [{ drug: 'cannabis', kg: 2400, period: '2025-01-05' }],
  },
  {
    id: 'P39',
    cls: 'period',
    published: '2025-10-08',
    text: 'In the third quarter, Colombian authorities seized 230 tonnes of cocaine, the defence ministry said.',
    seizures: [{ drug: 'cocaine', kg: 230000, period: '2025' }],
  },
  {
    id: 'P40',
    cls: 'period',
    published: '2025-10-08',
    text: 'Federal agents seized 1,500 pounds of marijuana on Sept. 30 at a warehouse in Tucson, the DEA said.',
    seizures: [{ drug: 'cannabis', kg: 680.39, period: '2025-09-30' }],
  },
  {
    id: 'P41',
    cls: 'period',
    published: '2025-10-08',
    text: 'Last Friday, customs at Durres port found 110 kg of cocaine in a banana shipment from Ecuador.',
    seizures: [{ drug: 'cocaine', kg: 110, period: '2025-10-03' }],
  },
  {
    id: 'P42',
    cls: 'period',
    published: '2025-05-06',
    text: 'Early on Sunday, the Guardia Civil stopped a speedboat carrying 1.8 tonnes of hashish near Barbate.',
    seizures: [{ drug: 'hashish', kg: 1800, period: '2025-05-04' }],
  },
  {
    id: 'P43',
    cls: 'period',
    published: '2024-06-03',
    text: 'The navy seized 8 tonnes of cocaine in 2023, compared with 5 tonnes a year earlier.',
    seizures: [
      { drug: 'cocaine', kg: 8000, period: '2023' },
      { drug: 'cocaine', kg: 5000, period: '2022' },
    ],
  },
  {
    id: 'P44',
    cls: 'period',
    published: '2024-11-20',
    text: 'So far this year, border guards have seized 2.4 tonnes of heroin on the Afghan frontier.',
    seizures: [{ drug: 'heroin', kg: 2400, period: '2024' }],
  },
  {
    id: 'P45',
    cls: 'period',
    published: '2024-11-20',
    text: 'Police seized 14 kg of cocaine on Wednesday morning in Liverpool after a tip-off.',
    seizures: [{ drug: 'cocaine', kg: 14, period: '2024-11-20' }],
  },
  {
    id: 'P46',
    cls: 'period',
    published: '2025-03-14',
    title: 'Police seize 60kg of ketamine in Glasgow',
    text: 'The drugs were found on Saturday at a storage unit in the east of the city. A man, 37, has been charged.',
    seizures: [{ drug: 'ketamine', kg: 60, period: '2025-03-08' }],
  },
  {
    id: 'P47',
    cls: 'period',
    published: '2025-03-14',
    text: 'Officers seized 5 kg of fentanyl on 12 March 2024, the prosecutor told the court.',
    seizures: [{ drug: 'fentanyl', kg: 5, period: '2024-03-12' }],
  },
  {
    id: 'P48',
    cls: 'period',
    published: '2025-03-14',
    text: 'During a three-day operation last week, police seized 75 kg of cannabis across the county.',
    seizures: [{ drug: 'cannabis', kg: 75, period: '2025-03' }],
  },
  {
    id: 'P49',
    cls: 'period',
    published: '2025-03-14',
    text: 'Authorities seized 90 tonnes of cocaine in the fiscal year 2023-24, the annual report showed.',
    seizures: [{ drug: 'cocaine', kg: 90000, period: null }],
  },
  {
    id: 'P50',
    cls: 'period',
    published: '2025-07-01',
    text: 'Since January, the coast guard has seized 9 tonnes of cocaine in the eastern Pacific.',
    seizures: [{ drug: 'cocaine', kg: 9000, period: '2025' }],
  },
  {
    id: 'P51',
    cls: 'period',
    published: '2025-10-08',
    text: 'Soldiers found 400 kg of cocaine in a jungle lab on Saturday. On Monday they seized another 150 kg at a river checkpoint. Both hauls were flown to Bogota.',
    seizures: [
      { drug: 'cocaine', kg: 400, period: '2025-10-04' },
      { drug: 'cocaine', kg: 150, period: '2025-10-06' },
    ],
  },
  {
    id: 'P52',
    cls: 'period',
    published: '2024-12-02',
    text: 'Customs officers at Manila airport intercepted 4 kg of shabu in the luggage of a traveller. The passenger had arrived on Thanksgiving Day from Los Angeles, officials said on Monday.',
    seizures: [{ drug: 'methamphetamine', kg: 4, period: [null, '2024-11-28'] }],
  },
  {
    id: 'P53',
    cls: 'period',
    published: '2025-03-14',
    text: 'Police seized 250 grams of heroin in a raid in Nairobi, police commander Adamson Bungei told reporters on Friday.',
    seizures: [{ drug: 'heroin', kg: 0.25, period: [null, '2025-03-14'] }],
  },
  {
    id: 'P54',
    cls: 'period',
    published: '2025-03-14',
    text: "Fiji police have seized 4.1 tonnes of methamphetamine, the largest haul in the country's history, officers told a news conference in Suva on Thursday.",
    seizures: [{ drug: 'methamphetamine', kg: 4100, period: [null, '2025-03-13'] }],
  },
  {
    id: 'P55',
    cls: 'period',
    published: '2025-11-25',
    text: "Senegal's navy seized nearly 2 tonnes of cocaine from a trawler, the army said on Tuesday. The boat was intercepted overnight Saturday some 200 km off the coast.",
    seizures: [{ drug: 'cocaine', kg: 2000, period: ['2025-11-22', '2025-11-23'] }],
  },
  {
    id: 'P56',
    cls: 'period',
    published: '2025-04-16',
    text: 'On Saturday, officers set up a checkpoint on the highway south of Monterrey. Searching a lorry, they found 300 kg of methamphetamine under a load of avocados.',
    seizures: [{ drug: 'methamphetamine', kg: 300, period: '2025-04-12' }],
  },
  {
    id: 'P57',
    cls: 'period',
    published: '2025-04-16',
    text: 'Police seized 22 kg of heroin and arrested three men. The raid, on Thursday, followed a months-long investigation.',
    seizures: [{ drug: 'heroin', kg: 22, period: '2025-04-10' }],
  },
  {
    id: 'P58',
    cls: 'period',
    published: '2025-04-16',
    text: 'The seizure of 1.2 tonnes of cocaine, announced on Monday, took place on Friday at the port of Santos.',
    seizures: [{ drug: 'cocaine', kg: 1200, period: '2025-04-11' }],
  },
  {
    id: 'P59',
    cls: 'period',
    published: '2025-06-13',
    text: 'Customs officers found 48 kg of cocaine at the end of last month in a shipment of cocoa beans.',
    seizures: [{ drug: 'cocaine', kg: 48, period: '2025-05' }],
  },
  {
    id: 'P60',
    cls: 'period',
    published: '2025-06-13',
    text: 'In the early hours of Friday, marine police intercepted a speedboat with 700 kg of hashish.',
    seizures: [{ drug: 'hashish', kg: 700, period: '2025-06-13' }],
  },
  {
    id: 'P61',
    cls: 'period',
    published: '2025-06-13',
    text: 'A week ago, soldiers destroyed 3 tonnes of cannabis in the Rif mountains, the army said.',
    seizures: [{ drug: 'cannabis', kg: 3000, period: ['2025-06-06', '2025-06'] }],
  },
  {
    id: 'P62',
    cls: 'period',
    published: '2025-04-16',
    text: 'In 2024 as a whole, customs seized 70 tonnes of cocaine. So far this year the figure stands at 21 tonnes.',
    seizures: [
      { drug: 'cocaine', kg: 70000, period: '2024' },
      { drug: 'cocaine', kg: 21000, period: '2025' },
    ],
  },
  {
    id: 'P63',
    cls: 'period',
    published: '2025-04-16',
    text: "Last year's cocaine seizures reached 100 tonnes, the highest ever, the minister said.",
    seizures: [{ drug: 'cocaine', kg: 100000, period: '2024' }],
  },
  {
    id: 'P64',
    cls: 'period',
    published: '2024-09-06',
    text: 'Police found 45 kg of cocaine in a car on Monday. The haul was the second this month after 80 kg were found in a lorry on 1 September.',
    seizures: [
      { drug: 'cocaine', kg: 45, period: '2024-09-02' },
      { drug: 'cocaine', kg: 80, period: '2024-09-01' },
    ],
  },
  {
    id: 'P65',
    cls: 'period',
    published: '2024-09-06',
    text: 'Customs seized 5.1 tonnes of cocaine in the first eight months of the year, compared with 3.4 tonnes in the same period last year.',
    seizures: [
      { drug: 'cocaine', kg: 5100, period: '2024' },
      { drug: 'cocaine', kg: 3400, period: '2023' },
    ],
  },
  {
    id: 'P66',
    cls: 'period',
    published: '2024-09-06',
    text: 'Investigators said a 2023 haul of 4 tonnes of cocaine in Guayaquil was linked to the same network.',
    seizures: [{ drug: 'cocaine', kg: 4000, period: '2023' }],
  },
  {
    id: 'P67',
    cls: 'period',
    published: '2024-09-06',
    text: 'A lorry driver was stopped at Dover. Officers found 60 kg of heroin hidden in the trailer. The lorry had been stopped on 28 August.',
    seizures: [{ drug: 'heroin', kg: 60, period: '2024-08-28' }],
  },
  {
    id: 'P68',
    cls: 'period',
    published: '2025-06-13',
    text: 'Police, who arrested the suspect on Monday, said he had been caught with 5 kg of heroin in January.',
    seizures: [{ drug: 'heroin', kg: 5, period: '2025-01' }],
  },
  {
    id: 'P69',
    cls: 'period',
    published: null,
    text: 'Police in Manila seized 3 kg of shabu on Tuesday, the drug enforcement agency said.',
    seizures: [{ drug: 'methamphetamine', kg: 3, period: null }],
  },
  {
    id: 'P70',
    cls: 'period',
    published: '2025-06-13',
    text: 'Between 1 and 15 May, police across the country seized 2.2 tonnes of cannabis.',
    seizures: [{ drug: 'cannabis', kg: 2200, period: '2025-05' }],
  },
  {
    id: 'P71',
    cls: 'period',
    published: '2025-06-13',
    text: 'Seizures of cocaine in the last three months of 2024 reached 12 tonnes, the report said.',
    seizures: [{ drug: 'cocaine', kg: 12000, period: '2024' }],
  },
  {
    id: 'P72',
    cls: 'period',
    published: '2025-06-13',
    text: 'Officers seized 600 kg of cocaine on the evening of June 9 at a marina near Marbella.',
    seizures: [{ drug: 'cocaine', kg: 600, period: '2025-06-09' }],
  },
  {
    id: 'P73',
    cls: 'period',
    published: '2025-11-25',
    text: "A court in Lima heard that police had seized 1.3 tonnes of cocaine from the defendants' warehouse in March 2023.",
    seizures: [{ drug: 'cocaine', kg: 1300, period: '2023-03' }],
  },
  {
    id: 'P74',
    cls: 'period',
    published: '2025-11-25',
    text: 'Police seized 32 kg of cocaine at Schiphol on Sunday, the Royal Marechaussee said Monday.',
    seizures: [{ drug: 'cocaine', kg: 32, period: '2025-11-23' }],
  },
  {
    id: 'P75',
    cls: 'period',
    published: '2025-11-25',
    text: 'Two days after seizing 90 kg of cocaine in Callao on November 18, police found another 40 kg in the same district.',
    seizures: [
      { drug: 'cocaine', kg: 90, period: '2025-11-18' },
      { drug: 'cocaine', kg: 40, period: '2025-11-20' },
    ],
  },
  {
    id: 'P76',
    cls: 'period',
    published: '2025-04-16',
    text: 'Customs at the port of Tanjung Priok have seized 120 kg of methamphetamine, officials said on Wednesday. The drugs were found on April 9 inside engine parts.',
    seizures: [{ drug: 'methamphetamine', kg: 120, period: '2025-04-09' }],
  },
  {
    id: 'P77',
    cls: 'period',
    published: '2025-04-16',
    text: 'Police seized 8 kg of heroin in a raid in Kampala. The suspects will appear in court on Friday.',
    seizures: [{ drug: 'heroin', kg: 8, period: null }],
  },
  {
    id: 'P78',
    cls: 'period',
    published: '2024-09-06',
    text: 'Officers seized 2.7 tonnes of cannabis during the month of August, the police said.',
    seizures: [{ drug: 'cannabis', kg: 2700, period: '2024-08' }],
  },
  // ---- place and country ----------------------------------------------------------------
  {
    id: 'C01',
    cls: 'place',
    published: '2025-03-14',
    text: 'US Customs and Border Protection officers at the Otay Mesa port of entry found 300 pounds of fentanyl in a tractor-trailer. Officials blamed the Sinaloa cartel.',
    seizures: [{ drug: 'fentanyl', kg: 136.08, country: 'US' }],
    places: { not: ['Sinaloa'] },
  },
  {
    id: 'C02',
    cls: 'place',
    published: '2025-03-14',
    text: 'Saudi customs seized 3 million Captagon pills hidden in a shipment of pomegranates from Lebanon at Jeddah Islamic Port.',
    seizures: [{ drug: 'captagon', count: 3000000, country: 'SA' }],
  },
  {
    id: 'C03',
    cls: 'place',
    published: '2025-03-14',
    text: 'Jamaica Customs seized 40 pounds of cocaine at the Kingston Container Terminal on Tuesday.',
    seizures: [{ drug: 'cocaine', kg: 18.14, country: 'JM' }],
  },
  {
    id: 'C04',
    cls: 'place',
    published: '2025-03-14',
    text: 'Ontario Provincial Police seized 30 kg of cocaine during a traffic stop in Kingston, the force said.',
    seizures: [{ drug: 'cocaine', kg: 30, country: 'CA', location: 'Kingston' }],
  },
  {
    id: 'C05',
    cls: 'place',
    published: '2025-03-14',
    text: 'French customs seized 1.5 tonnes of cocaine at Le Havre in a container of coffee.',
    seizures: [{ drug: 'cocaine', kg: 1500, country: 'FR', location: 'Le Havre' }],
  },
  {
    id: 'C06',
    cls: 'place',
    published: '2025-03-14',
    text: 'Dutch customs officers found 900 kg of cocaine in a banana container, the public prosecutor said.',
    seizures: [{ drug: 'cocaine', kg: 900, country: 'NL' }],
  },
  {
    id: 'C07',
    cls: 'place',
    published: '2025-03-14',
    text: 'The Portuguese navy seized 6 tonnes of cocaine from a semi-submersible in the Atlantic Ocean.',
    seizures: [{ drug: 'cocaine', kg: 6000, country: null }],
  },
  {
    id: 'C08',
    cls: 'place',
    published: '2025-03-14',
    text: 'Anti-drug police in Santa Cruz, Bolivia, seized 2 tonnes of cocaine from a light aircraft.',
    seizures: [{ drug: 'cocaine', kg: 2000, country: 'BO', location: 'Santa Cruz' }],
  },
  {
    id: 'C09',
    cls: 'place',
    published: '2025-03-14',
    text: 'Federal police seized 400 kilos of marijuana in Cordoba, Argentine security officials said.',
    seizures: [{ drug: 'cannabis', kg: 400, country: 'AR', location: 'Cordoba' }],
  },
  {
    id: 'C10',
    cls: 'place',
    published: '2025-03-14',
    text: 'Guardia Civil officers seized 3 tonnes of hashish in Valencia, hidden in a lorry of oranges.',
    seizures: [{ drug: 'hashish', kg: 3000, country: 'ES', location: 'Valencia' }],
  },
  {
    id: 'C11',
    cls: 'place',
    published: '2025-03-14',
    text: "Victoria Police seized 150 kg of methamphetamine in Melbourne's west, detectives said.",
    seizures: [{ drug: 'methamphetamine', kg: 150, country: 'AU', location: 'Melbourne' }],
  },
  {
    id: 'C12',
    cls: 'place',
    published: '2025-03-14',
    text: "Sheriff's deputies in Georgia seized 50 pounds of methamphetamine from a car on Interstate 75 near Macon.",
    seizures: [{ drug: 'methamphetamine', kg: 22.68, country: 'US' }],
  },
  {
    id: 'C13',
    cls: 'place',
    published: '2025-03-14',
    text: 'Georgian border police seized 12 kg of heroin at the Sarpi crossing with Turkey, the interior ministry in Tbilisi said.',
    seizures: [{ drug: 'heroin', kg: 12, country: 'GE' }],
  },
  {
    id: 'C14',
    cls: 'place',
    published: '2025-03-14',
    text: "Soldiers seized 1 tonne of methamphetamine at a lab in Mexico's Sinaloa state.",
    seizures: [{ drug: 'methamphetamine', kg: 1000, country: 'MX', location: 'Sinaloa' }],
  },
  {
    id: 'C15',
    cls: 'place',
    published: '2025-03-14',
    text: 'Spanish police seized 2 tonnes of cocaine that had arrived from Colombia and was bound for the Netherlands at the port of Algeciras.',
    seizures: [{ drug: 'cocaine', kg: 2000, country: 'ES', location: ['Algeciras', 'port of Algeciras'] }],
  },
  {
    id: 'C16',
    cls: 'place',
    published: '2025-03-14',
    text: 'The Panama-flagged freighter was boarded by the Irish navy off Cork, and 2.2 tonnes of cocaine were seized.',
    seizures: [{ drug: 'cocaine', kg: 2200, country: 'IE' }],
  },
  {
    id: 'C17',
    cls: 'place',
    published: '2025-03-14',
    text: 'Officers at Heathrow Airport found 30 kg of cocaine in the suitcases of a passenger arriving from Sao Paulo.',
    seizures: [{ drug: 'cocaine', kg: 30, country: 'GB', location: 'Heathrow Airport' }],
  },
  {
    id: 'C18',
    cls: 'place',
    published: '2025-03-14',
    text: 'Thai soldiers seized 2 million methamphetamine pills near the border with Myanmar in Chiang Rai province.',
    seizures: [{ drug: 'methamphetamine', count: 2000000, country: 'TH' }],
  },
  {
    id: 'C19',
    cls: 'place',
    published: '2025-03-14',
    text: 'Mozambican police seized 40 kg of heroin worth US$ 3 million in Pemba, a police spokesman said.',
    seizures: [{ drug: 'heroin', kg: 40, country: 'MZ', location: 'Pemba' }],
    places: { not: ['US', 'United States'] },
  },
  {
    id: 'C20',
    cls: 'place',
    published: '2025-03-14',
    text: 'Customs in France seized 10 tonnes of cannabis resin in 2024, the budget minister said.',
    seizures: [{ drug: 'hashish', kg: 10000, country: 'FR' }],
  },
  {
    id: 'C21',
    cls: 'place',
    published: '2025-03-14',
    text: "Italy's Guardia di Finanza seized 5 tonnes of cocaine from a cargo ship in the Mediterranean Sea.",
    seizures: [{ drug: 'cocaine', kg: 5000, country: null }],
  },
  {
    id: 'C22',
    cls: 'place',
    published: '2025-03-14',
    text: 'At least 57 tonnes of cocaine were seized across West Africa last year, the UN drugs office said.',
    seizures: [{ drug: 'cocaine', kg: 57000, country: null }],
  },
  {
    id: 'C23',
    cls: 'place',
    published: '2025-03-14',
    text: 'Border Patrol agents in Laredo, Texas, found 400 kg of cocaine linked to the Gulf Cartel in a pickup.',
    seizures: [{ drug: 'cocaine', kg: 400, country: 'US', location: 'Laredo' }],
  },
  {
    id: 'C24',
    cls: 'place',
    published: '2025-03-14',
    text: 'The 120 kg of methamphetamine, which had come from Mexico by sea, was seized in Brisbane, federal police said.',
    seizures: [{ drug: 'methamphetamine', kg: 120, country: 'AU', location: 'Brisbane' }],
  },
  {
    id: 'C25',
    cls: 'place',
    published: '2025-03-14',
    text: 'The Jordanian army foiled an attempt to smuggle 1.5 million Captagon pills across the border from Syria.',
    seizures: [{ drug: 'captagon', count: 1500000, country: 'JO' }],
  },
  {
    id: 'C26',
    cls: 'place',
    published: '2025-03-14',
    text: 'The Indian Coast Guard seized 300 kg of heroin from a Pakistani fishing boat off Gujarat.',
    seizures: [{ drug: 'heroin', kg: 300, country: 'IN', location: 'Gujarat' }],
  },
  {
    id: 'C27',
    cls: 'place',
    published: '2025-03-14',
    text: 'The Sri Lanka Navy seized 250 kg of ice from a trawler off Galle, the navy spokesman said.',
    seizures: [{ drug: 'methamphetamine', kg: 250, country: 'LK', location: 'Galle' }],
  },
  {
    id: 'C28',
    cls: 'place',
    published: '2025-03-14',
    text: "Police in Lagos, in Portugal's Algarve region, seized 1 tonne of hashish from a yacht.",
    seizures: [{ drug: 'hashish', kg: 1000, country: 'PT', location: 'Lagos' }],
  },
  {
    id: 'C29',
    cls: 'place',
    published: '2025-03-14',
    text: 'Chilean police seized 4 tonnes of marijuana in a warehouse in Santiago, the prosecutor said.',
    seizures: [{ drug: 'cannabis', kg: 4000, country: 'CL', location: 'Santiago' }],
  },
  {
    id: 'C30',
    cls: 'place',
    published: '2025-03-14',
    text: 'At the Dutch port of Vlissingen, customs found 2,000 kg of cocaine among crates of mangoes.',
    seizures: [{ drug: 'cocaine', kg: 2000, country: 'NL', location: 'Vlissingen' }],
  },
  {
    id: 'C31',
    cls: 'place',
    published: '2025-03-14',
    text: 'The US Coast Guard offloaded 1,000 kg of cocaine in San Juan, Puerto Rico, after intercepting a go-fast boat.',
    seizures: [{ drug: 'cocaine', kg: 1000, country: ['PR', 'US'], location: 'San Juan' }],
  },
  {
    id: 'C32',
    cls: 'place',
    published: '2025-03-14',
    text: 'Spanish police seized 3 tonnes of cocaine from a sailing boat off the Canary Islands.',
    seizures: [{ drug: 'cocaine', kg: 3000, country: 'ES', location: 'Canary Islands' }],
  },
  {
    id: 'C33',
    cls: 'place',
    published: '2025-03-14',
    text: 'Seychelles police seized 40 kg of heroin from a dhow at the port of Victoria.',
    seizures: [{ drug: 'heroin', kg: 40, country: 'SC' }],
  },
  {
    id: 'C34',
    cls: 'place',
    published: '2025-03-14',
    text: 'Members of the Jalisco cartel were among those arrested as police seized 2 tonnes of cocaine in Cartagena, Colombian officials said.',
    seizures: [{ drug: 'cocaine', kg: 2000, country: 'CO', location: 'Cartagena' }],
  },
  {
    id: 'C35',
    cls: 'place',
    published: '2025-03-14',
    text: 'CBP officers at the Pharr International Bridge found 1,200 pounds of marijuana in a tractor-trailer driven by a Mexican man.',
    seizures: [{ drug: 'cannabis', kg: 544.31, country: 'US' }],
  },
  {
    id: 'C36',
    cls: 'place',
    published: '2025-03-14',
    text: 'The Iranian navy seized 2 tonnes of hashish from a boat in the Strait of Hormuz.',
    seizures: [{ drug: 'hashish', kg: 2000, country: null }],
  },
  {
    id: 'C37',
    cls: 'place',
    published: '2025-03-14',
    text: 'Police in Hamilton, Ontario, seized 10 kg of fentanyl from a house, the force said.',
    seizures: [{ drug: 'fentanyl', kg: 10, country: 'CA', location: 'Hamilton' }],
  },
  {
    id: 'C38',
    cls: 'place',
    published: '2025-03-14',
    text: 'KINGSTON, Jamaica - Police seized 200 pounds of marijuana in a raid in St Catherine on Sunday.',
    seizures: [{ drug: 'cannabis', kg: 90.72, country: 'JM' }],
  },
  // ---- persons and places ---------------------------------------------------------------
  {
    id: 'N01',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Police spokesperson Colonel Mavela Masondo said the two suspects, Thabo Nkosi and Pieter van der Merwe, would appear in court in Pretoria.',
    persons: ['Mavela Masondo', 'Thabo Nkosi', 'Pieter van der Merwe'],
    places: { has: ['Pretoria'] },
  },
  {
    id: 'N02',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Lt. Col. Juan Carlos de la Cruz, head of the anti-drug unit in Medellin, said the laboratory had been active for months.',
    persons: ['Juan Carlos de la Cruz'],
    places: { has: ['Medellin'] },
  },
  {
    id: 'N03',
    cls: 'persons',
    published: '2025-03-14',
    text: 'The suspect, Nguyen Thi Hoa, 34, was arrested in Hai Phong. Colonel Tran Van Minh said she had recruited couriers.',
    persons: ['Nguyen Thi Hoa', 'Tran Van Minh'],
    places: { has: ['Hai Phong'] },
  },
  {
    id: 'N04',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Hong Kong customs arrested Wong Ka-ming, 41, after finding 8 kg of cocaine in his luggage at the airport.',
    persons: ['Wong Ka-ming'],
    places: { has: ['Hong Kong'] },
  },
  {
    id: 'N05',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Brigadier General Mohammed Al-Khatib told reporters in Amman that the smugglers had used drones.',
    persons: ['Mohammed Al-Khatib'],
    places: { has: ['Amman'] },
  },
  {
    id: 'N06',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Prosecutor Jan-Willem van den Berg said the container had been shipped from Guayaquil to Antwerp.',
    persons: ['Jan-Willem van den Berg'],
    places: { has: ['Guayaquil', 'Antwerp'] },
  },
  {
    id: 'N07',
    cls: 'persons',
    published: '2025-03-14',
    text: "Detective Inspector Siobhan O'Neill said the gang had operated out of Belfast for years.\n\nPhoto: Mark Hughes/Reuters",
    persons: ["Siobhan O'Neill"],
    places: { has: ['Belfast'] },
  },
  {
    id: 'N08',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Customs spokesman Rahul Mehta said the passenger, Ana Souza, 29, had flown in to Mumbai from Addis Ababa.',
    persons: ['Rahul Mehta', 'Ana Souza'],
    places: { has: ['Mumbai', 'Addis Ababa'] },
  },
  {
    id: 'N09',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Police in Osaka arrested Tanaka Hiroshi, 52, a company executive, on suspicion of importing stimulants.',
    persons: ['Tanaka Hiroshi'],
    places: { has: ['Osaka'] },
  },
  {
    id: 'N10',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Prosecutors in Busan indicted Kim Min-jun and Lee Seo-yeon on charges of smuggling methamphetamine from Cambodia.',
    persons: ['Kim Min-jun', 'Lee Seo-yeon'],
    places: { has: ['Busan', 'Cambodia'] },
  },
  {
    id: 'N11',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Ontario Premier Doug Ford said the province would fund more drug-sniffing dogs at Toronto Pearson airport.',
    persons: ['Doug Ford'],
    places: { has: ['Ontario'] },
  },
  {
    id: 'N12',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Interior Minister Gérald Darmanin visited Marseille on Monday and met port officials. The visit came after a record haul, said Marie-Claire Dubois, a spokeswoman for the prefecture.',
    persons: ['Gérald Darmanin', 'Marie-Claire Dubois'],
    places: { has: ['Marseille'] },
  },
  {
    id: 'N13',
    cls: 'persons',
    published: '2025-03-14',
    text: 'According to Senior Superintendent Ahmed bin Rashid, the men were Malaysian nationals who had sailed from Penang.',
    persons: ['Ahmed bin Rashid'],
    places: { has: ['Penang'] },
  },
  {
    id: 'N14',
    cls: 'persons',
    published: '2025-03-14',
    text: 'Brazilian Federal Police arrested Carlos Eduardo dos Santos in Santos, the port city where the cocaine had been loaded.',
    persons: ['Carlos Eduardo dos Santos'],
    places: { has: ['Santos'] },
  },
  {
    id: 'N15',
    cls: 'persons',
    published: '2025-03-14',
    text: 'DEA Special Agent in Charge Maria Delgado said the fentanyl pills were pressed in Culiacan and driven to Phoenix.',
    persons: ['Maria Delgado'],
    places: { has: ['Culiacan', 'Phoenix'] },
  },
  {
    id: 'N16',
    cls: 'persons',
    published: '2025-03-14',
    text: 'The court in Kuala Lumpur sentenced Muhammad Hafiz Abdullah to death for trafficking. His lawyer, Ramkarpal Singh, said he would appeal.',
    persons: ['Muhammad Hafiz Abdullah', 'Ramkarpal Singh'],
    places: { has: ['Kuala Lumpur'] },
  },
];

const norm = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the /, '')
    .replace(/[^\p{L}\p{N} ]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function accepts(want: Value | Value[], got: Value): boolean {
  const list = Array.isArray(want) ? want : [want];
  return list.some((w) => (w === null ? got === null : got !== null && norm(w) === norm(got)));
}

export function recordOf(probe: Probe): ArticleRecord {
  return extractRecord(
    articleFromText({ url: null, title: probe.title ?? null, text: probe.text, published: probe.published }),
  );
}

/** The failed checks of one probe, as short messages ("figure", "period", "country" ...). */
export function runProbe(probe: Probe, record: ArticleRecord = recordOf(probe)): string[] {
  const fails: string[] = [];
  const used = new Set<number>();
  for (const want of probe.seizures ?? []) {
    const i = record.seizures.findIndex(
      (s, j) =>
        !used.has(j) &&
        s.drug === want.drug &&
        (want.kg !== undefined
          ? s.kg !== null && Math.abs(s.kg - want.kg) <= want.kg * 0.02
          : s.count !== null && s.count === want.count),
    );
    const size = want.kg !== undefined ? `${want.kg} kg` : `${want.count}`;
    if (i < 0) {
      fails.push(`figure: no ${want.drug} ${size}`);
      continue;
    }
    used.add(i);
    const got = record.seizures[i]!;
    for (const field of ['period', 'country', 'location'] as const) {
      const w = want[field];
      if (w !== undefined && !accepts(w, got[field])) {
        fails.push(`${field}: ${want.drug} ${size} got ${got[field]} want ${JSON.stringify(w)}`);
      }
    }
  }
  if (probe.persons) {
    const got = record.persons.map((p) => norm(p.name)).sort();
    const want = probe.persons.map(norm).sort();
    if (got.join('|') !== want.join('|'))
      fails.push(`persons: got ${got.join(', ')} want ${want.join(', ')}`);
  }
  const places = record.places.map((p) => norm(p.name));
  for (const name of probe.places?.has ?? []) {
    if (!places.includes(norm(name))) fails.push(`places: missing ${name}`);
  }
  for (const name of probe.places?.not ?? []) {
    if (places.includes(norm(name))) fails.push(`places: extra ${name}`);
  }
  return fails;
}
