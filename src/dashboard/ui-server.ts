/**
 * `seizurewatch ui`: the dashboard over the embedded store or a shared PostgreSQL store, with no
 * Redis. The same HTTP server as `serve` (src/service/http.ts: same token rules, same
 * `/api/records` and live stream), minus the queues; the live stream is fed by watching the
 * store for records other processes store.
 */
import { SeizurewatchError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ServiceConfig } from '../service/config.ts';
import { startHttpServer } from '../service/http.ts';
import { createMetrics } from '../service/metrics.ts';
import { RecordBus } from '../service/record-bus.ts';
import { openStore } from '../store/index.ts';
import { type StoreWatcher, watchStore } from './live.ts';
import { openDashboard } from './open.ts';
import type { DashboardQueries } from './queries.ts';

export interface UiServerOptions {
  /** The embedded store's folder (used when there is no `storeUrl`). */
  storeDir: string;
  /** A PostgreSQL store (postgres://...): its dashboard index (migration 3) instead of SQLite. */
  storeUrl?: string | undefined;
  http: ServiceConfig['http'];
  /** The API token (from `http.tokenEnv`), if any. */
  token: string | undefined;
  logger: Logger;
  /** How often to look for new records (default 1000 ms). */
  pollMs?: number;
}

export interface UiServer {
  /** The dashboard's address, e.g. http://127.0.0.1:8787/ */
  url: string;
  /** The store's location, for logs (a folder, or the database URL without its password). */
  storeLocation: string;
  queries: DashboardQueries;
  watcher: StoreWatcher;
  close(): Promise<void>;
}

export async function startUiServer(opts: UiServerOptions): Promise<UiServer> {
  const store = await openStore({ dir: opts.storeDir, url: opts.storeUrl }, {});
  let queries: (DashboardQueries & { sync(): Promise<number> | number }) | null = null;
  let watcher: StoreWatcher | null = null;
  try {
    queries = await openDashboard(store, opts.storeDir);
    const indexed = await queries.sync();
    if (indexed > 0) opts.logger.info({ records: indexed }, 'dashboard index brought up to date');
    const bus = new RecordBus();
    watcher = await watchStore(queries, bus, { intervalMs: opts.pollMs ?? 1000, logger: opts.logger });
    const q = queries;
    const server = await startHttpServer({
      config: opts.http,
      token: opts.token,
      logger: opts.logger,
      metrics: createMetrics(),
      store,
      queues: [],
      bus,
      readiness: async () => {
        try {
          await q.latestCursor();
          return { ready: true, checks: { store: { ok: true } } };
        } catch (err) {
          return { ready: false, checks: { store: { ok: false, detail: (err as Error).message } } };
        }
      },
      dashboard: q,
    }).catch((err: unknown) => {
      if ((err as { code?: string }).code === 'EADDRINUSE') {
        throw new SeizurewatchError(
          'INPUT_INVALID',
          `port ${opts.http.port} on ${opts.http.host} is in use: pass --port N (0 picks a free one)`,
        );
      }
      throw err;
    });
    const w = watcher;
    return {
      url: `${server.url}/`,
      storeLocation: store.kind === 'postgres' ? store.location : opts.storeDir,
      queries: q,
      watcher: w,
      async close() {
        w.stop();
        await server.close();
        await q.close();
        await store.close();
      },
    };
  } catch (err) {
    watcher?.stop();
    await queries?.close();
    await store.close();
    throw err;
  }
}
