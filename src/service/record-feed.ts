/**
 * Newly stored records, seen by every `serve` process: the process that stored a record
 * publishes its id on a Redis channel, and every process (itself included) reads the record
 * from the shared store and hands it to its local RecordBus, which feeds `/api/records/stream`.
 * Live only: a listener connected while Redis was away misses what was stored meanwhile (the
 * records are in the store all the same; `/api/records` pages them).
 */
import type { Redis } from 'ioredis';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { ArticleRecord } from '../types.ts';
import type { RecordBus } from './record-bus.ts';

/** The channel name (within the deployment's prefix, so its hash tag too). */
export function recordsChannel(prefix: string): string {
  return `${prefix}:records:stored`;
}

export interface RecordFeed {
  /** Tell every process a record was stored. */
  announce(record: ArticleRecord): Promise<void>;
  close(): Promise<void>;
}

export async function startRecordFeed(o: {
  publisher: Redis;
  subscriber: Redis;
  prefix: string;
  store: Store;
  bus: RecordBus;
  logger: Logger;
}): Promise<RecordFeed> {
  const channel = recordsChannel(o.prefix);
  o.subscriber.on('message', (ch: string, id: string) => {
    if (ch !== channel || o.bus.listenerCount === 0) return;
    o.store.getRecord(id).then(
      (record) => {
        if (record) o.bus.publish(record);
      },
      (err: unknown) => o.logger.warn({ err, recordId: id }, 'cannot read a record announced as stored'),
    );
  });
  await o.subscriber.subscribe(channel);
  return {
    async announce(record) {
      await o.publisher.publish(channel, record.id);
    },
    async close() {
      await o.subscriber.unsubscribe(channel).catch(() => undefined);
    },
  };
}
