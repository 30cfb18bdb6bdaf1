import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { foldForLiterals, mayMatch, requiredLiterals } from '../../src/extract/rules/literal-prefilter.ts';
import { RULES_DIR } from '../../src/extract/rules/load.ts';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';
import { corpusTexts } from '../helpers/corpus-texts.ts';

describe('requiredLiterals: words every match holds', () => {
  const cases: Array<[string, string[] | null]> = [
    ['(?<!\\w)last week\\b', ['last week']],
    ['(?<!\\w)(?:this|current) year\\b', [' year']],
    ['(?<!\\w)(?:earlier )?this week\\b', ['this week']], // the optional part is no required word
    ['\\b(?<n>\\d+|two) days? ago\\b', [' day']], // "s?" may be absent
    ['(?:precursors?|chemicals)', ['precursor', 'chemicals']],
    ['(?:abc|x)yz', null], // "x" and "yz" are too short
    ['ab(?:cde)?fg', null], // an optional group holds nothing that must match
    ['(?!never)\\d+', null], // a negative lookahead: its word must not be there
    ['(?<=after )\\d+', null], // a lookbehind consumes nothing
    ['Mai|mars', ['mai', 'mars']], // lower case: the text is folded
    ['élevé', ['lev']], // accented letters are not compared: "lev" is the run between them
    ['a(?:bcd){2}e', ['bcd']],
    ['[abc]def', ['def']],
    ['x\\.com', ['com']], // an escape ends a run
  ];
  for (const [src, want] of cases)
    it(`/${src}/ -> ${JSON.stringify(want)}`, () => expect(requiredLiterals(src)).toEqual(want));
});

describe('foldForLiterals and mayMatch', () => {
  it('fold letters as i+u compare them: long s is s, the Kelvin sign is k', () => {
    expect(foldForLiterals('LAST \u017fEEK \u212aILO')).toBe('last seek kilo');
    const re = /(?<!\w)last week\b/giu;
    expect(re.test('LA\u017fT WEEK')).toBe(true);
    expect(mayMatch(re, foldForLiterals('LA\u017fT WEEK'))).toBe(true);
    expect(mayMatch(re, foldForLiterals('the week before last'))).toBe(false);
  });
  it('a pattern without required words always runs', () => {
    expect(mayMatch(/\d+/g, 'nothing here')).toBe(true);
  });
});

describe('the prefilter never skips a pattern that matches', () => {
  // Every compiled table regex of every language, on the corpus sentences (when ../shared is
  // there) and on made-up ones: wherever the regex matches, mayMatch must say it may.
  const texts = [
    'LAST WEEK the Police seized 1.2 Tonnes; ſince ſeptember, \u212aILOS of kif were found',
    'Am 12. März 2024 stellten Zöllner im Hafen 300 Kilogramm Kokain sicher, heute erneut.',
    "L'an dernier, les douaniers ont saisi près de deux tonnes d'héroïne à Anvers, le 21 avril.",
    'El año pasado, la policía incautó 2 mil 687 kilos de cocaína; ayer, 17 más.',
    'Vorig jaar werd in de haven ruim 45.000 kilo cocaïne in beslag genomen.',
    'No dia anterior, a polícia apreendeu 1,5 tonelada de maconha em Santos.',
  ];
  texts.push(...corpusTexts(/(?<=[.!?])\s+|\n+/));
  const languages = readdirSync(RULES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const lang of languages)
    it(`holds for the ${lang} tables`, () => {
      const t = loadRuleSet(lang).seizures;
      const res = [...t.periods, ...t.drugs, ...[...t.terms.values()].flat(), ...t.frames].map((c) => c.re);
      let filtered = 0;
      const misses: string[] = [];
      for (const re of res) {
        if (requiredLiterals(re.source)) filtered++;
        for (const text of texts) {
          re.lastIndex = 0;
          const hit = re.test(text);
          re.lastIndex = 0;
          if (hit && !mayMatch(re, foldForLiterals(text))) misses.push(`/${re.source}/ on ${text}`);
        }
      }
      expect(misses).toEqual([]);
      // The prefilter must reach most rows, or it saves nothing.
      expect(filtered).toBeGreaterThan(res.length / 2);
    });
});
