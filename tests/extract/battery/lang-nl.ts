/**
 * Dutch battery (issue 11): the Netherlands and Belgium; separable verbs (trof aan, stelde veilig, rolde op, hield aan met), passive 'in beslag genomen', hennepplanten, xtc-pillen, prices, tolerance limits and estimates that are no figures.
 * Sentences of our own (never corpus text); each case is the text and the figures read from it,
 * sorted, as "drug kg" or "drug count unit". Published date of every case: 2026-11-20.
 */
export const cases: Array<[string, string[]]> = [
  [
    'De douane heeft in de haven van Rotterdam 2.300 kilo cocaïne onderschept in een container met bananen.',
    ['cocaine 2300'],
  ],
  ['In een loods in Tilburg vond de politie ruim 1.500 hennepplanten.', ['cannabis 1500 plants']],
  ['Agenten troffen in de woning 3,5 kilo heroïne en 200 gram cocaïne aan.', ['cocaine 0.2', 'heroin 3.5']],
  ['Bij een inval in Venlo is 40 kilo amfetamine in beslag genomen.', ['amphetamine 40']],
  ['Ruim een ton cocaïne werd aangetroffen in een koelcontainer uit Ecuador.', ['cocaine 1000']],
  [
    'De Koninklijke Marechaussee betrapte op Schiphol een reiziger met 6 kilo cocaïne in zijn koffer.',
    ['cocaine 6'],
  ],
  ['Het OM eist vier jaar cel tegen de man, bij wie 25 kilo cocaïne werd gevonden.', ['cocaine 25']],
  [
    'Bij de doorzoeking werden 12.000 xtc-pillen en 5 kilo MDMA in beslag genomen.',
    ['mdma 12000 pills', 'mdma 5'],
  ],
  ['De politie ontmantelde een drugslab en nam 800 liter chemicaliën in beslag.', ['precursors 800 liters']],
  ['Vorig jaar onderschepte de douane in totaal 59 ton cocaïne in de Rotterdamse haven.', ['cocaine 59000']],
  ['Een gram cocaïne kost op straat ongeveer 50 euro. =>', []],
  ['Het schip kan tot 40 ton vracht vervoeren. =>', []],
  ["Naar schatting wordt er jaarlijks zo'n 100 ton cocaïne via de haven Nederland binnengesmokkeld. =>", []],
  ['De Belgische douane stelde in Antwerpen 4,2 ton cocaïne veilig.', ['cocaine 4200']],
  ['In de auto lagen 18 pakketten met in totaal 21 kilo cocaïne.', ['cocaine 21']],
  ['Bijna 700 kilo hasj is op een vrachtwagen bij Moerdijk gevonden.', ['hashish 700']],
  [
    'Agenten hebben bij een verkeerscontrole 2 kilo wiet en 500 gram hasj in beslag genomen.',
    ['cannabis 2', 'hashish 0.5'],
  ],
  ['De verdachte werd veroordeeld tot zes jaar cel. =>', []],
  ['Twee ton cocaïne werd door de douane in de haven van Vlissingen onderschept.', ['cocaine 2000']],
  ['De recherche rolde een hennepkwekerij op met 600 planten.', ['cannabis 600 plants']],
  ['In een bestelbus ontdekten agenten 30 kilo crystal meth.', ['methamphetamine 30']],
  ['De politie heeft 1,2 kilo ketamine in beslag genomen tijdens een festival.', ['ketamine 1.2']],
  ['Bij de actie werden ook 50.000 euro contant geld en drie vuurwapens in beslag genomen. =>', []],
  ['De Nederlandse politie onderschepte 350 kilo heroïne in een vrachtwagen met tapijten.', ['heroin 350']],
  ["De drugs, zo'n 90 kilo cocaïne, zaten verstopt tussen dozen fruit.", ['cocaine 90']],
  ['Volgens de douane werd dit jaar al 36 ton cocaïne onderschept.', ['cocaine 36000']],
  ['Bezit van maximaal 5 gram cannabis wordt gedoogd. =>', []],
  ['De kustwacht viste 120 kilo cocaïne uit de Noordzee.', ['cocaine 120']],
  ['De politie hield een man aan met 4 kilo cocaïne in zijn rugzak.', ['cocaine 4']],
  ['In een schuur werd een halve ton amfetamine aangetroffen.', ['amphetamine 500']],
  ['De douaniers vonden 16 blokken cocaïne met een gewicht van 18 kilo.', ['cocaine 18']],
  ['De agenten pakten op het station een vrouw op met 2 kilo heroïne.', ['heroin 2']],
  ['De focus van het onderzoek lag in 2024 op de haven. =>', []],
  ['In Eindhoven stuitten agenten bij een controle op 14 kilo hasj.', ['hashish 14']],
  ['Een passagier uit Suriname bleek 900 gram cocaïne te hebben ingeslikt.', ['cocaine 0.9']],
  [
    'Na de vondst van cocaïne in de haven ruimde de politie ook 2.000 planten in een loods.',
    ['cannabis 2000 plants'],
  ],
];
