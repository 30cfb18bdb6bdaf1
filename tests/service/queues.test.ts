/**
 * Queue topology on real Redis (own prefixes), service in process: one scheduler per feed that
 * restarts never duplicate, one article carried by two feeds processed once, and a start while
 * Redis is unreachable (clear error, retried until it answers).
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
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';
import { articlePage, rssFeed, type Site, startSite } from './helpers/site.ts';
import { startTcpProxy } from './helpers/tcp-proxy.ts';
import { until } from './helpers/until.ts';

function configFor(
  dir: string,
  feeds: { id: string; url: string }[],
  prefix: string,
  service: Record<string, unknown> = {},
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

  it('starts once Redis comes back', async () => {
    const proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    proxy.cut();
    const { logger, lines } = capturingLogger();
    const p = uniquePrefix('later');
    const cfg = configFor(path.join(dir, 'later'), feeds.slice(0, 1), p, { redisUrl: proxy.url });
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
      await proxy.close();
      await deletePrefix(p);
    }
  }, 30_000);

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
