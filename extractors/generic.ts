/**
 * The generic extractor, for every host without a site extractor (and the fallback when a site
 * extractor finds no body): metadata from JSON-LD, OpenGraph and meta tags, body from the
 * staged main-text extractor (src/scrape/main-text.ts).
 */
import type { CheerioAPI } from 'cheerio';
import { joinParagraphs } from '../src/scrape/html-text.ts';
import { extractMainText } from '../src/scrape/main-text.ts';
import type { ExtractedFields, PageContext } from './types.ts';

export function extractGeneric($: CheerioAPI, page: PageContext): ExtractedFields {
  const h1 = page.meta.h1 ?? '';
  const ldBody = page.meta.jsonLd?.articleBody;
  const { paragraphs } = extractMainText($, {
    headlines: [page.meta.title, h1, page.meta.documentTitle],
    jsonLdBody: typeof ldBody === 'string' ? ldBody : null,
  });
  return {
    title: page.meta.jsonLd ? page.meta.title : h1 || page.meta.title,
    text: joinParagraphs(paragraphs),
  };
}
