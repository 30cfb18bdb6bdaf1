/**
 * The one compromise parse of an article, shared by every extraction rule: sentences with
 * their character offsets in `text` and their paragraph, and the compromise document itself.
 * Rules must not parse the whole text again (the bench holds extraction to 2x a bare parse).
 */
import { matchAll } from './match-all.ts';
import { englishParser, type NlpDoc, type Parser } from './parser.ts';

export type { NlpDoc };

export interface Sentence {
  /** Position in the article, 0-based. */
  index: number;
  /** Paragraph number, 0-based (paragraphs are separated by a blank line). */
  paragraph: number;
  /** Verbatim text of the sentence, as it stands in `text[start:end]`. */
  text: string;
  start: number;
  end: number;
  /** A paragraph of one short sentence with no final punctuation: a subheading. */
  isHeading: boolean;
  /**
   * A line of a list: it opens with a bullet or an item number ("- ", "• ", "* ", "3. ", "2) "),
   * or it follows, in its paragraph, a line that ends in a colon ("Police seized:" and one
   * figure a line, as a <br>-separated list reads in the text).
   */
  listItem?: boolean;
}

export interface ParsedText {
  title: string | null;
  text: string;
  /** ISO date or timestamp the article was published, for resolving relative dates. */
  published: string | null;
  /** The article's address, when known: its country hints at how it writes numbers. */
  url?: string | null;
  sentences: Sentence[];
  /** compromise document of `text` (one parse, reused). */
  doc: NlpDoc;
}

/** Parse with the parser of a RuleSet (`rules.parser`; default: English). */
/** A figure's unit and a full stop before the next sentence ("39.97 kg. Moreover"). */
const UNIT_STOP = /(?<=\d\s?(?:kg|kgs|g|mg|lbs?|oz|t)\.)(?=\s+\p{Lu}\p{Ll})/gu;

