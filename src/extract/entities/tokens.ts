/**
 * Word tokens of the shared parse and the runs of capitalised words ("chunks") that the entity
 * rules classify as persons, organisations or places. Tokens carry the compromise tags of the
 * term at the same offset, so rules can ask the one parse what it thinks of a word.
 */
import { matchAll } from '../match-all.ts';
import type { ParsedText } from '../parse.ts';
import type { Parser } from '../parser.ts';

export interface Token {
  /** The word, without a possessive "'s". */
  text: string;
  /** Offsets in the article text (`end` excludes a possessive). */
  start: number;
  end: number;
  sentence: number;
  /** Index in the sentence's token list. */
  index: number;
  /** Reads as a proper-name word: capitalised, not a common word capitalised by position. */
  name: boolean;
  allCaps: boolean;
  possessive: boolean;
  /** Text between the previous token (or the sentence start) and this one. */
  gapBefore: string;
  tags: ReadonlySet<string>;
}

export interface Chunk {
  tokens: Token[];
  sentence: number;
  start: number;
  end: number;
  text: string;
}

// An elided article or preposition before a name is a word of its own: "d’Anvers", "l’Europe"
// (French, also Italian and Portuguese "d'Oeste") name Anvers and Europe.
const TOKEN =
  /(?<![\p{L}\p{M}])(?:[dlDL]|[Qq]u)['’](?=\p{Lu})|(?:\p{Lu}\.){2,}|\p{Lu}\.(?=\s+\p{Lu})|[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’][\p{L}\p{M}]+)*|\d+(?:[.,]\d+)*/gu;

const EMPTY: ReadonlySet<string> = new Set();

/** Web addresses, e-mail addresses, handles and hashtags: their words are never names. */
const ADDRESS =
  /\b(?:https?:\/\/|www\.)\S+|\b[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:com|org|net|gov|edu|int|info|news|io|tv|uk)\b(?:\/\S*)?|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?<![\w@])[@#][\p{L}\d_]+/giu;

/** A word the parser knows as a common (non-proper) word. */
export function isCommonWord(word: string, tags: ReadonlySet<string>, parser: Parser): boolean {
  const entry = parser.lexicon(word.toLowerCase());
  const list = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  if (list.some((t) => parser.properTags.includes(t))) return false;
  // The tagger's view of this very word: a first name or a place is no common word.
  if (['FirstName', 'Person', 'Place', 'Country', 'City'].some((t) => tags.has(t))) return false;
  // "Maroc : les douaniers ...": a colon after a word the lexicon lacks makes the tagger call it an
  // expression; that is no evidence of a common word.
  if (parser.functionTags.some((t) => tags.has(t) && !(t === 'Expression' && entry === undefined)))
    return true;
  if (tags.has('Adjective') && !tags.has('Demonym')) return true;
  return entry !== undefined;
}

/**
 * Tokens of every sentence, with the parser's tags attached by offset. `titleConnectors` join
 * a title to a name ("Minister for Policing X").
 */
export function tokenize(
  parsed: ParsedText,
  parser: Parser,
  isTitle: (word: string) => boolean = () => false,
  titleConnectors: ReadonlySet<string> = EMPTY,
  /** Words that are names wherever they stand ("Md." opening a sentence). */
  alwaysName: (word: string) => boolean = () => false,
): Token[][] {
  const tagsAt = new Map<number, ReadonlySet<string>>();
  const doc = parsed.doc;
  (doc as unknown as { compute(name: string): void }).compute('offset');
  const terms = (
    doc as unknown as { termList(): Array<{ offset?: { start: number }; tags: Set<string> }> }
  ).termList();
  for (const t of terms) if (t.offset) tagsAt.set(t.offset.start, t.tags);

  return parsed.sentences.map((s) => {
    const out: Token[] = [];
    let prevEnd = s.start;
    const addresses = matchAll(s.text, ADDRESS).map((m) => [m.index, m.index + m[0].length] as const);
    for (const m of matchAll(s.text, TOKEN)) {
      if (addresses.some(([a, b]) => m.index >= a && m.index < b)) continue;
      let word = m[0];
      const start = s.start + m.index;
      let possessive = false;
      if (/['’]s$/i.test(word) && word.length > 2) {
        word = word.slice(0, -2);
        possessive = true;
      } else if (/^\p{L}+s['’]$/u.test(parsed.text.slice(start, start + word.length + 1))) {
        possessive = true;
      }
      const end = start + word.length;
      const tags = tagsAt.get(start) ?? EMPTY;
      const gapBefore = parsed.text.slice(prevEnd, start);
      const first = /\p{Lu}/u.test(word[0]!);
      const allCaps = word.length > 1 && !/\p{Ll}/u.test(word) && /\p{Lu}/u.test(word);
      const initial = out.length === 0 || /[“"‘'(:—–]\s*$/.test(gapBefore);
      let name = first;
      if (name && allCaps && !word.includes('.') && word.length > 2 && isCommonWord(word, EMPTY, parser))
        name = false;
      else if (name && initial && !allCaps && isCommonWord(word, tags, parser) && !alwaysName(word))
        name = false;
      out.push({
        text: word,
        start,
        end,
        sentence: s.index,
        index: out.length,
        name,
        allCaps,
        possessive,
        gapBefore,
        tags,
      });
      prevEnd = start + m[0].length;
    }
    // A capitalised noun or adjective at the start that runs into a name belongs to it
    // ("Border Force officers", "Federal Police said"), a preposition does not ("After Antwerp").
    // So does a title before "of" / "for" and a name ("Minister for Policing Chris Philp").
    for (let i = 0; i + 1 < out.length; i++) {
      const t = out[i]!;
      let next = out[i + 1]!;
      if (t.name || !/^\p{Lu}\p{Ll}/u.test(t.text) || !/^ $/.test(next.gapBefore)) continue;
      const title = isTitle(t.text);
      if (title && titleConnectors.has(next.text) && out[i + 2]) next = out[i + 2]!;
      if (!next.name) continue;
      if (!title && parser.functionTags.some((x) => t.tags.has(x)) && !t.tags.has('Imperative')) continue;
      // "Selon Jean-Baptiste Morel": a function word of the language's own list is no name either.
      if (!title && isFunctionEntry(parser.lexicon(t.text.toLowerCase()), parser)) continue;
      t.name = true;
    }
    // "Lee Min-ho", "Kim Jae-won": after a name and a space, a short lower-case part after a
    // hyphen is the name's ("Min-ho"), unless the parser knows it as a word ("-led", "-run").
    for (let i = 2; i < out.length; i++) {
      const t = out[i]!;
      const prev = out[i - 1]!;
      if (
        t.gapBefore === '-' &&
        out[i - 2]!.name &&
        /^[ \u00a0]$/.test(prev.gapBefore) &&
        prev.name &&
        !prev.allCaps &&
        /^\p{Lu}\p{Ll}+$/u.test(prev.text) &&
        /^\p{Ll}{2,4}$/u.test(t.text) &&
        parser.lexicon(t.text) === undefined
      )
        t.name = true;
    }
    return out;
  });
}

function isFunctionEntry(entry: string | string[] | undefined, parser: Parser): boolean {
  const list = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  return list.some((x) => parser.functionTags.includes(x));
}

/** Tokens may sit in one name when only spaces or a hyphen part them. */
function joins(gap: string): boolean {
  return /^[ \t\u00a0]+$/.test(gap) || gap === '-';
}

/**
 * Runs of name tokens, joined by spaces, hyphens or `connectors` ("of", "de", "van"); a
 * possessive ends a run. A title connector ("for") joins only after a title.
 */
export function chunksOf(
  tokens: Token[],
  text: string,
  connectors: ReadonlySet<string>,
  titleConnectors: ReadonlySet<string> = EMPTY,
  isTitle: (word: string) => boolean = () => false,
  isAbbreviation: (word: string) => boolean = () => false,
  /** A short lower-case word after a hyphen that belongs to the name before it ("Ka-ming"). */
  isHyphenNamePart: (word: string) => boolean = () => false,
): Chunk[] {
  const chunks: Chunk[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!tokens[i]!.name) {
      i++;
      continue;
    }
    const run: Token[] = [tokens[i]!];
    let j = i + 1;
    while (j < tokens.length && !run[run.length - 1]!.possessive) {
      const t = tokens[j]!;
      // "Lt. Col. Ahmed Benali": an abbreviated title joins across its dot.
      const abbreviated = /^\.\s$/.test(t.gapBefore) && isAbbreviation(run[run.length - 1]!.text);
      if (!joins(t.gapBefore) && !abbreviated) break;
      if (t.name) {
        run.push(t);
        j++;
        continue;
      }
      // "Wong Ka-ming", "Kim Min-jun": a short lower-case part hyphened to a name word.
      if (t.gapBefore === '-' && run[run.length - 1]!.name && isHyphenNamePart(t.text)) {
        run.push(t);
        j++;
        continue;
      }
      // Connectors: "of", "of the", "de la", only when a name word follows.
      // "for" joins only after a title ("Minister for Policing").
      const connector = (w: string) =>
        connectors.has(w) || (titleConnectors.has(w) && isTitle(run[run.length - 1]!.text));
      let k = j;
      while (
        k < tokens.length &&
        !tokens[k]!.name &&
        connector(tokens[k]!.text) &&
        joins(tokens[k]!.gapBefore)
      )
        k++;
      if (k > j && k < tokens.length && tokens[k]!.name && joins(tokens[k]!.gapBefore) && k - j <= 2) {
        for (let x = j; x <= k; x++) run.push(tokens[x]!);
        j = k + 1;
        continue;
      }
      break;
    }
    chunks.push(makeChunk(run, text));
    i = j;
  }
  return chunks;
}

export function makeChunk(tokens: Token[], text: string): Chunk {
  const start = tokens[0]!.start;
  const end = tokens[tokens.length - 1]!.end;
  return { tokens, sentence: tokens[0]!.sentence, start, end, text: text.slice(start, end) };
}
