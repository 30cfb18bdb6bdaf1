/**
 * Issue 11, ml-tune round 3: the general causes of the misses on the ml2 held-out set, probed
 * with sentences of our own in de, es, fr, nl and pt (never corpus or held-out text). Each case
 * is the language, the publication date, the text and the seizures read from it as
 * "drug kg-or-count country period"; an empty list is a text with no seizure figure, whose story
 * flag must stay false.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const record = (language: string, published: string, text: string) =>
  extractRecord(articleFromText({ url: null, title: null, text, published, language }));

const seizures = (language: string, published: string, text: string) =>
  record(language, published, text).seizures.map(
    (s) =>
      `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}${s.kg !== null && s.count ? ` (${s.count} ${s.countUnit})` : ''} ${s.country} ${s.period}`,
  );

type Case = [string, string, string, string[]];

const run = (cases: Case[]) =>
  it.each(cases)('[%s] %s %s', (language, published, text, want) => {
    expect(seizures(language, published, text)).toEqual(want);
  });

describe('German: the haul told where it was hidden or weighed, the verb at the end, dot thousands inside "stellte ... sicher"', () => {
  run([
    [
      'de',
      '2026-03-04',
      'Bei einer Kontrolle auf der A3 bei Passau öffneten Beamte den Kofferraum eines Kombis. Unter der Reserveradmulde steckten 14 Kilogramm Heroin.',
      ['heroin 14 DE null'],
    ],
    [
      'de',
      '2026-03-04',
      'In Bremen kontrollierten Zöllner einen Container aus Paraguay. Darin lagen 2.450 Päckchen Kokain.',
      ['cocaine 2450 packages DE null'],
    ],
    [
      'de',
      '2026-03-04',
      'Die Polizei in Graz stellte 3.600 Cannabispflanzen und 18 Liter Haschischöl sicher.',
      ['cannabis 3600 plants AT null', 'hashish 18 liters AT null'],
    ],
    [
      'de',
      '2026-03-04',
      'Ermittler hoben in Dortmund eine Plantage aus und beschlagnahmten dabei 640 Hanfstauden.',
      ['cannabis 640 plants DE null'],
    ],
    [
      'de',
      '2026-03-04',
      'Im Gepäck eines Reisenden in Basel entdeckten die Grenzwächter gut drei Kilo Kokain; nachgewogen waren es genau 3,2 Kilogramm.',
      ['cocaine 3.2 CH null'],
    ],
    [
      'de',
      '2026-03-04',
      'Wie die Staatsanwaltschaft mitteilte, hatten Fahnder in Kiel 75 Kilo Shit in einem Lieferwagen gefunden.',
      ['hashish 75 DE null'],
    ],
    [
      'de',
      '2026-03-04',
      'In Salzburg zählten die Beamten 380 Ecstasy-Pillen, die sie im Handschuhfach eines Autos versteckt gefunden hatten.',
      ['mdma 380 tablets AT null'],
    ],
    [
      'de',
      '2026-03-04',
      'Dass die Polizei in Leipzig 900 Gramm Koks aus dem Verkehr zog, bestätigte ein Sprecher.',
      ['cocaine 0.9 DE null'],
    ],
    [
      'de',
      '2026-03-04',
      'Insgesamt 1.250 Kilogramm Suchtgift stellte die österreichische Polizei 2025 sicher.',
      ['unspecified 1250 AT 2025'],
    ],
  ]);
});

describe('Plant counts, liquids, slang and product forms in es, fr, nl and pt', () => {
  run([
    [
      'es',
      '2026-03-04',
      'La Guardia Civil arrancó 2.800 plantas de marihuana en un invernadero de Almería.',
      ['cannabis 2800 plants ES null'],
    ],
    [
      'es',
      '2026-03-04',
      'Los agentes hallaron en Cartagena 40 galones de insumos químicos y 200 kilos de pasta base.',
      ['precursors 40 gallons CO null', 'cocaine 200 CO null'],
    ],
    [
      'es',
      '2026-03-04',
      'En el doble fondo de la camioneta iban 35 kilos de cocaína, informó la Policía boliviana.',
      ['cocaine 35 BO null'],
    ],
    [
      'fr',
      '2026-03-04',
      'Les gendarmes ont arraché 950 pieds de cannabis dans une parcelle près de Perpignan.',
      ['cannabis 950 plants FR null'],
    ],
    [
      'fr',
      '2026-03-04',
      'À Marseille, les policiers ont saisi 12 kilos de beuh et 300 grammes de cocaïne.',
      ['cannabis 12 FR null', 'cocaine 0.3 FR null'],
    ],
    [
      'nl',
      '2026-03-04',
      'In een loods in Venlo ruimde de politie 2.200 hennepplanten.',
      ['cannabis 2200 plants NL null'],
    ],
    [
      'nl',
      '2026-03-04',
      'Achter een vals plafond in een woning in Tilburg zaten 18 kilo wiet en 3 liter GHB.',
      ['cannabis 18 NL null', 'ghb 3 liters NL null'],
    ],
    [
      'nl',
      '2026-03-04',
      'Bij de doorzoeking in Roermond werd ook 4 kilo gedroogde toppen meegenomen.',
      ['cannabis 4 NL null'],
    ],
    [
      'pt',
      '2026-03-04',
      'A Polícia Militar erradicou 15 mil pés de maconha numa fazenda em Juazeiro, na Bahia.',
      ['cannabis 15000 plants BR null'],
    ],
    [
      'pt',
      '2026-03-04',
      'Escondidos no tanque de combustível, os agentes encontraram em Corumbá 22 quilos de pó.',
      ['cocaine 22 BR null'],
    ],
  ]);
});

describe('An exact figure restating a rounded one in the same sentence is one seizure (`restatement-exact`)', () => {
  run([
    [
      'es',
      '2026-03-04',
      'En Algeciras, la Policía Nacional incautó unos 60 kilos de hachís, exactamente 58,4 kilos.',
      ['hashish 58.4 ES null'],
    ],
    [
      'fr',
      '2026-03-04',
      'Les douaniers du Havre ont saisi près de 90 kilos de cocaïne, précisément 88,7 kilos.',
      ['cocaine 88.7 FR null'],
    ],
    [
      'nl',
      '2026-03-04',
      'De douane in Vlissingen onderschepte bijna 500 kilo cocaïne, precies 493 kilo.',
      ['cocaine 493 NL null'],
    ],
    [
      'pt',
      '2026-03-04',
      'A Polícia Federal apreendeu em Santos cerca de 300 quilos de cocaína, exatamente 296 quilos.',
      ['cocaine 296 BR null'],
    ],
  ]);
});

describe('Qualifier bounds in every language (boundOf): a lower bound covers the precise figure told later', () => {
  run([
    [
      'de',
      '2026-03-04',
      'Der Zoll in Hamburg hat mehr als 400 Kilogramm Kokain sichergestellt. Nach dem Wiegen waren es 437 Kilogramm.',
      ['cocaine 437 DE null'],
    ],
    [
      'es',
      '2026-03-04',
      'La Armada incautó más de 2 toneladas de cocaína frente a Tumaco. El pesaje arrojó 2.310 kilos de cocaína incautada.',
      ['cocaine 2310 CO null'],
    ],
    [
      'nl',
      '2026-03-04',
      'De politie nam in Breda ruim 300 kilo amfetamine in beslag. Het ging om 352 kilo amfetamine die in beslag werd genomen.',
      ['amphetamine 352 NL null'],
    ],
  ]);
});

describe('Hard negatives: estimates, shipments, thresholds, rates, yields, wastewater: no figure and no story', () => {
  const negatives: Array<[string, string, string]> = [
    [
      'de',
      '2026-03-04',
      'Nach Schätzung des Bundeskriminalamts gelangen jedes Jahr rund 40 Tonnen Kokain über die Nordseehäfen nach Deutschland. Ab sieben Gramm Haschisch gilt die Menge als nicht gering.',
    ],
    [
      'de',
      '2026-03-04',
      'Im Abwasser von Basel fanden Forscher Rückstände, die auf einen Konsum von etwa 900 Gramm Kokain pro Woche schließen lassen.',
    ],
    [
      'es',
      '2026-03-04',
      'Según estimaciones de la ONU, por los puertos del Pacífico saldrían 300 toneladas de cocaína al año. La ley permite la tenencia de hasta 10 gramos de marihuana para consumo personal.',
    ],
    [
      'es',
      '2026-03-04',
      'El informe fue presentado ante el Congreso. La producción potencial de cocaína en la región superó las 3.000 toneladas, y los cargamentos de marihuana que cruzan el río se calculan en 15 toneladas mensuales.',
    ],
    [
      'fr',
      '2026-03-04',
      'Selon les estimations de l’Office antistupéfiants, 50 tonnes de cocaïne transiteraient chaque année par les Antilles. La quantité seuil de 10 grammes de cannabis déclenche une amende forfaitaire.',
    ],
    [
      'nl',
      '2026-03-04',
      'Met de gevonden grondstoffen had 800 kilo amfetamine gemaakt kunnen worden, zegt de politie. Coffeeshops mogen per klant maximaal 5 gram wiet verkopen voor eigen gebruik.',
    ],
    [
      'pt',
      '2026-03-04',
      'Segundo a investigação, o grupo teria enviado cerca de 12 toneladas de cocaína para a Europa desde 2021. A lei permite o porte de até 40 gramas de maconha para uso pessoal.',
    ],
    [
      'pt',
      '2026-03-04',
      'A Polícia Federal cumpriu mandados contra lavagem de dinheiro do tráfico. Segundo os peritos, as plantações renderiam cerca de 30 toneladas de maconha por safra.',
    ],
  ];
  it.each(negatives)('[%s] %s %s', (language, published, text) => {
    const r = record(language, published, text);
    expect(r.seizures.map((s) => `${s.drug} ${s.kg ?? s.count}`)).toEqual([]);
    expect(r.seizureStory).toBe(false);
  });
});

describe('Periods: "last Thursday" on a Thursday is a week back; "the same day" is the day named last', () => {
  run([
    [
      'de',
      '2026-11-12',
      'Am vergangenen Donnerstag stellte die Polizei in Linz 8 Kilo Amphetamin sicher.',
      ['amphetamine 8 AT 2026-11-05'],
    ],
    [
      'es',
      '2026-11-12',
      'El jueves pasado, los Carabineros decomisaron 120 kilos de marihuana en Arica.',
      ['cannabis 120 CL 2026-11-05'],
    ],
    [
      'fr',
      '2026-11-12',
      'Jeudi dernier, la police a saisi 25 kilos de résine de cannabis à Lille.',
      ['hashish 25 FR 2026-11-05'],
    ],
    [
      'nl',
      '2026-11-12',
      'Afgelopen donderdag vond de politie in Gent 40 kilo heroïne.',
      ['heroin 40 BE 2026-11-05'],
    ],
    [
      'pt',
      '2026-11-12',
      'Na quinta-feira passada, a Polícia Federal apreendeu 60 quilos de cocaína em Manaus.',
      ['cocaine 60 BR 2026-11-05'],
    ],
    [
      'pt',
      '2026-11-20',
      'Em 14 de novembro, a PRF apreendeu 800 quilos de maconha em Cascavel. No mesmo dia, em Foz do Iguaçu, agentes encontraram 2 mil comprimidos de ecstasy.',
      ['cannabis 800 BR 2026-11-14', 'mdma 2000 tablets BR 2026-11-14'],
    ],
    [
      'es',
      '2026-11-20',
      'El 9 de noviembre la Policía Nacional incautó 300 kilos de hachís en Huelva. Ese mismo día, en Cádiz, los agentes hallaron 40 kilos de cocaína.',
      ['hashish 300 ES 2026-11-09', 'cocaine 40 ES 2026-11-09'],
    ],
  ]);
});

describe('Periods: days counted from the day named last, German ordinal days, undated articles', () => {
  run([
    [
      'de',
      '2026-03-04',
      'Am 3. Februar stellte der Zoll in Kiel 300 Kilo Kokain sicher. Zwei Tage später fanden Fahnder im selben Hafen weitere 25 Kilo Heroin.',
      ['cocaine 300 DE 2026-02-03', 'heroin 25 DE 2026-02-05'],
    ],
    [
      'fr',
      '2026-03-04',
      'Le 10 février, les douaniers ont saisi 90 kilos de cocaïne à Dunkerque. Le lendemain, 40 kilos de cannabis ont été saisis au même endroit.',
      ['cocaine 90 FR 2026-02-10', 'cannabis 40 FR 2026-02-11'],
    ],
    [
      'nl',
      '2026-03-04',
      'Op 12 februari nam de douane in Antwerpen 700 kilo cocaïne in beslag. Drie dagen later vond de politie daar nog 60 kilo heroïne.',
      ['cocaine 700 BE 2026-02-12', 'heroin 60 BE 2026-02-15'],
    ],
    [
      'es',
      '2026-03-04',
      'El 20 de febrero la Guardia Civil incautó 500 kilos de hachís en Ceuta. Dos días después, los agentes hallaron otros 30 kilos de cocaína.',
      ['hashish 500 ES 2026-02-20', 'cocaine 30 ES 2026-02-22'],
    ],
    [
      'pt',
      '',
      'Em 2024, a Polícia Federal apreendeu em Roraima 3 toneladas de maconha. No dia 14 de agosto, agentes encontraram 200 quilos de cocaína em Boa Vista. Neste ano, a corporação também apreendeu 40 mil comprimidos de ecstasy.',
      ['cannabis 3000 BR 2024', 'cocaine 200 BR 2024-08-14', 'mdma 40000 tablets BR 2024'],
    ],
  ]);
});

describe('Country: overseas departments keep their own codes; agencies named by a demonym of the language', () => {
  run([
    [
      'fr',
      '2026-01-20',
      'Les douaniers ont saisi 300 kilos de cocaïne dans un voilier amarré à Fort-de-France.',
      ['cocaine 300 MQ null'],
    ],
    [
      'fr',
      '2026-01-20',
      'À Cayenne, la police aux frontières a intercepté 6 kilos de cocaïne.',
      ['cocaine 6 GF null'],
    ],
    [
      'fr',
      '2026-01-20',
      'La police a saisi 12 kilos de zamal à Pointe-à-Pitre, en Guadeloupe.',
      ['cannabis 12 GP null'],
    ],
    [
      'fr',
      '2026-01-20',
      'Les douanes ont saisi 8 kilos de cocaïne au port de Longoni, à Mayotte.',
      ['cocaine 8 YT null'],
    ],
    [
      'fr',
      '2026-01-20',
      'Selon le directeur, les saisies des Douanes sénégalaises ont atteint 3,4 tonnes de cocaïne en 2025, contre 1,2 tonne un an plus tôt.',
      ['cocaine 3400 SN 2025', 'cocaine 1200 SN 2024'],
    ],
    [
      'nl',
      '2026-01-20',
      'In Gent werd vorig jaar 6,3 ton cocaïne in beslag genomen, tegenover amper 900 kilo een jaar eerder.',
      ['cocaine 6300 BE 2025', 'cocaine 900 BE 2024'],
    ],
    [
      'de',
      '2026-01-20',
      'Die Schweizer Grenzwache fand 2025 insgesamt 1,4 Tonnen Kokain, nach 950 Kilogramm ein Jahr zuvor.',
      ['cocaine 1400 CH 2025', 'cocaine 950 CH 2024'],
    ],
  ]);
});

describe('Periods: "last month" and "earlier this month" in every language (`relative-month`)', () => {
  run([
    [
      'de',
      '2026-11-20',
      'Im vergangenen Monat stellte der Zoll in Kiel 30 Kilo Kokain sicher.',
      ['cocaine 30 DE 2026-10'],
    ],
    [
      'de',
      '2026-11-20',
      'Anfang dieses Monats hatten Fahnder in Graz 12 Kilo Heroin beschlagnahmt.',
      ['heroin 12 AT 2026-11'],
    ],
    [
      'es',
      '2026-11-20',
      'El mes pasado la policía incautó 30 kilos de cocaína en Vigo.',
      ['cocaine 30 ES 2026-10'],
    ],
    [
      'fr',
      '2026-11-20',
      'Le mois dernier, la police a saisi 30 kilos de cocaïne à Lyon.',
      ['cocaine 30 FR 2026-10'],
    ],
    [
      'fr',
      '2026-11-20',
      'Plus tôt ce mois-ci, les douaniers ont saisi 7 kilos d’héroïne à Lille.',
      ['heroin 7 FR 2026-11'],
    ],
    [
      'nl',
      '2026-11-20',
      'Vorige maand nam de politie in Breda 30 kilo cocaïne in beslag.',
      ['cocaine 30 NL 2026-10'],
    ],
    [
      'nl',
      '2026-11-20',
      'Eerder deze maand vond de douane in Gent 14 kilo heroïne.',
      ['heroin 14 BE 2026-11'],
    ],
    [
      'pt',
      '2026-11-20',
      'No mês passado, a polícia apreendeu 30 quilos de cocaína em Santos.',
      ['cocaine 30 BR 2026-10'],
    ],
    [
      'pt',
      '2026-11-20',
      'No início deste mês, a GNR apreendeu 9 quilos de haxixe em Faro.',
      ['hashish 9 PT 2026-11'],
    ],
  ]);
});

describe('A packing told after the clause of the mass is its count, not a second seizure (`packedAfterClause`)', () => {
  run([
    [
      'nl',
      '2026-01-20',
      'In de haven van Antwerpen vonden douaniers 8,2 ton coke, verstopt in 7.300 blokken.',
      ['cocaine 8200 (7300 bricks) BE null'],
    ],
    [
      'de',
      '2026-01-20',
      'In Hamburg entdeckte der Zoll 1,2 Tonnen Kokain, versteckt in 1.100 Paketen.',
      ['cocaine 1200 (1100 packages) DE null'],
    ],
    [
      'es',
      '2026-01-20',
      'En Valencia, la Guardia Civil halló 900 kilos de cocaína, ocultos en 820 paquetes.',
      ['cocaine 900 (820 packages) ES null'],
    ],
    [
      'pt',
      '2026-01-20',
      'Em Santos, a Receita Federal encontrou 700 quilos de cocaína, escondidos em 640 tabletes.',
      ['cocaine 700 (640 bricks) BR null'],
    ],
  ]);
});
