/**
 * The demo archive behind `seizurewatch ui --demo`: the golden DW feed scanned through the real
 * pipeline (as `demo` does), plus the short port-seizure articles written for the project's
 * story-clustering tests (tests/fixtures/cluster: fictional outlets, several stories told by
 * several outlets, one in German and one in Spanish) and tests/fixtures/dashboard-demo (an
 * outlet that disagrees with DW on a figure), extracted and grouped into stories by the
 * alerts stage. Alerts go to three local receivers on 127.0.0.1 that answer 200, 503 and 410,
 * so the alerts view shows delivered, retrying and failed deliveries. Nothing leaves the machine.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createAlerter } from '../alerts/index.ts';
import { readCorpusDir, recordOfCorpusArticle } from '../cluster/corpus.ts';
import { parseConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { runScan } from '../pipeline/run-scan.ts';
import { isoToMs } from '../records/store.ts';
import { openStore } from '../store/index.ts';
import type { ArticleRecord } from '../types.ts';
import { GOLDEN_DIR, startGoldenServer } from './golden-server.ts';

/** The story-clustering fixtures the demo adds to the DW articles. */
export const DEMO_STORY_DIRS = [
  ...['port-stories', 'held-out'].map((d) => path.resolve(GOLDEN_DIR, '../cluster', d)),
  path.resolve(GOLDEN_DIR, '../dashboard-demo'),
];

interface Receivers {
  url: string;
  close(): Promise<void>;
}

/** Three alert receivers: /desk answers 200, /night 503 (retried), /archive 410 (final). */
async function startReceivers(): Promise<Receivers> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      if (req.url === '/desk') res.writeHead(200).end('ok');
      else if (req.url === '/night') res.writeHead(503).end('night desk offline');
      else res.writeHead(410).end('this hook was retired');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface DashboardDemoResult {
  /** The store folder (`ui --store` reads it). */
  storeDir: string;
  records: number;
}

/**
 * Fill `dir` (empty or new) with the demo archive; with `storeUrl`, store it in that PostgreSQL
 * database instead (empty or new; `dir` keeps the NDJSON output).
 */
export async function seedDashboardDemo(
  dir: string,
  options: { logger: Logger; progress?: (line: string) => void; storeUrl?: string },
): Promise<DashboardDemoResult> {
  const progress = options.progress ?? (() => {});
  const site = await startGoldenServer();
  const receivers = await startReceivers();
  const storeDir = path.join(dir, 'store');
  try {
    const config = parseConfig(
      {
        feeds: [{ id: 'dw-demo', url: site.feedUrl, name: 'DW (demo, local copy)' }],
        output: { ndjson: path.join(dir, 'records.ndjson') },
        store: { dir: storeDir, ...(options.storeUrl ? { url: options.storeUrl } : {}) },
        fetch: { allowPrivateNetworks: true, minHostGapMs: 50 },
        log: { level: 'warn' },
        alerts: {
          channels: [
            { name: 'desk', type: 'webhook', url: `${receivers.url}/desk` },
            { name: 'night-desk', type: 'slack', url: `${receivers.url}/night`, minIntervalMs: 0 },
            { name: 'old-archive', type: 'webhook', url: `${receivers.url}/archive` },
          ],
          rules: [
            { name: 'all-seizures', when: { seizureStory: true }, channels: ['desk'] },
            { name: 'tonne-hauls', when: { minKg: 1000 }, channels: ['night-desk'] },
            {
              name: 'cocaine-archive',
              when: { drugs: ['cocaine'], flags: ['haul'] },
              channels: ['old-archive'],
            },
          ],
          delivery: {
            initialBackoffMs: 100,
            maxBackoffMs: 200,
            inlineRetryWindowMs: 500,
            expireAfterMs: '24h',
          },
        },
      },
      'ui --demo',
    );
    progress('scanning the DW demo feed (local copy) ...\n');
    await runScan(config, { force: true, logger: options.logger });

    progress('adding the story-clustering articles (tests/fixtures/cluster) ...\n');
    const articles = DEMO_STORY_DIRS.flatMap((d) => readCorpusDir(d));
    const records: ArticleRecord[] = articles.map((a) => recordOfCorpusArticle(a));
    const time = (r: ArticleRecord) => isoToMs(r.published) ?? Number.POSITIVE_INFINITY;
    records.sort((a, b) => time(a) - time(b) || (a.id < b.id ? -1 : 1));
    const store = await openStore({ dir: storeDir, url: options.storeUrl }, {});
    const alerter = createAlerter(config.alerts, { state: store.alerts, logger: options.logger });
    try {
      for (const r of records) {
        if (await store.insertRecord(r)) await alerter.onRecord(r);
        await store.markEmitted(r.id);
      }
      await alerter.close();
      return { storeDir, records: await store.countRecords() };
    } finally {
      await store.close();
    }
  } finally {
    await receivers.close();
    await site.close();
  }
}
