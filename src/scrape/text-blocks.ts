/**
 * One walk over a DOM that yields what the main-text scorer needs:
 * - text blocks: every maximal run of inline content, split at block elements and at `<br>`,
 *   each with its owner (the nearest block element), text and measures. A `<p>` is one block;
 *   so is bare text between `<br><br>` in a `<div>`, which is how many pages write paragraphs;
 * - per-element statistics summed over the subtree: script-aware length, link length, commas,
 *   prose length (blocks that read like sentences), paragraph and image counts.
 * The walk is iterative (no recursion limit) and skips excluded subtrees, so statistics can be
 * recomputed cheaply once boilerplate has been set aside. A `<template>` is read (a paywalled
 * page may hold the rest of its body in one); page-exclusions.ts sets aside those that are not.
 */
import type { AnyNode, Element } from 'domhandler';
import { KEEP_EMBED } from './content-hints.ts';
import { BLOCK_TAGS, isElement, NEVER_TEXT, normalizeSpace } from './html-text.ts';
import { measureInto } from './text-measure.ts';

export interface ElementStats {
  /** Script-aware text length of the subtree. */
  units: number;
  /** Of which inside links (in-page `#` anchors count at a third). */
  linkUnits: number;
  commas: number;
  sentences: number;
  /** Length of the prose blocks (see `isProse`) whose owner is in the subtree. */
  prose: number;
  /** Blocks of at least 25 units whose owner is in the subtree. */
  paragraphs: number;
  /** `<p>` elements, images, list items, form fields and embeds in the subtree. */
  p: number;
  img: number;
  li: number;
  inputs: number;
  /** Buttons (a copy-link or vote button is no form field by itself). */
  buttons: number;
  embeds: number;
  /** Length inside embedded posts the benchmark keeps (tweets). */
  keptEmbedUnits: number;
  /** Links (`a[href]`, in-page anchors included). */
  links: number;
  /** Document order of the element and of its last descendant element (not summed). */
  first: number;
  last: number;
}

export interface TextBlock {
  /** The nearest block element around the run. */
  owner: Element;
  /** Normalised text. */
  text: string;
  /** The text outside links (normalised), when the block has links; else null. */
  plain: string | null;
  units: number;
  linkUnits: number;
  commas: number;
  sentences: number;
  /** Document order. */
  index: number;
}

export interface PageText {
  blocks: TextBlock[];
  /** Statistics of every element read (excluded subtrees have none). */
  stats: Map<Element, ElementStats>;
  /** Every element read, in document order. */
  elements: Element[];
  /** The subtrees left out. */
  excluded: ReadonlySet<Element>;
}

export function statsOf(page: PageText, el: Element): ElementStats {
  return page.stats.get(el) ?? EMPTY;
}

/** A block that reads like running text: long enough, few links, sentence-like. */
export function isProse(b: { units: number; linkUnits: number; sentences: number; commas: number }): boolean {
  if (b.units < 40) return false;
  if (b.linkUnits > b.units * 0.35) return false;
  return b.sentences > 0 || b.commas >= 2 || b.units >= 120;
}

/** Statistics of an element the walk did not read (excluded, or never text). */
const EMPTY: ElementStats = Object.freeze(newStats());

function newStats(): ElementStats {
  return {
    units: 0,
    linkUnits: 0,
    commas: 0,
    sentences: 0,
    prose: 0,
    paragraphs: 0,
    p: 0,
    img: 0,
    li: 0,
    inputs: 0,
    buttons: 0,
    embeds: 0,
    keptEmbedUnits: 0,
    links: 0,
    first: -1,
    last: -1,
  };
}

function addStats(into: ElementStats, s: ElementStats, sign = 1): void {
  into.units += sign * s.units;
  into.linkUnits += sign * s.linkUnits;
  into.commas += sign * s.commas;
  into.sentences += sign * s.sentences;
  into.prose += sign * s.prose;
  into.paragraphs += sign * s.paragraphs;
  into.p += sign * s.p;
  into.img += sign * s.img;
  into.li += sign * s.li;
  into.inputs += sign * s.inputs;
  into.buttons += sign * s.buttons;
  into.embeds += sign * s.embeds;
  into.keptEmbedUnits += sign * s.keptEmbedUnits;
  into.links += sign * s.links;
}

/** A block being read: its text raw (normalised when it closes), `plain` kept once it has links. */
type Run = Omit<TextBlock, 'index'>;

