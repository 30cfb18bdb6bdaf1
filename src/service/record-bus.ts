/**
 * In-process fan-out of newly stored records to live listeners (`/api/records/stream`). The
 * store worker publishes after a record is durably stored; a slow listener never blocks it.
 */
import { EventEmitter } from 'node:events';
import type { ArticleRecord } from '../types.ts';

export class RecordBus {
  private readonly emitter = new EventEmitter();

  constructor() {
    this.emitter.setMaxListeners(0);
  }

  publish(record: ArticleRecord): void {
    this.emitter.emit('record', record);
  }

  /** Listen for new records; returns the unsubscribe function. */
  subscribe(listener: (record: ArticleRecord) => void): () => void {
    this.emitter.on('record', listener);
    return () => this.emitter.off('record', listener);
  }

  get listenerCount(): number {
    return this.emitter.listenerCount('record');
  }
}
