/**
 * Main-text extraction for pages without a site extractor: a staged pipeline with a quality
 * gate, after Readability.js and trafilatura (docs/scraping.md, "Generic extractor").
 *
 * 1. Split the page into text blocks with statistics (`text-blocks.ts`, script-aware lengths).
 * 2. Set page furniture aside (`page-exclusions.ts`), giving back wrong hints.
 * 3. Candidates:
 *    - scored: the best-scoring container (`score-candidates.ts`), weighed by its place in the
 *      story's span, with its sibling parts;
 *    - hinted: the element the page itself names as its body (`itemprop=articleBody`,
 *      `article-body`, `entry-content` ... or `<article>`) holding the most prose;
 *    both widened to their twins (same tag and class elsewhere: a body split over several
 *    containers) and cleaned of inner boilerplate (`clean-content.ts`);
 *    - cluster: the deepest element holding most of the page's prose;
 *    - page prose: every prose block left on the page, the last resort;
 *    - JSON-LD `articleBody`, when the page has one.
 * 4. Quality gate: cleaning that takes most of a candidate's prose is redone more gently; the
 *    scored candidate stands unless the hinted one holds clearly more prose, or it is a
 *    fragment of the page's prose; a JSON-LD body arbitrates by word overlap, and stands in
 *    for a page whose HTML carries no body at all.
 * Never mutates the document.
 */
import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { type CleanOptions, contentBlocks, filterBlocks } from './clean-content.ts';
import { BODY_HINT, NEGATIVE, POSITIVE } from './content-hints.ts';
import { contains, isElement, normalizeSpace } from './html-text.ts';
import { pageExclusions } from './page-exclusions.ts';
import {
  gatherSiblings,
  longRunShare,
  runQuality,
  type Scores,
  type StorySpan,
  scoreContainers,
  storySpan,
  topCandidate,
  weighByPosition,
} from './score-candidates.ts';
import { markupParagraphs, scriptStateBody } from './script-state.ts';
import {
  isProse,
  type PageText,
  readPageText,
  statsOf,
  type TextBlock,
  withoutExcluded,
} from './text-blocks.ts';
import { measureText } from './text-measure.ts';

export interface MainTextHints {
  /** Headline, page title, h1: their repeats at the top of the body are dropped. */
  headlines?: readonly (string | null | undefined)[];
  /** JSON-LD `articleBody` of the page, if any. */
  jsonLdBody?: string | null;
}

/** Which candidate the text comes from. */
export type MainTextSource =
  | 'scored'
  | 'hinted'
  | 'cluster'
  | 'json-ld'
  | 'script-state'
  | 'page-prose'
  | 'none';

export interface MainText {
  paragraphs: string[];
  source: MainTextSource;
}

interface Candidate {
  source: MainTextSource;
  roots: Element[];
  blocks: TextBlock[];
  prose: number;
}

function proseOf(blocks: readonly TextBlock[]): number {
  let p = 0;
  for (const b of blocks) if (isProse(b)) p += b.units;
  return p;
}

/** The page's blocks under any of `roots`, in document order. */
function blocksUnder(page: PageText, roots: readonly Element[]): TextBlock[] {
  const spans = roots.map((r) => statsOf(page, r));
  return page.blocks.filter((b) => {
    const at = statsOf(page, b.owner).first;
    return spans.some((st) => at >= st.first && at <= st.last);
  });
}

/**
 * A top candidate that is a column of short items (a quarter or less of its text in long
 * prose runs), or a wrapper of one, so long that its count of items outscores the body beside
 * it: the container holding the most long prose runs instead, when it reads as a body (60% of
 * its text in them) and holds twice the top's (most of them, when inside the top).
 */
