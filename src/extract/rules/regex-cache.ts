/**
 * Regexes a rule builds from its tables at the call ("^,?\s+(?:said|told...)\b" from the
 * speech verbs), compiled once per source and flags. V8 compiles a new RegExp object again
 * when its compilation cache has let the source go, and compiling a large alternation costs
 * about a millisecond: more than a sentence's rules. For regexes without `g` or `y` only (they
 * keep no state between calls, so one object serves every caller).
 */
import { fastRegExp } from './word-boundary.ts';

const cache = new Map<string, RegExp>();
/** Distinct sources kept before the cache starts over (a few per table and language). */
const CACHE_SIZE = 2000;

/** `fastRegExp(source, flags)`, compiled once. Refuses the stateful flags `g` and `y`. */
export function cachedRegExp(source: string, flags = ''): RegExp {
  if (flags.includes('g') || flags.includes('y'))
    throw new TypeError(`cachedRegExp: no g or y flag (${flags})`);
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    if (cache.size >= CACHE_SIZE) cache.clear();
    re = fastRegExp(source, flags);
    cache.set(key, re);
  }
  return re;
}
