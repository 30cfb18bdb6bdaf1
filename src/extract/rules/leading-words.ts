/**
 * The words a match of a pattern can start with, read from its source: a cheap scan then
 * finds the few places of a text where the pattern may match, and the pattern runs there only
 * (sticky) instead of being tried at every position.
 *
 * `leadingWords(source)` reads the pattern left to right and follows every way its first run
 * of letters (`\p{L}`) can be spelt: plain letters, classes of plain characters, groups and
 * their alternatives, optional parts. A run ends at a character that is no letter (a space,
 * `-`, `.`, `\d`, `\s`), or at the end of the pattern (the caller's pattern must hold no letter
 * right after it). Where the source holds something it cannot spell (`\p{L}+`, `.`, a repeat),
 * the run so far becomes an open prefix: any word that starts with it may match. Lookarounds
 * and `\b` are skipped: they only forbid matches, so skipping them never loses one.
 * It returns null when unsure of anything (then the caller tries every position).
 *
 * Letters are compared lower-cased; a text word with a character whose case folding the
 * lower-casing may not follow (U+017F, U+212A, U+212B, anything past Latin Extended-B) is
 * always tried (U+0130 too: its lower case is two characters). The scan reads char codes
 * (a table of the letters below U+0250), no regex. `tests/unit/leading-words.test.ts`
 * compares the fast path with the plain regex on every corpus sentence of every language.
 */
import { alternativesOf, classEnd, escapeEnd, groupEnd, quantifier } from './regex-source.ts';

export interface LeadingWords {
  /** Whole first words (lower-case) a match may start with. */
  words: Set<string>;
  /** Prefixes (lower-case): a first word starting with one may match. */
  prefixes: string[];
  /** A match may start with a character that is no letter: those characters, or `any`. */
  other: Set<string> | 'any';
  /** A match may start with a digit (`\d`). */
  digit: boolean;
}

const LETTER = /^\p{L}$/u;
const LIMIT = 20000;

class Unsure extends Error {}

interface Acc {
  words: Set<string>;
  prefixes: Set<string>;
  other: Set<string> | 'any';
  digit: boolean;
}

function safeLetter(c: string): boolean {
  const code = c.codePointAt(0)!;
  return code < 0x250 && c !== '\u017f' && c.toLowerCase().length === 1;
}

/** The first words of `source` (a pattern meant for the `i` and `u` flags), or null. */
export function leadingWords(source: string): LeadingWords | null {
  const acc: Acc = { words: new Set(), prefixes: new Set(), other: new Set(), digit: false };
  try {
    const open = sequence(source, new Set(['']), acc);
    for (const w of open) end(w, acc);
  } catch (e) {
    if (e instanceof Unsure) return null;
    throw e;
  }
  return { words: acc.words, prefixes: [...acc.prefixes], other: acc.other, digit: acc.digit };
}

/** The run `w` ends (a non-letter follows, or the pattern ends). */
function end(w: string, acc: Acc): void {
  if (w === '') throw new Unsure(); // a match may be empty, or start with anything
  acc.words.add(w);
}

/** A character that is no letter follows the runs `open`. */
function nonLetter(open: Set<string>, acc: Acc, c: string | 'digit' | 'any'): void {
  for (const w of open) {
    if (w !== '') {
      acc.words.add(w);
      continue;
    }
    if (c === 'digit') acc.digit = true;
    else if (c === 'any') acc.other = 'any';
    else if (acc.other !== 'any') acc.other.add(c);
  }
}

function letter(open: Set<string>, c: string): Set<string> {
  if (!safeLetter(c)) throw new Unsure();
  const out = new Set<string>();
  for (const w of open) out.add(w + c.toLowerCase());
  if (out.size > LIMIT) throw new Unsure();
  return out;
}

/** Anything may follow the runs: each is an open prefix. */
function wild(open: Set<string>, acc: Acc): void {
  for (const w of open) {
    if (w === '') throw new Unsure();
    acc.prefixes.add(w);
  }
}

function union(a: Set<string>, b: Set<string>): Set<string> {
  const out = new Set(a);
  for (const x of b) out.add(x);
  if (out.size > LIMIT) throw new Unsure();
  return out;
}

