// The facility rows a run is asked about (entities/places.ts `facilityIndex`) hold every row
// that can apply to it: the index only skips rows whose head cannot spell the run's first or
// last words, nor follow it in lower case.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { facilityIndex } from '../../src/extract/entities/places.ts';
import { RULES_DIR } from '../../src/extract/rules/load.ts';
import { loadRuleSet } from '../../src/extract/rules/ruleset.ts';

const languages = readdirSync(RULES_DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

describe('facilityIndex', () => {
  for (const lang of languages)
    it(`${lang}: every row is found for a run its head spells, and rows keep table order`, () => {
      const rows = loadRuleSet(lang).entities.facilities;
      const idx = facilityIndex(rows);
      for (const f of rows) {
        const head = f.head.split(' ');
        if (f.prefix) {
          // "Flughafen Zürich": the run opens with the head.
          expect(idx.prefixRows(head[0]!)).toContain(f);
        } else {
          // "Antwerp Docks": the run ends with the head; "Lekki seaport": the head follows it.
          expect(idx.suffixRows(head.at(-1)!, ' zzz')).toContain(f);
          if (f.head[0] === f.head[0]!.toLowerCase())
            expect(idx.suffixRows('Zzz', ` ${f.head} and more`)).toContain(f);
        }
      }
      const suffix = rows.filter((f) => !f.prefix);
      for (const f of suffix) {
        const got = idx.suffixRows(f.head.split(' ').at(-1)!, ` ${f.head}`);
        expect(got).toEqual(suffix.filter((g) => got.includes(g)));
      }
    });
  it('a word with a space gets every row; a word no head holds gets none', () => {
    const rows = loadRuleSet('en').entities.facilities;
    const idx = facilityIndex(rows);
    expect(idx.prefixRows('Naval Base')).toEqual(rows.filter((f) => f.prefix));
    expect(idx.suffixRows('Eagle Pass', '')).toEqual(rows.filter((f) => !f.prefix));
    expect(idx.suffixRows('Qwxz', ', said')).toEqual([]);
  });
});