const EMBEDS = new Set(['iframe', 'embed', 'object', 'video', 'audio']);
const FIELDS = new Set(['input', 'select', 'textarea']);
/** A reporter's address ("mailto:", "tel:") is text of the line it closes, not a link elsewhere. */
const CONTACT_LINK = /^\s*(?:mailto|tel):/i;

/** A checkbox in a list item: a checklist's own box (a recipe's ingredients), not a form field. */
function listCheckbox(el: Element, open: readonly Element[]): boolean {
  const type = (el.attribs?.type ?? '').toLowerCase();
  if (el.name !== 'input' || (type !== 'checkbox' && type !== 'radio')) return false;
  for (let i = open.length - 1; i >= 0; i--) if (open[i]!.name === 'li') return true;
  return false;
}

/**
 * Walks the subtrees under `roots`. `excluded` subtrees are skipped entirely (no text, no
 * statistics).
 */
export function readPageText(
  roots: readonly AnyNode[],
  excluded: ReadonlySet<Element> = new Set(),
): PageText {
  const stats = new Map<Element, ElementStats>();
  const elements: Element[] = [];
  const blocks: TextBlock[] = [];
  // Open runs, one per open block element (the innermost is last).
  const runs: Run[] = [];
  const measure = { units: 0, commas: 0, sentences: 0 };
  let linkDepth = 0;
  let anchorDepth = 0;
  let keptDepth = 0;

  const flush = (run: Run): void => {
    if (run.units > 0) {
      const text = normalizeSpace(run.text);
      if (text) {
        blocks.push({
          owner: run.owner,
          text,
          plain: run.plain !== null ? normalizeSpace(run.plain) : null,
          units: run.units,
          linkUnits: run.linkUnits,
          commas: run.commas,
          sentences: run.sentences,
          index: blocks.length,
        });
        // The block's measures go to its owner; ancestors get them when the owner closes.
        const st = stats.get(run.owner);
        if (st) {
          if (run.units >= 25) st.paragraphs++;
          if (isProse(run)) st.prose += run.units;
        }
      }
    }
    run.text = '';
    run.plain = null;
    run.units = 0;
    run.linkUnits = 0;
    run.commas = 0;
    run.sentences = 0;
  };

  // Explicit stack of nodes; an element is pushed a second time (with `closing` set) to close it.
  const nodes: AnyNode[] = [];
  const closing: boolean[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    nodes.push(roots[i]!);
    closing.push(false);
  }
  // Elements whose statistics are open, innermost last.
  const open: Element[] = [];
  const openStats: ElementStats[] = [];

  while (nodes.length) {
    const node = nodes.pop()!;
    const close = closing.pop()!;
    if (node.type === 'text') {
      const data = (node as unknown as { data: string }).data;
      const run = runs[runs.length - 1];
      const st = openStats[openStats.length - 1];
      if (!run || !st) continue;
      measure.units = 0;
      measure.commas = 0;
      measure.sentences = 0;
      measureInto(data, measure);
      if (linkDepth > 0) run.plain ??= run.text;
      else if (run.plain !== null) run.plain += data;
      run.text += data;
      if (measure.units === 0) continue;
      const link = linkDepth > 0 ? measure.units : anchorDepth > 0 ? measure.units / 3 : 0;
      run.units += measure.units;
      run.linkUnits += link;
      run.commas += measure.commas;
      run.sentences += measure.sentences;
      st.units += measure.units;
      st.linkUnits += link;
      st.commas += measure.commas;
      st.sentences += measure.sentences;
      if (keptDepth > 0) st.keptEmbedUnits += measure.units;
      continue;
    }
    if (node.type !== 'tag' && node.type !== 'root') continue;
    const el = node as Element;
    const name = node.type === 'root' ? '#root' : el.name;
    const block = name === '#root' || BLOCK_TAGS.has(name);
    if (close) {
      if (block) {
        const run = runs.pop();
        if (run) flush(run);
      }
      if (name === 'a') {
        const href = el.attribs?.href ?? '';
        if (href.startsWith('#')) anchorDepth--;
        else if (href && !CONTACT_LINK.test(href)) linkDepth--;
      }
      if (keptDepth > 0 && isKeptEmbed(el)) keptDepth--;
      open.pop();
      const st = openStats.pop()!;
      st.last = elements.length - 1;
      const parent = openStats[openStats.length - 1];
      if (parent) addStats(parent, st);
      continue;
    }
    if ((NEVER_TEXT.has(name) && name !== 'template') || excluded.has(el)) {
      const parent = openStats[openStats.length - 1];
      if (parent) {
        if (EMBEDS.has(name)) parent.embeds++;
        else if (FIELDS.has(name) && !listCheckbox(el, open)) parent.inputs++;
        else if (name === 'button') parent.buttons++;
      }
      continue;
    }
    if (name === 'br') {
      const run = runs[runs.length - 1];
      if (run) flush(run);
      continue;
    }
    const st = newStats();
    stats.set(el, st);
    st.first = elements.length;
    if (node.type === 'tag') elements.push(el);
    if (name === 'p') st.p++;
    else if (name === 'img' || name === 'picture') st.img++;
    else if (name === 'li') st.li++;
    open.push(el);
    openStats.push(st);
    nodes.push(node);
    closing.push(true);
    if (block) {
      const run = runs[runs.length - 1];
      if (run) flush(run);
      runs.push({ owner: el, text: '', plain: null, units: 0, linkUnits: 0, commas: 0, sentences: 0 });
    } else if (name === 'a') {
      const href = el.attribs?.href ?? '';
      if (href.startsWith('#')) anchorDepth++;
      else if (href && !CONTACT_LINK.test(href)) linkDepth++;
      if (href && !CONTACT_LINK.test(href)) st.links++;
    }
    if (isKeptEmbed(el)) keptDepth++;
    const children = el.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      nodes.push(children[i]!);
      closing.push(false);
    }
  }
  return { blocks, stats, elements, excluded };
}

