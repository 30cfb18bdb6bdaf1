/**
 * Redis going away mid-run: the service talks to Redis through a local TCP proxy, which the test
 * cuts (every connection dropped, new ones refused) and restores. The shared Redis itself is
 * never touched. The service stays up, reports not ready while cut, recovers by itself and
 * loses nothing: every article stored once.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '../../src/records/id.ts';
import { openStore } from '../../src/records/store.ts';
import { deletePrefix, uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  type TestDirs,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { articlePage, rssFeed, type Site, startSite } from './helpers/site.ts';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.ts';
import { until } from './helpers/until.ts';

const N = 60;

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

async function readyStatus(base: string): Promise<number> {
  try {
    return (await fetch(`${base}/readyz`, { signal: AbortSignal.timeout(3_000) })).status;
  } catch {
    return -1;
  }
}

describe('serve when the Redis connection is cut and restored', () => {
  const prefix = uniquePrefix('cut');
  let site: Site;
  let dirs: TestDirs;
  let proxy: TcpProxy;
  let serve: ServeProcess | undefined;
  const urls: string[] = [];

  beforeAll(async () => {
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    site = await startSite();
    site.pageDelayMs = 40;
    for (let n = 0; n < N; n++) {
      const url = `${site.base}/news/cut-${n}`;
      urls.push(url);
      site.routes.set(`/news/cut-${n}`, { body: articlePage(n, url) });
    }
    site.routes.set('/feed.xml', {
      body: rssFeed(urls.map((link, n) => ({ link, title: `Story ${n}` }))),
      contentType: 'application/rss+xml',
    });
    dirs = writeServiceConfig('cut', {
      prefix,
      feeds: [{ id: 'cut', url: `${site.base}/feed.xml` }],
      service: { pollEveryMs: 1_000, concurrency: { fetch: 2 } },
    });
  });

  afterAll(async () => {
    if (serve) await stopServe(serve, 3_000);
    await proxy?.close();
    await site?.close();
    await deletePrefix(prefix);
    dirs?.cleanup();
  });

  it(
    'recovers by itself and loses nothing',
    async () => {
      serve = startServe(dirs.config, { REDIS_URL: proxy.url });
      const base = await serve.httpUrl();
      await serve.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      await until(() => ids(dirs.ndjson).length >= 5, 30_000, 'the first records');

      proxy.cut();
      const cutAt = ids(dirs.ndjson).length;
      await serve.waitForLog((l) => l.msg === 'redis connection error', 5_000);
      await until(async () => (await readyStatus(base)) === 503, 5_000, '/readyz to report 503');
      await new Promise((r) => setTimeout(r, 1_500));
      expect(serve.child.exitCode).toBeNull();

      proxy.restore();
      await serve.waitForLog((l) => l.msg === 'redis connection restored', 15_000);
      await until(() => ids(dirs.ndjson).length >= N, 60_000, `all ${N} records after the restore`);
      expect(cutAt).toBeLessThan(N);
      expect(await readyStatus(base)).toBe(200);
      await new Promise((r) => setTimeout(r, 1_000));
      expect(await stopServe(serve)).toBe(0);

      const written = ids(dirs.ndjson);
      expect(written).toHaveLength(N);
      expect(new Set(written)).toEqual(new Set(urls.map((u) => recordId(u))));
      const store = openStore(dirs.store);
      try {
        expect(store.countRecords()).toBe(N);
      } finally {
        store.close();
      }
    },
    STARTUP_MS + 120_000,
  );
});
