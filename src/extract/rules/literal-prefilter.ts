/**
 * A cheap test that a pattern cannot match a text: words it must match, looked up with
 * `String.prototype.includes` before the regex runs.
 *
 * A non-English sentence is asked about every row of its tables, the English rows included
 * (periods, cues, frames, drugs: some 80 date patterns for French), and nearly all of them
 * fail; each failure is a scan of the sentence by a large case-insensitive unicode regex, and
 * with hundreds of such regexes their compiled code no longer stays in the processor's cache.
 * Most patterns need some plain word: `(?<!\w)last week\b` cannot match a sentence without
 * "last week", `\b(?:this|current) year\b` one without "this year" or "current year".
 *
 * `requiredLiterals(source)` reads the pattern: at the top level of each alternative, runs of
 * plain ASCII characters (letters, digits, space, `,'-`) the match must hold, and groups that
 * must match, whose alternatives each hold one (recursively); lookarounds, classes, escapes,
 * optional parts hold none. It returns the lower-case words of which every match holds at least
 * one, or null when it finds none of at least 3 characters (the pattern then always runs).
 * `foldForLiterals(text)` lower-cases the text the way the `i` and `u` flags compare ASCII
 * letters (U+017F long s is an s, U+212A Kelvin sign a k), so a text a pattern matches always
 * holds one of its words: the prefilter never changes a result, it only skips scans
 * (`tests/unit/literal-prefilter.test.ts` checks every table pattern on the corpus sentences).
 */
import { alternativesOf, classEnd, escapeEnd, groupBody, groupEnd, quantifier } from './regex-source.ts';

const PLAIN = /^[a-z0-9 ,'-]$/i;
const MIN_LITERAL = 3;

/** The lower-case words one of which every match of `source` holds, or null. */
export function requiredLiterals(source: string): string[] | null {
  const alternatives = alternativesOf(source);
  const out = new Set<string>();
  for (const alt of alternatives) {
    const lits = sequenceLiterals(alt);
    if (!lits) return null;
    for (const l of lits) out.add(l);
  }
  return [...out];
}

/** The best set of required words of one alternative (no `|` at its top level), or null. */
function sequenceLiterals(seq: string): string[] | null {
  const candidates: string[][] = [];
  let run = '';
  const flush = () => {
    if (run.length >= MIN_LITERAL) candidates.push([run.toLowerCase()]);
    run = '';
  };
  let i = 0;
  while (i < seq.length) {
    const c = seq[i]!;
    let end: number;
    let body: string | null = null;
    let plain = false;
    if (c === '\\') end = escapeEnd(seq, i);
    else if (c === '[') end = classEnd(seq, i);
    else if (c === '(') {
      end = groupEnd(seq, i);
      body = groupBody(seq, i, end);
    } else {
      end = i + 1;
      plain = PLAIN.test(c);
    }
    const q = quantifier(seq, end);
    const next = q ? q.end : end;
    if (plain && !q) {
      run += c;
    } else {
      flush();
      // A group that must match (not a lookaround, not optional): one of its words is needed.
      if (body !== null && (!q || q.min > 0)) {
        const inner = requiredLiterals(body);
        if (inner) candidates.push(inner);
      }
    }
    i = next;
  }
  flush();
  if (candidates.length === 0) return null;
  // The set whose shortest word is longest filters best.
  const shortest = (s: string[]) => Math.min(...s.map((w) => w.length));
  return candidates.reduce((best, s) => (shortest(s) > shortest(best) ? s : best));
}

/** The text as the prefilter compares it: lower case, U+017F as s (U+212A lower-cases to k). */
export function foldForLiterals(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('\u017f') ? lower.replaceAll('\u017f', 's') : lower;
}

const literalsOf = new WeakMap<RegExp, string[] | null>();

/**
 * False when `re` cannot match the text whose `foldForLiterals` is `folded`; true when it may.
 * The words are read from `re.source` once per regex.
 */
export function mayMatch(re: RegExp, folded: string): boolean {
  let lits = literalsOf.get(re);
  if (lits === undefined) {
    lits = requiredLiterals(re.source);
    literalsOf.set(re, lits);
  }
  if (lits === null) return true;
  for (const l of lits) if (folded.includes(l)) return true;
  return false;
}
