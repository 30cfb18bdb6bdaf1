/**
 * Issue 12, done when: three `serve` processes on one Redis (through a TCP proxy the test can
 * cut) and one PostgreSQL database of the test's own, 500 articles served from 127.0.0.1, one
 * process SIGKILLed twice at random moments and restarted, the Redis connection cut once.
 * Every article stored once, every NDJSON line once and whole, one alert per story (one
 * delivery per story and channel, sent under its one webhook-id), and `export` of the shared
 * store gives the same 500.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportLines } from '../../src/records/export-lines.ts';
import { recordId } from '../../src/records/id.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { deletePrefix, uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  type TestDirs,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { rssFeed, type Site, startSite } from './helpers/site.ts';
import { startTcpProxy, type TcpProxy } from './helpers/tcp-proxy.ts';
import { until } from './helpers/until.ts';

const N = 500;
const FEEDS = 5;

const DRUGS = ['cocaine', 'heroin', 'cannabis resin', 'methamphetamine', 'ecstasy pills', 'hashish'];
const PLACES = [
  'Rotterdam',
  'Hamburg',
  'Valencia',
  'Le Havre',
  'Lisbon',
  'Gdansk',
  'Piraeus',
  'Genoa',
  'Felixstowe',
  'Algeciras',
  'Bremerhaven',
  'Marseille',
];

/** Our own sentences, varied by n: drug, port, amount, concealment, date. */
function page(n: number, url: string): string {
  const drug = DRUGS[n % DRUGS.length]!;
  const place = PLACES[Math.floor(n / DRUGS.length) % PLACES.length]!;
  const kg = 20 + ((n * 7919) % 4000);
  const hidden = ['crates of pineapples', 'a shipment of scrap metal', 'frozen fish', 'bags of coffee beans'][
    n % 4
  ];
  const seizure = n % 3 !== 0;
  const lead = seizure
    ? `Police in ${place} seized ${kg} kilograms of ${drug} hidden in ${hidden}, investigators said on case file ${n}.`
    : `The harbour authority of ${place} opened a new terminal for container ships, file ${n} of the week's notices says.`;
  const day = String((n % 27) + 1).padStart(2, '0');
  const month = String((Math.floor(n / 27) % 12) + 1).padStart(2, '0');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Report ${n} from ${place}</title>
<link rel="canonical" href="${url}"><meta property="article:published_time" content="2024-${month}-${day}T09:00:00Z"></head>
<body><main><article><h1>Report ${n} from ${place}</h1>
<p>${lead}</p>
<p>Officers had followed the consignment number ${n * 31} for weeks before the operation, a spokesperson said.</p>
<p>Two suspects aged ${20 + (n % 40)} and ${25 + (n % 30)} were questioned and later released, the report added.</p>
</article></main></body></html>`;
}

function ndjsonLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}

const lineIds = (file: string) =>
  ndjsonLines(file)
    .filter((l) => l.length > 0)
    .map((l) => (JSON.parse(l) as { id: string }).id);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo));

describe('three serve processes, one Redis, one PostgreSQL: kills and a Redis cut', () => {
  const prefix = uniquePrefix('scale');
  let db: TestDatabase;
  let site: Site;
  let proxy: TcpProxy;
  let dirs: TestDirs;
  let store: PostgresStore;
  const procs: (ServeProcess | null)[] = [null, null, null];
  const killed: ServeProcess[] = [];
  let api: ServeProcess | null = null;
  const urls: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('sw_scale');
    proxy = await startTcpProxy({ host: '127.0.0.1', port: 6379 });
    site = await startSite();
    for (let n = 0; n < N; n++) {
      const url = `${site.base}/news/report-${n}`;
      urls.push(url);
      site.routes.set(`/news/report-${n}`, { body: page(n, url) });
    }
    const feeds = [];
    for (let f = 0; f < FEEDS; f++) {
      const mine = urls.filter((_, n) => n % FEEDS === f);
      site.routes.set(`/feed-${f}.xml`, {
        body: rssFeed(mine.map((link, i) => ({ link, title: `Report ${i * FEEDS + f}` }))),
        contentType: 'application/rss+xml',
      });
      feeds.push({ id: `feed-${f}`, url: `${site.base}/feed-${f}.xml` });
    }
    dirs = writeServiceConfig('scale', {
      prefix,
      feeds,
      fetch: { maxPollIntervalMs: 1_000, minPollIntervalMs: 500 },
      service: {
        pollEveryMs: 1_000,
        lockDurationMs: 4_000,
        stalledIntervalMs: 1_000,
        concurrency: { fetch: 4, extract: 2, store: 2, alert: 1 },
        retry: { attempts: 10, backoffMs: 200, jitter: 0.5 },
      },
      extra: {
        store: { dir: '/nonexistent-sqlite-dir', url: db.url },
        parse: { threads: 1 },
        alerts: {
          channels: [{ name: 'desk', type: 'webhook', url: `${site.base}/hook` }],
          rules: [{ name: 'seizures', when: { seizureStory: true }, channels: ['desk'] }],
        },
      },
    });
  }, 60_000);

  afterAll(async () => {
    for (const p of [...procs, ...killed, api]) if (p) await stopServe(p, 3_000);
    await store?.close();
    await proxy?.close();
    await site?.close();
    await deletePrefix(prefix);
    await db?.drop();
    dirs?.cleanup();
  }, 60_000);

  const start = (i: number) => {
    const p = startServe(dirs.config, { REDIS_URL: proxy.url, DATABASE_URL: '' });
    procs[i] = p;
    return p.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
  };

  it(
    'stores every article once, writes every line once and whole, alerts once per story',
    async () => {
      // A fourth process serves the API only: whatever it streams, another process stored.
      api = startServe(dirs.config, { REDIS_URL: proxy.url, DATABASE_URL: '' }, ['--role', 'api']);
      const apiBase = await api.httpUrl();
      await api.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      const streamed: string[] = [];
      const streamAbort = new AbortController();
      const stream = fetch(`${apiBase}/api/records/stream?format=ndjson`, {
        signal: streamAbort.signal,
      }).then(async (res) => {
        let buf = '';
        for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
          buf += Buffer.from(chunk).toString('utf8');
          const parts = buf.split('\n');
          buf = parts.pop() ?? '';
          for (const l of parts)
            if (l.startsWith('{"schema"')) streamed.push((JSON.parse(l) as { id: string }).id);
        }
      });
      stream.catch(() => undefined);
      await Promise.all([0, 1, 2].map(start));
      store = await PostgresStore.open(db.url);
      const stored = () => store.countRecords();

      // Two SIGKILLs at random moments (of a random process each), each restarted.
      for (const at of [between(40, 160), between(200, 320)]) {
        await until(async () => (await stored()) >= at, 120_000, `${at} records stored`);
        await sleep(between(0, 400));
        const i = between(0, 3);
        const victim = procs[i]!;
        victim.child.kill('SIGKILL');
        await victim.exited;
        killed.push(victim);
        await start(i);
      }

      // The Redis connection of every process cut at once, then restored.
      await until(async () => (await stored()) >= 360, 120_000, '360 records stored');
      proxy.cut();
      await sleep(1_500);
      proxy.restore();

      await until(async () => (await stored()) >= N, 180_000, `all ${N} records stored`);
      await until(() => lineIds(dirs.ndjson).length >= N, 60_000, `all ${N} NDJSON lines`);
      await until(
        async () => (await store.alerts.deliveries({ status: 'pending' })).length === 0,
        60_000,
        'every alert sent',
      );
      await sleep(1_000);
      // The API process pages the shared store: all 500, none twice.
      const page = (await (await fetch(`${apiBase}/api/records?limit=500`)).json()) as {
        records: { id: string }[];
        next: number | null;
      };
      expect(page.records).toHaveLength(N);
      expect(new Set(page.records.map((r) => r.id)).size).toBe(N);
      expect(page.next).toBeNull();
      streamAbort.abort();
      // Live, so records stored while Redis was cut may be missing; the rest came through.
      expect(streamed.length).toBeGreaterThan(N / 2);
      expect(new Set(streamed).size).toBe(streamed.length);
      // The API process's dashboard reads the shared store too: every record, once.
      const summary = (await (await fetch(`${apiBase}/api/dashboard/summary`)).json()) as {
        stored: number;
        records: number;
      };
      expect(summary).toMatchObject({ stored: N, records: N });
      for (const p of [...procs, api]) expect(await stopServe(p!)).toBe(0);

      // Every article stored once.
      const expected = new Set(urls.map((u) => recordId(u)));
      expect(await store.countRecords()).toBe(N);
      const exported: string[] = [];
      for await (const line of exportLines(store, {})) exported.push((JSON.parse(line) as { id: string }).id);
      expect(exported).toHaveLength(N);
      expect(new Set(exported)).toEqual(expected);
      expect(await store.unemittedRecords()).toEqual([]);

      // Every NDJSON line once, none torn.
      const lines = ndjsonLines(dirs.ndjson);
      expect(lines.at(-1)).toBe('');
      const body = lines.slice(0, -1);
      for (const l of body) expect(() => JSON.parse(l), l.slice(0, 80)).not.toThrow();
      const ids = body.map((l) => (JSON.parse(l) as { id: string }).id);
      expect(ids).toHaveLength(N);
      expect(new Set(ids)).toEqual(expected);

      // One alert per story: one delivery per story on the channel, each delivered, each sent
      // under its own webhook-id (receivers dedupe on it), and every alerting story has one.
      const deliveries = (await store.alerts.deliveries()).filter((d) => d.status !== 'merged');
      expect(deliveries.length).toBeGreaterThan(10);
      expect(new Set(deliveries.map((d) => d.story_key)).size).toBe(deliveries.length);
      expect(deliveries.every((d) => d.status === 'delivered')).toBe(true);
      const posts = site.posts.filter((p) => p.path === '/hook');
      const postedIds = new Set(posts.map((p) => String(p.headers['webhook-id'])));
      expect(postedIds).toEqual(new Set(deliveries.map((d) => d.id)));
      const stories = await store.alerts.stories();
      const seizureStories = new Set<string>();
      for (const s of stories) {
        const members = await store.alerts.storyMembers(s.storyKey);
        if (members.some((m) => m.seizureStory)) seizureStories.add(s.storyKey);
      }
      const alerted = new Set((await store.alerts.deliveries()).map((d) => d.story_key));
      for (const key of seizureStories) expect(alerted.has(key), key).toBe(true);
      console.log(
        `scale-out: ${N} records, ${ids.length} lines, ${stories.length} stories, ${deliveries.length} alerts, ${posts.length} webhook posts, ${killed.length} kills, ${streamed.length} streamed by the api process`,
      );
    },
    STARTUP_MS * 3 + 300_000,
  );
});
