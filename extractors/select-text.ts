/**
 * Helpers the site extractors share: read the body under a root with named junk removed,
 * read a field by a list of selectors.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode } from 'domhandler';
import { blockParagraphs, inlineText, joinParagraphs, normalizeSpace } from '../src/scrape/html-text.ts';

export interface BodyOptions {
  /** Selectors removed from the root before reading (captions, ads, video, share bars ...). */
  remove?: readonly string[];
  /**
   * Block selector read inside the root (e.g. `p, h2`). Each match gives one paragraph, matches
   * nested in another match are skipped. Without it the whole root is walked block by block.
   */
  blocks?: string;
  /** Paragraphs matching any of these are dropped (credits, "Read more" lines ...). */
  dropParagraphs?: readonly RegExp[];
}

/** Paragraphs of the body under `root`, or [] when the root is missing. */
export function bodyParagraphs($: CheerioAPI, root: Cheerio<AnyNode>, options: BodyOptions = {}): string[] {
  if (!root.length) return [];
  // One query for all junk selectors: each separate query would walk the subtree again.
  if (options.remove?.length) root.find(options.remove.join(', ')).remove();
  let paragraphs: string[];
  if (options.blocks) {
    const matches = root.find(options.blocks).toArray();
    const set = new Set<AnyNode>(matches);
    paragraphs = [];
    for (const el of matches) {
      let p = el.parent;
      let nested = false;
      while (p) {
        if (set.has(p)) {
          nested = true;
          break;
        }
        p = p.parent;
      }
      if (nested) continue;
      const t = inlineText($, el);
      if (t) paragraphs.push(t);
    }
  } else {
    paragraphs = blockParagraphs(root.toArray());
  }
  const drop = options.dropParagraphs ?? [];
  return paragraphs.filter((p) => !drop.some((re) => re.test(p)));
}

export function bodyText($: CheerioAPI, root: Cheerio<AnyNode>, options: BodyOptions = {}): string {
  return joinParagraphs(bodyParagraphs($, root, options));
}

/** Inline text of the first element matching any selector (tried in order), or null. */
export function firstText(
  $: CheerioAPI,
  selectors: readonly string[],
  scope?: Cheerio<AnyNode>,
): string | null {
  for (const sel of selectors) {
    const el = (scope?.length ? scope.find(sel) : $(sel)).first();
    if (el.length) {
      const t = inlineText($, el);
      if (t) return t;
    }
  }
  return null;
}

/** Distinct non-empty inline texts of every match, in document order. */
export function allTexts($: CheerioAPI, selector: string, scope?: Cheerio<AnyNode>): string[] {
  const out: string[] = [];
  (scope?.length ? scope.find(selector) : $(selector)).each((_, el) => {
    const t = inlineText($, el);
    if (t && !out.includes(t)) out.push(t);
  });
  return out;
}

export { normalizeSpace };

/** The first element matching the first selector that matches anything (selectors tried in order). */
export function firstMatch($: CheerioAPI, selectors: readonly string[]): Cheerio<AnyNode> {
  for (const sel of selectors) {
    const el = $(sel).first();
    if (el.length) return el;
  }
  return $([]);
}
