/**
 * The soak behind `npm run soak`: `seizurewatch serve` as a process, polling normal local feeds
 * that publish new articles at a steady rate, with (or without) a hostile site mixed in: pages
 * nesting `<div title="/>">` 100,000 and 200,000 deep, a page that never finishes its body,
 * 9 MB pages of many nodes, a 14 MB feed of the same attribute trick and a 12 MB feed of
 * well-formed but huge items. It samples /healthz every 250 ms and reads the NDJSON output to
 * count normal articles per minute and their lag (published on the site -> written by serve).
 *
 * Everything listens on 127.0.0.x; Redis is the local one, under a unique key prefix removed
 * afterwards. Used by bench/soak.ts (the figures) and tests/service/soak.test.ts (a short run).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin/seizurewatch.js');

export interface SoakOptions {
  /** How long serve runs, in ms (after it is ready). */
  durationMs: number;
  /** Mix the hostile site in. */
  hostile: boolean;
  /** New normal articles per minute, over all normal feeds. Default 60. */
  articlesPerMinute?: number;
  /** Redis (default $REDIS_URL or the local one). */
  redisUrl?: string;
  /** Progress lines (stderr). */
  onProgress?: (line: string) => void;
  /**
   * Keys laid over the soak's `service:` and `fetch:` sections (pollEveryMs, shutdownTimeoutMs,
   * maxPollIntervalMs ...): the short soak of the tests polls and stops faster than the bench.
   */
  overrides?: { service?: Record<string, unknown>; fetch?: Record<string, unknown> };
}

export interface SoakReport {
  hostile: boolean;
  durationMs: number;
  /** Normal articles written per minute of the run (the last bucket may be partial). */
  perMinute: number[];
  /** When each normal article was seen in the output, ms after serve was ready. */
  normalAtMs: number[];
  normalStored: number;
  /** Normal articles published early enough to be expected (60 s before the end). */
  normalExpected: number;
  normalMissing: number;
  lagMs: { p50: number; p95: number; max: number };
  healthz: { samples: number; failed: number; maxMs: number; p99Ms: number };
  hostileStored: number;
  /** Final job failures by stage and reason, from /metrics. */
  failures: Record<string, number>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function rss(title: string, items: { link: string; title: string; published: number }[], extra = ''): string {
  const body = items
    .map(
      (it) =>
        `<item><title>${esc(it.title)}</title><link>${esc(it.link)}</link><guid>${esc(it.link)}</guid>` +
        `<pubDate>${new Date(it.published).toUTCString()}</pubDate>${extra}</item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>${esc(title)}</title><link>http://127.0.0.1/</link><description>soak</description>\n${body}\n</channel></rss>\n`;
}

/** An article of our own words: a seizure every other one, published at `published`. */
function article(n: number, url: string, published: number): string {
  const lead =
    n % 2 === 0
      ? `Customs officers in Rotterdam seized ${100 + (n % 900)} kilograms of cocaine hidden in a container of pineapples on Tuesday, the prosecutor said.`
      : 'The harbour board of Ghent approved a new budget for quay repairs and cycling lanes on Tuesday, officials said.';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Soak story ${n}</title>
<link rel="canonical" href="${url}"><meta property="article:published_time" content="${new Date(published).toISOString()}"></head>
<body><main><article><h1>Soak story ${n}</h1><p>${lead}</p>
<p>The investigation started after a tip from dock workers, according to report number ${n}.</p>
<p>Further details are expected from the authorities later this week, a spokesperson said.</p>
</article></main></body></html>`;
}

interface Served {
  base: string;
  close(): Promise<void>;
}

function serve(host: string, handler: http.RequestListener): Promise<Served> {
  const server = http.createServer(handler);
  server.keepAliveTimeout = 2000;
  return new Promise((resolve) =>
    server.listen(0, host, () =>
      resolve({
        base: `http://${host}:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      }),
    ),
  );
}

