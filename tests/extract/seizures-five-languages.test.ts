/**
 * Seizure figures and their periods in de, es, fr, nl and pt: sentences of our own in the styles of
 * wire copy, police and customs releases and regional papers (never corpus text). Each case is the
 * text, its publication date and the figures read from it as "drug kg-or-count period".
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const figures = (text: string, language: string, published: string | null) =>
  extractRecord(articleFromText({ url: null, title: null, text, published, language })).seizures.map(
    (s) =>
      `${s.drug} ${s.kg ?? `${s.count} ${s.countUnit}`}${s.kg !== null && s.count ? ` (${s.count} ${s.countUnit})` : ''} ${s.period}`,
  );

describe('Spanish: figures and periods (own sentences)', () => {
  const cases: Array<[string, string | null, string[]]> = [
    [
      'La Policía Nacional se incautó de dos toneladas y media de cocaína en un contenedor de plátanos en el puerto de Valencia.',
      '2024-05-16',
      ['cocaine 2500 null'],
    ],
    [
      'Fueron decomisados 1.250 kilos de marihuana en una finca de Jaén el pasado martes.',
      '2024-05-16',
      ['cannabis 1250 2024-05-14'],
    ],
    [
      'Los agentes de Aduanas interceptaron el lunes 340 kilos de hachís ocultos en un camión frigorífico.',
      '2024-05-16',
      ['hashish 340 2024-05-13'],
    ],
    [
      'En lo que va de año, la Guardia Civil ha incautado 12 toneladas de hachís en la costa de Cádiz.',
      '2024-05-16',
      ['hashish 12000 2024'],
    ],
    [
      'La Armada decomisó más de 4 toneladas de cocaína en acciones realizadas en los últimos días frente a las costas de Oaxaca.',
      '2024-05-16',
      ['cocaine 4000 2024-05'],
    ],
    [
      'En menos de una semana, la policía sacó de circulación cerca de 900 kilos de droga en dos procedimientos en la región de Tarapacá.',
      '2024-05-16',
      ['unspecified 900 2024-05'],
    ],
    [
      'Los investigadores hallaron 412 paquetes con casi 430 kilos de cocaína en una bodega de Guayaquil.',
      '2024-05-16',
      ['cocaine 430 (412 packages) null'],
    ],
    [
      'En marzo de 2023 los agentes se incautaron de 75 kilos de heroína en el aeropuerto de Barajas.',
      '2024-05-16',
      ['heroin 75 2023-03'],
    ],
    [
      'El cargamento, valorado en 3 millones de euros, contenía 150 kilos de cocaína que fueron incautados por la Guardia Civil.',
      '2024-05-16',
      ['cocaine 150 null'],
    ],
    [
      'Según la policía, la droga tendría un valor de 20 millones de pesos en el mercado negro.',
      '2024-05-16',
      [],
    ],
    [
      'El 12 de marzo pasado, los agentes decomisaron 2.300 pastillas de éxtasis en una discoteca de Ibiza.',
      '2024-05-16',
      ['mdma 2300 tablets 2024-03-12'],
    ],
    [
      'Durante 2023, la Policía Federal incautó un total de 56 toneladas de cocaína en todo el país.',
      '2024-05-16',
      ['cocaine 56000 2023'],
    ],
    [
      'La policía decomisó ayer mil kilos de marihuana prensada en un galpón de Asunción.',
      '2024-05-16',
      ['cannabis 1000 2024-05-15'],
    ],
    [
      'Agentes de la Guardia Civil han intervenido 3 kilos 200 gramos de cocaína a un conductor en la A-4.',
      '2024-05-16',
      ['cocaine 3.2 null'],
    ],
    [
      'Normalmente los correos humanos llevan entre uno y dos kilos de cocaína en el estómago.',
      '2024-05-16',
      [],
    ],
    [
      'Se incautaron 15 toneladas de hachís, 20 por ciento más que en 2022.',
      '2024-05-16',
      ['hashish 15000 null'],
    ],
    [
      'La Guardia Civil ha confiscado 600 kilos de hachís —unas 20 balas— en una playa de Barbate.',
      '2024-05-16',
      ['hashish 600 null'],
    ],
    [
      'Carabineros decomisó 3,5 toneladas de marihuana el 2 de mayo en Iquique.',
      '2024-05-16',
      ['cannabis 3500 2024-05-02'],
    ],
    [
      'Los militares aseguraron 8 mil 450 kilogramos de metanfetamina en un laboratorio clandestino de Sinaloa la semana pasada.',
      '2024-05-16',
      ['methamphetamine 8450 2024-05'],
    ],
    [
      'Cada bala pesaba 30 kilos y el alijo sumaba 1.200 kilos de hachís, según informó este jueves la Guardia Civil.',
      '2024-05-16',
      ['hashish 1200 null'],
    ],
    [
      'El operativo, realizado el 21/04 en la ruta 9, permitió secuestrar 520 kilos de cocaína.',
      '2024-05-16',
      ['cocaine 520 2024-04-21'],
    ],
    [
      'La Policía Nacional ha desarticulado una red que introducía cocaína en España y ha intervenido 230 kilos de esta droga en Algeciras.',
      '2024-05-16',
      ['cocaine 230 null'],
    ],
    [
      'La Marina halló en una bodega 6 mil 120 kilogramos de metanfetamina. Finalmente, en otro predio se encontraban aproximadamente 5 mil 480 kilogramos de metanfetamina.',
      '2023-03-30',
      ['methamphetamine 6120 null', 'methamphetamine 5480 null'],
    ],
    [
      'La carga eran 1,8 toneladas de droga —1.812 kilos de cocaína—, que la policía ha incautado en Huelva.',
      '2025-02-10',
      ['cocaine 1812 null'],
    ],
  ];
  it.each(cases)('%s', (text, published, want) => {
    expect(figures(text, 'es', published)).toEqual(want);
  });
});

describe('French: figures and periods (own sentences)', () => {
  const cases: Array<[string, string | null, string[]]> = [
    [
      'Les douaniers du Havre ont saisi mardi 1,2 tonne de cocaïne dissimulée dans un conteneur de bananes.',
      '2024-03-21',
      ['cocaine 1200 2024-03-19'],
    ],
    [
      "Plus d'une tonne de résine de cannabis a été saisie le 12 mars dernier sur l'autoroute A9.",
      '2024-03-21',
      ['hashish 1000 2024-03-12'],
    ],
    [
      "Les gendarmes ont mis la main sur une demi-tonne d'herbe de cannabis dans un hangar de l'Hérault.",
      '2024-03-21',
      ['cannabis 500 null'],
    ],
    [
      'Près de 3 t de cocaïne ont été saisies au port de Fort-de-France, a annoncé la douane ce jeudi.',
      '2024-03-21',
      ['cocaine 3000 null'],
    ],
    [
      'Au total, 1 200 kg de cannabis ont été interceptés par les douanes en 2023 dans le département.',
      '2024-03-21',
      ['cannabis 1200 2023'],
    ],
    [
      'Les enquêteurs ont découvert deux tonnes et demie de haschisch dans un entrepôt de Marseille.',
      '2024-03-21',
      ['hashish 2500 null'],
    ],
    [
      'La police a saisi 145 plaquettes de cocaïne pesant au total 168 kilogrammes à Abidjan.',
      '2024-03-21',
      ['cocaine 168 (145 bricks) null'],
    ],
    [
      'En temps normal, les passeurs transportent 1 kilo ou 2 kilos de cocaïne dans leurs bagages.',
      '2024-03-21',
      [],
    ],
    ["La marchandise, d'une valeur estimée à 4 millions d'euros, a été détruite.", '2024-03-21', []],
    [
      'Les douanes ont saisi 650 kilos de cocaïne, soit plus du double que durant le premier semestre 2022.',
      '2024-03-21',
      ['cocaine 650 null'],
    ],
    [
      "Depuis le début de l'année, les douaniers ont saisi 8 tonnes de cannabis dans les Pyrénées-Orientales.",
      '2024-03-21',
      ['cannabis 8000 2024'],
    ],
    [
      "Les policiers ont saisi 35 000 comprimés d'ecstasy lors d'une perquisition dimanche à Lille.",
      '2024-03-21',
      ['mdma 35000 tablets 2024-03-17'],
    ],
    [
      'Ces derniers jours, la marine a intercepté plus de 5 tonnes de cocaïne au large des Antilles.',
      '2024-03-21',
      ['cocaine 5000 2024-03'],
    ],
    [
      'Une tonne et 250 kilogrammes de cannabis ont été saisis dans un camion espagnol.',
      '2024-03-21',
      ['cannabis 1250 null'],
    ],
    [
      "Les agents ont saisi quatre-vingt-dix kilos de cocaïne lors d'un contrôle routier.",
      '2024-03-21',
      ['cocaine 90 null'],
    ],
    [
      "Les gendarmes ont saisi 3 kilos d'héroïne et 12 000 euros en liquide.",
      '2024-03-21',
      ['heroin 3 null'],
    ],
    [
      'En février, 780 kg de cocaïne avaient été saisis dans le port de Dunkerque.',
      '2024-03-21',
      ['cocaine 780 2024-02'],
    ],
    [
      "Quelque 183’000 doses d'ecstasy ont été saisies à la frontière suisse.",
      '2024-03-21',
      ['mdma 183000 doses null'],
    ],
    [
      "Les douaniers ont saisi 21 kilos d'héroïne, un record pour ce poste-frontière depuis 2015.",
      '2024-03-21',
      ['heroin 21 null'],
    ],
    [
      'Le 4 février 2024, les policiers ont découvert 300 kilos de cocaïne dans un go-fast.',
      '2024-03-21',
      ['cocaine 300 2024-02-04'],
    ],
    [
      'La semaine dernière, la gendarmerie a saisi 60 kilos de cocaïne à Cayenne.',
      '2024-03-21',
      ['cocaine 60 2024-03'],
    ],
    [
      'Le jeudi 9 juin 2022, les gendarmes ont interpellé deux hommes à Korhogo. Le 14 juin, ils ont saisi 210 kilos de cannabis dans un entrepôt. A la mi-mai dernier, les douaniers avaient déjà mis la main sur 95 kilos de cocaïne.',
      null,
      ['cannabis 210 2022-06-14', 'cocaine 95 2022-05'],
    ],
    [
      "L'opération s'est soldée par la saisie de trois tonnes et vingt-quatre (3024) kilogrammes de cannabis.",
      '2022-06-20',
      ['cannabis 3024 null'],
    ],
  ];
  it.each(cases)('%s', (text, published, want) => {
    expect(figures(text, 'fr', published)).toEqual(want);
  });
});

describe('German: figures and periods (own sentences)', () => {
  const cases: Array<[string, string | null, string[]]> = [
    [
      'Zollfahnder haben im Hamburger Hafen anderthalb Tonnen Kokain sichergestellt.',
      '2024-06-14',
      ['cocaine 1500 null'],
    ],
    [
      'In einem Container mit Bananen wurden 2.300 Kilogramm Kokain sichergestellt, teilte der Zoll am Donnerstag mit.',
      '2024-06-14',
      ['cocaine 2300 null'],
    ],
    [
      'Die Polizei stellte am Dienstag in einer Lagerhalle bei Köln 480 Kilo Marihuana sicher.',
      '2024-06-14',
      ['cannabis 480 2024-06-11'],
    ],
    [
      'Im Januar hatten Fahnder bereits 75 Kilogramm Heroin beschlagnahmt.',
      '2024-06-14',
      ['heroin 75 2024-01'],
    ],
    [
      'Bei der Razzia fanden die Beamten knapp 3 Tonnen Haschisch und 12.000 Ecstasy-Tabletten.',
      '2024-06-14',
      ['hashish 3000 null', 'mdma 12000 tablets null'],
    ],
    [
      'In den vergangenen Tagen wurden an der Grenze mehr als 60 Kilo Amphetamin entdeckt.',
      '2024-06-14',
      ['amphetamine 60 2024-06'],
    ],
    ['Der Stoff hätte auf der Straße einen Wert von rund 20 Millionen Euro gehabt.', '2024-06-14', []],
    [
      'Insgesamt stellte der Zoll im Jahr 2023 rund 35 Tonnen Kokain sicher.',
      '2024-06-14',
      ['cocaine 35000 2023'],
    ],
    [
      'Am 21.05. entdeckten Beamte in einem Lkw 140 Kilogramm Cannabis.',
      '2024-06-14',
      ['cannabis 140 2024-05-21'],
    ],
    [
      'Vor zwei Wochen wurden in Bremerhaven 90 Kilo Kokain beschlagnahmt.',
      '2024-06-14',
      ['cocaine 90 2024-05'],
    ],
    ['Der Fahrer wurde mit 4 Kilo Heroin im Kofferraum erwischt.', '2024-06-14', ['heroin 4 null']],
    [
      'Jedes Paket wog etwa 1 Kilogramm, insgesamt wurden 250 Kilogramm Kokain sichergestellt.',
      '2024-06-14',
      ['cocaine 250 null'],
    ],
    ['Normalerweise schmuggeln Kuriere 1 bis 2 Kilo Kokain im Magen.', '2024-06-14', []],
    [
      'Vergangene Woche stellten Ermittler in Leipzig 22 Kilogramm Crystal sicher.',
      '2024-06-14',
      ['methamphetamine 22 2024-06'],
    ],
    ['Zöllner zogen am Flughafen Frankfurt 35 Kilo Khat aus dem Verkehr.', '2024-06-14', ['khat 35 null']],
    [
      'Im März 2023 wurden bei einer Kontrolle 600 Gramm Kokain gefunden.',
      '2024-06-14',
      ['cocaine 0.6 2023-03'],
    ],
  ];
  it.each(cases)('%s', (text, published, want) => {
    expect(figures(text, 'de', published)).toEqual(want);
  });
});

describe('Dutch: figures and periods (own sentences)', () => {
  const cases: Array<[string, string | null, string[]]> = [
    [
      'De douane heeft in de haven van Rotterdam 1.200 kilo cocaïne in beslag genomen.',
      '2024-06-14',
      ['cocaine 1200 null'],
    ],
    [
      'Vorige week werd in een loods in Tilburg 800 kilo hasj aangetroffen.',
      '2024-06-14',
      ['hashish 800 2024-06'],
    ],
    [
      'De politie trof dinsdag in een woning in Venlo 35 kilo amfetamine aan.',
      '2024-06-14',
      ['amphetamine 35 2024-06-11'],
    ],
    [
      'In de afgelopen dagen heeft de Kustwacht ruim 2 ton cocaïne onderschept.',
      '2024-06-14',
      ['cocaine 2000 2024-06'],
    ],
    [
      'In 2023 nam de douane op Schiphol in totaal 4.500 kilo drugs in beslag.',
      '2024-06-14',
      ['unspecified 4500 2023'],
    ],
    ['Gemiddeld neemt de douane ongeveer tien kilogram drugs per passagier in beslag.', '2024-06-14', []],
    ['Een koerier werd betrapt met 3 kilo cocaïne in zijn koffer.', '2024-06-14', ['cocaine 3 null']],
    ['De partij had een straatwaarde van 50 miljoen euro.', '2024-06-14', []],
    ['In maart werden bij een inval 12.000 xtc-pillen gevonden.', '2024-06-14', ['mdma 12000 pills 2024-03']],
    [
      'Twee weken geleden werd in Antwerpen 950 kilo cocaïne onderschept.',
      '2024-06-14',
      ['cocaine 950 2024-05'],
    ],
    [
      'Op 3 mei 2023 werd in een vrachtwagen 400 kilo wiet aangetroffen.',
      '2024-06-14',
      ['cannabis 400 2023-05-03'],
    ],
    [
      'De politie heeft zaterdag in een drugslab 200 liter amfetamine-olie aangetroffen, meldde de politie maandag.',
      '2024-06-14',
      ['amphetamine 200 liters 2024-06-08'],
    ],
    [
      'In vergelijking met 2022 werd in 2023 bijna twee keer zoveel cocaïne onderschept: 110 ton.',
      '2024-06-14',
      ['cocaine 110000 2023'],
    ],
    [
      'Elk pakket woog ongeveer een kilo; in totaal werd 300 kilo cocaïne in beslag genomen.',
      '2024-06-14',
      ['cocaine 300 null'],
    ],
    ['Op 12-04 werd bij een controle 25 kilo heroïne gevonden.', '2024-06-14', ['heroin 25 2024-04-12']],
    [
      'De afgelopen drie maanden werd in de haven 7 ton cocaïne onderschept.',
      '2024-06-14',
      ['cocaine 7000 2024'],
    ],
  ];
  it.each(cases)('%s', (text, published, want) => {
    expect(figures(text, 'nl', published)).toEqual(want);
  });
});

describe('Portuguese: figures and periods (own sentences)', () => {
  const cases: Array<[string, string | null, string[]]> = [
    [
      'A Polícia Federal apreendeu duas toneladas e meia de cocaína no Porto de Santos.',
      '2024-06-14',
      ['cocaine 2500 null'],
    ],
    [
      'Foram apreendidos mil quilos de maconha em um caminhão na BR-163.',
      '2024-06-14',
      ['cannabis 1000 null'],
    ],
    [
      'A PRF apreendeu nesta terça-feira 800 quilos de maconha em Mato Grosso do Sul.',
      '2024-06-14',
      ['cannabis 800 2024-06-11'],
    ],
    [
      'Em março de 2023, a Receita Federal apreendeu 300 quilos de cocaína no aeroporto de Guarulhos.',
      '2024-06-14',
      ['cocaine 300 2023-03'],
    ],
    [
      'Nos últimos dias, a Marinha interceptou mais de 3 toneladas de cocaína ao largo dos Açores.',
      '2024-06-14',
      ['cocaine 3000 2024-06'],
    ],
    ['A droga, avaliada em 20 milhões de reais, foi incinerada.', '2024-06-14', []],
    [
      'Os agentes encontraram 120 tabletes de cocaína, com um peso total de 130 quilos.',
      '2024-06-14',
      ['cocaine 130 (120 bricks) null'],
    ],
    [
      'O motorista foi preso com 45 quilos de pasta base de cocaína escondidos no tanque.',
      '2024-06-14',
      ['cocaine 45 null'],
    ],
    [
      'No dia 21/05, a PM apreendeu 2.500 comprimidos de ecstasy em uma festa.',
      '2024-06-14',
      ['mdma 2500 tablets 2024-05-21'],
    ],
    [
      'Em 2023, a PRF apreendeu ao todo 600 toneladas de maconha nas rodovias federais.',
      '2024-06-14',
      ['cannabis 600000 2023'],
    ],
    [
      'A Receita Federal disse nesta sexta-feira que apreendeu 1,2 tonelada de cocaína no porto.',
      '2024-06-14',
      ['cocaine 1200 null'],
    ],
    [
      'Há duas semanas, a GNR apreendeu 90 quilos de haxixe no Algarve.',
      '2024-06-14',
      ['hashish 90 2024-05'],
    ],
    ['Normalmente as mulas transportam entre um e dois quilos de cocaína.', '2024-06-14', []],
    ['A polícia apreendeu 5 quilos de cocaína e 30 mil reais em dinheiro.', '2024-06-14', ['cocaine 5 null']],
    [
      'Na semana passada, a PF apreendeu 700 quilos de cocaína no Rio de Janeiro.',
      '2024-06-14',
      ['cocaine 700 2024-06'],
    ],
    [
      'Os agentes levaram a carga para o Rio de Janeiro, onde apreenderam 40 quilos de cocaína.',
      '2024-06-14',
      ['cocaine 40 null'],
    ],
  ];
  it.each(cases)('%s', (text, published, want) => {
    expect(figures(text, 'pt', published)).toEqual(want);
  });
});
