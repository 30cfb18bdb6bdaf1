/**
 * Issue 9, class 3: a mass, the size of one of its packages and the number of those packages
 * ("45 kilos of resin, in blocks of 250 grams and 180 blocks") are one haul: the count goes on
 * the mass entry (`count`, `countUnit`), never a figure of its own. Sentences of our own in the
 * languages whose negative-frames.yaml marks a `package-size` frame (es, fr, pt).
 */
import { describe, expect, it } from 'vitest';
import { articleFromText, extractRecord } from '../../src/extract/index.ts';

const figures = (language: string, text: string) =>
  extractRecord(
    articleFromText({ url: null, title: null, text, published: '2026-05-02', language }),
  ).seizures.map((s) => `${s.drug} ${s.kg ?? '-'} ${s.count ?? '-'} ${s.countUnit ?? '-'}`);

type Case = [string, string, string[]];

const run = (cases: Case[]) =>
  it.each(cases)('[%s] %s', (language, text, want) => {
    expect(figures(language, text)).toEqual(want);
  });

describe('the count of packages of a given size is the count of the mass', () => {
  run([
    [
      'es',
      'La Policía Nacional incautó en Ceuta 45 kilos de hachís a un conductor, en tabletas de 250 gramos y 180 bellotas.',
      ['hashish 45 180 bricks'],
    ],
    [
      'es',
      'En Murcia se intervinieron 24 kilos de marihuana prensada, en bloques de 500 gramos y 48 bloques.',
      ['cannabis 24 48 bricks'],
    ],
    [
      'fr',
      'Les gendarmes ont saisi à Perpignan 18 kilos de résine de cannabis, en plaquettes de 100 grammes et 180 savonnettes.',
      ['hashish 18 180 bricks'],
    ],
    [
      'pt',
      'A Polícia Militar apreendeu em Campinas 60 quilos de maconha em tabletes de 500 gramas e 120 tabletes.',
      ['cannabis 60 120 bricks'],
    ],
  ]);
});

describe('what is not the packing of the mass stays as it was', () => {
  run([
    // a count of another drug after the package size is a haul of its own
    [
      'es',
      'En Huelva la Guardia Civil incautó 20 kilos de cocaína en paquetes de un kilo y 300 pastillas de éxtasis.',
      ['cocaine 20 - -', 'mdma - 300 tablets'],
    ],
    // a package size with no count after it adds none
    ['fr', 'Les douaniers ont saisi à Lille 9 kilos d’héroïne, en sachets de 50 grammes.', ['heroin 9 - -']],
  ]);
});