function proseRunBody(page: PageText, scores: Scores, top: Element | null): Element | null {
  if (!top) return top;
  const quality = runQuality(page, scores);
  const q = quality.get(top);
  if (!q || q.units < 300 || q.prose >= q.units * 0.25) return top;
  let best: Element | null = null;
  let bestProse = 0;
  for (const [el, r] of quality) {
    if (r.prose < 400 || r.prose < r.units * 0.6 || (scores.get(el) ?? 0) <= 0) continue;
    // The innermost of equals: a wrapper adds no long runs of its own.
    const deeper = !!best && contains(best, el) && r.prose >= bestProse * 0.95;
    if (deeper || r.prose > bestProse * 1.05) {
      best = el;
      bestProse = Math.max(bestProse, r.prose);
    }
  }
  if (!best || best === top) return top;
  // Inside the top (a wrapper of body and column): it holds most of the top's long runs.
  // Beside it: twice as many.
  return bestProse >= q.prose * (contains(top, best) ? 0.8 : 2) ? best : top;
}

/** The `<body>` (or the document when there is none), found without a css query. */
function bodyOf($: CheerioAPI): Element {
  const root = $.root()[0] as unknown as Element;
  for (const top of root.children ?? []) {
    if (!isElement(top)) continue;
    if (top.name === 'body') return top;
    if (top.name === 'html')
      for (const c of top.children ?? []) if (isElement(c) && c.name === 'body') return c;
  }
  return root;
}

/**
 * Roots widened to their twins: elements elsewhere with the same tag and a same, body-like
 * class, holding prose (a body split over several containers by ads, widgets or page rows).
 */
function withTwins(page: PageText, live: readonly Element[], roots: Element[]): Element[] {
  const order = (el: Element): number => statsOf(page, el).first;
  const headlines = live.filter((el) => el.name === 'h1').map(order);
  const out = [...roots];
  for (const root of roots) {
    const cls = root.attribs?.class;
    if (!cls || NEGATIVE.test(cls) || !(POSITIVE.test(cls) || BODY_HINT.test(cls))) continue;
    const at = order(root);
    const article = articleOf(root);
    for (const el of live) {
      if (el === root || el.name !== root.name || el.attribs?.class !== cls) continue;
      if (out.some((r) => contains(r, el) || contains(el, r))) continue;
      // Another story on the same page (a "next article" below): a headline between the two,
      // or another <article>, ends this one.
      const pos = order(el);
      if (headlines.some((h) => (h > at && h < pos) || (h < at && h > pos))) continue;
      if (articleOf(el) !== article) continue;
      const st = statsOf(page, el);
      if (st.prose >= 80 && st.linkUnits < st.units * 0.3) out.push(el);
    }
  }
  if (out.length > 1) out.sort((a, b) => order(a) - order(b));
  return out;
}

/** The nearest <article> around an element (or null). */
function articleOf(el: Element): Element | null {
  for (let p: AnyNode | null = el.parent; p; p = p.parent) if (isElement(p) && p.name === 'article') return p;
  return null;
}

function candidate(
  page: PageText,
  source: MainTextSource,
  roots: Element[],
  headlines: readonly string[],
  span: StorySpan | null = null,
): Candidate {
  let rootProse = 0;
  for (const r of roots) rootProse += statsOf(page, r).prose;
  // Quality check on the cleaning: when it takes away most of the prose, the hints were wrong
  // (a gallery whose captions are the story, a body named "media-text"): clean less.
  let blocks: TextBlock[] = [];
  const levels: CleanOptions[] = [{}, { byName: 'without-prose' }, { byName: 'none', conditional: false }];
  for (const options of levels) {
    blocks = filterBlocks(contentBlocks(page, roots, options), headlines);
    if (rootProse < 300 || proseOf(blocks) >= rootProse * 0.3) break;
  }
  blocks = afterHeadline(page, roots, blocks, span);
  return { source, roots, blocks, prose: proseOf(blocks) };
}

/**
 * The blocks from the story's headline on, when the headline is inside the content: what sits
 * before it (a sidebar blurb, a kicker, a date line) is not body, unless it is much of the text.
 */
function afterHeadline(
  page: PageText,
  roots: readonly Element[],
  blocks: TextBlock[],
  span: StorySpan | null,
): TextBlock[] {
  if (!span || !blocks.length) return blocks;
  const h1 = page.blocks.find((b) => b.owner.name === 'h1' && statsOf(page, b.owner).first === span.start);
  if (!h1 || !roots.some((r) => contains(r, h1.owner))) return blocks;
  const cut = blocks.findIndex((b) => b.index > h1.index);
  if (cut <= 0) return blocks;
  const before = blocks.slice(0, cut);
  return proseOf(before) <= proseOf(blocks) * 0.3 ? blocks.slice(cut) : blocks;
}

