/**
 * `\b` before a word, written so that V8 can scan for it fast, with the same meaning.
 *
 * Under the `i` and `u` flags together, V8 cannot compile `\b` to its word-boundary test
 * (a case-insensitive unicode `\w` also holds U+017F and U+212A), so it rewrites it as a pair
 * of lookarounds; a pattern that starts with one then loses the fast scan for its first
 * letters and tries a full match at every position of the text. Measured (node 20, French
 * sentences of the dev corpus): `/\btoday\b/giu` 4.7 µs a sentence, `/(?<!\w)today\b/giu`
 * 0.05 µs; the rule tables' patterns nearly all start with `\b`, and they were most of the
 * time of the date, drug and cue rules.
 *
 * Where the next thing the pattern must match is a word character (an ASCII letter, digit or
 * `_`, `\d`, `\w`, a class of those, or a group each of whose alternatives starts so), `\b`
 * there holds exactly when the character before is no word character: `(?<!\w)`, with the
 * same `\w` as `\b` uses under any flags. Every other `\b` (before a space, an accented letter,
 * an optional part, a lookaround ...) is left as written. The rewrite changes no match, no
 * group and no match order (`tests/unit/word-boundary.test.ts` compares every pattern of
 * every rule table on the corpus sentences and on strings with U+017F and U+212A).
 */

import { alternativesOf, classEnd, escapeEnd, groupBody, groupEnd, quantifier } from './regex-source.ts';

/** `\b` that may stand as `(?<!\w)` rewritten so; any other source unchanged. */
export function fastWordBoundaries(source: string): string {
  if (!source.includes('\\b')) return source;
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '\\') {
      if (source[i + 1] === 'b' && startsWithWordChar(source, i + 2)) {
        out += '(?<!\\w)';
        i += 2;
        continue;
      }
      const end = escapeEnd(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    if (c === '[') {
      // Inside a class `\b` is a backspace: copied as it is.
      const end = classEnd(source, i);
      out += source.slice(i, end);
      i = end;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * `new RegExp(source, flags)`, with the `\b` before words written for speed (see above) where
 * the flags hold both `i` and `u` (or `v`), the only case where V8 is slow on them.
 */
export function fastRegExp(source: string, flags = ''): RegExp {
  const slow = flags.includes('i') && (flags.includes('u') || flags.includes('v'));
  return new RegExp(slow ? fastWordBoundaries(source) : source, flags);
}

const WORD = /^[A-Za-z0-9_]$/;

/**
 * Must the pattern, from `i` on, first match a word character? False when unsure: the end of
 * an alternative or group, an atom that may match something else, a lookaround, an anchor.
 */
function startsWithWordChar(src: string, i: number): boolean {
  if (i >= src.length) return false;
  const c = src[i]!;
  let word: boolean;
  let end: number;
  if (c === '\\') {
    end = escapeEnd(src, i);
    word = end === i + 2 && (src[i + 1] === 'd' || src[i + 1] === 'w');
  } else if (c === '[') {
    end = classEnd(src, i);
    word = classOfWordChars(src.slice(i + 1, end - 1));
  } else if (c === '(') {
    end = groupEnd(src, i);
    const body = groupBody(src, i, end);
    word = body !== null && alternativesOf(body).every((alt) => alt !== '' && startsWithWordChar(alt, 0));
  } else {
    end = i + 1;
    word = WORD.test(c);
  }
  if (!word) return false;
  const q = quantifier(src, end);
  if (q === null) return true;
  // An atom that may be absent: what follows it must start with a word character too.
  return q.min > 0 || startsWithWordChar(src, q.end);
}

/** A class body of ASCII word characters only: letters, digits, `_`, ranges of those, `\d`, `\w`. */
function classOfWordChars(body: string): boolean {
  if (body === '' || body.startsWith('^')) return false;
  let j = 0;
  while (j < body.length) {
    const c = body[j]!;
    if (c === '\\') {
      if (body[j + 1] !== 'd' && body[j + 1] !== 'w') return false;
      j += 2;
      continue;
    }
    if (!WORD.test(c)) return false;
    if (body[j + 1] === '-' && j + 2 < body.length) {
      const to = body[j + 2]!;
      // A range between two word characters may hold others ("Z-a": [ \ ] ^ _ `): only
      // ranges within one of a-z, A-Z, 0-9.
      const same = (re: RegExp) => re.test(c) && re.test(to);
      if (!(same(/[a-z]/) || same(/[A-Z]/) || same(/[0-9]/)) || to < c) return false;
      j += 3;
      continue;
    }
    j++;
  }
  return true;
}
