/**
 * `npm run bench:pipeline`: the pipeline on real pages. Serves the HTML pages of
 * ../shared/corpus/html (see its MANIFEST.md), each repeated under distinct URLs (a canonical
 * link of ours put first in <head>, so each copy is its own article), listed by generated RSS
 * feeds of 250 items, from 127.0.0.1. Then, on the same articles:
 *
 * 1. CPU ms per article per stage (feed parse, fetch, scrape, extract, store), one stage after
 *    the other in this process, no threads: where the time goes;
 * 2. `scan` (in process, parse threads as configured): articles/s and CPU ms per article;
 * 3. `serve` as real processes (node bin/seizurewatch.js) on one Redis prefix and a PostgreSQL
 *    database the bench creates and drops: one process (`--role all`), then two (`--role
 *    worker` started first, then `--role all`). Articles/s sustained (first stored record to
 *    the last), end to end (spawn to the last), CPU ms per article of the serve processes
 *    (after their start), Redis bytes per article (the extract job carries the page), and RSS
 *    over the run (flat = the last sample within 10% of the one at 20% of the articles).
 *
 *   npm run bench:pipeline -- [--articles 500] [--skip-scan] [--skip-stages] [--processes 1,2]
 *
 * The machine is shared: figures are noisy; the ratios (serve/scan, two/one) measured in the
 * same run are the ones to compare. Redis: $REDIS_URL under a unique prefix removed at the end;
 * PostgreSQL: PG_ADMIN_URL (default postgres://postgres@127.0.0.1:5432/postgres).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { parseConfig } from '../src/config.ts';
import { parseFeed } from '../src/feeds/parse-feed.ts';
import { silentLogger } from '../src/log.ts';
import { createPipelineDeps } from '../src/pipeline/deps.ts';
import { recordFromPage, runScan } from '../src/pipeline/index.ts';
import { scrapePage } from '../src/scrape/index.ts';
import { warmUpExtractor } from '../src/service/warm-up.ts';
import type { FeedItem } from '../src/types.ts';
import { ROOT } from '../tests/helpers/paths.ts';
import { createTestDatabase } from '../tests/helpers/postgres.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../tests/service/helpers/redis.ts';
import { rssFeed, type Site, startSite } from '../tests/service/helpers/site.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '500' },
    processes: { type: 'string', default: '1,2' },
    'skip-scan': { type: 'boolean', default: false },
    'skip-stages': { type: 'boolean', default: false },
  },
});
const N = Number(values.articles);
const PROCESS_COUNTS = values.processes.split(',').map(Number).filter(Boolean);
const PER_FEED = 250;
const CORPUS = path.resolve(ROOT, '../shared/corpus/html');
const BIN = path.join(ROOT, 'bin/seizurewatch.js');
const TICK_MS = 1000 / 100; // /proc stat clock ticks (USER_HZ)

/** The corpus pages (.html, and .html.gz gunzipped), not the expected outputs. */
function corpusPages(dir = CORPUS): { name: string; html: string }[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) return corpusPages(p);
      if (name.includes('expected')) return [];
      if (name.endsWith('.html')) return [{ name, html: readFileSync(p, 'utf8') }];
      if (name.endsWith('.html.gz')) return [{ name, html: gunzipSync(readFileSync(p)).toString('utf8') }];
      return [];
    });
}

const pages = corpusPages();
if (pages.length === 0) throw new Error(`no pages under ${CORPUS}`);

/** The page served at `url`: ours as the first canonical link, so every copy is one article. */
function pageAt(n: number, url: string): string {
  const { html } = pages[n % pages.length]!;
  const link = `<link rel="canonical" href="${url}">`;
  return /<head[^>]*>/i.test(html) ? html.replace(/<head[^>]*>/i, (m) => m + link) : link + html;
}