/** The `<article>` around the story's headline (the `<h1>` that opens the story span). */
function storyArticle(span: StorySpan | null): Element | null {
  for (let p = span?.h1.parent; isElement(p); p = p.parent) if (p.name === 'article') return p;
  return null;
}

/** The element the page names as its body, holding the most prose (the innermost of equals). */
function hintedRoot(page: PageText, live: readonly Element[]): Element | null {
  const hinted: Element[] = [];
  let max = 0;
  for (const el of live) {
    const attrs = el.attribs ?? {};
    const ci = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
    if (
      el.name === 'article' ||
      attrs.itemprop === 'articleBody' ||
      attrs.itemprop === 'text' ||
      (ci.length > 1 && BODY_HINT.test(ci) && !NEGATIVE.test(ci))
    ) {
      const prose = statsOf(page, el).prose;
      if (prose <= 0) continue;
      hinted.push(el);
      if (prose > max) max = prose;
    }
  }
  const strong = hinted.filter((el) => statsOf(page, el).prose >= max * 0.95);
  return strong.find((el) => !strong.some((o) => o !== el && contains(el, o))) ?? null;
}

/** The deepest element holding at least `min` prose units (descending from `body`). */
function proseCluster(page: PageText, body: Element, min: number): Element {
  let el = body;
  for (;;) {
    let next: Element | null = null;
    for (const c of el.children ?? []) {
      if (isElement(c) && statsOf(page, c).prose >= min) {
        next = c;
        break;
      }
    }
    if (!next) return el;
    el = next;
  }
}

const WORD = /[\p{L}\p{N}_]+/gu;
/** WORD for an `exec` loop that may stop early (its own `lastIndex`, reset before each loop). */
const WORD_RUN = /[\p{L}\p{N}_]+/gu;

function tokenCounts(text: string): Map<string, number> {
  const m = new Map<string, number>();
  for (const t of text.match(WORD) ?? []) m.set(t, (m.get(t) ?? 0) + 1);
  return m;
}

/** Bag-of-words overlap of a candidate's text with the JSON-LD body: recall, precision, F1. */
function overlap(
  text: string,
  ld: Map<string, number>,
  ldTotal: number,
): { r: number; p: number; f: number } {
  const got = tokenCounts(text);
  let common = 0;
  let total = 0;
  for (const [t, n] of got) {
    total += n;
    common += Math.min(n, ld.get(t) ?? 0);
  }
  const r = ldTotal ? common / ldTotal : 0;
  const p = total ? common / total : 0;
  return { r, p, f: r + p ? (2 * r * p) / (r + p) : 0 };
}

/** Share of the word pairs of `truth` (counted as a multiset) that `text` has too. */
function pairRecall(text: string, truth: string): number {
  const pairs = (t: string): Map<string, number> => {
    const words = t.match(WORD) ?? [];
    const m = new Map<string, number>();
    for (let i = 1; i < words.length; i++) {
      const k = `${words[i - 1]} ${words[i]}`;
      m.set(k, (m.get(k) ?? 0) + 1);
    }
    return m;
  };
  const want = pairs(truth);
  const got = pairs(text);
  let total = 0;
  let common = 0;
  for (const [k, n] of want) {
    total += n;
    common += Math.min(n, got.get(k) ?? 0);
  }
  return total ? common / total : 1;
}

function textOf(c: Candidate): string {
  return c.blocks.map((b) => b.text).join('\n');
}

/**
 * A text is about the story when it repeats the headline's words (a third of those of four
 * letters or more): a store also caches other stories. Chinese and Japanese write no spaces, so
 * their headline is one long token: there the measure is its character pairs (a third of them).
 */
