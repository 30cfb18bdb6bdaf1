/**
 * A local news site whose feed sends an ETag and answers 304 to a matching If-None-Match: the
 * case where work left undone by one run is hidden from the next by the feed (issue 15). Pages
 * are our own test articles (tests/service/helpers/site.ts); a page can be made to fail a number
 * of times, or for good with a status, and every request is counted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { articlePage, rssFeed } from '../service/helpers/site.ts';

export const FEED_ETAG = '"feed-v1"';

export interface EtagSite {
  base: string;
  feedUrl: string;
  /** Canonical URLs of the articles, in feed order. */
  urls: string[];
  /** Requests per path. */
  hits: Map<string, number>;
  /** Feed requests answered 200 and 304. */
  feedAnswers: { full: number; notModified: number };
  /** Make the page at `path` answer `status` for its next `times` requests (Infinity: always). */
  fail(path: string, status: number, times?: number): void;
  /** Delay before answering a page, in ms. */
  pageDelayMs: number;
  /** Delay before answering the feed (200 or 304), in ms. */
  feedDelayMs: number;
  /** The most feed requests open at once. */
  feedMaxInFlight: number;
  close(): Promise<void>;
}

export async function startEtagSite(name: string, count: number): Promise<EtagSite> {
  const hits = new Map<string, number>();
  const failures = new Map<string, { status: number; left: number }>();
  const feedAnswers = { full: 0, notModified: 0 };
  const site = {
    hits,
    feedAnswers,
    pageDelayMs: 0,
    feedDelayMs: 0,
    feedMaxInFlight: 0,
    urls: [] as string[],
  } as EtagSite;
  let feedInFlight = 0;
  let feedBody = '';
  const server = http.createServer((req, res) => {
    const p = (req.url ?? '/').split('?')[0]!;
    hits.set(p, (hits.get(p) ?? 0) + 1);
    if (p === '/feed.xml') {
      feedInFlight++;
      site.feedMaxInFlight = Math.max(site.feedMaxInFlight, feedInFlight);
      const answerFeed = () => {
        feedInFlight--;
        if (req.headers['if-none-match'] === FEED_ETAG) {
          feedAnswers.notModified++;
          res.writeHead(304, { etag: FEED_ETAG }).end();
        } else {
          feedAnswers.full++;
          res.writeHead(200, { etag: FEED_ETAG, 'content-type': 'application/rss+xml' }).end(feedBody);
        }
      };
      if (site.feedDelayMs > 0) setTimeout(answerFeed, site.feedDelayMs);
      else answerFeed();
      return;
    }
    const m = /^\/news\/[a-z0-9-]+-(\d+)$/.exec(p);
    if (!m || Number(m[1]) >= count) {
      res.writeHead(404).end('not found');
      return;
    }
    const n = Number(m[1]);
    const answer = () => {
      const f = failures.get(p);
      if (f && f.left > 0) {
        f.left--;
        res.writeHead(f.status, { 'content-type': 'text/plain' }).end(`status ${f.status}`);
        return;
      }
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage(n, site.urls[n]!));
    };
    if (site.pageDelayMs > 0) setTimeout(answer, site.pageDelayMs);
    else answer();
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  site.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  site.feedUrl = `${site.base}/feed.xml`;
  for (let n = 0; n < count; n++) site.urls.push(`${site.base}/news/${name}-${n}`);
  feedBody = rssFeed(site.urls.map((link, n) => ({ link, title: `Story ${n}` })));
  site.fail = (path, status, times = Number.POSITIVE_INFINITY) => {
    failures.set(path, { status, left: times });
  };
  site.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return site;
}
