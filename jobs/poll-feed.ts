/**
 * Job `poll-feed` (one job scheduler per configured feed): poll the feed with the shared
 * `pollFeed` stage (conditional GET, the feed's own pace, only unseen items), queue one
 * `fetch-page` job per new item. The job id is the record id of the item's canonical URL, so an
 * article carried by several feeds, or listed again before it is stored, is queued once.
 */
import type { Queue } from 'bullmq';
import type { PipelineDeps } from '../src/pipeline/index.ts';
import { pollFeedDetailed } from '../src/pipeline/index.ts';
import { recordId } from '../src/records/id.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import type { ServiceMetrics } from '../src/service/metrics.ts';
import { type FetchPageJob, stageJobId } from '../src/service/queues.ts';

export interface PollFeedDeps {
  pipeline: PipelineDeps;
  fetchQueue: Queue<FetchPageJob>;
  metrics: ServiceMetrics;
  /**
   * Queue the feed's pending items that no job carries (src/service/pending.ts); returns how
   * many. The items of an earlier fetch that answers 304 now are only in the store.
   */
  requeue?: (feedId: string) => Promise<number>;
}

export interface PollFeedResult {
  status: string;
  queued: number;
  seen: number;
  resumed: number;
}

export function pollFeedProcessor(deps: PollFeedDeps): StageProcessor<'poll', PollFeedResult> {
  return async ({ feed }, { logger }) => {
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
  };
}
