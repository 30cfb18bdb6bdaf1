/**
 * Redis for service tests: the shared server at 127.0.0.1:6379 (never flushed, never restarted),
 * a unique key prefix per test, and a clean-up that deletes that prefix's keys only.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export function uniquePrefix(name: string): string {
  return `swtest-${name}-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/** Delete every key under `prefix:` (SCAN, never KEYS or FLUSH). */
export async function deletePrefix(prefix: string, url = REDIS_URL): Promise<number> {
  const redis = new Redis(url, { maxRetriesPerRequest: 1 });
  let deleted = 0;
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 500);
      cursor = next;
      if (keys.length > 0) deleted += await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return deleted;
}
