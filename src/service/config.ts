import { z } from 'zod';

/**
 * `service:` section, read by `serve` only. Owned by the service. Every setting has a default
 * fit for production; tests shorten the intervals. The Redis URL comes from `REDIS_URL`
 * (default redis://127.0.0.1:6379) unless `redisUrl` is set here.
 */

const ConcurrencySchema = z
  .object({
    /** Feed polls run at once. Default 2. */
    poll: z.number().int().positive().default(2),
    /** Page fetches at once (the fetcher still keeps its per-host gap). Default 4. */
    fetch: z.number().int().positive().default(4),
    /** Scrape + extract at once (CPU bound). Default 2. */
    extract: z.number().int().positive().default(2),
    /** Store writes at once; one writer per process keeps the NDJSON append-only. Default 1. */
    store: z.number().int().positive().default(1),
    /** Alert hand-offs at once. Default 1 (the alerter sees records in the order stored). */
    alert: z.number().int().positive().default(1),
    /** Alert deliveries at once (jobs/deliver-alert.ts). Default 4. */
    deliver: z.number().int().positive().default(4),
  })
  .strict();

const RetrySchema = z
  .object({
    /** Tries per job, the first included. Default 5. */
    attempts: z.number().int().positive().default(5),
    /** First backoff delay in ms; doubles on each try. Default 5000. */
    backoffMs: z.number().int().nonnegative().default(5_000),
    /** Share of each backoff delay drawn at random (0..1), so retries spread out. Default 0.5. */
    jitter: z.number().min(0).max(1).default(0.5),
    /** Longest wait after a 429 when the server gives no Retry-After, in ms. Default 60000. */
    rateLimitMs: z.number().int().positive().default(60_000),
  })
  .strict();

const HttpSchema = z
  .object({
    /** Serve the HTTP API at all. Default true. */
    enabled: z.boolean().default(true),
    /** Address to bind. Default 127.0.0.1; anything else requires a token. */
    host: z.string().min(1).default('127.0.0.1'),
    /** Port; 0 picks a free one (logged). Default 8787. */
    port: z.number().int().min(0).max(65_535).default(8787),
    /** Environment variable holding the API token. Default SEIZUREWATCH_API_TOKEN. */
    tokenEnv: z
      .string()
      .regex(/^[A-Z_][A-Z0-9_]*$/, 'must be an environment variable name')
      .default('SEIZUREWATCH_API_TOKEN'),
    /**
     * Host names answered on loopback without a token, besides localhost, 127.0.0.0/8 and [::1]
     * (e.g. the name a local reverse proxy forwards). Default none.
     */
    allowedHosts: z.array(z.string().min(1).max(253)).default([]),
    /**
     * The API sits behind a reverse proxy: true (trust X-Forwarded-* from any), or the list of
     * proxy addresses/CIDRs to trust. The Bull Board cookie is then always `Secure`. Default false.
     */
    trustProxy: z.union([z.boolean(), z.array(z.string().min(1)).min(1)]).default(false),
  })
  .strict();

export const ServiceConfigSchema = z
  .object({
    /** Redis URL; default: $REDIS_URL, else redis://127.0.0.1:6379. */
    redisUrl: z
      .string()
      .regex(/^rediss?:\/\//, 'must be a redis:// or rediss:// URL')
      .optional(),
    /**
     * Prefix of every Redis key, so several deployments (or tests) can share one Redis. On Redis
     * Cluster write it as a hash tag, `{seizurewatch}`: every key then hashes to one slot, as
     * BullMQ's multi-key scripts need.
     */
    prefix: z
      .string()
      .regex(
        /^(\{[A-Za-z0-9_.-]+\}|[A-Za-z0-9_.-]+)$/,
        'must match [A-Za-z0-9_.-]+, or {[A-Za-z0-9_.-]+} (a hash tag)',
      )
      .default('seizurewatch'),
    /**
     * How long `serve` waits at start for Redis to answer before it exits 1 with one line
     * (`--redis-wait-ms` overrides), in ms; 0 tries once. Default 3000: a supervisor restarts a
     * process that gave up, and one that waits gives no sign it is stuck.
     */
    redisWaitMs: z.number().int().nonnegative().default(3_000),
    /** How often each feed is polled, in ms. Default 900000 (15 minutes). */
    pollEveryMs: z.number().int().min(100).default(900_000),
    concurrency: ConcurrencySchema.prefault({}),
    retry: RetrySchema.prefault({}),
    /** A job whose worker stops renewing its lock for this long is taken over (ms). Default 30000. */
    lockDurationMs: z.number().int().min(500).default(30_000),
    /** How often workers look for stalled jobs (ms). Default 30000. */
    stalledIntervalMs: z.number().int().min(200).default(30_000),
    /** Completed jobs kept (they also stop the same article from being queued twice). */
    keepCompleted: z
      .object({
        /** Seconds. Default 7 days. */
        age: z
          .number()
          .int()
          .positive()
          .default(7 * 24 * 3600),
        count: z.number().int().positive().default(50_000),
      })
      .strict()
      .prefault({}),
    /** Failed jobs kept for inspection. */
    keepFailed: z
      .object({
        /** Seconds. Default 30 days. */
        age: z
          .number()
          .int()
          .positive()
          .default(30 * 24 * 3600),
        count: z.number().int().positive().default(10_000),
      })
      .strict()
      .prefault({}),
    /** Longest wait for active jobs on SIGTERM/SIGINT before they are released (ms). Default 20000. */
    shutdownTimeoutMs: z.number().int().positive().default(20_000),
    http: HttpSchema.prefault({}),
  })
  .strict();
export type ServiceConfig = z.infer<typeof ServiceConfigSchema>;
