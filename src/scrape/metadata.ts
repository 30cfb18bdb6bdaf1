/**
 * Page metadata every extractor can fall back on: JSON-LD (NewsArticle and kin), OpenGraph,
 * `article:*` and plain meta tags, `<html lang>`. Read once per page.
 */
import type { CheerioAPI } from 'cheerio';
import type { Element } from 'domhandler';
import { descendants, normalizeSpace } from './html-text.ts';

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|WebPage|TechArticle|ScholarlyArticle|SocialMediaPosting)$/;
const ORG_TYPES = /^(Organization|NewsMediaOrganization|Corporation|GovernmentOrganization|WebSite|Brand)$/;

export interface PageMetadata {
  canonical: string | null;
  ogUrl: string | null;
  /** The JSON-LD article object (NewsArticle first), if any. */
  jsonLd: Record<string, unknown> | null;
  title: string | null;
  description: string | null;
  published: string | null;
  section: string | null;
  tags: string[];
  /** Person authors from JSON-LD or meta tags (organisations left out). */
  authors: string[];
  language: string | null;
  siteName: string | null;
  /** The `<title>` element's text and the first `<h1>`'s, as written (headline repeats are dropped from bodies). */
  documentTitle: string | null;
  h1: string | null;
}

type MetaIndex = Map<string, string[]>;

/** Every meta tag's content by property / name / itemprop, read in one pass. */
/** The few elements metadata is read from, collected in one walk (css queries each walk the page). */
interface HeadElements {
  metas: Element[];
  ldScripts: Element[];
  canonical: Element | null;
  title: Element | null;
  time: Element | null;
  html: Element | null;
  h1: Element | null;
}

function collect($: CheerioAPI): HeadElements {
  const out: HeadElements = {
    metas: [],
    ldScripts: [],
    canonical: null,
    title: null,
    time: null,
    html: null,
    h1: null,
  };
  for (const el of descendants($.root().toArray())) {
    switch (el.name) {
      case 'meta':
        out.metas.push(el);
        break;
      case 'script':
        if ((el.attribs.type ?? '').toLowerCase() === 'application/ld+json') out.ldScripts.push(el);
        break;
      case 'link':
        if (!out.canonical && (el.attribs.rel ?? '').toLowerCase() === 'canonical') out.canonical = el;
        break;
      case 'title':
        if (!out.title) out.title = el;
        break;
      case 'html':
        if (!out.html) out.html = el;
        break;
      case 'time':
        if (!out.time && el.attribs.datetime) out.time = el;
        break;
      case 'h1':
        if (!out.h1) out.h1 = el;
        break;
    }
  }
  return out;
}

function indexMeta(metas: Element[]): MetaIndex {
  const index: MetaIndex = new Map();
  for (const el of metas) {
    const attrs = el.attribs;
    const content = attrs.content === undefined ? '' : normalizeSpace(attrs.content);
    if (!content) continue;
    for (const key of [attrs.property, attrs.name, attrs.itemprop]) {
      if (!key) continue;
      const k = key.toLowerCase();
      const list = index.get(k);
      if (list) list.push(content);
      else index.set(k, [content]);
    }
  }
  return index;
}

function meta(index: MetaIndex, key: string): string | null {
  return index.get(key.toLowerCase())?.[0] ?? null;
}

function metaAll(index: MetaIndex, key: string): string[] {
  return index.get(key.toLowerCase()) ?? [];
}

/** Every JSON-LD object on the page, @graph and arrays flattened. */
export function jsonLdObjects($: CheerioAPI, scripts?: Element[]): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const push = (v: unknown, depth: number): void => {
    if (depth > 4 || !v || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) push(x, depth + 1);
      return;
    }
    const o = v as Record<string, unknown>;
    out.push(o);
    if (Array.isArray(o['@graph'])) push(o['@graph'], depth + 1);
  };
  for (const el of scripts ?? $('script[type="application/ld+json"]').toArray()) {
    const raw = $(el).text().trim();
    if (!raw || raw.length > 2_000_000) continue;
    try {
      push(JSON.parse(raw.replace(/^\s*<!--|-->\s*$/g, '')), 0);
    } catch {
      // A broken JSON-LD block is common and harmless: the other sources still apply.
    }
  }
  return out;
}

function typesOf(o: Record<string, unknown>): string[] {
  const t = o['@type'];
  if (typeof t === 'string') return [t];
  if (Array.isArray(t)) return t.filter((x): x is string => typeof x === 'string');
  return [];
}

