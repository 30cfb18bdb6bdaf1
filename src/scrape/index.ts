/**
 * The scrape stage: HTML page -> ScrapedArticle. Pure. Picks the site extractor by the host of
 * the page's canonical URL (falling back to the fetched URL), so a page served from a mirror is
 * still read by its site's extractor; the generic extractor reads every other page, and also
 * any page whose site extractor finds no body (a layout change).
 */
import { extractGeneric } from '../../extractors/generic.ts';
import { extractorForHost } from '../../extractors/index.ts';
import type { ExtractedFields, PageContext, SiteExtractor } from '../../extractors/types.ts';
import { ScrapeError, SeizurewatchError } from '../errors.ts';
import type { ScrapedArticle } from '../types.ts';
import { canonicalizeUrl, hostOf } from './canonical-url.ts';
import { normalizeSpace } from './html-text.ts';
import { loadHtml } from './load.ts';
import { normalizeLanguage, readMetadata, str } from './metadata.ts';

/** Pages larger than this are not articles (or not worth reading): refused. */
export const MAX_HTML_LENGTH = 10_000_000;

export { canonicalizeUrl } from './canonical-url.ts';

/** The page's canonical URL: rel=canonical, og:url, JSON-LD url, else the fetched URL. */
function canonicalOf(meta: ReturnType<typeof readMetadata>, fetchedUrl: string | null): string | null {
  const ld = meta.jsonLd ?? {};
  const mainEntity = ld.mainEntityOfPage;
  const ldUrl =
    str(ld.url) ??
    (typeof mainEntity === 'string'
      ? mainEntity
      : str((mainEntity as Record<string, unknown> | undefined)?.['@id']));
  for (const candidate of [meta.canonical, meta.ogUrl, ldUrl]) {
    const url = canonicalizeUrl(candidate, fetchedUrl);
    // A canonical pointing at a site's home page is a template bug, not the article's URL.
    if (url && new URL(url).pathname.length > 1) return url;
  }
  return canonicalizeUrl(fetchedUrl);
}

function sourceFor(extractor: SiteExtractor | null, url: string | null, siteName: string | null) {
  if (extractor) return { id: extractor.id, name: extractor.name };
  const host = hostOf(url);
  return { id: host ?? 'unknown', name: siteName ?? host ?? 'unknown' };
}

function cleanList(values: readonly string[] | undefined): string[] {
  const out: string[] = [];
  for (const v of values ?? []) {
    const t = normalizeSpace(v);
    if (t && !out.includes(t)) out.push(t);
  }
  return out;
}

function cleanField(v: string | null | undefined): string | null {
  if (v === null || v === undefined) return null;
  return normalizeSpace(v) || null;
}

export interface ScrapeOptions {
  /** Ignore the site extractors and read every page generically (for evaluation). Default false. */
  genericOnly?: boolean;
}

function scrape(html: string, fetchedUrl: string | null, options: ScrapeOptions): ScrapedArticle {
  // Refused while parsing when the page nests, builds or takes too much (see load.ts).
  const $ = loadHtml(html, { url: fetchedUrl });
  const meta = readMetadata($);
  const url = canonicalOf(meta, fetchedUrl);
  const site = options.genericOnly
    ? null
    : (extractorForHost(hostOf(url)) ?? extractorForHost(hostOf(fetchedUrl)));
  const page: PageContext = { url, fetchedUrl, meta };

  let fields: ExtractedFields = site ? site.extract($, page) : extractGeneric($, page);
  let extractor = site ? site.id : 'generic';
  if (site && !fields.text) {
    // The site's layout changed: keep its metadata, read the body generically. No second
    // parse: the generic reader never mutates the page, and what a site extractor may have
    // removed (captions, ads inside its body root) is not body text either.
    const generic = extractGeneric($, page);
    fields = { ...fields, text: generic.text };
    extractor = 'generic';
  }

  const teaser = fields.teaser !== undefined ? cleanField(fields.teaser) : meta.description;
  let text = (fields.text ?? '').trim();
  // Audio and video pages carry only an intro: that intro is the article.
  if (!text && teaser) text = teaser;
  if (!text)
    throw new ScrapeError('no article text found on the page', { details: { url, reason: 'no-text' } });

  return {
    url,
    source: sourceFor(site, url, meta.siteName),
    language: normalizeLanguage(fields.language ?? undefined) ?? meta.language ?? 'und',
    title: fields.title !== undefined ? cleanField(fields.title) : meta.title,
    teaser,
    published: fields.published !== undefined ? fields.published : meta.published,
    section: fields.section !== undefined ? cleanField(fields.section) : meta.section,
    tags: cleanList(fields.tags ?? meta.tags),
    authors: cleanList(fields.authors ?? meta.authors),
    editor: cleanField(fields.editor),
    text,
    extractor,
  };
}

/**
 * Reads the article off an HTML page. Throws ScrapeError (never anything else) when the input
 * is not a page or carries no article text.
 */
export function scrapePage(
  html: string,
  fetchedUrl: string | null,
  options: ScrapeOptions = {},
): ScrapedArticle {
  if (typeof html !== 'string')
    throw new ScrapeError('page is not a string', { details: { reason: 'not-string' } });
  if (!html.trim()) throw new ScrapeError('page is empty', { details: { url: fetchedUrl, reason: 'empty' } });
  if (html.length > MAX_HTML_LENGTH) {
    throw new ScrapeError(`page is larger than ${MAX_HTML_LENGTH} characters`, {
      details: { url: fetchedUrl, reason: 'too-large', length: html.length },
    });
  }
  try {
    return scrape(html, typeof fetchedUrl === 'string' ? fetchedUrl : null, options);
  } catch (err) {
    if (err instanceof ScrapeError) throw err;
    const message = err instanceof SeizurewatchError || err instanceof Error ? err.message : String(err);
    throw new ScrapeError(`scraping failed: ${message}`, {
      cause: err,
      details: { url: fetchedUrl, reason: 'internal' },
    });
  }
}
