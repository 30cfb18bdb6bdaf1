/**
 * What the entity rules share while reading one article: its tokens and chunks, the rule
 * tables of its language, the gazetteer, and which tokens an earlier rule has already claimed
 * (an organisation's words are not a person's or a place's).
 */
import type { Gazetteer } from '../../geo/index.ts';
import type { ParsedText } from '../parse.ts';
import type { Parser } from '../parser.ts';
import type { RuleSet } from '../rules/ruleset.ts';
import type { EntityTables } from './tables.ts';
import { type Chunk, chunksOf, type Token, tokenize } from './tokens.ts';

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
}

export function buildContext(parsed: ParsedText, rules: RuleSet): EntityContext {
  const tables = rules.entities;
  const { connectors, titleConnectors } = tables.grammar;
  const isTitle = (w: string) => tables.titleHeads.has(w.toLowerCase());
  const tokens = tokenize(parsed, rules.parser, isTitle, titleConnectors);
  const isAbbreviation = (w: string) => tables.honorifics.has(`${w.toLowerCase()}.`);
  const chunks = tokens.map((t) =>
    chunksOf(t, parsed.text, connectors, titleConnectors, isTitle, isAbbreviation),
  );
  const creditSentences = new Set<number>();
  for (const s of parsed.sentences)
    if (tables.credits.some((re) => re.test(s.text))) creditSentences.add(s.index);
  return {
    parsed,
    text: parsed.text,
    tables,
    parser: rules.parser,
    gaz: rules.gazetteer,
    tokens,
    chunks,
    claimed: new Set(),
    creditSentences,
  };
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
