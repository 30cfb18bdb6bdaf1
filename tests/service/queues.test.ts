/**
 * Queue topology on real Redis (own prefixes), service in process: one scheduler per feed that
 * restarts never duplicate, one article carried by two feeds processed once, and a start while
 * Redis is unreachable (clear error, retried until it answers; a private redis-server behind a
 * TCP proxy, with parse threads and with in-process parsing).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { recordId } from '../../src/records/id.ts';
import { stageJobId } from '../../src/service/queues.ts';
import { startService } from '../../src/service/service.ts';
import { type PrivateRedis, startPrivateRedis } from '../helpers/private-redis.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';
import { articlePage, rssFeed, type Site, startSite } from './helpers/site.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';
import { until } from './helpers/until.ts';

function configFor(
  dir: string,
  feeds: { id: string; url: string }[],
  prefix: string,
  service: Record<string, unknown> = {},
  extra: Record<string, unknown> = {},
) {
  return parseConfig(
    {
      feeds,
      output: { ndjson: path.join(dir, 'records.ndjson') },
      store: { dir: path.join(dir, 'store') },
      fetch: { allowPrivateNetworks: true, minHostGapMs: 0, respectRobots: false },
      service: {
        prefix,
        pollEveryMs: 60_000,
        retry: { attempts: 2, backoffMs: 50 },
        http: { enabled: false },
        ...service,
      },
      log: { level: 'silent' },
      ...extra,
    },
    'test',
  );
}

function capturingLogger() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _enc, cb) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l) as Record<string, unknown>);
      cb();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('queues and schedulers', () => {
  const prefix = uniquePrefix('queues');
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-queues-'));
  let site: Site;
  let feeds: { id: string; url: string }[];
  const shared = '/news/shared-story';

  beforeAll(async () => {
    site = await startSite();
    const url = (p: string) => `${site.base}${p}`;
    for (const p of [shared, '/news/only-a', '/news/only-b'])
      site.routes.set(p, { body: articlePage(p.length, url(p)) });
    site.routes.set('/a.xml', {
      body: rssFeed([
        { link: url(shared), title: 'Shared' },
        { link: url('/news/only-a'), title: 'A' },
      ]),
      contentType: 'application/rss+xml',
    });
    // The second feed links the shared story with a tracking parameter: same canonical URL.
    site.routes.set('/b.xml', {
      body: rssFeed([
        { link: `${url(shared)}?utm_source=feed-b`, title: 'Shared' },
        { link: url('/news/only-b'), title: 'B' },
      ]),
      contentType: 'application/rss+xml',
    });
    feeds = [
      { id: 'feed-a', url: url('/a.xml') },
      { id: 'feed-b', url: url('/b.xml') },
    ];
  });

  afterAll(async () => {
    await site?.close();
    await deletePrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('processes an article carried by two feeds once, and restarts keep one scheduler per feed', async () => {
    const svc = await startService({
      config: configFor(dir, feeds, prefix),
      logger: silentLogger,
      env: { REDIS_URL },
    });
    try {
      await until(async () => (await svc.store.countRecords()) >= 3, 30_000, 'three records');
      // Both feeds were polled and the shared item listed twice: one fetch, one record.
      await until(
        async () => (await svc.queues.poll.getJobCounts('completed')).completed! >= 2,
        10_000,
        'two polls',
      );
      expect(site.hits.get(shared)).toBe(1);
      expect(await svc.store.countRecords()).toBe(3);
      const sharedId = recordId(`${site.base}${shared}`);
      expect(await svc.queues.fetch.getJob(stageJobId('fetch', sharedId))).toBeDefined();
      expect((await svc.queues.fetch.getJobCounts('completed')).completed).toBe(3);
      expect((await svc.queues.poll.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
        'feed-feed-a',
        'feed-feed-b',
      ]);
    } finally {
      await svc.close();
    }

    // Restart with the same feeds: still one scheduler each; nothing fetched again.
    const again = await startService({
      config: configFor(dir, feeds, prefix),
      logger: silentLogger,
      env: { REDIS_URL },
    });
    try {
      expect((await again.queues.poll.getJobSchedulers()).map((s) => s.key).sort()).toEqual([
        'feed-feed-a',
        'feed-feed-b',
      ]);
    } finally {
      await again.close();
    }

    // A feed dropped from the config loses its scheduler.
    const fewer = await startService({
      config: configFor(dir, feeds.slice(0, 1), prefix),
      logger: silentLogger,
      env: { REDIS_URL },
    });
    try {
      expect((await fewer.queues.poll.getJobSchedulers()).map((s) => s.key)).toEqual(['feed-feed-a']);
      await new Promise((r) => setTimeout(r, 300));
      expect(site.hits.get(shared)).toBe(1);
      expect(await fewer.store.countRecords()).toBe(3);
    } finally {
      await fewer.close();
    }
  }, 180_000);

  it('says clearly that Redis is unreachable, and gives up only when told to', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    proxy.cut();
    const { logger, lines } = capturingLogger();
    const cfg = configFor(path.join(dir, 'down'), feeds, uniquePrefix('down'), { redisUrl: proxy.url });
    await expect(startService({ config: cfg, logger, redisWaitMs: 1_500 })).rejects.toThrow(
      `Redis is not reachable at ${proxy.url}`,
    );
    expect(
      lines.some((l) => l.msg === 'redis is not reachable (is it running? set REDIS_URL); retrying'),
    ).toBe(true);
    await proxy.close();
  });

  // Started while Redis is away, then closed as soon as it is up: with in-process parsing
  // (`parse.threads: 0`) the start is quick, so the close came while BullMQ was still
  // initialising a worker's connections, and BullMQ's own handler of that init rethrew an
  // ioredis `Connection is closed` (an unhandled rejection: Node's default is to exit).
  // Both parse modes, each started and closed twice, with no rejection left unhandled.
  describe.each([
    { mode: 'parse threads (default)', parse: undefined },
    { mode: 'in-process parsing (parse.threads 0)', parse: { threads: 0 } },
  ])('with $mode', ({ parse }) => {
    let redis: PrivateRedis;
    beforeAll(async () => {
      redis = await startPrivateRedis();
    });
    afterAll(async () => {
      await redis?.stop();
    });

    it('starts once Redis comes back, and closes with no rejection left unhandled', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (reason: unknown) => unhandled.push(reason);
      process.on('unhandledRejection', onUnhandled);
      const proxy = await startTcpProxy({ host: '127.0.0.1', port: redis.port });
      try {
        for (let run = 0; run < 2; run++) {
          proxy.cut();
          const { logger, lines } = capturingLogger();
          const cfg = configFor(
            path.join(dir, `later-${parse?.threads ?? 'default'}-${run}`),
            feeds.slice(0, 1),
            uniquePrefix('later'),
            { redisUrl: proxy.url },
            parse ? { parse } : {},
          );
          const starting = startService({ config: cfg, logger });
          await until(
            () => lines.some((l) => l.msg?.toString().startsWith('redis is not reachable')),
            10_000,
            'the error',
          );
          proxy.restore();
          const svc = await starting;
          try {
            expect(lines.some((l) => l.msg === 'redis reachable')).toBe(true);
            expect(lines.some((l) => l.msg === 'service started')).toBe(true);
          } finally {
            await svc.close();
          }
          // A rejection of a connection closed under BullMQ comes after the socket's close event.
          await new Promise((r) => setTimeout(r, 300));
        }
        expect(unhandled.map(String)).toEqual([]);
      } finally {
        process.off('unhandledRejection', onUnhandled);
        await proxy.close();
      }
      // Two starts with parse threads took up to 60 s on the shared machine at load 17.
    }, 150_000);
  });

  it('on close, lets an active job finish and leaves the rest queued for the next start', async () => {
    const slow = await startSite();
    const p = uniquePrefix('graceful');
    try {
      const url = `${slow.base}/news/slow`;
      slow.routes.set('/news/slow', { body: articlePage(2, url) });
      slow.routes.set('/slow.xml', {
        body: rssFeed([{ link: url, title: 'Slow' }]),
        contentType: 'application/rss+xml',
      });
      slow.pageDelayMs = 1_500;
      const cfg = configFor(path.join(dir, 'graceful'), [{ id: 'slow', url: `${slow.base}/slow.xml` }], p);
      const svc = await startService({ config: cfg, logger: silentLogger, env: { REDIS_URL } });
      await until(
        async () => (await svc.queues.fetch.getJobCounts('active')).active! > 0,
        10_000,
        'an active fetch',
      );
      await svc.close();
      // The fetch finished (not failed, not left active) and handed its page on.
      const { Queue } = await import('bullmq');
      const conn = { url: REDIS_URL };
      const fetchQ = new Queue('fetch-page', { connection: conn, prefix: p });
      const extractQ = new Queue('extract-article', { connection: conn, prefix: p });
      try {
        expect(await fetchQ.getJobCounts('active', 'completed', 'failed')).toEqual({
          active: 0,
          completed: 1,
          failed: 0,
        });
        expect((await extractQ.getJobCounts('wait')).wait).toBe(1);
      } finally {
        await fetchQ.close();
        await extractQ.close();
      }
      // The next start picks it up.
      const again = await startService({ config: cfg, logger: silentLogger, env: { REDIS_URL } });
      try {
        await until(async () => (await again.store.countRecords()) === 1, 20_000, 'the record');
      } finally {
        await again.close();
      }
      expect(slow.hits.get('/news/slow')).toBe(1);
    } finally {
      await slow.close();
      await deletePrefix(p);
    }
  }, 60_000);
});
