/**
 * The dashboard's queries as a contract, run against both stores: the embedded SQLite store and
 * a PostgreSQL database of the test's own (random name, dropped after), with records written by
 * the Store as scan and serve do. Then its HTTP endpoints through `ui`'s server over each store:
 * filter semantics, aggregates, paging, search, the index kept up to date, strict parameters,
 * exports, sign-in with a token, records stored by another process streamed live.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UI_DIST } from '../../src/dashboard/assets.ts';
import { openDashboard } from '../../src/dashboard/open.ts';
import type { DashboardQueries } from '../../src/dashboard/queries.ts';
import { startUiServer, type UiServer } from '../../src/dashboard/ui-server.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/store/index.ts';
import type { Store } from '../../src/store/types.ts';
import type { ArticleRecord, Seizure } from '../../src/types.ts';
import { ensureUiBuilt } from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { testRecord, testSeizure } from '../helpers/records.ts';

/** Where the test's store is: a fresh folder, or a fresh PostgreSQL database. */
interface Backend {
  name: 'sqlite' | 'postgres';
  setup(): Promise<{ storeDir: string; storeUrl?: string }>;
  teardown(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(path.join(tmpdir(), 'sw-dash-q-'));
      return { storeDir: dir };
    },
    async teardown() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  let db: TestDatabase | null = null;
  return {
    name: 'postgres',
    async setup() {
      db = await createTestDatabase('sw_dash');
      return { storeDir: '/nonexistent', storeUrl: db.url };
    },
    async teardown() {
      await db?.drop();
    },
  };
}

const BACKENDS = [sqliteBackend, postgresBackend];

const seizure = testSeizure;
const record = testRecord;
/** A figure as a record of schema @1 holds it: no `confidence`, no `reasons`. */
function legacy(s: Seizure): Seizure {
  const { confidence: _c, reasons: _r, ...rest } = s;
  return rest as Seizure;
}

const ROTTERDAM = { name: 'Rotterdam', kind: 'port' as const, country: 'NL', lat: 51.92, lon: 4.48 };
const RECORDS: ArticleRecord[] = [
  record('a', {
    published: '2025-01-06T08:00:00Z',
    title: 'Rotterdam customs find bananas full of cocaine',
    text: 'Customs officers at Rotterdam found 2 tonnes of cocaine among bananas.',
    places: [ROTTERDAM],
    seizures: [
      seizure({ amount: { value: 2, unit: 't' }, kg: 2000, location: 'Rotterdam', country: 'NL' }),
      // 300 kg of heroin in Belgium: drug and country on different figures than above
      seizure({
        drug: 'heroin',
        amount: { value: 300, unit: 'kg' },
        kg: 300,
        country: 'BE',
        location: 'Belgium',
      }),
    ],
  }),
  record('b', {
    published: '2025-01-20T08:00:00Z',
    language: 'de',
    source: { id: 'hafen', name: 'Hafenblatt' },
    text: 'Der Zoll in Rotterdam fand Heroin.',
    places: [ROTTERDAM],
    seizures: [
      seizure({
        drug: 'heroin',
        amount: { value: 50, unit: 'kg' },
        kg: 50,
        location: 'Rotterdam',
        country: 'NL',
      }),
    ],
  }),
  record('c', {
    published: '2025-02-03T08:00:00Z',
    text: 'Police in Europe recorded a record year.',
    seizures: [
      legacy(
        seizure({
          amount: { value: 400, unit: 't' },
          kg: 400_000,
          location: 'Europe',
          country: 'EU',
          aggregate: true,
        }),
      ),
      Object.assign(
        seizure({
          drug: 'mdma',
          amount: { value: 10000, unit: 'pills' },
          kg: null,
          count: 10000,
          countUnit: 'pills',
          location: 'Rotterdam',
          country: 'NL',
        }),
        { confidence: 0.8 },
      ),
    ],
    places: [ROTTERDAM, { name: 'Europe', kind: 'region', country: 'EU', lat: 54, lon: 15 }],
  }),
  record('d', {
    published: null,
    seizureStory: false,
    title: 'Port volumes rise',
    text: 'Container volumes rose.',
  }),
];

