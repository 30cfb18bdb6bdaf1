import { z } from 'zod';
import { allowHostsProblems } from './address-guard.ts';

/**
 * `fetch:` section. Owned by the fetch stage; defaults are the polite, safe ones. Every key and
 * its default is documented in docs/config.md.
 */
export const FetchConfigSchema = z
  .object({
    /**
     * true lets feeds and pages live on 127.0.0.1 and private networks (tests, on-premise feeds).
     * Default false: loopback, private, link-local, ULA, CGNAT and other non-public addresses are
     * refused, checked on the resolved IP at connect time and on every redirect hop.
     */
    allowPrivateNetworks: z.boolean().default(false),
    /**
     * Hosts the guard lets through while it stays on for everything else: host names
     * (`feeds.intranet.example`: whatever the name resolves to), IP addresses and CIDRs, v4 or
     * v6 (`10.20.0.0/16`, `fd12:3456::/48`: those addresses, under any name). Each redirect hop
     * is judged on its own.
     */
    allowHosts: z
      .array(z.string())
      .default([])
      .superRefine((entries, ctx) => {
        for (const p of allowHostsProblems(entries))
          ctx.addIssue({ code: 'custom', path: [p.index], message: p.message });
      }),
    /** Identifying User-Agent sent with every request. */
    userAgent: z.string().min(1).default('seizurewatch/0.1 (+https://github.com/seizurewatch/seizurewatch)'),
    /** Total time for one request (connect, headers and the whole body), in milliseconds. */
    timeoutMs: z.number().int().positive().default(20_000),
    /** Time to establish the TCP/TLS connection, in milliseconds. */
    connectTimeoutMs: z.number().int().positive().default(20_000),
    /** Largest body accepted, in bytes (default 15 MiB). */
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .default(15 * 1024 * 1024),
    /** Redirects followed per request, at most. */
    maxRedirects: z.number().int().nonnegative().max(20).default(5),
    /** Minimum gap between two requests to one host, in milliseconds. */
    minHostGapMs: z.number().int().nonnegative().default(1000),
    /**
     * Longest a request waits for its host's turn (gap, Retry-After) before failing with
     * FETCH_RATE_LIMITED (retried on a later run), in milliseconds.
     */
    maxHostWaitMs: z.number().int().nonnegative().default(60_000),
    /** Honour robots.txt for article pages (feeds are meant to be fetched). */
    respectRobots: z.boolean().default(true),
    /** Shortest time between two polls of one feed, whatever the feed says, in milliseconds. */
    minPollIntervalMs: z.number().int().nonnegative().default(0),
    /** Longest time a feed's own hints (ttl, Cache-Control, Expires) may push its next poll out. */
    maxPollIntervalMs: z
      .number()
      .int()
      .positive()
      .default(24 * 3600_000),
    /** First back-off after a 429/503 without Retry-After; doubles per failure. */
    backoffBaseMs: z.number().int().positive().default(60_000),
    /** Longest back-off after repeated failures. */
    backoffMaxMs: z
      .number()
      .int()
      .positive()
      .default(6 * 3600_000),
    /**
     * Attempts an article gets when it fails transiently (timeout, 5xx, 429 ...): `scan` runs, or
     * `serve` jobs that ran out of their retries. Then it is given up (listed by `seizurewatch
     * retry --list`, not fetched again while it stays in the feed). A permanent failure (404,
     * 410, robots.txt, a blocked address, an unparsable page) is given up at once.
     */
    itemAttempts: z.number().int().positive().max(1000).default(5),
    /** Items fetched and processed at once in `scan` (per-host limits still apply). */
    concurrency: z.number().int().positive().max(32).default(4),
  })
  .strict();
export type FetchConfig = z.infer<typeof FetchConfigSchema>;
