/**
 * Stage 2 of the generic extractor, after Readability.js: every text block of 25 units or more
 * credits its ancestors (its container fully, the grandparent half, further ancestors less) with
 * a score from its length and commas; each container starts from its tag and class/id hints and
 * is discounted by its link density and, when little of its text is in long free-standing prose
 * runs (a column of classifieds or titled briefs), by that share. The best container is then widened when the article is
 * split into parts: a common ancestor of several strong candidates, a parent scoring about as
 * well, siblings that look like more of the same article.
 */
import type { AnyNode, Element } from 'domhandler';
import { NEGATIVE, POSITIVE } from './content-hints.ts';
import { BLOCK_TAGS, contains, isElement } from './html-text.ts';
import { isProse, type PageText, statsOf, type TextBlock } from './text-blocks.ts';

export type Scores = Map<Element, number>;

/** Blocks whose owner is the paragraph itself: the score starts at the owner's parent. */
const PARAGRAPH_LIKE = new Set(['p', 'pre', 'blockquote', 'td', 'dd', 'li', 'dt', 'th', 'address']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

export function classWeight(el: Element): number {
  let w = 0;
  const cls = el.attribs?.class;
  const id = el.attribs?.id;
  if (cls) {
    if (NEGATIVE.test(cls)) w -= 25;
    if (POSITIVE.test(cls)) w += 25;
  }
  if (id) {
    if (NEGATIVE.test(id)) w -= 25;
    if (POSITIVE.test(id)) w += 25;
  }
  if (el.attribs?.itemprop === 'articleBody') w += 25;
  return w;
}

function initialScore(el: Element): number {
  let s = 0;
  switch (el.name) {
    case 'div':
    case 'article':
    case 'main':
    case 'section':
      s = 5;
      break;
    case 'pre':
    case 'td':
    case 'blockquote':
      s = 3;
      break;
    case 'address':
    case 'ol':
    case 'ul':
    case 'dl':
    case 'dd':
    case 'dt':
    case 'li':
    case 'form':
      s = -3;
      break;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
    case 'th':
      s = -5;
      break;
  }
  return s + classWeight(el);
}

/** True when `el` has exactly one element child and no text of its own. */
function wrapsOnly(el: Element): boolean {
  let elements = 0;
  for (const c of el.children ?? []) {
    if (c.type === 'text') {
      if ((c as unknown as { data: string }).data.trim()) return false;
    } else if (isElement(c) && ++elements > 1) return false;
  }
  return elements === 1;
}

function hasBlockChild(el: Element): boolean {
  for (const c of el.children ?? [])
    if (isElement(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br') return true;
  return false;
}

export function linkDensity(page: PageText, el: Element): number {
  const st = statsOf(page, el);
  return st.units ? st.linkUnits / st.units : 0;
}

/** Scores every container that holds text blocks. */
export function scoreContainers(page: PageText): Scores {
  const scores: Scores = new Map();
  // Blocks per owner: a div (or a table cell) holding several runs of text between <br>s is
  // the container of those paragraphs, as Readability makes it by turning the runs into <p>s.
  const runs = new Map<Element, number>();
  for (const b of page.blocks) if (b.units >= 25) runs.set(b.owner, (runs.get(b.owner) ?? 0) + 1);
  for (const b of page.blocks) {
    if (b.units < 25) continue;
    const owner = b.owner;
    if (HEADINGS.has(owner.name)) continue;
    // List items count only when they read like prose (lists of links are navigation).
    if (owner.name === 'li' && !isProse(b)) continue;
    const cell = owner.name === 'td' || owner.name === 'th';
    const container =
      (runs.get(owner) ?? 0) >= 2 && (cell || !PARAGRAPH_LIKE.has(owner.name))
        ? true
        : !PARAGRAPH_LIKE.has(owner.name) && hasBlockChild(owner);
    let start: AnyNode | null = container ? owner : owner.parent;
    if (!isElement(start)) continue;
    // A table row of one cell is a paragraph (old sites write one paragraph per row): the
    // score starts at the table body that holds the rows.
    if (!container && start.name === 'tr' && isElement(start.parent) && wrapsOnly(start))
      start = start.parent;
    const linkShare = b.units ? b.linkUnits / b.units : 0;
    const score = (1 + b.commas + Math.min(Math.floor(b.units / 100), 3)) * (1 - linkShare);
    let ancestor: AnyNode | null = start;
    for (let level = 0; level < 5 && isElement(ancestor); level++) {
      const a: Element = ancestor;
      if (a.name === 'html') break;
      if (!scores.has(a)) scores.set(a, initialScore(a));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, (scores.get(a) ?? 0) + score / divider);
      ancestor = a.parent;
    }
  }
  const runs2 = runQuality(page, scores);
  for (const [el, s] of scores) {
    let w = 1 - linkDensity(page, el);
    // A column of short items (classifieds, briefs: a title line over a blurb) scores by the
    // number of its items; a body by its long runs of prose. Below half its text in such runs,
    // a container is discounted, down to a tenth with none.
    const q = runs2.get(el);
    if (s > 0 && q && q.units >= MIN_RUN_TEXT) w *= Math.min(1, 0.1 + 1.8 * (q.prose / q.units));
    scores.set(el, s * w);
  }
  return scores;
}

/** A run of text this long (units) that reads as prose, with no title line over it, is a paragraph. */
const LONG_RUN = 100;
/** A line this short without sentence punctuation is a title, a label or a kicker. */
const TITLE_LINE = 80;
/** The discount applies to containers holding this much text in runs (units). */
const MIN_RUN_TEXT = 300;

export interface RunQuality {
  /** Units of the runs of text (blocks of 10 units or more) under the container. */
  units: number;
  /** Of which in free-standing long prose runs: paragraphs, not the blurbs of titled items. */
  prose: number;
}

function titleLine(b: TextBlock): boolean {
  return b.units < TITLE_LINE && (b.sentences === 0 || b.linkUnits >= b.units * 0.8);
}

/** A run of 100 units or more that reads as prose, with few links. */
function proseRun(b: TextBlock | undefined): boolean {
  return !!b && b.units >= LONG_RUN && isProse(b) && b.linkUnits <= b.units * 0.1;
}

/** A prose run between two title lines (a title line before it, another after it or the end). */
function titledBlurb(blocks: readonly TextBlock[], i: number): boolean {
  const before = blocks[i - 1];
  const after = blocks[i + 1];
  return proseRun(blocks[i]) && !!before && titleLine(before) && (!after || titleLine(after));
}

/**
 * A free-standing long run of prose: not the blurb of an item in a column of titled items
 * (title, blurb, title, blurb: a titled blurb next to another one).
 */
function longRun(blocks: readonly TextBlock[], i: number): boolean {
  if (!proseRun(blocks[i])) return false;
  if (!titledBlurb(blocks, i)) return true;
  return !(titledBlurb(blocks, i - 2) || titledBlurb(blocks, i + 2));
}

/**
 * The share of a text's runs (blocks of 10 units or more) held in free-standing long prose
 * runs: near 1 for a body of paragraphs, near 0 for a column of short or titled items.
 */
export function longRunShare(blocks: readonly TextBlock[]): number {
  const runs = blocks.filter((b) => b.units >= 10);
  let units = 0;
  let long = 0;
  for (let i = 0; i < runs.length; i++) {
    units += runs[i]!.units;
    if (longRun(runs, i)) long += runs[i]!.units;
  }
  return units ? long / units : 0;
}

/** Runs of text and long prose runs under each scored container (one walk up per block). */
export function runQuality(page: PageText, scores: Scores): Map<Element, RunQuality> {
  const out = new Map<Element, RunQuality>();
  const blocks = page.blocks.filter((b) => b.units >= 10);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const long = longRun(blocks, i);
    for (let a: AnyNode | null = b.owner; isElement(a); a = a.parent) {
      if (a.name === 'body' || a.name === 'html') break;
      if (!scores.has(a)) continue;
      let q = out.get(a);
      if (!q) {
        q = { units: 0, prose: 0 };
        out.set(a, q);
      }
      q.units += b.units;
      if (long) q.prose += b.units;
    }
  }
  return out;
}

function elementChildren(el: Element): Element[] {
  return (el.children ?? []).filter(isElement);
}

/** The container with the best score, widened to the article's extent; null when nothing scores. */
export function topCandidate(scores: Scores): Element | null {
  let best: Element | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const ranked: Array<[Element, number]> = [];
  for (const [el, s] of scores) {
    ranked.push([el, s]);
    if (s > bestScore) {
      bestScore = s;
      best = el;
    }
  }
  if (!best || bestScore <= 0) return null;
  ranked.sort((a, b) => b[1] - a[1]);
  // Several strong candidates under one ancestor: the ancestor is the article.
  const alternatives = ranked
    .slice(1, 6)
    .filter(([, s]) => s / bestScore >= 0.75)
    .map(([el]) => el);
  if (alternatives.length >= 3) {
    let parent: AnyNode | null = best.parent;
    while (isElement(parent) && parent.name !== 'body') {
      const p: Element = parent;
      if (alternatives.filter((alt) => alt !== p && contains(p, alt)).length >= 3) {
        best = p;
        break;
      }
      parent = p.parent;
    }
  }
  // Climb while the parent scores about as well (the article is split into sections).
  let parent: AnyNode | null = best.parent;
  let lastScore = scores.get(best) ?? 0;
  const threshold = lastScore / 3;
  while (isElement(parent) && parent.name !== 'body') {
    const ps = scores.get(parent);
    if (ps === undefined) {
      parent = parent.parent;
      continue;
    }
    if (ps < threshold) break;
    if (ps > lastScore) {
      best = parent;
      break;
    }
    lastScore = ps;
    parent = parent.parent;
  }
  // A lone child is no better than its parent.
  while (isElement(best.parent) && best.parent.name !== 'body' && elementChildren(best.parent).length === 1) {
    best = best.parent;
  }
  return best;
}

/**
 * Where the story is in document order: from its headline (the first `<h1>` that repeats the
 * page's title) to the next `<h1>` (another story below it), or null when the page has no such
 * headline.
 */
export interface StorySpan {
  start: number;
  end: number;
  /** The story's headline element. */
  h1: Element;
}

export function storySpan(page: PageText, headlines: readonly string[]): StorySpan | null {
  const heads = headlines.map((h) => h.toLowerCase()).filter((h) => h.length >= 8);
  if (!heads.length) return null;
  const h1s = page.elements.filter((el) => el.name === 'h1');
  const textOf = new Map<Element, string>();
  for (const b of page.blocks)
    if (b.owner.name === 'h1') textOf.set(b.owner, `${textOf.get(b.owner) ?? ''} ${b.text}`);
  const i = h1s.findIndex((h) => {
    const t = (textOf.get(h) ?? '').trim().toLowerCase();
    return t.length >= 8 && heads.some((x) => x === t || x.includes(t) || t.includes(x));
  });
  if (i < 0) return null;
  const next = h1s[i + 1];
  return {
    start: statsOf(page, h1s[i]!).first,
    end: next ? statsOf(page, next).first - 1 : Number.POSITIVE_INFINITY,
    h1: h1s[i]!,
  };
}

/** Outside the story span: wholly before its headline or wholly after the next one. */
export function outsideStory(page: PageText, el: Element, span: StorySpan | null): boolean {
  if (!span) return false;
  const st = statsOf(page, el);
  return st.last < span.start || st.first > span.end;
}

/** Containers wholly outside the story span score half. */
export function weighByPosition(page: PageText, scores: Scores, span: StorySpan | null): void {
  if (!span) return;
  for (const [el, s] of scores) if (s > 0 && outsideStory(page, el, span)) scores.set(el, s * 0.5);
}

/** class/id of a byline or date line (several languages). */
export const BYLINE =
  /byline|author|autor|auteur|writer|reporter|dateline|timestamp|publish|firma|assinatura|(?:^|[\s_-])(?:date|meta)(?:$|[\s_-])/i;

/**
 * A part of a body split over sibling containers (an unnamed `<div>` between two ad slots):
 * its own paragraphs (children of it, two of 80+ units or 200 units of prose, few links)
 * carry most of its prose. Such a part is never judged whole by the conditional clean (a newsletter form or a
 * figure inside it is judged on its own), as the body's root is not.
 */
export function bodyPart(page: PageText, el: Element): boolean {
  if (el.name !== 'div' && el.name !== 'section') return false;
  if (classWeight(el) < 0) return false;
  const st = statsOf(page, el);
  if (st.prose < 120 || st.linkUnits > st.units * 0.1) return false;
  let own = 0;
  let n = 0;
  for (const c of el.children ?? []) {
    if (!isElement(c) || c.name !== 'p') continue;
    const cs = page.stats.get(c);
    if (!cs || cs.prose < 80 || cs.linkUnits > cs.units * 0.2) continue;
    own += cs.prose;
    n++;
  }
  return n >= 1 && own >= 120 && own >= st.prose * 0.5;
}

/** A `<p>` child of `el` holding 80 units of prose and no field (a paragraph of its own). */
function ownParagraph(page: PageText, el: Element): boolean {
  for (const c of el.children ?? []) {
    if (!isElement(c) || c.name !== 'p') continue;
    const cs = page.stats.get(c);
    if (cs && cs.prose >= 80 && cs.inputs === 0) return true;
  }
  return false;
}

/** The top candidate plus siblings that look like more of the same article. */
export function gatherSiblings(
  page: PageText,
  top: Element,
  scores: Scores,
  span: StorySpan | null = null,
): Element[] {
  const parent = top.parent;
  if (!isElement(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs?.class ?? '';
  const topProse = statsOf(page, top).prose;
  const out: Element[] = [];
  const topFirst = statsOf(page, top).first;
  const topOwnParagraphs = bodyPart(page, top);
  // The end of the article among the siblings: a navigation or a footer, or a form box
  // (previous / next links, a sign-up under the post). Body parts are gathered before it only.
  const kids = elementChildren(parent);
  let end = kids.length;
  for (let i = kids.indexOf(top) + 1; i < kids.length; i++) {
    const k = kids[i]!;
    const st = page.stats.get(k);
    if (k.name === 'nav' || k.name === 'footer' || (st && st.inputs > 0 && !ownParagraph(page, k))) {
      end = i;
      break;
    }
  }
  // What stands between the headline and the byline is the header (kicker, dek), not body:
  // the last short block named as a byline or a date before the top candidate marks its end.
  let headerEnd = -1;
  for (const sib of elementChildren(parent)) {
    if (sib === top) break;
    const st = page.stats.get(sib);
    if (
      st &&
      st.units > 0 &&
      st.units < 150 &&
      BYLINE.test(`${sib.attribs?.class ?? ''} ${sib.attribs?.id ?? ''}`)
    )
      headerEnd = st.first;
  }
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    if (!page.stats.has(sib)) continue; // excluded
    if (statsOf(page, sib).first < headerEnd) continue;
    // Between the headline and the top candidate: an intro wrapped in its own block ("the
    // six tools our cooks use", before the list of items), when it reads as running text.
    if (span) {
      const st = statsOf(page, sib);
      if (
        st.first > span.start &&
        st.first < topFirst &&
        st.prose >= 80 &&
        (st.p > 0 || st.paragraphs > 0) &&
        st.li === 0 &&
        st.img === 0 &&
        st.prose >= st.units * 0.95 &&
        st.linkUnits < st.units * 0.25
      ) {
        out.push(sib);
        continue;
      }
    }
    if (outsideStory(page, sib, span) && !outsideStory(page, top, span)) continue;
    // The cells of a layout row are columns (navigation, the story, classified ads), not parts.
    if ((sib.name === 'td' || sib.name === 'th') && !(topClass && sib.attribs?.class === topClass)) continue;
    const sameClass = !!topClass && sib.attribs?.class === topClass;
    const bonus = sameClass ? topScore * 0.2 : 0;
    const s = scores.get(sib);
    // A class hint alone does not make a sibling part of the article: it needs prose of its own.
    const prose = statsOf(page, sib).prose;
    const enoughProse = sameClass ? prose >= 40 : prose >= Math.min(300, topProse * 0.1);
    if (s !== undefined && s + bonus >= threshold && enoughProse) {
      out.push(sib);
      continue;
    }
    // A part of a body cut into unnamed siblings (by ad slots, a rail): a container whose own
    // paragraphs carry its text, as the top candidate's do, and scored low only for being short.
    if (
      topOwnParagraphs &&
      kids.indexOf(sib) < end &&
      bodyPart(page, sib) &&
      statsOf(page, sib).linkUnits < statsOf(page, sib).units * 0.05
    ) {
      out.push(sib);
      continue;
    }
    if (PARAGRAPH_LIKE.has(sib.name) || sib.name === 'div') {
      const st = statsOf(page, sib);
      const ld = st.units ? st.linkUnits / st.units : 0;
      if (
        (st.units > 80 && ld < 0.25 && st.prose > 0) ||
        (st.units > 0 && st.units <= 80 && ld === 0 && st.sentences > 0)
      ) {
        if (sib.name !== 'div' || !hasBlockChild(sib)) out.push(sib);
      }
    }
  }
  return withSandwiched(page, parent, out);
}

/**
 * The siblings between two gathered parts that are a subheading or a list of plain items
 * (a page builder writes each of them as a widget of its own: Elementor's `widget-heading`,
 * `widget-icon-list` between `widget-text-editor`s): part of the article, in document order.
 */
function withSandwiched(page: PageText, parent: Element, parts: Element[]): Element[] {
  if (parts.length < 2) return parts;
  const kids = elementChildren(parent);
  const at = parts.map((p) => kids.indexOf(p)).filter((i) => i >= 0);
  const from = Math.min(...at);
  const to = Math.max(...at);
  const chosen = new Set(parts);
  let added = false;
  for (let i = from + 1; i < to; i++) {
    const sib = kids[i]!;
    if (chosen.has(sib) || !page.stats.has(sib)) continue;
    const st = statsOf(page, sib);
    if (st.units === 0 || st.linkUnits > 0 || st.inputs + st.buttons > 0 || st.embeds > 0) continue;
    const subheading = st.units < 150 && st.prose === 0 && holdsHeading(sib);
    const plainList = st.li >= 2 && st.img === 0 && st.prose <= st.units * 0.5;
    if (subheading || plainList) {
      chosen.add(sib);
      added = true;
    }
  }
  return added ? kids.filter((k) => chosen.has(k)) : parts;
}

/** A subheading (h2-h6) under `el` (an iterative walk). */
export function holdsHeading(el: Element): boolean {
  const stack: AnyNode[] = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (HEADINGS.has(n.name) && n.name !== 'h1') return true;
    stack.push(...(n.children ?? []));
  }
  return false;
}
