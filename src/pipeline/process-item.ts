/**
 * Stage 2: one feed item -> one record. Fetch the page (robots.txt, safe fetching), scrape it,
 * extract. The record's `url` and `id` come from the canonical URL: the page's own
 * (rel=canonical / og:url, as the scraper reads it), canonicalised (tracking parameters off),
 * else the item's canonical URL.
 */
import { ExtractError, ScrapeError, SeizurewatchError } from '../errors.ts';
import { extractRecord } from '../extract/index.ts';
import { canonicalizeUrl } from '../feeds/canonical-url.ts';
import { scrapePage } from '../scrape/index.ts';
import type { ArticleRecord, FeedItem, Page } from '../types.ts';
import type { PipelineDeps } from './deps.ts';

/** Pages this large are checked against the parse limits in a parse thread once fetched. */
const CHECK_PAGES_OVER = 1_000_000;

/**
 * Fetch the article page of an item (its canonical URL). Throws a typed FetchError. A page over
 * 1 MB is parsed to its limits in a parse thread first (when there are some), so a hostile one
 * fails here (ScrapeError) instead of travelling on (in `serve`, through Redis) to the scrape.
 */
export async function fetchItemPage(
  item: FeedItem,
  deps: Pick<PipelineDeps, 'fetcher' | 'parsers'>,
): Promise<Page> {
  const page = await deps.fetcher.fetchPage(item.url);
  if (deps.parsers && page.html.length > CHECK_PAGES_OVER) await deps.parsers.checkPage(page);
  return page;
}

/**
 * Scrape and extract a fetched page into a record. Pure apart from the clock. Throws
 * ScrapeError / ExtractError (typed, never a bare Error).
 */
export function recordFromPage(
  item: FeedItem,
  page: Page,
  deps: Pick<PipelineDeps, 'now'> = {},
): ArticleRecord {
  let article: ReturnType<typeof scrapePage>;
  try {
    article = scrapePage(page.html, page.finalUrl);
  } catch (cause) {
    if (cause instanceof SeizurewatchError) throw cause;
    throw new ScrapeError(`cannot scrape ${page.finalUrl}: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
      details: { url: page.finalUrl },
    });
  }
  const url =
    (article.url ? canonicalizeUrl(article.url, page.finalUrl) : null) ??
    canonicalizeUrl(page.finalUrl) ??
    item.url;
  const filled = {
    ...article,
    url,
    title: article.title ?? item.title,
    published: article.published ?? item.published,
    // A page that does not say its language is in its feed's ("de-DE" -> "de").
    language:
      article.language === 'und' && item.language
        ? (item.language.toLowerCase().split(/[-_]/)[0] ?? article.language)
        : article.language,
  };
  try {
    return extractRecord(filled, deps.now ? { now: deps.now } : {});
  } catch (cause) {
    if (cause instanceof SeizurewatchError) throw cause;
    throw new ExtractError(`cannot extract ${url}: ${(cause as Error)?.message ?? String(cause)}`, {
      cause,
      details: { url },
    });
  }
}

/**
 * {@link recordFromPage} in a parse thread when `deps.parsers` has them (the event loop stays
 * free, a stuck page is stopped at `parse.timeoutMs`), else in this thread.
 */
export async function extractPage(
  item: FeedItem,
  page: Page,
  deps: Pick<PipelineDeps, 'now' | 'parsers'> = {},
): Promise<ArticleRecord> {
  if (deps.parsers) return deps.parsers.recordFromPage(item, page, deps.now);
  return recordFromPage(item, page, deps);
}

/** Fetch, scrape and extract one item (see {@link fetchItemPage}, {@link extractPage}). */
export async function processItem(item: FeedItem, deps: PipelineDeps): Promise<ArticleRecord> {
  const page = await fetchItemPage(item, deps);
  return extractPage(item, page, deps);
}
