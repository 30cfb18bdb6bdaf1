/**
 * A page whose host is busy with another of our requests, with `pageHostQueueLimit: 0` (serve):
 * it fails at once with FETCH_RATE_LIMITED (reason host-busy, the expected wait) instead of
 * holding a worker slot, while feeds and `scan`'s default fetcher still wait their turn. Real
 * local server; the slow page is released by the test, not by a clock.
 */
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.ts';
import { FetchConfigSchema } from '../../src/fetch/config.ts';
import { Fetcher } from '../../src/fetch/index.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

const PAGE = '<!doctype html><html><body><p>Port news.</p></body></html>';
let srv: TestServer | undefined;
const fetchers: Fetcher[] = [];
afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await srv?.close();
});

function fetcher(pageHostQueueLimit?: number): Fetcher {
  const config = FetchConfigSchema.parse({
    allowPrivateNetworks: true,
    respectRobots: false,
    minHostGapMs: 0,
  });
  const f = new Fetcher(config, pageHostQueueLimit === undefined ? {} : { pageHostQueueLimit });
  fetchers.push(f);
  return f;
}

/** A server whose /slow page answers only when the test says so. */
async function slowSite() {
  const held: ServerResponse[] = [];
  srv = await startTestServer({
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body><p>');
      held.push(res);
    },
    '/fast': { headers: { 'content-type': 'text/html' }, body: PAGE },
    '/feed.xml': {
      headers: { 'content-type': 'application/rss+xml' },
      body: '<rss version="2.0"><channel><title>t</title></channel></rss>',
    },
  });
  const release = () => {
    for (const res of held.splice(0)) res.end('slow</p></body></html>');
  };
  const arrived = async (n: number) => {
    while (held.length < n) await new Promise((r) => setTimeout(r, 10));
  };
  return { base: srv.url, release, arrived };
}

describe('pages of a busy host (serve)', () => {
  it('fail at once with the wait to expect, and the host is free again after', async () => {
    const site = await slowSite();
    const f = fetcher(0);
    const slow = f.fetchPage(`${site.base}/slow`);
    await site.arrived(1);
    const err = await f.fetchPage(`${site.base}/fast`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FetchError);
    expect((err as FetchError).code).toBe('FETCH_RATE_LIMITED');
    expect((err as FetchError).retryable).toBe(true);
    expect((err as FetchError).details).toMatchObject({ reason: 'host-busy' });
    expect((err as FetchError).details.retryAfterMs).toBeGreaterThanOrEqual(1000);
    // A feed of the same host waits its turn instead.
    const feed = f.fetchFeed(`${site.base}/feed.xml`);
    site.release();
    expect((await slow).html).toContain('slow');
    expect((await feed).status).toBe(200);
    expect((await f.fetchPage(`${site.base}/fast`)).html).toBe(PAGE);
  });

  it('wait their turn by default (scan)', async () => {
    const site = await slowSite();
    const f = fetcher();
    const slow = f.fetchPage(`${site.base}/slow`);
    await site.arrived(1);
    const fast = f.fetchPage(`${site.base}/fast`);
    site.release();
    expect((await slow).html).toContain('slow');
    expect((await fast).html).toBe(PAGE);
  });
});
