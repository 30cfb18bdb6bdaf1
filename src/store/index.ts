/**
 * Open the store the config names: the embedded SQLite files under `store.dir` (the default), or
 * a shared PostgreSQL database when `store.url` (or, without it, DATABASE_URL) is set.
 */
import { ConfigError } from '../errors.ts';
import { SqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export { SqliteAlertState, SqliteStore } from './sqlite.ts';
export type * from './types.ts';

export interface StoreSettings {
  dir: string;
  url?: string | undefined;
  /** PostgreSQL only: wait this long for the server at open (default 0: one try). */
  waitMs?: number | undefined;
}

const PG_URL = /^postgres(ql)?:\/\/\S+$/;

/** The PostgreSQL URL to use, or null for the embedded SQLite store. */
export function resolveStoreUrl(
  settings: StoreSettings,
  env: NodeJS.ProcessEnv = process.env,
): string | null {
  if (settings.url) return settings.url;
  const fromEnv = env.DATABASE_URL?.trim();
  if (!fromEnv) return null;
  if (!PG_URL.test(fromEnv)) {
    throw new ConfigError('DATABASE_URL', [
      { path: 'DATABASE_URL', message: 'must be a postgres:// or postgresql:// URL' },
    ]);
  }
  return fromEnv;
}

/** Open (creating or migrating if needed) the configured store. */
export async function openStore(
  settings: StoreSettings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Store> {
  const url = resolveStoreUrl(settings, env);
  if (url) {
    const [{ PostgresStore, redactDatabaseUrl }, { waitForPostgres }] = await Promise.all([
      import('./postgres.ts'),
      import('./pg-wait.ts'),
    ]);
    await waitForPostgres(url, settings.waitMs ?? 0, redactDatabaseUrl(url));
    return PostgresStore.open(url);
  }
  return SqliteStore.open(settings.dir);
}
