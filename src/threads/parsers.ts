/**
 * The CPU-heavy steps of the pipeline, feed parsing and a page's scrape + extract, behind one
 * interface the stage functions call: in worker threads by default ({@link createParsers}), so
 * the event loop of `scan` and `serve` stays free (health checks answer, BullMQ locks are
 * renewed, other fetches go on) and a stuck input is stopped at `parse.timeoutMs`; or in the
 * calling thread (`parse.threads: 0`, and {@link inlineParsers}).
 *
 * A thread's failure becomes the stage's typed error: ScrapeError for a page, FeedParseError
 * for a feed, with `details.reason` `time-limit`, `out-of-memory` or `thread-crashed`.
 */
import {
  DeliveryError,
  type ErrorCode,
  ExtractError,
  FeedParseError,
  FetchError,
  InputError,
  ScrapeError,
  SeizurewatchError,
} from '../errors.ts';
import { type ParsedFeed, type ParseFeedOptions, parseFeed } from '../feeds/parse-feed.ts';
import type { Logger } from '../log.ts';
import { recordFromPage } from '../pipeline/process-item.ts';
import type { ArticleRecord, FeedItem, Page } from '../types.ts';
import type { ParseConfig } from './config.ts';
import { type SerializedError, ThreadPool, ThreadTaskError } from './thread-pool.ts';

/** A parsed feed as the pipeline uses it (rss-parser's `raw` output stays in the thread). */
export type FeedParse = Omit<ParsedFeed, 'raw'>;

export interface Parsers {
  /** Scrape and extract a fetched page (see recordFromPage). Throws ScrapeError / ExtractError. */
  recordFromPage(item: FeedItem, page: Page, now?: () => Date): Promise<ArticleRecord>;
  /**
   * Parse a page only, to its parse limits (src/scrape/load.ts), before it is handed on: a page
   * past them throws ScrapeError. A no-op in the calling thread (the scrape checks them anyway).
   */
  checkPage(page: Page): Promise<void>;
  /** Parse feed bytes (see parseFeed). Throws FeedParseError. */
  parseFeed(input: Uint8Array, options: ParseFeedOptions): Promise<FeedParse>;
  /** Start the threads now (service start-up); a no-op in process. */
  warmUp(): Promise<void>;
  close(): Promise<void>;
  /** True when the work runs in worker threads. */
  readonly threaded: boolean;
}

/** Both steps in the calling thread: only the parsers' own limits hold. */
export const inlineParsers: Parsers = {
  threaded: false,
  recordFromPage: async (item, page, now) => recordFromPage(item, page, now ? { now } : {}),
  checkPage: async () => undefined,
  parseFeed: (input, options) => parseFeed(input, options),
  warmUp: async () => undefined,
  close: async () => undefined,
};

const CLASSES: Record<
  string,
  new (
    message: string,
    options: ConstructorParameters<typeof ScrapeError>[1],
  ) => SeizurewatchError
> = {
  ScrapeError,
  ExtractError,
  FeedParseError,
  DeliveryError,
  InputError,
};

/** Rebuild the typed error a thread threw (class, code, retryable, details). */
function revive(err: SerializedError, fallback: ErrorCode): SeizurewatchError {
  const options = { retryable: err.retryable ?? false, details: err.details ?? {} };
  const Class = CLASSES[err.name];
  const revived = Class
    ? new Class(err.message, options)
    : err.name === 'FetchError'
      ? new FetchError((err.code ?? 'FETCH_FAILED') as ErrorCode, err.message, options)
      : new SeizurewatchError((err.code ?? fallback) as ErrorCode, err.message, options);
  if (err.stack) revived.stack = err.stack;
  return revived;
}

function threadFailure(err: ThreadTaskError, what: 'page' | 'feed', context: Record<string, unknown>) {
  const f = err.failure;
  const reason = f.kind === 'crashed' ? 'thread-crashed' : f.kind;
  // Past the time or memory limit the same input fails the same way: not retried. A crash or a
  // closing pool says nothing about the input.
  const retryable = f.kind === 'crashed' || f.kind === 'closed';
  const options = { retryable, details: { ...context, reason } };
  const message = `${what} ${err.message}`;
  return what === 'page' ? new ScrapeError(message, options) : new FeedParseError(message, options);
}

/** Where the threads start: this folder's parse-worker, .ts or compiled .js alike. */
const ENTRY = new URL(`./parse-worker${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url);

/** The pipeline's parsers for a `parse:` config: threads unless `threads` is 0. */
export function createParsers(config: ParseConfig, logger?: Logger): Parsers {
  if (config.threads === 0) return inlineParsers;
  const pool = new ThreadPool({
    entry: ENTRY,
    size: config.threads,
    timeoutMs: config.timeoutMs,
    maxMemoryMb: config.maxMemoryMb,
  });
  const run = async <T>(
    kind: string,
    args: unknown[],
    what: 'page' | 'feed',
    context: Record<string, unknown>,
  ): Promise<T> => {
    try {
      return await pool.run<T>(kind, args);
    } catch (err) {
      if (err instanceof ThreadTaskError) {
        const typed = threadFailure(err, what, context);
        logger?.warn({ ...context, reason: typed.details.reason }, `parse thread stopped: ${what}`);
        throw typed;
      }
      throw revive(err as SerializedError, what === 'page' ? 'SCRAPE_FAILED' : 'FEED_PARSE_FAILED');
    }
  };
  return {
    threaded: true,
    recordFromPage: (item, page, now) =>
      run<ArticleRecord>('record', [item, page, now ? now().getTime() : null], 'page', {
        url: page.finalUrl,
      }),
    checkPage: async (page) => {
      await run<null>('check', [page.html, page.finalUrl], 'page', { url: page.finalUrl });
    },
    parseFeed: (input, options) =>
      run<FeedParse>('feed', [input, options], 'feed', { feedId: options.feedId }),
    warmUp: () => pool.warmUp(),
    close: () => pool.close(),
  };
}
