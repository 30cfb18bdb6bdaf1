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
  const perParagraph = new Map<number, number>();
  for (const s of sentences) perParagraph.set(s.paragraph, (perParagraph.get(s.paragraph) ?? 0) + 1);
  for (const s of sentences) {
    s.isHeading =
      perParagraph.get(s.paragraph) === 1 && !/[.!?"'”’)]$/.test(s.text) && s.text.split(/\s+/).length <= 14;
  }
  return { title: input.title, text, published: input.published, url: input.url ?? null, sentences, doc };
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
