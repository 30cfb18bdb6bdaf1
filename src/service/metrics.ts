/**
 * Prometheus metrics of the service: prom-client's process defaults, per-stage job counts,
 * failures by reason and latencies, records stored, and BullMQ queue depths read at scrape time.
 * One registry per service instance (tests run several in one process).
 */
import type { Queue } from 'bullmq';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Stage } from './queues.ts';

export type JobOutcome = 'completed' | 'retry' | 'failed' | 'rate_limited';

const QUEUE_STATES = [
  'waiting',
  'active',
  'delayed',
  'completed',
  'failed',
  'prioritized',
  'paused',
] as const;

export interface ServiceMetrics {
  registry: Registry;
  jobs: Counter<'stage' | 'outcome'>;
  failures: Counter<'stage' | 'reason'>;
  duration: Histogram<'stage'>;
  recordsStored: Counter<'seizure_story'>;
  itemsQueued: Counter<'feed'>;
  /** Read queue depths on each scrape from these queues. */
  watchQueues(queues: Queue[]): void;
}

export function createMetrics(): ServiceMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const jobs = new Counter({
    name: 'seizurewatch_jobs_total',
    help: 'Jobs run, by stage and outcome (completed, retry, failed, rate_limited).',
    labelNames: ['stage', 'outcome'] as const,
    registers: [registry],
  });
  const failures = new Counter({
    name: 'seizurewatch_job_failures_total',
    help: 'Failed job attempts by stage and reason (error code).',
    labelNames: ['stage', 'reason'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'seizurewatch_job_duration_seconds',
    help: 'Time one job attempt takes, by stage.',
    labelNames: ['stage'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const recordsStored = new Counter({
    name: 'seizurewatch_records_stored_total',
    help: 'Records newly stored (re-runs of a stored record do not count).',
    labelNames: ['seizure_story'] as const,
    registers: [registry],
  });
  const itemsQueued = new Counter({
    name: 'seizurewatch_feed_items_queued_total',
    help: 'New feed items queued for fetching, by feed.',
    labelNames: ['feed'] as const,
    registers: [registry],
  });
  let watched: Queue[] = [];
  new Gauge({
    name: 'seizurewatch_queue_jobs',
    help: 'Jobs in each BullMQ queue by state, read at scrape time.',
    labelNames: ['queue', 'state'] as const,
    registers: [registry],
    async collect() {
      this.reset();
      // Redis away: report no queue depths rather than hang the scrape.
      const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 1_000, 'timeout').unref());
      await Promise.race([
        timeout,
        Promise.all(
          watched.map(async (q) => {
            const counts = await q.getJobCounts(...QUEUE_STATES);
            for (const state of QUEUE_STATES) this.set({ queue: q.name, state }, counts[state] ?? 0);
          }),
        ),
      ]);
    },
  });
  return {
    registry,
    jobs,
    failures,
    duration,
    recordsStored,
    itemsQueued,
    watchQueues(queues) {
      watched = queues;
    },
  };
}

export type { Stage };
