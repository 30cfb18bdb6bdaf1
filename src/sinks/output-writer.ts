/**
 * The NDJSON output when several processes share one config (and one store): one writer at a
 * time, by a lease in the store. The process holding the lease drains the records the store
 * has not marked emitted, in the store's order, through the exactly-once ledger, and marks them;
 * the others wait, ready to take over when the lease lapses (its holder died or lost the store).
 *
 * - Taking the lease reopens the file: a torn tail left by a killed writer is closed off and the
 *   ids already in the file are read again, so a record the last holder wrote but did not mark
 *   is marked now, not written twice.
 * - The lease is renewed before every batch and the batch is cut short of the lease's expiry;
 *   a writer that cannot renew stops writing at once.
 * - The order is the store's (`seq`): after a crash the next holder resumes from the oldest
 *   record not marked emitted.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import { LedgerSink } from './ledger.ts';

export const OUTPUT_LEASE = 'ndjson-output';

export interface OutputWriterOptions {
  store: Store;
  file: string;
  logger: Logger;
  /** Lease length (default 10 s); renewed well before it ends. */
  leaseMs?: number;
  /** How often to look for records to write (default 250 ms); `nudge()` looks at once. */
  intervalMs?: number;
  batch?: number;
}

export class OutputWriter {
  readonly holder = `${process.pid}-${randomUUID()}`;
  private sink: LedgerSink | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = false;
  private failing = false;
  /** Records this process wrote to the file. */
  written = 0;
  private readonly leaseMs: number;

  constructor(private readonly o: OutputWriterOptions) {
    this.leaseMs = o.leaseMs ?? 10_000;
  }

  get isWriter(): boolean {
    return this.sink !== null;
  }

  start(): void {
    this.timer = setInterval(() => void this.nudge(), this.o.intervalMs ?? 250);
    this.timer.unref();
    void this.nudge();
  }

  /** Look for records to write now (after a store); resolves with how many this call wrote. */
  nudge(): Promise<number> {
    if (this.stopped) return Promise.resolve(0);
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let total = 0;
      try {
        do {
          this.again = false;
          total += await this.drain();
        } while (this.again && !this.stopped);
        if (this.failing) this.o.logger.info('ndjson output: store reachable again');
        this.failing = false;
      } catch (err) {
        if (!this.failing) this.o.logger.warn({ err }, 'ndjson output: cannot write (will retry)');
        this.failing = true;
        await this.dropSink();
      } finally {
        this.running = null;
      }
      return total;
    })();
    return this.running;
  }

  private async dropSink(): Promise<void> {
    const sink = this.sink;
    this.sink = null;
    await sink?.close().catch(() => undefined);
  }

  private async drain(): Promise<number> {
    const { store } = this.o;
    let written = 0;
    for (;;) {
      const leaseFrom = Date.now();
      if (!(await store.acquireLease(OUTPUT_LEASE, this.holder, this.leaseMs))) {
        if (this.sink) this.o.logger.info('ndjson output: another process holds the lease now');
        await this.dropSink();
        return written;
      }
      if (!this.sink) {
        this.sink = await LedgerSink.open(this.o.file);
        this.o.logger.info({ file: this.o.file, holder: this.holder }, 'ndjson output: this process writes');
      }
      const batch = await store.unemittedRecords(this.o.batch ?? 200);
      for (const record of batch) {
        // Never write past a third of the lease without renewing it.
        if (Date.now() - leaseFrom > this.leaseMs / 3) break;
        if (!this.sink.has(record.id)) {
          written++;
          this.written++;
        }
        this.sink.append(record);
        await store.markEmitted(record.id);
      }
      if (batch.length === 0) return written;
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
    if (this.sink) {
      await this.dropSink();
      await this.o.store.releaseLease(OUTPUT_LEASE, this.holder).catch(() => undefined);
    }
  }
}
