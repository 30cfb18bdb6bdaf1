import { z } from 'zod';

/**
 * `parse:` section: where feeds are parsed and pages scraped and extracted. By default in worker
 * threads, so a heavy or hostile input never blocks the process's event loop (health checks,
 * BullMQ lock renewals, fetches) and is stopped at a hard time limit. Documented in
 * docs/config.md.
 */
export const ParseConfigSchema = z
  .object({
    /**
     * Worker threads for feed parsing and scrape + extract. Default 2. 0 runs them in the calling
     * thread (no hard time limit: only the parsers' own limits hold).
     */
    threads: z.number().int().nonnegative().max(64).default(2),
    /**
     * Hard limit for one feed parse or one page's scrape + extract, in ms: past it the thread is
     * stopped and the input fails for good with reason `time-limit`. Default 30000.
     */
    timeoutMs: z.number().int().min(100).default(30_000),
    /** Heap limit of each thread, in MiB: past it the input fails with reason `out-of-memory`. Default 1024. */
    maxMemoryMb: z.number().int().min(64).default(1024),
  })
  .strict();
export type ParseConfig = z.infer<typeof ParseConfigSchema>;
