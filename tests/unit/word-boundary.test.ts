import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULES_DIR } from '../../src/extract/rules/load.ts';
import { fastRegExp, fastWordBoundaries } from '../../src/extract/rules/word-boundary.ts';
import { corpusTexts } from '../helpers/corpus-texts.ts';

const LB = '(?<!\\w)';

/** Every match of `re` in `text`: index, text, groups (an exec loop, as the rules run them). */
function matches(re: RegExp, text: string): unknown[] {
  const out: unknown[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push([m.index, [...m], m.groups ?? null]);
    if (m[0] === '') re.lastIndex++;
  }
  return out;
}

describe('fastWordBoundaries: which \\b become (?<!\\w)', () => {
  const rewritten: Array<[string, string]> = [
    ['\\btoday\\b', `${LB}today\\b`],
    ['\\b(?:a|one) day later\\b|\\bthe day\\b', `${LB}(?:a|one) day later\\b|${LB}the day\\b`],
    ['\\b(?<month>jan(?:uary)?|feb)\\.?', `${LB}(?<month>jan(?:uary)?|feb)\\.?`],
    ['\\b(?:ever |so far )?since', `${LB}(?:ever |so far )?since`], // optional group, then a word
    ['\\b\\d{1,2}', `${LB}\\d{1,2}`],
    ['\\b[1-4]x', `${LB}[1-4]x`],
    ['\\b_x', `${LB}_x`],
    ['x\\b(?:(?:19|20)\\d\\d)', `x${LB}(?:(?:19|20)\\d\\d)`],
  ];
  for (const [src, want] of rewritten)
    it(`/${src}/ -> /${want}/`, () => expect(fastWordBoundaries(src)).toBe(want));

  const kept = [
    '\\bété', // an accented letter is no word character for \\b: the boundary needs a word before
    '\\b(?:an|été)', // one alternative does not start with a word character
    '\\b(?:an|)', // an empty alternative
    '\\bx?', // an optional word character, then the end
    '\\b(?=x)', // a lookahead
    '\\b\\s',
    '\\b\\p{L}',
    '\\b[Z-a]', // a range that holds [ \\ ] ^ ` too
    '\\b[^x]',
    '[\\b]x', // a backspace in a class
    '\\\\bx', // an escaped backslash, then the letter b
    '\\b.x',
    'x\\b',
    '\\b(?:x)*y?', // a group that may be absent, then something that may be absent
  ];
  for (const src of kept) it(`/${src}/ stays as written`, () => expect(fastWordBoundaries(src)).toBe(src));

  it('rewrites only under both i and u (where V8 is slow on \\b)', () => {
    expect(fastRegExp('\\bx', 'giu').source).toBe(`${LB}x`);
    expect(fastRegExp('\\bx', 'iv').source).toBe(`${LB}x`);
    expect(fastRegExp('\\bx', 'gi').source).toBe('\\bx');
    expect(fastRegExp('\\bx', 'gu').source).toBe('\\bx');
  });
});

describe('the rewrite changes no match', () => {
  it('(?<!\\w) before a word character holds exactly where \\b does, for every BMP character before it', () => {
    // \\w under i+u also holds U+017F (ſ) and U+212A (Kelvin sign), which match s and k.
    const nexts = ['a', 'k', 's', 'K', 'S', '0', '_', '\u017f', '\u212a'];
    for (const lit of ['a', 'k', 's', '0', '_']) {
      const slow = new RegExp(`\\b${lit}`, 'giu');
      const fast = fastRegExp(`\\b${lit}`, 'giu');
      expect(fast.source).not.toBe(slow.source);
      const diffs: string[] = [];
      for (let c = 0; c <= 0xffff; c++) {
        if (c >= 0xd800 && c <= 0xdfff) continue;
        for (const n of nexts) {
          const s = `${String.fromCharCode(c)}${n}`;
          if (JSON.stringify(matches(slow, s)) !== JSON.stringify(matches(fast, s))) diffs.push(`${c}:${n}`);
        }
      }
      expect(diffs).toEqual([]);
    }
  });

  // Every pattern of every rule table, rewritten and not, on the corpus sentences (when
  // ../shared is there) and on made-up sentences with the characters \\b is subtle about.
  // Beside the tables' own, patterns whose \\b stands before letters \\b is subtle about.
  const patterns: string[] = ['\\bété\\b', '\\b(?:an|été) dernier', '\\bkilos?\\b', '\\bsince\\b'];
  for (const lang of readdirSync(RULES_DIR, { withFileTypes: true }).filter((d) => d.isDirectory())) {
    const dir = path.join(RULES_DIR, lang.name);
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
      const table = parse(readFileSync(path.join(dir, f), 'utf8')) as { rules?: unknown };
      if (!Array.isArray(table?.rules)) continue;
      for (const r of table.rules as Array<Record<string, unknown>>)
        for (const k of ['pattern', 'before', 'after'])
          for (const v of [r[k]].flat()) if (typeof v === 'string' && v.includes('\\b')) patterns.push(v);
    }
  }
  const texts = [
    'On 3 May 2023 police seized 1.2 tonnes of cocaine; two days later, 40 kg more.',
    'Am 12. März 2024 stellten Zöllner im Hafen 300 Kilogramm Kokain sicher, heute erneut.',
    'El año pasado, la policía incautó 2 mil 687 kilos de cocaína en el puerto; ayer, 17 más.',
    "L'an dernier, les douaniers ont saisi près de deux tonnes d'héroïne à Anvers, le 21 avril.",
    'Vorig jaar werd in de haven van Rotterdam ruim 45.000 kilo cocaïne in beslag genomen.',
    'No dia anterior, a polícia apreendeu 1,5 tonelada de maconha em Santos, em janeiro.',
    'ſince ſeptember: the ſame Kilos (K) of kif, _today_, x2023y, 2023_01, a\u212aday, \u212a9 days ago',
    "l’été dernier, cet été, Xété, l'an dernier",
    'Ǆune 5th, ǅuly 2021, ﬀirst quarter, İstanbul, ΣΑΣ, café-bar Tuesday, naïve 1999-2000',
  ];
  texts.push(...corpusTexts(/\n+/));

  it(`holds for the ${patterns.length} table patterns with \\b`, () => {
    expect(patterns.length).toBeGreaterThan(100);
    let changed = 0;
    const diffs: string[] = [];
    for (const p of patterns) {
      const slow = new RegExp(p, 'giu');
      const fast = fastRegExp(p, 'giu');
      if (fast.source === slow.source) continue;
      changed++;
      for (const t of texts)
        if (JSON.stringify(matches(slow, t)) !== JSON.stringify(matches(fast, t)))
          diffs.push(`/${p}/ on ${t}`);
    }
    expect(diffs).toEqual([]);
    // Most table patterns start with \\b before a word: the rewrite must reach them.
    expect(changed).toBeGreaterThan(patterns.length / 2);
  });
});