describe.each(BACKENDS.map((b) => [b().name, b] as const))('dashboard queries on %s', (_name, make) => {
  const backend = make();
  let where: { storeDir: string; storeUrl?: string };
  let store: Store;
  let q: DashboardQueries;
  /** Another connection to the same store: another process, as far as the store can tell. */
  const other = () => openStore({ dir: where.storeDir, url: where.storeUrl }, {});

  beforeAll(async () => {
    where = await backend.setup();
    store = await other();
    for (const r of RECORDS) await store.insertRecord(r);
    q = await openDashboard(store, where.storeDir);
  });
  afterAll(async () => {
    await q?.close();
    await store?.close();
    await backend.teardown();
  });

  it('pages records newest first, undated last, with their figures', async () => {
    const page = await q.records({}, { offset: 0, limit: 2 });
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.id)).toEqual(['c', 'b']);
    expect(page.next).toBe(2);
    const rest = await q.records({}, { offset: 2, limit: 2 });
    expect(rest.rows.map((r) => r.id)).toEqual(['a', 'd']);
    expect(rest.next).toBeNull();
    const c = page.rows[0]!;
    expect(c.figures.map((f) => [f.drug, f.mapped, f.confidence])).toEqual(
      [
        ['cocaine', false],
        ['mdma', true, 0.8],
      ].map(([d, m, conf]) => [d, m, conf ?? null]),
    );
  });

  it('applies drug, country and minKg to one and the same figure', async () => {
    // a has cocaine in NL and heroin in BE: "heroin in NL" is only b
    const ids = async (f: Parameters<typeof q.records>[0]) =>
      (await q.records(f, { offset: 0, limit: 50 })).rows.map((r) => r.id);
    expect(await ids({ drug: 'heroin', country: 'NL' })).toEqual(['b']);
    expect(await ids({ drug: 'heroin' })).toEqual(['b', 'a']);
    expect(await ids({ minKg: 1000 })).toEqual(['c', 'a']);
    expect(await ids({ kind: 'total' })).toEqual(['c']);
    expect(await ids({ place: 'rotterdam' })).toEqual(['c', 'b', 'a']);
    expect(await ids({ lang: 'de' })).toEqual(['b']);
    expect(await ids({ source: 'hafen' })).toEqual(['b']);
    expect(await ids({ seizureStories: true })).toEqual(['c', 'b', 'a']);
    expect(await ids({ since: '2025-01-10', until: '2025-01-31' })).toEqual(['b']);
    const page = await q.records({ drug: 'heroin' }, { offset: 0, limit: 50 });
    expect(page.rows.find((r) => r.id === 'a')!.figures.map((f) => f.match)).toEqual([false, true]);
  });

  it('searches headline and text, every word, prefixes and accents folded', async () => {
    const ids = async (text: string) =>
      (await q.records({ q: text }, { offset: 0, limit: 50 })).rows.map((r) => r.id);
    expect(await ids('bananas')).toEqual(['a']);
    expect(await ids('rotterdam heroin')).toEqual(['b']);
    expect(await ids('contain')).toEqual(['d']);
    expect(await ids('ROTTERDAM')).toEqual(['b', 'a']);
  });

  it('sums and counts in SQL: summary, facets (each ignoring its own filter), map, timeline', async () => {
    const s = await q.summary({});
    expect(s).toMatchObject({ records: 4, seizureStories: 3, figures: 5, kg: 402_350, mapped: 4, stored: 4 });
    const f = await q.facets({ drug: 'heroin' });
    expect(f.drugs.map((d) => [d.value, d.n])).toEqual([
      ['cocaine', 2],
      ['heroin', 2],
      ['mdma', 1],
    ]);
    expect(f.countries.map((c) => [c.value, c.n])).toEqual([
      ['BE', 1],
      ['NL', 1],
    ]);
    expect(f.sources.find((x) => x.value === 'hafen')).toMatchObject({ label: 'Hafenblatt', n: 1 });
    const map = await q.mapPoints({}, 100);
    expect(map.unmapped).toBe(1); // Europe is an area, not a point
    const rtmCocaine = map.points.find((p) => p.location === 'Rotterdam' && p.drug === 'cocaine')!;
    expect(rtmCocaine).toMatchObject({ lat: 51.92, lon: 4.48, approx: false, n: 1, kg: 2000 });
    expect(rtmCocaine.figures[0]).toMatchObject({ recordId: 'a', index: 0 });
    const belgium = map.points.find((p) => p.country === 'BE')!;
    expect(belgium.approx).toBe(true);
    const months = await q.timeline({ since: '2025-02-01' }, 'month');
    expect(months.buckets).toEqual([
      { start: '2025-01-01', drug: 'cocaine', n: 1, kg: 2000 },
      { start: '2025-01-01', drug: 'heroin', n: 2, kg: 350 },
      { start: '2025-02-01', drug: 'cocaine', n: 1, kg: 400_000 },
      { start: '2025-02-01', drug: 'mdma', n: 1, kg: 0 },
    ]);
    const weeks = await q.timeline({ drug: 'heroin' }, 'week');
    // 2025-01-06 is a Monday; 2025-01-20 too
    expect(weeks.buckets.map((b) => b.start)).toEqual(['2025-01-06', '2025-01-20']);
  });

  it('indexes records stored after it opened, at the next query (answers kept in memory are dropped)', async () => {
    const before = await q.summary({});
    expect(await q.summary({})).toBe(before);
    const writer = await other();
    await writer.insertRecord(
      record('e', { published: '2025-03-01T00:00:00Z', text: 'Late arrival at the port of Cádiz.' }),
    );
    await writer.close();
    expect((await q.summary({})).stored).toBe(before.stored + 1);
    const ids = async (text: string) =>
      (await q.records({ q: text }, { offset: 0, limit: 5 })).rows.map((r) => r.id);
    expect(await ids('arrival')).toEqual(['e']);
    expect(await ids('cadiz')).toEqual(['e']);
    expect(await ids('CÁDIZ arriv')).toEqual(['e']);
    expect(await ids('cadiz rotterdam')).toEqual([]);
    const after = await q.recordsAfter(0, 100);
    expect(after.records.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(await q.latestCursor()).toBe(after.cursor);
  });

  it('exports matching records and figures in chunks', async () => {
    const recs: string[] = [];
    for await (const r of q.exportRecords({ drug: 'heroin' })) recs.push(r.id);
    expect(recs).toEqual(['b', 'a']);
    const figs: string[] = [];
    for await (const f of q.exportFigures({ drug: 'heroin' })) figs.push(`${f.record.id}:${f.seizure.kg}`);
    expect(figs).toEqual(['b:50', 'a:300']);
  });

  it('says when there are no stories or deliveries (alerts never ran)', async () => {
    expect((await q.stories({}, { offset: 0, limit: 5 }, { multiOutlet: false })).available).toBe(false);
    expect((await q.deliveries({ offset: 0, limit: 5 })).available).toBe(false);
  });
});