function aboutHeadline(text: string, headlines: readonly string[]): boolean {
  const words = new Set<string>();
  const pairs = new Set<string>();
  for (const h of headlines) {
    for (const w of h.match(WORD) ?? []) if (w.length >= 4 && !CJK.test(w)) words.add(w.toLowerCase());
    for (const run of h.match(CJK_RUN) ?? [])
      for (let i = 1; i < run.length; i++) pairs.add(run.slice(i - 1, i + 1));
  }
  if (!words.size && !pairs.size) return true;
  const need = (words.size + pairs.size) / 3;
  let found = 0;
  // Stops at the first third found: the text of a body runs to thousands of words.
  if (words.size) {
    const left = new Set(words);
    WORD_RUN.lastIndex = 0;
    for (let m = WORD_RUN.exec(text); m; m = WORD_RUN.exec(text)) {
      if (left.delete(m[0].toLowerCase()) && ++found >= need) return true;
    }
  }
  for (const p of pairs) if (text.includes(p) && ++found >= need) return true;
  return found >= need;
}

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const CJK_RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]{2,}/gu;

/**
 * The share of a candidate's prose written as teasers: a prose block right after a short line
 * that is all link (a card's linked title). A story's paragraphs rarely follow one; the cards of
 * a trending rail all do.
 */
function teaserShare(c: Candidate): number {
  let teasers = 0;
  let prose = 0;
  for (let i = 0; i < c.blocks.length; i++) {
    const b = c.blocks[i]!;
    if (!isProse(b)) continue;
    prose += b.units;
    const prev = c.blocks[i - 1];
    if (prev && prev.units < 150 && prev.linkUnits >= prev.units * 0.8) teasers += b.units;
  }
  return prose ? teasers / prose : 0;
}

/** class/id of a paywall or registration wall. */
const WALL = /paywall|premium|subscriber|(?:^|[-_\s])wall(?:$|[-_\s])|[a-z]wall(?:$|[-_\s])|regwall|metered/i;

/** The page shows a wall (set aside as furniture): its story may be only a teaser in the DOM. */
function walled(page: PageText): boolean {
  for (const el of page.excluded) {
    const ci = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
    if (ci.length > 1 && WALL.test(ci)) return true;
  }
  return false;
}

