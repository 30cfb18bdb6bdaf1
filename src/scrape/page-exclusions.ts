/**
 * Stage 1 of the generic extractor: set aside what is page furniture (navigation, dialogs,
 * hidden blocks, sidebars, comments, share bars ...) before anything is scored. Nothing is
 * removed from the DOM: the excluded elements are returned as a set that the text walk skips.
 *
 * A hint can be wrong (a layout wrapper called `has-sidebar`, a whole page marked
 * `aria-hidden` while a consent dialog is open). So when the exclusions would leave the page
 * with little of its prose, the weakest exclusions holding the most prose are given back, one
 * at a time, and their insides are judged on their own.
 */
import type { AnyNode, Element } from 'domhandler';
import { BODY_HINT, MAYBE, UNLIKELY, UNLIKELY_ROLES } from './content-hints.ts';
import { contains } from './html-text.ts';
import { isProse, type PageText, statsOf, type TextBlock } from './text-blocks.ts';

/** Tags that are furniture by themselves. */
const FURNITURE_TAGS = new Set([
  'nav',
  'aside',
  'footer',
  'header',
  'figure',
  'figcaption',
  'dialog',
  'menu',
  'form',
]);
/** Tags never set aside by a class or id hint. */
const NEVER_BY_CLASS = new Set(['html', 'body', 'article', 'main']);
/** Strong class/id hints: set aside even when they hold much of the page's prose. */
const STRONG =
  /comment|disqus|replies|cookie|consent|gdpr|newsletter|subscribe|signup|share|sharing|social|related|outbrain|taboola|recirc|trending|most-?popular|most-?read|read-?next|more-?from|you-?may-?like|also-?like|recommend|promo|sponsor/i;
