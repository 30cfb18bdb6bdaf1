/**
 * `seizurewatch demo`: the whole pipeline, offline, on the golden DW feed served from
 * 127.0.0.1, with a temporary store. Private networks are allowed for this local server only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseConfig } from '../config.ts';
import type { Logger } from '../log.ts';
import { runScan, type ScanEvent, type ScanSummary } from '../pipeline/run-scan.ts';
import type { ArticleRecord } from '../types.ts';
import { startGoldenServer } from './golden-server.ts';

export interface DemoResult {
  /** New records in feed order. */
  records: ArticleRecord[];
  summary: ScanSummary;
}

export interface DemoOptions {
  logger?: Logger;
  onEvent?: (event: ScanEvent) => void;
  /** Keep the temporary store and NDJSON (printed path) instead of deleting them. */
  keep?: boolean;
}

export async function runDemo(options: DemoOptions = {}): Promise<DemoResult & { dir: string }> {
  const server = await startGoldenServer();
  const dir = mkdtempSync(path.join(tmpdir(), 'seizurewatch-demo-'));
  try {
    const config = parseConfig(
      {
        feeds: [{ id: 'dw-demo', url: server.feedUrl, name: 'DW (demo, local copy)' }],
        output: { ndjson: path.join(dir, 'records.ndjson') },
        store: { dir: path.join(dir, 'store') },
        fetch: { allowPrivateNetworks: true, minHostGapMs: 50 },
        log: { level: 'warn' },
      },
      'demo',
    );
    const byUrl = new Map<string, ArticleRecord>();
    const order: string[] = [];
    const summary = await runScan(config, {
      dryRun: true,
      force: true,
      ...(options.logger ? { logger: options.logger } : {}),
      onEvent: (event) => {
        if (event.type === 'feed') order.push(...event.result.items.map((i) => i.url));
        if (event.type === 'item-stored' && event.isNew) byUrl.set(event.item.url, event.record);
        options.onEvent?.(event);
      },
    });
    const records = order.map((u) => byUrl.get(u)).filter((r): r is ArticleRecord => r !== undefined);
    return { records, summary, dir };
  } finally {
    await server.close();
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
}
