/**
 * Stage 3: keep a record. Stored once (idempotent by id) together with the "seen" marks of the
 * item it came from, in one transaction; then, only when it was new, appended to the NDJSON
 * output and handed to the alerter, and marked emitted. A record stored but not emitted (the
 * process died in between) is emitted by {@link emitPending} on the next run.
 */
import type { ArticleRecord, FeedItem } from '../types.ts';
import { nowOf, type PipelineDeps } from './deps.ts';

export interface StoreResult {
  /** True when the store did not have this record id before. */
  isNew: boolean;
  /** The alerter failed (the record is stored and written all the same). */
  alertError?: unknown;
}

async function emit(record: ArticleRecord, deps: PipelineDeps): Promise<unknown> {
  await deps.sink?.write(record);
  let alertError: unknown;
  if (deps.alerter) {
    try {
      await deps.alerter.onRecord(record);
    } catch (err) {
      alertError = err;
      deps.logger.warn({ err, recordId: record.id, url: record.url }, 'alerter failed');
    }
  }
  await deps.store.markEmitted(record.id);
  return alertError;
}

/**
 * Store a record; when it is new, append it to the NDJSON sink and call the alerter. The item's
 * URLs (feed link and the record's canonical URL) and GUID are marked seen in the same
 * transaction, so the item is not fetched again.
 */
export async function storeRecord(
  record: ArticleRecord,
  deps: PipelineDeps,
  item?: FeedItem | null,
): Promise<StoreResult> {
  const seen = [];
  if (item) seen.push({ url: item.url, feedId: item.feedId, guid: item.guid });
  if (record.url && record.url !== item?.url)
    seen.push({ url: record.url, feedId: item?.feedId ?? null, guid: null });
  const isNew = await deps.store.insertRecord(record, seen, nowOf(deps));
  if (!isNew || deps.emit === 'deferred') return { isNew };
  const alertError = await emit(record, deps);
  return alertError === undefined ? { isNew } : { isNew, alertError };
}

/** Emit records stored but never emitted (crash recovery). Returns how many. */
export async function emitPending(deps: PipelineDeps): Promise<number> {
  let count = 0;
  for (;;) {
    const pending = await deps.store.unemittedRecords(500);
    for (const record of pending) await emit(record, deps);
    count += pending.length;
    if (pending.length < 500) break;
  }
  if (count) deps.logger.info({ count }, 'emitted records left over from an interrupted run');
  return count;
}
