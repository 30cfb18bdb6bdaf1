/**
 * `scan` in process: resume the items left pending in the store (by an earlier run that failed
 * on them or was cut short), poll every feed once, fetch/scrape/extract the new items, store,
 * write NDJSON, alert. One failing feed or item never stops the run; a failed item stays pending
 * and a later run retries it, until it is given up (src/pipeline/item-failure.ts).
 */
import { createAlerter } from '../alerts/index.ts';
import type { Config } from '../config.ts';
import { SeizurewatchError } from '../errors.ts';
import type { Fetcher } from '../fetch/index.ts';
import { type Logger, silentLogger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { Parsers } from '../threads/parsers.ts';
import type { ArticleRecord, FeedConfig, FeedItem } from '../types.ts';
import { createPipelineDeps, type PipelineDeps } from './deps.ts';
import { itemFailureOf, noteItemFailure } from './item-failure.ts';
import { type PollResult, pollFeedDetailed } from './poll-feed.ts';
import { processItem } from './process-item.ts';
import { emitPending, storeRecord } from './store-record.ts';

/** One thing that went wrong, with its typed reason. */
export interface ScanFailure {
  stage: 'feed' | 'item' | 'alert';
  feedId: string;
  /** The item's URL (item and alert failures). */
  url?: string;
  /** SeizurewatchError code, or `UNEXPECTED`. */
  code: string;
  message: string;
  retryable: boolean;
  /** The item was given up: not fetched again until `seizurewatch retry` puts it back. */
  givenUp?: boolean;
}

export interface ScanSummary {
  feeds: { total: number; polled: number; notModified: number; notDue: number; failed: number };
  items: {
    /** Items of the feeds not seen, not pending and not given up before. */
    new: number;
    /** Items left pending in the store by an earlier run, tried again. */
    resumed: number;
    seen: number;
    failed: number;
    /** Items failed for good: this run (counted in `failed` too) or before (skipped). */
    givenUp: number;
  };
  records: {
    /** Newly stored (and written to NDJSON). */
    stored: number;
    /** Already in the store under the same id (e.g. the same article in two feeds). */
    duplicates: number;
    seizureStories: number;
    /** Left over from an interrupted run and emitted now. */
    recovered: number;
  };
  failures: ScanFailure[];
  durationMs: number;
}

/** Progress events, in order, for a CLI or a test to show. */
export type ScanEvent =
  | { type: 'feed'; feed: FeedConfig; result: PollResult }
  | { type: 'feed-failed'; feed: FeedConfig; failure: ScanFailure }
  | { type: 'item-stored'; item: FeedItem; record: ArticleRecord; isNew: boolean }
  | { type: 'item-failed'; item: FeedItem; failure: ScanFailure };

export interface ScanOptions {
  /** Passed to the alerter: print alerts instead of sending them. */
  dryRun?: boolean;
  /** Poll feeds even when their next poll time has not come. */
  force?: boolean;
  logger?: Logger;
  onEvent?: (event: ScanEvent) => void;
  now?: () => Date;
  /** Injected parts (tests, or a caller that owns them); otherwise made from the config and closed at the end. */
  store?: Store;
  fetcher?: Fetcher;
  /** Feed parsing and scrape + extract; default: threads per the `parse:` config, closed at the end. */
  parsers?: Parsers;
}

function toFailure(stage: ScanFailure['stage'], feedId: string, err: unknown, url?: string): ScanFailure {
  const e = err as SeizurewatchError;
  const typed = err instanceof SeizurewatchError;
  return {
    stage,
    feedId,
    ...(url ? { url } : {}),
    code: typed ? e.code : 'UNEXPECTED',
    message: (e?.message ?? String(err)).split('\n')[0]!.slice(0, 500),
    retryable: typed ? e.retryable : true,
  };
}

/** Run `fn` over `items` with at most `limit` at once. */
async function pool<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/** Poll every configured feed once and process what is new. Never throws for one feed or item. */
export async function runScan(config: Readonly<Config>, options: ScanOptions = {}): Promise<ScanSummary> {
  const started = Date.now();
  const logger = options.logger ?? silentLogger;
  const emitEvent = options.onEvent ?? (() => {});
  const owned = await createPipelineDeps(config, {
    logger,
    mode: 'scan',
    ...(options.store ? { store: options.store } : {}),
    ...(options.fetcher ? { fetcher: options.fetcher } : {}),
    ...(options.parsers ? { parsers: options.parsers } : {}),
    ...(options.now ? { now: options.now } : {}),
  });
  let alerter: ReturnType<typeof createAlerter>;
  try {
    alerter = createAlerter(config.alerts, {
      ...(config.alerts.rules.length > 0 ? { state: owned.store.alerts } : {}),
      logger: logger.child({ stage: 'alerts' }),
      dryRun: options.dryRun ?? false,
    });
  } catch (err) {
    await owned.close();
    throw err;
  }
  const deps: PipelineDeps = { ...owned, alerter };
  const summary: ScanSummary = {
    feeds: { total: config.feeds.length, polled: 0, notModified: 0, notDue: 0, failed: 0 },
    items: { new: 0, resumed: 0, seen: 0, failed: 0, givenUp: 0 },
    records: { stored: 0, duplicates: 0, seizureStories: 0, recovered: 0 },
    failures: [],
    durationMs: 0,
  };
  try {
    summary.records.recovered = await emitPending(deps);

    const work: FeedItem[] = [];
    const queued = new Set<string>();
    // Pending first: a feed that answers 304 no longer lists them.
    for (const { item } of await deps.store.pendingItems()) {
      if (queued.has(item.url)) continue;
      queued.add(item.url);
      work.push(item);
    }
    summary.items.resumed = work.length;
    if (work.length > 0) logger.info({ resumed: work.length }, 'resumed items left pending');
    const resumed = new Set(queued);
    await pool([...config.feeds], config.fetch.concurrency, async (feed) => {
      try {
        const result = await pollFeedDetailed(feed, deps, { force: options.force ?? false });
        if (result.status === 'not-due') summary.feeds.notDue++;
        else if (result.status === 'not-modified') summary.feeds.notModified++;
        else summary.feeds.polled++;
        summary.items.seen += result.seen;
        summary.items.givenUp += result.givenUp;
        for (const item of result.items) {
          if (resumed.has(item.url)) continue;
          if (queued.has(item.url)) {
            summary.items.seen++;
            continue;
          }
          queued.add(item.url);
          work.push(item);
        }
        emitEvent({ type: 'feed', feed, result });
      } catch (err) {
        summary.feeds.failed++;
        const failure = toFailure('feed', feed.id, err);
        summary.failures.push(failure);
        if (!options.onEvent) logger.warn({ err, feed: feed.id, code: failure.code }, 'feed failed');
        emitEvent({ type: 'feed-failed', feed, failure });
      }
    });
    summary.items.new = work.length - summary.items.resumed;

    await pool(work, config.fetch.concurrency, async (item) => {
      const log = logger.child({ feed: item.feedId, url: item.url });
      try {
        const record = await processItem(item, deps);
        const result = await storeRecord(record, deps, item);
        if (result.isNew) {
          summary.records.stored++;
          if (record.seizureStory) summary.records.seizureStories++;
        } else summary.records.duplicates++;
        if (result.alertError !== undefined) {
          summary.failures.push(toFailure('alert', item.feedId, result.alertError, item.url));
        }
        log.debug(
          { recordId: record.id, isNew: result.isNew, seizureStory: record.seizureStory },
          'item stored',
        );
        emitEvent({ type: 'item-stored', item, record, isNew: result.isNew });
      } catch (err) {
        summary.items.failed++;
        const failure = toFailure('item', item.feedId, err, item.url);
        const { gaveUp } = await noteItemFailure(item, itemFailureOf(err), { ...deps, logger: log });
        if (gaveUp) {
          failure.givenUp = true;
          summary.items.givenUp++;
        }
        summary.failures.push(failure);
        if (options.onEvent) log.debug({ err, code: failure.code }, 'item failed');
        else log.warn({ err, code: failure.code }, 'item failed');
        emitEvent({ type: 'item-failed', item, failure });
      }
    });
  } finally {
    await alerter.close().catch((err: unknown) => logger.warn({ err }, 'alerter close failed'));
    await owned.close();
  }
  summary.durationMs = Date.now() - started;
  return summary;
}
