/**
 * Spanish battery (issue 11): Spain and Latin America (intervenir, aprehender, asegurar, secuestrar, decomisar), passive and active, caught carrying, fardos and paquetes, prices, legal limits, capacities and estimates that are no figures.
 * Sentences of our own (never corpus text); each case is the text and the figures read from it,
 * sorted, as "drug kg" or "drug count unit". Published date of every case: 2026-11-20.
 */
export const cases: Array<[string, string[]]> = [
  [
    'La Policía Nacional ha intervenido 1.350 kilos de cocaína ocultos en un contenedor de piñas en el puerto de Algeciras.',
    ['cocaine 1350'],
  ],
  [
    'Agentes de la Guardia Civil aprehendieron 2,4 toneladas de hachís en una narcolancha frente a Huelva.',
    ['hashish 2400'],
  ],
  [
    'Fueron incautados más de 600 kilogramos de marihuana en un camión que circulaba por la autopista.',
    ['cannabis 600'],
  ],
  ['Los militares aseguraron 45 paquetes de cocaína con un peso total de 52 kilos.', ['cocaine 52']],
  [
    'En el registro de la vivienda se hallaron 300 gramos de heroína, 1,2 kilos de cocaína y 4.000 euros en efectivo.',
    ['cocaine 1.2', 'heroin 0.3'],
  ],
  [
    'La Armada decomisó casi tres toneladas de cocaína a bordo de un semisumergible en el Pacífico.',
    ['cocaine 3000'],
  ],
  [
    'Los agentes erradicaron 12.500 plantas de marihuana en una finca de Michoacán.',
    ['cannabis 12500 plants'],
  ],
  [
    'El juez envió a prisión a los tres detenidos, a quienes se les intervinieron 80 kilos de hachís.',
    ['hashish 80'],
  ],
  [
    'La Policía Federal de Argentina secuestró 496 kilos de cocaína en una avioneta en Santiago del Estero.',
    ['cocaine 496'],
  ],
  [
    'Según fuentes policiales, se requisaron 25.000 pastillas de éxtasis en una discoteca.',
    ['mdma 25000 tablets'],
  ],
  [
    'En total, la Fiscalía cifra en 18 toneladas la cocaína incautada durante el año pasado.',
    ['cocaine 18000'],
  ],
  ['Carabineros incautó 1.200 dosis de pasta base en un operativo en Antofagasta.', ['cocaine 1200 doses']],
  ['Un gramo de cocaína se vende en la calle a unos 60 euros. =>', []],
  ['La lancha tiene capacidad para transportar hasta 3 toneladas de carga. =>', []],
  ['Se estima que cada año entran por los puertos europeos unas 200 toneladas de cocaína. =>', []],
  ['La policía detuvo a un hombre que llevaba 5 kilos de cocaína en la maleta.', ['cocaine 5']],
  ['Dos toneladas de cocaína fueron halladas en un buque procedente de Colombia.', ['cocaine 2000']],
  ['Los guardias civiles encontraron 30 fardos de hachís en la playa, con unos 900 kilos.', ['hashish 900']],
  [
    'La Marina interceptó una embarcación con 1,8 toneladas de cocaína frente a las costas de Guerrero.',
    ['cocaine 1800'],
  ],
  ['El cargamento, valorado en 40 millones de euros, fue incautado en Vigo. =>', []],
  ['La Guardia Civil incautó 150 kilos de cocaína escondidos entre cajas de plátanos.', ['cocaine 150']],
  [
    'Los agentes confiscaron 7 kilos de metanfetamina y 2 kilos de fentanilo en Sinaloa.',
    ['fentanyl 2', 'methamphetamine 7'],
  ],
  [
    'La Policía intervino 3.500 litros de precursores químicos en un laboratorio clandestino.',
    ['precursors 3500 liters'],
  ],
  ['La ley permite poseer hasta 40 gramos de marihuana para consumo personal. =>', []],
  ['Los narcotraficantes movían unas 10 toneladas de cocaína al año, según la investigación. =>', []],
  ['Los perros detectaron 12 kilos de cocaína en el doble fondo de un camión.', ['cocaine 12']],
  [
    'Se decomisaron 420 kilos de marihuana y 35 kilos de cocaína en dos operativos distintos.',
    ['cannabis 420', 'cocaine 35'],
  ],
  [
    'Un total de 5,7 toneladas de hachís han sido aprehendidas en lo que va de año en Ceuta.',
    ['hashish 5700'],
  ],
  ['El detenido fue condenado a ocho años de prisión. =>', []],
  ['La policía boliviana incautó media tonelada de cocaína en el Chapare.', ['cocaine 500']],
  ['La Aduana descubrió 87 kilos de cocaína en maletas en el aeropuerto de Barajas.', ['cocaine 87']],
  ['Los agentes arrestaron a dos mujeres con 3 kilos de cocaína adheridos al cuerpo.', ['cocaine 3']],
  [
    'La policía ha detenido a un camionero que transportaba 900 kilos de hachís entre sandías.',
    ['hashish 900'],
  ],
  [
    'Carabineros erradicó un cultivo de 2.800 plantas de cannabis oculto en un bosque de eucaliptos.',
    ['cannabis 2800 plants'],
  ],
  ['La producción de cocaína de Colombia alcanzó 2.600 toneladas. =>', []],
  [
    'Después de que los policías los capturaran en la carretera con 35 kilos de marihuana, ambos fueron detenidos.',
    ['cannabis 35'],
  ],
  [
    'Los agentes hallaron en el invernadero 640 plantas y 3 kilos de cogollos de marihuana.',
    ['cannabis 3', 'cannabis 640 plants'],
  ],
  [
    'La Guardia Civil incautó la narcolancha; el fiscal recordó que cada una de estas embarcaciones puede transportar hasta cuatro toneladas por viaje. =>',
    [],
  ],
  [
    'Tras el alijo, la policía explicó que la lancha tiene capacidad para cargar dos toneladas de hachís. =>',
    [],
  ],
];