export function parseText(
  input: {
    title: string | null;
    text: string;
    published: string | null;
    url?: string | null;
  },
  rules: { parser: Parser; seizures?: { months: ReadonlyMap<string, number> } } = { parser: englishParser },
): ParsedText {
  const { text } = input;
  const doc = rules.parser.parse(text);
  const json = (doc.json as (o: object) => unknown)({ offset: true, terms: false }) as Array<{
    offset: { start: number; length: number };
  }>;
  const paragraphStarts: number[] = [0];
  for (const m of text.matchAll(/\n\s*\n/g)) paragraphStarts.push(m.index + m[0].length);
  const paragraphOf = (pos: number): number => {
    let p = 0;
    while (p + 1 < paragraphStarts.length && paragraphStarts[p + 1]! <= pos) p++;
    return p;
  };
  const sentences: Sentence[] = [];
  const push = (start: number, end: number) => {
    // compromise offsets can include surrounding whitespace; keep the verbatim core.
    while (start < end && /\s/.test(text[start]!)) start++;
    while (end > start && /\s/.test(text[end - 1]!)) end--;
    if (end <= start) return;
    sentences.push({
      index: sentences.length,
      paragraph: paragraphOf(start),
      text: text.slice(start, end),
      start,
      end,
      isHeading: false,
    });
  };
  for (const s of json) {
    const start = s.offset.start;
    const end = start + s.offset.length;
    // "... a total of 39.97 kg. Moreover, ...": the parser reads the unit's dot as an
    // abbreviation; a unit, a dot and a capitalised word end a sentence.
    let from = start;
    for (const m of matchAll(text.slice(start, end), UNIT_STOP)) {
      const cut = start + m.index + m[0].length;
      push(from, cut);
      from = cut;
    }
    push(from, end);
  }
  joinOrdinalDates(text, sentences, rules.seizures?.months);
  splitListLines(text, sentences);
  const perParagraph = new Map<number, number>();
  for (const s of sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  for (const s of sentences) {
    s.isHeading =
      perParagraph.get(s.paragraph) === 1 && !/[.!?"'”’)]$/.test(s.text) && s.text.split(/\s+/).length <= 14;
  }
  return { title: input.title, text, published: input.published, url: input.url ?? null, sentences, doc };
}

/** The bullet or item number that opens a list line. */
const LIST_MARK = /^[ \t]*(?:[-•*·▪◦‣–](?=[ \t]*\S)|\(?\d{1,2}[.)](?=[ \t]+\S))/u;
const COLON_END = /:[ \t]*$/;

/**
 * The parser runs the lines of a list into one sentence ("... include:\n• 1.2 kg of X\n• 486
 * Y tablets"): each list line is a sentence of its own, marked `listItem`. A line is a list
 * line when it opens with a bullet or an item number, or when an earlier line of its paragraph
 * ends in a colon (the lead of the list).
 */
function splitListLines(text: string, sentences: Sentence[]): void {
  if (!text.includes('\n')) return;
  const lineStart = (pos: number) => text.lastIndexOf('\n', pos - 1) + 1;
  const lineEnd = (pos: number) => {
    const e = text.indexOf('\n', pos);
    return e < 0 ? text.length : e;
  };
  /** An earlier line of the paragraph of `pos` ends in a colon. */
  const afterLead = (pos: number): boolean => {
    let ls = lineStart(pos);
    while (ls > 0) {
      const prevStart = lineStart(ls - 1);
      const line = text.slice(prevStart, ls - 1);
      if (!line.trim()) return false;
      if (COLON_END.test(line)) return true;
      ls = prevStart;
    }
    return false;
  };
  const isItemLine = (pos: number) =>
    LIST_MARK.test(text.slice(lineStart(pos), lineEnd(pos))) || afterLead(pos);
  const out: Sentence[] = [];
  for (const s of sentences) {
    const cuts: number[] = [];
    for (let p = text.indexOf('\n', s.start); p >= 0 && p < s.end; p = text.indexOf('\n', p + 1)) {
      const before = text.slice(lineStart(p), p);
      if (isItemLine(p + 1) || LIST_MARK.test(before) || COLON_END.test(before)) cuts.push(p);
    }
    let from = s.start;
    for (const c of [...cuts, s.end]) {
      let a = from;
      let b = c;
      while (a < b && /\s/.test(text[a]!)) a++;
      while (b > a && /\s/.test(text[b - 1]!)) b--;
      // A bullet the parser left at the end of the line before belongs to the next line.
      if (c !== s.end) {
        const tail = /\n[ \t]*[-•*·▪◦‣–]$/u.exec(text.slice(a, b));
        if (tail) b = a + tail.index;
      }
      // A bullet the parser left out of the line it opens ("Police found:\n- 2 kg").
      const lead = text.slice(lineStart(a), a);
      if (a < b && /^[ \t]*[-•*·▪◦‣–][ \t]*$/u.test(lead)) a = lineStart(a) + lead.search(/\S/);
      if (b > a) {
        const piece: Sentence = { ...s, text: text.slice(a, b), start: a, end: b };
        if (isItemLine(a)) piece.listItem = true;
        out.push(piece);
      }
      from = c + 1;
    }
  }
  // A lone bullet the parser cut off: joined to the line it opens.
  const merged: Sentence[] = [];
  for (const s of out) {
    const last = merged.at(-1);
    if (last && /^[-•*·▪◦‣–]$/u.test(last.text) && last.paragraph === s.paragraph) {
      last.end = s.end;
      last.text = text.slice(last.start, last.end);
      last.listItem = true;
      continue;
    }
    merged.push(s);
  }
  sentences.splice(0, sentences.length, ...merged);
  sentences.forEach((s, i) => {
    s.index = i;
  });
}

const ORDINAL_END = /(?:^|[\s(])\d{1,2}\.$/;

/**
 * "Am 3. Februar stellte der Zoll ...": the parser ends a sentence at the dot of a German
 * ordinal day. A sentence that ends in a day number and a dot, followed in its paragraph by one
 * that opens with a month name of the article's language (calendar.yaml), is one sentence.
 */
function joinOrdinalDates(
  text: string,
  sentences: Sentence[],
  months: ReadonlyMap<string, number> | undefined,
): void {
  if (!months) return;
  for (let i = sentences.length - 2; i >= 0; i--) {
    const a = sentences[i]!;
    const b = sentences[i + 1]!;
    if (a.paragraph !== b.paragraph || !ORDINAL_END.test(a.text)) continue;
    const first = /^\p{L}+/u.exec(b.text)?.[0];
    if (!first || !months.has(first.toLowerCase())) continue;
    a.end = b.end;
    a.text = text.slice(a.start, a.end);
    sentences.splice(i + 1, 1);
  }
  sentences.forEach((s, i) => {
    s.index = i;
  });
}