/** Wrappers of the locked part of a body. */
const LOCKED = /paywall|premium|subscriber|locked|metered/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Screen-reader-only text written as an inline style (", opens new tab" inside a link). */
const CLIPPED_STYLE = /clip\s*:\s*rect\(\s*0|clip-path\s*:\s*inset\(\s*50%/i;
const HIDDEN_CLASS =
  /(?:^|\s)(?:hidden|hide|sr-only|visually-hidden|screen-reader-text|visuallyhidden|invisible|u-hidden)(?:\s|$)/i;
/** Content shown only on hover or click: tooltips, popovers, people cards inside a sentence. */
const ON_DEMAND = /tooltip|popover|rollover|hovercard|hover-card|dropdown/i;

/** How sure a hint is: weak exclusions are given back first. */
type Strength = 1 | 2 | 3;

interface Exclusion {
  el: Element;
  strength: Strength;
  /** A reader thread found by its shape (posts with a Reply line), never given back for a story. */
  thread?: boolean;
}

function exclusionOf(el: Element): Strength | 0 {
  const name = el.name;
  const attrs = el.attribs ?? {};
  if ('hidden' in attrs) return 1;
  if (attrs['aria-hidden'] === 'true' && name !== 'time') return 1;
  if (attrs.style && (HIDDEN_STYLE.test(attrs.style) || CLIPPED_STYLE.test(attrs.style))) return 1;
  const cls = attrs.class ?? '';
  if (cls && (HIDDEN_CLASS.test(cls) || ON_DEMAND.test(cls))) return 1;
  const role = attrs.role;
  if (role && UNLIKELY_ROLES.has(role)) return role === 'dialog' || role === 'alertdialog' ? 3 : 2;
  // A table in a <figure> (WordPress writes every table as `figure.wp-block-table`) is the
  // story's data, not an illustration.
  if (name === 'figure' && holds(el, TABLES) && !holds(el, IMAGES)) return 0;
  if (FURNITURE_TAGS.has(name)) return name === 'dialog' ? 3 : name === 'nav' ? 2 : 1;
  if (NEVER_BY_CLASS.has(name)) return 0;
  const ci = `${cls} ${attrs.id ?? ''}`;
  if (ci.length < 2) return 0;
  if (BODY_HINT.test(ci)) return 0;
  if (STRONG.test(ci) && !/article|body|story/i.test(ci)) return 3;
  // A heading named "recipe-header" or "section-header" is a heading, not a page header.
  if (
    UNLIKELY.test(ci) &&
    !MAYBE.test(ci) &&
    !(SUBHEADINGS.has(name) && !UNLIKELY.test(ci.replace(/header/gi, '')))
  )
    return 1;
  return 0;
}

const SUBHEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6']);

/** True when `el` holds an element of `tags` (an iterative walk). */
function holds(el: Element, tags: ReadonlySet<string>): boolean {
  const stack: AnyNode[] = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag') continue;
    if (tags.has((n as Element).name)) return true;
    stack.push(...((n as Element).children ?? []));
  }
  return false;
}

const H1 = new Set(['h1']);
const TABLES = new Set(['table']);
const IMAGES = new Set(['img', 'picture', 'video', 'iframe']);

/**
 * The header of one entry in a stream of entries (a live blog's update, a timeline's item):
 * a `<header>` (or a block named header) holding a subheading and no `<h1>`, inside an element
 * that has siblings of its own tag and class and text of its own besides the header. Its
 * subheading is the entry's title, body text; the page's own header holds the `<h1>`.
 */
export function isEntryHeader(raw: PageText, el: Element): boolean {
  const st = statsOf(raw, el);
  if (st.units === 0 || st.units > 300 || st.prose > 0) return false;
  if (holds(el, H1) || !holds(el, SUBHEADINGS)) return false;
  let entry: Element | null = null;
  for (let p = el.parent; p && p.type === 'tag'; p = p.parent) {
    const pe = p as Element;
    if (statsOf(raw, pe).prose > 0) {
      entry = pe;
      break;
    }
  }
  if (!entry || (NEVER_BY_CLASS.has(entry.name) && entry.name !== 'article')) return false;
  const sig = `${entry.name}.${entry.attribs?.class ?? ''}`;
  let same = 0;
  for (const c of entry.parent?.children ?? [])
    if (
      c !== entry &&
      c.type === 'tag' &&
      `${(c as Element).name}.${(c as Element).attribs?.class ?? ''}` === sig
    )
      same++;
  return same >= 1;
}

/**
 * The header of a section of the story, named so (`recipe-ingredients-header`,
 * `section-header`): a `div` named as a header and nothing else, holding a subheading, no
 * `<h1>` and no prose, a few words (with a section's tools: a recipe's "Scale 1x 2x"). Its
 * subheading is the section's title; its insides are judged on their own.
 */
function sectionHeader(raw: PageText, el: Element): boolean {
  if (el.name !== 'div') return false;
  const ci = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
  if (!/header/i.test(ci) || UNLIKELY.test(ci.replace(/header/gi, ''))) return false;
  const st = statsOf(raw, el);
  if (st.units === 0 || st.units > 120 || st.prose > 0 || st.links > 0) return false;
  return holds(el, SUBHEADINGS) && !holds(el, H1);
}

function collect(roots: readonly AnyNode[], raw: PageText, out: Exclusion[]): void {
  const stack: AnyNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) stack.push(roots[i]!);
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    const el = node as Element;
    const st = statsOf(raw, el);
    // A <template> is inert markup for script: the rest of a paywalled body when it holds
    // paragraphs of prose (shown once the reader subscribes), else a widget's markup.
    if (el.name === 'template' && !(st.prose >= 200 && st.paragraphs >= 2)) {
      out.push({ el, strength: 3 });
      continue;
    }
    let strength = exclusionOf(el);
    if (strength === 1 && el.name === 'header' && isEntryHeader(raw, el)) strength = 0;
    if (strength === 1 && sectionHeader(raw, el)) strength = 0;
    // An embedded post (a tweet) in a "social-embed" wrapper: the benchmark keeps its text.
    // A paywall or subscriber wrapper holding paragraphs is the rest of the body, locked (the
    // page's own JSON-LD often says so: isAccessibleForFree false, cssSelector ".paywall").
    const locked =
      strength === 1 &&
      st.prose >= 200 &&
      (st.p >= 2 || st.paragraphs >= 2) &&
      LOCKED.test(`${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`);
    if (strength && !locked && !(st.keptEmbedUnits > 0 && st.keptEmbedUnits >= st.units * 0.5)) {
      out.push({ el, strength });
      continue;
    }
    const children = el.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
}

/** Elements that are text themselves, never a card holding a title and a teaser. */
const NOT_CARD = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'td',
  'th',
  'tr',
  'tbody',
  'table',
  'a',
  'span',
  'b',
  'strong',
  'em',
  'i',
  'font',
  'small',
  'time',
]);

/**
 * A story card: a linked title and at most one short teaser (an image maybe). Its non-teaser
 * text is mostly link; an article paragraph with a link in it is one block and is no card.
 */
