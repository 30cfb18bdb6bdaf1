/**
 * The HTTP API of a running service (in process, real Redis with its own prefix, a local site):
 * auth rules, /healthz, /readyz, /metrics, /api/records paging and filters, the live stream,
 * and Bull Board behind the token.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { silentLogger } from '../../src/log.ts';
import { type RunningService, startService } from '../../src/service/service.ts';
import type { ArticleRecord } from '../../src/types.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';
import { articlePage, rssFeed, type Site, startSite } from './helpers/site.ts';
import { until } from './helpers/until.ts';

const TOKEN = 'test-token-0123456789';

function configFor(dir: string, site: Site, prefix: string, http: Record<string, unknown> = {}) {
  return parseConfig(
    {
      feeds: [{ id: 'api', url: `${site.base}/feed.xml` }],
      output: { ndjson: path.join(dir, 'records.ndjson') },
      store: { dir: path.join(dir, 'store') },
      fetch: { allowPrivateNetworks: true, minHostGapMs: 0, respectRobots: false, maxPollIntervalMs: 200 },
      service: {
        prefix,
        pollEveryMs: 300,
        retry: { attempts: 2, backoffMs: 50 },
        http: { port: 0, ...http },
      },
      log: { level: 'silent' },
    },
    'test',
  );
}

describe('HTTP API', () => {
  const prefixes = [uniquePrefix('http-open'), uniquePrefix('http-token'), uniquePrefix('http-wide')];
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-http-'));
  let site: Site;
  let open: RunningService;
  let guarded: RunningService;
  let base: string;
  let guardedBase: string;
  const urls: string[] = [];

  const publish = (count: number) => {
    site.routes.set('/feed.xml', {
      body: rssFeed(
        urls
          .slice(0, count)
          .map((link, n) => ({ link, title: `Story ${n}`, published: `2025-09-0${n + 1}T10:00:00Z` })),
      ),
      contentType: 'application/rss+xml',
    });
  };

  beforeAll(async () => {
    site = await startSite();
    for (let n = 0; n < 4; n++) {
      const url = `${site.base}/news/api-${n}`;
      urls.push(url);
      site.routes.set(`/news/api-${n}`, { body: articlePage(n, url) });
    }
    publish(3);
    open = await startService({
      config: configFor(path.join(dir, 'open'), site, prefixes[0]!),
      logger: silentLogger,
      env: { REDIS_URL },
    });
    base = open.http!.url;
    guarded = await startService({
      config: configFor(path.join(dir, 'guarded'), site, prefixes[1]!),
      logger: silentLogger,
      env: { REDIS_URL, SEIZUREWATCH_API_TOKEN: TOKEN },
    });
    guardedBase = guarded.http!.url;
    await until(
      async () => (await open.store.countRecords()) >= 3 && (await guarded.store.countRecords()) >= 3,
      30_000,
      'three records',
    );
  }, 180_000);

  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await site?.close();
    for (const p of prefixes) await deletePrefix(p);
    rmSync(dir, { recursive: true, force: true });
  });

  it('binds to 127.0.0.1 by default', () => {
    expect(new URL(base).hostname).toBe('127.0.0.1');
  });

  it('refuses to listen beyond loopback without a token', async () => {
    await expect(
      startService({
        config: configFor(path.join(dir, 'wide'), site, prefixes[2]!, { host: '0.0.0.0' }),
        logger: silentLogger,
        env: { REDIS_URL },
      }),
    ).rejects.toThrow(/beyond loopback.*SEIZUREWATCH_API_TOKEN/);
  });

  it('on loopback without a token: API open, Bull Board off', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/api/records`)).status).toBe(200);
    expect((await fetch(`${base}/admin/queues`)).status).toBe(404);
  });

  it('with a token: everything but the health checks needs it', async () => {
    expect((await fetch(`${guardedBase}/healthz`)).status).toBe(200);
    expect((await fetch(`${guardedBase}/readyz`)).status).toBe(200);
    for (const p of ['/metrics', '/api/records', '/api/records/stream', '/admin/queues']) {
      expect((await fetch(`${guardedBase}${p}`)).status, p).toBe(401);
      expect(
        (await fetch(`${guardedBase}${p}`, { headers: { authorization: 'Bearer wrong' } })).status,
        p,
      ).toBe(401);
    }
    const ok = await fetch(`${guardedBase}/api/records`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(ok.status).toBe(200);
  });

  it('serves Bull Board behind the token (query once, then a cookie)', async () => {
    const page = await fetch(`${guardedBase}/admin/queues?token=${TOKEN}`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const cookie = page.headers.get('set-cookie')!.split(';')[0]!;
    const api = await fetch(`${guardedBase}/admin/queues/api/queues`, { headers: { cookie } });
    expect(api.status).toBe(200);
    const body = (await api.json()) as { queues: { name: string }[] };
    expect(body.queues.map((q) => q.name).sort()).toEqual(
      ['alert-record', 'extract-article', 'fetch-page', 'poll-feed', 'store-record'].sort(),
    );
  });

  it('pages /api/records, newest first, with the export filters', async () => {
    const first = (await (await fetch(`${base}/api/records?limit=2`)).json()) as {
      records: ArticleRecord[];
      next: number | null;
    };
    expect(first.records.map((r) => r.title)).toEqual(['Test story 2', 'Test story 1']);
    expect(first.next).toBe(2);
    const second = (await (await fetch(`${base}/api/records?limit=2&offset=2`)).json()) as {
      records: ArticleRecord[];
      next: number | null;
    };
    expect(second.records.map((r) => r.title)).toEqual(['Test story 0']);
    expect(second.next).toBeNull();

    const cocaine = (await (await fetch(`${base}/api/records?drug=cocaine&country=be`)).json()) as {
      records: ArticleRecord[];
    };
    expect(cocaine.records.map((r) => r.title).sort()).toEqual(['Test story 0', 'Test story 2']);
    const seizures = (await (await fetch(`${base}/api/records?seizures=1&minKg=101`)).json()) as {
      seizures: { recordId: string; drug: string; kg: number; title: string }[];
    };
    expect(seizures.seizures.map((s) => [s.title, s.drug, s.kg])).toEqual([['Test story 2', 'cocaine', 102]]);

    const bad = await fetch(`${base}/api/records?drug=sugar&since=yesterday&limit=0`);
    expect(bad.status).toBe(400);
    const msg = ((await bad.json()) as { message: string }).message;
    expect(msg).toMatch(/drug: unknown drug "sugar"/);
    expect(msg).toMatch(/since: expected an ISO date/);
  });

  it('serves the dashboard at / and its API over what the workers stored, behind the same token', async () => {
    const page = await fetch(`${base}/`);
    expect([200, 503]).toContain(page.status); // 503: dist/ui not built (npm run build:ui)
    const summary = (await (await fetch(`${base}/api/dashboard/summary`)).json()) as { records: number };
    expect(summary.records).toBeGreaterThanOrEqual(3);
    const rows = (await (await fetch(`${base}/api/dashboard/records?q=story`)).json()) as { total: number };
    expect(rows.total).toBeGreaterThanOrEqual(3);
    const signIn = await fetch(`${guardedBase}/`);
    expect(signIn.status).toBe(401);
    expect(await signIn.text()).toContain('action="/login"');
    expect((await fetch(`${guardedBase}/api/dashboard/summary`)).status).toBe(401);
    const ok = await fetch(`${guardedBase}/api/dashboard/summary`, {
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(ok.status).toBe(200);
  });

  it('streams records as they are stored (SSE)', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/records/stream`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    const decoder = new TextDecoder();
    publish(4);
    let text = '';
    const deadline = Date.now() + 20_000;
    while (!text.includes('event: record') || !text.includes('\n\n', text.indexOf('event: record'))) {
      if (Date.now() > deadline) throw new Error(`no record on the stream: ${text}`);
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value);
    }
    ctrl.abort();
    const data = /event: record\ndata: (.+)\n\n/.exec(text)?.[1];
    expect(JSON.parse(data!).title).toBe('Test story 3');
  });

  it('streams NDJSON on request, and rejects an unknown format', async () => {
    const ctrl = new AbortController();
    const res = await fetch(`${base}/api/records/stream?format=ndjson&drug=cocaine`, { signal: ctrl.signal });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/x-ndjson');
    ctrl.abort();
    expect((await fetch(`${base}/api/records/stream?format=xml`)).status).toBe(400);
    expect((await fetch(`${base}/api/records/stream?country=Belgium`)).status).toBe(400);
  });

  it('exposes metrics: process defaults, per-stage counters and latencies, queue depths', async () => {
    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await res.text();
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^seizurewatch_jobs_total\{stage="store",outcome="completed"\} [1-9]/m);
    expect(text).toMatch(/^seizurewatch_jobs_total\{stage="poll",outcome="completed"\} [1-9]/m);
    expect(text).toMatch(/^seizurewatch_job_duration_seconds_bucket\{le="0\.1",stage="extract"\} \d+/m);
    expect(text).toMatch(/^seizurewatch_records_stored_total\{seizure_story="true"\} [1-9]/m);
    expect(text).toMatch(/^seizurewatch_queue_jobs\{queue="store-record",state="completed"\} [1-9]/m);
  });

  it('reports not ready once a worker has stopped', async () => {
    const ready = (await (await fetch(`${base}/readyz`)).json()) as {
      checks: Record<string, { ok: boolean }>;
    };
    expect(ready.checks.redis!.ok).toBe(true);
    await open.workers.alert!.close();
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(503);
    const body = (await res.json()) as { checks: Record<string, { ok: boolean }> };
    expect(body.checks['worker:alert']!.ok).toBe(false);
  });
});
