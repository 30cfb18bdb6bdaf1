/**
 * `npm run screenshots`: the README's pictures of the dashboard (docs/img/dashboard-*.png),
 * taken in headless Chromium on the demo archive of `ui --demo`. Squeezed with pngquant when it
 * is installed (apt-get install pngquant).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startUiServer } from '../src/dashboard/ui-server.ts';
import { seedDashboardDemo } from '../src/demo/dashboard-demo.ts';
import { silentLogger } from '../src/log.ts';
import { ensureUiBuilt, launchBrowser } from '../tests/helpers/browser.ts';
import { ROOT } from '../tests/helpers/paths.ts';

const OUT = path.join(ROOT, 'docs', 'img');

interface Shot {
  name: string;
  query: string;
  width: number;
  height: number;
  /** Run in the page before the picture. */
  prepare?: (page: import('playwright-core').Page) => Promise<void>;
}

const SHOTS: Shot[] = [
  {
    name: 'dashboard-overview',
    query: '',
    width: 1280,
    height: 860,
    prepare: async (page) => {
      const p = page.locator('circle.point[data-place="Rotterdam"][data-drug="cocaine"]');
      const box = (await p.boundingBox())!;
      await page.mouse.move(box.x + box.width * 0.88, box.y + box.height / 2);
      await page.locator('.tip').waitFor();
    },
  },
  {
    name: 'dashboard-record',
    query: '?record=c973179eabd3e9de&figure=0',
    width: 1280,
    height: 1180,
    prepare: async (page) => {
      await page.locator('mark.evidence.current').waitFor();
      await page.waitForTimeout(900);
      // The record from its headline down to the highlighted evidence.
      await page.locator('.records-panel').evaluate((el) => el.scrollTo({ top: 0 }));
    },
  },
  {
    name: 'dashboard-stories',
    query: '?view=stories',
    width: 1280,
    height: 860,
    prepare: async (page) => {
      await page.locator('.conflict').first().waitFor();
      await page.locator('.stories-view').scrollIntoViewIfNeeded();
    },
  },
  {
    name: 'dashboard-alerts',
    query: '?view=alerts',
    width: 1280,
    height: 700,
    prepare: async (page) => {
      await page.locator('table.deliveries').waitFor();
      await page.locator('.alerts-view').scrollIntoViewIfNeeded();
    },
  },
  { name: 'dashboard-phone', query: '', width: 390, height: 844 },
];

async function main() {
  ensureUiBuilt();
  mkdirSync(OUT, { recursive: true });
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-shots-'));
  const { storeDir } = await seedDashboardDemo(dir, { logger: silentLogger });
  const server = await startUiServer({
    storeDir,
    http: {
      enabled: true,
      host: '127.0.0.1',
      port: 0,
      tokenEnv: 'SEIZUREWATCH_SCREENSHOTS_NO_TOKEN',
      allowedHosts: [],
      trustProxy: false,
    },
    token: undefined,
    logger: silentLogger,
  });
  const chrome = await launchBrowser();
  try {
    for (const shot of SHOTS) {
      const context = await chrome.context(shot.width, shot.height);
      const page = await context.newPage();
      await page.goto(`${server.url}${shot.query}`);
      await page.waitForSelector('html[data-ready="1"]');
      await page.waitForTimeout(1800); // the finer map shapes load after the first paint
      await shot.prepare?.(page);
      await page.waitForTimeout(600);
      const file = path.join(OUT, `${shot.name}.png`);
      await page.screenshot({ path: file });
      await context.close();
      try {
        execFileSync('pngquant', ['--force', '--skip-if-larger', '--quality=70-95', '--output', file, file]);
      } catch {}
      process.stdout.write(`${path.relative(ROOT, file)}  ${(statSync(file).size / 1024).toFixed(0)} KiB\n`);
    }
  } finally {
    await chrome.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`screenshots failed: ${(err as Error).stack ?? err}\n`);
  process.exit(1);
});
