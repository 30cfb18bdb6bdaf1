/**
 * Job `poll-feed` (one job scheduler per configured feed): poll the feed with the shared
 * `pollFeed` stage (conditional GET, the feed's own pace, only unseen items), queue one
 * `fetch-page` job per new item. The job id is the record id of the item's canonical URL, so an
 * article carried by several feeds, or listed again before it is stored, is queued once.
 */
import type { Queue } from 'bullmq';
import type { Logger } from '../src/log.ts';
import type { PipelineDeps } from '../src/pipeline/index.ts';
import { pollFeedDetailed } from '../src/pipeline/index.ts';
import { recordId } from '../src/records/id.ts';
import type { FeedPollLock } from '../src/service/feed-poll-lock.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import type { ServiceMetrics } from '../src/service/metrics.ts';
import { type FetchPageJob, type JobPayloads, stageJobId } from '../src/service/queues.ts';

export interface PollFeedDeps {
  pipeline: PipelineDeps;
  fetchQueue: Queue<FetchPageJob>;
  metrics: ServiceMetrics;
  /**
   * Queue the feed's pending items that no job carries (src/service/pending.ts); returns how
   * many. The items of an earlier fetch that answers 304 now are only in the store.
   */
  requeue?: (feedId: string) => Promise<number>;
  /**
   * One poll per feed at a time (src/service/feed-poll-lock.ts): a poll that finds the feed
   * being polled elsewhere is skipped, so an overlapping poll never fetches the feed again
   * before the first has stored its ETag and items.
   */
  lock?: FeedPollLock;
}

export interface PollFeedResult {
  status: string;
  queued: number;
  seen: number;
  resumed: number;
}

export function pollFeedProcessor(deps: PollFeedDeps): StageProcessor<'poll', PollFeedResult> {
  return async ({ feed }, { logger }) => {
    const release = deps.lock ? await deps.lock.acquire(feed.id) : async () => undefined;
    if (!release) {
      logger.debug({ feedId: feed.id }, 'feed poll skipped: the feed is being polled by another job');
      return { status: 'busy', queued: 0, seen: 0, resumed: 0 };
    }
    try {
      return await pollAndQueue(feed, logger);
    } finally {
      await release().catch((err: unknown) =>
        logger.debug({ err, feedId: feed.id }, 'cannot release the poll lock'),
      );
    }
  };

  async function pollAndQueue(feed: JobPayloads['poll']['feed'], logger: Logger): Promise<PollFeedResult> {
    const result = await pollFeedDetailed(feed, { ...deps.pipeline, logger });
    if (result.items.length > 0) {
      await deps.fetchQueue.addBulk(
        result.items.map((item) => {
          const id = recordId(item.url);
          return {
            name: 'fetch-page',
            data: { recordId: id, item },
            opts: { jobId: stageJobId('fetch', id) },
          };
        }),
      );
      deps.metrics.itemsQueued.inc({ feed: feed.id }, result.items.length);
    }
    const resumed = deps.requeue ? await deps.requeue(feed.id) : 0;
    logger.info(
      {
        feedId: feed.id,
        status: result.status,
        queued: result.items.length,
        seen: result.seen,
        givenUp: result.givenUp,
        resumed,
        nextPollAt: result.nextPollAt,
      },
      'feed polled',
    );
    return { status: result.status, queued: result.items.length, seen: result.seen, resumed };
  }
}
