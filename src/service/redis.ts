/**
 * Redis connections for the service. BullMQ workers need `maxRetriesPerRequest: null` so a
 * command issued while Redis is away waits for the reconnect instead of failing; ioredis then
 * reconnects forever with a capped backoff. `waitForRedis` makes the start explicit: a clear
 * error in the log and a retry loop, rather than a hang with no word.
 */
import { Redis, type RedisOptions } from 'ioredis';
import { StartupError } from '../errors.ts';
import type { Logger } from '../log.ts';

export const DEFAULT_REDIS_URL = 'redis://127.0.0.1:6379';

/** The Redis URL to use: the config's, else $REDIS_URL, else the local default. */
export function resolveRedisUrl(configured: string | undefined, env = process.env): string {
  return configured ?? env.REDIS_URL ?? DEFAULT_REDIS_URL;
}

/** Reconnect delay: 100 ms doubling to 5 s, forever. */
export function reconnectDelay(times: number): number {
  return Math.min(100 * 2 ** Math.min(times, 6), 5_000);
}

/** Hide a password in a Redis URL for logs. */
export function redactRedisUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'redis://(unparsable url)';
  }
}

export interface ConnectionOptions {
  /** Label in logs (`worker`, `queue`, `probe`). */
  name: string;
  logger: Logger;
}

/**
 * A connection for BullMQ (queues and workers alike): never gives up on a command, reconnects
 * forever, logs each loss and recovery once.
 */
export function createRedisConnection(url: string, options: ConnectionOptions): Redis {
  const log = options.logger.child({ redis: options.name });
  const redisOptions: RedisOptions = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    retryStrategy: reconnectDelay,
    connectionName: `seizurewatch-${options.name}`,
  };
  const conn = new Redis(url, redisOptions);
  let down = false;
  conn.on('error', (err: Error) => {
    if (!down) log.warn({ err }, 'redis connection error');
    down = true;
  });
  conn.on('ready', () => {
    if (down) log.info('redis connection restored');
    down = false;
  });
  return conn;
}

/**
 * Resolve once Redis answers PING. While it does not, log a clear error (the first failure, then
 * every 10th try) and try again every `retryMs`; with `maxWaitMs` set, throw a `StartupError`
 * once that long has passed (0: one try), each try's connect timeout cut to the time left.
 */
export async function waitForRedis(
  url: string,
  logger: Logger,
  opts: { retryMs?: number; maxWaitMs?: number; signal?: AbortSignal } = {},
): Promise<void> {
  const retryMs = opts.retryMs ?? (opts.maxWaitMs === undefined ? 2_000 : 250);
  const deadline = opts.maxWaitMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + opts.maxWaitMs;
  let attempt = 0;
  for (;;) {
    attempt += 1;
    const left = deadline - Date.now();
    const probe = new Redis(url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
      connectTimeout: Math.max(Math.min(2_000, left), 200),
      enableOfflineQueue: false,
    });
    // The socket's own error (ECONNREFUSED, ENOTFOUND, auth) says more than "Connection is closed".
    let cause: Error | undefined;
    probe.on('error', (e: Error) => {
      cause ??= e;
    });
    try {
      await probe.connect();
      await probe.ping();
      if (attempt > 1) logger.info({ redisUrl: redactRedisUrl(url), attempt }, 'redis reachable');
      return;
    } catch (thrown) {
      const err = cause ?? (thrown as Error);
      if (Date.now() >= deadline) {
        throw new StartupError(
          `Redis is not reachable at ${redactRedisUrl(url)}: ${err.message} (waited ${opts.maxWaitMs} ms; service.redisWaitMs, --redis-wait-ms)`,
          { cause: err },
        );
      }
      if (attempt % 10 === 1) {
        logger.error(
          { redisUrl: redactRedisUrl(url), attempt, retryInMs: retryMs, err },
          'redis is not reachable (is it running? set REDIS_URL); retrying',
        );
      }
    } finally {
      probe.disconnect();
    }
    if (opts.signal?.aborted) throw new Error('aborted while waiting for Redis');
    // The last try falls on the deadline itself.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(retryMs, Math.max(deadline - Date.now(), 0))),
    );
    if (opts.signal?.aborted) throw new Error('aborted while waiting for Redis');
  }
}
