/** The job wrapper's error policy, on a real BullMQ queue and worker (real Redis, own prefix). */
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FetchError, ScrapeError, SeizurewatchError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { isRateLimited, retryAfterMs, wrapProcessor } from '../../src/service/job-wrapper.ts';
import { createMetrics } from '../../src/service/metrics.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';

describe('retryAfterMs', () => {
  const now = Date.parse('2025-09-10T12:00:00Z');
  it('reads retryAfterMs, seconds, and HTTP dates, else the fallback', () => {
    const e = (details: Record<string, unknown>) => new FetchError('FETCH_RATE_LIMITED', 'x', { details });
    expect(retryAfterMs(e({ retryAfterMs: 1500 }), 9, now)).toBe(1500);
    expect(retryAfterMs(e({ retryAfter: '7' }), 9, now)).toBe(7000);
    expect(retryAfterMs(e({ retryAfter: 'Wed, 10 Sep 2025 12:00:30 GMT' }), 9, now)).toBe(30_000);
    expect(retryAfterMs(e({ retryAfter: 'soon' }), 9, now)).toBe(9);
    expect(retryAfterMs(e({ retryAfterMs: 10 * 3_600_000 }), 9, now)).toBe(3_600_000);
  });
  it('knows a 429 in both shapes, and nothing else', () => {
    expect(isRateLimited(new FetchError('FETCH_RATE_LIMITED', 'x'))).toBe(true);
    expect(isRateLimited(new FetchError('FETCH_HTTP_STATUS', 'x', { details: { status: 429 } }))).toBe(true);
    expect(isRateLimited(new FetchError('FETCH_HTTP_STATUS', 'x', { details: { status: 404 } }))).toBe(false);
    expect(isRateLimited(new Error('429'))).toBe(false);
  });
});

describe('wrapProcessor on BullMQ', () => {
  const prefix = uniquePrefix('wrapper');
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  let queue: Queue;
  let events: QueueEvents;
  let worker: Worker;
  const metrics = createMetrics();
  const calls = new Map<string, number>();
  const behaviour: Record<string, (n: number) => unknown> = {
    ok: () => 'done',
    notFound: () => {
      throw new FetchError('FETCH_HTTP_STATUS', 'HTTP 404', { retryable: false, details: { status: 404 } });
    },
    parse: () => {
      throw new ScrapeError('no article text found');
    },
    flaky: (n) => {
      if (n < 3) throw new FetchError('FETCH_TIMEOUT', 'timed out', { retryable: true });
      return 'third time';
    },
    limited: (n) => {
      if (n === 1)
        throw new FetchError('FETCH_RATE_LIMITED', 'HTTP 429', {
          retryable: true,
          details: { retryAfterMs: 700 },
        });
      return 'after the wait';
    },
    broken: () => {
      throw new SeizurewatchError('STORE_FAILED', 'disk full', { retryable: true });
    },
  };

  beforeAll(async () => {
    queue = new Queue('t', { connection, prefix });
    events = new QueueEvents('t', { connection, prefix });
    await events.waitUntilReady();
    const processor = wrapProcessor<'fetch'>(
      async (data) => {
        const kind = (data as unknown as { kind: string }).kind;
        const n = (calls.get(kind) ?? 0) + 1;
        calls.set(kind, n);
        return behaviour[kind]!(n);
      },
      { stage: 'fetch', logger: silentLogger, metrics, rateLimitMs: 60_000 },
    );
    worker = new Worker('t', processor, {
      connection,
      prefix,
      concurrency: 4,
    });
  });
  afterAll(async () => {
    await worker.close();
    await events.close();
    await queue.close();
    await deletePrefix(prefix);
  });

  const opts = { attempts: 3, backoff: { type: 'exponential', delay: 50, jitter: 0.5 } };
  async function run(kind: string) {
    const job = await queue.add(kind, { kind }, opts);
    try {
      const value = await job.waitUntilFinished(events, 10_000);
      return { ok: true as const, value, job: await queue.getJob(job.id!) };
    } catch (err) {
      return { ok: false as const, reason: (err as Error).message, job: await queue.getJob(job.id!) };
    }
  }

  it('completes a job', async () => {
    const r = await run('ok');
    expect(r).toMatchObject({ ok: true, value: 'done' });
  });

  it('fails a 404 at once, with its code as the reason, and keeps the job', async () => {
    const r = await run('notFound');
    expect(r.ok).toBe(false);
    expect(calls.get('notFound')).toBe(1);
    expect(r.job?.failedReason).toBe('FETCH_HTTP_STATUS: HTTP 404');
    expect(await r.job?.getState()).toBe('failed');
  });

  it('fails a parse error at once', async () => {
    const r = await run('parse');
    expect(r.ok).toBe(false);
    expect(calls.get('parse')).toBe(1);
    expect(r.job?.failedReason).toMatch(/^SCRAPE_FAILED/);
  });

  it('retries a retryable error with backoff until it succeeds', async () => {
    const r = await run('flaky');
    expect(r).toMatchObject({ ok: true, value: 'third time' });
    expect(calls.get('flaky')).toBe(3);
  });

  it('gives up after the last attempt', async () => {
    const r = await run('broken');
    expect(r.ok).toBe(false);
    expect(calls.get('broken')).toBe(3);
    expect(r.job?.failedReason).toBe('disk full');
  });

  it('waits out a 429 for Retry-After without spending an attempt, and without holding up other jobs', async () => {
    const started = Date.now();
    const limited = run('limited');
    await new Promise((r) => setTimeout(r, 100));
    const other = await run('ok');
    expect(other.ok).toBe(true);
    expect(Date.now() - started).toBeLessThan(650);
    const r = await limited;
    expect(r).toMatchObject({ ok: true, value: 'after the wait' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(650);
    expect(calls.get('limited')).toBe(2);
    // The wait spent no attempt: the job succeeded on its first counted one.
    expect(r.job?.attemptsMade).toBe(1);
  });

  it('counts outcomes and failure reasons', async () => {
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/seizurewatch_jobs_total\{stage="fetch",outcome="completed"\} [1-9]/);
    expect(text).toMatch(/seizurewatch_job_failures_total\{stage="fetch",reason="FETCH_HTTP_STATUS"\} 1/);
    expect(text).toMatch(/seizurewatch_jobs_total\{stage="fetch",outcome="rate_limited"\} 1/);
    expect(text).toMatch(/seizurewatch_job_duration_seconds_count\{stage="fetch"\} [1-9]/);
  });
});
