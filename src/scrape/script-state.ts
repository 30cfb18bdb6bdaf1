/**
 * The article text of a page rendered by script: Next.js (`__NEXT_DATA__`), Nuxt, Apollo and
 * other client stores (`window.__INITIAL_STATE__ = {...}`) ship the whole story as JSON next to
 * a near-empty DOM. The state is read only when the DOM gave no body (`main-text.ts`).
 *
 * The body is the part of the state holding the most prose, as either
 * - one string of HTML or text (`"body": "<p>...</p><p>...</p>"`), or
 * - an array of blocks (`[{"type":"paragraph","content":"..."}, {"type":"heading", ...}]`),
 *   blocks typed as ads, images, embeds or related links left out;
 * never under keys that name other things (comments, related, navigation, bios, captions).
 */
import type { AnyNode, Element } from 'domhandler';
import { normalizeSpace } from './html-text.ts';
import { isProse } from './text-blocks.ts';
import { measureText } from './text-measure.ts';

/** Scripts larger than this are not parsed (a state that big is not an article's). */
const MAX_SCRIPT = 5_000_000;
/** Words of keys whose values are never the article body (keys split at camelCase, `_`, `-`). */
const SKIP_WORDS = new Set(
  (
    'comment comments related recommended recommendations trending popular most promo promos teaser ' +
    'teasers nav navigation menu menus footer header sidebar newsletter seo bio author authors byline ' +
    'caption captions credit credits summary dek description excerpt subheadline headline title label ' +
    'alt schema meta metadata ad ads advert adverts i18n translations dictionary messages jsonld'
  ).split(' '),
);

function skipKey(key: string): boolean {
  for (const w of key.split(/[_\-\s.:]+|(?<=[a-z])(?=[A-Z])/))
    if (SKIP_WORDS.has(w.toLowerCase())) return true;
  return false;
}

/** Block types that are not text of the article. */
const SKIP_TYPE =
  /ad|image|photo|picture|video|audio|gallery|embed|oembed|related|link|promo|newsletter|interactive|table_of|toc|divider|spacer/i;
const TYPE_KEYS = ['type', '_type', '__typename', 'kind', 'nodeType', 'blockType'];
const TEXT_KEYS = ['content', 'text', 'html', 'value', 'body', 'paragraph', 'markup'];
/** `window.__STATE__ = {`, `var data = {`: the JSON starts at the first brace. */
const ASSIGNMENT =
  /^\s*(?:(?:window|self|globalThis)\s*\.\s*|(?:var|let|const)\s+)?[\w$.[\]'"]{1,80}\s*=\s*(?:JSON\.parse\()?/;

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
};

