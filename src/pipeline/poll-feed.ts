/**
 * Stage 1: poll one feed. Conditional GET with the validators remembered in the store (a 304
 * costs no parse), the next poll time from the feed's hints, back-off after 429/503/5xx, and
 * only the items the store has neither seen nor given up returned. Items are NOT marked seen
 * here: that happens when their record is stored. The new items are saved as pending together
 * with the feed's validators (one transaction), so a later 304 cannot hide an item whose page
 * failed or whose run was cut short: `scan` and `serve` re-queue the pending items from the store.
 */
import type { SeizurewatchError } from '../errors.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import type { FeedParse } from '../threads/parsers.ts';
import type { FeedConfig, FeedItem } from '../types.ts';
import { nowOf, type PipelineDeps } from './deps.ts';
import { nextPollAfterFailure, nextPollAfterSuccess } from './schedule.ts';

export interface PollOptions {
  /** Poll even if the feed's next poll time has not come (validators are still sent). */
  force?: boolean;
}

export interface PollResult {
  feedId: string;
  /**
   * `fetched`: 200 and parsed; `not-modified`: 304, nothing parsed; `not-due`: skipped, the
   * feed asked not to be polled before `nextPollAt`.
   */
  status: 'fetched' | 'not-modified' | 'not-due';
  /** New items (not seen before, deduplicated by canonical URL), in feed order. */
  items: FeedItem[];
  /** Items in the feed that were seen before. */
  seen: number;
  /** Items in the feed that failed for good before (not fetched again until retried). */
  givenUp: number;
  /** Items dropped for having no usable link. */
  skipped: number;
  nextPollAt: string | null;
}

/**
 * Poll a feed and return its new items, with what happened. Throws the fetch or parse error
 * (typed SeizurewatchError) after recording it in the feed's state.
 */
export async function pollFeedDetailed(
  feed: FeedConfig,
  deps: PipelineDeps,
  options: PollOptions = {},
): Promise<PollResult> {
  const { store, fetcher } = deps;
  const config = fetcher.config;
  const log = deps.logger.child({ feed: feed.id });
  const state = await store.getFeedState(feed.id);
  const now = nowOf(deps);
  if (!options.force && state.nextPollAt && Date.parse(state.nextPollAt) > now.getTime()) {
    log.debug({ nextPollAt: state.nextPollAt }, 'feed not due');
    return {
      feedId: feed.id,
      status: 'not-due',
      items: [],
      seen: 0,
      givenUp: 0,
      skipped: 0,
      nextPollAt: state.nextPollAt,
    };
  }
  // Validators belong to a URL: a feed whose URL changed in the config starts afresh.
  const sameUrl = state.url === feed.url;
  const conditional = sameUrl ? { etag: state.etag, lastModified: state.lastModified } : {};
  const polledAt = now.toISOString();
  let response: Awaited<ReturnType<typeof fetcher.fetchFeed>>;
  let parsed: FeedParse | null = null;
  try {
    response = await fetcher.fetchFeed(feed.url, conditional);
    if (!response.notModified) {
      const parseOptions = { feedId: feed.id, contentType: response.contentType, baseUrl: response.finalUrl };
      // In a parse thread when there are some (src/threads/): a huge feed never blocks the loop.
      parsed = deps.parsers
        ? await deps.parsers.parseFeed(response.body, parseOptions)
        : await parseFeed(response.body, parseOptions);
    }
  } catch (err) {
    const failures = state.failures + 1;
    const e = err as SeizurewatchError;
    const status = typeof e?.details?.status === 'number' ? (e.details.status as number) : null;
    const backOff = e?.code === 'FETCH_RATE_LIMITED' || (status !== null && status >= 500);
    const nextPollAt = backOff
      ? nextPollAfterFailure(
          failures,
          (e.details?.retryAfterMs as number | null) ?? null,
          now,
          config,
        ).toISOString()
      : state.nextPollAt;
    await store.updateFeedState(feed.id, {
      url: feed.url,
      failures,
      lastError: `${e?.code ?? 'ERROR'}: ${e?.message ?? String(err)}`.slice(0, 1000),
      lastStatus: status,
      lastPolledAt: polledAt,
      nextPollAt,
      ...(sameUrl ? {} : { etag: null, lastModified: null }),
    });
    // The caller reports the error (scan's summary, serve's job wrapper): debug here, not twice.
    log.debug({ err, failures, nextPollAt }, 'feed poll failed');
    throw err;
  }
  const nextPollAt = nextPollAfterSuccess(
    response.headers,
    parsed?.ttlMinutes ?? null,
    now,
    config,
  ).toISOString();
  if (!parsed) {
    await store.updateFeedState(feed.id, {
      url: feed.url,
      failures: 0,
      lastError: null,
      lastStatus: 304,
      lastPolledAt: polledAt,
      lastSuccessAt: polledAt,
      nextPollAt,
      // A 304 may carry fresher validators.
      etag: response.etag ?? state.etag,
      lastModified: response.lastModified ?? state.lastModified,
    });
    log.debug({ nextPollAt }, 'feed not modified');
    return {
      feedId: feed.id,
      status: 'not-modified',
      items: [],
      seen: 0,
      givenUp: 0,
      skipped: 0,
      nextPollAt,
    };
  }
  const fresh: FeedItem[] = [];
  const urls = new Set<string>();
  let seen = 0;
  let givenUp = 0;
  for (const parsedItem of parsed.items) {
    // The configured language stands in where the feed gives none.
    const item =
      parsedItem.language || !feed.language ? parsedItem : { ...parsedItem, language: feed.language };
    if (urls.has(item.url)) continue;
    urls.add(item.url);
    if (await store.isSeen(item)) seen++;
    else if (await store.isFailed(item)) givenUp++;
    else fresh.push(item);
  }
  // The validators only with the items they stand for: both saved, or neither.
  await store.savePoll(
    feed.id,
    {
      url: feed.url,
      failures: 0,
      lastError: null,
      lastStatus: response.status,
      lastPolledAt: polledAt,
      lastSuccessAt: polledAt,
      nextPollAt,
      etag: response.etag,
      lastModified: response.lastModified,
    },
    fresh,
    now,
  );
  log.debug({ items: parsed.items.length, new: fresh.length, seen, givenUp, nextPollAt }, 'feed polled');
  return {
    feedId: feed.id,
    status: 'fetched',
    items: fresh,
    seen,
    givenUp,
    skipped: parsed.skipped.length,
    nextPollAt,
  };
}

/** Poll a feed and return only its new items (see {@link pollFeedDetailed}). */
export async function pollFeed(
  feed: FeedConfig,
  deps: PipelineDeps,
  options: PollOptions = {},
): Promise<FeedItem[]> {
  return (await pollFeedDetailed(feed, deps, options)).items;
}
