import { describe, expect, it } from 'vitest';
import { cachedRegExp } from '../../src/extract/rules/regex-cache.ts';

describe('cachedRegExp', () => {
  it('compiles a source and flags once, and keeps them apart', () => {
    const a = cachedRegExp('^,?\\s+(?:said|told)\\b', 'i');
    expect(cachedRegExp('^,?\\s+(?:said|told)\\b', 'i')).toBe(a);
    expect(cachedRegExp('^,?\\s+(?:said|told)\\b', 'iu')).not.toBe(a);
    expect(cachedRegExp('^,?\\s+(?:said|told)\\b')).not.toBe(a);
    expect(a.test(', told')).toBe(true);
    expect(a.test(', toldx')).toBe(false);
  });
  it('writes \\b before a word for speed under i and u, as fastRegExp does', () => {
    expect(cachedRegExp('\\bfrom\\s+$', 'iu').source).toBe('(?<!\\w)from\\s+$');
    expect(cachedRegExp('\\bfrom\\s+$', 'i').source).toBe('\\bfrom\\s+$');
  });
  it('refuses g and y: a shared regex must keep no lastIndex between callers', () => {
    expect(() => cachedRegExp('x', 'g')).toThrow(TypeError);
    expect(() => cachedRegExp('x', 'y')).toThrow(TypeError);
  });
});
