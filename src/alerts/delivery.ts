/**
 * Sending one delivery (one story on one channel): an attempt takes a lease, builds the alert
 * from the current story (so late reports are listed), sends, and records the attempt and the
 * outcome. `deliverInline` retries with backoff within a time budget (scan); the BullMQ job
 * (jobs/deliver-alert.ts) calls `attempt` and lets BullMQ schedule the retries (serve).
 */
import { DeliveryError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { AlertState } from '../store/types.ts';
import { type Alert, buildAlert, renderText } from './alert.ts';
import { minIntervalOf, sendToChannel } from './channels/index.ts';
import type { Channel, DeliveryConfig } from './config.ts';
import type { DeliveryRow } from './store.ts';
import { storyInfoOf } from './stories.ts';
import { backoffDelay, type ChannelPacer, sleep } from './timing.ts';

export type AttemptOutcome =
  | { outcome: 'delivered'; status: number | null }
  | { outcome: 'retry'; nextAttemptAt: number; error: string }
  | { outcome: 'final'; error: string }
  | { outcome: 'expired' }
  /** Not due yet (backoff or quiet hours). */
  | { outcome: 'not-due'; nextAttemptAt: number }
  /** Another worker holds the lease. */
  | { outcome: 'busy' }
  /** Delivered, failed or expired already, or unknown. */
  | { outcome: 'gone' };

/** Pacing shared by processes: `acquire` waits for the channel's slot and holds it for `holdMs`; `finish` frees it `minIntervalMs` after the send ended. */
export interface SharedPacer {
  acquire(channel: string, holdMs: number): Promise<void>;
  finish(channel: string, minIntervalMs: number): Promise<void>;
}

export interface DelivererOptions {
  store: AlertState;
  channels: ReadonlyMap<string, Channel>;
  delivery: DeliveryConfig;
  logger: Logger;
  pacer: ChannelPacer;
  /** Shared pacing across processes (serve's Redis slot). */
  sharedPacer?: SharedPacer;
  /** Print the alert to stderr instead of sending it (and count it delivered). */
  dryRun?: boolean;
  /** Where dry-run alerts go (default stderr). */
  print?: (text: string) => void;
}

export class Deliverer {
  constructor(private readonly o: DelivererOptions) {}

  async alertFor(row: DeliveryRow): Promise<Alert | null> {
    const record = await this.o.store.memberSummary(row.record_id);
    if (!record) return null;
    return buildAlert(record, row.rule, await storyInfoOf(this.o.store, row.story_key));
  }

  /** One attempt at a delivery, if it is due and nobody else is sending it. */
  async attempt(id: string): Promise<AttemptOutcome> {
    const { store, logger } = this.o;
    const row = await store.delivery(id);
    if (row?.status !== 'pending') return { outcome: 'gone' };
    const log = logger.child({ delivery: id, channel: row.channel, story: row.story_key, rule: row.rule });
    const now = Date.now();
    if (now >= row.expires_at) {
      await store.recordAttempt(
        id,
        { at: now, outcome: 'expired', status: row.last_status, error: 'expired', durationMs: 0 },
        { status: 'expired' },
      );
      log.error({ attempts: row.attempts, lastError: row.last_error }, 'alert expired undelivered');
      return { outcome: 'expired' };
    }
    if (row.next_attempt_at > now) return { outcome: 'not-due', nextAttemptAt: row.next_attempt_at };
    const channel = this.o.channels.get(row.channel);
    const alert = await this.alertFor(row);
    if (!channel || !alert) {
      const error = !channel ? `channel "${row.channel}" is no longer configured` : 'story record missing';
      await store.recordAttempt(
        id,
        { at: now, outcome: 'final', status: null, error, durationMs: 0 },
        { status: 'failed' },
      );
      log.error({ err: error }, 'alert delivery failed');
      return { outcome: 'final', error };
    }
    const interval = minIntervalOf(channel);
    if (!(await store.claim(id, now, channel.timeoutMs + interval * 10 + 5000))) return { outcome: 'busy' };
    let start = Date.now();
    try {
      let status: number | null = null;
      await this.o.pacer.run(channel.name, interval, async () => {
        const shared = interval > 0 ? this.o.sharedPacer : undefined;
        await shared?.acquire(channel.name, interval + channel.timeoutMs);
        start = Date.now();
        try {
          if (this.o.dryRun) {
            (this.o.print ?? ((t: string) => process.stderr.write(t)))(
              `--- dry run: alert to ${channel.name} (${channel.type}), rule ${row.rule}\n${renderText(alert)}`,
            );
          } else {
            status = (await sendToChannel(channel, alert, id)).status;
          }
        } finally {
          await shared?.finish(channel.name, interval);
        }
      });
      const durationMs = Date.now() - start;
      const attempt = await store.recordAttempt(
        id,
        { at: Date.now(), outcome: 'delivered', status, error: null, durationMs },
        { status: 'delivered' },
      );
      log.info({ attempt, status, durationMs, dryRun: !!this.o.dryRun }, 'alert delivered');
      return { outcome: 'delivered', status };
    } catch (err) {
      const durationMs = Date.now() - start;
      const e =
        err instanceof DeliveryError
          ? err
          : new DeliveryError(String((err as Error)?.message ?? err), { cause: err });
      const status = (e.details.status as number | null | undefined) ?? null;
      const at = Date.now();
      if (!e.retryable) {
        const attempt = await store.recordAttempt(
          id,
          { at, outcome: 'final', status, error: e.message, durationMs },
          { status: 'failed' },
        );
        log.error({ attempt, status, durationMs, err: e }, 'alert delivery failed for good');
        return { outcome: 'final', error: e.message };
      }
      const retryAfter = (e.details.retryAfterMs as number | null | undefined) ?? 0;
      const nextAttemptAt = at + Math.max(backoffDelay(row.attempts + 1, this.o.delivery), retryAfter);
      const attempt = await store.recordAttempt(
        id,
        { at, outcome: 'retry', status, error: e.message, durationMs },
        { status: 'pending', nextAttemptAt },
      );
      log.warn(
        { attempt, status, durationMs, err: e, retryInMs: nextAttemptAt - at },
        'alert delivery attempt failed',
      );
      return { outcome: 'retry', nextAttemptAt, error: e.message };
    }
  }

  /** Attempt until delivered, final or expired, or until `until` (epoch ms): then it stays pending. */
  async deliverInline(id: string, until: number): Promise<AttemptOutcome> {
    for (;;) {
      const r = await this.attempt(id);
      if (r.outcome !== 'retry' && r.outcome !== 'not-due') return r;
      if (r.nextAttemptAt > until) return r;
      await sleep(Math.max(0, r.nextAttemptAt - Date.now()));
    }
  }
}
