/**
 * French battery (issue 11): France, Belgium, Switzerland and West Africa; passive and active, résine and herbe, pieds de cannabis, pains, word numbers, prices, consumption, capacities and estimates that are no figures.
 * Sentences of our own (never corpus text); each case is the text and the figures read from it,
 * sorted, as "drug kg" or "drug count unit". Published date of every case: 2026-11-20.
 */
export const cases: Array<[string, string[]]> = [
  [
    'Les douaniers ont saisi 1,2 tonne de cocaïne dans un conteneur de bananes au port du Havre.',
    ['cocaine 1200'],
  ],
  ["Près de 600 kilos de résine de cannabis ont été découverts dans un camion sur l'A7.", ['hashish 600']],
  ["La police a mis la main sur 35 kg d'héroïne lors d'une perquisition à Marseille.", ['heroin 35']],
  ['Plus de deux tonnes de cocaïne ont été interceptées au large de la Martinique.', ['cocaine 2000']],
  [
    "Les enquêteurs ont trouvé 4 500 comprimés d'ecstasy et 800 grammes de cocaïne.",
    ['cocaine 0.8', 'mdma 4500 tablets'],
  ],
  [
    'La gendarmerie a démantelé une plantation de 1 200 pieds de cannabis dans le Gard.',
    ['cannabis 1200 plants'],
  ],
  ['Le tribunal a condamné le passeur, arrêté avec 12 kilos de cocaïne dans sa valise.', ['cocaine 12']],
  ["Au total, 27 tonnes de cocaïne ont été saisies en France l'an dernier.", ['cocaine 27000']],
  ["Les douanes ont intercepté 150 kg d'herbe de cannabis dans une camionnette.", ['cannabis 150']],
  ['Un gramme de cocaïne se vend environ 70 euros dans la rue. =>', []],
  ["Le navire peut transporter jusqu'à 30 tonnes de marchandises. =>", []],
  ['Selon les estimations, 100 tonnes de cocaïne transiteraient chaque année par le port. =>', []],
  ['La police belge a saisi 3,4 tonnes de cocaïne à Anvers.', ['cocaine 3400']],
  ['Les policiers ont découvert 48 pains de résine de cannabis, soit 12 kilos.', ['hashish 12']],
  ["Environ 300 kilos de cocaïne ont été retrouvés à bord d'un voilier.", ['cocaine 300']],
  ["La saisie, d'une valeur de 20 millions d'euros, a eu lieu mardi. =>", []],
  [
    'Les gendarmes ont saisi 6 kg de cocaïne, 2 kg de cannabis et 15 000 euros en liquide.',
    ['cannabis 2', 'cocaine 6'],
  ],
  ["Dans le coffre, les agents ont trouvé 25 kilos d'amphétamines.", ['amphetamine 25']],
  ['La brigade des stupéfiants a saisi 9 kilos de crack à Paris.', ['crack 9']],
  ['Une tonne et demie de haschisch a été saisie près de Perpignan.', ['hashish 1500']],
  ['Deux cents kilos de cocaïne ont été découverts dans le port de Dakar.', ['cocaine 200']],
  ['Le trafiquant écoulait environ 5 kilos de cocaïne par semaine. =>', []],
  ['La police suisse a confisqué 18 kilos de cocaïne à Genève.', ['cocaine 18']],
  ['Les douaniers ont découvert 700 kg de khat dans des valises à Roissy.', ['khat 700']],
  ['Lors de la perquisition, 350 grammes de cocaïne ont été saisis.', ['cocaine 0.35']],
  ['La consommation de cocaïne en France est estimée à 40 tonnes par an. =>', []],
  ['Les agents ont saisi 3 000 litres de précurseurs chimiques.', ['precursors 3000 liters']],
  ['Quelque 80 kilos de cocaïne étaient dissimulés dans un double fond.', ['cocaine 80']],
  ['Le suspect a été condamné à cinq ans de prison. =>', []],
  ['La marine nationale a intercepté un voilier transportant 1,7 tonne de cocaïne.', ['cocaine 1700']],
  ["Les enquêteurs ont saisi 14 kilos d'héroïne et 2 kilos de cocaïne à Lille.", ['cocaine 2', 'heroin 14']],
  ['Les policiers ont interpellé un automobiliste qui transportait 40 kilos de cannabis.', ['cannabis 40']],
  ['Les gendarmes ont arrêté deux hommes avec 8 kilos de cocaïne dans leur voiture.', ['cocaine 8']],
  [
    'Les policiers ont découvert une culture de 450 pieds de cannabis dans une grange.',
    ['cannabis 450 plants'],
  ],
  ['La production de cocaïne de la Colombie atteint 2 600 tonnes. =>', []],
  [
    'Après la saisie de cocaïne au port, les enquêteurs ont aussi saisi 3 200 plants dans un hangar.',
    ['cannabis 3200 plants'],
  ],
  ['Les douaniers ont saisi le voilier, qui peut transporter jusqu’à trois tonnes de cocaïne. =>', []],
];
