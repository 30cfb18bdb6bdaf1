/**
 * Parses a page with htmlparser2 (cheerio's `cheerio/slim` backend: several times faster than
 * parse5 and, for reading article text, the same result), counting what it builds as it builds
 * it: nesting depth, nodes, attributes and time (src/guards/parse-budget.ts). A page past a
 * limit is refused with a ScrapeError (`details.reason`: too-deep, too-many-nodes,
 * too-many-attributes, too-slow) while it is being parsed, before any extractor walks it.
 *
 * The DOM is the one `cheerio/slim`'s `load(html)` builds (same parser, same default options),
 * handed to cheerio already built.
 */
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';
import { type ChildNode, DomHandler } from 'domhandler';
import { type Handler, Parser } from 'htmlparser2';
import { ScrapeError } from '../errors.ts';
import { type FailParse, ParseBudget, type ParseLimits } from '../guards/parse-budget.ts';

/**
 * Limits of one page. Real pages (../shared/corpus/html, 108 pages up to 1.5 MB) nest at most
 * 51 levels, build at most 7,800 nodes and 6,200 attributes, with a depth sum under 50,000.
 */
export const HTML_LIMITS: Readonly<ParseLimits> = Object.freeze({
  maxDepth: 2000,
  maxNodes: 250_000,
  maxAncestry: 5_000_000,
  maxAttributes: 500_000,
  budgetMs: 5_000,
});

/** Counts every node as domhandler adds it to the tree, at its real depth. */
class CountingDomHandler extends DomHandler {
  constructor(private readonly budget: ParseBudget) {
    super(undefined, {});
  }
  protected override addNode(node: ChildNode): void {
    super.addNode(node);
    // tagStack holds the root and the open elements: a new node's depth is its length.
    this.budget.node(this.tagStack.length);
  }
  override onclosetag(): void {
    super.onclosetag();
    this.budget.tick();
  }
  get depth(): number {
    return this.tagStack.length;
  }
}

/** Counts the tokens that cost the parser work without building a node. */
class CountingParser extends Parser {
  constructor(
    handler: Partial<Handler>,
    private readonly budget: ParseBudget,
    private readonly depthOf: () => number,
  ) {
    super(handler);
  }
  override onclosetag(start: number, endIndex: number): void {
    // htmlparser2 searches its open elements for the end tag's match.
    this.budget.endTag(this.depthOf());
    super.onclosetag(start, endIndex);
  }
  override onattribend(quote: Parameters<Parser['onattribend']>[0], endIndex: number): void {
    this.budget.attribute();
    super.onattribend(quote, endIndex);
  }
}

export interface LoadOptions {
  /** Limits to apply (default {@link HTML_LIMITS}). */
  limits?: Readonly<ParseLimits>;
  /** The page's URL, for the error's details. */
  url?: string | null;
}

/** Parse a page into cheerio. Throws ScrapeError when the page passes a limit. */
export function loadHtml(html: string, options: LoadOptions = {}): CheerioAPI {
  const limits = options.limits ?? HTML_LIMITS;
  const fail: FailParse = (reason, message, details) => {
    throw new ScrapeError(`page ${message}: refused`, {
      details: { url: options.url ?? null, reason, ...details },
    });
  };
  const budget = new ParseBudget(limits, fail);
  const handler = new CountingDomHandler(budget);
  const parser = new CountingParser(handler, budget, () => handler.depth);
  parser.end(html);
  budget.checkTime();
  return load(handler.root);
}
