/**
 * DW (Deutsche Welle), every language service. Two layouts:
 * - current (React, 2022+): body in `window.__APOLLO_STATE__` (Article:<id>.text, HTML) and in
 *   the DOM as `article div.rich-text`; kicker (category, then topic) above the headline;
 * - legacy (until 2023): `#bodyContent .col3` with `p.intro`, `div.longText`, and a
 *   `ul.smallList` of date, author and keywords.
 */
import type { CheerioAPI } from 'cheerio';
import { inlineText, normalizeSpace } from '../src/scrape/html-text.ts';
import { loadHtml } from '../src/scrape/load.ts';
import { toIsoDate } from '../src/scrape/metadata.ts';
import { allTexts, bodyParagraphs, firstText } from './select-text.ts';
import type { ExtractedFields, PageContext, SiteExtractor } from './types.ts';

// Current layout.
const ARTICLE = 'article';
const RICH_TEXT = 'div.rich-text';
/** Read inside the article element. */
const KICKER_PARTS = '[data-tracking-name="content-detail-kicker"] > span, header .kicker > span';
const HEADLINE = 'h1';
const TEASER = 'header p.teaser-text, p.teaser-text';
const AUTHORS = '.author-details .author';
/** Inside the body: pictures, captions, video and audio players, ads, embeds. */
const BODY_JUNK = [
  'figure',
  'figcaption',
  '.vjs-wrapper',
  '.embed',
  '.rich-text-ad',
  '.advertisement',
  '.placeholder-image',
  '.image-caption',
  'video',
  'audio',
  'aside',
  'iframe',
];
const BODY_BLOCKS = 'p, h2, h3, h4, h5, li, blockquote';

// Legacy layout.
const LEGACY_COLUMN = '#bodyContent .col3';
const LEGACY_INTRO = 'p.intro';
const LEGACY_BODY = 'div.longText';
const LEGACY_KICKER = 'h4.artikel';
const LEGACY_FACTS = 'ul.smallList li';
const LEGACY_JUNK = [
  '.picBox',
  '.gallery',
  '.col3.right',
  '.teaserContentWrap',
  '.mediaItem',
  '.slideshow',
  '.dwPlayer',
  '.playButtonArea',
  '.infobox',
  'script',
];

/** The editor's line closing an article, by language: its name becomes `editor`. */
const EDITOR_LINE =
  /^(?:Edited by|Redaktion|Redigiert von|Édité par|Edition|Édition|Edición|Editado por|Edição|Редактор|Редакция|Uredila?|Uredio|Redakcja|Redaktör)\s*:\s*(.+)$/i;
/** A byline line inside a legacy body ("Author: ...", "Auteur : ..."). */
const AUTHOR_LINE = /^(?:Author|Autor|Autorin|Autorin\/Autor|Auteur|Autora|Autor\/a)\s*:\s*(.+)$/i;
/** "Read more" lines that link elsewhere. */
const READ_MORE =
  /^(?:Read more|Lesen Sie (?:auch|mehr)|Mehr zum Thema|Lire aussi|Lea también|Leia também|Читайте также)\s*:/i;
