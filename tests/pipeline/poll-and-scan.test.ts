/**
 * The stage functions in process against real local servers: conditional GET remembered in the
 * store (a 304 costs no parse), next-poll scheduling (ttl, Cache-Control, Retry-After, back-off),
 * feed errors recorded, and runScan's failure handling (nothing lost, failed items retried).
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import type { SeizurewatchError } from '../../src/errors.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { FetchConfigSchema } from '../../src/fetch/config.ts';
import { Fetcher } from '../../src/fetch/index.ts';
import { silentLogger } from '../../src/log.ts';
import { pollFeedDetailed } from '../../src/pipeline/poll-feed.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { openStore, type Store } from '../../src/records/store.ts';
import { readNdjson } from '../../src/sinks/ndjson.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';
import { GOLDEN } from '../helpers/paths.ts';

vi.mock('../../src/feeds/parse-feed.ts', async (importOriginal) => {
  const mod = await importOriginal<typeof import('../../src/feeds/parse-feed.ts')>();
  return { ...mod, parseFeed: vi.fn(mod.parseFeed) };
});

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
  vi.mocked(parseFeed).mockClear();
});

async function server(routes: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(routes);
  cleanup.push(() => s.close());
  return s;
}

function rss(items: Array<{ link: string; title?: string; guid?: string }>, channelExtra = ''): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Test feed</title><link>https://news.example.org/</link>${channelExtra}
${items
  .map(
    (it, i) =>
      `<item><title>${it.title ?? `Item ${i}`}</title><link>${it.link}</link>${it.guid ? `<guid isPermaLink="false">${it.guid}</guid>` : ''}<pubDate>Mon, 03 Mar 2025 10:0${i}:00 GMT</pubDate></item>`,
  )
  .join('\n')}
</channel></rss>`;
}

function deps(dir: string, over: Record<string, unknown> = {}, exemptOrigins: string[] = []) {
  const store = SqliteStore.open(dir);
  const fetcher = new Fetcher(
    FetchConfigSchema.parse({ allowPrivateNetworks: true, minHostGapMs: 0, ...over }),
    {
      exemptOrigins,
    },
  );
  cleanup.push(() => store.close());
  cleanup.push(() => fetcher.close());
  return { store, fetcher, logger: silentLogger };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sw-poll-'));

describe('pollFeed', () => {
  it('sends remembered validators (across a store reopen); a 304 costs no parse', async () => {
    const xml = rss([{ link: 'https://news.example.org/a' }]);
    const srv = await server({
      '/etag.xml': (req, res) => {
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304, { etag: '"v1"' }).end();
        else res.writeHead(200, { etag: '"v1"', 'content-type': 'application/rss+xml' }).end(xml);
      },
      '/lm.xml': (req, res) => {
        const lm = 'Mon, 03 Mar 2025 10:00:00 GMT';
        if (req.headers['if-modified-since'] === lm) res.writeHead(304).end();
        else res.writeHead(200, { 'last-modified': lm }).end(xml);
      },
    });
    const dir = tmp();
    for (const p of ['/etag.xml', '/lm.xml']) {
      const feed = { id: `f${p.length}-${p.slice(1, 3)}`, url: `${srv.url}${p}` };
      const d1 = deps(dir);
      const first = await pollFeedDetailed(feed, d1, { force: true });
      expect(first.status).toBe('fetched');
      expect(first.items).toHaveLength(1);
      d1.store.db.close();
      const parses = vi.mocked(parseFeed).mock.calls.length;
      const d2 = deps(dir); // a new process would open the store afresh
      const second = await pollFeedDetailed(feed, d2, { force: true });
      expect(second.status).toBe('not-modified');
      expect(vi.mocked(parseFeed).mock.calls.length).toBe(parses);
      expect(d2.store.db.getFeedState(feed.id)).toMatchObject({ lastStatus: 304, failures: 0 });
    }
    expect(srv.requestsTo('/etag.xml')[1]?.headers['if-none-match']).toBe('"v1"');
    expect(srv.requestsTo('/lm.xml')[1]?.headers['if-modified-since']).toBe('Mon, 03 Mar 2025 10:00:00 GMT');
  });

  it('returns only unseen items, deduplicated by canonical URL and GUID', async () => {
    const srv = await server({
      '/f.xml': {
        body: rss([
          { link: 'https://news.example.org/a?utm_source=rss' },
          { link: 'https://news.example.org/a#comments' },
          { link: 'https://news.example.org/b', guid: 'b-1' },
          { link: 'https://news.example.org/c' },
        ]),
      },
    });
    const d = deps(tmp());
    d.store.db.markSeen([
      { url: 'https://news.example.org/c' },
      { url: 'https://elsewhere.example.org/b', feedId: 'f', guid: 'b-1' },
    ]);
    const r = await pollFeedDetailed({ id: 'f', url: `${srv.url}/f.xml` }, d);
    expect(r.items.map((i) => i.url)).toEqual(['https://news.example.org/a']);
    expect(r.seen).toBe(2);
  });

  it("gives items the feed's configured language where the feed says none, never over the feed's own", async () => {
    const srv = await server({
      '/plain.xml': { body: rss([{ link: 'https://news.example.org/de-1' }]) },
      '/tagged.xml': {
        body: rss([{ link: 'https://news.example.org/fr-1' }], '<language>fr-FR</language>'),
      },
    });
    const d = deps(tmp());
    const plain = await pollFeedDetailed({ id: 'plain', url: `${srv.url}/plain.xml`, language: 'de' }, d);
    expect(plain.items.map((i) => i.language)).toEqual(['de']);
    const tagged = await pollFeedDetailed({ id: 'tagged', url: `${srv.url}/tagged.xml`, language: 'de' }, d);
    expect(tagged.items.map((i) => i.language)).toEqual(['fr-FR']);
    const none = await pollFeedDetailed({ id: 'none', url: `${srv.url}/plain.xml` }, deps(tmp()));
    expect(none.items.map((i) => i.language)).toEqual([null]);
  });

  it('schedules the next poll from ttl and Cache-Control, and skips a feed that is not due', async () => {
    const srv = await server({
      '/ttl.xml': { body: rss([{ link: 'https://news.example.org/t' }], '<ttl>30</ttl>') },
      '/cc.xml': {
        headers: { 'cache-control': 'public, max-age=600' },
        body: rss([{ link: 'https://news.example.org/c' }]),
      },
    });
    const d = deps(tmp());
    const now = Date.now();
    const ttl = await pollFeedDetailed({ id: 'ttl', url: `${srv.url}/ttl.xml` }, d);
    expect(Date.parse(ttl.nextPollAt!) - now).toBeGreaterThanOrEqual(30 * 60_000 - 1000);
    const cc = await pollFeedDetailed({ id: 'cc', url: `${srv.url}/cc.xml` }, d);
    expect(Date.parse(cc.nextPollAt!) - now).toBeGreaterThanOrEqual(600_000 - 1000);
    expect(Date.parse(cc.nextPollAt!) - now).toBeLessThan(700_000);
    const again = await pollFeedDetailed({ id: 'cc', url: `${srv.url}/cc.xml` }, d);
    expect(again.status).toBe('not-due');
    expect(srv.requestsTo('/cc.xml')).toHaveLength(1);
  });

  it('backs off after 429/503: Retry-After, else exponential; errors recorded', async () => {
    const srv = await server({
      '/429.xml': { status: 429, headers: { 'retry-after': '120' } },
      '/503.xml': { status: 503 },
    });
    const d = deps(tmp(), { backoffBaseMs: 60_000, maxHostWaitMs: 0 });
    const now = Date.now();
    const err = await pollFeedDetailed({ id: 'r', url: `${srv.url}/429.xml` }, d).catch((e: unknown) => e);
    expect((err as SeizurewatchError).code).toBe('FETCH_RATE_LIMITED');
    const s = d.store.db.getFeedState('r');
    expect(s.failures).toBe(1);
    expect(s.lastError).toMatch(/FETCH_RATE_LIMITED/);
    expect(Date.parse(s.nextPollAt!) - now).toBeGreaterThanOrEqual(119_000);
    expect((await pollFeedDetailed({ id: 'r', url: `${srv.url}/429.xml` }, d)).status).toBe('not-due');

    const other = await server({ '/503.xml': { status: 503 } });
    const d2 = deps(tmp(), { backoffBaseMs: 60_000, maxHostWaitMs: 10_000 });
    await pollFeedDetailed({ id: 'u', url: `${other.url}/503.xml` }, d2).catch(() => {});
    const first = Date.parse(d2.store.db.getFeedState('u').nextPollAt!) - Date.now();
    expect(first).toBeGreaterThan(55_000);
    expect(first).toBeLessThanOrEqual(60_000);
  });

  it('refuses an XML bomb served as a feed, and records why', async () => {
    const bomb = `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><title>&b;</title></channel></rss>`;
    const srv = await server({ '/bomb.xml': { body: bomb } });
    const d = deps(tmp());
    const err = await pollFeedDetailed({ id: 'bomb', url: `${srv.url}/bomb.xml` }, d).catch(
      (e: unknown) => e,
    );
    expect((err as SeizurewatchError).code).toBe('FEED_PARSE_FAILED');
    expect(d.store.db.getFeedState('bomb').lastError).toMatch(/entities/);
    expect(d.store.db.getFeedState('bomb').etag).toBeNull();
  });
});

describe('runScan', () => {
  // Two scans with real scraping and extraction: allow for a busy machine.
  it('keeps going past failing items, refuses private addresses, loses nothing, and retries failures next run', {
    timeout: 120_000,
  }, async () => {
    const article = readFileSync(path.join(GOLDEN, 'article.html'));
    const negative = readFileSync(path.join(GOLDEN, 'negative-article.html'));
    let flaky = 0;
    const srv = await server({
      '/robots.txt': { body: 'User-agent: *\nAllow: /\n' },
      '/en/a-1': { headers: { 'content-type': 'text/html' }, body: article },
      '/en/a-2': (_req, res) => {
        flaky++;
        if (flaky === 1) res.writeHead(500).end('try later');
        else res.writeHead(200, { 'content-type': 'text/html' }).end(negative);
      },
    });
    srv.route('/feed.xml', {
      body: rss([
        { link: `${srv.url}/en/a-1?utm_source=rss` },
        { link: `${srv.url}/en/a-2` },
        { link: 'http://10.0.0.1/internal' },
        { link: 'http://169.254.169.254/latest/meta-data/' },
        { link: 'http://127.0.0.1:9/x' },
      ]),
    });
    const bad = await server({ '/feed.xml': { status: 404 } });
    const dir = tmp();
    const config = parseConfig(
      {
        feeds: [
          { id: 'local', url: `${srv.url}/feed.xml` },
          { id: 'broken', url: `${bad.url}/feed.xml` },
        ],
        output: { ndjson: path.join(dir, 'out.ndjson') },
        store: { dir: path.join(dir, 'store') },
        fetch: { allowPrivateNetworks: false, minHostGapMs: 0 },
      },
      'test',
    );
    // The guard is on; only the test server itself stands in for a public site.
    const fetcher = new Fetcher(config.fetch, { exemptOrigins: [srv.url, bad.url] });
    cleanup.push(() => fetcher.close());
    const first = await runScan(config, { fetcher, force: true });
    expect(first.feeds).toMatchObject({ polled: 1, failed: 1 });
    expect(first.items).toMatchObject({ new: 5, failed: 4 });
    expect(first.records.stored).toBe(1);
    const codes = first.failures.map((f) => `${f.stage}:${f.code}`).sort();
    expect(codes).toEqual([
      'feed:FETCH_HTTP_STATUS',
      'item:FETCH_BLOCKED_ADDRESS',
      'item:FETCH_BLOCKED_ADDRESS',
      'item:FETCH_BLOCKED_ADDRESS',
      'item:FETCH_HTTP_STATUS',
    ]);
    expect(first.failures.every((f) => f.message.length > 0)).toBe(true);
    // A blocked address cannot succeed later: given up at once (issue 12); the 500 stays pending.
    expect(first.items.givenUp).toBe(3);
    expect(
      first.failures
        .filter((f) => f.stage === 'item')
        .map((f) => `${f.code}:${f.givenUp ?? false}`)
        .sort(),
    ).toEqual([
      'FETCH_BLOCKED_ADDRESS:true',
      'FETCH_BLOCKED_ADDRESS:true',
      'FETCH_BLOCKED_ADDRESS:true',
      'FETCH_HTTP_STATUS:false',
    ]);

    // Before issue 12 the three blocked items were fetched (and failed) again on every run:
    // now they are skipped as given up, and only the page that failed with a 500 is tried again.
    const second = await runScan(config, { fetcher, force: true });
    expect(second.items).toMatchObject({ new: 0, resumed: 1, seen: 1, failed: 0, givenUp: 3 });
    expect(second.records.stored).toBe(1);
    expect(second.failures.map((f) => f.stage)).toEqual(['feed']);

    const { records } = readNdjson(path.join(dir, 'out.ndjson'));
    expect(records.map((r) => r.id).sort()).toEqual(['666e18465ed82059', 'c973179eabd3e9de']);
    const store: Store = openStore(path.join(dir, 'store'));
    cleanup.push(() => store.close());
    expect(store.countRecords()).toBe(2);
    expect(store.unemittedRecords()).toEqual([]);
    expect(store.isSeen({ url: 'http://10.0.0.1/internal' })).toBe(false);
    expect(store.isFailed({ url: 'http://10.0.0.1/internal' })).toBe(true);
    expect(store.pendingItems()).toEqual([]);
  });
});
