/**
 * What the entity rules share while reading one article: its tokens and chunks, the rule
 * tables of its language, the gazetteer, and which tokens an earlier rule has already claimed
 * (an organisation's words are not a person's or a place's).
 */
import type { Gazetteer } from '../../geo/index.ts';
import type { ParsedText } from '../parse.ts';
import type { Parser } from '../parser.ts';
import type { RuleSet } from '../rules/ruleset.ts';
import { fastRegExp } from '../rules/word-boundary.ts';
import type { EntityTables } from './tables.ts';
import { type Chunk, chunksOf, makeChunk, type Token, tokenize } from './tokens.ts';

export interface EntityContext {
  parsed: ParsedText;
  text: string;
  tables: EntityTables;
  parser: Parser;
  gaz: Gazetteer;
  /** Tokens per sentence. */
  tokens: Token[][];
  /** Chunks per sentence. */
  chunks: Chunk[][];
  /** Start offsets of tokens claimed by an organisation or a person. */
  claimed: Set<number>;
  /** Sentences that are bylines or credits: no persons are read from them. */
  creditSentences: Set<number>;
  /** Countries named inside organisations' names ("Jamaica Customs"): evidence of the story's country. */
  orgCountries: string[];
  /** The tokens of each organisation found, in text order (places inside them: places.ts). */
  orgSpans: Token[][];
  /** The country the article is about (countries, demonyms, agencies), once places are read. */
  mainCountry: string | null;
  /** A drug or street name of the language's drug table ("Ganja" is also a city): no place. */
  isDrugName: (surface: string) => boolean;
}

export function buildContext(parsed: ParsedText, rules: RuleSet): EntityContext {
  const tables = rules.entities;
  const { connectors, titleConnectors } = tables.grammar;
  const isTitle = (w: string) => tables.isHeadWord(w);
  const tokens = tokenize(parsed, rules.parser, isTitle, titleConnectors, (w) =>
    tables.grammar.nameAbbreviations.has(w.toLowerCase()),
  );
  const isAbbreviation = (w: string) =>
    tables.honorifics.has(`${w.toLowerCase()}.`) || tables.grammar.nameAbbreviations.has(w.toLowerCase());
  const gaz = rules.gazetteer;
  const placeLinks = new Set(tables.grammar.slots.words('place-name-connectors').map((w) => w.toLowerCase()));
  const chunks = tokens.map((t) =>
    joinPossessiveNames(
      joinConnectedPlaceNames(
        joinCountryNames(
          chunksOf(
            t,
            parsed.text,
            connectors,
            titleConnectors,
            isTitle,
            isAbbreviation,
            (w) => /^\p{Ll}{1,5}$/u.test(w) && !tables.grammar.hyphenCompoundWords.has(w),
          ),
          t,
          parsed.text,
          gaz,
          tables.grammar.slots.words('place-list-and'),
        ),
        t,
        parsed.text,
        gaz,
        placeLinks,
      ),
      parsed.text,
      gaz,
    ),
  );
  const creditSentences = new Set<number>();
  for (const s of parsed.sentences)
    if (tables.credits.some((re) => re.test(s.text))) creditSentences.add(s.index);
  return {
    parsed,
    text: parsed.text,
    tables,
    parser: rules.parser,
    gaz,
    tokens,
    chunks,
    claimed: new Set(),
    creditSentences,
    orgCountries: [],
    orgSpans: [],
    mainCountry: null,
    isDrugName: (surface) => drugNameRe(rules).test(surface),
  };
}

const drugNames = new WeakMap<RuleSet, RegExp>();

/** One anchored alternation of the drug table's patterns ("ganja", "crystal meth"). */
function drugNameRe(rules: RuleSet): RegExp {
  let re = drugNames.get(rules);
  if (!re) {
    re = fastRegExp(`^(?:${rules.seizures.drugs.map((d) => `(?:${d.rule.pattern})`).join('|')})$`, 'iu');
    drugNames.set(rules, re);
  }
  return re;
}

/**
 * "Trinidad and Tobago", "Andaman and Nicobar Islands": a country or region whose name holds "and" is one run,
 * also where a longer name continues it ("Trinidad and Tobago Police Service").
 */
function joinCountryNames(
  chunks: Chunk[],
  tokens: Token[],
  text: string,
  gaz: Gazetteer,
  and: string[],
): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const a = chunks[i]!;
    const b = chunks[i + 1];
    const link = b ? tokens.find((t) => t.start >= a.end && t.end <= b.start) : undefined;
    if (
      b &&
      link &&
      and.includes(link.text) &&
      /^\s+$/.test(text.slice(a.end, link.start)) &&
      /^\s+$/.test(text.slice(link.end, b.start))
    ) {
      const joined = b.tokens.findIndex((_t, k) =>
        gaz
          .lookup(text.slice(a.start, b.tokens[k]!.end))
          .some((e) => e.kind === 'country' || e.kind === 'region'),
      );
      if (joined >= 0) {
        out.push(makeChunk([...a.tokens, link, ...b.tokens], text));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "Weil am Rhein", "Freiburg im Breisgau", "Alphen aan den Rijn", "Newcastle upon Tyne": a town
 * named with a lower-case link (entity-grammar.yaml `place-name-connectors`, at most two words) is
 * one run where the gazetteer knows the whole name as a city or region ("Kiel am Dienstag" stays two).
 */
function joinConnectedPlaceNames(
  chunks: Chunk[],
  tokens: Token[],
  text: string,
  gaz: Gazetteer,
  links: ReadonlySet<string>,
): Chunk[] {
  if (links.size === 0) return chunks;
  const out: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const a = chunks[i]!;
    const b = chunks[i + 1];
    if (b) {
      const between = tokens.filter((t) => t.start >= a.end && t.end <= b.start);
      const gap = text.slice(a.end, b.start);
      if (
        between.length > 0 &&
        between.length <= 2 &&
        between.every((t) => links.has(t.text.toLowerCase())) &&
        /^[\s\p{L}]+$/u.test(gap) &&
        gaz
          .lookup(text.slice(a.start, b.tokens[0]!.end))
          .some((e) => e.kind === 'city' || e.kind === 'region')
      ) {
        const head = makeChunk([...a.tokens, ...between, b.tokens[0]!], text);
        out.push(head);
        if (b.tokens.length > 1) out.push(makeChunk(b.tokens.slice(1), text));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

/**
 * "Hawke's Bay", "St Mary’s Bay": a possessive ends a run, unless the possessive and the name right
 * after it spell a city or region the gazetteer knows; then they are one chunk.
 */
function joinPossessiveNames(chunks: Chunk[], text: string, gaz: Gazetteer): Chunk[] {
  const out: Chunk[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const a = chunks[i]!;
    const b = chunks[i + 1];
    const last = a.tokens.at(-1)!;
    if (b && last.possessive && /^['’]s\s$/.test(text.slice(a.end, b.start))) {
      const joined = text.slice(a.start, b.end);
      if (gaz.lookup(joined).some((e) => e.kind === 'city' || e.kind === 'region')) {
        out.push(makeChunk([...a.tokens, ...b.tokens], text));
        i++;
        continue;
      }
    }
    out.push(a);
  }
  return out;
}

export function claim(ctx: EntityContext, tokens: Token[]): void {
  for (const t of tokens) ctx.claimed.add(t.start);
}

export function isClaimed(ctx: EntityContext, t: Token): boolean {
  return ctx.claimed.has(t.start);
}

/** The words of a chunk's tokens as written, joined as in the text. */
export function spanText(ctx: EntityContext, tokens: Token[]): string {
  if (tokens.length === 0) return '';
  return ctx.text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}