export function isCard(raw: PageText, el: Element): boolean {
  if (NOT_CARD.has(el.name)) return false;
  const st = statsOf(raw, el);
  if (st.linkUnits < 15 || st.prose < 40 || st.prose > 300 || st.paragraphs > 2 || st.units > 500)
    return false;
  const rest = st.units - st.prose;
  if (rest >= 10 && st.linkUnits >= rest * 0.6) return true;
  return runCard(el, st.units, st.linkUnits);
}

/** A teaser cut short: "... may soon...", "… weiterlesen". */
const TRUNCATED = /(?:\.\.\.|…)\s*$/;

/**
 * A card written as one run: the linked title, then the teaser cut short in the same line
 * (`<li><a>Title</a><span>CITY: The first words of the story...</span></li>`).
 */
function runCard(el: Element, units: number, linkUnits: number): boolean {
  if (linkUnits > units * 0.7) return false;
  let first: Element | null = null;
  for (const c of el.children ?? []) {
    if (c.type === 'text' && (c as unknown as { data: string }).data.trim()) return false;
    if (c.type === 'tag') {
      first = c as Element;
      break;
    }
  }
  if (first?.name !== 'a' || !first.attribs?.href) return false;
  let last: AnyNode | null = null;
  for (const c of el.children ?? [])
    if (c.type === 'tag' || (c.type === 'text' && (c as unknown as { data: string }).data.trim())) last = c;
  const tail =
    last && (last.type === 'text' ? (last as unknown as { data: string }).data : textOf(last as Element));
  return !!tail && TRUNCATED.test(tail);
}

function textOf(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out = (n as unknown as { data: string }).data + out;
    else if (n.type === 'tag') for (const c of (n as Element).children ?? []) stack.push(c);
  }
  return out;
}

/**
 * Lists of story cards ("Latest", "Around the region", a related grid) that no class names:
 * two or more siblings of one tag and class, most of them cards. The list goes when its cards
 * are nearly all of its text, else the cards alone. Weak exclusions: given back like the others.
 */
/** A reader post's action line: "Reply", "Reply Report", "Like · Reply" (several languages). */
const REPLY_LINE =
  /^(?:(?:like|report|flag|share|\d+)\W*)*(?:reply|antworten|répondre|responder|responder|rispondi|beantwoorden|답글|返信|回复)\b/i;

/** Elements holding a reader post's "Reply" line (its owner and the owner's ancestors, near). */
function replyHolders(raw: PageText): Set<Element> {
  const out = new Set<Element>();
  const mark = (from: Element): void => {
    let el: AnyNode | null = from;
    for (let level = 0; level < 5 && el && el.type === 'tag'; level++, el = el.parent) out.add(el as Element);
  };
  for (const b of raw.blocks) if (b.units <= 30 && REPLY_LINE.test(b.text)) mark(b.owner);
  // A "Reply" written as a button (the text walk does not read buttons).
  for (const el of raw.elements) {
    if (statsOf(raw, el).buttons === 0) continue;
    for (const c of el.children ?? [])
      if (
        c.type === 'tag' &&
        (c as Element).name === 'button' &&
        REPLY_LINE.test(textOf(c as Element).trim())
      ) {
        mark(el);
        break;
      }
  }
  return out;
}

