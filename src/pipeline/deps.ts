/**
 * What the stage functions need, passed in explicitly so `scan` (in process) and `serve`
 * (BullMQ workers) wire the same functions to their own store, fetcher, sink and alerter.
 */
import type { Alerter } from '../alerts/index.ts';
import type { Fetcher } from '../fetch/index.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../records/store.ts';
import type { NdjsonSink } from '../sinks/ndjson.ts';
import type { Parsers } from '../threads/parsers.ts';

export interface PipelineDeps {
  store: Store;
  /** Safe, polite HTTP for feeds and pages (its `config` is the `fetch:` section). */
  fetcher: Fetcher;
  /** NDJSON output; null/undefined writes no file. */
  sink?: NdjsonSink | null;
  /** Alerts; `onRecord` is called once for every newly stored record. */
  alerter?: Alerter | null;
  logger: Logger;
  /**
   * Where feeds are parsed and pages scraped + extracted (worker threads, src/threads/). Absent:
   * in the calling thread.
   */
  parsers?: Parsers | null;
  /** Clock (tests). Default: `new Date()`. */
  now?: () => Date;
}

export function nowOf(deps: Pick<PipelineDeps, 'now'>): Date {
  return deps.now ? deps.now() : new Date();
}
