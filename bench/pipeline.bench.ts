/**
 * `npm run bench:pipeline`: articles per second through `serve` (BullMQ workers on the local
 * Redis, in this process) against the same number of articles through `scan` (in process, no
 * Redis), in one run, printed as a ratio. Articles are generated and served from 127.0.0.1;
 * the extractor is warmed first so neither side pays for loading its tables.
 *
 *   npm run bench:pipeline -- [--articles 150] [--rounds 1]
 *
 * Redis: $REDIS_URL (default redis://127.0.0.1:6379), under a unique key prefix removed at the end.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type Config, parseConfig } from '../src/config.ts';
import { silentLogger } from '../src/log.ts';
import { runScan } from '../src/pipeline/index.ts';
import { startService } from '../src/service/service.ts';
import { warmUpExtractor } from '../src/service/warm-up.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from '../tests/service/helpers/redis.ts';
import { articlePage, rssFeed, type Site, startSite } from '../tests/service/helpers/site.ts';

const { values } = parseArgs({
  options: { articles: { type: 'string', default: '150' }, rounds: { type: 'string', default: '1' } },
});
const N = Number(values.articles);
const ROUNDS = Number(values.rounds);

function publish(site: Site, name: string): void {
  const urls: string[] = [];
  for (let n = 0; n < N; n++) {
    const url = `${site.base}/${name}/story-${n}`;
    urls.push(url);
    site.routes.set(`/${name}/story-${n}`, { body: articlePage(n, url) });
  }
  site.routes.set(`/${name}.xml`, {
    body: rssFeed(urls.map((link, n) => ({ link, title: `Story ${n}` }))),
    contentType: 'application/rss+xml',
  });
}

function configFor(dir: string, site: Site, name: string, prefix: string): Readonly<Config> {
  return parseConfig(
    {
      feeds: [{ id: name, url: `${site.base}/${name}.xml` }],
      output: { ndjson: path.join(dir, name, 'records.ndjson') },
      store: { dir: path.join(dir, name, 'store') },
      fetch: { allowPrivateNetworks: true, minHostGapMs: 0, respectRobots: false },
      service: { prefix, pollEveryMs: 3_600_000, http: { enabled: false } },
      log: { level: 'silent' },
    },
    'bench',
  );
}

function lines(file: string): number {
  try {
    return readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  } catch {
    return 0;
  }
}

async function timeScan(cfg: Readonly<Config>): Promise<number> {
  const started = performance.now();
  const summary = await runScan(cfg, { logger: silentLogger, force: true });
  const ms = performance.now() - started;
  if (summary.records.stored !== N) throw new Error(`scan stored ${summary.records.stored} of ${N}`);
  return ms;
}

async function timeServe(cfg: Readonly<Config>): Promise<number> {
  const started = performance.now();
  const svc = await startService({ config: cfg, logger: silentLogger, env: { REDIS_URL } });
  try {
    // Counted as the store worker publishes each new record: no polling of the output file.
    let stored = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`serve stored ${stored} of ${N} in 300 s`)), 300_000);
      const unsubscribe = svc.bus.subscribe(() => {
        stored += 1;
        if (stored >= N) {
          clearTimeout(timer);
          unsubscribe();
          resolve();
        }
      });
    });
    const ms = performance.now() - started;
    if (lines(cfg.output.ndjson) !== N)
      throw new Error(`serve wrote ${lines(cfg.output.ndjson)} lines, not ${N}`);
    return ms;
  } finally {
    await svc.close();
  }
}

async function main(): Promise<void> {
  const site = await startSite();
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-bench-'));
  const prefixes: string[] = [];
  warmUpExtractor(silentLogger);
  const rate = (ms: number) => (N / ms) * 1000;
  const results: { scan: number; serve: number }[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      publish(site, `scan-${r}`);
      publish(site, `serve-${r}`);
      const prefix = uniquePrefix('bench');
      prefixes.push(prefix);
      const scanMs = await timeScan(configFor(dir, site, `scan-${r}`, prefix));
      const serveMs = await timeServe(configFor(dir, site, `serve-${r}`, prefix));
      results.push({ scan: rate(scanMs), serve: rate(serveMs) });
      process.stdout.write(
        `round ${r + 1}: scan ${rate(scanMs).toFixed(1)} articles/s (${scanMs.toFixed(0)} ms), ` +
          `serve ${rate(serveMs).toFixed(1)} articles/s (${serveMs.toFixed(0)} ms)\n`,
      );
    }
  } finally {
    await site.close();
    for (const p of prefixes) await deletePrefix(p);
    rmSync(dir, { recursive: true, force: true });
  }
  const mean = (k: 'scan' | 'serve') => results.reduce((s, x) => s + x[k], 0) / results.length;
  process.stdout.write(
    `\n${N} articles, ${ROUNDS} round(s): scan ${mean('scan').toFixed(1)} articles/s, ` +
      `serve ${mean('serve').toFixed(1)} articles/s\nserve/scan ratio: ${(mean('serve') / mean('scan')).toFixed(2)}\n`,
  );
}

await main();
process.exit(0);
