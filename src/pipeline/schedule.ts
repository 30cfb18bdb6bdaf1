/**
 * When may a feed be polled again? The feed's own hints (RSS `ttl`, Cache-Control max-age,
 * Expires) and the server's Retry-After, bounded by `fetch.minPollIntervalMs` and
 * `fetch.maxPollIntervalMs`; after a 429/503 or a 5xx, an exponential back-off.
 */
import type { FetchConfig } from '../fetch/config.ts';
import { parseRetryAfter } from '../fetch/http-client.ts';

/** Milliseconds the response says it stays fresh (Cache-Control max-age/s-maxage, Expires). */
export function freshnessMs(headers: Record<string, string>, now: number): number | null {
  const cc = headers['cache-control'];
  if (cc) {
    const m = /(?:^|,)\s*(?:s-maxage|max-age)\s*=\s*"?(\d+)"?/i.exec(cc);
    if (m) return Number(m[1]) * 1000;
  }
  const expires = headers.expires;
  if (expires) {
    const at = Date.parse(expires);
    if (!Number.isNaN(at)) {
      // Expires is relative to the server's clock when it sends Date.
      const served = headers.date ? Date.parse(headers.date) : Number.NaN;
      return Math.max(0, at - (Number.isNaN(served) ? now : served));
    }
    return 0; // an invalid Expires means "already expired"
  }
  return null;
}

/** Next poll time after a successful poll (200 or 304). */
export function nextPollAfterSuccess(
  headers: Record<string, string>,
  ttlMinutes: number | null,
  now: Date,
  config: Pick<FetchConfig, 'minPollIntervalMs' | 'maxPollIntervalMs'>,
): Date {
  const t = now.getTime();
  const hints = [
    freshnessMs(headers, t),
    ttlMinutes === null ? null : ttlMinutes * 60_000,
    parseRetryAfter(headers['retry-after'], t),
  ];
  let wait = Math.max(0, ...hints.map((h) => h ?? 0));
  wait = Math.min(wait, config.maxPollIntervalMs);
  wait = Math.max(wait, config.minPollIntervalMs);
  return new Date(t + wait);
}

/** Next poll time after a failed poll: Retry-After when given, else base * 2^(failures-1), capped. */
export function nextPollAfterFailure(
  failures: number,
  retryAfterMs: number | null,
  now: Date,
  config: Pick<FetchConfig, 'backoffBaseMs' | 'backoffMaxMs' | 'minPollIntervalMs'>,
): Date {
  const exp = config.backoffBaseMs * 2 ** Math.max(0, Math.min(failures - 1, 20));
  const wait = Math.max(retryAfterMs ?? 0, Math.min(exp, config.backoffMaxMs), config.minPollIntervalMs);
  return new Date(now.getTime() + wait);
}