function cardLists(raw: PageText, body: Element): Exclusion[] {
  const replies = replyHolders(raw);
  const out = new Set<Element>();
  const threads = new Set<Element>();
  for (const parent of raw.elements) {
    const kids = parent.children ?? [];
    if (kids.length < 2) continue;
    // Cards first (a cheap test on the statistics), grouped by tag and class only when found.
    let cards: Map<string, Element[]> | null = null;
    let posts: Set<string> | null = null;
    for (const k of kids) {
      // A story card, or a reader post: its prose with a "Reply" line (a comment thread).
      if (k.type !== 'tag') continue;
      const post = replies.has(k as Element) && statsOf(raw, k as Element).prose > 0;
      if (!post && !isCard(raw, k as Element)) continue;
      const el = k as Element;
      const sig = `${el.name}.${el.attribs?.class ?? ''}`;
      if (post) {
        posts ??= new Set();
        posts.add(sig);
      }
      cards ??= new Map();
      const g = cards.get(sig);
      if (g) g.push(el);
      else cards.set(sig, [el]);
    }
    if (!cards) continue;
    for (const [sig, g] of cards) {
      if (g.length < 2) continue;
      let same = 0;
      for (const k of kids)
        if (k.type === 'tag' && `${(k as Element).name}.${(k as Element).attribs?.class ?? ''}` === sig)
          same++;
      if (g.length * 2 < same) continue;
      let units = 0;
      for (const c of g) units += statsOf(raw, c).units;
      const whole = parent !== body && !NEVER_BY_CLASS.has(parent.name);
      const thread = !!posts?.has(sig);
      if (whole && units >= statsOf(raw, parent).units * 0.8) {
        out.add(parent);
        if (thread) threads.add(parent);
      } else
        for (const c of g) {
          out.add(c);
          if (thread) threads.add(c);
        }
    }
  }
  const result: Exclusion[] = [];
  for (const el of out) {
    let inside = false;
    for (let p = el.parent; p && !inside; p = p.parent) inside = out.has(p as Element);
    const attrs = el.attribs ?? {};
    if (inside || attrs.itemprop === 'articleBody') continue;
    if (BODY_HINT.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`)) continue;
    result.push({ el, strength: 1, thread: threads.has(el) });
  }
  return result;
}

/**
 * The heading of a reader section: "3 replies", "Comments", "Reviews (212)", "Leave a reply",
 * "댓글 12", "Comentários" ... (several languages).
 */
const READER_HEADING =
  /^(?:\d+\s+)?(?:comments?|replies|responses|reviews?|reader comments|leave a (?:reply|comment)|join the (?:discussion|conversation|debate)|kommentare?|commentaires?|comentarios?|comentários|commenti|reacties|댓글|コメント|评论|評論|التعليقات)(?:\s*[(（]?\d+[)）]?)?\s*:?$/i;

/**
 * Reader sections that no class names (webmentions, reviews, a comment list in plain divs):
 * the container that opens with a reader heading. The article's own container never opens
 * with one, so only a container whose first text is that heading goes.
 */
function readerSections(raw: PageText, body: Element): Exclusion[] {
  const total = statsOf(raw, body).prose;
  const out: Exclusion[] = [];
  for (const b of raw.blocks) {
    if (b.units > 40 || !READER_HEADING.test(b.text)) continue;
    let head: Element = b.owner;
    let parent = head.parent;
    // Climb while the heading is its container's first text (a heading wrapped in a div).
    while (parent && parent.type === 'tag') {
      const el = parent as Element;
      if (el === body || NEVER_BY_CLASS.has(el.name)) break;
      const first = (el.children ?? []).find((c) => c.type === 'tag' && statsOf(raw, c as Element).units > 0);
      if (first !== head) break;
      const st = statsOf(raw, el);
      if (st.units > statsOf(raw, head).units) {
        // A thread longer than the story still goes when a story is left outside it.
        if (st.prose < total * 0.5 || storyOutside(raw, el)) out.push({ el, strength: 2 });
        break;
      }
      head = el;
      parent = el.parent;
    }
  }
  return out;
}

/** Two prose blocks or more (200 units) outside `el`: a story of its own. */
function storyOutside(raw: PageText, el: Element): boolean {
  let blocks = 0;
  let units = 0;
  for (const b of raw.blocks) {
    if (!isProse(b) || contains(el, b.owner)) continue;
    blocks++;
    units += b.units;
  }
  return blocks >= 2 && units >= 200;
}

/**
 * The elements to skip under `body`, judged on the statistics of a first walk with nothing
 * excluded (`raw`).
 */
export function pageExclusions(body: Element, raw: PageText): Set<Element> {
  const total = statsOf(raw, body).prose;
  const found: Exclusion[] = [];
  collect(body.children ?? [], raw, found);
  // Structure found by its shape (card lists, reader sections) is kept apart from the hints:
  // inside a wrapper that a hint sets aside and the give-back returns (a page written inside
  // one <form>), it still goes.
  const cards = cardLists(raw, body);
  const shaped = [...cards, ...readerSections(raw, body)];
  const excluded = new Map<Element, Strength>(found.map((x) => [x.el, x.strength]));
  for (const x of shaped) if (!excluded.has(x.el)) excluded.set(x.el, x.strength);
  const outermost = (el: Element): boolean => {
    for (let p = el.parent; p && p.type === 'tag'; p = p.parent) if (excluded.has(p as Element)) return false;
    return true;
  };
  const shapedSet = new Set(shaped.map((x) => x.el));
  const cardSet = new Set(cards.filter((x) => !x.thread).map((x) => x.el));
  // Prose blocks outside every exclusion: two or more of them are a story of its own (a short
  // brief), which a list of cards or a reader thread found by its shape must not outweigh.
  // Cards that follow that prose in its own container are the story's items (a shopping list
  // after its intro) and may still be given back.
  let leftBlocks: TextBlock[] = [];
  const storyLeft = (): boolean => {
    leftBlocks = [];
    let units = 0;
    for (const b of raw.blocks) {
      if (!isProse(b)) continue;
      let out = false;
      for (let p: AnyNode | null = b.owner; p && p.type === 'tag' && !out; p = p.parent)
        out = excluded.has(p as Element);
      if (out) continue;
      leftBlocks.push(b);
      units += b.units;
    }
    return leftBlocks.length >= 2 && units >= 200;
  };
  const heldBack = (e: Element): boolean => {
    if (!shapedSet.has(e)) return false;
    if (!cardSet.has(e)) return true;
    const at = statsOf(raw, e).first;
    const parent = e.parent;
    return !leftBlocks.some((b) => {
      if (statsOf(raw, b.owner).first >= at) return false;
      for (let p: AnyNode | null = b.owner.parent; p; p = p.parent) if (p === parent) return true;
      return false;
    });
  };
  const removedNow = (): number => {
    let r = 0;
    for (const e of excluded.keys()) if (outermost(e)) r += statsOf(raw, e).prose;
    return r;
  };

  // Give back exclusions while they leave too little prose: weak ones when under 30% of the
  // page's prose (and under 600 units), strong ones only when almost nothing is left.
  for (let guard = 0; guard < 50 && total > 0; guard++) {
    const left = total - removedNow();
    const weakOk = left >= total * 0.3 || left >= 600;
    const strongOk = left >= total * 0.1 || left >= 150;
    if (weakOk && strongOk) break;
    // The weakest hint that holds a fair share of the prose; failing that, the largest holder.
    const bestOf = (allowed: (s: Strength) => boolean): [Element | null, number] => {
      let el: Element | null = null;
      let prose = 0;
      for (const [e, s] of excluded) {
        if (!allowed(s) || (keepShaped && heldBack(e))) continue;
        const p = statsOf(raw, e).prose;
        if (p > prose) {
          el = e;
          prose = p;
        }
      }
      return [el, prose];
    };
    const maxStrength: Strength = strongOk ? 2 : 3;
    const keepShaped = storyLeft();
    let [best, bestProse] = bestOf((s) => s === 1);
    if (bestProse < total * 0.2) [best, bestProse] = bestOf((s) => s <= 2 && s <= maxStrength);
    if (bestProse < total * 0.2) [best, bestProse] = bestOf((s) => s <= maxStrength);
    if (!best || bestProse <= 0) break;
    // The hint was wrong for this kind of element (a gallery's captions are its story): give
    // back every exclusion of the same tag and class at once.
    const kind = `${best.name}.${best.attribs?.class ?? ''}`;
    const strength = excluded.get(best) ?? 3;
    const back = [...excluded].filter(
      ([el, s]) => s <= strength && `${el.name}.${el.attribs?.class ?? ''}` === kind,
    );
    for (const [el] of back) {
      excluded.delete(el);
      const inner: Exclusion[] = [];
      collect(el.children ?? [], raw, inner);
      for (const x of inner) if (!excluded.has(x.el)) excluded.set(x.el, x.strength);
    }
  }
  giveBackStoryFigures(raw, total - removedNow(), excluded);
  return new Set(excluded.keys());
}

/**
 * Figures whose captions are the story (a photo essay: an intro, then photographs each under
 * a paragraph or two of text): three or more figures of one kind, each captioned with prose,
 * holding more prose than the page keeps without them. They are given back with their captions.
 */
function giveBackStoryFigures(raw: PageText, left: number, excluded: Map<Element, Strength>): void {
  const groups = new Map<string, Element[]>();
  for (const el of excluded.keys()) {
    if (el.name !== 'figure' || statsOf(raw, el).prose < 60) continue;
    let inside = false;
    for (let p = el.parent; p && p.type === 'tag' && !inside; p = p.parent)
      inside = excluded.has(p as Element);
    if (inside) continue;
    const sig = `${el.attribs?.class ?? ''}`;
    const g = groups.get(sig);
    if (g) g.push(el);
    else groups.set(sig, [el]);
  }
  for (const g of groups.values()) {
    if (g.length < 3) continue;
    let prose = 0;
    for (const el of g) prose += statsOf(raw, el).prose;
    if (prose <= left) continue;
    for (const el of g) {
      excluded.delete(el);
      const inner: Exclusion[] = [];
      collect(el.children ?? [], raw, inner);
      for (const x of inner)
        if (x.el.name !== 'figcaption' && !excluded.has(x.el)) excluded.set(x.el, x.strength);
    }
    left += prose;
  }
}
