/**
 * Safe, polite fetching against real local servers: SSRF guard (literal IPs, DNS answers,
 * redirect hops), redirects, body cap (plain, chunked, gzip bomb, endless), timeouts (silent and
 * dripping servers), per-host spacing, Retry-After, robots.txt, User-Agent, charsets.
 */
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { type FetchConfig, FetchConfigSchema } from '../../src/fetch/config.ts';
import { HttpClient } from '../../src/fetch/http-client.ts';
import { Fetcher } from '../../src/fetch/index.ts';
import { failure } from '../helpers/failure.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';

const servers: TestServer[] = [];
const clients: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(routes: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(routes);
  servers.push(s);
  return s;
}

function cfg(over: Partial<FetchConfig> = {}): FetchConfig {
  return FetchConfigSchema.parse({ allowPrivateNetworks: true, minHostGapMs: 0, ...over });
}

function client(over: Partial<FetchConfig> = {}, exemptOrigins: string[] = []): HttpClient {
  const c = new HttpClient(cfg(over), { exemptOrigins });
  clients.push(c);
  return c;
}

function fetcher(over: Partial<FetchConfig> = {}): Fetcher {
  const f = new Fetcher(cfg(over));
  clients.push(f);
  return f;
}

describe('SSRF guard (fetch.allowPrivateNetworks: false)', () => {
  it('refuses loopback, private, link-local, CGNAT, ULA literals before connecting', async () => {
    const srv = await server({ '/x': { body: 'secret' } });
    const c = client({ allowPrivateNetworks: false });
    for (const url of [
      `${srv.url}/x`,
      'http://10.0.0.1/',
      'http://169.254.169.254/latest/meta-data/',
      'http://100.64.0.1/',
      'http://192.168.1.1/',
      'http://[::1]/',
      'http://[fd00::1]/',
      'http://[::ffff:127.0.0.1]/',
      'http://0.0.0.0/',
    ]) {
      const err = await failure(c.get(url));
      expect(err.code, url).toBe('FETCH_BLOCKED_ADDRESS');
      expect(err.retryable).toBe(false);
    }
    expect(srv.requests).toHaveLength(0);
  });

  it('checks the resolved address at connect time (a name that resolves to 127.0.0.1)', async () => {
    const srv = await server({ '/x': { body: 'secret' } });
    const err = await failure(client({ allowPrivateNetworks: false }).get(`http://localhost:${srv.port}/x`));
    expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(err.message).toMatch(/loopback/);
    expect(srv.requests).toHaveLength(0);
  });

  it('checks every redirect hop', async () => {
    const target = await server({ '/inner': { body: 'internal' } });
    const srv = await server({
      '/to-10': { status: 302, headers: { location: 'http://10.0.0.1/admin' } },
      '/to-metadata': { status: 301, headers: { location: 'http://169.254.169.254/latest/meta-data/' } },
      '/to-loopback-name': { status: 307, headers: { location: `http://localhost:${target.port}/inner` } },
      '/to-loopback-ip': { status: 308, headers: { location: `${target.url}/inner` } },
    });
    // The first server stands in for a public site; everything it redirects to is checked.
    const c = client({ allowPrivateNetworks: false }, [srv.url]);
    for (const p of ['/to-10', '/to-metadata', '/to-loopback-name', '/to-loopback-ip']) {
      const err = await failure(c.get(`${srv.url}${p}`));
      expect(err.code, p).toBe('FETCH_BLOCKED_ADDRESS');
    }
    expect(target.requests).toHaveLength(0);
  });

  it('is off with allowPrivateNetworks: true', async () => {
    const srv = await server({ '/x': { body: 'ok' } });
    const res = await client({ allowPrivateNetworks: true }).get(`${srv.url}/x`);
    expect(res.body.toString()).toBe('ok');
  });
});

describe('URLs and redirects', () => {
  it('fetches http(s) only and follows at most maxRedirects', async () => {
    const routes: Record<string, { status: number; headers: Record<string, string> } | { body: string }> = {
      '/end': { body: 'done' },
    };
    for (let i = 0; i < 7; i++)
      routes[`/r${i}`] = { status: 302, headers: { location: i === 6 ? '/end' : `/r${i + 1}` } };
    const srv = await server(routes);
    const c = client({ maxRedirects: 5 });
    const ok = await c.get(`${srv.url}/r2`); // r2..r6 = 5 redirects
    expect(ok.body.toString()).toBe('done');
    expect(ok.redirects).toHaveLength(5);
    expect(ok.finalUrl).toBe(`${srv.url}/end`);
    const err = await failure(c.get(`${srv.url}/r0`));
    expect(err.code).toBe('FETCH_TOO_MANY_REDIRECTS');
    for (const bad of ['ftp://example.org/x', 'file:///etc/passwd', 'gopher://x', 'not a url']) {
      expect((await failure(c.get(bad))).code).toBe('FETCH_BAD_URL');
    }
    srv.route('/to-file', { status: 302, headers: { location: 'file:///etc/passwd' } });
    expect((await failure(c.get(`${srv.url}/to-file`))).code).toBe('FETCH_BAD_URL');
  });
});

