/**
 * Queue topology of `serve`: one queue per stage, each job's payload typed here.
 *
 *   poll (one job scheduler per feed) -> fetch -> extract -> store -> alert
 *
 * Job ids are deterministic (derived from the record id, i.e. the canonical article URL), so
 * one article is queued once however many feeds carry it and however often they are polled:
 * BullMQ ignores an `add` whose id already exists, and completed jobs are kept for days.
 */
import type { DefaultJobOptions } from 'bullmq';
import type { ArticleRecord, FeedConfig, FeedItem, Page } from '../types.ts';
import type { ServiceConfig } from './config.ts';

export const STAGES = ['poll', 'fetch', 'extract', 'store', 'alert'] as const;
export type Stage = (typeof STAGES)[number];

/** Queue names; BullMQ forbids `:` in them. */
export const QUEUE_NAMES: Record<Stage, string> = {
  poll: 'poll-feed',
  fetch: 'fetch-page',
  extract: 'extract-article',
  store: 'store-record',
  alert: 'alert-record',
};

export interface PollFeedJob {
  feed: FeedConfig;
}
export interface FetchPageJob {
  recordId: string;
  item: FeedItem;
}
export interface ExtractArticleJob {
  recordId: string;
  item: FeedItem;
  /**
   * The fetched page. Dropped from the job once its record is queued for storing (a completed
   * job is kept `keepCompleted.age`, and a page is ~270 KiB on real sites); a job run again
   * without it (a stall after the drop) fetches the page again.
   */
  page?: Page;
}
export interface StoreRecordJob {
  record: ArticleRecord;
  /** The feed item it came from, marked seen with the record. */
  item: FeedItem;
}
export interface AlertRecordJob {
  recordId: string;
}

export interface JobPayloads {
  poll: PollFeedJob;
  fetch: FetchPageJob;
  extract: ExtractArticleJob;
  store: StoreRecordJob;
  alert: AlertRecordJob;
}

/** Job id of one stage of one article. Custom BullMQ ids may not contain `:` nor be integers. */
export function stageJobId(stage: Exclude<Stage, 'poll'>, recordId: string): string {
  return `${stage}-${recordId}`;
}

/** Job scheduler id of one feed: restarts upsert the same scheduler, never a second one. */
export function feedSchedulerId(feedId: string): string {
  return `feed-${feedId}`;
}

/** Default options of every job: retries with exponential backoff and jitter, history kept. */
export function defaultJobOptions(cfg: ServiceConfig): DefaultJobOptions {
  return {
    attempts: cfg.retry.attempts,
    backoff: { type: 'exponential', delay: cfg.retry.backoffMs, jitter: cfg.retry.jitter },
    removeOnComplete: { age: cfg.keepCompleted.age, count: cfg.keepCompleted.count },
    removeOnFail: { age: cfg.keepFailed.age, count: cfg.keepFailed.count },
  };
}

/**
 * Per-stage overrides: the extract job carries a whole page, so it is dropped once done (the
 * fetch job of the same article, kept, is what stops a second fetch).
 */
export function stageJobOptions(stage: Stage, cfg: ServiceConfig): DefaultJobOptions {
  const base = defaultJobOptions(cfg);
  if (stage === 'extract') return { ...base, removeOnComplete: true };
  if (stage === 'poll')
    return { ...base, attempts: Math.min(cfg.retry.attempts, 3), removeOnComplete: { count: 200 } };
  return base;
}