function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number.parseInt(e.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** Paragraphs of a text that may be HTML (JSON-LD `articleBody`, a state's body string). */
export function markupParagraphs(raw: string): string[] {
  let s = raw;
  if (/<\/?(?:p|br|div|h\d|li|blockquote)\b/i.test(s)) {
    s = s
      .replace(/<(script|style|figure|figcaption|aside)\b[\s\S]*?<\/\1>/gi, '')
      .replace(/<(?:br|\/p|\/div|\/h\d|\/li|\/blockquote)\b[^>]*>/gi, '\n\n')
      .replace(/<[^>]+>/g, '');
  }
  s = decodeEntities(s);
  return s
    .split(/\n\s*\n|\r\n|\n/)
    .map((p) => normalizeSpace(p))
    .filter((p) => p.length > 0);
}

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

/** Prose of paragraphs written for people: spaced words (or CJK), not code, URLs or base64. */
function proseOf(paragraphs: readonly string[]): number {
  let prose = 0;
  for (const p of paragraphs) {
    const m = measureText(p);
    if (!isProse({ ...m, linkUnits: 0 })) continue;
    const spaces = p.length - p.replace(/\s/g, '').length;
    if (spaces * 40 < p.length && !CJK.test(p)) continue;
    if (/^(?:https?:|data:|\/\/)/.test(p) || /[{}<>]|\bfunction\b|=>/.test(p)) continue;
    prose += m.units;
  }
  return prose;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Keys of a list block's items: `{"type":"list","items":["...", "..."]}`. */
const ITEM_KEYS = ['items', 'listItems', 'entries', 'elements'];

/** The item texts of a list block (strings, or objects with a text field), or null. */
function listItems(block: Record<string, unknown>): string[] | null {
  for (const k of ITEM_KEYS) {
    const items = block[k];
    if (!Array.isArray(items) || !items.length) continue;
    const out: string[] = [];
    for (const item of items) {
      const t = typeof item === 'string' ? normalizeSpace(item) : isObject(item) ? blockText(item) : null;
      if (t) out.push(t);
    }
    return out.length ? out : null;
  }
  return null;
}

/** The paragraphs of one block: its text, or one per item of a list block. */
function blockParagraphs(block: Record<string, unknown>): string[] {
  const text = blockText(block);
  if (text) return [text];
  if (skippedType(block)) return [];
  return listItems(block) ?? [];
}

function skippedType(block: Record<string, unknown>): boolean {
  for (const k of TYPE_KEYS) {
    const t = block[k];
    if (typeof t === 'string' && SKIP_TYPE.test(t) && !/heading|text|paragraph/i.test(t)) return true;
  }
  return false;
}

/** The text of one block: its first text field, or the texts of its children (rich-text trees). */
function blockText(block: Record<string, unknown>): string | null {
  if (skippedType(block)) return null;
  for (const k of TEXT_KEYS) {
    const v = block[k];
    if (typeof v === 'string' && v.trim()) return markupParagraphs(v).join(' ');
  }
  // Rich-text trees (Portable Text, Contentful, ProseMirror): the text of the leaves, in order.
  const parts: string[] = [];
  const stack: unknown[] = [];
  for (const k of ['children', 'content', 'nodes']) if (Array.isArray(block[k])) stack.push(block[k]);
  let guard = 0;
  while (stack.length && guard++ < 500) {
    const v = stack.shift();
    if (Array.isArray(v)) {
      stack.unshift(...v);
      continue;
    }
    if (!isObject(v)) continue;
    for (const k of ['text', 'value']) if (typeof v[k] === 'string') parts.push(v[k] as string);
    for (const k of ['children', 'content', 'nodes']) if (Array.isArray(v[k])) stack.unshift(v[k]);
  }
  const text = normalizeSpace(parts.join(''));
  return text || null;
}

interface Best {
  paragraphs: string[];
  prose: number;
}

/** The candidate body of one parsed state. */
function bestIn(state: unknown, best: Best): void {
  const stack: unknown[] = [state];
  let visited = 0;
  while (stack.length && visited++ < 200_000) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (v.length < 200) continue;
      const paragraphs = markupParagraphs(v);
      const prose = proseOf(paragraphs);
      if (prose > best.prose) {
        best.paragraphs = paragraphs;
        best.prose = prose;
      }
      continue;
    }
    if (Array.isArray(v)) {
      if (v.length >= 2 && v.some(isObject)) {
        const paragraphs: string[] = [];
        for (const item of v) {
          if (!isObject(item)) continue;
          paragraphs.push(...blockParagraphs(item));
        }
        const prose = proseOf(paragraphs);
        if (prose > best.prose) {
          best.paragraphs = paragraphs;
          best.prose = prose;
        }
      }
      for (const item of v) if (typeof item === 'object' || typeof item === 'string') stack.push(item);
      continue;
    }
    if (!isObject(v)) continue;
    for (const [k, child] of Object.entries(v)) {
      if (skipKey(k)) continue;
      if (typeof child === 'object' || typeof child === 'string') stack.push(child);
    }
  }
}

function parseState(text: string, type: string): unknown {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    if (type.includes('json') || trimmed[0] === '{' || trimmed[0] === '[') return JSON.parse(trimmed);
    if (!ASSIGNMENT.test(trimmed)) return undefined;
    const start = trimmed.indexOf('{');
    const end = trimmed.lastIndexOf('}');
    if (start < 0 || end <= start) return undefined;
    return JSON.parse(trimmed.slice(start, end + 1));
  } catch {
    return undefined;
  }
}

/** The body paragraphs held in the page's script state, or null when none reads like one. */
export function scriptStateBody(root: AnyNode): string[] | null {
  const best: Best = { paragraphs: [], prose: 0 };
  const stack: AnyNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    const kind: string = node.type;
    if (kind !== 'tag' && kind !== 'root' && kind !== 'script') continue;
    const el = node as Element;
    if (kind === 'script') {
      const type = (el.attribs?.type ?? '').toLowerCase();
      if (type === 'application/ld+json' || (type && !type.includes('json') && !type.includes('javascript')))
        continue;
      let text = '';
      for (const c of el.children ?? [])
        if (c.type === 'text') text += (c as unknown as { data: string }).data;
      // Too short to hold a body (measured in units when short: a Chinese store is shorter in
      // characters than an English one of the same text).
      if (text.length > MAX_SCRIPT || (text.length < 500 && measureText(text).units < 500)) continue;
      const state = parseState(text, type);
      if (state !== undefined) bestIn(state, best);
      continue;
    }
    const children = el.children ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return best.prose >= 200 ? best.paragraphs : null;
}
