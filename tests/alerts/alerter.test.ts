/**
 * The alerter end to end against real local receivers: one signed alert per story, retries
 * until a receiver comes back, final 4xx, pending across runs, clusters across outlets,
 * quiet hours, dry run.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createAlerter } from '../../src/alerts/index.ts';
import { verifyWebhook } from '../../src/alerts/signature.ts';
import { AlertStore } from '../../src/alerts/store.ts';
import { silentLogger } from '../../src/log.ts';
import {
  alertsConfig,
  goldenRecord,
  makeRecord,
  negativeRecord,
  type Receiver,
  SECRET,
  seizure,
  startReceiver,
} from './helpers.ts';

const receivers: Receiver[] = [];
async function receiver(answer?: (n: number, firstAt: number) => number): Promise<Receiver> {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

function tempStore(): string {
  return mkdtempSync(path.join(tmpdir(), 'sw-alerts-'));
}

describe('alerter with a webhook channel', () => {
  it('alerts the golden article exactly once, signed; the negative article not at all', async () => {
    const rx = await receiver();
    const storeDir = tempStore();
    const alerter = createAlerter(alertsConfig(rx.url), { storeDir, logger: silentLogger });
    await alerter.onRecord(goldenRecord());
    await alerter.onRecord(negativeRecord());
    await alerter.onRecord(goldenRecord()); // the same record again adds nothing
    await alerter.close();

    expect(rx.requests).toHaveLength(1);
    const [req] = rx.requests;
    expect(verifyWebhook(SECRET, req!.headers, req!.body)).toBe(true);
    expect(verifyWebhook(SECRET, req!.headers, `${req!.body} `)).toBe(false);
    expect(verifyWebhook('whsec_c2VjcmV0LW90aGVy', req!.headers, req!.body)).toBe(false);
    expect(req!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{24}$/);
    const body = JSON.parse(req!.body);
    expect(body.type).toBe('seizure.story');
    expect(body.data.record.id).toBe('c973179eabd3e9de');
    expect(body.data.figures[0]).toMatchObject({
      drug: 'cocaine',
      kg: 116000,
      location: 'Antwerp',
      period: '2023',
    });
    expect(body.data.evidence).toBe('In 2023, a record 116 tons of cocaine were seized in the port city.');

    // a second run over the same records does not alert again
    const again = createAlerter(alertsConfig(rx.url), { storeDir, logger: silentLogger });
    await again.onRecord(goldenRecord());
    await again.close();
    expect(rx.requests).toHaveLength(1);
  });

  it('retries a receiver answering 503 for a while and delivers exactly once', async () => {
    const rx = await receiver((_n, firstAt) => (Date.now() - firstAt < 1500 ? 503 : 200));
    const storeDir = tempStore();
    const alerter = createAlerter(alertsConfig(rx.url), { storeDir, logger: silentLogger });
    await alerter.onRecord(goldenRecord());
    await alerter.close();
    expect(rx.delivered()).toHaveLength(1);
    expect(rx.requests.length).toBeGreaterThan(1);
    expect(rx.requests.filter((r) => r.status === 503).length).toBe(rx.requests.length - 1);
    // one message id across retries, so a receiver can de-duplicate
    expect(new Set(rx.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const store = AlertStore.inDir(storeDir);
    const [d] = store.deliveries();
    expect(d).toMatchObject({ status: 'delivered', last_status: 200, attempts: rx.requests.length });
    expect(store.attempts(d!.id).map((a) => a.outcome)).toEqual([
      ...Array(rx.requests.length - 1).fill('retry'),
      'delivered',
    ]);
    store.close();
  });

  it('leaves an alert pending when the receiver stays down, and the next run delivers it once', async () => {
    let up = false;
    const rx = await receiver(() => (up ? 200 : 503));
    const storeDir = tempStore();
    const config = alertsConfig(rx.url, {
      delivery: { initialBackoffMs: 100, maxBackoffMs: 200, inlineRetryWindowMs: 500, expireAfterMs: '1h' },
    });
    const first = createAlerter(config, { storeDir, logger: silentLogger });
    await first.onRecord(goldenRecord());
    await first.close();
    expect(rx.delivered()).toHaveLength(0);
    const store = AlertStore.inDir(storeDir);
    expect(store.deliveries()[0]).toMatchObject({ status: 'pending' });
    store.close();

    up = true;
    await new Promise((r) => setTimeout(r, 250));
    const second = createAlerter(config, { storeDir, logger: silentLogger });
    await second.close();
    expect(rx.delivered()).toHaveLength(1);
    const third = createAlerter(config, { storeDir, logger: silentLogger });
    await third.close();
    expect(rx.delivered()).toHaveLength(1);
  });

  it('treats a 4xx other than 408/429 as final, and retries 429', async () => {
    const gone = await receiver(() => 410);
    const storeDir = tempStore();
    const a = createAlerter(alertsConfig(gone.url), { storeDir, logger: silentLogger });
    await a.onRecord(goldenRecord());
    await a.close();
    expect(gone.requests).toHaveLength(1);
    const store = AlertStore.inDir(storeDir);
    expect(store.deliveries()[0]).toMatchObject({ status: 'failed', last_status: 410 });
    store.close();

    const busy = await receiver((n) => (n < 2 ? 429 : 200));
    const b = createAlerter(alertsConfig(busy.url), { storeDir: tempStore(), logger: silentLogger });
    await b.onRecord(goldenRecord());
    await b.close();
    expect(busy.requests.map((r) => r.status)).toEqual([429, 429, 200]);
  });

  it('gives one alert and one story for two outlets reporting the same haul', async () => {
    const rx = await receiver();
    const storeDir = tempStore();
    const alerter = createAlerter(alertsConfig(rx.url), { storeDir, logger: silentLogger });
    await alerter.onRecord(makeRecord());
    await alerter.onRecord(
      makeRecord({
        id: 'rec-2',
        url: 'https://other.example/rotterdam-bananas',
        source: { id: 'other', name: 'Other Daily' },
        title: 'Cocaine in banana boxes: 2,400 kilograms seized at Dutch port',
        text: 'Dutch customs found 2,400 kilograms of cocaine in boxes of bananas at the port of Rotterdam on Saturday.\n\nPolice arrested two dock workers.',
        published: '2024-03-05T07:30:00Z',
        seizures: [
          seizure({
            amount: { value: 2400, unit: 'kg' },
            evidence: 'Dutch customs found 2,400 kilograms of cocaine.',
          }),
        ],
      }),
    );
    await alerter.close();
    expect(rx.requests).toHaveLength(1);
    const store = AlertStore.inDir(storeDir);
    expect(store.stories()).toEqual([expect.objectContaining({ storyKey: 'rec-1', members: 2 })]);
    store.close();
  });

  it('lists later reports and says where outlets disagree on a figure', async () => {
    let up = false;
    const rx = await receiver(() => (up ? 200 : 503));
    const storeDir = tempStore();
    const config = alertsConfig(rx.url, {
      delivery: { initialBackoffMs: 100, maxBackoffMs: 200, inlineRetryWindowMs: 300, expireAfterMs: '1h' },
    });
    const golden = goldenRecord();
    const copy = {
      ...golden,
      id: 'wire-copy',
      url: 'https://wire.example/belgium-us-drugs',
      source: { id: 'wire', name: 'Wire Service' },
      published: '2025-09-10T15:00:00Z',
      text: golden.text.replace('116 tons', '121 tons'),
      seizures: golden.seizures.map((s) =>
        s.kg === 116000
          ? {
              ...s,
              amount: { value: 121, unit: 't' as const },
              kg: 121000,
              evidence: s.evidence.replace('116', '121'),
            }
          : s,
      ),
    };
    const run1 = createAlerter(config, { storeDir, logger: silentLogger });
    await run1.onRecord(golden);
    await run1.onRecord(copy);
    await run1.close();
    up = true;
    const run2 = createAlerter(config, { storeDir, logger: silentLogger });
    await run2.close();
    expect(rx.delivered()).toHaveLength(1);
    const data = JSON.parse(rx.delivered()[0]!.body).data;
    expect(data.record.id).toBe('c973179eabd3e9de');
    expect(data.story.alsoReportedBy).toEqual(['Wire Service']);
    expect(data.story.reports.map((r: { recordId: string }) => r.recordId)).toEqual([
      'c973179eabd3e9de',
      'wire-copy',
    ]);
    expect(data.story.disagreements).toHaveLength(1);
    expect(data.story.disagreements[0].note).toBe(
      '116 t of cocaine (DW) vs 121 t of cocaine (Wire Service) for 2023 in Antwerp',
    );
  });

  it('routes by drug, country, size, flags and keywords', async () => {
    const rx = await receiver();
    const config = alertsConfig(rx.url, {
      rules: [
        {
          name: 'big-cocaine-nl',
          when: { drugs: ['cocaine'], countries: ['nl'], minKg: 1000, flags: ['haul'] },
          channels: ['desk'],
        },
        { name: 'heroin-anywhere', when: { drugs: ['heroin'] }, channels: ['desk'] },
        { name: 'keyword', when: { keywords: ['Captagon'] }, channels: ['desk'] },
      ],
    });
    const alerter = createAlerter(config, { storeDir: tempStore(), logger: silentLogger });
    await alerter.onRecord(
      makeRecord({
        id: 'small',
        title: 'Small haul',
        text: 'A small haul in Utrecht.',
        seizures: [seizure({ kg: 3, amount: { value: 3, unit: 'kg' }, location: 'Utrecht' })],
      }),
    );
    await alerter.onRecord(makeRecord({ id: 'big', published: '2024-05-01T00:00:00Z' }));
    await alerter.onRecord(
      makeRecord({
        id: 'pills',
        published: '2024-07-01T00:00:00Z',
        title: 'Pills found',
        text: 'Police found captagon pills in a truck at the border crossing.',
        seizures: [],
      }),
    );
    await alerter.close();
    expect(rx.requests.map((r) => [JSON.parse(r.body).data.record.id, JSON.parse(r.body).data.rule])).toEqual(
      [
        ['big', 'big-cocaine-nl'],
        ['pills', 'keyword'],
      ],
    );
  });

  it('holds alerts during quiet hours', async () => {
    const rx = await receiver();
    const storeDir = tempStore();
    const now = new Date();
    const hhmm = (d: Date): string =>
      `${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
    const config = alertsConfig(rx.url, {
      channels: [
        {
          name: 'desk',
          type: 'webhook',
          url: rx.url,
          quietHours: {
            start: hhmm(new Date(now.getTime() - 3_600_000)),
            end: hhmm(new Date(now.getTime() + 3_600_000)),
            timezone: 'UTC',
          },
        },
      ],
    });
    const alerter = createAlerter(config, { storeDir, logger: silentLogger });
    await alerter.onRecord(goldenRecord());
    await alerter.close();
    expect(rx.requests).toHaveLength(0);
    const store = AlertStore.inDir(storeDir);
    const [d] = store.deliveries();
    expect(d!.status).toBe('pending');
    expect(d!.not_before - Date.now()).toBeGreaterThan(50 * 60_000);
    store.close();
  });

  it('prints alerts in a dry run and sends nothing', async () => {
    const rx = await receiver();
    const printed: string[] = [];
    const alerter = createAlerter(alertsConfig(rx.url), {
      storeDir: tempStore(),
      logger: silentLogger,
      dryRun: true,
      print: (t) => printed.push(t),
    });
    await alerter.onRecord(goldenRecord());
    await alerter.close();
    expect(rx.requests).toHaveLength(0);
    expect(printed.join('')).toContain('dry run: alert to desk');
    expect(printed.join('')).toContain('116 t of cocaine, Antwerp (BE), 2023; total, a record');
  });
});