/** Publish N articles under /<run>/..., in feeds of PER_FEED items; returns the feed ids and URLs. */
function publish(site: Site, run: string): { id: string; url: string }[] {
  const feeds: { id: string; url: string }[] = [];
  for (let f = 0; f * PER_FEED < N; f++) {
    const links: { link: string; title: string }[] = [];
    for (let n = f * PER_FEED; n < Math.min(N, (f + 1) * PER_FEED); n++) {
      const p = `/${run}/a${n}/${pages[n % pages.length]!.name}`;
      const url = `${site.base}${p}`;
      site.routes.set(p, () => ({ body: pageAt(n, url) }));
      links.push({ link: url, title: `Article ${n}` });
    }
    const feedPath = `/${run}/feed-${f}.xml`;
    site.routes.set(feedPath, { body: rssFeed(links), contentType: 'application/rss+xml' });
    feeds.push({ id: `${run}-${f}`, url: `${site.base}${feedPath}` });
  }
  return feeds;
}

function rawConfig(dir: string, feeds: { id: string; url: string }[], prefix: string) {
  return {
    feeds,
    output: { ndjson: path.join(dir, 'records.ndjson') },
    store: { dir: path.join(dir, 'store') },
    fetch: { allowPrivateNetworks: true, minHostGapMs: 0, respectRobots: false, maxBodyBytes: 10_000_000 },
    service: { prefix, pollEveryMs: 3_600_000, http: { enabled: false } },
    log: { level: 'info' },
  };
}

function lines(file: string): number {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** 1. Each stage alone, one after the other, in this thread: CPU ms per article. */
async function stageProfile(site: Site, dir: string): Promise<void> {
  const feeds = publish(site, 'stages');
  const cfg = parseConfig({ ...rawConfig(dir, feeds, 'unused'), parse: { threads: 0 } }, 'bench');
  const deps = await createPipelineDeps(cfg, { logger: silentLogger, mode: 'scan', sink: false });
  const t: Record<string, number> = { feed: 0, fetch: 0, scrape: 0, extract: 0, store: 0 };
  let bytes = 0;
  try {
    const items: FeedItem[] = [];
    for (const f of feeds) {
      const res = await fetch(f.url);
      const xml = Buffer.from(await res.arrayBuffer());
      const c0 = cpuMs();
      const parsed = await parseFeed(xml, { feedId: f.id });
      t.feed! += cpuMs() - c0;
      items.push(...(parsed.items as FeedItem[]));
    }
    for (const item of items) {
      let c = cpuMs();
      const page = await deps.fetcher.fetchPage(item.url);
      t.fetch! += cpuMs() - c;
      bytes += Buffer.byteLength(page.html);
      c = cpuMs();
      scrapePage(page.html, page.finalUrl);
      const scraped = cpuMs() - c;
      t.scrape! += scraped;
      c = cpuMs();
      const record = recordFromPage(item, page);
      // recordFromPage scrapes again: the extract share is what it takes beyond the scrape.
      t.extract! += Math.max(cpuMs() - c - scraped, 0);
      c = cpuMs();
      await deps.store.insertRecord(record, [{ url: item.url, feedId: item.feedId, guid: item.guid }]);
      t.store! += cpuMs() - c;
    }
    const total = Object.values(t).reduce((a, b) => a + b, 0);
    process.stdout.write(
      `stages (CPU ms per article, one thread, ${items.length} articles, ${(bytes / items.length / 1024).toFixed(0)} KiB of HTML each):\n`,
    );
    for (const [k, v] of Object.entries(t)) {
      process.stdout.write(
        `  ${k.padEnd(8)} ${(v / items.length).toFixed(1).padStart(7)} ms  ${((v / total) * 100).toFixed(0).padStart(3)}%\n`,
      );
    }
    process.stdout.write(
      `  total    ${(total / items.length).toFixed(1).padStart(7)} ms  -> at most ${((1000 / (total / items.length)) * 2).toFixed(1)} articles/s on 2 cores\n\n`,
    );
  } finally {
    await deps.close();
  }
}

/** 2. scan, in process. */
async function timeScan(site: Site, dir: string): Promise<{ rate: number; cpuPerArticle: number }> {
  const feeds = publish(site, 'scan');
  const cfg = parseConfig(rawConfig(dir, feeds, 'unused'), 'bench');
  const c0 = cpuMs();
  const started = performance.now();
  const summary = await runScan(cfg, { logger: silentLogger, force: true });
  const ms = performance.now() - started;
  const cpu = cpuMs() - c0;
  const stored = summary.records.stored;
  if (stored !== N)
    process.stdout.write(`  (scan stored ${stored} of ${N}: ${summary.failures?.length ?? 0} failed)\n`);
  return { rate: (stored / ms) * 1000, cpuPerArticle: cpu / Math.max(stored, 1) };
}

/** CPU ms and RSS KiB of a process, from /proc. */
function procStats(pid: number): { cpu: number; rssKb: number } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) * TICK_MS;
    const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return { cpu, rssKb: Number(rss?.[1] ?? 0) };
  } catch {
    return null;
  }
}