/** Normal feeds: each publishes one article every `everyMs`, and lists its latest 30. */
async function normalSites(feedsPerHost: number, hosts: string[], everyMs: number, t0: number) {
  const published: { url: string; at: number }[] = [];
  const feedCount = feedsPerHost * hosts.length;
  const sites: Served[] = [];
  const feeds: { id: string; url: string }[] = [];
  for (const [h, host] of hosts.entries()) {
    const site = await serve(host, (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const now = Date.now();
      const feed = /^\/feed-(\d+)\.xml$/.exec(url.pathname);
      if (feed) {
        const f = Number(feed[1]);
        // Feed f publishes at t0 + (k * feedCount + f) * everyMs / feedCount ... every everyMs.
        const last = Math.floor((now - t0) / everyMs);
        const items = [];
        for (let k = Math.max(0, last - 29); k <= last; k++) {
          const at = t0 + k * everyMs + (f * everyMs) / feedCount;
          if (at > now) continue;
          items.push({ link: `${site.base}/news/${f}-${k}`, title: `Soak story ${f}-${k}`, published: at });
        }
        res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss(`Soak feed ${f}`, items.reverse()));
        return;
      }
      const page = /^\/news\/(\d+)-(\d+)$/.exec(url.pathname);
      if (page) {
        const f = Number(page[1]);
        const k = Number(page[2]);
        const at = t0 + k * everyMs + (f * everyMs) / feedCount;
        res
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(article(f * 100_000 + k, `${site.base}${url.pathname}`, at));
        return;
      }
      res.writeHead(404).end();
    });
    sites.push(site);
    for (let i = 0; i < feedsPerHost; i++) {
      const f = h * feedsPerHost + i;
      feeds.push({ id: `normal-${f}`, url: `${site.base}/feed-${f}.xml` });
    }
  }
  /** Articles published between t0 and `until` (what the feeds have shown). */
  const publishedUntil = (until: number) => {
    published.length = 0;
    for (let f = 0; f < feedCount; f++) {
      for (let k = 0; ; k++) {
        const at = t0 + k * everyMs + (f * everyMs) / feedCount;
        if (at > until) break;
        published.push({ url: `${sites[Math.floor(f / feedsPerHost)]!.base}/news/${f}-${k}`, at });
      }
    }
    return published;
  };
  return { sites, feeds, publishedUntil };
}

const HOSTILE_PAGES = ['deep-100k', 'deep-200k', 'slow-body', 'many-nodes', 'deep-many'];

/**
 * The hostile site on two hosts: its pages, a feed of new hostile links every poll, two huge
 * feeds; the never-ending bodies on a host of their own (one host's pages are fetched one at a
 * time, so there they would hide the other pages from the parsers).
 */
