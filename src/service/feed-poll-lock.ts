/**
 * One poll per feed at a time, across every worker and every `serve` process on one Redis.
 *
 * A feed's job scheduler queues its next poll when the current one starts, and the poll stage
 * runs more than one job at once: a poll slower than the interval (a slow feed, a loaded
 * machine) would overlap the next one, which starts before the first has stored the feed's
 * ETag and fetches the whole feed again. The poll takes the feed's key (`SET NX PX`, a token
 * of its own), renews it while it runs, and deletes it only if it still holds it; a poll that
 * finds the key taken is skipped (the running one does the work), and a holder that died
 * leaves a key that expires after `ttlMs`.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';

export interface FeedPollLock {
  /** The release function when this caller holds the feed now, null when another poll does. */
  acquire(feedId: string): Promise<(() => Promise<void>) | null>;
}

/** Deletes the key only while it still holds the caller's token. */
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
/** Extends the key only while it still holds the caller's token. */
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

export function redisFeedPollLock(redis: Redis, prefix: string, ttlMs: number): FeedPollLock {
  const keyOf = (feedId: string): string => `${prefix}:poll-lock:${feedId}`;
  return {
    async acquire(feedId) {
      const key = keyOf(feedId);
      const token = randomBytes(12).toString('hex');
      if ((await redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null;
      const renew = setInterval(
        () => {
          redis.eval(RENEW, 1, key, token, String(ttlMs)).catch(() => undefined);
        },
        Math.max(50, Math.floor(ttlMs / 3)),
      );
      renew.unref();
      return async () => {
        clearInterval(renew);
        await redis.eval(RELEASE, 1, key, token);
      };
    },
  };
}