interface Proc {
  pid: number;
  started: Promise<void>;
  exited: Promise<number | null>;
  stop(): void;
  stderr(): string;
}

function spawnServe(config: string, env: Record<string, string>, role: string): Proc {
  const child = spawn(process.execPath, [BIN, 'serve', '--config', config, '--role', role], {
    cwd: ROOT,
    env: { ...process.env, SEIZUREWATCH_LOG_PRETTY: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  let resolveStarted: () => void;
  const started = new Promise<void>((resolve) => {
    resolveStarted = resolve;
  });
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (c: string) => {
    err = (err + c).slice(-20_000);
    if (err.includes('"msg":"service started"')) resolveStarted();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { pid: child.pid!, started, exited, stop: () => child.kill('SIGTERM'), stderr: () => err };
}

interface ServeResult {
  sustained: number;
  endToEnd: number;
  cpuPerArticle: number;
  redisKbPerArticle: number;
  rss: { at20: number; last: number; max: number }[];
}

/** 3. serve, as `count` processes on one prefix and one PostgreSQL database. */
async function timeServe(site: Site, dir: string, count: number): Promise<ServeResult> {
  const run = `serve${count}`;
  const feeds = publish(site, run);
  const prefix = uniquePrefix(`bench${count}`);
  const db = await createTestDatabase('sw_bench');
  const config = path.join(dir, `${run}.json`);
  writeFileSync(config, JSON.stringify(rawConfig(path.join(dir, run), feeds, prefix)));
  const env = { REDIS_URL, DATABASE_URL: db.url };
  const procs: Proc[] = [];
  const client = new pg.Client({ connectionString: db.url });
  const spawnedAt = performance.now();
  try {
    // Workers first, so they are ready when the `all` process's schedulers fire.
    for (let i = 1; i < count; i++) procs.push(spawnServe(config, env, 'worker'));
    await Promise.all(procs.map((p) => p.started));
    const all = spawnServe(config, env, 'all');
    procs.push(all);
    await Promise.race([all.started, all.exited.then(() => Promise.reject(new Error(all.stderr())))]);
    const cpuAtStart = procs.map((p) => procStats(p.pid)?.cpu ?? 0);
    await client.connect();
    const samples: { stored: number; rss: number[] }[] = [];
    let first: { at: number; stored: number } | null = null;
    let stored = 0;
    const deadline = performance.now() + Math.max(300_000, N * 500);
    while (stored < N) {
      if (performance.now() > deadline)
        throw new Error(`serve stored ${stored} of ${N} in time; stderr tail:\n${all.stderr().slice(-3000)}`);
      if (process.env.BENCH_DEBUG) process.stderr.write(`stored ${stored}\n`);
      await new Promise((r) => setTimeout(r, 500));
      const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM records');
      stored = Number(rows[0]!.n);
      if (!first && stored > 0) first = { at: performance.now(), stored };
      samples.push({ stored, rss: procs.map((p) => procStats(p.pid)?.rssKb ?? 0) });
    }
    const end = performance.now();
    const cpu = procs.reduce((s, p, i) => s + ((procStats(p.pid)?.cpu ?? 0) - cpuAtStart[i]!), 0);
    const info = await new Promise<string>((resolve) => {
      // The bytes Redis holds for this run: the completed jobs keep their payloads (keepCompleted).
      const child = spawn('redis-cli', [
        '-u',
        REDIS_URL,
        '--scan',
        '--pattern',
        `${prefix}:extract-article:*`,
      ]);
      let out = '';
      child.stdout.on('data', (c) => {
        out += c;
      });
      child.on('exit', () => resolve(out));
      child.on('error', () => resolve(''));
    });
    let redisBytes = 0;
    const keys = info
      .split('\n')
      .filter((k) => /:extract-article:[^:]+$/.test(k) && !/:(id|meta|events|stalled-check|marker)$/.test(k));
    if (keys.length > 0) {
      const { Redis } = await import('ioredis');
      const r = new Redis(REDIS_URL);
      for (const k of keys.slice(0, 2_000)) redisBytes += Number((await r.call('MEMORY', 'USAGE', k)) ?? 0);
      r.disconnect();
      redisBytes = (redisBytes / Math.min(keys.length, 2_000)) * keys.length;
    }
    const at20 = samples.find((s) => s.stored >= N * 0.2) ?? samples[0]!;
    const last = samples[samples.length - 1]!;
    return {
      sustained: first ? ((N - first.stored) / (end - first.at)) * 1000 : 0,
      endToEnd: (N / (end - spawnedAt)) * 1000,
      cpuPerArticle: cpu / N,
      redisKbPerArticle: redisBytes / N / 1024,
      rss: procs.map((_p, i) => ({
        at20: at20.rss[i]! / 1024,
        last: last.rss[i]! / 1024,
        max: Math.max(...samples.map((s) => s.rss[i]!)) / 1024,
      })),
    };
  } finally {
    for (const p of procs) p.stop();
    await Promise.all(procs.map((p) => p.exited));
    await client.end().catch(() => undefined);
    await db.drop();
    await deletePrefix(prefix);
    const out = path.join(dir, run, 'records.ndjson');
    if (lines(out) !== N)
      process.stdout.write(`  (serve x${count} wrote ${lines(out)} NDJSON lines of ${N})\n`);
  }
}

async function main(): Promise<void> {
  const site = await startSite();
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-bench-'));
  process.stdout.write(
    `${N} articles: ${pages.length} real pages of ${path.relative(ROOT, CORPUS)} repeated under distinct URLs\n\n`,
  );
  warmUpExtractor(silentLogger);
  try {
    if (!values['skip-stages']) await stageProfile(site, path.join(dir, 'stages'));
    const scan = values['skip-scan'] ? null : await timeScan(site, path.join(dir, 'scan'));
    if (scan) {
      process.stdout.write(
        `scan:        ${scan.rate.toFixed(1)} articles/s, ${scan.cpuPerArticle.toFixed(0)} CPU ms/article\n`,
      );
    }
    const serves: Record<number, ServeResult> = {};
    for (const count of PROCESS_COUNTS) {
      const r = await timeServe(site, dir, count);
      serves[count] = r;
      const rss = r.rss
        .map(
          (x) =>
            `${x.at20.toFixed(0)}->${x.last.toFixed(0)} MiB (max ${x.max.toFixed(0)}, ${(((x.last - x.at20) / x.at20) * 100).toFixed(0)}%)`,
        )
        .join(', ');
      process.stdout.write(
        `serve x${count}:    ${r.sustained.toFixed(1)} articles/s sustained, ${r.endToEnd.toFixed(1)} end to end (spawn included), ` +
          `${r.cpuPerArticle.toFixed(0)} CPU ms/article, ${r.redisKbPerArticle.toFixed(0)} KiB/article kept in Redis by extract jobs; RSS ${rss}\n`,
      );
    }
    process.stdout.write('\n');
    if (scan && serves[1])
      process.stdout.write(`serve x1 / scan: ${(serves[1].sustained / scan.rate).toFixed(2)}\n`);
    if (serves[1] && serves[2])
      process.stdout.write(
        `serve x2 / serve x1: ${(serves[2].sustained / serves[1].sustained).toFixed(2)}\n`,
      );
  } finally {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
process.exit(0);
