import { describe, expect, it } from 'vitest';
import { normalizeSpace } from '../../src/scrape/html-text.ts';

/** The plain definition: invisible characters dropped, every whitespace run one space, trimmed. */
function reference(text: string): string {
  return text
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('normalizeSpace', () => {
  it('collapses runs of any whitespace to one space', () => {
    expect(normalizeSpace('  Zwei\u00a0\u00a0Kilo\n\t Heroin  ')).toBe('Zwei Kilo Heroin');
    expect(normalizeSpace('a\u3000b\u2003 c\u202fd\u205f\u205fe')).toBe('a b c d e');
    expect(normalizeSpace('line one\r\nline two\u2028three')).toBe('line one line two three');
    expect(normalizeSpace('tab\tonly')).toBe('tab only');
  });

  it('keeps single plain spaces and text without spaces as they are', () => {
    expect(normalizeSpace('cocaine was found in a crate of bananas')).toBe(
      'cocaine was found in a crate of bananas',
    );
    expect(normalizeSpace('大麻押収')).toBe('大麻押収');
    expect(normalizeSpace('')).toBe('');
    expect(normalizeSpace(' \n\u00a0 ')).toBe('');
  });

  it('drops invisible characters before collapsing', () => {
    expect(normalizeSpace('soft\u00adhyphen and zero\u200bwidth \ufeff joiner')).toBe(
      'softhyphen and zerowidth joiner',
    );
  });

  it('matches the plain definition on mixed strings', () => {
    const parts = [
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2009',
      '\u3000',
      '\u200b',
      'kg',
      'ö',
      '大麻',
      '12,5',
      '.',
    ];
    let seed = 7;
    const next = (): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed;
    };
    for (let n = 0; n < 2000; n++) {
      let s = '';
      const len = next() % 12;
      for (let i = 0; i < len; i++) s += parts[next() % parts.length];
      expect(normalizeSpace(s)).toBe(reference(s));
    }
  });
});
