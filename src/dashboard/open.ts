/**
 * The dashboard's queries for an open store, of the store's kind: SQLite's index beside the
 * embedded store (sqlite-queries.ts), or the dash_* tables of a PostgreSQL store (pg-queries.ts).
 * Used by `serve` and `ui`; each implementation is loaded only when its store is used.
 */
import { SeizurewatchError } from '../errors.ts';
import type { Store } from '../store/types.ts';
import type { DashboardQueries } from './queries.ts';

/** The dashboard's queries over an open store: its own index beside the store, of the store's kind. */
export async function openDashboard(
  store: Store,
  storeDir: string,
): Promise<DashboardQueries & { sync(): Promise<number> | number }> {
  if (store.kind === 'postgres') {
    const [{ PostgresStore }, { PgDashboardQueries }] = await Promise.all([
      import('../store/postgres.ts'),
      import('./pg-queries.ts'),
    ]);
    if (!(store instanceof PostgresStore))
      throw new SeizurewatchError('STORE_FAILED', 'dashboard: not a PostgresStore');
    return PgDashboardQueries.open(store.pool);
  }
  const { openSqliteDashboard } = await import('./sqlite-queries.ts');
  return openSqliteDashboard(storeDir);
}