export function str(v: unknown): string | null {
  if (typeof v === 'string') return normalizeSpace(v) || null;
  if (typeof v === 'number') return String(v);
  return null;
}

/** Names of the persons in a JSON-LD `author` value; organisations are dropped. */
export function personNames(v: unknown): string[] {
  const list = Array.isArray(v) ? v : v ? [v] : [];
  const names: string[] = [];
  for (const a of list) {
    if (typeof a === 'string') {
      const n = normalizeSpace(a);
      if (n) names.push(n);
      continue;
    }
    if (!a || typeof a !== 'object') continue;
    const o = a as Record<string, unknown>;
    if (typesOf(o).some((t) => ORG_TYPES.test(t))) continue;
    const n = str(o.name);
    if (n) names.push(n);
  }
  return names;
}

/** ISO 8601: date-only strings stay dates, anything with a time becomes a UTC timestamp. */
export function toIsoDate(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const s = raw.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(s)) return s;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/.test(s)) return s;
  // "2023-06-13 12:15:32+00:00" and friends: make them parseable.
  const t = Date.parse(s.replace(/^(\d{4}-\d{2}-\d{2}) (\d)/, '$1T$2'));
  if (Number.isNaN(t)) return null;
  const d = new Date(t);
  const y = d.getUTCFullYear();
  if (y < 1990 || y > 2100) return null;
  return d.toISOString();
}

/** Primary language subtag, lower case (`de-DE` -> `de`). */
export function normalizeLanguage(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const m = /^\s*([a-zA-Z]{2,3})(?:[-_][a-zA-Z0-9]+)*\s*$/.exec(raw);
  return m?.[1] ? m[1].toLowerCase() : null;
}

function splitKeywords(v: unknown): string[] {
  if (Array.isArray(v)) return v.map(str).filter((x): x is string => !!x);
  const s = str(v);
  return s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];
}

export function readMetadata($: CheerioAPI): PageMetadata {
  const head = collect($);
  const m = indexMeta(head.metas);
  const objects = jsonLdObjects($, head.ldScripts);
  const article =
    objects.find((o) => typesOf(o).some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t))) ??
    objects.find((o) => typesOf(o).includes('WebPage') && (o.headline || o.datePublished)) ??
    null;
  const ld = article ?? {};

  const canonical = normalizeSpace(head.canonical?.attribs.href ?? '') || null;
  const ogUrl = meta(m, 'og:url');
  const title =
    str(ld.headline) ??
    meta(m, 'og:title') ??
    meta(m, 'twitter:title') ??
    (head.title ? normalizeSpace($(head.title).text()) || null : null);
  const description =
    str(ld.description) ??
    meta(m, 'og:description') ??
    meta(m, 'description') ??
    meta(m, 'twitter:description');
  const published = toIsoDate(
    str(ld.datePublished) ??
      meta(m, 'article:published_time') ??
      meta(m, 'og:article:published_time') ??
      meta(m, 'datePublished') ??
      meta(m, 'pubdate') ??
      meta(m, 'publish-date') ??
      meta(m, 'parsely-pub-date') ??
      meta(m, 'sailthru.date') ??
      meta(m, 'dc.date') ??
      meta(m, 'DC.date.issued') ??
      meta(m, 'date') ??
      (normalizeSpace(head.time?.attribs.datetime ?? '') || null),
  );
  const ldSection = Array.isArray(ld.articleSection) ? str(ld.articleSection[0]) : str(ld.articleSection);
  const section = ldSection ?? meta(m, 'article:section');
  const tags = [...new Set([...metaAll(m, 'article:tag'), ...splitKeywords(ld.keywords)])];
  let authors = personNames(ld.author);
  if (!authors.length) {
    authors = metaAll(m, 'author')
      .concat(metaAll(m, 'article:author').filter((a) => !/^https?:/.test(a)))
      .filter((a) => !/^https?:/.test(a));
  }
  const language = normalizeLanguage(
    head.html?.attribs.lang ?? str(ld.inLanguage) ?? meta(m, 'og:locale') ?? meta(m, 'content-language'),
  );
  const siteName =
    meta(m, 'og:site_name') ?? str((ld.publisher as Record<string, unknown> | undefined)?.name);
  return {
    canonical,
    ogUrl,
    jsonLd: article,
    title,
    description,
    published,
    section,
    tags,
    authors: [...new Set(authors)],
    language,
    siteName,
    documentTitle: head.title ? normalizeSpace($(head.title).text()) || null : null,
    h1: head.h1 ? normalizeSpace($(head.h1).text()) || null : null,
  };
}