describe('limits', () => {
  const MiB = 1024 * 1024;

  it('cuts off a body over the cap, announced or chunked', async () => {
    const big = Buffer.alloc(2 * MiB, 'a');
    const srv = await server({
      '/announced': { body: big },
      '/chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 32; i++) res.write(Buffer.alloc(64 * 1024, 'b'));
        res.end();
      },
    });
    const c = client({ maxBodyBytes: MiB });
    for (const p of ['/announced', '/chunked']) {
      const err = await failure(c.get(`${srv.url}${p}`));
      expect(err.code, p).toBe('FETCH_TOO_LARGE');
      expect(err.message).toMatch(/larger than 1048576 bytes/);
    }
  });

  it('caps the decompressed size (gzip bomb)', async () => {
    const bomb = gzipSync(Buffer.alloc(64 * MiB, 0));
    expect(bomb.length).toBeLessThan(MiB);
    const srv = await server({
      '/bomb': { headers: { 'content-encoding': 'gzip', 'content-type': 'text/html' }, body: bomb },
    });
    const err = await failure(client({ maxBodyBytes: MiB }).get(`${srv.url}/bomb`));
    expect(err.code).toBe('FETCH_TOO_LARGE');
  });

  it('ends an endless (1 GiB+) response at the cap, quickly', async () => {
    let sent = 0;
    const srv = await server({
      '/endless': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml', 'content-length': String(1024 * MiB) });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) sent += chunk.length;
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
      '/endless-chunked': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const chunk = Buffer.alloc(64 * 1024, 'x');
        const pump = () => {
          while (!res.destroyed && res.write(chunk)) sent += chunk.length;
          if (!res.destroyed) res.once('drain', pump);
        };
        pump();
      },
    });
    const c = client({ maxBodyBytes: 4 * MiB });
    const started = Date.now();
    expect((await failure(c.get(`${srv.url}/endless`))).code).toBe('FETCH_TOO_LARGE');
    expect((await failure(c.get(`${srv.url}/endless-chunked`))).code).toBe('FETCH_TOO_LARGE');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(sent).toBeLessThan(512 * MiB);
  });

  it('times out a server that drips one byte a second', async () => {
    const srv = await server({
      '/drip': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const t = setInterval(() => {
          if (res.destroyed) clearInterval(t);
          else res.write('x');
        }, 1000);
        res.on('close', () => clearInterval(t));
      },
    });
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 1500 }).get(`${srv.url}/drip`));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(err.retryable).toBe(true);
    // The limit, plus at most the limit again for time the event loop was blocked (busy CI).
    expect(Date.now() - started).toBeLessThan(3 * 1500 + 2000);
  });

  it('does not count time the event loop spent on our own CPU work', async () => {
    const srv = await server({
      '/late': (_req, res) => {
        setTimeout(() => res.end('fine'), 200);
      },
    });
    const pending = client({ timeoutMs: 1000 }).get(`${srv.url}/late`);
    await new Promise((r) => setTimeout(r, 20));
    const until = Date.now() + 1500;
    while (Date.now() < until) {
      // a long synchronous scrape or extraction in the same process
    }
    const res = await pending;
    expect(res.body.toString()).toBe('fine');
  });

  it('times out a server that never answers', async () => {
    const srv = await server({ '/silent': () => {} });
    const started = Date.now();
    const err = await failure(client({ timeoutMs: 800 }).get(`${srv.url}/silent`));
    expect(err.code).toBe('FETCH_TIMEOUT');
    expect(Date.now() - started).toBeLessThan(3 * 800 + 2000);
  });
});

