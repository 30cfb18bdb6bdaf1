import { describe, expect, it } from 'vitest';
import { matchAll } from '../../src/extract/match-all.ts';

const shape = (ms: Iterable<RegExpMatchArray>) => [...ms].map((m) => [m.index, [...m], m.groups ?? null]);

describe('matchAll (exec loop in place of String.prototype.matchAll)', () => {
  const cases: Array<[string, RegExp]> = [
    ['Zwei Tonnen am Montag, drei am Dienstag', /(?<n>\w+)\s+(?:Tonnen|am)/gu],
    ['a😀b😀', /(?:)/gu], // empty matches step over a surrogate pair under u
    ['a😀b', /(?:)/g], // and over one code unit without it
    ['kein Treffer hier', /\d+/gi],
    ['x1 y22 z333', /\d*/g],
  ];
  for (const [text, re] of cases)
    it(`${re} on "${text}" gives matchAll's matches`, () => {
      expect(shape(matchAll(text, re))).toEqual(shape(text.matchAll(new RegExp(re))));
    });
  it('starts at lastIndex, as matchAll does, and leaves it as it was', () => {
    const re = /\d/g;
    re.lastIndex = 3;
    expect(shape(matchAll('1 2 3 4', re))).toEqual(shape('1 2 3 4'.matchAll(re)));
    expect(re.lastIndex).toBe(3);
  });
  it('refuses a regex without the g flag, as matchAll does', () => {
    expect(() => matchAll('abc', /b/)).toThrow(TypeError);
  });
});