async function hostileSite(host: string, slowHost: string) {
  const deep = (n: number) =>
    `<!doctype html><html><head><title>Deep</title></head><body>${'<div title="/>">'.repeat(n)}<p>${'Police seized cocaine. '.repeat(50)}</p></body></html>`;
  const bodies: Record<string, string> = {
    'deep-100k': deep(100_000),
    'deep-200k': deep(200_000),
    'many-nodes': `<!doctype html><html><body>${'<a></a>'.repeat(1_300_000)}</body></html>`,
    'deep-many': `<!doctype html><html><body>${`${'<div>'.repeat(1_900)}x${'</div>'.repeat(1_900)}`.repeat(420)}</body></html>`,
  };
  let polls = 0;
  const trickFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><description>${'<x a="/>">'.repeat(1_400_000)}</description></channel></rss>`;
  let hugeFeed = '';
  let slowBase = '';
  const handler: http.RequestListener = (req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/pages.xml') {
      // Ten new hostile links per poll, so they keep coming for the whole run.
      polls++;
      const items = Array.from({ length: 10 }, (_, i) => {
        const kind = HOSTILE_PAGES[(polls + i) % HOSTILE_PAGES.length]!;
        const base = kind === 'slow-body' ? slowBase : site.base;
        return {
          link: `${base}/p/${kind}/${polls}-${i}`,
          title: `Hostile ${kind}`,
          published: Date.now(),
        };
      });
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss('Hostile pages', items));
      return;
    }
    if (url.pathname === '/huge.xml') {
      // Every other poll: the 14 MB attribute trick, or 12 MB of well-formed, huge items.
      polls++;
      if (polls % 2 === 0) {
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(trickFeed);
        return;
      }
      hugeFeed ||= rss(
        'Huge feed',
        Array.from({ length: 400 }, (_, i) => ({
          link: `${site.base}/p/deep-100k/huge-${i}`,
          title: `Huge item ${i}`,
          published: Date.now(),
        })),
        `<description>${esc(`<p>${'Port authorities reported record container volumes again. '.repeat(500)}</p>`)}</description>`,
      );
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(hugeFeed);
      return;
    }
    const page = /^\/p\/([a-z0-9-]+)\//.exec(url.pathname);
    if (page?.[1] === 'slow-body') {
      // Headers at once, then one byte a second: the fetch's total timeout ends it.
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<!doctype html><html><body><p>');
      const drip = setInterval(() => res.write('x'), 1000);
      res.on('close', () => clearInterval(drip));
      return;
    }
    const body = page && bodies[page[1]!];
    if (body) {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
      return;
    }
    res.writeHead(404).end();
  };
  const site = await serve(host, handler);
  const slow = await serve(slowHost, handler);
  slowBase = slow.base;
  return {
    sites: [site, slow],
    feeds: [
      { id: 'hostile-pages', url: `${site.base}/pages.xml` },
      { id: 'hostile-huge', url: `${site.base}/huge.xml` },
    ],
  };
}

function getTimed(url: string, timeoutMs: number): Promise<{ ok: boolean; ms: number; body: string }> {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ ok: res.statusCode === 200, ms: performance.now() - started, body }));
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
    req.on('error', () => resolve({ ok: false, ms: performance.now() - started, body: '' }));
  });
}

const quantile = (xs: number[], q: number) => {
  if (xs.length === 0) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
};

async function deletePrefix(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
}

function startServe(configFile: string): {
  child: ChildProcess;
  url: Promise<string>;
  exited: Promise<unknown>;
} {
  // SOAK_NODE_ARGS: extra node flags for serve, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`.
  const nodeArgs = (process.env.SOAK_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, 'serve', '--config', configFile], {
    cwd: ROOT,
    env: { ...process.env, SEIZUREWATCH_LOG_PRETTY: '0' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let buffer = '';
  const url = new Promise<string>((resolve, reject) => {
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      buffer += chunk;
      const m = /"msg":"service started"/.test(buffer) && /"url":"(http:\/\/[^"]+)"/.exec(buffer);
      if (m) resolve(m[1]!);
      if (buffer.length > 1_000_000) buffer = buffer.slice(-100_000);
    });
    child.on('exit', (code) => reject(new Error(`serve exited early (${code}): ${buffer.slice(-2000)}`)));
  });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  return { child, url, exited };
}

