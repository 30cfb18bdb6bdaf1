/**
 * Headless Chromium for browser tests and the UI bench: Debian's /usr/bin/chromium driven by
 * playwright-core (no browser download). `.ci/run` installs chromium with
 * apt-get when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type BrowserContext, chromium } from 'playwright-core';
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
