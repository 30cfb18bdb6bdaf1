/**
 * Main-text extraction for pages without a site extractor, after Readability.js: score the
 * paragraphs, credit their ancestors, take the best container and its related siblings, then
 * clean it of captions, credits, share bars, video blocks, related-story teasers and footers.
 * Mutates the document it is given: callers pass a fresh parse.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { BLOCK_TAGS, blockParagraphs, descendants, NEVER_TEXT, normalizeSpace } from './html-text.ts';

/** class/id of blocks that are almost never the article. */
const UNLIKELY =
  /-ad-|ai2html|banner|breadcrumb|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|yom-remote|newsletter|subscribe|cookie|consent|share|sharing|outbrain|taboola|recirc|trending|most-popular|mostpopular|read-more|readmore|more-stories|promo|paywall|signup|navbar|topbar|masthead/i;
/** class/id that rescue an unlikely-looking block. */
const MAYBE = /and|article|body|column|content|main|shadow|story|text/i;
const POSITIVE = /article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|paragraph|prose/i;
const NEGATIVE =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|caption|credit|byline|author|newsletter|recommend|teaser|video|gallery|social|timestamp|dateline/i;
/** Blocks removed from the chosen content whatever their score. */
const CONTENT_JUNK =
  /download|attachment|caption|credit|copyright|share|sharing|social|related|recommend|newsletter|signup|subscribe|promo|advert|^ad$|^ads$|-ad-|ad-slot|adslot|ad-container|byline|author-bio|tags|tag-list|topics|breadcrumb|video|player|embed|gallery|slideshow|outbrain|taboola|read-more|readmore|more-on|more-stories|most-read|trending|toolbar|tools|print|comments?$|disclaimer|footnote-ad|inline-ad|sidebar|timestamp|dateline|kicker|image|photo|picture|figure|media/i;
const UNLIKELY_ROLES = new Set([
  'menu',
  'menubar',
  'complementary',
  'navigation',
  'alert',
  'alertdialog',
  'dialog',
  'banner',
  'contentinfo',
  'search',
]);
const STRIP = new Set(
  'script style noscript template svg iframe button input select textarea nav footer aside figure figcaption picture video audio object embed canvas dialog link meta'.split(
    ' ',
  ),
);
const SCORABLE = new Set(['p', 'pre', 'td', 'blockquote', 'section', 'h2', 'h3']);

type Scores = Map<Element, number>;

function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && n.type === 'tag';
}

