/**
 * Live updates for `ui`: the records are stored by other processes (`scan`, another `serve`),
 * so `ui` watches the store and publishes each record stored after it started to the same
 * RecordBus that feeds `/api/records/stream` in `serve`.
 */
import type { Logger } from '../log.ts';
import type { RecordBus } from '../service/record-bus.ts';
import type { DashboardQueries } from './queries.ts';

export interface StoreWatcher {
  /** Look now (tests); resolves when the records found are published. */
  poll(): Promise<number>;
  stop(): void;
}

export async function watchStore(
  queries: DashboardQueries,
  bus: RecordBus,
  options: { intervalMs: number; logger: Logger },
): Promise<StoreWatcher> {
  let cursor = await queries.latestCursor();
  let running: Promise<number> | null = null;
  let failing = false;
  const poll = (): Promise<number> => {
    running ??= (async () => {
      let published = 0;
      try {
        for (;;) {
          const next = await queries.recordsAfter(cursor, 100);
          cursor = next.cursor;
          for (const r of next.records) bus.publish(r);
          published += next.records.length;
          if (next.records.length < 100) break;
        }
        if (failing) options.logger.info('store readable again');
        failing = false;
      } catch (err) {
        if (!failing) options.logger.warn({ err }, 'cannot read new records');
        failing = true;
      } finally {
        running = null;
      }
      return published;
    })();
    return running;
  };
  const timer = setInterval(() => void poll(), options.intervalMs);
  timer.unref();
  return { poll, stop: () => clearInterval(timer) };
}
