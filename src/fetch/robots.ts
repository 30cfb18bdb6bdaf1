/**
 * robots.txt for article pages (RFC 9309): fetched once per origin and cached for a day. A 4xx
 * means "no rules"; a 5xx or a network failure means "disallow for now" (retryable, so the item
 * is tried again on a later run). A Crawl-delay widens the gap between requests to that host.
 */
import { createRequire } from 'node:module';
import { FetchError, SeizurewatchError } from '../errors.ts';
import type { HttpClient } from './http-client.ts';

const CACHE_MS = 24 * 3600_000;
/** RFC 9309: crawlers should read at least 500 KiB; we read no more. */
const ROBOTS_MAX_BYTES = 512 * 1024;

interface Robot {
  isDisallowed(url: string, ua?: string): boolean | undefined;
  getCrawlDelay(ua?: string): number | undefined;
}
// robots-parser is CommonJS (module.exports = function); its typings claim a default export.
const robotsParser = createRequire(import.meta.url)('robots-parser') as (url: string, text: string) => Robot;

interface CacheEntry {
  at: number;
  robot: Robot | null;
}

/** The product token of a User-Agent (`seizurewatch/0.1 (+...)` -> `seizurewatch`). */
export function productToken(userAgent: string): string {
  return /^[^\s/]+/.exec(userAgent)?.[0] ?? userAgent;
}

export class RobotsCache {
  private readonly cache = new Map<string, Promise<CacheEntry>>();

  constructor(private readonly http: HttpClient) {}

  private load(origin: string): Promise<CacheEntry> {
    const cached = this.cache.get(origin);
    if (cached) {
      return cached.then((e) => (Date.now() - e.at < CACHE_MS ? e : this.refresh(origin)));
    }
    return this.refresh(origin);
  }

  private refresh(origin: string): Promise<CacheEntry> {
    const robotsUrl = `${origin}/robots.txt`;
    const p = (async (): Promise<CacheEntry> => {
      const res = await this.http.get(robotsUrl, {
        maxBodyBytes: ROBOTS_MAX_BYTES,
        headers: { accept: 'text/plain' },
      });
      if (res.status >= 200 && res.status < 300) {
        return { at: Date.now(), robot: robotsParser(robotsUrl, res.body.toString('utf8')) };
      }
      if (res.status >= 400 && res.status < 500) return { at: Date.now(), robot: null };
      throw new FetchError(
        'FETCH_ROBOTS_DISALLOWED',
        `robots.txt of ${origin} unavailable (HTTP ${res.status})`,
        {
          retryable: true,
          details: { url: robotsUrl, status: res.status },
        },
      );
    })();
    this.cache.set(origin, p);
    // A failed load is not cached: the next page of the origin tries again.
    p.catch(() => this.cache.delete(origin));
    return p;
  }

  /** Throw FETCH_ROBOTS_DISALLOWED unless robots.txt allows `userAgent` to fetch `url`. */
  async assertAllowed(url: string, userAgent: string): Promise<void> {
    const origin = new URL(url).origin;
    let entry: CacheEntry;
    try {
      entry = await this.load(origin);
    } catch (cause) {
      if (cause instanceof SeizurewatchError && cause.code === 'FETCH_ROBOTS_DISALLOWED') throw cause;
      if (cause instanceof SeizurewatchError && !cause.retryable) throw cause;
      throw new FetchError(
        'FETCH_ROBOTS_DISALLOWED',
        `robots.txt of ${origin} unreachable: ${(cause as Error).message}`,
        {
          cause,
          retryable: true,
          details: { url },
        },
      );
    }
    if (!entry.robot) return;
    const token = productToken(userAgent);
    if (entry.robot.isDisallowed(url, token) === true) {
      throw new FetchError('FETCH_ROBOTS_DISALLOWED', `robots.txt of ${origin} disallows ${url}`, {
        retryable: false,
        details: { url },
      });
    }
    const delay = entry.robot.getCrawlDelay(token);
    if (delay && delay > 0) {
      this.http.limiter.pauseHost(new URL(url).host, Date.now() + Math.min(delay, 60) * 1000);
    }
  }
}
