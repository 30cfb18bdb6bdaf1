/**
 * Per-host politeness: one request at a time to a host, at least `minGapMs` between the end of
 * one and the start of the next, and a host-wide pause after a 429/503 (Retry-After). A request
 * that would have to wait longer than `maxWaitMs` fails at once with FETCH_RATE_LIMITED
 * (retryable), so a run never hangs on one throttled site.
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
      s = { tail: Promise.resolve(), notBefore: 0, pending: 0 };
      this.hosts.set(host, s);
    }
    return s;
  }

  /** Pause every request to `host` until `untilMs` (epoch ms), e.g. after Retry-After. */
  pauseHost(host: string, untilMs: number): void {
    const s = this.slot(host);
    s.notBefore = Math.max(s.notBefore, untilMs);
  }

  /** Run `fn` in the host's queue, honouring the gap and pauses. */
  async run<T>(host: string, fn: () => Promise<T>): Promise<T> {
    const s = this.slot(host);
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
      try {
        return await fn();
      } finally {
        s.notBefore = Math.max(s.notBefore, this.now() + this.options.minGapMs);
      }
    } finally {
      s.pending--;
      release();
      if (s.pending === 0 && s.notBefore <= this.now()) this.hosts.delete(host);
    }
  }
}
