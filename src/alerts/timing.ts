/** Backoff, quiet hours and per-channel pacing: when the next attempt may go out. */
import type { DeliveryConfig, QuietHours } from './config.ts';

/** Delay before retry number `attempt` (1-based): exponential from initialBackoffMs, capped, +-20% jitter. */
export function backoffDelay(attempt: number, cfg: DeliveryConfig, random = Math.random): number {
  const base = Math.min(cfg.initialBackoffMs * 2 ** Math.max(0, attempt - 1), cfg.maxBackoffMs);
  return Math.max(1, Math.round(base * (0.8 + 0.4 * random())));
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h! * 60 + m!;
}

/** Local minutes since midnight (and seconds) at `now` in the time zone. */
function localClock(now: number, timeZone: string): { minutes: number; seconds: number } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(now));
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { minutes: get('hour') * 60 + get('minute'), seconds: get('second') };
}

/** Epoch ms when quiet hours (if any) allow sending: `now` itself outside them. */
export function quietHoursEnd(now: number, quiet: QuietHours | undefined): number {
  if (!quiet) return now;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return now;
  const { minutes, seconds } = localClock(now, quiet.timezone);
  const inside = start < end ? minutes >= start && minutes < end : minutes >= start || minutes < end;
  if (!inside) return now;
  const wait = (end - minutes + 1440) % 1440;
  return now + wait * 60_000 - seconds * 1000;
}

/**
 * Keeps a minimum gap between two sends on one channel, within this process: sends on a paced
 * channel run one at a time, each starting `minIntervalMs` after the previous one finished (so
 * the receiver sees the gap, whatever the network adds).
 */
export class ChannelPacer {
  private readonly tail = new Map<string, Promise<unknown>>();
  private readonly lastEnd = new Map<string, number>();

  async run<T>(channel: string, minIntervalMs: number, send: () => Promise<T>): Promise<T> {
    if (minIntervalMs <= 0) return send();
    const previous = this.tail.get(channel) ?? Promise.resolve();
    const turn = previous.then(async () => {
      const wait = (this.lastEnd.get(channel) ?? 0) + minIntervalMs - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        return await send();
      } finally {
        this.lastEnd.set(channel, Date.now());
      }
    });
    this.tail.set(
      channel,
      turn.catch(() => undefined),
    );
    return turn;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
