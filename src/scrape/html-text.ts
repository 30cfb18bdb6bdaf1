/**
 * Turns a DOM subtree into article text: one paragraph per block element (p, h2, li ...),
 * inline runs between blocks as paragraphs of their own, whitespace collapsed, paragraphs
 * separated by one blank line.
 */
import type { Cheerio, CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

/** Elements whose content is never article text. */
export const NEVER_TEXT = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'video',
  'audio',
  'object',
  'embed',
  'canvas',
  'button',
  'select',
  'input',
  'textarea',
  'head',
  'title',
  'meta',
  'link',
]);

/** Elements that start a new paragraph. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'center',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'thead',
  'tfoot',
  'tr',
  'td',
  'th',
  'caption',
  'ul',
  'br',
]);

/** Collapses every run of whitespace (nbsp and zero-width characters too) to one space. */
export function normalizeSpace(text: string): string {
  const cleaned = INVISIBLE.test(text) ? text.replace(INVISIBLE_ALL, '') : text;
  return cleaned.replace(SPACES, ' ').trim();
}

const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/;
const INVISIBLE_ALL = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
/**
 * The runs of whitespace (`\s`: nbsp, the U+2000 spaces, U+3000 ... included) that are not
 * already one plain space: a run opening with another space character, or a space followed by
 * more. Replacing only those gives what replacing every run gives, without rebuilding a
 * paragraph word by word when its spaces are already single (most of them): about 5x faster.
 */
const SPACES = /[^\S ]\s*| \s+/g;

/** Text of one element as a single line (inline text, `<br>` as a space). */
export function inlineText($: CheerioAPI, el: Cheerio<AnyNode> | AnyNode | undefined): string {
  if (!el) return '';
  const nodes = 'cheerio' in (el as object) ? (el as Cheerio<AnyNode>).toArray() : [el as AnyNode];
  const parts: string[] = [];
  const walk = (node: AnyNode, depth: number): void => {
    if (depth > 200) return;
    if (node.type === 'text') {
      parts.push((node as unknown as { data: string }).data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root') return;
    const name = (node as Element).name?.toLowerCase();
    if (name && NEVER_TEXT.has(name)) return;
    if (name === 'br' || (name && BLOCK_TAGS.has(name))) parts.push(' ');
    for (const child of (node as Element).children ?? []) walk(child, depth + 1);
    if (name && BLOCK_TAGS.has(name)) parts.push(' ');
  };
  for (const n of nodes) walk(n, 0);
  void $;
  return normalizeSpace(parts.join(''));
}

/** Paragraphs of a subtree, in document order. */
export function blockParagraphs(roots: AnyNode[]): string[] {
  const out: string[] = [];
  let buf: string[] = [];
  const flush = (): void => {
    const text = normalizeSpace(buf.join(''));
    if (text) out.push(text);
    buf = [];
  };
  const walk = (node: AnyNode, depth: number): void => {
    if (depth > 200) return;
    if (node.type === 'text') {
      buf.push((node as unknown as { data: string }).data);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'cdata') return;
    const name = (node as Element).name?.toLowerCase();
    if (name && NEVER_TEXT.has(name)) return;
    if (name === 'br') {
      flush();
      return;
    }
    const block = name !== undefined && BLOCK_TAGS.has(name);
    if (block) flush();
    for (const child of (node as Element).children ?? []) walk(child, depth + 1);
    if (block) flush();
  };
  for (const r of roots) walk(r, 0);
  flush();
  return out;
}

export function isElement(n: AnyNode | null | undefined): n is Element {
  return !!n && n.type === 'tag';
}

/** True when `node` is `ancestor` or lies inside it. */
export function contains(ancestor: AnyNode, node: AnyNode): boolean {
  for (let p: AnyNode | null = node; p; p = p.parent) if (p === ancestor) return true;
  return false;
}

/** Joins paragraphs with one blank line. */
export function joinParagraphs(paragraphs: string[]): string {
  return paragraphs.filter((p) => p.length > 0).join('\n\n');
}

/**
 * Every element under `roots` in document order, without recursion and without css-select's
 * ancestor checks (a `body *` query is quadratic on deeply nested pages).
 */
export function descendants(roots: AnyNode[]): Element[] {
  const out: Element[] = [];
  const stack: AnyNode[] = [];
  for (let i = roots.length - 1; i >= 0; i--) {
    const r = roots[i] as Element;
    for (let j = (r.children?.length ?? 0) - 1; j >= 0; j--) stack.push(r.children[j]!);
  }
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type !== 'tag' && n.type !== 'script' && n.type !== 'style') continue;
    const el = n as Element;
    out.push(el);
    for (let j = (el.children?.length ?? 0) - 1; j >= 0; j--) stack.push(el.children[j]!);
  }
  return out;
}
