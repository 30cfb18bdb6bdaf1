/**
 * BullMQ job `deliver-alert`: send one pending delivery (one story on one channel) from the
 * alerts store. serve wires it like this:
 *
 *   const alertQueue = createDeliverAlertQueue({ config: cfg.alerts, storeDir: cfg.store.dir,
 *     logger, connection, prefix });
 *   const alerter = createAlerter(cfg.alerts, { storeDir: cfg.store.dir, logger, enqueue: alertQueue.enqueue });
 *   await alertQueue.enqueuePending();   // deliveries left pending by earlier `scan` runs
 *   ...
 *   await alerter.close(); await alertQueue.close();
 *
 * Retries: BullMQ retries a failed attempt after the delay the alerts stage computed (exponential
 * backoff, or the receiver's Retry-After) until the delivery is sent or expires
 * (`alerts.delivery.expireAfterMs`, default 24 h); a final answer (4xx other than 408/429, SMTP
 * 5xx) or expiry ends it as an UnrecoverableError. Slack and other paced channels keep their gap
 * within the process (ChannelPacer) and across processes (a Redis slot key per channel).
 */
import {
  type ConnectionOptions,
  type Job,
  type JobsOptions,
  Queue,
  UnrecoverableError,
  Worker,
} from 'bullmq';
import { Redis, type RedisOptions } from 'ioredis';
import type { AlertsConfig, Channel, DeliveryConfig } from '../src/alerts/config.ts';
import { type AttemptOutcome, Deliverer, type SharedPacer } from '../src/alerts/delivery.ts';
import type { DeliverAlertJobData } from '../src/alerts/index.ts';
import { AlertStore } from '../src/alerts/store.ts';
import { backoffDelay, ChannelPacer } from '../src/alerts/timing.ts';
import type { Logger } from '../src/log.ts';
import { SqliteAlertState } from '../src/store/sqlite.ts';
import type { AlertState } from '../src/store/types.ts';

export type { DeliverAlertJobData } from '../src/alerts/index.ts';

export const DELIVER_ALERT_QUEUE = 'deliver-alert';
/** The custom backoff type the jobs carry; the worker's backoffStrategy answers it. */
export const ALERT_BACKOFF = 'alert-delivery';

/** A retryable attempt, carrying when the alerts stage wants the next one. */
export class RetryLaterError extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
    this.name = 'RetryLaterError';
  }
}

/** Enough attempts for backoff to reach the expiry; expiry, not this count, ends a delivery. */
export function maxAttempts(cfg: DeliveryConfig): number {
  let total = 0;
  let n = 0;
  while (total < cfg.expireAfterMs && n < 100_000) {
    n++;
    total += Math.max(1, Math.min(cfg.initialBackoffMs * 2 ** (n - 1), cfg.maxBackoffMs) * 0.8);
  }
  return n + 10;
}

export function deliverAlertJobOptions(cfg: DeliveryConfig, deliveryId: string, delayMs = 0): JobsOptions {
  return {
    jobId: deliveryId,
    attempts: maxAttempts(cfg),
    backoff: { type: ALERT_BACKOFF },
    delay: Math.max(0, delayMs),
    removeOnComplete: { count: 1000 },
    removeOnFail: { count: 5000 },
  };
}

/** Worker `settings.backoffStrategy`: the delay the attempt asked for, else exponential backoff. */
export function deliverAlertBackoff(cfg: DeliveryConfig) {
  return (attemptsMade: number, _type?: string, err?: Error): number =>
    err instanceof RetryLaterError ? Math.max(10, err.delayMs) : backoffDelay(attemptsMade, cfg);
}

export interface DeliverAlertProcessorOptions {
  config: AlertsConfig;
  /** The store's alert state (kept open: the store owns it); else the embedded file under storeDir. */
  state?: AlertState;
  storeDir?: string;
  logger: Logger;
  /** Keeps channel pacing (Slack 1/s) across serve processes; in-process pacing only without it. */
  sharedPacer?: SharedPacer;
}

/**
 * Per-channel pacing shared by every process on one Redis: a send takes the channel's slot key
 * (`SET NX PX`, held while it sends) and leaves it set for `minIntervalMs` after it ends; other
 * processes wait for the key to expire.
 */
export function redisPacer(redis: Redis, prefix: string): SharedPacer {
  const keyOf = (channel: string): string => `${prefix}:${DELIVER_ALERT_QUEUE}:pace:${channel}`;
  return {
    async acquire(channel, holdMs) {
      for (;;) {
        if ((await redis.set(keyOf(channel), '1', 'PX', holdMs, 'NX')) === 'OK') return;
        const ttl = await redis.pttl(keyOf(channel));
        await new Promise((r) => setTimeout(r, Math.max(5, Math.min(ttl > 0 ? ttl : 5, 1000))));
      }
    },
    async finish(channel, minIntervalMs) {
      await redis.set(keyOf(channel), '1', 'PX', Math.max(1, minIntervalMs));
    },
  };
}

