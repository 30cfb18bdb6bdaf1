/**
 * End to end: `seizurewatch serve` as a process, on real Redis (own prefix), polling the golden
 * DW feed from a local server. Both articles are stored within 10 s of the service's start (one
 * seizure story, alerted once to a local webhook), the
 * next polls add nothing, and SIGTERM stops it cleanly with exit 0.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../src/records/store.ts';
import { readNdjson } from '../../src/sinks/ndjson.ts';
import type { ArticleRecord } from '../../src/types.ts';
import { GOLDEN } from '../helpers/paths.ts';
import { deletePrefix, uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  type TestDirs,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { type Site, startSite } from './helpers/site.ts';
import { until } from './helpers/until.ts';

const ARTICLE = '/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181';
const NEGATIVE = '/en/hamburg-port-cargo-volumes-rise-as-shipping-recovers/a-73960042';

describe('serve end to end on the golden feed', () => {
  const prefix = uniquePrefix('e2e');
  let site: Site;
  let dirs: TestDirs;
  let serve: ServeProcess;
  const expected = JSON.parse(readFileSync(path.join(GOLDEN, 'expected.json'), 'utf8')) as ArticleRecord;

  beforeAll(async () => {
    site = await startSite();
    const feed = readFileSync(path.join(GOLDEN, 'feed.xml'), 'utf8').replaceAll(
      'https://www.dw.com',
      site.base,
    );
    site.routes.set('/feed.xml', { body: feed, contentType: 'application/rdf+xml; charset=utf-8' });
    site.routes.set(ARTICLE, { body: readFileSync(path.join(GOLDEN, 'article.html'), 'utf8') });
    site.routes.set(NEGATIVE, { body: readFileSync(path.join(GOLDEN, 'negative-article.html'), 'utf8') });
    dirs = writeServiceConfig('e2e', {
      prefix,
      feeds: [{ id: 'dw-test', url: `${site.base}/feed.xml` }],
      // The feed asks for an hourly pace: capped so the test sees it polled again.
      fetch: { maxPollIntervalMs: 300 },
      // Long locks: on a loaded machine a job must not be taken over while it runs (the test
      // counts fetches and webhook posts).
      service: { pollEveryMs: 700, lockDurationMs: 30_000, stalledIntervalMs: 5_000 },
      extra: {
        alerts: {
          channels: [{ name: 'newsroom', type: 'webhook', url: `${site.base}/hook` }],
          rules: [{ name: 'seizures', when: { seizureStory: true }, channels: ['newsroom'] }],
        },
      },
    });
  });

  afterAll(async () => {
    if (serve) await stopServe(serve);
    await site?.close();
    await deletePrefix(prefix);
    dirs?.cleanup();
  });

  it(
    'stores both articles within 10 s, once, and stops on SIGTERM',
    async () => {
      serve = startServe(dirs.config);
      // Process start (loading the NLP tables) is not the pipeline: time from the service's start.
      await serve.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      const started = Date.now();
      const lines = await until(
        () => {
          const r = readNdjson(dirs.ndjson);
          return r.records.length >= 2 && r;
        },
        10_000,
        'two records in the NDJSON output',
      );
      const elapsed = Date.now() - started;
      expect(elapsed).toBeLessThan(10_000);
      expect(lines.skipped).toBe(0);
      const records = lines.records;
      expect(records.map((r) => r.id).sort()).toEqual([...new Set(records.map((r) => r.id))].sort());
      const seizure = records.filter((r) => r.seizureStory);
      expect(seizure).toHaveLength(1);
      expect(seizure[0]!.id).toBe(expected.id);
      expect(seizure[0]!.seizures.length).toBeGreaterThan(0);

      // The seizure story is alerted once, through the delivery queue.
      await serve.waitForLog((l) => l.msg === 'alert raised', 10_000);
      const deadline = Date.now() + 10_000;
      while (site.posts.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(site.posts.map((p) => p.path)).toEqual(['/hook']);
      expect(site.posts[0]!.body).toContain(expected.id);

      // Polled again (the items are now seen): nothing queued, nothing fetched, nothing added.
      const pollsBefore = serve.logs.filter((l) => l.msg === 'feed polled').length;
      await serve.waitForLog(
        (l) =>
          l.msg === 'feed polled' &&
          l.status === 'fetched' &&
          l.queued === 0 &&
          serve.logs.indexOf(l) >= pollsBefore,
        8_000,
      );
      await new Promise((r) => setTimeout(r, 500));
      expect(readNdjson(dirs.ndjson).records).toHaveLength(2);
      expect(site.posts).toHaveLength(1);
      expect(site.hits.get(ARTICLE)).toBe(1);
      expect(site.hits.get(NEGATIVE)).toBe(1);
      const store = openStore(dirs.store);
      try {
        expect(store.countRecords()).toBe(2);
      } finally {
        store.close();
      }

      const code = await stopServe(serve);
      expect(code).toBe(0);
      expect(serve.logs.some((l) => l.msg === 'stopped')).toBe(true);
    },
    STARTUP_MS + 60_000,
  );
});
