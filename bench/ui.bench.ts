/**
 * `npm run bench:ui [-- --records 10000 --rounds 5 --store sqlite|postgres]`: first paint of the dashboard with a real
 * archive. Generates synthetic records (made up here: 60 ports, 20 outlets, 6 languages, three
 * years), stores them with the Store as scan does, opens `ui`'s server on them, and loads the
 * page in headless Chromium with an empty cache each round: time from navigation start until the
 * records, the map points, the summary and the country shapes are on screen (the page's
 * `sw-first-data` mark), right after a record was stored (nothing answered from memory) and
 * again unchanged. The same is measured on a store of 100 records in the same run, and
 * the ratio printed: a ratio holds on any machine; the absolute figure is for this one. Also
 * prints the time of each API call of the first paint and of the one-off index build.
 * `--store postgres` measures the same over a PostgreSQL store: a database of its own on
 * PG_ADMIN_URL's server (default postgres://postgres@127.0.0.1:5432, random name, dropped after).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startUiServer } from '../src/dashboard/ui-server.ts';
import { silentLogger } from '../src/log.ts';
import { DRUGS, RECORD_SCHEMA } from '../src/records/schema.ts';
import { openStore } from '../src/store/index.ts';
import type { ArticleRecord, Seizure } from '../src/types.ts';
import { chromiumAvailable, ensureUiBuilt, launchBrowser } from '../tests/helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../tests/helpers/postgres.ts';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}
const N = arg('records', 10_000);
const ROUNDS = arg('rounds', 5);
const BASELINE = 100;
const STORE = process.argv.includes('--store') ? process.argv[process.argv.indexOf('--store') + 1] : 'sqlite';
if (STORE !== 'sqlite' && STORE !== 'postgres') {
  process.stderr.write(`bench:ui: --store sqlite|postgres, got ${STORE}\n`);
  process.exit(2);
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PORTS: Array<[string, string, number, number]> = [];
const BASE_PORTS: Array<[string, string, number, number]> = [
  ['Antwerp', 'BE', 51.22, 4.4],
  ['Rotterdam', 'NL', 51.92, 4.48],
  ['Hamburg', 'DE', 53.55, 9.99],
  ['Algeciras', 'ES', 36.13, -5.45],
  ['Valencia', 'ES', 39.45, -0.32],
  ['Le Havre', 'FR', 49.49, 0.11],
  ['Gioia Tauro', 'IT', 38.42, 15.9],
  ['Santos', 'BR', -23.96, -46.33],
  ['Guayaquil', 'EC', -2.19, -79.89],
  ['Cartagena', 'CO', 10.39, -75.51],
  ['Callao', 'PE', -12.05, -77.14],
  ['Manzanillo', 'MX', 19.05, -104.32],
  ['Durban', 'ZA', -29.86, 31.02],
  ['Lagos', 'NG', 6.45, 3.39],
  ['Karachi', 'PK', 24.86, 67.0],
  ['Sydney', 'AU', -33.87, 151.21],
  ['Felixstowe', 'GB', 51.96, 1.35],
  ['Piraeus', 'GR', 37.94, 23.65],
  ['Lisbon', 'PT', 38.72, -9.14],
  ['Bremerhaven', 'DE', 53.54, 8.58],
];
for (let i = 0; i < 3; i++) {
  for (const [name, cc, lat, lon] of BASE_PORTS)
    PORTS.push([i ? `${name} ${i}` : name, cc, lat + i * 0.3, lon + i * 0.3]);
}
const OUTLETS = Array.from({ length: 20 }, (_, i) => ({ id: `outlet-${i}`, name: `Outlet ${i}` }));
const LANGS = ['en', 'en', 'en', 'de', 'es', 'fr', 'nl', 'pt'];
const WORDS =
  'customs police officers port container shipment hidden bananas coffee scrap investigation arrested suspects court prosecutors cartel network smuggling route vessel harbour inspection scanner crew warehouse raid'.split(
    ' ',
  );
const COMMON_DRUGS = [
  'cocaine',
  'cocaine',
  'cocaine',
  'cannabis',
  'hashish',
  'heroin',
  'methamphetamine',
  'mdma',
  'captagon',
];

function synthetic(count: number, seed: number): ArticleRecord[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const start = Date.UTC(2023, 0, 1);
  const span = 3 * 365 * 86_400_000;
  return Array.from({ length: count }, (_, i) => {
    const published = new Date(start + Math.floor(r() * span)).toISOString();
    const figures = r() < 0.15 ? 0 : 1 + Math.floor(r() * 3);
    const seizures: Seizure[] = [];
    const places: ArticleRecord['places'] = [];
    for (let k = 0; k < figures; k++) {
      const [name, cc, lat, lon] = pick(PORTS);
      const drug = r() < 0.9 ? pick(COMMON_DRUGS) : pick(DRUGS);
      const kg = Math.round(10 ** (1 + r() * 3.5));
      const sentence = `Officers seized ${kg} kilograms of ${drug} in ${name}.`;
      seizures.push({
        drug: drug as Seizure['drug'],
        amount: { value: kg, unit: 'kg' },
        kg,
        count: null,
        countUnit: null,
        location: name,
        country: cc,
        period: published.slice(0, 10),
        aggregate: r() < 0.1,
        record: r() < 0.05,
        attribution: null,
        evidence: sentence,
        confidence: 0.5 + r() * 0.5,
        reasons: [],
      });
      places.push({ name, kind: 'port', country: cc, lat, lon });
    }
    const body = Array.from(
      { length: 6 },
      () => Array.from({ length: 40 }, () => pick(WORDS)).join(' ') + '.',
    );
    body.splice(1, 0, ...seizures.map((s) => s.evidence));
    const outlet = pick(OUTLETS);
    return {
      schema: RECORD_SCHEMA,
      id: `bench-${seed}-${i}`,
      url: `https://${outlet.id}.example/${i}`,
      source: outlet,
      language: pick(LANGS),
      title: `${seizures[0] ? `${seizures[0].kg} kg of ${seizures[0].drug} seized in ${seizures[0].location}` : 'Port news'} (${i})`,
      teaser: null,
      published,
      section: null,
      tags: [],
      authors: [],
      editor: null,
      text: body.join('\n\n'),
      seizureStory: seizures.length > 0,
      seizures,
      trends: [],
      persons: [],
      organizations: [],
      places,
      extractedAt: published,
      extractor: 'bench',
    };
  });
}

/** The API calls the page makes for its first paint. */
const FIRST_PAINT_CALLS = [
  'api/dashboard/summary',
  'api/dashboard/facets',
  'api/dashboard/map?limit=800',
  'api/dashboard/records?offset=0&limit=25',
  'api/dashboard/timeline?bucket=month',
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function measure(count: number, chrome: Awaited<ReturnType<typeof launchBrowser>>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-bench-ui-'));
  const db: TestDatabase | null = STORE === 'postgres' ? await createTestDatabase('sw_bench_ui') : null;
  const where = { dir, url: db?.url };
  try {
    const store = await openStore(where, {});
    const records = synthetic(count, count);
    const t0 = performance.now();
    const batch = 500;
    for (let i = 0; i < records.length; i += batch) {
      await Promise.all(records.slice(i, i + batch).map((r) => store.insertRecord(r)));
    }
    const storeMs = performance.now() - t0;
    await store.close();
    const t1 = performance.now();
    const server = await startUiServer({
      storeDir: dir,
      storeUrl: db?.url,
      http: {
        enabled: true,
        host: '127.0.0.1',
        port: 0,
        tokenEnv: 'SEIZUREWATCH_BENCH_NO_TOKEN',
        allowedHosts: [],
        trustProxy: false,
      },
      token: undefined,
      logger: silentLogger,
    });
    const indexMs = performance.now() - t1;
    try {
      // A live newsroom stores records all day: each round stores one first, so that nothing is
      // answered from memory (cold), then loads the page again unchanged (warm).
      const extra = synthetic(2 * (ROUNDS + 1), count + 7).map((r, i) => ({ ...r, id: `extra-${i}` }));
      const writer = await openStore(where, {});
      const api: Record<string, number[]> = {};
      const cold: number[] = [];
      const warm: number[] = [];
      const paint = async () => {
        const context = await chrome.context(1280, 900);
        const page = await context.newPage();
        await page.goto(server.url);
        await page.waitForSelector('html[data-ready="1"]', { timeout: 30_000 });
        const ms = await page.evaluate(
          () => performance.getEntriesByName('sw-first-data')[0]?.startTime ?? -1,
        );
        await context.close();
        return ms;
      };
      for (let round = 0; round < ROUNDS + 1; round++) {
        await writer.insertRecord(extra[2 * round]!);
        for (const p of FIRST_PAINT_CALLS) {
          const t = performance.now();
          await (await fetch(`${server.url}${p}`)).arrayBuffer();
          if (round > 0) api[p] = [...(api[p] ?? []), performance.now() - t];
        }
        await writer.insertRecord(extra[2 * round + 1]!);
        const c = await paint();
        const w = await paint();
        if (round > 0) {
          // round 0 warms the process (JIT, SQLite page cache)
          cold.push(c);
          warm.push(w);
        }
      }
      await writer.close();
      return { storeMs, indexMs, paint: median(cold), paints: cold, warm: median(warm), api };
    } finally {
      await server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  }
}

async function main() {
  if (!chromiumAvailable()) {
    process.stderr.write('bench:ui needs /usr/bin/chromium (apt-get install chromium)\n');
    process.exit(2);
  }
  ensureUiBuilt();
  const chrome = await launchBrowser();
  try {
    const small = await measure(BASELINE, chrome);
    const big = await measure(N, chrome);
    const out = (label: string, m: typeof big) => {
      process.stdout.write(
        `${label}: first paint median ${m.paint.toFixed(0)} ms after a new record (rounds: ${m.paints.map((p) => p.toFixed(0)).join(', ')}), ` +
          `${m.warm.toFixed(0)} ms unchanged; ` +
          `index build ${m.indexMs.toFixed(0)} ms once; storing took ${m.storeMs.toFixed(0)} ms\n`,
      );
      for (const [p, times] of Object.entries(m.api)) {
        process.stdout.write(
          `  GET /${p.padEnd(40)} median ${median(times).toFixed(1)} ms (after a new record)\n`,
        );
      }
    };
    process.stdout.write(`store: ${STORE}\n`);
    out(`${BASELINE} records (baseline)`, small);
    out(`${N} records`, big);
    process.stdout.write(
      `ratio ${N} / ${BASELINE} records: ${(big.paint / small.paint).toFixed(2)}x; target: under 1000 ms with 10,000 records (${big.paint < 1000 ? 'met' : 'NOT met'})\n`,
    );
  } finally {
    await chrome.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench:ui failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
