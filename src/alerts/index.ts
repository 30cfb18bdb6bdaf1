/**
 * Alerts: which stored records alert, to which channels, once per story.
 *
 * `scan` creates one alerter per run and calls `onRecord` for every newly stored record, then
 * `close`. Each record joins a story (src/cluster); for every channel a matching rule names and
 * the story has not alerted on yet, a delivery is stored as pending and sent: inline (retried
 * with backoff for `delivery.inlineRetryWindowMs`, then left pending for the next run, which
 * retries it on start until delivered or expired), or, when `enqueue` is given (serve), handed
 * to the BullMQ queue of jobs/deliver-alert.ts.
 */
import { createHash } from 'node:crypto';
import type { Logger } from '../log.ts';
import { SqliteAlertState } from '../store/sqlite.ts';
import type { AlertState } from '../store/types.ts';
import type { ArticleRecord } from '../types.ts';
import { closeChannel } from './channels/index.ts';
import type { AlertsConfig, Channel } from './config.ts';
import { type AttemptOutcome, Deliverer } from './delivery.ts';
import { routeRecord } from './rules.ts';
import { AlertStore } from './store.ts';
import { StoryTracker } from './stories.ts';
import { ChannelPacer, quietHoursEnd } from './timing.ts';

export type { Alert } from './alert.ts';
export type { AlertsConfig } from './config.ts';

/** What serve's queue receives for one delivery (jobs/deliver-alert.ts). */
export interface DeliverAlertJobData {
  deliveryId: string;
}

export interface AlerterOptions {
  /**
   * Story clusters and deliveries: the store's (`store.alerts`, kept open: the store owns it).
   * Without it, the embedded alerts file under `storeDir` is opened and closed by the alerter.
   */
  state?: AlertState;
  /** Where the alerts' own embedded state lives when no `state` is given. */
  storeDir?: string;
  logger: Logger;
  /** Print alerts to stderr instead of sending them (state kept in memory only). */
  dryRun?: boolean;
  /**
   * serve: hand deliveries to the BullMQ queue instead of sending inline. `delayMs` is set when
   * quiet hours hold the alert. See jobs/deliver-alert.ts `createDeliverAlertQueue`.
   */
  enqueue?: (job: DeliverAlertJobData, delayMs: number) => Promise<void>;
  /** Where dry-run alerts are printed (default stderr). */
  print?: (text: string) => void;
}

export interface Alerter {
  /** Called once for every newly stored record, in the order stored. */
  onRecord(record: ArticleRecord): Promise<void>;
  /** Waits for inline deliveries still retrying (at most the inline retry window), then closes the store. */
  close(): Promise<void>;
}

/** Deterministic per story and channel: the Standard Webhooks `webhook-id`, stable across retries. */
export function deliveryId(storyKey: string, channel: string): string {
  return `msg_${createHash('sha256').update(`${storyKey}\u0000${channel}`).digest('hex').slice(0, 24)}`;
}

export function createAlerter(config: AlertsConfig, options: AlerterOptions): Alerter {
  const logger = options.logger.child({ stage: 'alerts' });
  if (config.rules.length === 0) {
    return { onRecord: async () => {}, close: async () => {} };
  }
  // A dry run keeps its state in memory: nothing it does is remembered.
  let owned: SqliteAlertState | null = null;
  let store: AlertState;
  if (options.dryRun) store = owned = SqliteAlertState.inMemory();
  else if (options.state) store = options.state;
  else if (options.storeDir) store = owned = new SqliteAlertState(AlertStore.inDir(options.storeDir));
  else throw new Error('createAlerter: give state or storeDir');
  const channels = new Map<string, Channel>(config.channels.map((c) => [c.name, c]));
  const deliverer = new Deliverer({
    store,
    channels,
    delivery: config.delivery,
    logger,
    pacer: new ChannelPacer(),
    dryRun: options.dryRun ?? false,
    ...(options.print ? { print: options.print } : {}),
  });
  // A dry run prints in process: its state lives in memory, which a queue worker cannot see.
  const enqueue = options.dryRun ? undefined : options.enqueue;
  const inflight = new Set<Promise<AttemptOutcome>>();
  const track = (p: Promise<AttemptOutcome>): void => {
    const guarded = p.catch((err: unknown) => {
      logger.error({ err }, 'alert delivery crashed');
      return { outcome: 'gone' } as AttemptOutcome;
    });
    inflight.add(guarded);
    void guarded.finally(() => inflight.delete(guarded));
  };

  const ready = (async () => {
    const stories = await StoryTracker.open(store, config.cluster);
    // Pending deliveries left by earlier runs: retry them now, within this run's budget.
    if (!enqueue) {
      const until = Date.now() + config.delivery.inlineRetryWindowMs;
      const due = await store.dueDeliveries(until);
      if (due.length > 0) logger.info({ pending: due.length }, 'retrying alerts pending from earlier runs');
      for (const row of due) track(deliverer.deliverInline(row.id, until));
    }
    return stories;
  })();
  // Seen when a record arrives; never an unhandled rejection meanwhile.
  ready.catch(() => undefined);

  return {
    async onRecord(record) {
      const stories = await ready;
      const now = Date.now();
      const assignment = await store.withStoryLock(() => stories.add(record, now));
      const log = logger.child({ record: record.id, story: assignment.storyKey });
      if (!assignment.isNew) {
        log.info(
          { matchedWith: assignment.matchedWith, reason: assignment.comparison?.reason },
          'record joins an existing story',
        );
      }
      for (const route of routeRecord(config.rules, record)) {
        const channel = channels.get(route.channel)!;
        const id = deliveryId(assignment.storyKey, route.channel);
        const notBefore = quietHoursEnd(now, channel.quietHours);
        const created = await store.createDelivery({
          id,
          storyKey: assignment.storyKey,
          channel: route.channel,
          rule: route.rule,
          recordId: record.id,
          createdAt: now,
          notBefore,
          expiresAt: notBefore + config.delivery.expireAfterMs,
        });
        if (!created) {
          // A job re-run after a crash between storing and queueing: queue it again (BullMQ
          // ignores a job id it already has).
          const row = await store.delivery(id);
          if (enqueue && row?.status === 'pending') {
            await enqueue({ deliveryId: id }, row.next_attempt_at - Date.now());
          }
          log.debug({ channel: route.channel }, 'story already alerted on this channel');
          continue;
        }
        log.info(
          { channel: route.channel, rule: route.rule, delivery: id, heldMs: notBefore - now },
          'alert raised',
        );
        if (enqueue) await enqueue({ deliveryId: id }, notBefore - now);
        else track(deliverer.deliverInline(id, now + config.delivery.inlineRetryWindowMs));
      }
    },
    async close() {
      await ready.catch(() => undefined);
      while (inflight.size > 0) await Promise.all([...inflight]);
      for (const c of channels.values()) closeChannel(c);
      owned?.close();
    },
  };
}
