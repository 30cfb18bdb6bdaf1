/**
 * Stage 3 of the generic extractor: the boilerplate inside the chosen content. Blocks named as
 * captions, credits, share bars, related links, newsletter boxes, ads, bylines ... are set aside
 * unless they hold much of the content's prose; Readability's conditional clean drops lists,
 * tables and divs that look like link farms or image strips; then paragraph-level filters drop
 * link-only lines ("RELATED: ..."), furniture lines ("Advertisement") and common trailers.
 */
import type { AnyNode, Element } from 'domhandler';
import {
  ABOUT_AUTHOR_HEADING,
  BIO_LINE,
  BODY_HINT,
  BOILERPLATE_PARAGRAPH,
  CALL_TO_ACTION,
  CARD_FACT_LABEL,
  CONTENT_JUNK,
  DATE_LINE,
  INLINE_PROMO_LABEL,
  JUNK_TOKEN,
  KEEP_EMBED,
  METADATA_LABEL,
  PHOTO_CREDIT_LINE,
  PHOTO_CREDIT_LINE_EN,
  PHOTO_CREDIT_TAIL,
  PROMO_HEADINGS,
  QUOTED_LINE,
  RATING_LINE,
  READ_TIME_LINE,
  RELATIVE_TIME_LINE,
  TRAILERS,
} from './content-hints.ts';
import { BLOCK_TAGS, contains, isElement } from './html-text.ts';
import { isCard, isEntryHeader } from './page-exclusions.ts';
import { BYLINE, bodyPart, classWeight, holdsHeading } from './score-candidates.ts';
import { isProse, type PageText, readPageText, statsOf, type TextBlock } from './text-blocks.ts';

/** Class names of what an article header holds besides its headline. */
const HEADER_PART =
  /dek|standfirst|sub-?title|sub-?head|summary|intro|lead|description|teaser|excerpt|strap|kicker|byline|author|meta|date|time|credit/i;
const CONDITIONAL = new Set([
  'div',
  'section',
  'ul',
  'ol',
  'table',
  'header',
  'dl',
  'form',
  'aside',
  'center',
]);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Class tokens that qualify a block rather than name it. */
const DATELINE = /dateline|location/i;
const TABLE_CELLS = new Set(['td', 'th', 'caption']);
const CODE = new Set(['pre', 'code']);
const SOURCE_LINE = /^(?:sources?|fuentes?|quellen?|fontes?|bron(?:nen)?|données|data)\s*:/i;
const MODIFIER_TOKEN = /(?:^|[-_])(?:has|with|without|no|show|hide)[-_]/i;
/** A subheading named "header-anchor" or "section-header" is a heading, not a page header. */
const HEADER_WORD = /(?<!sub)header/i;

/**
 * A class or id token names junk when it carries a junk word that does not come before a
 * body hint: `share-bar` and `ArticleBody-newsletter` are junk, `article-body` is not.
 */
function isJunkToken(token: string): boolean {
  // A modifier says what a block holds or how it looks, not what it is: `has-image`,
  // `with-video`, `no-caption` (a recipe card "tasty-recipes-has-image" is not an image).
  if (MODIFIER_TOKEN.test(token)) return false;
  const junk = CONTENT_JUNK.exec(token);
  if (!junk) return false;
  const body = BODY_HINT.exec(token);
  return !body || junk.index > body.index;
}

/** Attributes besides class and id that name what a block is (React and site-builder pages). */
const NAMING_ATTRIBUTES = ['data-testid', 'data-hook', 'data-component', 'data-type'];

function isJunkByName(el: Element): boolean {
  const attrs = el.attribs ?? {};
  const cls = attrs.class ?? '';
  let id = attrs.id ?? '';
  for (const a of NAMING_ATTRIBUTES) if (attrs[a]) id += ` ${attrs[a]}`;
  if (cls.length + id.length < 2) return false;
  if (KEEP_EMBED.test(cls)) return false;
  if (el.attribs?.itemprop === 'articleBody') return false;
  if (JUNK_TOKEN.test(cls) || JUNK_TOKEN.test(id)) return true;
  const heading = HEADINGS.has(el.name);
  for (const token of `${cls} ${id}`.split(/\s+/)) {
    if (!token || !isJunkToken(token)) continue;
    // A subheading named as one ("subhead-embed", "section-header"), or a section's header
    // holding its subheading ("ingredients-header"), is not page furniture.
    if (
      (heading || sectionHeading(el)) &&
      HEADER_WORD.test(token) &&
      !isJunkToken(token.replace(HEADER_WORD, ''))
    )
      continue;
    if (heading && SUBHEAD_TOKEN.test(token)) continue;
    return true;
  }
  return false;
}

const SUBHEAD_TOKEN = /sub-?head/i;

/** A few words around a subheading, no `<h1>`: a section's header ("Ingredients" and its tools). */
function sectionHeading(el: Element): boolean {
  if (!holdsHeading(el) || flatText(el).length > 120) return false;
  const stack: AnyNode[] = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'h1') return false;
    stack.push(...(n.children ?? []));
  }
  return true;
}

/** Inline junk that is cut out of a sentence whatever it says: a download link, a share button, an ad. */
const CUT_FROM_SENTENCE =
  /download|attachment|share|sharing|social|sns|advert|dfp-|gpt-ad|ad-?slot|newsletter|signup|subscribe|promo|read-?more|caption|credit|copyright|video|player|embed|gallery|image|photo|picture/i;

/**
 * An inline element that is a few words of a sentence, named after what it links to rather
 * than what it is: a place or topic link (`meta-loc`, `entity-link`, `tag-person`) reads as
 * part of the paragraph, and cutting it leaves a hole ("reverse its position on and lift").
 */