/** Paragraphs of the main text of a page ([] when nothing reads like an article). */
export function extractMainText($: CheerioAPI, hints: MainTextHints = {}): MainText {
  const body = bodyOf($);
  const headlines = (hints.headlines ?? []).filter((h): h is string => !!h).map((h) => normalizeSpace(h));

  const raw = readPageText([body]);
  // The headline as the page shows it, before the exclusions (an <h1> in an article's <header>).
  const shownSpan = storySpan(raw, headlines);
  const page = withoutExcluded(raw, pageExclusions(body, raw));
  const live = page.elements;
  const pageProse = statsOf(page, body).prose;

  const scores = scoreContainers(page);
  const span = storySpan(page, headlines);
  weighByPosition(page, scores, span);
  const top = proseRunBody(page, scores, topCandidate(scores));
  const scored = top
    ? candidate(
        page,
        'scored',
        withTwins(page, live, gatherSiblings(page, top, scores, span)),
        headlines,
        span,
      )
    : null;
  const hintEl = hintedRoot(page, live);
  const hinted =
    hintEl && !scored?.roots.includes(hintEl)
      ? candidate(page, 'hinted', withTwins(page, live, [hintEl]), headlines, span)
      : null;

  let chosen: Candidate | null = scored;
  if (hinted && (!chosen || hinted.prose > chosen.prose * 1.3 + 50)) chosen = hinted;
  // The story's own <article> (the one holding the headline), inside a chosen content that
  // reaches past it (a page wrapper with a grid of long teasers, a rail): the article, when it
  // holds half of that content's text.
  const own = storyArticle(span ?? shownSpan);
  if (
    own &&
    chosen &&
    chosen !== hinted &&
    chosen.roots.some((r) => r !== own && contains(r, own)) &&
    !chosen.roots.includes(own)
  ) {
    const article = hinted?.roots.includes(own)
      ? hinted
      : candidate(page, 'hinted', withTwins(page, live, [own]), headlines, span);
    if (article.prose >= 150 && article.prose >= chosen.prose * 0.5) chosen = article;
  }

  // A body of long prose runs is no fragment of a page whose other prose is short items (a
  // column of classifieds or briefs beside it): a wider candidate must read about as well.
  // Judged on every run under the candidate's roots: a column's title lines are no prose.
  const runsUnder = (c: Candidate): number => longRunShare(blocksUnder(page, c.roots));
  let chosenRuns: number | null = null;
  const readsWorse = (c: Candidate): boolean => {
    chosenRuns ??= chosen ? runsUnder(chosen) : 0;
    return chosenRuns >= 0.5 && runsUnder(c) < chosenRuns * 0.5;
  };

  // A fragment of the page's prose (a listicle whose items are each their own container, an
  // intro scored above its body): the smallest element holding most of the page's prose.
  let cluster: Candidate | null = null;
  if (pageProse >= 300 && (!chosen || chosen.prose < pageProse * 0.3)) {
    const root = proseCluster(page, body, pageProse * 0.75);
    if (root !== body) {
      cluster = candidate(page, 'cluster', [root], headlines, span);
      if (!chosen || (cluster.prose > chosen.prose * 1.5 && !readsWorse(cluster))) chosen = cluster;
    }
  }

  // Still a fragment: every prose block the page has left.
  if (!chosen || (chosen.prose < pageProse * 0.2 && pageProse >= 300)) {
    const prose: Candidate = {
      source: 'page-prose',
      roots: [body],
      blocks: filterBlocks(page.blocks.filter(isProse), headlines),
      prose: 0,
    };
    prose.prose = proseOf(prose.blocks);
    if (!chosen || (prose.prose > chosen.prose * 2 && !readsWorse(prose))) chosen = prose;
  }

  const ldRaw = hints.jsonLdBody?.trim();
  if (ldRaw && ldRaw.length > 150) {
    const ld = markupParagraphs(ldRaw);
    const ldCounts = tokenCounts(ld.join('\n'));
    let ldTotal = 0;
    for (const n of ldCounts.values()) ldTotal += n;
    if (ldTotal >= 25) {
      // The DOM candidate that agrees best with the JSON-LD body; the body itself when none
      // carries most of it (a page rendered by script).
      let best: Candidate | null = null;
      let bestF = -1;
      let bestR = 0;
      for (const c of new Set([chosen, scored, hinted, cluster])) {
        if (!c) continue;
        const o = overlap(textOf(c), ldCounts, ldTotal);
        // The gate's choice stands unless another candidate agrees clearly better.
        const margin = c === chosen ? 0.02 : -0.02;
        if (o.f + margin > bestF) {
          best = c;
          bestF = o.f + margin;
          bestR = o.r;
        }
      }
      // "Carries" is judged on word pairs: a card widget beside a truncated body shares the
      // JSON-LD's common words, not its phrases.
      if (best && bestR >= 0.5 && pairRecall(textOf(best), ld.join('\n')) >= 0.5) chosen = best;
      else return { paragraphs: ld, source: 'json-ld' };
    }
  }

  // A page rendered by script: the DOM holds a shell, the story is in the script state. Or a
  // paywalled page: the DOM holds the teaser above its wall, the store holds the story.
  // Or a shell whose DOM holds only other stories (a trending rail of long teasers, a sidebar
  // of columns): most of the candidate's prose is teasers under linked titles, or it does not
  // repeat the headline's words.
  const shell =
    !chosen || chosen.prose < 400 || (chosen.prose < 2000 && walled(page)) || teaserShare(chosen) >= 0.6;
  // Off the story (the DOM candidate a sidebar or a thread): the store's body must hold more.
  const offStory = !shell && !!chosen && !aboutHeadline(textOf(chosen), headlines);
  if (shell || offStory) {
    const state = scriptStateBody(body.parent ?? body);
    if (state && (!offStory || measureText(state.join('\n')).units >= (chosen?.prose ?? 0))) {
      // Judged on word pairs, as for JSON-LD: cards beside a teaser share the store's common words.
      const carried = chosen ? pairRecall(textOf(chosen), state.join('\n')) : 0;
      if (carried < 0.5 && aboutHeadline(state.join('\n'), headlines))
        return { paragraphs: state, source: 'script-state' };
    }
  }

  if (!chosen?.blocks.length) return { paragraphs: [], source: 'none' };
  return { paragraphs: chosen.blocks.map((b) => b.text), source: chosen.source };
}