/** Run one soak and report. */
export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.onProgress ?? (() => {});
  const redisUrl = options.redisUrl ?? process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  const prefix = `sw-soak-${process.pid}-${Date.now().toString(36)}`;
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-soak-'));
  const perMinuteRate = options.articlesPerMinute ?? 60;
  const hosts = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
  const feedsPerHost = 2;
  const everyMs = (60_000 * hosts.length * feedsPerHost) / perMinuteRate;
  const t0 = Date.now();
  const normal = await normalSites(feedsPerHost, hosts, everyMs, t0);
  const hostile = options.hostile ? await hostileSite('127.0.0.9', '127.0.0.10') : null;
  const ndjson = path.join(dir, 'records.ndjson');
  const config = {
    feeds: [...normal.feeds, ...(hostile?.feeds ?? [])],
    output: { ndjson },
    store: { dir: path.join(dir, 'store') },
    fetch: {
      allowPrivateNetworks: true,
      respectRobots: false,
      minHostGapMs: 100,
      maxPollIntervalMs: 5_000,
      ...options.overrides?.fetch,
    },
    service: {
      redisUrl,
      prefix,
      pollEveryMs: 5_000,
      retry: { attempts: 3, backoffMs: 1_000 },
      http: { port: 0 },
      ...options.overrides?.service,
    },
    log: { level: 'info' },
  };
  const configFile = path.join(dir, 'config.yaml');
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const proc = startServe(configFile);
  const healthz: number[] = [];
  let failedHealthz = 0;
  let sampling = true;
  const seen = new Set<string>();
  const normalTimes: number[] = [];
  const lags: number[] = [];
  let hostileStored = 0;
  let started = 0;
  let report: SoakReport | null = null;
  try {
    const base = await proc.url;
    started = Date.now();
    log(
      `serve ready at ${base}; running ${Math.round(options.durationMs / 1000)} s (hostile: ${options.hostile})`,
    );
    const sampler = (async () => {
      while (sampling) {
        const r = await getTimed(`${base}/healthz`, 10_000);
        if (r.ok) healthz.push(r.ms);
        else failedHealthz++;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    const hostOf = (u: string) => new URL(u).hostname;
    let offset = 0;
    const readOutput = () => {
      if (!existsSync(ndjson)) return;
      const text = readFileSync(ndjson, 'utf8');
      const fresh = text.slice(offset);
      const end = fresh.lastIndexOf('\n');
      if (end < 0) return;
      offset += end + 1;
      const now = Date.now();
      for (const line of fresh.slice(0, end).split('\n')) {
        if (!line) continue;
        const r = JSON.parse(line) as { id: string; url: string; published: string | null };
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        if (hostOf(r.url) === '127.0.0.9' || hostOf(r.url) === '127.0.0.10') hostileStored++;
        else {
          normalTimes.push(now - started);
          if (r.published) lags.push(now - Date.parse(r.published));
        }
      }
    };
    const deadline = started + options.durationMs;
    let nextProgress = started + 60_000;
    while (Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      readOutput();
      if (Date.now() >= nextProgress) {
        nextProgress += 60_000;
        log(
          `  ${Math.round((Date.now() - started) / 60_000)} min: ${normalTimes.length} normal articles, healthz max ${Math.round(Math.max(0, ...healthz))} ms, ${failedHealthz} failed`,
        );
      }
    }
    readOutput();
    const metrics = await getTimed(`${base}/metrics`, 10_000);
    const failures: Record<string, number> = {};
    for (const m of metrics.body.matchAll(
      /^seizurewatch_job_failures_total\{stage="(\w+)",reason="(\w+)"\} (\d+)/gm,
    )) {
      failures[`${m[1]}:${m[2]}`] = Number(m[3]);
    }
    sampling = false;
    await sampler;
    const perMinute: number[] = [];
    for (const t of normalTimes) {
      const b = Math.floor(t / 60_000);
      while (perMinute.length <= b) perMinute.push(0);
      perMinute[b]!++;
    }
    const expected = normal.publishedUntil(started + options.durationMs - 60_000).filter((p) => p.at >= t0);
    const storedUrls = new Set<string>();
    for (const line of readFileSync(ndjson, 'utf8').split('\n')) {
      if (line) storedUrls.add((JSON.parse(line) as { url: string }).url);
    }
    report = {
      hostile: options.hostile,
      durationMs: options.durationMs,
      perMinute,
      normalAtMs: normalTimes,
      normalStored: normalTimes.length,
      normalExpected: expected.length,
      normalMissing: expected.filter((p) => !storedUrls.has(p.url)).length,
      lagMs: { p50: quantile(lags, 0.5), p95: quantile(lags, 0.95), max: Math.max(0, ...lags) },
      healthz: {
        samples: healthz.length + failedHealthz,
        failed: failedHealthz,
        maxMs: Math.round(Math.max(0, ...healthz)),
        p99Ms: Math.round(quantile(healthz, 0.99)),
      },
      hostileStored,
      failures,
    };
  } finally {
    sampling = false;
    proc.child.kill('SIGTERM');
    const killer = setTimeout(() => proc.child.kill('SIGKILL'), 30_000);
    await proc.exited;
    clearTimeout(killer);
    await Promise.all([...normal.sites, ...(hostile?.sites ?? [])].map((s) => s.close()));
    await deletePrefix(redisUrl, prefix).catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
  return report;
}
