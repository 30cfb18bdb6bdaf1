import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadingWords, nextStart } from '../../src/extract/rules/leading-words.ts';
import { RULES_DIR } from '../../src/extract/rules/load.ts';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { quantityMatches } from '../../src/extract/seizures/quantities.ts';
import { corpusTexts } from '../helpers/corpus-texts.ts';

describe('leadingWords: the first words a match can start with', () => {
  it('spells alternatives, optional parts and classes up to the first non-letter', () => {
    const lw = leadingWords("(?:more than|over|jusqu[’']à|approx\\.?|d[e’'])|(?:an?|one)(?:-\\w+)?")!;
    expect([...lw.words].sort()).toEqual(['a', 'an', 'approx', 'd', 'de', 'jusqu', 'more', 'one', 'over']);
    expect(lw.prefixes).toEqual([]);
    expect(lw.digit).toBe(false);
  });
  it('a repeat or a letter class leaves an open prefix; \\d and literal non-letters are kept', () => {
    const lw = leadingWords('kil\\p{L}*|tri\\w+|\\d+|½')!;
    expect(lw.prefixes.sort()).toEqual(['kil', 'tri']);
    expect(lw.digit).toBe(true);
    expect(lw.other).toEqual(new Set(['½']));
  });
  it('lookarounds and \\b are skipped (they only forbid matches)', () => {
    const lw = leadingWords('(?<![\\p{L}])\\b(?=t)(?:two|ten)(?![\\p{L}])')!;
    expect([...lw.words].sort()).toEqual(['ten', 'two']);
  });
  it('is null when a match may start with anything', () => {
    expect(leadingWords('.*kg')).toBeNull();
    expect(leadingWords('(?:tons)?')).toBeNull();
    expect(leadingWords('\\p{L}+ kg')).toBeNull();
  });
  it('nextStart finds the runs that spell a word, digits, and the unsure letters', () => {
    const lw = leadingWords('(?:over|two)|\\d')!;
    const starts = (text: string) => {
      const out: number[] = [];
      for (let at = nextStart(lw, text, 0); at !== null; at = nextStart(lw, text, at[1])) out.push(at[0]);
      return out;
    };
    expect(starts('Over overt TWO, 7 flower')).toEqual([0, 11, 16]);
    // A long s or a Kelvin sign may fold to an ASCII letter: always tried.
    expect(starts('\u017fix \u212ag none')).toEqual([0, 4]);
  });
});

describe('the quantity regex: the fast path finds exactly the plain matches', () => {
  const texts = [
    'Police seized more than 1.2 tonnes, some 40 kilos and half a ton of cannabis; 3/4 pound, ½ kg.',
    'Zöllner fanden knapp eineinhalb Tonnen Kokain und rund 300 Kilogramm, ca. 12 Kilo Heroin.',
    "Les douaniers ont saisi près d'une tonne et plus d’une centaine de kilos, jusqu'à 2 t.",
    'La policía incautó 2 mil 687 kilos y unas dos toneladas y media de cocaína.',
    'Er werd ruim 45.000 kilo en bijna anderhalve ton cocaïne in beslag genomen.',
    'A polícia apreendeu cerca de 1,5 tonelada e quase duas toneladas de maconha.',
    'ſome \u212aILOS, ſeven tonnes, TWENTY-FIVE kg, Ninety Tons, ÜBER 5 KILO, ÇA 3 kg',
  ];
  texts.push(...corpusTexts(/(?<=[.!?])\s+|\n+/));
  const languages = readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const lang of languages)
    it(`holds for the ${lang} tables`, () => {
      const t = loadRuleSet(lang).seizures;
      let found = 0;
      for (const text of texts) {
        const plain = quantityMatches(t, text, false);
        found += plain.length;
        expect(quantityMatches(t, text, true), text).toEqual(plain);
      }
      expect(found).toBeGreaterThan(20);
    });
});