describe('politeness', () => {
  it('sends an identifying User-Agent', async () => {
    const srv = await server({ '/ua': { body: 'ok' } });
    await client({ userAgent: 'seizurewatch-test/9 (+https://example.org/bot)' }).get(`${srv.url}/ua`);
    expect(srv.requests[0]?.headers['user-agent']).toBe('seizurewatch-test/9 (+https://example.org/bot)');
  });

  it('one request at a time per host, with the minimum gap between them', async () => {
    let active = 0;
    let maxActive = 0;
    const srv = await server({
      '/slow': async (_req, res) => {
        active++;
        maxActive = Math.max(maxActive, active);
        await new Promise((r) => setTimeout(r, 50));
        active--;
        res.end('ok');
      },
    });
    const c = client({ minHostGapMs: 250 });
    await Promise.all([1, 2, 3, 4].map(() => c.get(`${srv.url}/slow`)));
    expect(maxActive).toBe(1);
    const at = srv.requests.map((r) => r.at);
    for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(240);
  });

  it('pauses a host after 429 + Retry-After, and fails fast when the wait is too long', async () => {
    let calls = 0;
    const srv = await server({
      '/limited': (_req, res) => {
        calls++;
        if (calls === 1) res.writeHead(429, { 'retry-after': '1' }).end();
        else res.end('ok');
      },
      '/long': { status: 503, headers: { 'retry-after': '3600' } },
    });
    const c = client();
    const first = await c.get(`${srv.url}/limited`);
    expect(first.status).toBe(429);
    const t0 = Date.now();
    const second = await c.get(`${srv.url}/limited`);
    expect(second.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);

    const other = await server({
      '/long': { status: 503, headers: { 'retry-after': '3600' } },
      '/next': { body: 'x' },
    });
    const c2 = client({ maxHostWaitMs: 5000 });
    expect((await c2.get(`${other.url}/long`)).status).toBe(503);
    const err = await failure(c2.get(`${other.url}/next`));
    expect(err.code).toBe('FETCH_RATE_LIMITED');
    expect(err.retryable).toBe(true);
    expect(other.requestsTo('/next')).toHaveLength(0);
  });

  it('honours robots.txt for article pages (our own group wins over *)', async () => {
    const page = { body: '<html><p>ok</p></html>', headers: { 'content-type': 'text/html' } };
    const srv = await server({
      '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n' },
      '/private/a': page,
      '/news/a': page,
    });
    const own = await server({
      '/robots.txt': {
        body: 'User-agent: *\nDisallow: /\n\nUser-agent: seizurewatch\nDisallow: /no-bots/\n',
      },
      '/no-bots/a': page,
      '/news/a': page,
    });
    const f = fetcher();
    expect((await failure(f.fetchPage(`${srv.url}/private/a`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect((await f.fetchPage(`${srv.url}/news/a`)).html).toContain('ok');
    expect((await failure(f.fetchPage(`${own.url}/no-bots/a`))).code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect((await f.fetchPage(`${own.url}/news/a`)).html).toContain('ok');
    expect(srv.requestsTo('/private/a')).toHaveLength(0);
    expect(own.requestsTo('/no-bots/a')).toHaveLength(0);
    expect(srv.requestsTo('/robots.txt')).toHaveLength(1); // cached per origin
  });

  it('checks robots.txt again on every redirect hop of a page', async () => {
    const other = await server({
      '/robots.txt': { body: 'User-agent: *\nDisallow: /private/\n' },
      '/private/x': { body: '<p>x</p>', headers: { 'content-type': 'text/html' } },
    });
    const srv = await server({ '/a': { status: 302, headers: { location: `${other.url}/private/x` } } });
    const err = await failure(fetcher().fetchPage(`${srv.url}/a`));
    expect(err.code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect(other.requestsTo('/private/x')).toHaveLength(0);
    expect(other.requestsTo('/robots.txt')).toHaveLength(1);
  });

  it('treats a missing robots.txt as allow-all and an erroring one as "not now"', async () => {
    const srv = await server({ '/a': { body: '<p>a</p>', headers: { 'content-type': 'text/html' } } });
    expect((await fetcher().fetchPage(`${srv.url}/a`)).html).toBe('<p>a</p>');
    const broken = await server({ '/robots.txt': { status: 500 }, '/a': { body: '<p>a</p>' } });
    const err = await failure(fetcher().fetchPage(`${broken.url}/a`));
    expect(err.code).toBe('FETCH_ROBOTS_DISALLOWED');
    expect(err.retryable).toBe(true);
  });
});

describe('pages', () => {
  it('decodes by meta charset and by the header, not assuming UTF-8', async () => {
    const latin = iconv.encode(
      '<html><head><meta charset="iso-8859-1"></head><body>São Paulo, Köln</body></html>',
      'latin1',
    );
    const srv = await server({
      '/meta': { headers: { 'content-type': 'text/html' }, body: latin },
      '/header': {
        headers: { 'content-type': 'text/html; charset=ISO-8859-1' },
        body: iconv.encode('<p>Málaga</p>', 'latin1'),
      },
      '/sniffed': {
        headers: { 'content-type': 'text/html' },
        body: iconv.encode('<p>Córdoba</p>', 'latin1'),
      },
      '/pdf': { headers: { 'content-type': 'application/pdf' }, body: '%PDF-1.4' },
      '/gone': { status: 410 },
    });
    const f = fetcher({ respectRobots: false });
    expect((await f.fetchPage(`${srv.url}/meta`)).html).toContain('São Paulo, Köln');
    expect((await f.fetchPage(`${srv.url}/header`)).html).toContain('Málaga');
    expect((await f.fetchPage(`${srv.url}/sniffed`)).html).toContain('Córdoba');
    expect((await failure(f.fetchPage(`${srv.url}/pdf`))).code).toBe('FETCH_FAILED');
    const gone = await failure(f.fetchPage(`${srv.url}/gone`));
    expect(gone.code).toBe('FETCH_HTTP_STATUS');
    expect(gone.retryable).toBe(false);
  });
});
