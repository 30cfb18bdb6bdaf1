import { z } from 'zod';

/** `fetch:` section. Owned by the fetch stage; defaults are the polite, safe ones. */
export const FetchConfigSchema = z
  .object({
    /** true lets feeds and pages live on 127.0.0.1 and private networks (tests, on-premise feeds). */
    allowPrivateNetworks: z.boolean().default(false),
    /** Identifying User-Agent sent with every request. */
    userAgent: z.string().min(1).default('seizurewatch/0.1 (+https://github.com/seizurewatch/seizurewatch)'),
    /** Total time for one request, in milliseconds. */
    timeoutMs: z.number().int().positive().default(20_000),
    /** Largest body accepted, in bytes. */
    maxBodyBytes: z
      .number()
      .int()
      .positive()
      .default(15 * 1024 * 1024),
    /** Minimum gap between two requests to one host, in milliseconds. */
    minHostGapMs: z.number().int().nonnegative().default(1000),
  })
  .strict();
export type FetchConfig = z.infer<typeof FetchConfigSchema>;
