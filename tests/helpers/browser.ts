/**
 * Headless Chromium for browser tests and the UI bench: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser download). `.ci/run` installs chromium with
 * apt-get when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { ROOT } from './paths.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

/** Build the dashboard's assets when they are not there (npm ci builds them). */
export function ensureUiBuilt(): void {
  if (existsSync(path.join(ROOT, 'dist/ui/index.html'))) return;
  execFileSync('npm', ['run', '--silent', 'build:ui'], { cwd: ROOT, stdio: 'inherit' });
}

export interface TestBrowser {
  browser: Browser;
  /** A new context (own cookies and cache) at this viewport size. */
  context(width?: number, height?: number): Promise<BrowserContext>;
  close(): Promise<void>;
}

/** Playwright starts Chromium on a fresh temporary profile of its own, removed on close. */
export async function launchBrowser(): Promise<TestBrowser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  return {
    browser,
    context: (width = 1280, height = 900) => browser.newContext({ viewport: { width, height } }),
    close: () => browser.close(),
  };
}

/** The page's DOM, as far as {@link uncoveredSpot} uses it inside the browser. */
declare const document: {
  querySelector(selector: string): unknown;
  elementFromPoint(x: number, y: number): unknown;
};

/**
 * A viewport point inside the circle `selector` where that circle is the topmost element (its
 * centre first, then two rings of spots around it), or null when every spot is covered by
 * another mark: the mouse must land on the point itself, and nearby ports (Rotterdam next to
 * Antwerp) draw larger points that overlap it.
 */
export async function uncoveredSpot(page: Page, selector: string): Promise<{ x: number; y: number } | null> {
  const box = await page.locator(selector).boundingBox();
  if (!box) return null;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const r = Math.min(box.width, box.height) / 2;
  const spots = [{ x: cx, y: cy }];
  for (const f of [0.4, 0.75])
    for (let a = 0; a < 16; a++)
      spots.push({
        x: cx + f * r * Math.cos((a * Math.PI) / 8),
        y: cy + f * r * Math.sin((a * Math.PI) / 8),
      });
  const hit = await page.evaluate(
    ([sel, list]) => {
      const el = document.querySelector(sel);
      return list.findIndex((p) => document.elementFromPoint(p.x, p.y) === el);
    },
    [selector, spots] as const,
  );
  return hit >= 0 ? spots[hit]! : null;
}
