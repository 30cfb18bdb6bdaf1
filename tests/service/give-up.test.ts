/**
 * Give-up in `serve` (issue 12): an article that fails for good (a 404, a page robots.txt
 * disallows) is not fetched again while it stays in the feed; GET /api/items/failed lists it
 * with its reason (behind the same token as the rest of the API) and Bull Board keeps its failed
 * job; once `retryFailed` (what `seizurewatch retry` calls) puts it back, the next poll fetches
 * it again and it is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { recordId } from '../../src/records/id.ts';
import { type RunningService, startService } from '../../src/service/service.ts';
import type { FailedItem } from '../../src/store/types.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';
import { articlePage, rssFeed, type Site, startSite } from './helpers/site.ts';
import { until } from './helpers/until.ts';

const TOKEN = 'give-up-token-0123456789';

describe('serve gives up an article that failed for good', () => {
  const prefix = uniquePrefix('give-up');
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-give-up-'));
  let site: Site;
  let svc: RunningService;
  let urls: { ok: string; gone: string; private: string; flaky: string };
  const auth = { headers: { authorization: `Bearer ${TOKEN}` } };

  beforeAll(async () => {
    site = await startSite();
    urls = {
      ok: `${site.base}/news/give-up-0`,
      gone: `${site.base}/news/give-up-1`,
      private: `${site.base}/private/give-up-2`,
      flaky: `${site.base}/news/give-up-3`,
    };
    // Fails every time, transiently: each job retries it 3 times; given up after 2 such jobs.
    site.routes.set('/news/give-up-3', { body: 'bad gateway', status: 502, contentType: 'text/plain' });
    site.routes.set('/news/give-up-0', { body: articlePage(0, urls.ok) });
    // /news/give-up-1 has no route: 404
    site.routes.set('/private/give-up-2', { body: articlePage(2, urls.private) });
    site.routes.set('/robots.txt', {
      body: 'User-agent: *\nDisallow: /private/\n',
      contentType: 'text/plain',
    });
    site.routes.set('/feed.xml', {
      body: rssFeed([
        { link: urls.ok, title: 'Fine' },
        { link: urls.gone, title: 'Gone' },
        { link: urls.private, title: 'Private' },
        { link: urls.flaky, title: 'Flaky' },
      ]),
      contentType: 'application/rss+xml',
    });
    svc = await startService({
      config: parseConfig(
        {
          feeds: [{ id: 'gu', url: `${site.base}/feed.xml` }],
          output: { ndjson: path.join(dir, 'records.ndjson') },
          store: { dir: path.join(dir, 'store') },
          fetch: {
            allowPrivateNetworks: true,
            minHostGapMs: 0,
            respectRobots: true,
            maxPollIntervalMs: 200,
            itemAttempts: 2,
          },
          service: { prefix, pollEveryMs: 300, retry: { attempts: 3, backoffMs: 50 }, http: { port: 0 } },
          log: { level: 'silent' },
        },
        'test',
      ),
      logger: silentLogger,
      env: { REDIS_URL, SEIZUREWATCH_API_TOKEN: TOKEN },
    });
  }, 180_000);

  afterAll(async () => {
    await svc?.close();
    await site?.close();
    await deletePrefix(prefix);
    rmSync(dir, { recursive: true, force: true });
  });

  it('fetches it once, lists it with its reason, and fetches it again once retried', async () => {
    await until(async () => (await svc.store.failedItems()).length === 3, 60_000, 'three items given up');
    expect(await svc.store.countRecords()).toBe(1);
    const polls = site.hits.get('/feed.xml') ?? 0;
    await until(() => (site.hits.get('/feed.xml') ?? 0) >= polls + 4, 20_000, 'four more polls');
    expect(site.hits.get('/news/give-up-1')).toBe(1);
    expect(site.hits.get('/private/give-up-2') ?? 0).toBe(0);
    // Two jobs of three attempts each, the second queued again from the store by a poll.
    expect(site.hits.get('/news/give-up-3')).toBe(6);

    const base = svc.http!.url;
    expect((await fetch(`${base}/api/items/failed`)).status).toBe(401);
    expect((await fetch(`${base}/api/items/failed?limit=x`, auth)).status).toBe(400);
    expect((await fetch(`${base}/api/items/failed?bogus=1`, auth)).status).toBe(400);
    const res = await fetch(`${base}/api/items/failed`, auth);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { items: FailedItem[]; limit: number; more: boolean };
    expect(body.more).toBe(false);
    const byUrl = new Map(body.items.map((f) => [f.url, f]));
    expect(byUrl.get(urls.gone)).toMatchObject({
      id: recordId(urls.gone),
      feedId: 'gu',
      title: 'Gone',
      code: 'FETCH_HTTP_STATUS',
      attempts: 1,
    });
    expect(byUrl.get(urls.gone)?.message).toMatch(/404/);
    expect(byUrl.get(urls.private)).toMatchObject({ code: 'FETCH_ROBOTS_DISALLOWED', attempts: 1 });
    expect(byUrl.get(urls.flaky)).toMatchObject({ code: 'FETCH_HTTP_STATUS', attempts: 2 });
    const one = (await (await fetch(`${base}/api/items/failed?limit=1`, auth)).json()) as { more: boolean };
    expect(one.more).toBe(true);

    // Bull Board shows the failed jobs with the same reason.
    const failedJobs = await svc.queues.fetch.getFailed();
    expect(failedJobs.map((j) => j.id).sort()).toEqual(
      [urls.gone, urls.private, urls.flaky].map((u) => `fetch-${recordId(u)}`).sort(),
    );
    expect(failedJobs.find((j) => j.id === `fetch-${recordId(urls.gone)}`)?.failedReason).toMatch(
      /FETCH_HTTP_STATUS/,
    );

    // The page is back; retried, it is fetched at the next poll and stored.
    site.routes.set('/news/give-up-1', { body: articlePage(1, urls.gone) });
    expect((await svc.store.retryFailed(recordId(urls.gone)))?.url).toBe(urls.gone);
    await until(async () => (await svc.store.countRecords()) === 2, 30_000, 'the retried article stored');
    expect(site.hits.get('/news/give-up-1')).toBe(2);
    expect((await svc.store.failedItems()).map((f) => f.url).sort()).toEqual(
      [urls.private, urls.flaky].sort(),
    );
    expect(await svc.store.pendingItems()).toEqual([]);
  }, 120_000);
});
