/**
 * The scrape stage: HTML page -> ScrapedArticle. Pure. Picks the site extractor by the host of
 * the page's canonical URL (falling back to the fetched URL); a generic extractor otherwise.
 * OWNER: scraping work. Stub until implemented.
 */
import { ScrapeError } from '../errors.ts';
import type { ScrapedArticle } from '../types.ts';

export function scrapePage(_html: string, _fetchedUrl: string | null): ScrapedArticle {
  throw new ScrapeError('scraping not implemented yet');
}
