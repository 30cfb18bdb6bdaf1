/**
 * `seizurewatch ui`: the dashboard over the embedded store, with no Redis. The same HTTP server
 * as `serve` (src/service/http.ts: same token rules, same `/api/records` and live stream), minus
 * the queues; the live stream is fed by watching the store for records other processes store.
 */
import { SeizurewatchError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { ServiceConfig } from '../service/config.ts';
import { startHttpServer } from '../service/http.ts';
import { createMetrics } from '../service/metrics.ts';
import { RecordBus } from '../service/record-bus.ts';
import { SqliteStore } from '../store/sqlite.ts';
import { type StoreWatcher, watchStore } from './live.ts';
import { openSqliteDashboard, type SqliteDashboardQueries } from './sqlite-queries.ts';

export interface UiServerOptions {
  storeDir: string;
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
  queries: SqliteDashboardQueries;
  watcher: StoreWatcher;
  close(): Promise<void>;
}

export async function startUiServer(opts: UiServerOptions): Promise<UiServer> {
  const store = SqliteStore.open(opts.storeDir);
  let queries: SqliteDashboardQueries | null = null;
  let watcher: StoreWatcher | null = null;
  try {
    queries = openSqliteDashboard(opts.storeDir);
    const indexed = queries.sync();
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
