/**
 * Sentences of our own for the cue classes of config/rules/<lang>/figure-cues.yaml (issue 9 and
 * 11: which figures are seizures). `neg`: per language and class, sentences whose figure was
 * never seized although the sentence speaks of seizures; each is read after the language's
 * `haul` sentence, and only that haul must come out. `pos`: a real haul in a sentence that also
 * holds a cue word of a class; `want` is what must come out (describeSeizure labels).
 */
export type CueClass =
  | 'capacity'
  | 'hypothetical'
  | 'estimate'
  | 'threshold'
  | 'value'
  | 'dosage'
  | 'negation'
  | 'consumption'
  | 'per-unit'
  | 'ratio'
  | 'non-drug';

export interface CueLanguage {
  haul: string;
  haulWant: string;
  neg: Record<CueClass, string[]>;
  pos: Array<{ text: string; want: string[] }>;
}

export const CUES: Record<string, CueLanguage> = {
  en: {
    haul: 'Police seized 12 kg of heroin at the port on Monday.',
    haulWant: 'heroin 12kg',
    neg: {
      capacity: [
        'Investigators said the seized speedboat can carry up to 4 tonnes of cocaine per trip.',
        'The submarine found by the navy was capable of transporting about 8 tonnes of cocaine.',
        'Officers who raided the lab said it had a production capacity of 50 kilograms of methamphetamine.',
        'The truck intercepted at the border could hold as much as 20 tonnes of cannabis, police said.',
      ],
      hypothetical: [
        'The gang had planned to ship another 3 tonnes of cocaine to Rotterdam before the raid.',
        'According to the indictment, the men were going to smuggle 500 kg of hashish across the strait.',
        'The cartel was expected to deliver 200 kilograms of heroin in the spring, officials who seized its ledgers said.',
        'Prosecutors say the couriers intended to sell 40 kilos of methamphetamine in Sydney.',
      ],
      estimate: [
        "Analysts estimate that between 30 and 50 tonnes of cocaine pass through the region's ports, and only a fraction is seized.",
        'A UN study suggested about 400 tonnes of heroin are smuggled through the corridor each year.',
        'Customs officials say roughly 20 tonnes of cannabis are trafficked across the border annually, far more than they seize.',
        'Every year some 60 tonnes of cocaine make their way into the country undetected, customs said after the seizure.',
      ],
      threshold: [
        'It was the first year since 2015 in which the national seizure figure passed 10 tonnes.',
        'Seizures of cocaine topped the mark of 100 tonnes.',
        'Police said the annual haul had broken the barrier of 5 tonnes.',
        'For the first time, the amount of cocaine seized at the port exceeded 50 tonnes.',
      ],
      value: [
        'Despite the seizures, a gram of cocaine costs about 80 euros on the street.',
        'One kilo of heroin sells for $40,000 in the city, police who seized the drugs said.',
        'Officers said the street price of one kilogram of methamphetamine was 200,000 pesos after the seizure.',
        'At wholesale, 1 kg of cocaine fetches about 30,000 euros in Antwerp, where customs seized a record haul.',
      ],
      dosage: [
        'Each tablet seized in the raid contained 5 milligrams of fentanyl.',
        'Officers who seized the pills warned that a lethal dose is just 2 milligrams.',
        'The pills found at the house typically contain between 10 and 20 mg of amphetamine.',
        'Laboratory tests on the seized capsules found 30 mg of MDMA per capsule.',
      ],
      negation: [
        'A second field of some 4,000 plants was found nearby but had already been harvested, so nothing was seized there.',
        'Officers searched a second warehouse said to hold 2 tonnes of cocaine, but no drugs were found.',
        'Divers failed to find the 300 kilograms of cocaine the smugglers had dumped at sea.',
        'Police said another 50 kg of heroin was never recovered.',
      ],
      consumption: [
        'Wastewater testing suggests residents consume about 16 kilograms of methamphetamine a week, police said after the seizure.',
        'Users in the city smoke an estimated 3 tonnes of cannabis a year, according to customs, which seized far less.',
        "The country's addicts use some 20 tonnes of heroin annually, the anti-drug agency said as it announced the haul.",
        'Demand for 100 tonnes of cocaine drives the trade, officials who seized the shipment said.',
      ],
      'per-unit': [
        'The seized bricks weighed 1 kg each.',
        'Two couriers were stopped at the airport with 3 kg of cocaine apiece.',
        'Customs found the heroin hidden in suitcases, with 4 kg per suitcase.',
        'The bales, each weighing about 25 kilograms, were wrapped in plastic.',
      ],
      ratio: [
        'Lab tests on seized pills found that five in 10 pills contain a lethal dose.',
        'Three out of 10 tablets seized by police contained fentanyl.',
        'Seven of every 10 pills analysed after the raid held methamphetamine.',
        'One in 5 packages checked at the seized warehouse held flour.',
      ],
      'non-drug': [
        'Customs also seized 2 tonnes of cigarettes in the same container.',
        'Police found 300 kg of counterfeit medicines at the warehouse.',
        'Officers seized 5,000 litres of smuggled fuel at the border.',
        'The raid also recovered 40 kg of gold.',
      ],
    },
    pos: [
      { text: 'Police seized 30 kg of heroin, each package marked with a logo.', want: ['heroin 30kg'] },
      {
        text: 'Police seized 5 kg of crystal meth costing an estimated 1 million pesos.',
        want: ['methamphetamine 5kg'],
      },
      { text: 'Officers seized 30 kg of cocaine on a trip to the coast.', want: ['cocaine 30kg'] },
      { text: 'Officers using sniffer dogs found 40 kg of cannabis.', want: ['cannabis 40kg'] },
      {
        text: 'Customs seized 700 kg of cocaine that could have been sold for 20 million dollars.',
        want: ['cocaine 700kg'],
      },
      {
        text: 'Police seized 5 kg of heroin from the car, but no drugs were found in the house.',
        want: ['heroin 5kg'],
      },
      {
        text: 'Officers found 20 kg of cocaine in the truck, but nothing was found at the farm.',
        want: ['cocaine 20kg'],
      },
      {
        text: 'Police seized 2 tonnes of cocaine from a boat that can carry 10 tonnes.',
        want: ['cocaine 2000kg'],
      },
      {
        text: 'Customs found 300 kg of heroin worth $9 million in a container, officials said.',
        want: ['heroin 300kg'],
      },
      {
        text: 'Officers seized 45 kg of cannabis from a man who planned to sell it in Berlin.',
        want: ['cannabis 45kg'],
      },
      {
        text: 'For the first time, officers seized 20 kg of fentanyl at the crossing.',
        want: ['fentanyl 20kg'],
      },
      {
        text: 'Nothing suggests the 3 tonnes of cocaine seized on Monday were bound for Europe.',
        want: ['cocaine 3000kg'],
      },
      {
        text: 'Customs at the port seized 1.5 tonnes of cocaine a day after the ship docked.',
        want: ['cocaine 1500kg'],
      },
      {
        text: 'Police seized 80 kg of methamphetamine in a week-long operation.',
        want: ['methamphetamine 80kg'],
      },
      { text: 'Police seized 12 kg of heroin and 3 tonnes of cigarettes.', want: ['heroin 12kg'] },
      {
        text: 'Soldiers seized 30 kg of cocaine at the border crossing; no arrests were made.',
        want: ['cocaine 30kg'],
      },
      {
        text: 'The navy intercepted a vessel carrying 6 tonnes of cocaine, surpassing the previous record.',
        want: ['cocaine 6000kg'],
      },
    ],
  },
  de: {
    haul: 'Die Polizei stellte am Montag im Hafen 12 Kilogramm Heroin sicher.',
    haulWant: 'heroin 12kg',
    neg: {
      capacity: [
        'Das sichergestellte Schnellboot kann bis zu vier Tonnen Kokain transportieren.',
        'Das ausgehobene Labor hatte eine Produktionskapazität von 50 Kilogramm Crystal.',
        'Der gefundene Container fasst bis zu 25 Tonnen Kokain.',
        'Die Ermittler sagten, das Halbtauchboot habe Platz für acht Tonnen Kokain geboten.',
      ],
      hypothetical: [
        'Die Bande wollte im Frühjahr weitere 300 Kilogramm Kokain nach Hamburg schmuggeln.',
        'Laut Anklage sollten die Männer 500 Kilogramm Haschisch über die Grenze liefern.',
        'Die Kuriere hatten geplant, 40 Kilogramm Heroin in Berlin zu verkaufen.',
        'Nach Erkenntnissen der Fahnder wollten die Schmuggler 2 Tonnen Kokain verschiffen.',
      ],
      estimate: [
        'Nach Einschätzung der Behörden werden jährlich rund 10 Tonnen Cannabis über die Route geschmuggelt.',
        'Experten schätzen, dass jedes Jahr 40 Tonnen Kokain nach Deutschland gelangen.',
        'Über den Hafen werden etwa 30 Tonnen Kokain umgeschlagen werden, sagte der Zoll nach dem Fund.',
        'Durchschnittlich gelangen 5 Tonnen Heroin über die Balkanroute nach Europa.',
      ],
      threshold: [
        'Erstmals lag die Menge des sichergestellten Kokains bei über 20 Tonnen.',
        'Die Sicherstellungen haben die Marke von 100 Tonnen überschritten.',
        'Zum ersten Mal wurden im Hafen mehr als 50 Tonnen Kokain beschlagnahmt.',
        'Die beschlagnahmte Menge blieb unter der Schwelle von 5 Tonnen.',
      ],
      value: [
        'Ein Gramm Kokain kostet in Zürich trotz der Funde rund 80 Franken.',
        'Ein Kilo Heroin kostet in Wien 30.000 Euro, sagte die Polizei nach dem Fund.',
        'Der Schwarzmarktpreis für ein Kilogramm Kokain liegt nach dem Fund bei 35.000 Euro.',
        'Zwei Gramm Crystal kosteten auf der Straße zuletzt 100 Euro, so die Ermittler nach der Razzia.',
      ],
      dosage: [
        'Jede der sichergestellten Tabletten enthielt 5 Milligramm Fentanyl.',
        'Schon 2 Milligramm Fentanyl gelten als tödliche Dosis, warnte die Polizei nach dem Fund.',
        'Die gefundenen Pillen enthalten typischerweise zwischen 10 und 20 Milligramm Amphetamin.',
        'Die Analyse der beschlagnahmten Kapseln ergab 30 Milligramm MDMA pro Kapsel.',
      ],
      negation: [
        'Auf einem zweiten Feld standen rund 4000 Pflanzen, doch dort wurde nichts sichergestellt.',
        'Die Beamten durchsuchten ein Lager mit angeblich 2 Tonnen Kokain, fanden jedoch nichts.',
        'Von den restlichen 300 Kilogramm Kokain fehlt jede Spur.',
        'Weitere 50 Kilogramm Heroin wurden nie gefunden, sagte die Polizei.',
      ],
      consumption: [
        'Laut Abwasseranalyse konsumieren die Einwohner rund 16 Kilogramm Crystal pro Woche.',
        'In der Stadt rauchen Konsumenten jährlich etwa 3 Tonnen Cannabis, so der Zoll nach dem Fund.',
        'Die Nachfrage nach 100 Tonnen Kokain treibt den Schmuggel an, sagten die Fahnder nach dem Fund.',
        'Süchtige verbrauchen etwa 20 Tonnen Heroin, teilte das BKA nach der Sicherstellung mit.',
      ],
      'per-unit': [
        'Zwei Kuriere hatten jeweils 3 Kilogramm Kokain bei sich.',
        'Die Koffer enthielten 4 Kilogramm Heroin pro Koffer.',
        'Die sichergestellten Ballen wogen 25 Kilogramm das Stück.',
        'In den Taschen steckten 2 Kilogramm Kokain je Person.',
      ],
      ratio: [
        'Drei von 10 Pillen, die die Polizei beschlagnahmte, enthielten Fentanyl.',
        'Laut Labor enthielten zwei von 5 Tabletten aus dem Fund Crystal.',
        'Eine von 20 Pillen aus der Sicherstellung war gefälscht.',
        'Vier von 10 sichergestellten Ecstasy-Pillen waren überdosiert.',
      ],
      'non-drug': [
        'Der Zoll stellte außerdem 2 Tonnen Tabak sicher.',
        'Im selben Lkw fanden die Beamten 500 Kilogramm gefälschte Medikamente.',
        'Bei der Razzia wurden auch 40 Kilogramm Gold beschlagnahmt.',
        'Die Fahnder entdeckten 300 Kilogramm unverzollte Zigaretten.',
      ],
    },
    pos: [
      {
        text: 'Die Polizei hat im Auto 5 Kilogramm Heroin sichergestellt, im Haus wurde jedoch nichts gefunden.',
        want: ['heroin 5kg'],
      },
      {
        text: 'Die Polizei stellte 2 Tonnen Kokain auf einem Boot sicher, das bis zu 10 Tonnen transportieren kann.',
        want: ['cocaine 2000kg'],
      },
      { text: 'Der Zoll fand 300 Kilogramm Heroin im Wert von 9 Millionen Euro.', want: ['heroin 300kg'] },
      { text: 'Die Polizei konnte 45 Kilogramm Cannabis sicherstellen.', want: ['cannabis 45kg'] },
      {
        text: 'Erstmals beschlagnahmten Fahnder 20 Kilogramm Fentanyl an der Grenze.',
        want: ['fentanyl 20kg'],
      },
      {
        text: 'Die Polizei stellte 12 Kilogramm Heroin und 3 Tonnen Zigaretten sicher.',
        want: ['heroin 12kg'],
      },
    ],
  },
  es: {
    haul: 'La policía incautó el lunes 12 kilos de heroína en el puerto.',
    haulWant: 'heroin 12kg',
    neg: {
      capacity: [
        'Los investigadores dijeron que la narcolancha intervenida puede transportar hasta cuatro toneladas de hachís por viaje.',
        'El semisumergible hallado por la Armada tenía capacidad para transportar ocho toneladas de cocaína.',
        'El laboratorio desmantelado era capaz de producir 50 kilos de metanfetamina a la semana.',
        'El camión interceptado podría cargar unas 20 toneladas de marihuana, según la policía.',
      ],
      hypothetical: [
        'La banda pretendía enviar otras tres toneladas de cocaína a Rotterdam.',
        'Según la acusación, los detenidos iban a introducir 500 kilos de hachís por el Estrecho.',
        'Los correos planeaban vender 40 kilos de metanfetamina en Madrid.',
        'La organización tenía previsto recibir 200 kilos de heroína en primavera.',
      ],
      estimate: [
        'Según estimaciones de la ONU, unas 50 toneladas de cocaína pasan por los puertos de la región.',
        'Cada año se trafican unas 20 toneladas de hachís a través del Estrecho.',
        'Los expertos calculan que anualmente llegan 60 toneladas de cocaína al país.',
        'Unas 100 toneladas de cocaína se mueven por la ruta, dijo la fiscalía tras el alijo.',
      ],
      threshold: [
        'Por primera vez, las incautaciones superaron las 100 toneladas.',
        'El alijo quedó por debajo del umbral de 5 toneladas.',
        'Es el primer año en que el total decomisado supera las 50 toneladas.',
        'La cocaína intervenida rompió la barrera de las 10 toneladas.',
      ],
      value: [
        'Un gramo de cocaína cuesta unos 60 euros en la calle, según la policía que hizo el alijo.',
        'Un kilo de heroína se vende por 30.000 euros en Madrid, dijeron los agentes tras la incautación.',
        'El precio de un kilo de hachís ronda los 1.500 euros, explicó la Guardia Civil tras el decomiso.',
        'Dos gramos de cristal costaban 100 pesos, dijeron los agentes que incautaron la droga.',
      ],
      dosage: [
        'Cada pastilla incautada contenía 5 miligramos de fentanilo.',
        'Una dosis letal es de apenas 2 miligramos, advirtió la policía tras el decomiso.',
        'Los comprimidos hallados contienen entre 10 y 20 mg de anfetamina.',
        'El análisis de las cápsulas incautadas reveló 30 mg de MDMA por cápsula.',
      ],
      negation: [
        'En una segunda finca había unas 4.000 plantas, pero no se incautó nada.',
        'Los agentes registraron una nave donde supuestamente había 2 toneladas de cocaína, sin hallar nada.',
        'Los buzos no encontraron los 300 kilos de cocaína arrojados al mar.',
        'Otros 50 kilos de heroína nunca fueron hallados, según la policía.',
      ],
      consumption: [
        'Los análisis de aguas residuales indican que los vecinos consumen unos 16 kilos de metanfetamina a la semana.',
        'Los usuarios fuman unas 3 toneladas de marihuana al año, según la policía que hizo el decomiso.',
        'La demanda de 100 toneladas de cocaína alimenta el tráfico, dijeron los agentes tras la incautación.',
        'Los adictos del país consumen 20 toneladas de heroína, dijo la agencia al anunciar el alijo.',
      ],
      'per-unit': [
        'Los paquetes incautados pesaban 1 kilo cada uno.',
        'Dos correos llevaban 3 kilos de cocaína cada uno.',
        'La droga iba en maletas, con 4 kilos por maleta.',
        'Los fardos, de 25 kilos por fardo, estaban envueltos en plástico.',
      ],
      ratio: [
        'Según el laboratorio, cinco de cada 10 pastillas incautadas contenían fentanilo.',
        'Tres de cada 10 comprimidos decomisados eran falsos.',
        'Siete de cada 10 pastillas analizadas tras la redada llevaban metanfetamina.',
        'Uno de cada 5 paquetes revisados en el almacén intervenido era de harina.',
      ],
      'non-drug': [
        'Los aduaneros también incautaron 2 toneladas de tabaco en el mismo contenedor.',
        'La policía halló 300 kilos de medicamentos falsificados en el almacén.',
        'Los agentes decomisaron 40 kilos de oro en la frontera.',
        'En la operación se intervinieron 500 kilos de cigarrillos de contrabando.',
      ],
    },
    pos: [
      {
        text: 'La policía incautó 5 kilos de heroína en el coche, pero no se encontró nada en la casa.',
        want: ['heroin 5kg'],
      },
      {
        text: 'La policía incautó 2 toneladas de cocaína en una lancha que puede transportar 10 toneladas.',
        want: ['cocaine 2000kg'],
      },
      {
        text: 'Los agentes incautaron 300 kilos de heroína valorados en 9 millones de euros.',
        want: ['heroin 300kg'],
      },
      {
        text: 'Por primera vez, la policía incautó 20 kilos de fentanilo en la frontera.',
        want: ['fentanyl 20kg'],
      },
      {
        text: 'La Guardia Civil decomisó 12 kilos de heroína y 3 toneladas de tabaco.',
        want: ['heroin 12kg'],
      },
    ],
  },
  fr: {
    haul: "La police a saisi lundi 12 kilos d'héroïne dans le port.",
    haulWant: 'heroin 12kg',
    neg: {
      capacity: [
        "Selon les enquêteurs, le go-fast saisi peut transporter jusqu'à quatre tonnes de cocaïne par voyage.",
        'Le semi-submersible découvert par la marine avait une capacité de huit tonnes de cocaïne.',
        'Le laboratoire démantelé était capable de produire 50 kilos de méthamphétamine.',
        'Le camion intercepté pourrait contenir environ 20 tonnes de cannabis, selon la police.',
      ],
      hypothetical: [
        "La bande prévoyait d'expédier trois tonnes de cocaïne supplémentaires vers Anvers.",
        "Selon l'accusation, les hommes allaient faire passer 500 kilos de haschisch par le détroit.",
        'Les passeurs comptaient vendre 40 kilos de cocaïne à Paris.',
        "L'organisation devait recevoir 200 kilos d'héroïne au printemps.",
      ],
      estimate: [
        "Selon les estimations de l'ONUDC, près de 400 tonnes d'héroïne transitent chaque année par la région.",
        'Chaque année, quelque 20 tonnes de résine de cannabis passent par le détroit.',
        'Les experts estiment que 60 tonnes de cocaïne entrent en France.',
        'En moyenne, 5 tonnes de cocaïne arrivent chaque mois au port, a indiqué la douane après la saisie.',
      ],
      threshold: [
        'Pour la première fois, les saisies ont dépassé les 100 tonnes.',
        'La saisie reste sous la barre des 5 tonnes.',
        "C'est la première année où les quantités saisies franchissent le seuil de 50 tonnes.",
        'La cocaïne interceptée a franchi le cap des 10 tonnes.',
      ],
      value: [
        'Un gramme de cocaïne coûte environ 70 euros dans la rue, selon la police qui a saisi la drogue.',
        "Un kilo d'héroïne se vend 30.000 euros à Marseille, ont indiqué les enquêteurs après la saisie.",
        "Le prix d'un kilo de cocaïne tourne autour de 30.000 euros, a précisé la douane après la saisie.",
        'Deux grammes de cocaïne coûtaient 150 euros, ont expliqué les policiers qui ont saisi la drogue.',
      ],
      dosage: [
        'Chaque comprimé saisi contenait 5 milligrammes de fentanyl.',
        'Une dose mortelle ne dépasse pas 2 milligrammes, a averti la police après la saisie.',
        "Les pilules trouvées contiennent entre 10 et 20 mg d'amphétamine.",
        "L'analyse des gélules saisies a révélé 30 mg de MDMA par gélule.",
      ],
      negation: [
        "Un second champ comptait quelque 4.000 plants, mais rien n'a été saisi.",
        'Les policiers ont fouillé un entrepôt censé abriter 2 tonnes de cocaïne, mais sont repartis bredouilles.',
        "Les plongeurs n'ont pas retrouvé les 300 kilos de cocaïne jetés à la mer.",
        "Les 50 kilos d'héroïne restants restent introuvables, selon la police.",
      ],
      consumption: [
        "Selon l'analyse des eaux usées, les habitants consomment environ 16 kilos de méthamphétamine par semaine.",
        'Les usagers fument quelque 3 tonnes de cannabis par an, selon la police qui a réalisé la saisie.',
        'La demande de 100 tonnes de cocaïne alimente le trafic, selon les enquêteurs après la saisie.',
        "Les toxicomanes du pays consomment 20 tonnes d'héroïne, a indiqué l'office après la saisie.",
      ],
      'per-unit': [
        'Les paquets saisis pesaient 1 kilo chacun.',
        'Deux passeurs avaient sur eux 3 kilos de cocaïne chacun.',
        'La drogue était répartie dans des valises, à raison de 4 kilos par valise.',
        'Les ballots, de 25 kilos pièce, étaient emballés dans du plastique.',
      ],
      ratio: [
        'Selon le laboratoire, cinq pilules sur 10 saisies contenaient du fentanyl.',
        'Trois comprimés sur 10 saisis par la police étaient contrefaits.',
        'Sept sur 10 cachets analysés après le coup de filet contenaient de la méthamphétamine.',
        "Un paquet sur 5 contrôlés dans l'entrepôt perquisitionné contenait de la farine.",
      ],
      'non-drug': [
        'Les douaniers ont également saisi 2 tonnes de tabac dans le même conteneur.',
        "La police a découvert 300 kilos de médicaments contrefaits dans l'entrepôt.",
        "Les agents ont saisi 40 kilos d'or à la frontière.",
        "L'opération a permis de saisir 500 kilos de cigarettes de contrebande.",
      ],
    },
    pos: [
      {
        text: "La police a saisi 5 kilos d'héroïne dans la voiture, mais rien n'a été trouvé dans la maison.",
        want: ['heroin 5kg'],
      },
      {
        text: 'La police a saisi 2 tonnes de cocaïne sur un bateau qui peut transporter 10 tonnes.',
        want: ['cocaine 2000kg'],
      },
      {
        text: "Les douaniers ont saisi 300 kilos d'héroïne d'une valeur de 9 millions d'euros.",
        want: ['heroin 300kg'],
      },
      {
        text: 'Pour la première fois, les douaniers ont saisi 20 kilos de fentanyl à la frontière.',
        want: ['fentanyl 20kg'],
      },
      { text: "La police a saisi 12 kilos d'héroïne et 3 tonnes de tabac.", want: ['heroin 12kg'] },
    ],
  },
  nl: {
    haul: 'De politie nam maandag in de haven 12 kilo heroïne in beslag.',
    haulWant: 'heroin 12kg',
    neg: {
      capacity: [
        'Volgens de recherche kan de in beslag genomen speedboot tot vier ton cocaïne per overtocht vervoeren.',
        'De ontdekte duikboot had een laadcapaciteit van acht ton cocaïne.',
        'Het opgerolde lab kon 50 kilo crystal meth produceren.',
        'De in beslag genomen container kan ruim 25 ton cocaïne bevatten.',
      ],
      hypothetical: [
        'De bende wilde nog eens drie ton cocaïne naar Antwerpen smokkelen.',
        'Volgens het OM wilden de mannen 500 kilo hasj via de haven invoeren.',
        'De koeriers waren van plan om 40 kilo cocaïne in Amsterdam te verkopen.',
        'De organisatie zou in het voorjaar 200 kilo heroïne ontvangen.',
      ],
      estimate: [
        "Volgens schattingen komt er jaarlijks zo'n 50 ton cocaïne via de haven binnen.",
        'Experts schatten dat elk jaar 40 ton cocaïne Nederland binnenkomt.',
        'Via de Balkanroute wordt per jaar ongeveer 30 ton heroïne gesmokkeld.',
        'Gemiddeld wordt er 5 ton cocaïne verhandeld, aldus de douane na de vangst.',
      ],
      threshold: [
        'Voor het eerst kwam de hoeveelheid onderschepte cocaïne boven de 100 ton.',
        'De vangst bleef onder de grens van 5 ton.',
        'Het is het eerste jaar waarin meer dan 50 ton cocaïne werd onderschept.',
        'De in beslag genomen cocaïne passeerde de mijlpaal van 10 ton.',
      ],
      value: [
        "Een gram cocaïne kost in Amsterdam nog steeds zo'n 50 euro, zegt de politie na de vangst.",
        'Een kilo heroïne kostte 30.000 euro, zeiden de rechercheurs na de inval.',
        'De straatwaarde van een kilo hasj ligt rond 3.000 euro, aldus de douane na de vondst.',
        'Twee gram crystal meth kosten 100 euro, zeggen agenten die de drugs in beslag namen.',
      ],
      dosage: [
        'Elke in beslag genomen pil bevatte 5 milligram fentanyl.',
        'Een dodelijke dosis is slechts 2 milligram, waarschuwde de politie na de vangst.',
        'De gevonden pillen bevatten tussen 10 en 20 mg amfetamine.',
        'Analyse van de in beslag genomen capsules toonde 30 mg MDMA per capsule aan.',
      ],
      negation: [
        "Op een tweede veld stonden zo'n 4000 planten, maar daar werd niets in beslag genomen.",
        'Agenten doorzochten een loods waar 2 ton cocaïne zou liggen, maar vonden niets.',
        'Van de overige 300 kilo cocaïne is geen spoor gevonden.',
        'Nog eens 50 kilo heroïne werd nooit gevonden, aldus de politie.',
      ],
      consumption: [
        "Uit rioolwateronderzoek blijkt dat inwoners zo'n 16 kilo crystal meth per week gebruiken.",
        "Gebruikers roken jaarlijks zo'n 3 ton cannabis, aldus de politie na de vangst.",
        'De vraag naar 100 ton cocaïne drijft de smokkel aan, zeggen rechercheurs na de vangst.',
        'Verslaafden consumeren ongeveer 20 ton heroïne, meldde de dienst na de inbeslagname.',
      ],
      'per-unit': [
        'De in beslag genomen pakketten wogen 1 kilo per stuk.',
        'Twee koeriers hadden elk 3 kilo cocaïne bij zich.',
        'De drugs zaten in koffers, met 4 kilo per koffer.',
        'De balen, van 25 kilo per baal, waren in plastic verpakt.',
      ],
      ratio: [
        'Volgens het lab bevatten vijf op de 10 in beslag genomen pillen fentanyl.',
        'Drie van de 10 onderschepte tabletten waren nep.',
        'Zeven op 10 geanalyseerde pillen na de inval bevatten crystal meth.',
        'Een op de 5 gecontroleerde pakketten uit de loods bevatte meel.',
      ],
      'non-drug': [
        'De douane nam ook 2 ton tabak in beslag in dezelfde container.',
        'De politie vond 300 kilo nagemaakte medicijnen in de loods.',
        'Agenten namen 40 kilo goud in beslag aan de grens.',
        'Bij de actie werd 500 kilo sigaretten onderschept.',
      ],
    },
    pos: [
      {
        text: 'De politie heeft in de auto 5 kilo heroïne gevonden, maar in het huis werd niets gevonden.',
        want: ['heroin 5kg'],
      },
      {
        text: 'De politie nam 2 ton cocaïne in beslag op een boot die 10 ton kan vervoeren.',
        want: ['cocaine 2000kg'],
      },
      {
        text: 'De douane vond 300 kilo heroïne met een straatwaarde van 9 miljoen euro.',
        want: ['heroin 300kg'],
      },
      { text: 'Voor het eerst onderschepte de douane 20 kilo fentanyl.', want: ['fentanyl 20kg'] },
      { text: 'De politie nam 12 kilo heroïne en 3 ton tabak in beslag.', want: ['heroin 12kg'] },
    ],
  },
  pt: {
    haul: 'A polícia apreendeu na segunda-feira 12 quilos de heroína no porto.',
    haulWant: 'heroin 12kg',
    neg: {
      capacity: [
        'Segundo os investigadores, a lancha apreendida pode transportar até quatro toneladas de cocaína por viagem.',
        'O semissubmersível encontrado pela Marinha tinha capacidade para oito toneladas de cocaína.',
        'O laboratório desmantelado era capaz de produzir 50 quilos de metanfetamina.',
        'O caminhão interceptado poderia carregar cerca de 20 toneladas de maconha, disse a polícia.',
      ],
      hypothetical: [
        'A quadrilha pretendia enviar outras três toneladas de cocaína para Roterdã.',
        'Segundo a acusação, os homens iam introduzir 500 quilos de haxixe pelo porto.',
        'Os correios planejavam vender 40 quilos de cocaína em Lisboa.',
        'A organização deveria receber 200 quilos de heroína na primavera.',
      ],
      estimate: [
        'Segundo estimativas da ONU, cerca de 50 toneladas de cocaína passam pelos portos da região.',
        'Todos os anos entram no país cerca de 60 toneladas de cocaína, segundo a PF.',
        'Os especialistas calculam que 20 toneladas de haxixe são traficadas pela região.',
        'Em média, 5 toneladas de cocaína saem por mês do porto, disse a Receita após a apreensão.',
      ],
      threshold: [
        'Pela primeira vez, as apreensões ultrapassaram as 100 toneladas.',
        'A apreensão ficou abaixo da marca de 5 toneladas.',
        'É o primeiro ano em que o total apreendido supera as 50 toneladas.',
        'A cocaína apreendida rompeu a barreira das 10 toneladas.',
      ],
      value: [
        'Um grama de cocaína custa cerca de 50 reais na rua, segundo a polícia que fez a apreensão.',
        'Um quilo de heroína é vendido por 30 mil euros em Lisboa, disseram os agentes após a apreensão.',
        'O preço de um quilo de haxixe ronda os 3 mil euros, explicou a PJ após a apreensão.',
        'Dois gramas de cristal custavam 100 reais, disseram os policiais que apreenderam a droga.',
      ],
      dosage: [
        'Cada comprimido apreendido continha 5 miligramas de fentanil.',
        'Uma dose letal é de apenas 2 miligramas, alertou a polícia após a apreensão.',
        'Os comprimidos encontrados contêm entre 10 e 20 mg de anfetamina.',
        'A análise das cápsulas apreendidas revelou 30 mg de MDMA por cápsula.',
      ],
      negation: [
        'Num segundo campo havia cerca de 4.000 pés de maconha, mas nada foi apreendido.',
        'Os agentes revistaram um armazém onde estariam 2 toneladas de cocaína, sem encontrar nada.',
        'Os mergulhadores não encontraram os 300 quilos de cocaína lançados ao mar.',
        'Outros 50 quilos de heroína nunca foram encontrados, segundo a polícia.',
      ],
      consumption: [
        'A análise de águas residuais indica que os moradores consomem cerca de 16 quilos de metanfetamina por semana.',
        'Os usuários fumam cerca de 3 toneladas de maconha por ano, segundo a polícia que fez a apreensão.',
        'A procura por 100 toneladas de cocaína alimenta o tráfico, disseram os investigadores após a apreensão.',
        'Os dependentes do país consomem 20 toneladas de heroína, disse a agência ao anunciar a apreensão.',
      ],
      'per-unit': [
        'Os pacotes apreendidos pesavam 1 quilo cada.',
        'Dois correios levavam 3 quilos de cocaína cada um.',
        'A droga estava em malas, com 4 quilos por mala.',
        'Os fardos, de 25 quilos por fardo, estavam embrulhados em plástico.',
      ],
      ratio: [
        'Segundo o laboratório, cinco em cada 10 comprimidos apreendidos continham fentanil.',
        'Três de cada 10 comprimidos apreendidos eram falsos.',
        'Sete em cada 10 pílulas analisadas após a operação continham metanfetamina.',
        'Um em cada 5 pacotes verificados no armazém era de farinha.',
      ],
      'non-drug': [
        'Os fiscais também apreenderam 2 toneladas de tabaco no mesmo contêiner.',
        'A polícia encontrou 300 quilos de medicamentos falsificados no armazém.',
        'Os agentes apreenderam 40 quilos de ouro na fronteira.',
        'Na operação foram apreendidos 500 quilos de cigarros contrabandeados.',
      ],
    },
    pos: [
      {
        text: 'A PJ apreendeu mais de duas toneladas de cocaína num navio, anunciou hoje a diretora. A operação, realizada na quarta-feira, permitiu apreender 2.150 quilos de cocaína.',
        want: ['cocaine 2150kg'],
      },
      {
        text: 'A PRF apreendeu 300 quilos de maconha na segunda-feira. Mais 725 quilos de maconha foram retirados das rodovias na terça-feira.',
        want: ['cannabis 300kg', 'cannabis 725kg'],
      },
      {
        text: 'A polícia apreendeu 5 quilos de heroína no carro, mas nada foi encontrado na casa.',
        want: ['heroin 5kg'],
      },
      {
        text: 'A polícia apreendeu 2 toneladas de cocaína num barco que pode transportar 10 toneladas.',
        want: ['cocaine 2000kg'],
      },
      {
        text: 'Os agentes apreenderam 300 quilos de heroína avaliados em 9 milhões de euros.',
        want: ['heroin 300kg'],
      },
      {
        text: 'Pela primeira vez, a polícia apreendeu 20 quilos de fentanil na fronteira.',
        want: ['fentanyl 20kg'],
      },
      { text: 'A PF apreendeu 12 quilos de heroína e 3 toneladas de tabaco.', want: ['heroin 12kg'] },
    ],
  },
};
