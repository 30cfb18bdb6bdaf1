/**
 * The dashboard in a real headless Chromium over a PostgreSQL store: `ui` (the same HTTP server
 * and routes as `serve --role api`) on a database of the test's own, seeded with the demo
 * archive through the real pipeline and alerts. The map point opens the record with its evidence;
 * a record stored by another process (another connection pool) appears without a reload.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startUiServer, type UiServer } from '../../src/dashboard/ui-server.ts';
import { seedDashboardDemo } from '../../src/demo/dashboard-demo.ts';
import { silentLogger } from '../../src/log.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import {
  chromiumAvailable,
  ensureUiBuilt,
  launchBrowser,
  type TestBrowser,
  uncoveredSpot,
} from '../helpers/browser.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { testRecord, testSeizure } from '../helpers/records.ts';

const EVIDENCE_116 = 'In 2023, a record 116 tons of cocaine were seized in the port city.';

const haveChromium = chromiumAvailable();
if (!haveChromium && process.env.CI)
  throw new Error('/usr/bin/chromium is missing (apt-get install chromium)');
if (!haveChromium) process.stderr.write('browser tests skipped: /usr/bin/chromium not found\n');

describe.skipIf(!haveChromium)('dashboard in Chromium over PostgreSQL', () => {
  let dir: string;
  let db: TestDatabase;
  let server: UiServer;
  let chrome: TestBrowser;
  const opened: Array<{ context: BrowserContext; problems: string[] }> = [];

  beforeAll(async () => {
    ensureUiBuilt();
    dir = mkdtempSync(path.join(tmpdir(), 'sw-dash-browser-pg-'));
    db = await createTestDatabase('sw_dash_browser');
    await seedDashboardDemo(dir, { logger: silentLogger, storeUrl: db.url });
    server = await startUiServer({
      storeDir: path.join(dir, 'unused'),
      storeUrl: db.url,
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
    await db?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    for (const o of opened.splice(0)) {
      await o.context.close();
      expect(o.problems, 'console errors and page errors').toEqual([]);
    }
  });

  async function openPage(query = '') {
    const context = await chrome.context(1280, 900);
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

  it('shows the Antwerp 116 t point; it opens the DW record with the evidence highlighted', async () => {
    const page = await openPage();
    const antwerp = page.locator('circle.point[data-place="Antwerp"][data-drug="cocaine"]');
    expect(await antwerp.getAttribute('aria-label')).toContain('116 t of cocaine, Antwerp (BE), 2023');
    // The mouse goes to a spot of the point that no other point covers (Rotterdam overlaps it).
    const spot = await uncoveredSpot(page, 'circle.point[data-place="Antwerp"][data-drug="cocaine"]');
    if (!spot) throw new Error('every spot of the Antwerp point is covered by another mark');
    await page.mouse.move(spot.x, spot.y);
    await page.locator('.tip').waitFor();
    expect(await page.locator('.tip').textContent()).toContain('116 t of cocaine');
    await page.mouse.click(spot.x, spot.y);
    await page.locator('.picked button[data-record="c973179eabd3e9de"]').click();
    const mark = page.locator('.article-text mark.evidence.current');
    await mark.waitFor();
    expect(await mark.textContent()).toBe(EVIDENCE_116);
    await expect(page.locator('#record-title').textContent()).resolves.toBe(
      'Belgium seeks US support to battle drug smuggling',
    );
    // The story view reads the clusters the alerts stage stored in PostgreSQL.
    await page.goto(`${server.url}?view=stories`);
    const story = page.locator('article.story[data-story="c973179eabd3e9de"]');
    await story.waitFor();
    expect(await story.locator('.also').textContent()).toBe('Also reported by Scheldt Herald');
  });

  it('shows a record stored by another process while the page is open, without a reload', async () => {
    const page = await openPage();
    await expect(page.locator('.live.live').count()).resolves.toBe(1);
    const evidence = 'Officers seized 3.1 tonnes of cocaine hidden among frozen fish in Algeciras.';
    const other = await PostgresStore.open(db.url);
    try {
      const stored = await other.insertRecord(
        testRecord('live-algeciras-pg', {
          source: { id: 'strait-post', name: 'Strait Post' },
          title: 'Customs find 3.1 tonnes of cocaine among frozen fish in Algeciras',
          published: new Date().toISOString(),
          text: evidence,
          seizures: [
            testSeizure({
              amount: { value: 3.1, unit: 't' },
              kg: 3100,
              location: 'Algeciras',
              country: 'ES',
              evidence,
            }),
          ],
          places: [{ name: 'Algeciras', kind: 'port', country: 'ES', lat: 36.13, lon: -5.45 }],
        }),
      );
      expect(stored).toBe(true);
    } finally {
      await other.close();
    }
    const item = page.locator('.record-item[data-record="live-algeciras-pg"]');
    await item.waitFor({ timeout: 10_000 });
    expect(await item.textContent()).toContain('3.1 tonnes of cocaine among frozen fish');
    // The demo has hashish at Algeciras, no cocaine: this point is the new record's.
    const point = page.locator('circle.point[data-place="Algeciras"][data-drug="cocaine"]');
    await point.waitFor();
    expect(await point.getAttribute('aria-label')).toContain('3.1 t of cocaine, Algeciras (ES)');
  });
});
