/**
 * Wraps a stage processor for BullMQ: a child logger per job, metrics, and the error policy.
 *
 * - A typed error that says retrying cannot help (404, parse error, invalid record) becomes
 *   BullMQ's UnrecoverableError: the job fails at once, its reason kept for inspection.
 * - A 429 (FETCH_RATE_LIMITED, or FETCH_HTTP_STATUS with status 429) puts the job back, delayed
 *   by the server's Retry-After (else `rateLimitMs`), without spending an attempt. Per job, not
 *   per queue: one throttling site does not hold up the others (the fetcher also pauses that
 *   host in process, so its other pages wait their turn too).
 * - Anything else is retried with the queue's exponential backoff and jitter.
 */
import { DelayedError, type Job, type Processor, UnrecoverableError } from 'bullmq';
import { isRetryable, SeizurewatchError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ServiceMetrics } from './metrics.ts';
import type { JobPayloads, Stage } from './queues.ts';

export interface JobContext {
  logger: Logger;
  /** The BullMQ job, for its id and attempt count. */
  job: Job;
}

export type StageProcessor<S extends Stage, R = unknown> = (
  data: JobPayloads[S],
  ctx: JobContext,
) => Promise<R>;

export interface WrapOptions {
  stage: Stage;
  logger: Logger;
  metrics: ServiceMetrics;
  /** Wait after a 429 without Retry-After, in ms. */
  rateLimitMs: number;
}

/** Is this error a 429? */
export function isRateLimited(err: unknown): boolean {
  if (!(err instanceof SeizurewatchError)) return false;
  if (err.code === 'FETCH_RATE_LIMITED') return true;
  return err.code === 'FETCH_HTTP_STATUS' && err.details.status === 429;
}

/**
 * The wait a 429 asks for, in ms: `details.retryAfterMs`, else `details.retryAfter` as HTTP
 * gives it (seconds or an HTTP date), else `fallbackMs`. Capped at one hour.
 */
export function retryAfterMs(err: unknown, fallbackMs: number, now = Date.now()): number {
  const details = err instanceof SeizurewatchError ? err.details : {};
  let ms: number | undefined;
  if (typeof details.retryAfterMs === 'number' && Number.isFinite(details.retryAfterMs))
    ms = details.retryAfterMs;
  else if (typeof details.retryAfter === 'number') ms = details.retryAfter * 1000;
  else if (typeof details.retryAfter === 'string') {
    const raw = details.retryAfter.trim();
    if (/^\d+$/.test(raw)) ms = Number(raw) * 1000;
    else {
      const at = Date.parse(raw);
      if (!Number.isNaN(at)) ms = at - now;
    }
  }
  if (ms === undefined || ms < 0) ms = fallbackMs;
  return Math.min(Math.max(ms, 0), 3_600_000);
}

/** The site (host) a job works on, for its log lines. */
function siteOf(data: unknown): { site?: string } {
  const d = data as { item?: { url?: unknown }; feed?: { url?: unknown } } | null;
  const url = d?.item?.url ?? d?.feed?.url;
  if (typeof url !== 'string') return {};
  try {
    return { site: new URL(url).host };
  } catch {
    return {};
  }
}

/** Machine-readable failure reason for metrics and logs. */
export function failureReason(err: unknown): string {
  if (err instanceof SeizurewatchError) return err.code;
  if (err instanceof UnrecoverableError) return 'UNRECOVERABLE';
  return 'UNEXPECTED';
}

export function wrapProcessor<S extends Stage>(processor: StageProcessor<S>, opts: WrapOptions): Processor {
  const { stage, metrics } = opts;
  return async (job: Job, token?: string) => {
    const logger = opts.logger.child({
      stage,
      job: job.name,
      jobId: job.id,
      attempt: job.attemptsMade + 1,
      ...siteOf(job.data),
    });
    const stopTimer = metrics.duration.startTimer({ stage });
    try {
      const result = await processor(job.data as JobPayloads[S], { logger, job });
      metrics.jobs.inc({ stage, outcome: 'completed' });
      return result;
    } catch (err) {
      const reason = failureReason(err);
      // A page put back because its host is busy with another of ours is routine, not a failure.
      const routine = err instanceof SeizurewatchError && err.details.reason === 'host-busy';
      if (!routine) metrics.failures.inc({ stage, reason });
      if (isRateLimited(err)) {
        const wait = retryAfterMs(err, opts.rateLimitMs);
        metrics.jobs.inc({ stage, outcome: 'rate_limited' });
        logger[routine ? 'debug' : 'warn']({ err, waitMs: wait }, 'rate limited: job delayed');
        await job.moveToDelayed(Date.now() + wait, token);
        throw new DelayedError();
      }
      if (!isRetryable(err)) {
        metrics.jobs.inc({ stage, outcome: 'failed' });
        logger.warn({ err }, 'job failed: not retryable');
        throw new UnrecoverableError(`${reason}: ${(err as Error).message}`);
      }
      const maxAttempts = job.opts.attempts ?? 1;
      const last = job.attemptsMade + 1 >= maxAttempts;
      metrics.jobs.inc({ stage, outcome: last ? 'failed' : 'retry' });
      logger.warn(
        { err, willRetry: !last },
        last ? 'job failed: attempts exhausted' : 'job failed: will retry',
      );
      throw err;
    } finally {
      stopTimer();
    }
  };
}
