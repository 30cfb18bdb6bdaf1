/**
 * Open the store the config names: the embedded SQLite files under `store.dir` (the default), or
 * a shared PostgreSQL database when `store.url` (or DATABASE_URL) is set.
 */
import { SqliteStore } from './sqlite.ts';
import type { Store } from './types.ts';

export { SqliteAlertState, SqliteStore } from './sqlite.ts';
export type * from './types.ts';

export interface StoreSettings {
  dir: string;
}

/** Open (creating if needed) the configured store. */
export async function openStore(settings: StoreSettings): Promise<Store> {
  return SqliteStore.open(settings.dir);
}
