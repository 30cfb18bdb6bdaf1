/**
 * What the stage functions need, passed in explicitly so `scan` (in process) and `serve`
 * (BullMQ workers) call the same functions with the same parts, made by one
 * {@link createPipelineDeps} from the config.
 */
import type { Alerter } from '../alerts/index.ts';
import type { Config } from '../config.ts';
import { createFetcher, type Fetcher } from '../fetch/index.ts';
import type { Logger } from '../log.ts';
import { openLedgerSink } from '../sinks/ledger.ts';
import type { Sink } from '../sinks/sink.ts';
import { openStore } from '../store/index.ts';
import type { Store } from '../store/types.ts';
import { createParsers, type Parsers } from '../threads/parsers.ts';

export interface PipelineDeps {
  store: Store;
  /** Safe, polite HTTP for feeds and pages (its `config` is the `fetch:` section). */
  fetcher: Fetcher;
  /** The NDJSON output (exactly once); null/undefined writes no file. */
  sink?: Sink | null;
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
  /**
   * `inline` (default): a newly stored record is written to the sink, alerted and marked emitted
   * by the stage that stored it. `deferred` (`serve`): it is only stored; the output writer
   * (src/sinks/output-writer.ts) writes and marks it, and alerts go through their queue.
   */
  emit?: 'inline' | 'deferred';
}

export function nowOf(deps: Pick<PipelineDeps, 'now'>): Date {
  return deps.now ? deps.now() : new Date();
}

export interface PipelineDepsOptions {
  logger: Logger;
  /**
   * `serve`: a page whose host is busy is put back in the queue instead of waiting for the host
   * (one slow site cannot hold every fetch slot).
   */
  mode: 'scan' | 'serve';
  /** Write the NDJSON output (default true); `serve` with `--role api` writes none. */
  sink?: boolean;
  /** Parts the caller owns (tests): used as given and not closed by `close()`. */
  store?: Store;
  fetcher?: Fetcher;
  parsers?: Parsers;
  now?: () => Date;
  /** Environment (DATABASE_URL). Default process.env. */
  env?: NodeJS.ProcessEnv;
}

/** The pipeline's parts, and how to close the ones made here. */
export interface OwnedPipelineDeps extends PipelineDeps {
  sink: Sink | null;
  parsers: Parsers;
  close(): Promise<void>;
}

/**
 * The store, the fetcher, the exactly-once NDJSON sink and the parse threads for `scan` and
 * `serve`, from the config. The alerter is the caller's (inline in `scan`, a queue in `serve`).
 */
export async function createPipelineDeps(
  config: Readonly<Config>,
  options: PipelineDepsOptions,
): Promise<OwnedPipelineDeps> {
  const { logger } = options;
  const closers: Array<() => Promise<void> | void> = [];
  const closeAll = async () => {
    for (const c of closers.reverse()) await Promise.resolve(c()).catch(() => undefined);
  };
  try {
    const store = options.store ?? (await openStore(config.store, options.env ?? process.env));
    if (!options.store) closers.push(() => store.close());
    const sink = options.sink === false ? null : await openLedgerSink(config.output.ndjson);
    if (sink) closers.push(() => sink.close());
    const fetcher =
      options.fetcher ??
      createFetcher(config.fetch, {
        logger: logger.child({ stage: 'fetch' }),
        ...(options.mode === 'serve' ? { pageHostQueueLimit: 0 } : {}),
      });
    if (!options.fetcher) closers.push(() => fetcher.close());
    const parsers = options.parsers ?? createParsers(config.parse, logger.child({ stage: 'parse' }));
    if (!options.parsers) closers.push(() => parsers.close());
    let closed = false;
    return {
      store,
      fetcher,
      sink,
      alerter: null,
      logger,
      parsers,
      ...(options.now ? { now: options.now } : {}),
      async close() {
        if (closed) return;
        closed = true;
        await closeAll();
      },
    };
  } catch (err) {
    await closeAll();
    throw err;
  }
}
