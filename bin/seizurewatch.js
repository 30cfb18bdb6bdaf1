#!/usr/bin/env node
// The seizurewatch command. Runs the compiled CLI in dist/ (built by `npm run build`, and by
// `npm ci` through the `prepare` script). In a checkout, whose sources sit beside dist/, it first
// checks that dist/ is not older than them; when it is (or SEIZUREWATCH_FROM_SOURCE=1), it runs
// the TypeScript sources through tsx instead, so a stale build never runs. See docs/development.md.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli/main.ts', import.meta.url);
let entry = new URL('../dist/src/cli/main.js', import.meta.url);

if (existsSync(source)) {
  const { distState } = await import('../scripts/dist-state.mjs');
  const state = process.env.SEIZUREWATCH_FROM_SOURCE === '1' ? null : distState();
  if (!state?.fresh) {
    let tsx = null;
    try {
      tsx = await import('tsx/esm/api');
    } catch {
      // No devDependencies here (npm ci --omit=dev): only dist/ can run.
    }
    const why = state ? state.reason : 'SEIZUREWATCH_FROM_SOURCE=1';
    if (tsx) {
      tsx.register();
      entry = source;
      // Only people read this: scripts and tests parse stderr.
      if (state && process.stderr.isTTY) {
        process.stderr.write(`seizurewatch: ${why}: running the sources (npm run build to refresh)\n`);
      }
    } else if (existsSync(entry)) {
      process.stderr.write(`seizurewatch: ${why}, and tsx is not installed: running the old build\n`);
    } else {
      process.stderr.write(`seizurewatch: ${why}: run \`npm run build\` (or \`npm ci\`) first\n`);
      process.exit(1);
    }
  }
}

const { main } = await import(entry.href);
await main(process.argv);
