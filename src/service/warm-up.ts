/**
 * Runs scrape + extract once on a small page of our own before the workers take jobs. The
 * extractor loads its tables on first use (seconds); without this, the first extract job would
 * block the event loop that long, delaying lock renewals and every other job in the process.
 */
import type { Logger } from '../log.ts';
import { recordFromPage } from '../pipeline/index.ts';
import type { FeedItem, Page } from '../types.ts';

const URL = 'https://warm-up.invalid/news/port-seizure';
const HTML = `<!doctype html><html lang="en"><head><title>Warm-up</title></head><body><article>
<h1>Customs seize cocaine at the port</h1>
<p>Customs officers in Rotterdam seized 250 kilograms of cocaine in a shipping container on Monday, the Dutch prosecutor said.</p>
<p>Police in Hamburg said they had arrested two men in connection with the case.</p>
</article></body></html>`;

export function warmUpExtractor(logger: Logger): number {
  const started = Date.now();
  const item: FeedItem = {
    feedId: 'warm-up',
    link: URL,
    url: URL,
    guid: null,
    title: null,
    published: null,
    summary: null,
    contentHtml: null,
    categories: [],
    language: 'en',
  };
  const page: Page = {
    url: URL,
    finalUrl: URL,
    status: 200,
    html: HTML,
    contentType: 'text/html',
    fetchedAt: new Date(0).toISOString(),
  };
  try {
    recordFromPage(item, page);
  } catch (err) {
    logger.warn({ err }, 'extractor warm-up failed (jobs will load the tables)');
  }
  const ms = Date.now() - started;
  logger.info({ ms }, 'extractor warmed up');
  return ms;
}