function phraseOfSentence(page: PageText, el: Element): boolean {
  if (BLOCK_TAGS.has(el.name)) return false;
  const attrs = el.attribs ?? {};
  if (CUT_FROM_SENTENCE.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`)) return false;
  if (/(?:^|[\s_-])(?:ad|ads)(?:$|[\s_-])/i.test(attrs.class ?? '')) return false;
  const st = statsOf(page, el);
  if (st.img > 0 || st.embeds > 0 || st.units === 0 || st.units > 80) return false;
  let p: AnyNode | null = el.parent;
  while (isElement(p) && !BLOCK_TAGS.has(p.name)) p = p.parent;
  if (!isElement(p)) return false;
  const owner = statsOf(page, p);
  return owner.units >= st.units * 3 && owner.prose >= owner.units * 0.5;
}

/** True when the only text of a (short) element is a heading: a subheading wrapped in a div. */
function isHeadingOnly(el: Element): boolean {
  let heading = false;
  const stack: AnyNode[] = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') {
      if ((n as unknown as { data: string }).data.trim()) return false;
      continue;
    }
    if (!isElement(n)) continue;
    if (HEADINGS.has(n.name)) {
      heading = true;
      continue;
    }
    stack.push(...(n.children ?? []));
  }
  return heading;
}

/** Owners of the prose blocks written with the roots' dominant paragraph class token (none without classes). */
function bodyParagraphs(page: PageText, roots: readonly Element[]): Element[] {
  const byToken = new Map<string, number>();
  const inRoots = (el: Element): boolean => roots.some((r) => contains(r, el));
  const owners: TextBlock[] = [];
  let total = 0;
  for (const b of page.blocks) {
    if (!isProse(b) || !inRoots(b.owner)) continue;
    total += b.units;
    const cls = b.owner.attribs?.class;
    if (!cls) continue;
    for (const token of new Set(cls.split(/\s+/)))
      if (token) byToken.set(token, (byToken.get(token) ?? 0) + b.units);
    owners.push(b);
  }
  let best = '';
  let bestUnits = 0;
  for (const [token, units] of byToken) {
    if (units > bestUnits) {
      best = token;
      bestUnits = units;
    }
  }
  if (!best || bestUnits < total * 0.5) return [];
  return owners.filter((b) => (b.owner.attribs?.class ?? '').split(/\s+/).includes(best)).map((b) => b.owner);
}

/**
 * The article's header inside the content: the largest block around the first `<h1>` (below
 * the roots) with little prose of its own and none of the body's paragraphs. Its kicker, dek,
 * byline and date are not body text.
 */
function headerBlock(
  page: PageText,
  roots: readonly Element[],
  template: readonly Element[],
): Element | null {
  const h1 = page.elements.find((el) => el.name === 'h1');
  if (!h1) return null;
  const root = roots.find((r) => r !== h1 && contains(r, h1));
  if (!root) return null;
  let header: Element | null = null;
  for (let p = h1.parent; isElement(p) && p !== root; p = p.parent) {
    const st = statsOf(page, p);
    if (st.prose > 150 || template.some((t) => contains(p, t))) break;
    // Prose in it must be named as a dek or standfirst: a bare lead paragraph is body.
    if (st.prose > 0 && p.name !== 'header') {
      const el = p;
      const named = page.blocks.every(
        (b) => !isProse(b) || !contains(el, b.owner) || HEADER_PART.test(b.owner.attribs?.class ?? ''),
      );
      if (!named) break;
    }
    header = p;
  }
  return header;
}

/**
 * An article header written without a wrapper of its own: the `<h1>`, then a dek, then a
 * byline, as siblings of the body's paragraphs. What stands between the headline and a short block named as a
 * byline or date (three siblings at most, little prose) is header, the byline too.
 */
function unwrappedHeader(page: PageText, roots: readonly Element[]): Element[] {
  const h1 = page.elements.find((el) => el.name === 'h1' && roots.some((r) => contains(r, el)));
  const parent = h1?.parent;
  if (h1 && isElement(parent) && roots.some((r) => contains(r, parent))) {
    const kids = elementChildren(parent);
    const at = kids.indexOf(h1);
    const run: Element[] = [];
    let prose = 0;
    for (const k of kids.slice(at + 1, at + 5)) {
      const st = statsOf(page, k);
      if (st.units === 0) continue;
      const ci = `${k.attribs?.class ?? ''} ${k.attribs?.id ?? ''}`;
      if (st.units < 150 && BYLINE.test(ci)) return prose < 300 ? [...run, k] : [];
      prose += st.prose;
      if (st.units >= 300 || prose >= 300) break;
      run.push(k);
    }
  }
  return [];
}

/** class/id of a standfirst under the headline. */
const DEK_NAME =
  /sub-?title|subhead(?:line)?|(?:^|[-_\s])dek(?:$|[-_\s])|standfirst|strapline|summary|excerpt|deck/i;

/**
 * The standfirst right under the headline, each in a wrapper of its own (Medium: `<div><h1>
 * </div><div><h2 class="pw-subtitle-paragraph"></div>`): the first element after the
 * headline's outermost lone wrapper, a short line without links named as a dek. It is the
 * teaser, not the text.
 */
function dekAfterHeadline(page: PageText, roots: readonly Element[]): Element | null {
  const h1 = page.elements.find((el) => el.name === 'h1' && roots.some((r) => contains(r, el)));
  if (!h1) return null;
  let anchor: Element = h1;
  while (
    isElement(anchor.parent) &&
    !roots.includes(anchor.parent) &&
    elementChildren(anchor.parent).length === 1
  )
    anchor = anchor.parent;
  let next: AnyNode | null = anchor.next;
  while (next && !(isElement(next) && page.stats.has(next) && statsOf(page, next).units > 0))
    next = next.next;
  if (!isElement(next)) return null;
  const st = statsOf(page, next);
  if (st.units >= 300 || st.links > 0 || st.img > 0 || st.paragraphs > 1) return null;
  // The dek itself may sit in a lone wrapper: its name is on the inner element.
  for (
    let el: Element | undefined = next;
    el;
    el = elementChildren(el).length === 1 ? elementChildren(el)[0] : undefined
  ) {
    const ci = `${el.attribs?.class ?? ''} ${el.attribs?.id ?? ''}`;
    if (DEK_NAME.test(ci)) return next;
  }
  return null;
}

/** What a caption's parts may be named that is never its text: its credit. */
const CREDIT_NAME = /credit|copyright|attribution|byline|source/i;
/** A credit written in a part of its own, unnamed: "Photograph: Name", "Photo by Name", "© Name". */
const CREDIT_TEXT =
  /^(?:(?:photo(?:graph)?s?|pictures?|images?|fotos?|foto(?:grafia|graf[ií]a)?|bild|credit)\s*(?:by\b|:)|©)/i;

/**
 * The figures of a photo essay: three or more of one class, each captioned with prose, holding
 * half of the content's prose or more (page-exclusions.ts gives them back). Their captions are
 * the story: inside them only a credit goes.
 */
function storyFigures(page: PageText, roots: readonly Element[], contentProse: number): Element[] {
  const groups = new Map<string, Element[]>();
  for (const el of page.elements) {
    if (el.name !== 'figure' || statsOf(page, el).prose < 60 || !roots.some((r) => contains(r, el))) continue;
    const sig = el.attribs?.class ?? '';
    const g = groups.get(sig);
    if (g) g.push(el);
    else groups.set(sig, [el]);
  }
  const out: Element[] = [];
  for (const g of groups.values()) {
    if (g.length < 3) continue;
    let prose = 0;
    for (const el of g) prose += statsOf(page, el).prose;
    if (prose >= contentProse * 0.5) out.push(...g);
  }
  return out;
}

/**
 * A story card set into the body ("Watch next" with a linked title and one teaser, between
 * two parts of the text): a card whose siblings are not cards of its kind. Cards of one kind
 * side by side are a list of items (a listicle, a shopping list) and stay.
 */
function loneCard(page: PageText, el: Element, contentProse: number): boolean {
  if (!CONDITIONAL.has(el.name) || el.name === 'ul' || el.name === 'ol' || el.name === 'table') return false;
  if (!isCard(page, el)) return false;
  const st = statsOf(page, el);
  if (st.prose > Math.max(contentProse * 0.2, 200)) return false;
  const sig = `${el.name}.${el.attribs?.class ?? ''}`;
  const parent = el.parent;
  for (const c of parent?.children ?? [])
    if (c !== el && isElement(c) && `${c.name}.${c.attribs?.class ?? ''}` === sig && isCard(page, c))
      return false;
  return true;
}

/**
 * A cell or div that opens with an image and holds only a short line under it: a figure
 * written without <figure> (old table layouts, site builders), its line a caption.
 */
function imageWithCaption(page: PageText, el: Element): boolean {
  if (el.name !== 'td' && el.name !== 'div') return false;
  const st = statsOf(page, el);
  if (st.img !== 1 || st.p > 1 || st.units === 0 || st.units >= 250) return false;
  // A caption and its credit on a line of their own ("Ray Thurlow | Bloomberg | Getty Images").
  const credited = st.paragraphs === 2 && st.p === 0 && creditLast(page, el);
  if (!credited && (st.units >= 150 || st.paragraphs > 1)) return false;
  // Its line may be a <p> (DW's `picBox`): then a caption, not a sentence of the story.
  if (st.p === 1 && (st.units >= 120 || SENTENCE_END.test(flatText(el)))) return false;
  for (const c of el.children ?? []) {
    if (c.type === 'text') {
      if ((c as unknown as { data: string }).data.trim()) return false;
      continue;
    }
    if (!isElement(c)) continue;
    if (c.name === 'img' || c.name === 'picture') return true;
    if (
      c.name === 'a' &&
      (c.children ?? []).some((x) => isElement(x) && (x.name === 'img' || x.name === 'picture'))
    )
      return true;
    // The image in a wrapper of its own (a lazy-loading `<div>`), without text.
    const cs = statsOf(page, c);
    return (
      (c.name === 'a' || c.name === 'div' || c.name === 'span' || c.name === 'p') &&
      cs.img === 1 &&
      cs.units === 0
    );
  }
  return false;
}

/** A photo credit on a line of its own: an agency, or "Photo: Name". */
const CREDIT_LINE =
  /\b(?:Getty Images|AP Photo|Reuters|AFP|EPA|Shutterstock|Alamy|iStock(?:photo)?|Bloomberg|NurPhoto|Anadolu|SOPA Images|Xinhua|dpa|picture alliance|Folhapress|Estadão Conteúdo|Agência Brasil)\b|^(?:photo(?:graph)?|foto|imagem|image|bild|credit|crédito)s?\s*(?:by\b|:)/i;

/** The last text block under `el` is a credit line. */
function creditLast(page: PageText, el: Element): boolean {
  const { first, last } = statsOf(page, el);
  let line: TextBlock | null = null;
  for (const b of page.blocks) {
    const at = statsOf(page, b.owner).first;
    if (at >= first && at <= last && b.text) line = b;
  }
  return !!line && line.units < 80 && !SENTENCE_END.test(line.text) && CREDIT_LINE.test(line.text);
}

/**
 * A caption written as the line under an image, without <figure> or a name (Blogger's
 * `separator` image, then a centred line in italics): a short line that is not a sentence,
 * centred or set in italics, right after an element that holds an image and no text.
 */
function captionAfterImage(page: PageText, el: Element): boolean {
  if (el.name !== 'div' && el.name !== 'p') return false;
  const st = statsOf(page, el);
  if (st.units === 0 || st.units >= 120 || st.img > 0 || st.links > 0 || st.paragraphs > 1) return false;
  const text = flatText(el);
  if (SENTENCE_END.test(text)) return false;
  let prev: AnyNode | null = el.prev;
  while (prev && !isElement(prev)) {
    if (prev.type === 'text' && (prev as unknown as { data: string }).data.trim()) return false;
    prev = prev.prev;
  }
  if (!isElement(prev) || !page.stats.has(prev)) return false;
  const ps = statsOf(page, prev);
  if (ps.img < 1 || ps.units > 0) return false;
  const centred = /text-align\s*:\s*center/i.test(el.attribs?.style ?? '');
  return centred || italicText(el) === text;
}

const ITALIC = new Set(['i', 'em', 'small', 'cite']);

/** The text of `el` set in italics (or small print). */
function italicText(el: Element): string {
  let out = '';
  const stack: Array<[AnyNode, boolean]> = [[el, false]];
  while (stack.length) {
    const [n, italic] = stack.pop()!;
    if (n.type === 'text') {
      if (italic) out += (n as unknown as { data: string }).data;
      continue;
    }
    if (!isElement(n)) continue;
    const inner = italic || ITALIC.has(n.name);
    for (let i = (n.children ?? []).length - 1; i >= 0; i--) stack.push([n.children[i]!, inner]);
  }
  return out.replace(/\s+/g, ' ').trim();
}

/** The text of a small subtree (an iterative walk). */
function flatText(el: Element): string {
  let out = '';
  const stack: AnyNode[] = [el];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'text') out += (n as unknown as { data: string }).data;
    else if (isElement(n))
      for (let i = (n.children ?? []).length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }
  return out.replace(/\s+/g, ' ').trim();
}

function elementChildren(el: Element): Element[] {
  return (el.children ?? []).filter((c): c is Element => isElement(c));
}

/** The first element of an item, when no text comes before it: its label (`<strong>Date</strong>`). */
function leadingLabel(item: Element): Element | null {
  for (const c of item.children ?? []) {
    if (c.type === 'text') {
      if ((c as unknown as { data: string }).data.trim()) return null;
      continue;
    }
    if (isElement(c)) return c;
  }
  return null;
}

const LABEL_TAGS = new Set(['strong', 'b', 'dt', 'span', 'em', 'label', 'h4', 'h5', 'h6']);

/**
 * A page's metadata written as a list (`<li><strong>Author</strong> ...</li>`,
 * `<li><strong>Keywords</strong> ...</li>`, "Permalink ..."): half its items or more open with a
 * metadata label, two at least. Not a list of facts of the story (their labels are its own).
 */
function metadataList(page: PageText, el: Element): boolean {
  if (el.name !== 'ul' && el.name !== 'ol' && el.name !== 'dl') return false;
  if (statsOf(page, el).prose >= 200) return false;
  const items = elementChildren(el).filter((c) => c.name === 'li' || c.name === 'dt');
  if (items.length < 2) return false;
  let labelled = 0;
  for (const item of items) {
    const label = item.name === 'dt' ? item : leadingLabel(item);
    if (label && LABEL_TAGS.has(label.name) && METADATA_LABEL.test(flatText(label))) labelled++;
  }
  return labelled >= 2 && labelled * 2 >= items.length;
}

/**
 * A list of promotions set into the body (AP's "What to know" box: "Today's news: Follow live
 * updates ...", "Ground Game: Sign up for ... newsletter"): three or more items, each with a
 * link, most of them calls to action.
 */
function promoList(page: PageText, el: Element): boolean {
  if (el.name !== 'ul' && el.name !== 'ol') return false;
  const items = elementChildren(el).filter((c) => c.name === 'li');
  if (items.length < 3) return false;
  let linked = 0;
  let calls = 0;
  for (const item of items) {
    if (statsOf(page, item).links > 0) linked++;
    if (CALL_TO_ACTION.test(flatText(item))) calls++;
  }
  return linked === items.length && calls * 2 > items.length;
}

/**
 * A box that is such a list under a short heading ("What to know about the election"): the
 * heading goes with it.
 */
function boxOfList(page: PageText, el: Element): boolean {
  if (el.name !== 'div' && el.name !== 'section' && el.name !== 'aside') return false;
  let list: Element | null = null;
  for (const c of elementChildren(el)) {
    const st = statsOf(page, c);
    if (st.units === 0) continue;
    if ((c.name === 'ul' || c.name === 'ol' || c.name === 'dl') && !list) {
      list = c;
      continue;
    }
    if (st.units >= 60 || st.prose > 0) return false;
  }
  return !!list && (metadataList(page, list) || promoList(page, list));
}

/** True when `el` holds a prose block of 60 units or more (asked of boxes with buttons only). */
function holdsParagraph(page: PageText, el: Element): boolean {
  const { first, last } = statsOf(page, el);
  for (const b of page.blocks) {
    if (b.units < 60 || !isProse(b)) continue;
    const at = statsOf(page, b.owner).first;
    if (at >= first && at <= last) return true;
  }
  return false;
}

/** A button label that asks the reader to sign up, subscribe, register, try ... */
const BUTTON_CALL =
  /^(?:sign ?up|subscribe|join|register|try|get (?:started|access|it)|start (?:a |your )?(?:free )?trial|continue|cadastr|assine|inscr|abonn|anmelden|registr|suscr)/i;

/** A button under `el` whose label is a call to action (an iterative walk). */
function callButton(el: Element): boolean {
  const stack: AnyNode[] = [...(el.children ?? [])];
  while (stack.length) {
    const n = stack.pop()!;
    if (!isElement(n)) continue;
    if (n.name === 'button') {
      const label = flatText(n);
      if (BUTTON_CALL.test(label) || CALL_TO_ACTION.test(label)) return true;
      continue;
    }
    stack.push(...(n.children ?? []));
  }
  return false;
}

/** Readability's conditional clean, on the subtree statistics. */
function looksLikeBoilerplate(page: PageText, el: Element, trustNames: boolean): boolean {
  const st = statsOf(page, el);
  if (st.keptEmbedUnits >= st.units * 0.5 && st.units > 0) return false;
  if (metadataList(page, el) || promoList(page, el) || boxOfList(page, el)) return true;
  const weight = classWeight(el);
  // A box named like furniture ("callout-card") whose text is prose without a link or an
  // image is a note of the article, not a teaser or a promo.
  // Buttons that call to nothing (a recipe card's "1x 2x" scale) are its tools, not a form.
  // So is a subheading or a list of plain items in a box named like a widget (Elementor
  // writes every part of a body as `elementor-widget-*`: a heading, an icon list).
  const plainProse =
    (st.prose > 0 || isHeadingOnly(el) || (st.li >= 2 && st.units >= 60)) &&
    st.linkUnits === 0 &&
    st.img === 0 &&
    st.embeds === 0 &&
    st.inputs === 0 &&
    (st.buttons === 0 || !callButton(el));
  if (weight < 0 && !plainProse && (trustNames ? st.prose < 200 : st.prose === 0)) return true;
  if (st.commas >= 10) return false;
  const isList = el.name === 'ul' || el.name === 'ol';
  const ld = st.units ? st.linkUnits / st.units : 0;
  if (st.img > 1 && st.p / st.img < 0.5 && st.prose === 0) return true;
  if (!isList && st.li - 100 > st.p) return true;
  // Paragraphs written as divs count as paragraphs: a chapter holding a newsletter form is no form box.
  // Buttons count as fields beside a field, in a box of short lines (a dialog's "Continue
  // reading here") or when one calls to action ("Sign up" under a pitch); not a paragraph's
  // tools (a live blog's entries each have their "Copy link" button).
  // A list's own tools (a recipe's "1x 2x 3x" scale, a unit switch, "Check all") sit beside
  // three or more items of text: they are not a form's fields.
  // So are a section header's tools beside its subheading ("Ingredients", "Scale 1x 2x").
  const listTools =
    st.inputs === 0 &&
    ((st.li >= 3 && st.linkUnits < st.units * 0.3) || (st.units < 60 && holdsHeading(el))) &&
    !callButton(el);
  const fields =
    st.inputs +
    (st.inputs > 0 || (st.buttons > 0 && !listTools && (!holdsParagraph(page, el) || callButton(el)))
      ? st.buttons
      : 0);
  if (fields > Math.floor((st.p > 0 ? st.p : st.paragraphs) / 3) && fields > 0) return true;
  // Short blocks go when they carry links, images or buttons (Readability 0.5; a player's
  // "Listen 4 min"): a bold line without any is a subheading written in a div.
  // A heading with its section's tools ("Ingredients", "Scale 1x 2x 3x") keeps its heading:
  // the tools go as a short block of their own.
  if (!isList && st.units < 25 && (st.img === 0 || st.img > 2))
    return (
      (st.linkUnits > 0 || st.img > 0 || st.buttons > 0 || st.units === 0) &&
      !isHeadingOnly(el) &&
      !(st.linkUnits === 0 && st.img === 0 && holdsHeading(el))
    );
  // Links inside sentences ("It also <a>co-ordinates plans</a>.") are not a link farm.
  const sentences = st.sentences >= st.links;
  if (!isList && weight < 25 && ld > 0.2 && !sentences) return st.prose < st.units * 0.5 || ld > 0.5;
  if (weight >= 25 && ld > 0.5 && !sentences) return true;
  if ((st.embeds === 1 && st.units < 75) || st.embeds > 1) return true;
  if (isList && ld > 0.5) return true;
  return false;
}

/**
 * The blocks of `roots` that are article text, in document order. `contentProse` is the prose
 * of the roots, against which "holds much of the content" is judged.
 */
export interface CleanOptions {
  /**
   * Drop blocks named as junk (captions, share bars ...): all of them (default), only those
   * without prose, or none.
   */
  byName?: 'all' | 'without-prose' | 'none';
  /** Readability's conditional clean. Default true. */
  conditional?: boolean;
}

export function contentBlocks(
  page: PageText,
  roots: readonly Element[],
  options: CleanOptions = {},
): TextBlock[] {
  let byName = options.byName ?? 'all';
  const conditional = options.conditional ?? true;
  let contentProse = 0;
  for (const r of roots) contentProse += statsOf(page, r).prose;
  // The body's own paragraph template (the class most of its prose is written in): a block
  // holding such a paragraph is body, whatever its wrapper is called ("leafmedia").
  const template = bodyParagraphs(page, roots);
  const header = headerBlock(page, roots, template);
  const loose = new Set(unwrappedHeader(page, roots));
  const dek = dekAfterHeadline(page, roots);
  if (dek) loose.add(dek);
  const essay = storyFigures(page, roots, contentProse);
  // A photo essay names its own text after its pictures (`gallery-intro`): names are trusted
  // only for blocks without prose.
  if (essay.length && byName === 'all') byName = 'without-prose';
  const keep = new Set<Element>();
  // Junk inside a kept paragraph (a download link in a <p>): the paragraph is read again without it.
  const inlineJunk = new Set<Element>();
  // A sibling part named as furniture (a disclosure line beside the body) is not body.
  const parts =
    roots.length > 1
      ? roots.filter((r) => !(isJunkByName(r) && statsOf(page, r).prose < contentProse * 0.4))
      : roots;
  const stack: Element[] = [...parts].reverse();
  while (stack.length) {
    const el = stack.pop()!;
    if (!page.stats.has(el)) continue; // excluded, or never text
    if (!roots.includes(el)) {
      const st = statsOf(page, el);
      const holdsMuch = st.prose > contentProse * 0.4 && st.prose >= 200;
      const keptEmbed =
        (st.keptEmbedUnits > 0 && st.keptEmbedUnits >= st.units * 0.5) ||
        (template.length > 0 && st.prose > 0 && template.some((p) => contains(el, p)));
      // A dateline written inline ("<span class=dateline>PORT AVERY —</span> The city ...")
      // opens the story's first sentence.
      const inlineDateline = !BLOCK_TAGS.has(el.name) && DATELINE.test(el.attribs?.class ?? '');
      // An entry's own header in a stream of entries (a live blog): its title is body text.
      const entryHeader = el.name === 'header' || HEADER_WORD.test(el.attribs?.class ?? '');
      if (essay.length && essay.some((f) => contains(f, el))) {
        const attrs = el.attribs ?? {};
        if (
          CREDIT_NAME.test(`${attrs.class ?? ''} ${attrs.id ?? ''}`) ||
          (!BLOCK_TAGS.has(el.name) && statsOf(page, el).units < 60 && CREDIT_TEXT.test(flatText(el)))
        ) {
          if (!BLOCK_TAGS.has(el.name)) inlineJunk.add(el);
          continue;
        }
        keep.add(el);
        for (let i = (el.children ?? []).length - 1; i >= 0; i--) {
          const c = el.children[i];
          if (isElement(c)) stack.push(c);
        }
        continue;
      }
      const junk =
        el.name === 'h1' ||
        el === header ||
        loose.has(el) ||
        (!keptEmbed &&
          !(entryHeader && isEntryHeader(page, el)) &&
          !holdsMuch &&
          !inlineDateline &&
          ((byName !== 'none' &&
            (byName === 'all' || st.prose === 0) &&
            isJunkByName(el) &&
            !phraseOfSentence(page, el)) ||
            (conditional &&
              !bodyPart(page, el) &&
              ((CONDITIONAL.has(el.name) && looksLikeBoilerplate(page, el, byName === 'all')) ||
                imageWithCaption(page, el) ||
                captionAfterImage(page, el) ||
                loneCard(page, el, contentProse)))));
      if (junk) {
        if (!BLOCK_TAGS.has(el.name)) inlineJunk.add(el);
        continue;
      }
    }
    keep.add(el);
    const children = el.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) {
      const c = children[i];
      if (isElement(c)) stack.push(c);
    }
  }
  const blocks = leftLabels(
    page,
    roots,
    page.blocks.filter((b) => keep.has(b.owner)),
    keep,
  );
  if (!inlineJunk.size) return blocks;
  const owners = new Set<Element>();
  for (const j of inlineJunk) {
    let p: AnyNode | null = j.parent;
    while (isElement(p) && !BLOCK_TAGS.has(p.name)) p = p.parent;
    if (isElement(p)) owners.add(p);
  }
  const skip = new Set<Element>([...page.excluded, ...inlineJunk]);
  const out: TextBlock[] = [];
  const done = new Set<Element>();
  for (const b of blocks) {
    if (!owners.has(b.owner)) {
      out.push(b);
      continue;
    }
    // Read the owner once, for its first block; its other blocks are in that reading.
    if (done.has(b.owner)) continue;
    done.add(b.owner);
    const again = readPageText([b.owner], skip).blocks.filter((x) => x.owner === b.owner);
    out.push(...again.map((x) => ({ ...x, index: b.index })));
  }
  return out;
}

/**
 * The label of a box whose lines were all set aside ("Stocks in this story" over a quote
 * strip, "What to know" over promo links): a short line that is not a sentence, in a box below
 * the roots where two or more other lines were set aside and none kept.
 */
function leftLabels(
  page: PageText,
  roots: readonly Element[],
  blocks: TextBlock[],
  keep: ReadonlySet<Element>,
): TextBlock[] {
  const drop = new Set<TextBlock>();
  for (const b of blocks) {
    if (b.units >= 40 || SENTENCE_END.test(b.text)) continue;
    for (let box = b.owner.parent; isElement(box) && !roots.includes(box); box = box.parent) {
      const st = statsOf(page, box);
      if (st.units <= b.units) continue;
      let dropped = 0;
      let kept = 0;
      for (const o of page.blocks) {
        if (o === b || !o.text || !contains(box, o.owner)) continue;
        // A quote or score line is dropped later, by the paragraph filters.
        if (keep.has(o.owner) && !(o.units < 60 && isDataLine(o))) kept++;
        else dropped++;
      }
      if (kept === 0 && dropped >= 2) drop.add(b);
      break;
    }
  }
  return drop.size ? blocks.filter((b) => !drop.has(b)) : blocks;
}

/** Ends like a sentence: `.`, `!`, `?` (or their CJK forms), maybe inside closing quotes. */
const SENTENCE_END = /[.!?。！？…][\s"'”’»)\]]*$/u;
const LETTER = /\p{L}/u;
/** A label before a link: "RELATED:", "READ MORE", "▶". */
const LABEL = /^(?:[^\p{L}]*|.{0,40}[:|»›>▶►]\s*|[\p{Lu}\d\s&'’-]{2,30})$/u;

/**
 * A line that is mostly a link: "RELATED: <a>Another story</a>", a bare headline link. A
 * sentence that links some of its words ("It also <a>co-ordinates plans</a>.") is not one.
 */
function isLinkLine(b: TextBlock): boolean {
  const plain = b.plain ?? '';
  if (!LETTER.test(plain)) return true;
  if (LABEL.test(plain)) return true;
  return !SENTENCE_END.test(b.text);
}

const SIGNED_CHANGE = /[+\-−–]\s?\d+(?:[.,]\d+)?\s?%\)?\s*$/;

/**
 * A line of figures rather than words: a ticker ("MRWF 41.22 -8.7%"), a score strip. Fewer
 * letters than digits and signs, no sentence; a table cell is the table's data and stays.
 */
function isDataLine(b: TextBlock): boolean {
  if (TABLE_CELLS.has(b.owner.name) || CODE.has(b.owner.name) || SENTENCE_END.test(b.text)) return false;
  const chars = b.text.replace(/\s+/g, '');
  const letters = chars.match(/\p{L}/gu)?.length ?? 0;
  // Two figures at least: a footnote number alone is the body's.
  const figures = b.text.match(/\d+(?:[.,]\d+)?/g)?.length ?? 0;
  if (figures >= 2 && letters < chars.length * 0.4) return true;
  // A quote line: a symbol and a name run into a price and a signed change ("HRLWHarlow Motors Inc.52.18+3.02%").
  return figures >= 2 && b.units < 60 && SIGNED_CHANGE.test(b.text);
}

/**
 * A pull quote written without a name: a short block whose words are, verbatim, part of a
 * longer paragraph of the same content.
 */
function repeatsAnother(b: TextBlock, blocks: readonly TextBlock[]): boolean {
  const core = b.text.replace(/^[\s"'“”‘’«»„]+|[\s"'“”‘’«».,;:!?]+$/g, '');
  if (core.length < 30) return false;
  for (const o of blocks) if (o !== b && o.units >= b.units * 2 && o.text.includes(core)) return true;
  return false;
}

function isTrailer(text: string): boolean {
  return TRAILERS.some((re) => re.test(text));
}

/** A page title's parts: "Headline - Publisher - Section", "Headline｜Site", "Headline_Site". */
const TITLE_SEPARATOR = /\s+[|–—-]\s+|\s*[｜|_]\s*|:\s+/;

/** `line` is most of the headline `head`, or one of the parts of a page title. */
function partOfHeadline(head: string, line: string): boolean {
  if (line.length * 2 >= head.length) return true;
  return head.split(TITLE_SEPARATOR).some((part) => part.trim() === line);
}

/** Opens with a promo label as a label, not as a word ("Related: ...", never "Relatedly"). */
function inlinePromo(text: string): boolean {
  const m = INLINE_PROMO_LABEL.exec(text);
  return !!m && !/^\p{Ll}/u.test(text.slice(m[0].length));
}

/** Paragraph-level filters: link-only lines, furniture lines, trailers, repeats of the headline. */
export function filterBlocks(blocks: readonly TextBlock[], headlines: readonly string[]): TextBlock[] {
  const heads = headlines.map((h) => h.toLowerCase()).filter((h) => h.length > 0);
  const seen = new Set<string>();
  const out: TextBlock[] = [];
  const facts = factRuns(blocks);
  const kept = new Set<number>();
  const widgets = testimonialsAndAuthorBox(blocks);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const text = b.text;
    if (!text || facts.has(i) || widgets.has(i) || labelledRow(b)) continue;
    if (b.units < 100 && BOILERPLATE_PARAGRAPH.test(text)) continue;
    if (b.units < 400 && b.linkUnits > 0 && inlinePromo(text)) continue;
    // A date alone on a line at the top or the bottom (a dateline block); in the middle, as a
    // heading, it is a timeline's subheading.
    if (
      b.units < 50 &&
      !HEADINGS.has(b.owner.name) &&
      (out.length < 3 || i >= blocks.length - 2) &&
      DATE_LINE.test(text)
    )
      continue;
    if (isTrailer(text)) continue;
    if (i >= blocks.length - 3 && b.units < 250 && BIO_LINE.test(text)) continue;
    if (b.units < 80 && READ_TIME_LINE.test(text)) continue;
    if (b.units < 40 && RELATIVE_TIME_LINE.test(text)) continue;
    if (b.units < 150 && PHOTO_CREDIT_LINE.test(text)) continue;
    if (b.units < 250 && PHOTO_CREDIT_LINE_EN.test(text)) continue;
    if (b.units < 250 && PHOTO_CREDIT_TAIL.test(text)) continue;
    if (b.units < 60 && isDataLine(b)) continue;
    if (b.units < 60 && RATING_LINE.test(text)) continue;
    if (b.units < 35 && CARD_FACT_LABEL.test(text) && FACT_LINE.test(text)) continue;
    if (b.units < 200 && !TABLE_CELLS.has(b.owner.name) && factSegments(text)) continue;
    if (b.units >= 30 && b.units < 250 && repeatsAnother(b, blocks)) continue;
    // "Source: ..." right under a table is the table's credit line.
    const prev = out[out.length - 1];
    if (b.units < 80 && prev && TABLE_CELLS.has(prev.owner.name) && SOURCE_LINE.test(text)) continue;
    if (b.units < 60 && PROMO_HEADINGS.test(text.replace(/[:\s]+$/, ''))) continue;
    // A linked heading that opens a paragraph of its own (a product in a list) is a heading.
    const next = blocks[i + 1];
    const heading =
      HEADINGS.has(b.owner.name) && !!next && isProse(next) && next.linkUnits < next.units * 0.35;
    if (b.linkUnits > b.units * 0.6 && !heading && isLinkLine(b)) continue;
    // The headline (or the page title it is part of), repeated at the top of the body: what
    // came before it (kicker, date line) is not body either.
    // (Lowercased only for the headline tests: most blocks are long paragraphs past the top.)
    if (out.length < 3 && b.units < 300) {
      const lower = text.toLowerCase();
      // Part of the headline, as the headline is part of the page title: most of it, not a
      // subheading that shares a phrase ("Polls close in the north" under "...: polls close
      // in the north, queues in the capital").
      if (
        heads.some((h) => h === lower || (h.includes(lower) && b.units >= 15 && partOfHeadline(h, lower)))
      ) {
        for (let k = out.length - 1; k >= 0; k--) if (!isProse(out[k]!)) out.splice(k, 1);
        continue;
      }
    }
    if (HEADINGS.has(b.owner.name) && heads.includes(text.toLowerCase())) continue;
    if (b.units >= 40) {
      if (seen.has(text)) continue;
      seen.add(text);
    }
    out.push(b);
    kept.add(i);
  }
  return dropOrphanLabels(out, blocks, kept);
}

/** "Prep Time: 10 mins", "Servings: 6": a short label, a colon and a value with a figure. */
const FACT_LINE = /^[\p{L}][\p{L}' ]{1,24}:\s*[^.!?]{0,20}\d[^.!?]{0,20}$/u;

/** "Category: Salad": a short label, a colon and a short value that is not a sentence. */
const LABEL_VALUE = /^[\p{L}][\p{L}' ]{1,24}:\s*[^.!?:]{1,40}$/u;

/** "Prep Time 10 mins" with its label in an element of its own (no colon): label, figure, value. */
const LABELLED_FACT = /^[\p{L}][\p{L}' ]{1,24}\s+[^.!?]{0,20}\d[^.!?]{0,20}$/u;
const LABEL_CLASS = /label|caption-?name|details-?name|meta-?name|(?:^|[-_])key(?:$|[-_])/i;

/** The block's owner holds a child named as a label (`wprm-recipe-details-label`). */
function hasLabelChild(el: Element): boolean {
  for (const c of el.children ?? [])
    if (isElement(c) && LABEL_CLASS.test(c.attribs?.class ?? '')) return true;
  return false;
}

/**
 * A site builder's widgets left in a body with no names: *testimonials* (two or more lines
 * wholly in quotes, each followed by a short attribution without a sentence end: "Helen,
 * Leeds") and an *author box* among the last lines (an "About Ines" / "About the author"
 * heading and the short bio under it).
 */
function testimonialsAndAuthorBox(blocks: readonly TextBlock[]): Set<number> {
  const out = new Set<number>();
  const attribution = (b: TextBlock | undefined): boolean =>
    !!b && b.units < 40 && !SENTENCE_END.test(b.text) && b.text.split(/\s+/).length <= 5;
  for (let i = 0; i < blocks.length; ) {
    let j = i;
    while (j + 1 < blocks.length && QUOTED_LINE.test(blocks[j]!.text) && attribution(blocks[j + 1])) j += 2;
    if (j - i >= 4) for (let k = i; k < j; k++) out.add(k);
    i = j > i ? j : i + 1;
  }
  for (let i = Math.max(0, blocks.length - 4); i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.units >= 60 || !ABOUT_AUTHOR_HEADING.test(b.text)) continue;
    const next = blocks[i + 1];
    if (next && next.units < 300 && i + 2 >= blocks.length - 1) {
      out.add(i);
      out.add(i + 1);
    }
  }
  return out;
}

/**
 * One line of two or more labelled facts written as cells (`<span class="details-label">Prep
 * Time</span> <span>10 mins</span> <span class="details-label">Servings</span> <span>4</span>`):
 * a card's metadata on one line.
 */
function labelledRow(b: TextBlock): boolean {
  if (b.units >= 80 || !/\d/.test(b.text) || !cellRow(b.owner)) return false;
  let labels = 0;
  for (const c of b.owner.children ?? [])
    if (isElement(c) && LABEL_CLASS.test(c.attribs?.class ?? '') && !/\d/.test(flatText(c))) labels++;
  return labels >= 2;
}

/** A line of three or more facts: "Calories: 285kcal | Protein: 14g | Fat: 8g". */
function factSegments(text: string): boolean {
  const parts = text.split(/\s+[|·•]\s+|\s*[|•]\s*/);
  return parts.length >= 3 && parts.every((p) => FACT_LINE.test(p.trim()));
}

const CELL_TAGS = new Set(['span', 'b', 'strong', 'em', 'i', 'small', 'time', 'data']);

/**
 * A row written as cells: a label (an inline element without figures) and one or more values,
 * inline elements or bare text (`<div><span>Possession</span><span>44%</span><span>56%</span>
 * </div>`, `<div><span>Prep Time</span> 10 mins</div>`).
 */
function cellRow(el: Element): boolean {
  let cells = 0;
  for (const c of el.children ?? []) {
    if (c.type === 'text') {
      if (!(c as unknown as { data: string }).data.trim()) continue;
      // The value written as bare text after its label ("<span>Prep Time</span> 10 mins").
      if (cells === 0) return false;
      cells++;
      continue;
    }
    if (!isElement(c)) continue;
    if (!CELL_TAGS.has(c.name)) return false;
    // A cell of no words (a checkbox's "▢", an icon) is neither label nor value.
    const t = flatText(c);
    if (!/[\p{L}\p{N}]/u.test(t)) continue;
    if (cells++ === 0 && /\d/.test(t)) return false;
  }
  return cells >= 2;
}

/**
 * Runs of three or more fact lines (a recipe's times and servings, a product's specs, a match's
 * statistics written as rows of cells): the page's metadata written as lines, not its text. A table's cells
 * are its data and stay.
 */
function factRuns(blocks: readonly TextBlock[]): Set<number> {
  const out = new Set<number>();
  let start = 0;
  let figures = 0;
  for (let i = 0; i <= blocks.length; i++) {
    const b = blocks[i];
    const short = !!b && b.units < 35 && !TABLE_CELLS.has(b.owner.name);
    const fact =
      short &&
      (FACT_LINE.test(b.text) ||
        (LABELLED_FACT.test(b.text) && hasLabelChild(b.owner)) ||
        (/\d/.test(b.text) && cellRow(b.owner)));
    if (fact) figures++;
    // A label and a value without a figure ("Author: Dana Whitfield", "Category: Salad") in a
    // run of facts is one more line of the same card.
    if (fact || (short && LABEL_VALUE.test(b.text))) continue;
    if (i - start >= 3 && figures >= 2) for (let k = start; k < i; k++) out.add(k);
    start = i + 1;
    figures = 0;
  }
  return out;
}

/**
 * A label whose lines were all dropped ("Stocks mentioned" over a ticker, "Share" over its
 * links): a short line that is not a sentence, followed by two or more dropped lines, in a
 * box that holds nothing else that was kept.
 */
function dropOrphanLabels(
  out: TextBlock[],
  blocks: readonly TextBlock[],
  kept: ReadonlySet<number>,
): TextBlock[] {
  const at = new Map<TextBlock, number>();
  for (const [i, b] of blocks.entries()) at.set(b, i);
  return out.filter((b) => {
    if (b.units >= 40 || SENTENCE_END.test(b.text)) return true;
    const i = at.get(b)!;
    const dropped: TextBlock[] = [];
    for (let k = i + 1; k < blocks.length && !kept.has(k); k++) if (blocks[k]!.text) dropped.push(blocks[k]!);
    if (dropped.length < 2) return true;
    // The box of the label and its lines: the nearest ancestor holding the last of them.
    const last = dropped[dropped.length - 1]!.owner;
    let box: AnyNode | null = b.owner.parent;
    while (isElement(box) && !contains(box, last)) box = box.parent;
    if (!isElement(box)) return true;
    const held = box;
    if (out.some((o) => o !== b && contains(held, o.owner))) return true;
    // A section's heading over its tools ("Ingredients" over "Scale 1x 2x"): the section
    // around that box goes on with text that was kept.
    const section = held.parent;
    if (!HEADINGS.has(b.owner.name) || !isElement(section)) return false;
    const next = out[out.indexOf(b) + 1];
    return !!next && contains(section, next.owner);
  });
}
