/**
 * Crash safety: `serve` is killed with SIGKILL in the middle of a batch of 40 articles, then
 * started again. Every article ends up stored exactly once, and the NDJSON output holds each
 * record once, with no torn line.
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
import { until } from './helpers/until.ts';

/**
 * The kill comes once 12 records are written: with up to 8 fetches, 2 extractions and a store
 * in flight, and most of the batch still to do.
 */
const N = 40;
const KILL_AFTER = 12;

function ndjsonLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}

describe('serve killed mid-batch', () => {
  const prefix = uniquePrefix('crash');
  let site: Site;
  let dirs: TestDirs;
  const procs: ServeProcess[] = [];
  const urls: string[] = [];

  beforeAll(async () => {
    site = await startSite();
    site.pageDelayMs = 5;
    for (let n = 0; n < N; n++) {
      const url = `${site.base}/news/story-${n}`;
      urls.push(url);
      site.routes.set(`/news/story-${n}`, { body: articlePage(n, url) });
    }
    site.routes.set('/feed.xml', {
      body: rssFeed(urls.map((link, n) => ({ link, title: `Test story ${n}` }))),
      contentType: 'application/rss+xml',
    });
    dirs = writeServiceConfig('crash', {
      prefix,
      feeds: [{ id: 'batch', url: `${site.base}/feed.xml` }],
      service: {
        pollEveryMs: 1_000,
        lockDurationMs: 1_500,
        stalledIntervalMs: 500,
        concurrency: { fetch: 8, extract: 2, store: 1 },
        http: { enabled: false },
      },
      // One parse thread: each of the two starts loads the NLP tables once, not twice.
      extra: { parse: { threads: 1 } },
    });
  });

  afterAll(async () => {
    for (const p of procs) await stopServe(p, 2_000);
    await site?.close();
    await deletePrefix(prefix);
    dirs?.cleanup();
  });

  it(
    'stores every article exactly once across a SIGKILL',
    async () => {
      const first = startServe(dirs.config);
      procs.push(first);
      await first.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      // Kill it once part of the batch is written, while the rest is in flight.
      const before = await until(
        () => {
          const n = ndjsonLines(dirs.ndjson).filter((l) => l.length > 0).length;
          return n >= KILL_AFTER && n;
        },
        60_000,
        'the first records',
      );
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const atKill = ndjsonLines(dirs.ndjson).filter((l) => l.length > 0).length;
      expect(atKill).toBeGreaterThanOrEqual(before);
      expect(atKill).toBeLessThan(N);

      const second = startServe(dirs.config);
      procs.push(second);
      await until(
        () => ndjsonLines(dirs.ndjson).filter((l) => l.length > 0).length >= N,
        STARTUP_MS + 60_000,
        `all ${N} records after the restart`,
      );
      // Let any re-run of an interrupted job land before judging duplicates.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await stopServe(second)).toBe(0);

      const lines = ndjsonLines(dirs.ndjson);
      expect(lines.at(-1)).toBe('');
      const body = lines.slice(0, -1);
      const ids = body.map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids).toHaveLength(N);
      expect(new Set(ids).size).toBe(N);
      expect(new Set(ids)).toEqual(new Set(urls.map((u) => recordId(u))));

      const store = openStore(dirs.store);
      try {
        expect(store.countRecords()).toBe(N);
        for (const u of urls) expect(store.hasRecord(recordId(u))).toBe(true);
      } finally {
        store.close();
      }
    },
    2 * STARTUP_MS + 120_000,
  );
});