/** Newsletter promotions set as body paragraphs. */
const PROMO =
  /(?:send out a selection of the day's|Sign up for (?:the|our) newsletter|Newsletter abonnieren|Abonnieren Sie (?:hier )?(?:unseren|den) Newsletter)/i;
/** Legacy fact labels. */
const FACT_AUTHOR = /^(Author|Autorin\/Autor|Autor|Autorin|Auteur|Autora|Autor\/a)$/i;
const FACT_KEYWORDS = /^(Keywords|Schlagwörter|Mots-clés|Palabras clave)$/i;

function articleIdFrom(url: string | null): string | null {
  const m = url ? /\/a-(\d+)/.exec(url) : null;
  return m?.[1] ?? null;
}

/** The Apollo cache of the current layout, or null. */
function apolloState($: CheerioAPI): Record<string, Record<string, unknown>> | null {
  for (const el of $('script').toArray()) {
    // Read the raw text node: cheaper than .text() on every inline script of the page.
    const first = el.children[0] as { data?: string } | undefined;
    const src = first?.data;
    if (!src) continue;
    const at = src.indexOf('window.__APOLLO_STATE__');
    if (at < 0) continue;
    const eq = src.indexOf('=', at);
    if (eq < 0) return null;
    const json = src
      .slice(eq + 1)
      .trim()
      .replace(/;\s*$/, '');
    try {
      const state = JSON.parse(json) as unknown;
      return state && typeof state === 'object' ? (state as Record<string, Record<string, unknown>>) : null;
    } catch {
      return null;
    }
  }
  return null;
}

interface Body {
  paragraphs: string[];
  editor: string | null;
}

/** Splits the editor's line (and "Read more" lines) off the body paragraphs. */
function finishBody(paragraphs: string[]): Body {
  let editor: string | null = null;
  const kept: string[] = [];
  for (const p of paragraphs) {
    const m = EDITOR_LINE.exec(p);
    if (m?.[1]) {
      editor = normalizeSpace(m[1]).replace(/[.;]$/, '');
      continue;
    }
    if (READ_MORE.test(p) || PROMO.test(p)) continue;
    kept.push(p);
  }
  return { paragraphs: kept, editor };
}

function currentLayout($: CheerioAPI, page: PageContext): ExtractedFields | null {
  const article = $(ARTICLE).first();
  const state = apolloState($);
  const id = articleIdFrom(page.url) ?? articleIdFrom(page.fetchedUrl);
  const apolloArticle = state && id ? state[`Article:${id}`] : undefined;
  const apolloText = typeof apolloArticle?.text === 'string' ? apolloArticle.text : null;

  let paragraphs: string[] = [];
  if (apolloText) {
    const frag = loadHtml(`<div id="apollo-body">${apolloText}</div>`);
    paragraphs = bodyParagraphs(frag, frag('#apollo-body'), { remove: BODY_JUNK, blocks: BODY_BLOCKS });
  }
  if (!paragraphs.length) {
    const rich = (article.length ? article.find(RICH_TEXT) : $(RICH_TEXT)).first();
    if (!rich.length) return null;
    paragraphs = bodyParagraphs($, rich, { remove: BODY_JUNK, blocks: BODY_BLOCKS });
  }
  const body = finishBody(paragraphs);

  const kicker = allTexts($, KICKER_PARTS, article);
  const category = apolloArticle?.thematicFocusCategory as { name?: unknown } | undefined;
  const section = kicker[0] ?? (typeof category?.name === 'string' ? category.name : null);
  const tags = kicker.length
    ? kicker.slice(1)
    : typeof apolloArticle?.kicker === 'string'
      ? [apolloArticle.kicker]
      : [];
  const authors = article.length ? allTexts($, AUTHORS, article) : [];
  const apolloTeaser =
    typeof apolloArticle?.teaser === 'string' ? normalizeSpace(apolloArticle.teaser) : null;
  const apolloDate =
    typeof apolloArticle?.firstPublicationDate === 'string'
      ? toIsoDate(apolloArticle.firstPublicationDate)
      : null;
  return {
    title:
      firstText($, [HEADLINE]) ??
      (typeof apolloArticle?.title === 'string' ? apolloArticle.title : undefined),
    teaser: (article.length ? firstText($, [TEASER], article) : null) ?? apolloTeaser,
    published: page.meta.published ?? apolloDate,
    section,
    tags,
    authors: authors.length ? authors : page.meta.authors,
    editor: body.editor,
    text: body.paragraphs.join('\n\n'),
  };
}

function legacyLayout($: CheerioAPI, page: PageContext): ExtractedFields | null {
  const column = $(LEGACY_COLUMN).first();
  if (!column.length) return null;
  const body = column.find(LEGACY_BODY).first();
  const authors: string[] = [];
  const tags: string[] = [];
  let date: string | null = null;
  column.find(LEGACY_FACTS).each((_, li) => {
    const label = normalizeSpace($(li).children('strong').first().text()).replace(/:$/, '');
    const value = normalizeSpace(inlineText($, li).slice(label.length)).replace(/^:\s*/, '');
    if (FACT_AUTHOR.test(label) && value && !authors.length) {
      authors.push(...value.split(/\s*(?:,|\/| und | and | et )\s*/).filter(Boolean));
    } else if (FACT_KEYWORDS.test(label) && !tags.length) {
      tags.push(
        ...$(li)
          .find('a')
          .toArray()
          .map((a) => inlineText($, a))
          .filter(Boolean),
      );
    } else if (/^(Date|Datum)$/i.test(label) && !date) {
      const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
      if (m) date = `${m[3]}-${m[2]}-${m[1]}`;
    }
  });
  const paragraphs = bodyParagraphs($, body, { remove: LEGACY_JUNK, blocks: 'p, h2, h3, h4, li' });
  const finished = finishBody(paragraphs);
  const text: string[] = [];
  for (const p of finished.paragraphs) {
    const a = AUTHOR_LINE.exec(p);
    if (a?.[1]) {
      if (!authors.length) authors.push(normalizeSpace(a[1]));
      continue;
    }
    text.push(p);
  }
  const kicker = normalizeSpace(column.find(LEGACY_KICKER).first().text()) || null;
  // The legacy intro is set as the first paragraph of the article column, not in a header:
  // it opens the text (and is the whole text of audio and video pages).
  const intro = firstText($, [LEGACY_INTRO], column);
  if (intro) text.unshift(intro);
  return {
    title: firstText($, ['h1'], column),
    teaser: intro,
    published: page.meta.published ?? date,
    section: kicker,
    tags,
    authors,
    editor: finished.editor,
    text: text.join('\n\n'),
  };
}

export const dw: SiteExtractor = {
  id: 'dw',
  name: 'DW',
  hosts: ['dw.com', 'dw.de'],
  extract($, page) {
    return currentLayout($, page) ?? legacyLayout($, page) ?? { text: null };
  },
};
