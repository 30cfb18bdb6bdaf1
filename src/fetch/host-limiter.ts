/**
 * Per-host politeness: one request at a time to a host, at least `minGapMs` between the end of
 * one and the start of the next, and a host-wide pause after a 429/503 (Retry-After). A request
 * that would have to wait longer than `maxWaitMs` fails at once with FETCH_RATE_LIMITED
 * (retryable), so a run never hangs on one throttled site. With a `queueLimit` (pages in serve),
 * a request that finds that many already waiting for the host fails at once the same way, with
 * the wait it can expect: a queue worker never sits out a slow host's turn (a site answering one
 * byte a second holds one request, not every fetch slot of the process).
 */
import { FetchError } from '../errors.ts';

export interface HostLimiterOptions {
  /** Minimum gap between two requests to one host, ms. */
  minGapMs: number;
  /** Longest wait accepted for a host's turn, ms. */
  maxWaitMs: number;

  /** Clock, for tests. */
  now?: () => number;
}

interface HostSlot {
  /** Resolves when the previous request to this host has finished. */
  tail: Promise<void>;
  /** Earliest start time of the next request (epoch ms). */
  notBefore: number;
  /** Requests queued or running. */
  pending: number;
  /** How long the last request to this host took, ms (to tell a deferred request its wait). */
  lastMs: number;
  /** When the running request started (epoch ms), 0 when none runs. */
  runningSince: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class HostLimiter {
  private readonly hosts = new Map<string, HostSlot>();
  private readonly now: () => number;

  constructor(private readonly options: HostLimiterOptions) {
    this.now = options.now ?? Date.now;
  }

  private slot(host: string): HostSlot {
    let s = this.hosts.get(host);
    if (!s) {
      s = { tail: Promise.resolve(), notBefore: 0, pending: 0, lastMs: 0, runningSince: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Pause every request to `host` until `untilMs` (epoch ms), e.g. after Retry-After. */
  pauseHost(host: string, untilMs: number): void {
    const s = this.slot(host);
    s.notBefore = Math.max(s.notBefore, untilMs);
  }

  /**
   * Run `fn` in the host's queue, honouring the gap and pauses. With `queueLimit`, fail at once
   * (FETCH_RATE_LIMITED, retryable, `details.retryAfterMs` the expected wait) when that many
   * requests already wait behind the running one.
   */
  async run<T>(host: string, fn: () => Promise<T>, queueLimit?: number): Promise<T> {
    const s = this.slot(host);
    if (queueLimit !== undefined && s.pending > queueLimit) {
      // Expect each request ahead to take as long as the last one did, or as the running one
      // has taken so far (a slow site is recognised before its first request ends); spread the
      // retries so put-back requests do not come back together.
      const now = this.now();
      const each = Math.max(s.lastMs, s.runningSince > 0 ? now - s.runningSince : 0) + this.options.minGapMs;
      const expected = Math.max(s.notBefore - now, 0) + s.pending * each;
      const wait = Math.min(expected * (1 + Math.random() / 2), Math.max(this.options.maxWaitMs, 1000));
      throw new FetchError('FETCH_RATE_LIMITED', `host ${host} is busy with ${s.pending} requests`, {
        retryable: true,
        details: {
          host,
          reason: 'host-busy',
          retryAfterMs: Math.round(Math.max(wait, this.options.minGapMs, 1000)),
        },
      });
    }
    const previous = s.tail;
    let release!: () => void;
    s.tail = new Promise<void>((resolve) => {
      release = resolve;
    });
    s.pending++;
    try {
      await previous;
      const wait = s.notBefore - this.now();
      // The configured gap itself is always waited for; only longer pauses (Retry-After) can fail.
      if (wait > Math.max(this.options.maxWaitMs, this.options.minGapMs)) {
        throw new FetchError('FETCH_RATE_LIMITED', `host ${host} asks to wait ${Math.ceil(wait / 1000)} s`, {
          retryable: true,
          details: { host, retryAfterMs: wait },
        });
      }
      if (wait > 0) await sleep(wait);
      const started = this.now();
      s.runningSince = started;
      try {
        return await fn();
      } finally {
        s.runningSince = 0;
        s.lastMs = this.now() - started;
        s.notBefore = Math.max(s.notBefore, this.now() + this.options.minGapMs);
      }
    } finally {
      s.pending--;
      release();
      // (a host's last duration is kept while it has work, so a deferral can say how long to wait)
      if (s.pending === 0 && s.notBefore <= this.now()) this.hosts.delete(host);
    }
  }
}
