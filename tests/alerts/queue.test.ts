/**
 * serve's delivery path: the alerter hands deliveries to the `deliver-alert` BullMQ queue on the
 * shared Redis (unique prefix, removed afterwards); a worker retries with backoff until the
 * receiver comes back, and stops at a final 4xx.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { createDeliverAlertQueue, DELIVER_ALERT_QUEUE, maxAttempts } from '../../jobs/deliver-alert.ts';
import { parseAlertsConfig } from '../../src/alerts/config.ts';
import { createAlerter } from '../../src/alerts/index.ts';
import { verifyWebhook } from '../../src/alerts/signature.ts';
import { AlertStore } from '../../src/alerts/store.ts';
import { silentLogger } from '../../src/log.ts';
import { alertsConfig, goldenRecord, makeRecord, SECRET, startReceiver } from './helpers.ts';

const connection = { host: '127.0.0.1', port: 6379, maxRetriesPerRequest: null };
const prefix = `sw-test-alerts-${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  const redis = new Redis(connection);
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
});

async function waitFor(check: () => boolean, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('deliver-alert queue', () => {
  it('retries through BullMQ until the receiver is back, then delivers once', async () => {
    const rx = await startReceiver((_n, firstAt) => (Date.now() - firstAt < 1200 ? 503 : 200));
    const storeDir = mkdtempSync(path.join(tmpdir(), 'sw-alerts-q-'));
    const config = alertsConfig(rx.url, {
      delivery: { initialBackoffMs: 150, maxBackoffMs: 400, expireAfterMs: '1m' },
    });
    const q = createDeliverAlertQueue({ config, storeDir, logger: silentLogger, connection, prefix });
    const alerter = createAlerter(config, { storeDir, logger: silentLogger, enqueue: q.enqueue });
    try {
      await alerter.onRecord(goldenRecord());
      await alerter.onRecord(goldenRecord());
      await waitFor(() => rx.delivered().length > 0, 10_000);
      await new Promise((r) => setTimeout(r, 600));
      expect(rx.delivered()).toHaveLength(1);
      expect(rx.requests.length).toBeGreaterThan(1);
      expect(verifyWebhook(SECRET, rx.delivered()[0]!.headers, rx.delivered()[0]!.body)).toBe(true);
      const store = AlertStore.inDir(storeDir);
      const [d] = store.deliveries();
      expect(d).toMatchObject({ status: 'delivered', attempts: rx.requests.length });
      const job = await q.queue.getJob(d!.id);
      expect(await job?.getState()).toBe('completed');
      expect(job?.attemptsMade).toBe(rx.requests.length);
      store.close();
      expect(q.queue.name).toBe(DELIVER_ALERT_QUEUE);
    } finally {
      await alerter.close();
      await q.close();
      await rx.close();
    }
  });

  it('ends a delivery at a final 4xx without retrying', async () => {
    const rx = await startReceiver(() => 404);
    const storeDir = mkdtempSync(path.join(tmpdir(), 'sw-alerts-q-'));
    const config = alertsConfig(rx.url, {
      delivery: { initialBackoffMs: 100, maxBackoffMs: 200, expireAfterMs: '1m' },
    });
    const q = createDeliverAlertQueue({
      config,
      storeDir,
      logger: silentLogger,
      connection,
      prefix: `${prefix}-b`,
    });
    const alerter = createAlerter(config, { storeDir, logger: silentLogger, enqueue: q.enqueue });
    try {
      await alerter.onRecord(goldenRecord());
      const store = AlertStore.inDir(storeDir);
      await waitFor(() => store.deliveries()[0]?.status === 'failed', 10_000);
      const job = await q.queue.getJob(store.deliveries()[0]!.id);
      await waitFor(() => job !== undefined, 1000);
      expect(await (await q.queue.getJob(store.deliveries()[0]!.id))?.getState()).toBe('failed');
      expect(rx.requests).toHaveLength(1);
      store.close();
    } finally {
      await alerter.close();
      await q.close();
      await rx.close();
      const redis = new Redis(connection);
      const keys = await redis.keys(`${prefix}-b:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it("keeps a paced channel's gap across two worker processes", async () => {
    const rx = await startReceiver();
    const storeDir = mkdtempSync(path.join(tmpdir(), 'sw-alerts-q-'));
    const config = parseAlertsConfig({
      channels: [{ name: 'slack', type: 'slack', url: rx.url, minIntervalMs: 500 }],
      rules: [{ name: 'all', when: { seizureStory: true }, channels: ['slack'] }],
    });
    const p = `${prefix}-c`;
    const q1 = createDeliverAlertQueue({
      config,
      storeDir,
      logger: silentLogger,
      connection,
      prefix: p,
      concurrency: 4,
    });
    const q2 = createDeliverAlertQueue({
      config,
      storeDir,
      logger: silentLogger,
      connection,
      prefix: p,
      concurrency: 4,
    });
    const alerter = createAlerter(config, { storeDir, logger: silentLogger, enqueue: q1.enqueue });
    try {
      for (const [i, month] of ['01', '03', '05', '07'].entries()) {
        await alerter.onRecord(
          makeRecord({
            id: `story-${i}`,
            published: `2024-${month}-10T00:00:00Z`,
            title: `Haul number ${i}`,
          }),
        );
      }
      await waitFor(() => rx.delivered().length === 4, 15_000);
      const times = rx.requests.map((r) => r.at).sort((a, b) => a - b);
      for (let i = 1; i < times.length; i++) expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(400);
    } finally {
      await alerter.close();
      await q1.close();
      await q2.close();
      await rx.close();
      const redis = new Redis(connection);
      const keys = await redis.keys(`${p}:*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
    }
  });

  it("honours the service's lock duration and stalled interval, as the other stages do (issue 15 item 6)", async () => {
    const config = alertsConfig('http://127.0.0.1:9/never');
    const storeDir = mkdtempSync(path.join(tmpdir(), 'sw-alerts-lock-'));
    const tuned = createDeliverAlertQueue({
      config,
      storeDir,
      logger: silentLogger,
      connection,
      prefix,
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
    });
    const plain = createDeliverAlertQueue({ config, storeDir, logger: silentLogger, connection, prefix });
    try {
      expect(tuned.worker?.opts).toMatchObject({
        lockDuration: 2_000,
        stalledInterval: 1_000,
        maxStalledCount: 3,
      });
      // Without them, BullMQ's defaults: a crashed delivery came back only after about a minute.
      expect(plain.worker?.opts).toMatchObject({ lockDuration: 30_000, stalledInterval: 30_000 });
    } finally {
      await tuned.close();
      await plain.close();
    }
  });

  it('allows enough attempts for the backoff to reach the expiry', () => {
    const attempts = maxAttempts({
      expireAfterMs: 24 * 3_600_000,
      initialBackoffMs: 1000,
      maxBackoffMs: 300_000,
      inlineRetryWindowMs: 30_000,
    });
    expect(attempts).toBeGreaterThan(288);
    expect(attempts).toBeLessThan(400);
  });
});
