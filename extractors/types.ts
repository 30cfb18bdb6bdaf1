/**
 * The contract of a site extractor: one file per site under extractors/, registered in
 * extractors/index.ts. An extractor is pure: it reads the parsed page and never fetches.
 */
import type { CheerioAPI } from 'cheerio';
import type { PageMetadata } from '../src/scrape/metadata.ts';

/** What scrapePage hands an extractor besides the parsed page. */
export interface PageContext {
  /** Canonical URL (rel=canonical / og:url, tracking removed), else the fetched URL. */
  url: string | null;
  /** Where the page was fetched from (may be a mirror such as 127.0.0.1). */
  fetchedUrl: string | null;
  /** JSON-LD, OpenGraph and meta tags, read once for every extractor. */
  meta: PageMetadata;
}

/**
 * Fields an extractor found. Anything left undefined falls back to the page metadata; a
 * `text` of null or '' means "no body found here" and the generic main-text extractor runs.
 */
export interface ExtractedFields {
  title?: string | null;
  teaser?: string | null;
  published?: string | null;
  section?: string | null;
  tags?: string[];
  authors?: string[];
  editor?: string | null;
  language?: string | null;
  text: string | null;
}

export interface SiteExtractor {
  /** Stable id, [a-z0-9-], also the record's `source.id`. */
  id: string;
  /** Human name, the record's `source.name`. */
  name: string;
  /** Registrable hosts this extractor reads; subdomains match too (`dw.com` covers `amp.dw.com`). */
  hosts: readonly string[];
  extract($: CheerioAPI, page: PageContext): ExtractedFields;
}
