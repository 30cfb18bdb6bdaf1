/**
 * What one parse of untrusted markup may build, counted as the parser builds it (not estimated
 * from the raw text, which `/` inside attribute values, comments or CDATA can fool): nesting
 * depth, nodes, the sum of every node's depth (what any walk from a node to the root costs in
 * total), attributes, and a time budget. The scrape stage (src/scrape/load.ts) counts the DOM
 * htmlparser2 builds; the feed stage (src/feeds/xml-scan.ts) counts the XML tokens before
 * xml2js builds anything. Over a limit, `fail` throws the stage's own typed error.
 */

export interface ParseLimits {
  /** Deepest element nesting. */
  maxDepth: number;
  /** Nodes (elements, text runs, comments ...). */
  maxNodes: number;
  /**
   * Sum of the depth of every node and of every end tag: bounds any per-node walk up to the
   * root, and the parser's own search of its open elements at each end tag.
   */
  maxAncestry: number;
  /** Attributes over the whole document. */
  maxAttributes: number;
  /** Longest the parse may run, in ms (checked every few thousand tokens). */
  budgetMs: number;
}

export type ParseLimitReason = 'too-deep' | 'too-many-nodes' | 'too-many-attributes' | 'too-slow';

export type FailParse = (reason: ParseLimitReason, message: string, details: Record<string, number>) => never;

/** Tokens between two looks at the clock: cheap enough, and a few ms of work at most. */
const CLOCK_EVERY = 4096;

export class ParseBudget {
  nodes = 0;
  ancestry = 0;
  attributes = 0;
  maxDepthSeen = 0;
  private ticks = 0;
  private readonly deadline: number;

  constructor(
    readonly limits: ParseLimits,
    private readonly fail: FailParse,
    private readonly clock: () => number = performance.now.bind(performance),
  ) {
    this.deadline = clock() + limits.budgetMs;
  }

  /** One node built at `depth` (children of the root are at depth 1). */
  node(depth: number): void {
    if (depth > this.maxDepthSeen) {
      this.maxDepthSeen = depth;
      if (depth > this.limits.maxDepth)
        this.fail('too-deep', `nests elements more than ${this.limits.maxDepth} levels deep`, {
          maxDepth: this.limits.maxDepth,
        });
    }
    if (++this.nodes > this.limits.maxNodes)
      this.fail('too-many-nodes', `has more than ${this.limits.maxNodes} nodes`, {
        maxNodes: this.limits.maxNodes,
      });
    this.addAncestry(depth);
  }

  /** One end tag read at `depth` (the parser searches that many open elements for its match). */
  endTag(depth: number): void {
    this.addAncestry(depth);
  }

  private addAncestry(depth: number): void {
    this.ancestry += depth;
    if (this.ancestry > this.limits.maxAncestry)
      this.fail(
        'too-many-nodes',
        `nests too many nodes too deeply (sum of depths over ${this.limits.maxAncestry})`,
        {
          maxAncestry: this.limits.maxAncestry,
        },
      );
    this.tick();
  }

  attribute(): void {
    if (++this.attributes > this.limits.maxAttributes)
      this.fail('too-many-attributes', `has more than ${this.limits.maxAttributes} attributes`, {
        maxAttributes: this.limits.maxAttributes,
      });
    this.tick();
  }

  /** One token read; looks at the clock now and then. */
  tick(): void {
    if (++this.ticks % CLOCK_EVERY === 0) this.checkTime();
  }

  checkTime(): void {
    if (this.clock() > this.deadline)
      this.fail('too-slow', `took longer than its ${this.limits.budgetMs} ms parse budget`, {
        budgetMs: this.limits.budgetMs,
      });
  }
}
