/**
 * One poll per feed at a time. A feed slower to answer than the poll interval, with several
 * poll jobs allowed at once: without the feed's poll lock the scheduler's next poll starts
 * while the first still waits, before the feed's ETag is stored, and fetches the whole feed
 * again. The lock itself is tested on the shared Redis from two connections, as two processes.
 */
import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redisFeedPollLock } from '../../src/service/feed-poll-lock.ts';
import { type EtagSite, startEtagSite } from '../helpers/etag-site.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  type TestDirs,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { until } from './helpers/until.ts';

/** The poll lock, not the articles, is under test: a few are enough to see the feed read once. */
const N = 4;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function lineCount(file: string): number {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0).length;
  } catch {
    return 0;
  }
}

describe('the feed poll lock, from two connections', () => {
  const prefix = uniquePrefix('poll-lock');
  const a = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  const b = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
  afterAll(async () => {
    await deletePrefix(prefix);
    a.disconnect();
    b.disconnect();
  });

  it('lets one holder in, keeps it while it runs past the ttl, and frees the feed on release', async () => {
    const lockA = redisFeedPollLock(a, prefix, 300);
    const lockB = redisFeedPollLock(b, prefix, 300);
    const release = await lockA.acquire('feed-1');
    expect(release).not.toBeNull();
    expect(await lockB.acquire('feed-1')).toBeNull();
    // Another feed is free.
    const other = await lockB.acquire('feed-2');
    expect(other).not.toBeNull();
    await other?.();
    // Renewed while held: still taken after three ttls.
    await sleep(900);
    expect(await lockB.acquire('feed-1')).toBeNull();
    await release?.();
    const next = await lockB.acquire('feed-1');
    expect(next).not.toBeNull();
    await next?.();
  });

  it('expires the key of a holder that died, and a late release never frees the next holder', async () => {
    const dead = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
    const release = await redisFeedPollLock(dead, prefix, 200).acquire('feed-3');
    expect(release).not.toBeNull();
    // The holder's process is gone: nothing renews its key.
    dead.disconnect();
    await sleep(400);
    const lockB = redisFeedPollLock(b, prefix, 5_000);
    const held = await lockB.acquire('feed-3');
    expect(held).not.toBeNull();
    // The first holder's token no longer matches: its release (from a new connection) leaves the key.
    const late = redisFeedPollLock(a, prefix, 200);
    expect(await late.acquire('feed-3')).toBeNull();
    expect(await b.get(`${prefix}:poll-lock:feed-3`)).not.toBeNull();
    await held?.();
    expect(await b.get(`${prefix}:poll-lock:feed-3`)).toBeNull();
  });
});

describe('serve behind a feed slower than its poll interval', () => {
  const prefix = uniquePrefix('poll-overlap');
  let site: EtagSite;
  let dirs: TestDirs;
  let serve: ServeProcess | undefined;

  beforeAll(async () => {
    site = await startEtagSite('overlap', N);
    site.feedDelayMs = 1_200;
    dirs = writeServiceConfig('poll-overlap', {
      prefix,
      feeds: [{ id: 'slow', url: site.feedUrl }],
      service: { pollEveryMs: 250, concurrency: { poll: 3 }, http: { enabled: false } },
      // The feed's own pace (its next poll after a success) no longer than the test waits.
      fetch: { maxPollIntervalMs: 1_000, minPollIntervalMs: 200 },
      // One parse thread: the start loads the NLP tables once, not twice.
      extra: { parse: { threads: 1 } },
    });
  });
  afterAll(async () => {
    if (serve) await stopServe(serve, 3_000);
    await site?.close();
    await deletePrefix(prefix);
    dirs?.cleanup();
  });

  it(
    'fetches the feed in full once and never polls it twice at the same time',
    async () => {
      serve = startServe(dirs.config);
      await serve.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      await until(() => lineCount(dirs.ndjson) >= N, 60_000, `all ${N} records`);
      // Several more intervals, each a poll job while the last poll may still wait on the feed.
      await until(() => site.feedAnswers.notModified >= 2, 30_000, 'two conditional polls');
      expect(await stopServe(serve)).toBe(0);
      serve = undefined;
      expect(site.feedAnswers.full).toBe(1);
      expect(site.feedMaxInFlight).toBe(1);
      expect(lineCount(dirs.ndjson)).toBe(N);
    },
    STARTUP_MS + 120_000,
  );
});