function isKeptEmbed(el: Element): boolean {
  const cls = el.attribs?.class;
  return !!cls && cls.includes('weet') && KEEP_EMBED.test(cls);
}

/**
 * `page` without the `excluded` subtrees, derived from the first reading instead of a second
 * walk: their statistics are taken off their ancestors, their blocks dropped; a paragraph with
 * an excluded inline element inside (a tooltip in a sentence) is read again without it.
 * Consumes `page` (its maps are reused).
 */
export function withoutExcluded(page: PageText, excluded: ReadonlySet<Element>): PageText {
  if (!excluded.size) return { ...page, excluded };
  const { stats } = page;
  const reread = new Set<Element>();
  for (const el of excluded) {
    const st = stats.get(el);
    if (!st) continue;
    // A form set aside still tells its container that it holds fields (a newsletter box).
    const fields = st.inputs + st.buttons > 0 || el.name === 'form' ? 1 : 0;
    for (let p = el.parent; p; p = p.parent) {
      const ps = stats.get(p as Element);
      if (ps) {
        addStats(ps, st, -1);
        ps.inputs += fields;
      }
    }
    // Forget the subtree.
    const stack: AnyNode[] = [el];
    while (stack.length) {
      const n = stack.pop()!;
      if (!isElement(n)) continue;
      stats.delete(n);
      for (const c of n.children ?? []) stack.push(c);
    }
    if (!BLOCK_TAGS.has(el.name)) {
      let owner: AnyNode | null = el.parent;
      while (isElement(owner) && !BLOCK_TAGS.has(owner.name)) owner = owner.parent;
      if (isElement(owner) && stats.has(owner)) reread.add(owner);
    }
  }
  // Each outermost paragraph to read again, once; its blocks replace the old ones in place.
  const again = new Map<Element, PageText>();
  for (const owner of reread) {
    if (!stats.has(owner)) continue;
    let nested = false;
    for (let p = owner.parent; p && !nested; p = p.parent) nested = reread.has(p as Element);
    if (nested) continue;
    const read = readPageText([owner], excluded);
    // The owner's ancestors already lost the excluded part; its subtree takes the new counts.
    for (const [e, st] of read.stats) {
      stats.set(e, st);
      again.set(e, read);
    }
  }
  const blocks: TextBlock[] = [];
  const emitted = new Set<PageText>();
  for (const b of page.blocks) {
    if (!stats.has(b.owner)) continue;
    const read = again.get(b.owner);
    if (!read) blocks.push(b);
    else if (!emitted.has(read)) {
      emitted.add(read);
      blocks.push(...read.blocks);
    }
  }
  if (again.size) for (let i = 0; i < blocks.length; i++) blocks[i]!.index = i;
  return { blocks, stats, elements: page.elements.filter((e) => stats.has(e)), excluded };
}
