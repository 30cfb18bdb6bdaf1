/**
 * `serve`: the pipeline as BullMQ workers on Redis. Starts (in this order) the Redis check,
 * the store and NDJSON output, one queue and one worker per stage, one job scheduler per feed,
 * and the HTTP API; `close()` undoes it in reverse, letting active jobs finish first.
 */
import { type Job, Queue, type QueueOptions, Worker, type WorkerOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { alertRecordProcessor } from '../../jobs/alert-record.ts';
import { createDeliverAlertQueue } from '../../jobs/deliver-alert.ts';
import { extractArticleProcessor } from '../../jobs/extract-article.ts';
import { fetchPageProcessor } from '../../jobs/fetch-page.ts';
import { pollFeedProcessor } from '../../jobs/poll-feed.ts';
import { storeRecordProcessor } from '../../jobs/store-record.ts';
import { type Alerter, createAlerter } from '../alerts/index.ts';
import type { Config } from '../config.ts';
import { openDashboard } from '../dashboard/open.ts';
import type { DashboardQueries } from '../dashboard/queries.ts';
import type { Logger } from '../log.ts';
import { createPipelineDeps } from '../pipeline/deps.ts';
import type { PipelineDeps } from '../pipeline/index.ts';
import { OutputWriter } from '../sinks/output-writer.ts';
import type { Store } from '../store/types.ts';
import type { ArticleRecord } from '../types.ts';
import { redisFeedPollLock } from './feed-poll-lock.ts';
import { assertHttpAuth, type HttpServer, type Readiness, startHttpServer } from './http.ts';
import { type StageProcessor, wrapProcessor } from './job-wrapper.ts';
import { createMetrics, type ServiceMetrics } from './metrics.ts';
import { noteJobFailure, requeuePending } from './pending.ts';
import { assertPortFree } from './port-check.ts';
import {
  feedSchedulerId,
  type JobPayloads,
  QUEUE_NAMES,
  STAGES,
  type Stage,
  stageJobOptions,
} from './queues.ts';
import { RecordBus } from './record-bus.ts';
import { startRecordFeed } from './record-feed.ts';
import { createRedisConnection, redactRedisUrl, resolveRedisUrl, waitForRedis } from './redis.ts';
import { warmUpExtractor } from './warm-up.ts';

export interface ServiceOptions {
  config: Readonly<Config>;
  logger: Logger;
  /** Alerts printed to stderr instead of sent. */
  dryRun?: boolean;
  /** Environment (REDIS_URL, the API token). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /**
   * Give up waiting for Redis at start after this long (default: wait forever; `serve` passes
   * `service.redisWaitMs` or `--redis-wait-ms`).
   */
  redisWaitMs?: number;
  /** Abort the start (e.g. a signal arrived while waiting for Redis). */
  signal?: AbortSignal;
  /**
   * What this process does (default `all`): `worker` runs the stage workers and the NDJSON
   * writer, `scheduler` keeps the feeds' job schedulers (and may write NDJSON), `api` serves
   * the HTTP API only. Any number of each may share one config, Redis and store.
   */
  role?: ServiceRole;
}

export const SERVICE_ROLES = ['all', 'worker', 'scheduler', 'api'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

export interface RunningService {
  http: HttpServer | null;
  queues: Record<Stage, Queue>;
  /** The stage workers (none for `--role scheduler` and `api`). */
  workers: Partial<Record<Stage, Worker>>;
  metrics: ServiceMetrics;
  store: Store;
  bus: RecordBus;
  role: ServiceRole;
  /** The NDJSON output writer (null for `--role api`). */
  output: OutputWriter | null;
  readiness(): Promise<Readiness>;
  /** Stop taking jobs, let active ones finish (or release them after the timeout), close all. */
  close(): Promise<void>;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T | 'timeout'> {
  return Promise.race([p, new Promise<'timeout'>((resolve) => setTimeout(resolve, ms, 'timeout').unref())]);
}

export async function startService(opts: ServiceOptions): Promise<RunningService> {
  const { config, logger } = opts;
  const svc = config.service;
  const role: ServiceRole = opts.role ?? 'all';
  const runsWorkers = role === 'all' || role === 'worker';
  const runsSchedulers = role === 'all' || role === 'scheduler';
  const servesHttp = svc.http.enabled && (role === 'all' || role === 'api');
  const env = opts.env ?? process.env;
  const redisUrl = resolveRedisUrl(svc.redisUrl, env);
  logger.info({ redisUrl: redactRedisUrl(redisUrl), prefix: svc.prefix, role }, 'starting service');
  const token = env[svc.http.tokenEnv] || undefined;
  if (servesHttp) {
    assertHttpAuth(svc.http, token);
    // Before anything slow: a taken port fails the start in well under a second.
    await assertPortFree(svc.http.host, svc.http.port);
  }
  await waitForRedis(redisUrl, logger, { maxWaitMs: opts.redisWaitMs, signal: opts.signal });

  // The store, the exactly-once NDJSON sink, the fetcher (a fetch job never waits behind
  // another for its host: it is put back, delayed, and the worker slot goes to another site)
  // and the parse threads (feed parsing, scrape + extract off this event loop): as `scan` has.
  const owned = await createPipelineDeps(config, { logger, mode: 'serve', env, sink: false });
  logger.info({ store: owned.store.kind, location: owned.store.location }, 'store open');
  const { store, parsers } = owned;
  // A stored record is only stored here: the output writer writes its NDJSON line (one process
  // at a time, by lease) and alerts go through the alert queue.
  const pipeline: PipelineDeps = { ...owned, alerter: null, emit: 'deferred' };
  // Records stored but never written (by any process, before a crash too) are written by
  // whichever process holds the output lease, oldest first.
  const output =
    role === 'api'
      ? null
      : new OutputWriter({ store, file: config.output.ndjson, logger: logger.child({ stage: 'output' }) });
  const metrics = createMetrics();
  const bus = new RecordBus();
  const connections: Redis[] = [];
  const connect = (name: string) => {
    const c = createRedisConnection(redisUrl, { name, logger });
    connections.push(c);
    return c;
  };
  const queueConn = connect('queues');
  const feed = await startRecordFeed({
    publisher: queueConn,
    subscriber: connect('records-feed'),
    prefix: svc.prefix,
    store,
    bus,
    logger,
  });
  const onNew = async (record: ArticleRecord): Promise<void> => {
    void output?.nudge();
    await feed
      .announce(record)
      .catch((err: unknown) => logger.debug({ err }, 'cannot announce a stored record'));
  };

  // Alert deliveries run on the alerts stage's own queue (jobs/deliver-alert.ts), only when
  // rules exist; the alerter (story grouping, routing) runs in the alert-record job.
  const deliveries =
    config.alerts.rules.length > 0 && !opts.dryRun && runsWorkers
      ? createDeliverAlertQueue({
          config: config.alerts,
          state: store.alerts,
          logger: logger.child({ stage: 'deliver' }),
          connection: connect('deliver'),
          prefix: svc.prefix,
          concurrency: svc.concurrency.deliver,
          lockDurationMs: svc.lockDurationMs,
          stalledIntervalMs: svc.stalledIntervalMs,
        })
      : null;
  deliveries?.queue.on('error', (err) => logger.debug({ err }, 'deliver queue error'));
  deliveries?.worker?.on('error', (err) => logger.debug({ err }, 'deliver worker error'));
  const alerter: Alerter = createAlerter(config.alerts, {
    ...(config.alerts.rules.length > 0 ? { state: store.alerts } : {}),
    logger: logger.child({ stage: 'alerts' }),
    dryRun: opts.dryRun ?? false,
    ...(deliveries ? { enqueue: deliveries.enqueue } : {}),
  });
  if (deliveries && runsSchedulers) {
    const pending = await deliveries.enqueuePending();
    if (pending > 0) logger.info({ pending }, 'queued alert deliveries left pending');
  }

  const queues = {} as Record<Stage, Queue>;
  for (const stage of STAGES) {
    const qopts: QueueOptions = {
      connection: queueConn,
      prefix: svc.prefix,
      defaultJobOptions: stageJobOptions(stage, svc),
    };
    const q = new Queue(QUEUE_NAMES[stage], qopts);
    q.on('error', (err) => logger.debug({ queue: q.name, err }, 'queue error'));
    queues[stage] = q;
  }
  const allQueues: Queue[] = [...Object.values(queues), ...(deliveries ? [deliveries.queue as Queue] : [])];
  metrics.watchQueues(allQueues);

  const processors: { [S in Stage]: StageProcessor<S> } = {
    poll: pollFeedProcessor({
      pipeline,
      fetchQueue: queues.fetch,
      metrics,
      // Pending items of the feed no job carries (Redis lost them, a retry put one back).
      requeue: (feedId) => requeuePending(store, queues, { feedId }),
      // Held while a poll runs, renewed, and expired after a lock duration if its holder died.
      lock: redisFeedPollLock(queueConn, svc.prefix, svc.lockDurationMs),
    }),
    fetch: fetchPageProcessor({ pipeline, extractQueue: queues.extract }),
    extract: extractArticleProcessor({ pipeline, storeQueue: queues.store }),
    store: storeRecordProcessor({ pipeline, alertQueue: queues.alert, onNew, metrics }),
    alert: alertRecordProcessor({ store, alerter }),
  };

  const workers: Partial<Record<Stage, Worker>> = {};
  for (const stage of runsWorkers ? STAGES : []) {
    const wopts: WorkerOptions = {
      connection: connect(`worker-${stage}`),
      prefix: svc.prefix,
      concurrency: svc.concurrency[stage],
      lockDuration: svc.lockDurationMs,
      stalledInterval: svc.stalledIntervalMs,
      // A job whose worker died is taken over; a few stalls are tolerated before it fails.
      maxStalledCount: 3,
      autorun: false,
    };
    const processor = wrapProcessor(processors[stage] as StageProcessor<typeof stage>, {
      stage,
      logger,
      metrics,
      rateLimitMs: svc.retry.rateLimitMs,
    });
    const worker = new Worker(QUEUE_NAMES[stage], processor, wopts);
    worker.on('error', (err) => logger.debug({ stage, err }, 'worker error'));
    // BullMQ's stalled-job check (every stalledIntervalMs, in every worker of the queue): an
    // active job whose lock lapsed (its process died, or lost Redis past lockDurationMs) is
    // moved back to waiting and run again, here or elsewhere. Logged so a takeover is seen.
    worker.on('stalled', (jobId: string) =>
      logger.warn({ stage, jobId }, 'stalled job taken over: its lock lapsed, queued again'),
    );
    worker.on('failed', (job: Job | undefined, err: Error) => {
      if (job && (err.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1))) {
        // Kept (keepFailed) for inspection; its id keeps the article from being queued again
        // until it is removed or retried from Bull Board.
        logger.warn({ stage, jobId: job.id, reason: job.failedReason }, 'job failed for good');
        // The item's attempt is counted in the store: given up, or pending for the next poll.
        void noteJobFailure(stage, job, err, pipeline, logger, queues).catch((e: unknown) =>
          logger.warn({ err: e, jobId: job.id }, 'cannot record item failure'),
        );
      }
    });
    workers[stage] = worker;
  }
  // Every BullMQ connection initialised before anything can close them. Each Queue and Worker
  // (and each Worker's blocking connection, a duplicate BullMQ opens itself) runs an init (wait
  // for ready, then INFO for the version) whose failure BullMQ re-emits as 'error' from a
  // `.catch` in its constructor; `close()` removes every listener, so an init cut short by a
  // close (ours of the connection, or BullMQ's of the blocking one) threw from that `.catch`:
  // an unhandled `Connection is closed` rejection. A quick start (in-process parsing, no
  // parse threads to wait for) closed soon after Redis returned hit it two runs in three.
  await Promise.all([
    ...allQueues.map((q) => q.waitUntilReady()),
    ...Object.values(workers).map((w) => w.waitUntilReady()),
    ...(deliveries?.worker ? [deliveries.worker.waitUntilReady()] : []),
  ]);

  // One scheduler per configured feed (upsert: a restart updates it, never adds a second one),
  // and the schedulers of feeds no longer configured are removed.
  const wanted = new Set(config.feeds.map((f) => feedSchedulerId(f.id)));
  const upsertScheduler = (feed: (typeof config.feeds)[number]) =>
    queues.poll.upsertJobScheduler(
      feedSchedulerId(feed.id),
      { every: svc.pollEveryMs },
      { name: 'poll-feed', data: { feed: { ...feed } } satisfies JobPayloads['poll'] },
    );
  for (const feed of runsSchedulers ? config.feeds : []) await upsertScheduler(feed);
  for (const s of runsSchedulers ? await queues.poll.getJobSchedulers() : []) {
    const id = s.key ?? s.id;
    if (id && !wanted.has(id) && id.startsWith('feed-')) {
      await queues.poll.removeJobScheduler(id);
      logger.info({ scheduler: id }, 'removed scheduler of a feed no longer configured');
    }
  }

  if (runsWorkers && parsers.threaded) {
    const started = Date.now();
    await parsers.warmUp();
    logger.info({ ms: Date.now() - started, threads: config.parse.threads }, 'parse threads ready');
  } else if (runsWorkers) warmUpExtractor(logger);
  if (role !== 'api') {
    // Items pending in the store since before this start (a crash, Redis data lost).
    const resumed = await requeuePending(store, queues);
    if (resumed > 0) logger.info({ resumed }, 'resumed items left pending');
  }
  for (const [stage, worker] of Object.entries(workers)) {
    worker.run().catch((err) => logger.error({ stage, err }, 'worker stopped'));
  }
  // Job schedulers live in Redis: when Redis loses its data (no persistence, a failover), the
  // feeds would not be polled again until a restart. A scheduler found missing is put back; its
  // next poll re-queues the items still pending in the store. Checked every poll interval, at
  // most every 15 s.
  const schedulerCheck = runsSchedulers
    ? setInterval(
        () => {
          void (async () => {
            for (const feed of config.feeds) {
              if (await queues.poll.getJobScheduler(feedSchedulerId(feed.id))) continue;
              await upsertScheduler(feed);
              logger.warn({ feedId: feed.id }, 'feed scheduler was missing from Redis: restored');
            }
          })().catch((err: unknown) => logger.debug({ err }, 'cannot check the feed schedulers'));
        },
        Math.max(1_000, Math.min(svc.pollEveryMs, 15_000)),
      )
    : null;
  schedulerCheck?.unref();
  output?.start();

  const readiness = async (): Promise<Readiness> => {
    const checks: Readiness['checks'] = {};
    const ping = await withTimeout(
      queueConn.ping().then(
        (r) => r === 'PONG',
        () => false,
      ),
      1_000,
    );
    checks.redis =
      ping === true
        ? { ok: true }
        : { ok: false, detail: ping === 'timeout' ? 'ping timed out' : 'ping failed' };
    const top = await withTimeout(
      store.latestSeq().then(
        () => true,
        () => false,
      ),
      1_000,
    );
    checks.store =
      top === true ? { ok: true } : { ok: false, detail: top === 'timeout' ? 'timed out' : 'unreachable' };
    const running: [string, Worker][] = Object.entries(workers);
    if (deliveries?.worker) running.push(['deliver', deliveries.worker as Worker]);
    for (const [name, w] of running) {
      const ok = w.isRunning() && !w.closing;
      checks[`worker:${name}`] = ok ? { ok } : { ok, detail: 'not running' };
    }
    return { ready: Object.values(checks).every((c) => c.ok), checks };
  };

  let http: HttpServer | null = null;
  // The dashboard reads the store through its own index (src/dashboard/): a file beside the
  // embedded store, or the dash_* tables of the PostgreSQL store (shared by every process).
  let dashboard: DashboardQueries | null = null;
  try {
    if (servesHttp) dashboard = await openDashboard(store, config.store.dir);
    if (servesHttp) {
      http = await startHttpServer({
        config: svc.http,
        token,
        logger,
        metrics,
        store,
        queues: allQueues,
        bus,
        readiness,
        ...(dashboard ? { dashboard } : {}),
      });
    }
  } catch (err) {
    await Promise.all(Object.values(workers).map((w) => w.close(true)));
    await Promise.all(Object.values(queues).map((q) => q.close()));
    await deliveries?.close();
    await alerter.close();
    await output?.stop();
    await feed.close();
    for (const c of connections) c.disconnect();
    await dashboard?.close();
    await owned.close();
    throw err;
  }

  logger.info(
    { feeds: config.feeds.length, pollEveryMs: svc.pollEveryMs, http: http?.url ?? null, role },
    'service started',
  );

  let closing: Promise<void> | null = null;
  const close = () => {
    closing ??= (async () => {
      if (schedulerCheck) clearInterval(schedulerCheck);
      logger.info({ timeoutMs: svc.shutdownTimeoutMs }, 'stopping: finishing active jobs');
      const graceful = Promise.all(Object.values(workers).map((w) => w.close()));
      if ((await withTimeout(graceful, svc.shutdownTimeoutMs)) === 'timeout') {
        logger.warn('active jobs did not finish in time: releasing them (they will be taken over)');
        await withTimeout(Promise.all(Object.values(workers).map((w) => w.close(true))), 5_000);
      }
      if (http) await http.close();
      // The last records stored are written before the lease is given up.
      await output?.nudge();
      await output?.stop();
      await feed.close();
      await withTimeout(Promise.all(Object.values(queues).map((q) => q.close())), 5_000);
      await alerter.close();
      if (deliveries && (await withTimeout(deliveries.close(), svc.shutdownTimeoutMs)) === 'timeout') {
        logger.warn('alert deliveries did not finish in time');
      }
      for (const c of connections) c.disconnect();
      await dashboard?.close();
      await owned.close();
      logger.info('stopped');
    })();
    return closing;
  };

  return { http, queues, workers, metrics, store, bus, role, output, readiness, close };
}