describe.each(BACKENDS.map((b) => [b().name, b] as const))(
  'dashboard HTTP API (ui server on %s)',
  (_name, make) => {
    const backend = make();
    let where: { storeDir: string; storeUrl?: string };
    let open: UiServer;
    let guarded: UiServer;
    const TOKEN = 'dash-token-0123456789';
    const other = () => openStore({ dir: where.storeDir, url: where.storeUrl }, {});

    beforeAll(async () => {
      ensureUiBuilt();
      where = await backend.setup();
      const store = await other();
      for (const r of RECORDS) await store.insertRecord(r);
      await store.close();
      const http = {
        enabled: true,
        host: '127.0.0.1',
        port: 0,
        tokenEnv: 'SEIZUREWATCH_API_TOKEN',
        allowedHosts: [],
        trustProxy: false,
      };
      open = await startUiServer({ ...where, http, token: undefined, logger: silentLogger });
      guarded = await startUiServer({ ...where, http, token: TOKEN, logger: silentLogger });
    });
    afterAll(async () => {
      await open?.close();
      await guarded?.close();
      await backend.teardown();
    });

    const get = (base: string, p: string, init?: RequestInit) =>
      fetch(`${base}${p.replace(/^\//, '')}`, init);

    it('serves the page and its hashed, gzipped assets', async () => {
      const page = await get(open.url, '/');
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
      const html = await page.text();
      const js = /src="(\/assets\/app-[^"]+\.js)"/.exec(html)![1]!;
      const asset = await get(open.url, js, { headers: { 'accept-encoding': 'gzip' } });
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(asset.headers.get('content-encoding')).toBe('gzip');
      expect((await get(open.url, '/assets/..%2Fpackage.json')).status).toBe(404);
    });

    it('serves the large map built as its gzip copy only, zipped or plain', async () => {
      const built = readdirSync(path.join(UI_DIST, 'assets'));
      const gz = built.find((f) => /^countries-50m-.+\.json\.gz$/.test(f));
      expect(gz, 'the 50m map is built gzip-only').toBeDefined();
      expect(built).not.toContain(gz!.slice(0, -3));
      const url = `/assets/${gz!.slice(0, -3)}`;
      const zipped = await get(open.url, url, { headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers.get('content-encoding')).toBe('gzip');
      const plain = await get(open.url, url, { headers: { 'accept-encoding': 'identity' } });
      expect(plain.status).toBe(200);
      expect(plain.headers.get('content-encoding')).toBeNull();
      const map = (await plain.json()) as { type: string; objects: Record<string, unknown> };
      expect(map.type).toBe('Topology');
      expect(Object.keys(map.objects)).toContain('countries');
    });

    it('answers 400 on unknown, repeated or malformed parameters, never echoing long values', async () => {
      const bad = async (p: string) => {
        const res = await get(open.url, p);
        expect(res.status, p).toBe(400);
        return ((await res.json()) as { message: string }).message;
      };
      expect(await bad('/api/dashboard/records?colour=red')).toContain('unknown parameter "colour"');
      expect(await bad('/api/dashboard/records?drug=cocaine&drug=heroin')).toContain('drug: give it once');
      expect(await bad('/api/dashboard/records?drug=sugar&minKg=-1&since=2025-02-30')).toMatch(
        /drug: unknown drug "sugar".*minKg.*since/,
      );
      const long = 'x'.repeat(5000);
      const msg = await bad(`/api/dashboard/records?country=${long}`);
      expect(msg).toContain('a value of 5000 characters');
      expect(msg).not.toContain('xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx');
      expect(await bad('/api/dashboard/records?limit=100000')).toContain('limit');
      expect(await bad('/api/dashboard/timeline?bucket=day')).toContain('bucket');
      expect(await bad('/api/dashboard/records?q=%20%2B%2B')).toContain('q: needs at least one letter');
      expect((await get(open.url, '/api/dashboard/records/nope')).status).toBe(404);
    });

    it('exports CSV with one row per matching figure, cells quoted and formula-safe', async () => {
      const res = await get(open.url, '/api/dashboard/export?format=csv&drug=heroin');
      expect(res.headers.get('content-type')).toContain('text/csv');
      expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="seizurewatch-.*\.csv"/);
      const lines = (await res.text()).trim().split('\r\n');
      expect(lines).toHaveLength(3);
      expect(lines[1]).toMatch(/^b,2025-01-20T08:00:00Z,Hafenblatt,de,Story b,/);
      const nd = await (await get(open.url, '/api/dashboard/export?format=ndjson&lang=de')).text();
      expect(
        nd
          .trim()
          .split('\n')
          .map((l) => (JSON.parse(l) as ArticleRecord).id),
      ).toEqual(['b']);
    });

    it('with a token: the page asks to sign in, the form sets a cookie the API accepts', async () => {
      const first = await get(guarded.url, '/?drug=heroin');
      expect(first.status).toBe(401);
      const form = await first.text();
      expect(form).toContain('<form method="post" action="/login">');
      expect(form).toContain('value="/?drug=heroin"');
      expect(form).not.toContain('Rotterdam');
      expect((await get(guarded.url, '/api/dashboard/summary')).status).toBe(401);
      const wrong = await get(guarded.url, '/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'token=nope&next=%2F',
        redirect: 'manual',
      });
      expect(wrong.status).toBe(401);
      const right = await get(guarded.url, '/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${TOKEN}&next=${encodeURIComponent('/?drug=heroin')}`,
        redirect: 'manual',
      });
      expect(right.status).toBe(303);
      expect(right.headers.get('location')).toBe('/?drug=heroin');
      const cookie = right.headers.get('set-cookie')!;
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Strict/);
      const jar = { cookie: cookie.split(';')[0]! };
      expect((await get(guarded.url, '/', { headers: jar })).status).toBe(200);
      expect((await get(guarded.url, '/api/dashboard/summary', { headers: jar })).status).toBe(200);
      // The sign-in cookie opens what a browser loads without a header (the page, its API, the
      // record stream), never the rest of the API, which takes the token in its header only.
      expect((await get(guarded.url, '/api/records', { headers: jar })).status).toBe(401);
      const stream = new AbortController();
      const live = await fetch(`${guarded.url}api/records/stream`, { headers: jar, signal: stream.signal });
      expect(live.status).toBe(200);
      stream.abort();
      const bearer = { authorization: `Bearer ${TOKEN}` };
      expect((await get(guarded.url, '/api/dashboard/records', { headers: bearer })).status).toBe(200);
      // An open redirect is not possible through `next`.
      const away = await get(guarded.url, '/login', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `token=${TOKEN}&next=${encodeURIComponent('//evil.example/')}`,
        redirect: 'manual',
      });
      expect(away.headers.get('location')).toBe('/');
    });

    it('streams records stored by another process to /api/records/stream', async () => {
      const ac = new AbortController();
      const res = await fetch(`${open.url}api/records/stream`, { signal: ac.signal });
      const reader = res.body!.getReader();
      const store = await other();
      await store.insertRecord(record('live', { title: 'Live one' }));
      await store.close();
      await open.watcher.poll();
      let text = '';
      const dec = new TextDecoder();
      while (!text.includes('event: record')) text += dec.decode((await reader.read()).value);
      expect(text).toContain('id: live');
      ac.abort();
    });
  },
);
