/**
 * Redis data lost under `serve` (issue 15 item 1): a private redis-server without persistence
 * is killed mid-run and started again empty, so every queued job is gone, while the feed sends
 * an ETag and answers 304 to every later poll. The items are still pending in the store: the
 * service re-queues them (at start, and after each poll) and every article is stored once.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '../../src/records/id.ts';
import { openStore } from '../../src/records/store.ts';
import { type EtagSite, startEtagSite } from '../helpers/etag-site.ts';
import { type PrivateRedis, startPrivateRedis } from '../helpers/private-redis.ts';
import { uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  type TestDirs,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { until } from './helpers/until.ts';

/**
 * Enough that most of the feed is still to do when Redis is wiped (after the first 5 records,
 * while the pages answer in 150 ms, two at a time), and few enough to store quickly after.
 */
const N = 24;

function ids(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0)
      .map((l) => (JSON.parse(l) as { id: string }).id);
  } catch {
    return [];
  }
}

interface WipeFixture {
  site: EtagSite;
  redis: PrivateRedis;
  dirs: TestDirs;
  serve?: ServeProcess;
}

/** A feed of N items behind an ETag, a private redis-server and a service config on it; torn down after the describe. */
function wipeFixture(name: string): WipeFixture {
  const f = {} as WipeFixture;
  beforeAll(async () => {
    f.site = await startEtagSite(name, N);
    f.site.pageDelayMs = 150;
    f.redis = await startPrivateRedis();
    f.dirs = writeServiceConfig(name, {
      prefix: uniquePrefix(name),
      feeds: [{ id: name, url: f.site.feedUrl }],
      service: { pollEveryMs: 1_000, concurrency: { fetch: 2 } },
      // One parse thread: each of the three starts loads the NLP tables once, not twice.
      extra: { parse: { threads: 1 } },
    });
  });
  afterAll(async () => {
    if (f.serve) await stopServe(f.serve, 3_000);
    await f.redis?.stop();
    await f.site?.close();
    f.dirs?.cleanup();
  });
  return f;
}

// The two cases share nothing (each its own site, redis-server, store and config): they run
// side by side, each mostly waiting on its serve process.
describe.concurrent('Redis data lost under serve', () => {
  describe('serve when Redis loses its data mid-run, behind a feed that answers 304', () => {
    const f = wipeFixture('wipe');

    it(
      'stores every article once after the service re-queues the pending items',
      async () => {
        const first = startServe(f.dirs.config, { REDIS_URL: f.redis.url });
        f.serve = first;
        await first.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
        await until(() => ids(f.dirs.ndjson).length >= 5, 60_000, 'the first records');
        await f.redis.wipe();
        expect(ids(f.dirs.ndjson).length).toBeLessThan(N);
        // Long enough for the workers to reconnect and the feed to be polled again (every 1 s).
        await new Promise((r) => setTimeout(r, 4_000));
        // Then a restart, as an operator would after losing Redis (it puts the job schedulers back).
        expect(await stopServe(first)).toBe(0);
        expect(ids(f.dirs.ndjson).length).toBeLessThan(N);

        const second = startServe(f.dirs.config, { REDIS_URL: f.redis.url });
        f.serve = second;
        await second.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
        await until(() => ids(f.dirs.ndjson).length >= N, 90_000, `all ${N} records after the re-queue`);
        await new Promise((r) => setTimeout(r, 1_500));
        expect(await stopServe(second)).toBe(0);

        // The lost items came back from the store: re-queued after a poll, or at the start.
        const requeued = [...first.logs, ...second.logs]
          .filter((l) => l.msg === 'feed polled' || l.msg === 'resumed items left pending')
          .reduce((n, l) => n + Number(l.resumed ?? 0), 0);
        expect(requeued).toBeGreaterThan(0);
        // The feed was fetched in full once; every later poll was a 304.
        expect(f.site.feedAnswers.full).toBe(1);
        expect(f.site.feedAnswers.notModified).toBeGreaterThan(0);
        const written = ids(f.dirs.ndjson);
        expect(written).toHaveLength(N);
        expect(new Set(written)).toEqual(new Set(f.site.urls.map((u) => recordId(u))));
        const store = openStore(f.dirs.store);
        try {
          expect(store.countRecords()).toBe(N);
          expect(store.pendingItems()).toEqual([]);
        } finally {
          store.close();
        }
      },
      2 * STARTUP_MS + 180_000,
    );
  });

  describe('serve when Redis loses its data mid-run, with no restart', () => {
    const f = wipeFixture('wipe-live');

    it(
      'puts the lost feed scheduler back by itself and stores every article once',
      async () => {
        f.serve = startServe(f.dirs.config, { REDIS_URL: f.redis.url });
        await f.serve.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
        await until(() => ids(f.dirs.ndjson).length >= 5, 60_000, 'the first records');
        await f.redis.wipe();
        expect(ids(f.dirs.ndjson).length).toBeLessThan(N);
        await f.serve.waitForLog((l) => l.msg === 'feed scheduler was missing from Redis: restored', 30_000);
        await until(() => ids(f.dirs.ndjson).length >= N, 90_000, `all ${N} records without a restart`);
        await new Promise((r) => setTimeout(r, 1_500));
        expect(await stopServe(f.serve)).toBe(0);

        const written = ids(f.dirs.ndjson);
        expect(written).toHaveLength(N);
        expect(new Set(written)).toEqual(new Set(f.site.urls.map((u) => recordId(u))));
        expect(f.site.feedAnswers.full).toBe(1);
        const store = openStore(f.dirs.store);
        try {
          expect(store.countRecords()).toBe(N);
          expect(store.pendingItems()).toEqual([]);
        } finally {
          store.close();
        }
      },
      STARTUP_MS + 180_000,
    );
  });
});
