/**
 * Portuguese battery (issue 11): Brazil and Portugal (PF, PRF, PJ, GNR, PSP); tabletes, tijolos, pés de maconha, skunk and crack, caught carrying, prices, legal limits, capacities and estimates that are no figures.
 * Sentences of our own (never corpus text); each case is the text and the figures read from it,
 * sorted, as "drug kg" or "drug count unit". Published date of every case: 2026-11-20.
 */
export const cases: Array<[string, string[]]> = [
  ['A Polícia Federal apreendeu 1,3 tonelada de cocaína no porto de Santos.', ['cocaine 1300']],
  ['Agentes da PRF apreenderam mais de 800 quilos de maconha em um caminhão na BR-277.', ['cannabis 800']],
  ['Foram apreendidos 45 tabletes de pasta base de cocaína, com 48 quilos.', ['cocaine 48']],
  [
    'A Polícia Judiciária apreendeu 2,5 toneladas de haxixe numa embarcação ao largo do Algarve.',
    ['hashish 2500'],
  ],
  [
    'Os policiais encontraram 300 gramas de crack e 1,2 quilo de cocaína na residência.',
    ['cocaine 1.2', 'crack 0.3'],
  ],
  [
    'A operação resultou na erradicação de 25 mil pés de maconha no sertão de Pernambuco.',
    ['cannabis 25000 plants'],
  ],
  [
    'Um homem foi preso com 12 quilos de cocaína escondidos na mala no aeroporto de Guarulhos.',
    ['cocaine 12'],
  ],
  ['No total, a PF apreendeu 32 toneladas de cocaína em 2025.', ['cocaine 32000']],
  ['Quase duas toneladas de cocaína foram encontradas num veleiro nos Açores.', ['cocaine 2000']],
  ['A Guarda Nacional Republicana apreendeu 9 quilos de heroína em Lisboa.', ['heroin 9']],
  ['Um grama de cocaína custa cerca de 40 euros nas ruas de Lisboa. =>', []],
  ['O barco tem capacidade para transportar até 5 toneladas. =>', []],
  ['Estima-se que 60 toneladas de cocaína passem anualmente pelo porto. =>', []],
  ['Os agentes apreenderam 3.000 comprimidos de ecstasy numa festa.', ['mdma 3000 tablets']],
  ['Cerca de 700 quilos de maconha foram descobertos em um galpão em Ponta Porã.', ['cannabis 700']],
  ['A droga, 400 quilos de cocaína, estava escondida em sacos de café.', ['cocaine 400']],
  ['A Receita Federal localizou 90 quilos de cocaína em contêiner de frutas.', ['cocaine 90']],
  ['O réu foi condenado a sete anos de prisão. =>', []],
  ['A PM prendeu um suspeito que levava 5 quilos de maconha na mochila.', ['cannabis 5']],
  ['Os fiscais apreenderam 1.500 litros de precursores químicos.', ['precursors 1500 liters']],
  ['Meia tonelada de cocaína foi apreendida no porto de Leixões.', ['cocaine 500']],
  ['A polícia apreendeu 20 quilos de skunk e 2 quilos de cocaína em Curitiba.', ['cannabis 20', 'cocaine 2']],
  ['A apreensão, avaliada em 50 milhões de reais, ocorreu na terça-feira. =>', []],
  ['A Marinha interceptou um semissubmersível com 3 toneladas de cocaína.', ['cocaine 3000']],
  ['Os agentes incineraram 2 toneladas de drogas apreendidas ao longo do ano.', ['unspecified 2000']],
  ['A lei define como uso pessoal a posse de até 40 gramas de maconha. =>', []],
  ['O traficante vendia cerca de 10 quilos de cocaína por mês. =>', []],
  ['A PSP apreendeu 6 quilos de haxixe e 150 gramas de cocaína no Porto.', ['cocaine 0.15', 'hashish 6']],
  ['Foram encontrados 120 tijolos de maconha no porta-malas do carro.', ['cannabis 120 bricks']],
  ['Policiais militares apreenderam 15 quilos de crack em Fortaleza.', ['crack 15']],
  ['A Polícia Federal apreendeu 200 quilos de skunk escondidos em uma carga de soja.', ['cannabis 200']],
  ['Os agentes flagraram dois homens com 3 quilos de cocaína no aeroporto.', ['cocaine 3']],
  ['A PM destruiu uma plantação com 3.400 pés de maconha no sertão.', ['cannabis 3400 plants']],
  ['A polícia angolana apreendeu 15 quilos de liamba em Benguela.', ['cannabis 15']],
  [
    'A PF prendeu ontem, no terminal rodoviário de Campo Grande, uma mulher de 41 anos que levava 7 quilos de cocaína.',
    ['cocaine 7'],
  ],
  ['A PF apreendeu o barco, que pode transportar até duas toneladas de cocaína por viagem. =>', []],
];