/** The processor: one attempt per job run; throws to retry, UnrecoverableError to stop. */
export function createDeliverAlertProcessor(options: DeliverAlertProcessorOptions) {
  let owned: SqliteAlertState | null = null;
  let store: AlertState;
  if (options.state) store = options.state;
  else if (options.storeDir) store = owned = new SqliteAlertState(AlertStore.inDir(options.storeDir));
  else throw new Error('createDeliverAlertProcessor: give state or storeDir');
  const deliverer = new Deliverer({
    store,
    channels: new Map<string, Channel>(options.config.channels.map((c) => [c.name, c])),
    delivery: options.config.delivery,
    logger: options.logger.child({ job: DELIVER_ALERT_QUEUE }),
    pacer: new ChannelPacer(),
    ...(options.sharedPacer ? { sharedPacer: options.sharedPacer } : {}),
  });
  return {
    store,
    async process(job: Job<DeliverAlertJobData>): Promise<{ outcome: string; status?: number | null }> {
      const r: AttemptOutcome = await deliverer.attempt(job.data.deliveryId);
      switch (r.outcome) {
        case 'delivered':
          return { outcome: 'delivered', status: r.status };
        case 'gone':
          return { outcome: 'gone' };
        case 'final':
          throw new UnrecoverableError(r.error);
        case 'expired':
          throw new UnrecoverableError('alert expired undelivered');
        case 'retry':
          throw new RetryLaterError(r.error, r.nextAttemptAt - Date.now());
        case 'not-due':
          throw new RetryLaterError('not due yet', r.nextAttemptAt - Date.now());
        case 'busy':
          throw new RetryLaterError('another worker holds the delivery', 5000);
      }
    },
    close(): void {
      owned?.close();
    },
  };
}

export interface DeliverAlertQueueOptions extends DeliverAlertProcessorOptions {
  connection: ConnectionOptions;
  /** Redis key prefix (BullMQ `prefix`), default `bull`. */
  prefix?: string;
  /** Jobs run at once in this process (default 4). */
  concurrency?: number;
  /** Start the worker (default true); false gives only the queue (producers). */
  worker?: boolean;
  /**
   * The worker's job lock, in ms (serve: `service.lockDurationMs`, as every stage): a delivery
   * whose process died is taken over once its lock lapses. Default BullMQ's (30 s).
   */
  lockDurationMs?: number;
  /** How often the worker looks for stalled jobs, in ms (serve: `service.stalledIntervalMs`). */
  stalledIntervalMs?: number;
}

export interface DeliverAlertQueue {
  queue: Queue<DeliverAlertJobData>;
  worker: Worker<DeliverAlertJobData> | null;
  /** Pass to createAlerter({ enqueue }). */
  enqueue(job: DeliverAlertJobData, delayMs: number): Promise<void>;
  /** Queue every delivery pending in the store (left by scan runs or a crash); returns how many. */
  enqueuePending(): Promise<number>;
  close(): Promise<void>;
}

export function createDeliverAlertQueue(options: DeliverAlertQueueOptions): DeliverAlertQueue {
  const cfg = options.config.delivery;
  const prefix = options.prefix ?? 'bull';
  const queue = new Queue<DeliverAlertJobData>(DELIVER_ALERT_QUEUE, {
    connection: options.connection,
    prefix,
  });
  // one small connection of our own for the pacing slots (BullMQ's may be blocking)
  const paceRedis =
    options.worker === false
      ? null
      : options.connection instanceof Redis
        ? options.connection.duplicate()
        : new Redis(options.connection as RedisOptions);
  paceRedis?.on('error', (err) => options.logger.debug({ err }, 'pace redis error'));
  const processor = createDeliverAlertProcessor({
    ...options,
    ...(paceRedis ? { sharedPacer: redisPacer(paceRedis, prefix) } : {}),
  });
  const worker =
    options.worker === false
      ? null
      : new Worker<DeliverAlertJobData>(DELIVER_ALERT_QUEUE, (job) => processor.process(job), {
          connection: options.connection,
          prefix,
          concurrency: options.concurrency ?? 4,
          ...(options.lockDurationMs !== undefined ? { lockDuration: options.lockDurationMs } : {}),
          ...(options.stalledIntervalMs !== undefined ? { stalledInterval: options.stalledIntervalMs } : {}),
          // As the stages: a job whose worker died is taken over; a few stalls are tolerated.
          maxStalledCount: 3,
          settings: { backoffStrategy: deliverAlertBackoff(cfg) },
        });
  worker?.on('failed', (job, err) => {
    if (job && err instanceof UnrecoverableError) {
      options.logger.error({ job: job.id, err }, 'alert delivery job ended undelivered');
    }
  });
  const enqueue = async (job: DeliverAlertJobData, delayMs: number): Promise<void> => {
    await queue.add('deliver', job, deliverAlertJobOptions(cfg, job.deliveryId, delayMs));
  };
  return {
    queue,
    worker,
    enqueue,
    async enqueuePending() {
      const rows = await processor.store.deliveries({ status: 'pending' });
      for (const row of rows) await enqueue({ deliveryId: row.id }, row.next_attempt_at - Date.now());
      return rows.length;
    },
    async close() {
      await worker?.close();
      await queue.close();
      await paceRedis?.quit().catch(() => undefined);
      processor.close();
    },
  };
}