function classAndId(el: Element): string {
  return `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
}

function textOf(el: AnyNode): string {
  const parts: string[] = [];
  const walk = (n: AnyNode, depth: number): void => {
    if (depth > 150) return;
    if (n.type === 'text') parts.push((n as unknown as { data: string }).data);
    else if (n.type === 'tag') {
      const name = (n as Element).name;
      if (NEVER_TEXT.has(name)) return;
      if (BLOCK_TAGS.has(name)) parts.push(' ');
      for (const c of (n as Element).children) walk(c, depth + 1);
    }
  };
  walk(el, 0);
  return normalizeSpace(parts.join(''));
}

/** Share of an element's text inside links, from raw text lengths in one walk. */
function linkDensity(el: Element): number {
  let total = 0;
  let links = 0;
  const walk = (n: AnyNode, depth: number, weight: number): void => {
    if (depth > 150) return;
    if (n.type === 'text') {
      const len = (n as unknown as { data: string }).data.trim().length;
      total += len;
      links += len * weight;
      return;
    }
    if (n.type !== 'tag') return;
    const e = n as Element;
    if (NEVER_TEXT.has(e.name)) return;
    let w = weight;
    if (e.name === 'a') {
      // In-page anchors count less: they are footnotes, not navigation.
      w = (e.attribs?.href ?? '').startsWith('#') ? 0.3 : 1;
    }
    for (const c of e.children) walk(c, depth + 1, w);
  };
  walk(el, 0, 0);
  return total ? links / total : 0;
}

function classWeight(el: Element): number {
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
  return w;
}

function initialScore(el: Element): number {
  let s = 0;
  switch (el.name) {
    case 'div':
    case 'article':
    case 'main':
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

function hasBlockChild(el: Element): boolean {
  return el.children.some((c) => isElement(c) && BLOCK_TAGS.has(c.name) && c.name !== 'br');
}

/** Removes what can never be content: scripts, navigation, hidden and unlikely blocks. */
function prune($: CheerioAPI): void {
  // One walk instead of several css queries: each query walks the whole page again.
  const doomed: Element[] = [];
  for (const el of descendants($.root().toArray())) {
    if (STRIP.has(el.name)) {
      doomed.push(el);
      continue;
    }
    const attrs = el.attribs ?? {};
    if ('hidden' in attrs || (attrs['aria-hidden'] === 'true' && el.name !== 'time')) {
      doomed.push(el);
      continue;
    }
    if (el.name === 'body' || el.name === 'html' || el.name === 'article' || el.name === 'main') continue;
    const role = attrs.role;
    if (role && UNLIKELY_ROLES.has(role)) {
      doomed.push(el);
      continue;
    }
    const ci = classAndId(el);
    if (ci.length > 1 && UNLIKELY.test(ci) && !MAYBE.test(ci)) doomed.push(el);
  }
  // Outermost first; removing a descendant of a removed element is harmless.
  for (const el of doomed) $(el).remove();
}

/** Picks the container with the best score, or null when nothing scores. */
function topCandidate($: CheerioAPI, scores: Scores): Element | null {
  const paragraphs: Element[] = [];
  for (const el of descendants($('body').toArray())) {
    if (SCORABLE.has(el.name) || (el.name === 'div' && !hasBlockChild(el))) paragraphs.push(el);
  }
  for (const p of paragraphs) {
    const st = nodeStats(p);
    if (st.textLength < 25) continue;
    const parent = p.parent;
    if (!isElement(parent)) continue;
    let score = 1 + st.commas + Math.min(Math.floor(st.textLength / 100), 3);
    if (p.name === 'h2' || p.name === 'h3') score = 0.5;
    let ancestor: AnyNode | null = parent;
    for (let level = 0; level < 5 && isElement(ancestor); level++) {
      const a: Element = ancestor;
      if (!scores.has(a)) scores.set(a, initialScore(a));
      const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3;
      scores.set(a, (scores.get(a) ?? 0) + score / divider);
      ancestor = a.parent;
    }
  }
  let best: Element | null = null;
  let bestScore = Number.NEGATIVE_INFINITY;
  const ranked: Array<[Element, number]> = [];
  for (const [el, s] of scores) {
    const final = s * (1 - linkDensity(el));
    scores.set(el, final);
    ranked.push([el, final]);
    if (final > bestScore) {
      bestScore = final;
      best = el;
    }
  }
  if (!best) return null;
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
      const contains = alternatives.filter((alt) => isAncestor(p, alt)).length;
      if (contains >= 3) {
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

function elementChildren(el: Element): Element[] {
  return el.children.filter(isElement);
}

function isAncestor(a: Element, b: AnyNode): boolean {
  let p = b.parent;
  while (p) {
    if (p === a) return true;
    p = p.parent;
  }
  return false;
}

/** The top candidate plus siblings that look like more of the same article. */
function gather(top: Element, scores: Scores): Element[] {
  const parent = top.parent;
  if (!isElement(parent)) return [top];
  const topScore = scores.get(top) ?? 0;
  const threshold = Math.max(10, topScore * 0.2);
  const topClass = top.attribs?.class ?? '';
  const out: Element[] = [];
  for (const sib of elementChildren(parent)) {
    if (sib === top) {
      out.push(sib);
      continue;
    }
    let bonus = 0;
    if (topClass && sib.attribs?.class === topClass) bonus += topScore * 0.2;
    const s = scores.get(sib);
    if (s !== undefined && s + bonus >= threshold) {
      out.push(sib);
      continue;
    }
    if (sib.name === 'p') {
      const text = textOf(sib);
      const ld = linkDensity(sib);
      if (
        (text.length > 80 && ld < 0.25) ||
        (text.length > 0 && text.length <= 80 && ld === 0 && /\.( |$)/.test(text))
      ) {
        out.push(sib);
      }
    }
  }
  return out;
}

interface NodeStats {
  textLength: number;
  commas: number;
  linkLength: number;
  p: number;
  img: number;
  li: number;
}

/** Everything the conditional clean weighs, in one walk of the subtree. */
function nodeStats(el: Element): NodeStats {
  const st: NodeStats = { textLength: 0, commas: 0, linkLength: 0, p: 0, img: 0, li: 0 };
  const walk = (n: AnyNode, depth: number, inLink: boolean): void => {
    if (depth > 150) return;
    if (n.type === 'text') {
      const data = (n as unknown as { data: string }).data;
      const len = data.trim().length;
      st.textLength += len;
      if (inLink) st.linkLength += len;
      for (let i = 0; i < data.length; i++) {
        const c = data.charCodeAt(i);
        // , and the Arabic, ideographic and full-width commas.
        if (c === 44 || c === 0x060c || c === 0x3001 || c === 0xff0c) st.commas++;
      }
      return;
    }
    if (n.type !== 'tag') return;
    const e = n as Element;
    if (NEVER_TEXT.has(e.name)) return;
    if (depth > 0) {
      if (e.name === 'p') st.p++;
      else if (e.name === 'img') st.img++;
      else if (e.name === 'li') st.li++;
    }
    const link = inLink || (e.name === 'a' && !(e.attribs?.href ?? '').startsWith('#'));
    for (const c of e.children) walk(c, depth + 1, link);
  };
  walk(el, 0, false);
  return st;
}

/** Readability's conditional clean: drops lists, tables and divs that look like boilerplate. */
function cleanConditionally($: CheerioAPI, root: Element): void {
  const CONDITIONAL = new Set(['div', 'section', 'ul', 'ol', 'table', 'header', 'dl']);
  const nodes = descendants([root])
    .filter((el) => CONDITIONAL.has(el.name))
    .reverse();
  for (const el of nodes) {
    if (!el.parent) continue;
    const weight = classWeight(el);
    if (weight < 0) {
      $(el).remove();
      continue;
    }
    const st = nodeStats(el);
    if (st.commas >= 10) continue;
    const li = st.li - 100;
    const ld = st.textLength ? st.linkLength / st.textLength : 0;
    const isList = el.name === 'ul' || el.name === 'ol';
    let remove = false;
    if (st.img > 1 && st.p / st.img < 0.5) remove = true;
    else if (!isList && li > st.p) remove = true;
    else if (st.textLength < 25 && (st.img === 0 || st.img > 2)) remove = st.textLength > 0 || st.img > 0;
    else if (weight < 25 && ld > 0.2) remove = true;
    else if (weight >= 25 && ld > 0.5) remove = true;
    if (isList && ld > 0.5) remove = true;
    if (remove) $(el).remove();
  }
}

/** Removes captions, credits, share bars, video, related teasers from the chosen content. */
function cleanContent($: CheerioAPI, root: Element): void {
  const doomed: Element[] = [];
  for (const el of descendants([root])) {
    {
      const ci = classAndId(el);
      if (
        ci.trim() &&
        CONTENT_JUNK.test(ci) &&
        !/article-?body|story-?body|body-?text|entry-content|post-content|paragraph/i.test(ci)
      ) {
        doomed.push(el);
        continue;
      }
      if (el.name === 'h1') doomed.push(el);
    }
  }
  for (const el of doomed) $(el).remove();
  cleanConditionally($, root);
  // Headings with nothing after them, and link-only paragraphs, are navigation.
  $(root)
    .find('p, li, h2, h3, h4, h5, h6')
    .each((_, node) => {
      const el = node as Element;
      const text = textOf(el);
      if (!text) return;
      if (el.name === 'p' && linkDensity(el) > 0.9 && text.length < 150) $(el).remove();
    });
}

export interface MainText {
  paragraphs: string[];
}

/** Paragraphs of the main text of a page, or [] when nothing looks like an article. */
export function extractMainText($: CheerioAPI): MainText {
  prune($);
  const scores: Scores = new Map();
  const top = topCandidate($, scores);
  if (!top) return { paragraphs: blockParagraphs($('body').toArray()) };
  const parts = gather(top, scores);
  for (const part of parts) cleanContent($, part);
  return { paragraphs: blockParagraphs(parts.filter((p) => p.parent)) };
}