/** The runs still open after `src` (a pattern, maybe with `|`), started from `open`. */
function sequence(src: string, open: Set<string>, acc: Acc): Set<string> {
  const alts = alternativesOf(src);
  if (alts.length > 1) {
    let out = new Set<string>();
    for (const a of alts) out = union(out, sequence(a, open, acc));
    return out;
  }
  let cur = open;
  let i = 0;
  while (i < src.length && cur.size > 0) {
    const { next, end: atomEnd } = atom(src, i, cur, acc);
    const q = quantifier(src, atomEnd);
    if (q === null) {
      cur = next;
      i = atomEnd;
      continue;
    }
    // `?`: absent or once. Other repeats: once, then anything may follow (open prefixes).
    if (src[atomEnd] === '?') cur = union(cur, next);
    else {
      wild(next, acc);
      cur = q.min === 0 ? cur : new Set();
    }
    i = src[q.end] === '?' ? q.end + 1 : q.end;
  }
  return cur;
}

/** One atom at `i`: the runs open after it, and where it ends. */
function atom(src: string, i: number, open: Set<string>, acc: Acc): { next: Set<string>; end: number } {
  const c = src[i]!;
  if (c === '\\') {
    const e = escapeEnd(src, i);
    const body = src.slice(i + 1, e);
    if (body === 'b' || body === 'B') return { next: open, end: e };
    if (body === 'd') {
      nonLetter(open, acc, 'digit');
      return { next: new Set(), end: e };
    }
    if (body === 's') {
      nonLetter(open, acc, 'any');
      return { next: new Set(), end: e };
    }
    if (body.length === 1 && /[^A-Za-z0-9]/.test(body)) return { next: one(open, acc, body), end: e };
    // \p{..}, \w, \u...., backreferences: not spelt.
    wild(open, acc);
    return { next: new Set(), end: e };
  }
  if (c === '[') {
    const e = classEnd(src, i);
    const body = src.slice(i + 1, e - 1);
    if (body.startsWith('^') || body === '') {
      wild(open, acc);
      return { next: new Set(), end: e };
    }
    let next = new Set<string>();
    let j = 0;
    while (j < body.length) {
      let ch = body[j]!;
      if (ch === '\\') {
        const ee = escapeEnd(body, j);
        const b = body.slice(j + 1, ee);
        if (b === 'd') nonLetter(open, acc, 'digit');
        else if (b === 's') nonLetter(open, acc, 'any');
        else if (b.length === 1 && /[^A-Za-z0-9]/.test(b)) next = union(next, one(open, acc, b));
        else {
          wild(open, acc);
        }
        j = ee;
        continue;
      }
      if (body[j + 1] === '-' && j + 2 < body.length) {
        // A range: spelt only when it holds no letter.
        const to = body[j + 2]!;
        if (to === '\\') throw new Unsure();
        for (let k = ch.codePointAt(0)!; k <= to.codePointAt(0)!; k++) {
          if (LETTER.test(String.fromCodePoint(k))) throw new Unsure();
        }
        nonLetter(open, acc, 'any');
        j += 3;
        continue;
      }
      const cp = body.codePointAt(j)!;
      ch = String.fromCodePoint(cp);
      next = union(next, one(open, acc, ch));
      j += ch.length;
    }
    return { next, end: e };
  }
  if (c === '(') {
    const e = groupEnd(src, i);
    if (src[e - 1] !== ')') throw new Unsure();
    if (
      src.startsWith('(?=', i) ||
      src.startsWith('(?!', i) ||
      src.startsWith('(?<=', i) ||
      src.startsWith('(?<!', i)
    )
      return { next: open, end: e };
    let body: string;
    if (src[i + 1] !== '?') body = src.slice(i + 1, e - 1);
    else if (src[i + 2] === ':') body = src.slice(i + 3, e - 1);
    else {
      const named = /^\(\?<([A-Za-z_$][\w$]*)>/.exec(src.slice(i));
      if (!named) throw new Unsure();
      body = src.slice(i + named[0].length, e - 1);
    }
    return { next: sequence(body, open, acc), end: e };
  }
  if (c === '^' || c === '$') return { next: open, end: i + 1 };
  if (c === '.' || c === ')' || c === '|' || c === '*' || c === '+' || c === '?' || c === '{') {
    if (c === '.') {
      wild(open, acc);
      return { next: new Set(), end: i + 1 };
    }
    throw new Unsure();
  }
  const cp = src.codePointAt(i)!;
  const ch = String.fromCodePoint(cp);
  return { next: one(open, acc, ch), end: i + ch.length };
}

/** One literal character. */
function one(open: Set<string>, acc: Acc, ch: string): Set<string> {
  if (LETTER.test(ch)) return letter(open, ch);
  if (/^\d$/.test(ch)) {
    for (const w of open) if (w !== '') acc.words.add(w);
    if (open.has('')) {
      if (acc.other !== 'any') acc.other.add(ch);
    }
    return new Set();
  }
  nonLetter(open, acc, ch);
  return new Set();
}

/**
 * The first position at or after `from` where a match of a pattern with the leading words `lw`
 * may start (the start of a letter run that spells, lower-cased, one of the words or starts
 * with a prefix; a digit; another character a match may start with), and the end of the run
 * or character there; null when there is none. A match of the pattern must not start inside
 * a run of letters (its source forbids a letter before its start): the caller goes on from
 * the end of the run.
 */
export function nextStart(lw: LeadingWords, text: string, from: number): [number, number] | null {
  const n = text.length;
  const { maxLen, first } = indexOf(lw);
  let i = from;
  while (i < n) {
    const c = text.charCodeAt(i);
    let w = letterWidth(text, i, c);
    if (w === 0) {
      // No letter: a digit, or another character a match may start with.
      const cp = c >= 0xd800 && c <= 0xdbff ? text.codePointAt(i)! : c;
      const len = cp > 0xffff ? 2 : 1;
      if (cp >= 0x30 && cp <= 0x39 && lw.digit) {
        // A match starts at no digit right after a digit (the caller's source says so too).
        let j = i + 1;
        while (j < n && text.charCodeAt(j) >= 0x30 && text.charCodeAt(j) <= 0x39) j++;
        return [i, j];
      }
      if (lw.other === 'any' || (lw.other.size > 0 && lw.other.has(String.fromCodePoint(cp))))
        return [i, i + len];
      i += len;
      continue;
    }
    // A run of letters: its end, and whether a letter of it may fold unlike its lower case.
    let unsafe = c >= 0x250 || c === 0x17f || c === 0x130;
    let j = i + w;
    while (j < n) {
      const d = text.charCodeAt(j);
      w = letterWidth(text, j, d);
      if (w === 0) break;
      if (d >= 0x250 || d === 0x17f || d === 0x130) unsafe = true;
      j += w;
    }
    if (unsafe) return [i, j];
    if (first[c] === 0) {
      i = j;
      continue;
    }
    if (j - i <= maxLen && lw.words.has(text.slice(i, j).toLowerCase())) return [i, j];
    if (lw.prefixes.length > 0) {
      const word = text.slice(i, j).toLowerCase();
      if (lw.prefixes.some((p) => word.startsWith(p))) return [i, j];
    }
    i = j;
  }
  return null;
}

/** Letters (`\p{L}`) among the first code points: a table, built once. */
const LATIN = new Uint8Array(0x250).map((_, k) => (LETTER.test(String.fromCharCode(k)) ? 1 : 0));

/** The length (in code units) of the letter at `i` (char code `c`), or 0 if it is none. */
function letterWidth(text: string, i: number, c: number): number {
  if (c < 0x250) return LATIN[c]!;
  const cp = text.codePointAt(i)!;
  if (!LETTER.test(String.fromCodePoint(cp))) return 0;
  return cp > 0xffff ? 2 : 1;
}

const indexes = new WeakMap<LeadingWords, { maxLen: number; first: Uint8Array }>();

/** The longest word, and which char codes below U+0250 a word or prefix may start with. */
function indexOf(lw: LeadingWords): { maxLen: number; first: Uint8Array } {
  let ix = indexes.get(lw);
  if (ix === undefined) {
    let maxLen = 0;
    for (const w of lw.words) maxLen = Math.max(maxLen, w.length);
    const starts = new Set([...lw.words, ...lw.prefixes].map((w) => w[0]));
    const first = new Uint8Array(0x250).map((_, k) =>
      starts.has(String.fromCharCode(k).toLowerCase()) ? 1 : 0,
    );
    ix = { maxLen, first };
    indexes.set(lw, ix);
  }
  return ix;
}
