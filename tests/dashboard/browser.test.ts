/**
 * The dashboard in a real headless Chromium (Debian's /usr/bin/chromium through playwright-core),
 * served by `ui` over the demo archive (`ui --demo`'s seed: the golden DW feed scanned by the
 * pipeline, the story-clustering articles, alerts to local receivers). One browser for the file;
 * each test opens its own context and fails on any console error or uncaught page error.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type UiServer } from '../../src/dashboard/ui-server.ts';
import { seedDashboardDemo } from '../../src/demo/dashboard-demo.ts';
import { silentLogger } from '../../src/log.ts';
import { openStore } from '../../src/records/store.ts';
import type { ArticleRecord } from '../../src/types.ts';
import {
  chromiumAvailable,
  ensureUiBuilt,
  launchBrowser,
  type TestBrowser,
  uncoveredSpot,
} from '../helpers/browser.ts';
import { testRecord, testSeizure } from '../helpers/records.ts';

// The callbacks of page.evaluate and waitForFunction run in the page: its globals, typed as used.
interface PageNode {
  textContent: string | null;
}
declare const document: {
  querySelector(selector: string): PageNode | null;
  querySelectorAll(selector: string): ArrayLike<PageNode> & Iterable<PageNode>;
  documentElement: { scrollWidth: number };
};
declare const window: { innerWidth: number };
declare const location: { href: string };

const EVIDENCE_116 = 'In 2023, a record 116 tons of cocaine were seized in the port city.';
const require = createRequire(import.meta.url);

// In CI chromium must be there (.ci/run installs it); elsewhere the suite says why it is skipped.
const haveChromium = chromiumAvailable();
if (!haveChromium && process.env.CI)
  throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');
if (!haveChromium) process.stderr.write('browser tests skipped: /usr/bin/chromium not found\n');

function liveRecord(): ArticleRecord {
  const evidence =
    'Officers seized 2.2 tonnes of cocaine hidden in a shipment of pineapples in Valencia on Monday.';
  return testRecord('live-valencia-test', {
    url: 'https://quaynews.example/valencia-cocaine',
    source: { id: 'quay-news', name: 'Quay News' },
    title: 'Guardia Civil seize 2.2 tonnes of cocaine in Valencia port',
    published: new Date().toISOString(),
    text: evidence,
    seizures: [
      testSeizure({
        amount: { value: 2.2, unit: 't' },
        kg: 2200,
        location: 'Valencia',
        country: 'ES',
        evidence,
      }),
    ],
    places: [{ name: 'Valencia', kind: 'port', country: 'ES', lat: 39.45, lon: -0.32 }],
  });
}

describe.skipIf(!haveChromium)('dashboard in Chromium', () => {
  let dir: string;
  let storeDir: string;
  let server: UiServer;
  let chrome: TestBrowser;
  const opened: Array<{ context: BrowserContext; problems: string[] }> = [];

  beforeAll(async () => {
    ensureUiBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'sw-dash-browser-'));
    ({ storeDir } = await seedDashboardDemo(dir, { logger: silentLogger }));
    server = await startUiServer({
      storeDir,
      http: {
        enabled: true,
        host: '127.0.0.1',
        port: 0,
        tokenEnv: 'SEIZUREWATCH_API_TOKEN',
        allowedHosts: [],
        trustProxy: false,
      },
      token: undefined,
      logger: silentLogger,
      pollMs: 200,
    });
    chrome = await launchBrowser();
  }, 180_000);

  afterAll(async () => {
    await chrome?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.context.close();
      expect(o.problems, 'console errors and page errors').toEqual([]);
    }
  });

  /** A page in a fresh context, its console errors collected; waits for the first data. */
  async function openPage(query = '', width = 1280, height = 900, options: { bypassCSP?: boolean } = {}) {
    const context = await chrome.browser.newContext({ viewport: { width, height }, ...options });
    const problems: string[] = [];
    opened.push({ context, problems });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    await page.goto(`${server.url}${query}`);
    await page.waitForSelector('html[data-ready="1"]', { timeout: 20_000 });
    return page;
  }

  const recordCount = async (page: Page) =>
    (await page.locator('[data-testid="records-count"]').textContent()) ?? '';

  it('shows the Antwerp 116 t point on the map; it opens the DW record with the evidence highlighted', async () => {
    const page = await openPage();
    const antwerp = page.locator('circle.point[data-place="Antwerp"][data-drug="cocaine"]');
    expect(await antwerp.getAttribute('aria-label')).toContain('116 t of cocaine, Antwerp (BE), 2023');
    // The mouse goes to the point itself (playwright's own hover() waits forever on SVG shapes
    // here), to a spot of it that no other point covers: nearby ports (Rotterdam) overlap it.
    const spot = await uncoveredSpot(page, 'circle.point[data-place="Antwerp"][data-drug="cocaine"]');
    if (!spot) throw new Error('every spot of the Antwerp point is covered by another mark');
    await page.mouse.move(spot.x, spot.y);
    await page.locator('.tip').waitFor();
    expect(await page.locator('.tip').textContent()).toContain('116 t of cocaine');
    await page.mouse.click(spot.x, spot.y);
    // Several outlets reported figures here: the list names each; pick DW's.
    await page.locator('.picked button[data-record="c973179eabd3e9de"]').click();
    const mark = page.locator('.article-text mark.evidence.current');
    await mark.waitFor();
    expect(await mark.textContent()).toBe(EVIDENCE_116);
    await expect(page.locator('#record-title').textContent()).resolves.toBe(
      'Belgium seeks US support to battle drug smuggling',
    );
    expect(await page.locator('a.source-link').getAttribute('href')).toBe(
      'https://www.dw.com/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181',
    );
    expect(page.url()).toContain('record=c973179eabd3e9de');
    expect(page.url()).toContain('figure=0');
  });

  it('narrows the records and the map with a filter, kept in the URL', async () => {
    const page = await openPage();
    const before = {
      rows: await page.locator('.record-item').count(),
      points: await page.locator('circle.point').count(),
    };
    const total = await recordCount(page);
    await page.selectOption('select[name="country"]', 'DE');
    await page.waitForFunction(
      (t) => document.querySelector('[data-testid="records-count"]')?.textContent !== t,
      total,
    );
    await page.waitForFunction(() => !document.querySelector('circle.point[data-place="Antwerp"]'));
    const after = {
      rows: await page.locator('.record-item').count(),
      points: await page.locator('circle.point').count(),
    };
    expect(after.rows).toBeGreaterThan(0);
    expect(after.rows).toBeLessThan(before.rows);
    expect(after.points).toBeGreaterThan(0);
    expect(after.points).toBeLessThan(before.points);
    expect(page.url()).toContain('country=DE');
    // Every figure listed as matching is in Germany.
    const places = await page.locator('.record-item .fig:not(.other) .where').allInnerTexts();
    expect(places.length).toBeGreaterThan(0);
    for (const p of places) expect(p).toMatch(/\(DE\)|Germany/);
    // The shared URL opens the same view.
    const shared = await openPage(new URL(page.url()).search);
    expect(await recordCount(shared)).toBe(await recordCount(page));
    // Search narrows too, to what the API finds.
    const api = await page.request.get(`${server.url}api/dashboard/records?country=DE&q=Bremerhaven`);
    const expected = ((await api.json()) as { total: number }).total;
    expect(expected).toBeGreaterThan(0);
    expect(expected).toBeLessThan(after.rows);
    await page.fill('input[name="q"]', 'Bremerhaven');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('q') === 'Bremerhaven');
    await page.waitForFunction((n) => document.querySelectorAll('.record-item').length === n, expected);
  });

  it('shows a record stored while the page is open, without a reload', async () => {
    const page = await openPage();
    await expect(page.locator('.live.live').count()).resolves.toBe(1);
    const store = openStore(storeDir);
    try {
      expect(store.insertRecord(liveRecord())).toBe(true);
    } finally {
      store.close();
    }
    const item = page.locator('.record-item[data-record="live-valencia-test"]');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('Guardia Civil seize 2.2 tonnes of cocaine in Valencia port');
    await expect(item.locator('.new-badge').count()).resolves.toBe(1);
    await page.locator('circle.point[data-place="Valencia"]').waitFor();
  });

  it('shows stories with their outlets and the figures they disagree on, side by side', async () => {
    const page = await openPage('?view=stories');
    const story = page.locator('article.story[data-story="c973179eabd3e9de"]');
    await story.waitFor();
    expect(await story.locator('.also').textContent()).toBe('Also reported by Scheldt Herald');
    const sides = await story.locator('.side-by-side li').allInnerTexts();
    expect(sides.map((s) => s.replace(/\s+/g, ' ').trim())).toEqual(['116 t DW', '121 t Scheldt Herald']);
  });

  it('lists alert deliveries with channel, status, attempts and last error', async () => {
    const page = await openPage('?view=alerts');
    const rows = page.locator('table.deliveries tbody tr');
    await rows.first().waitFor();
    const text = await page.locator('table.deliveries').textContent();
    expect(text).toContain('desk');
    expect(text).toContain('Delivered');
    expect(text).toContain('Failed');
    expect(text).toContain('410: old-archive: receiver answered 410');
    expect(text).toContain('Retrying');
    await page.selectOption('.alerts-view select', 'failed');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('table.deliveries .badge')].every((b) => b.textContent === 'Failed'),
    );
  });

  it('exports the current filter as NDJSON and CSV', async () => {
    const page = await openPage('?drug=hashish');
    const ndjsonHref = await page.locator('a', { hasText: 'NDJSON' }).getAttribute('href');
    const csvHref = await page.locator('a', { hasText: 'CSV' }).getAttribute('href');
    const ndjson = await (await page.request.get(`${server.url.replace(/\/$/, '')}${ndjsonHref}`)).text();
    const lines = ndjson
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as ArticleRecord);
    expect(lines.length).toBeGreaterThan(0);
    for (const r of lines) expect(r.seizures.some((s) => s.drug === 'hashish')).toBe(true);
    const csv = await (await page.request.get(`${server.url.replace(/\/$/, '')}${csvHref}`)).text();
    const rows = csv.trim().split('\r\n');
    expect(rows[0]).toMatch(/^record_id,published,outlet,/);
    expect(rows.length - 1).toBe(
      lines.reduce((n, r) => n + r.seizures.filter((s) => s.drug === 'hashish').length, 0),
    );
  });

  it('has no serious or critical accessibility violations (axe-core) in each view', async () => {
    const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    const problems: string[] = [];
    for (const query of ['', '?record=c973179eabd3e9de&figure=0', '?view=stories', '?view=alerts']) {
      const page = await openPage(query, 1280, 900, { bypassCSP: true });
      if (query.includes('record=')) await page.locator('mark.evidence.current').waitFor();
      if (query.includes('stories')) await page.locator('article.story').first().waitFor();
      if (query.includes('alerts')) await page.locator('table.deliveries').waitFor();
      await page.addScriptTag({ content: axeSource });
      const result = (await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (o: unknown) => Promise<unknown> } }).axe;
        return axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
      })) as {
        passes: unknown[];
        violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
      };
      expect(result.passes.length, 'axe ran its rules').toBeGreaterThan(10);
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          problems.push(
            `${query || '/'}: ${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('works at 390 px wide: no sideways scrolling, map, timeline and records usable', async () => {
    const page = await openPage('', 390, 844);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const sel of ['svg.map', 'svg.timeline', '.record-item']) {
      const box = await page.locator(sel).first().boundingBox();
      expect(box, sel).not.toBeNull();
      expect(box!.width).toBeGreaterThan(200);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    // The filters fold away on a phone and open on demand.
    await page.locator('details.filters > summary').click();
    await page.selectOption('select[name="drug"]', 'cannabis');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('drug') === 'cannabis');
    await page.locator('.record-item button.link').first().click();
    await page.locator('#record-title').waitFor();
    const overflowDetail = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflowDetail).toBeLessThanOrEqual(0);
  });

  it('works at 1280 px wide: map, timeline and records side by side', async () => {
    const page = await openPage('', 1280, 900);
    const map = (await page.locator('svg.map').boundingBox())!;
    const list = (await page.locator('.records-panel').boundingBox())!;
    expect(list.x).toBeGreaterThan(map.x + map.width - 1);
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
    ).toBeLessThanOrEqual(0);
    // A drag across the timeline sets the date range of every view.
    await page.locator('svg.timeline').scrollIntoViewIfNeeded();
    const tl = (await page.locator('svg.timeline').boundingBox())!;
    await page.mouse.move(tl.x + tl.width * 0.85, tl.y + tl.height / 2);
    await page.mouse.down();
    await page.mouse.move(tl.x + tl.width - 12, tl.y + tl.height / 2, { steps: 4 });
    await page.mouse.up();
    await page.waitForFunction(() => new URL(location.href).searchParams.has('since'));
    const url = new URL(page.url());
    expect(url.searchParams.get('until')! >= url.searchParams.get('since')!).toBe(true);
  });
});
