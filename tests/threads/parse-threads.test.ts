/**
 * The parse threads: the pool's hard limits (time, memory, a crash) on a stand-in worker, then
 * the real parse worker: same records and feeds as in process, typed errors across the thread
 * boundary, a stuck page stopped and its thread replaced, and the event loop free meanwhile.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FeedParseError, ScrapeError } from '../../src/errors.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { FetchConfigSchema } from '../../src/fetch/config.ts';
import { Fetcher } from '../../src/fetch/index.ts';
import { fetchItemPage, recordFromPage } from '../../src/pipeline/process-item.ts';
import { createParsers } from '../../src/threads/parsers.ts';
import { ThreadPool, ThreadTaskError } from '../../src/threads/thread-pool.ts';
import type { FeedItem, Page } from '../../src/types.ts';
import { startTestServer } from '../helpers/http-server.ts';
import { GOLDEN } from '../helpers/paths.ts';

const ECHO = new URL('./echo-worker.ts', import.meta.url);

async function failureOf(p: Promise<unknown>): Promise<unknown> {
  try {
    await p;
  } catch (err) {
    return err;
  }
  throw new Error('expected a failure');
}

describe('ThreadPool', () => {
  const pool = new ThreadPool({ entry: ECHO, size: 2, timeoutMs: 300, maxMemoryMb: 64 });
  afterAll(() => pool.close());

  it('runs tasks, passes task errors through, and replaces a thread stopped at a limit', async () => {
    expect(await pool.run('echo', [{ a: 1 }])).toEqual({ a: 1 });
    expect(await failureOf(pool.run('fail', []))).toMatchObject({
      name: 'ScrapeError',
      details: { reason: 'no-text' },
    });
    const spun = await failureOf(pool.run('spin', []));
    expect(spun).toBeInstanceOf(ThreadTaskError);
    expect((spun as ThreadTaskError).failure).toEqual({ kind: 'time-limit', ms: 300 });
    const exited = await failureOf(pool.run('exit', []));
    expect((exited as ThreadTaskError).failure.kind).toBe('crashed');
    // Others go on meanwhile and after: the pool replaces what it lost.
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => pool.run('echo', [n])));
    expect(results).toEqual([1, 2, 3, 4, 5]);
    expect(pool.threads).toBeLessThanOrEqual(2);
  });

  it('stops a thread past its heap limit', { timeout: 60_000 }, async () => {
    const small = new ThreadPool({ entry: ECHO, size: 1, timeoutMs: 50_000, maxMemoryMb: 64 });
    const grown = await failureOf(small.run('grow', []));
    expect((grown as ThreadTaskError).failure.kind).toBe('out-of-memory');
    expect(await small.run('echo', ['after'])).toBe('after');
    await small.close();
  });

  it('refuses work once closed', async () => {
    const closing = new ThreadPool({ entry: ECHO, size: 1, timeoutMs: 1000, maxMemoryMb: 64 });
    const running = failureOf(closing.run('spin', []));
    await closing.close();
    expect(((await running) as ThreadTaskError).failure.kind).toBe('closed');
    expect(((await failureOf(closing.run('echo', [1]))) as ThreadTaskError).failure.kind).toBe('closed');
  });
});

const URL_ = 'https://www.dw.com/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181';
const item: FeedItem = {
  feedId: 'dw',
  link: URL_,
  url: URL_,
  guid: null,
  title: null,
  published: null,
  summary: null,
  contentHtml: null,
  categories: [],
  language: 'en',
};
const pageOf = (html: string, url = URL_): Page => ({
  url,
  finalUrl: url,
  status: 200,
  html,
  contentType: 'text/html',
  fetchedAt: '2026-01-01T00:00:00.000Z',
});
const now = () => new Date('2026-11-27T18:00:00.000Z');

describe('parse threads (the real worker)', () => {
  const parsers = createParsers({ threads: 2, timeoutMs: 30_000, maxMemoryMb: 1024 });
  const strict = createParsers({ threads: 1, timeoutMs: 250, maxMemoryMb: 1024 });
  afterAll(() => Promise.all([parsers.close(), strict.close()]));
  const article = readFileSync(path.join(GOLDEN, 'article.html'), 'utf8');

  it('gives the same record and feed as the calling thread', { timeout: 60_000 }, async () => {
    await parsers.warmUp();
    const inThread = await parsers.recordFromPage(item, pageOf(article), now);
    expect(inThread).toEqual(recordFromPage(item, pageOf(article), { now }));
    const feedBytes = readFileSync(path.join(GOLDEN, 'feed.xml'));
    const { raw: _raw, ...inline } = await parseFeed(feedBytes, { feedId: 'dw' });
    expect(await parsers.parseFeed(feedBytes, { feedId: 'dw' })).toEqual(inline);
  });

  it('throws the stage errors, typed, across the thread boundary', async () => {
    const deep = pageOf(`<html><body>${'<div title="/>">'.repeat(100_000)}</body></html>`);
    const err = await failureOf(parsers.recordFromPage(item, deep));
    expect(err).toBeInstanceOf(ScrapeError);
    expect((err as ScrapeError).details.reason).toBe('too-deep');
    // The check alone (before a big page is handed on) refuses the same page, and passes a good one.
    const checked = await failureOf(parsers.checkPage(deep));
    expect((checked as ScrapeError).details).toMatchObject({ reason: 'too-deep', url: URL_ });
    await parsers.checkPage(pageOf(article));
    const bomb = Buffer.from('<?xml version="1.0"?><rss><channel><!ENTITY a "b"></channel></rss>');
    const ferr = await failureOf(parsers.parseFeed(bomb, { feedId: 'bomb' }));
    expect(ferr).toBeInstanceOf(FeedParseError);
    expect((ferr as FeedParseError).details).toMatchObject({ reason: 'dtd-entities' });
  });

  it('stops a page past the hard limit, keeps the event loop free meanwhile, and goes on', {
    timeout: 60_000,
  }, async () => {
    // 700 KB of article text: seconds of extraction, far past a 250 ms limit on any machine.
    const long = `<html><body><article><h1>Seizure</h1>${'<p>Police seized cocaine in the port of Rotterdam on Monday, officials said.</p>'.repeat(8_000)}</article></body></html>`;
    await strict.warmUp();
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const err = await failureOf(strict.recordFromPage(item, pageOf(long, 'https://example.org/news/a')));
    clearInterval(timer);
    expect(err).toBeInstanceOf(ScrapeError);
    expect((err as ScrapeError).details).toMatchObject({
      reason: 'time-limit',
      url: 'https://example.org/news/a',
    });
    expect((err as ScrapeError).retryable).toBe(false);
    // In process the same call would not let one timer fire until it returned.
    expect(ticks).toBeGreaterThan(0);
    // The stopped thread is replaced (its start-up is not charged to the next task).
    const feed = await strict.parseFeed(readFileSync(path.join(GOLDEN, 'feed.xml')), { feedId: 'dw' });
    expect(feed.items).toHaveLength(2);
  });

  it('refuses a hostile page over 1 MB as soon as it is fetched', { timeout: 60_000 }, async () => {
    const deep = `<html><body>${'<div title="/>">'.repeat(100_000)}<p>words</p></body></html>`;
    const srv = await startTestServer({
      '/deep': { headers: { 'content-type': 'text/html' }, body: deep },
      '/fine': { headers: { 'content-type': 'text/html' }, body: article },
    });
    const fetcher = new Fetcher(
      FetchConfigSchema.parse({ allowPrivateNetworks: true, respectRobots: false }),
    );
    try {
      const at = (p: string) => ({ ...item, url: `${srv.url}${p}`, link: `${srv.url}${p}` });
      const err = await failureOf(fetchItemPage(at('/deep'), { fetcher, parsers }));
      expect(err).toBeInstanceOf(ScrapeError);
      expect((err as ScrapeError).details.reason).toBe('too-deep');
      expect((await fetchItemPage(at('/fine'), { fetcher, parsers })).html).toBe(article);
    } finally {
      await fetcher.close();
      await srv.close();
    }
  });
});
