/**
 * `serve`'s side of pending items (issue 15: nothing lost behind a 304). Redis holds the jobs,
 * the store holds the truth: every item of a fetched feed is pending in the store until it is
 * stored or given up. {@link requeuePending} puts back into the fetch queue every pending item
 * that no job carries any more (Redis lost its data, a job failed and the item still has
 * attempts, `seizurewatch retry` put it back); serve calls it at start and after every poll of a
 * feed. {@link noteJobFailure} counts a job that failed for good against its item.
 */
import type { Job, Queue } from 'bullmq';
import type { Logger } from '../log.ts';
import type { PipelineDeps } from '../pipeline/deps.ts';
import { itemFailureOf, noteItemFailure } from '../pipeline/item-failure.ts';
import { recordId } from '../records/id.ts';
import type { ItemFailure } from '../store/types.ts';
import type { FeedItem } from '../types.ts';
import { type FetchPageJob, type Stage, stageJobId } from './queues.ts';

export interface RequeueQueues {
  fetch: Queue<FetchPageJob>;
  extract: Queue;
  store: Queue;
}

type Carried = { state: 'none' } | { state: 'failed' | 'done' | 'live'; job: Job };

/** What the job `jobId` says of its item: none, failed, done (handed on) or live (waiting, delayed, active). */
async function carried(queue: Queue, jobId: string): Promise<Carried> {
  const job = await queue.getJob(jobId);
  if (!job) return { state: 'none' };
  const state = await job.getState();
  if (state === 'unknown') return { state: 'none' };
  if (state === 'failed' || state === 'completed')
    return { state: state === 'failed' ? 'failed' : 'done', job };
  return { state: 'live', job };
}

/**
 * Queue a fetch job for every pending item (of `feedId`, or all) that no job carries: its fetch
 * job is gone (Redis lost its data) or failed (the item still has attempts), or the item was put
 * back (`seizurewatch retry`) after its fetch job finished. A fetch job done before the item was
 * queued means the item is on its way through extract and store (whose job ids follow the
 * page's canonical URL, which may differ): left alone. Failed jobs of the item are removed first
 * (their ids would block the new ones). Returns how many were queued.
 */
export async function requeuePending(
  store: PipelineDeps['store'],
  queues: RequeueQueues,
  options: { feedId?: string } = {},
): Promise<number> {
  const pending = await store.pendingItems(options.feedId);
  let queued = 0;
  for (const { item, queuedAt } of pending) {
    const id = recordId(item.url);
    const fetchId = stageJobId('fetch', id);
    const fetch = await carried(queues.fetch, fetchId);
    if (fetch.state === 'live') continue;
    if (fetch.state === 'done' && (fetch.job.finishedOn ?? 0) >= Date.parse(queuedAt)) continue;
    for (const [q, jobId] of [
      [queues.extract, stageJobId('extract', id)],
      [queues.store, stageJobId('store', id)],
    ] as const) {
      if ((await carried(q, jobId)).state === 'failed') await q.remove(jobId);
    }
    if (fetch.state !== 'none') await queues.fetch.remove(fetchId);
    await queues.fetch.add('fetch-page', { recordId: id, item }, { jobId: fetchId });
    queued++;
  }
  return queued;
}

/** The failure a BullMQ job ended with, as the store keeps it (the job wrapper's UnrecoverableError carries `CODE: message`). */
export function jobFailureOf(err: Error): ItemFailure {
  if (err.name === 'UnrecoverableError') {
    const m = /^([A-Z][A-Z_]+): ([\s\S]*)$/.exec(err.message);
    return {
      code: m?.[1] ?? 'UNRECOVERABLE',
      message: (m?.[2] ?? err.message).split('\n')[0]!.slice(0, 500),
      permanent: true,
    };
  }
  return itemFailureOf(err);
}

/**
 * A fetch, extract or store job failed for good (unrecoverable, or out of retries): count it
 * against its item, which is given up when the failure is permanent or its attempts are spent,
 * and otherwise re-queued by the next {@link requeuePending}.
 */
export async function noteJobFailure(
  stage: Stage,
  job: Job,
  err: Error,
  pipeline: Pick<PipelineDeps, 'store' | 'fetcher' | 'now'>,
  logger: Logger,
  queues?: RequeueQueues,
): Promise<void> {
  if (stage !== 'fetch' && stage !== 'extract' && stage !== 'store') return;
  const item = (job.data as { item?: FeedItem } | undefined)?.item;
  if (!item?.url) return;
  const { gaveUp } = await noteItemFailure(item, jobFailureOf(err), {
    ...pipeline,
    logger: logger.child({ stage, jobId: job.id }),
  });
  // Still pending: clear the way for the next requeuePending (the failed job would block its id,
  // a finished fetch job would say the item is on its way). Given up: kept, for Bull Board.
  if (!gaveUp && queues) {
    await job.remove().catch(() => undefined);
    if (stage !== 'fetch') {
      await queues.fetch.remove(stageJobId('fetch', recordId(item.url))).catch(() => undefined);
    }
  }
}
