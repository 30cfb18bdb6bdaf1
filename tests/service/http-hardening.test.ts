/**
 * The HTTP API against hostile requests, on a real server (fastify on 127.0.0.1, a real store),
 * with raw HTTP so the Host header can be anything: filters checked for shape (400, never a
 * 500, never a value echoed whole), the token only in its header but for the Bull Board
 * hand-off, a Host allow-list on loopback without a token, Secure cookies behind a proxy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { ServiceConfigSchema } from '../../src/service/config.ts';
import { type HttpServer, startHttpServer } from '../../src/service/http.ts';
import { createMetrics } from '../../src/service/metrics.ts';
import { RecordBus } from '../../src/service/record-bus.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';

const TOKEN = 'hardening-token-0123456789';
/** One real queue (its own prefix, never used), so that Bull Board is mounted. */
const queue = new Queue('hardening', {
  connection: { host: '127.0.0.1', port: 6379, lazyConnect: true },
  prefix: `sw-test-hardening-${process.pid}-${Date.now()}`,
});

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A GET with exactly these headers (fetch would not let us set Host). */
function get(base: string, pathAndQuery: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: pathAndQuery,
        method: 'GET',
        headers: { host: url.host, ...headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

async function serverWith(
  store: SqliteStore,
  http: Record<string, unknown>,
  token?: string,
): Promise<HttpServer> {
  const config = ServiceConfigSchema.parse({ http: { port: 0, ...http } }).http;
  return startHttpServer({
    config,
    token,
    logger: silentLogger,
    metrics: createMetrics(),
    store,
    queues: [queue],
    bus: new RecordBus(),
    readiness: async () => ({ ready: true, checks: {} }),
  });
}

describe('HTTP API hardening', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-http-hard-'));
  let store: SqliteStore;
  let open: HttpServer;
  let guarded: HttpServer;
  let proxied: HttpServer;

  beforeAll(async () => {
    store = SqliteStore.open(path.join(dir, 'store'));
    open = await serverWith(store, { allowedHosts: ['seizurewatch.newsroom.internal'] });
    guarded = await serverWith(store, {}, TOKEN);
    proxied = await serverWith(store, { trustProxy: ['127.0.0.1'] }, TOKEN);
  });

  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await proxied?.close();
    await queue.close();
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a repeated filter with 400, not 500', async () => {
    for (const q of ['drug=cocaine&drug=heroin', 'limit=1&limit=2', 'since=2025-01-01&since=2025-02-01']) {
      const res = await get(open.url, `/api/records?${q}`);
      expect(res.status, q).toBe(400);
      expect(JSON.parse(res.body).message, q).toMatch(/given 2 times, expected once/);
    }
    expect((await get(open.url, '/api/records/stream?country=BE&country=NL')).status).toBe(400);
  });

  it('never echoes a huge value, and checks lengths, ranges and names', async () => {
    const huge = 'x'.repeat(15_000);
    for (const q of [`drug=${huge}`, `since=${huge}`, `limit=${huge}`, `${huge}=1`]) {
      const res = await get(open.url, `/api/records?${q}`);
      expect(res.status).toBe(400);
      expect(res.body.length).toBeLessThan(1_000);
      expect(res.body).not.toContain('x'.repeat(50));
    }
    const many = await get(open.url, '/api/records?limit=0&offset=-1&minKg=-5&drugs=cocaine');
    expect(many.status).toBe(400);
    const msg = JSON.parse(many.body).message as string;
    expect(msg).toMatch(/unknown parameter "drugs"/);
    expect(msg).toMatch(/minKg: expected a number of kilograms >= 0/);
    expect((await get(open.url, '/api/records?limit=501')).status).toBe(400);
    expect((await get(open.url, '/api/records?limit=500&offset=0&seizureStories=1')).status).toBe(200);
  });

  it('answers a malformed token cookie with 401, not 500', async () => {
    for (const name of ['seizurewatch_board', 'seizurewatch_token']) {
      const res = await get(guarded.url, '/admin/queues', { cookie: `${name}=%E0%A4%A` });
      expect(res.status).toBe(401);
    }
  });

  it('takes the token from the Authorization header only, but for the Bull Board hand-off', async () => {
    expect((await get(guarded.url, `/api/records?token=${TOKEN}`)).status).toBe(401);
    expect((await get(guarded.url, `/metrics?token=${TOKEN}`)).status).toBe(401);
    const handOff = await get(guarded.url, `/admin/queues?token=${TOKEN}`);
    expect(handOff.status).toBe(200);
    const setCookie = String(handOff.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/Path=\/admin\/queues/);
    expect(setCookie).not.toMatch(/Secure/); // plain HTTP, no proxy
    const cookie = setCookie.split(';')[0]!;
    // The cookie opens the Bull Board pages, and nothing else.
    expect((await get(guarded.url, '/admin/queues', { cookie })).status).toBe(200);
    expect((await get(guarded.url, '/api/records', { cookie })).status).toBe(401);
    expect((await get(guarded.url, '/api/records', { authorization: `Bearer ${TOKEN}` })).status).toBe(200);
  });

  it('sets a Secure cookie behind a trusted proxy', async () => {
    const res = await get(proxied.url, `/admin/queues?token=${TOKEN}`, { 'x-forwarded-proto': 'https' });
    expect(res.status).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/; Secure/);
  });

  it('on loopback without a token, answers loopback and configured Host names only (DNS rebinding)', async () => {
    const port = new URL(open.url).port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST.:${port}`,
      `[::1]:${port}`,
      'seizurewatch.newsroom.internal',
    ]) {
      expect((await get(open.url, '/api/records', { host })).status, host).toBe(200);
    }
    for (const host of [`attacker.example:${port}`, 'localhost.attacker.example', '127.0.0.1.nip.io']) {
      const res = await get(open.url, '/api/records', { host });
      expect(res.status, host).toBe(403);
    }
    expect((await get(open.url, '/healthz', { host: 'attacker.example' })).status).toBe(403);
    // With a token, the token is the guard: any Host (a public name behind a proxy) is fine.
    expect(
      (await get(guarded.url, '/api/records', { host: 'news.example.org', authorization: `Bearer ${TOKEN}` }))
        .status,
    ).toBe(200);
  });
});
