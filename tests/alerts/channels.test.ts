/** Slack and email channels against real local receivers; the Standard Webhooks signature. */
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { parseAlertsConfig } from '../../src/alerts/config.ts';
import { createAlerter } from '../../src/alerts/index.ts';
import { signWebhook, verifyWebhook, webhookHeaders } from '../../src/alerts/signature.ts';
import { silentLogger } from '../../src/log.ts';
import { goldenRecord, makeRecord, type Receiver, startReceiver } from './helpers.ts';

const receivers: Receiver[] = [];
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const tempStore = (): string => mkdtempSync(path.join(tmpdir(), 'sw-alerts-ch-'));

describe('Standard Webhooks signature', () => {
  it('matches the reference vector of the specification', () => {
    // Test vector from the Standard Webhooks reference libraries.
    const sig = signWebhook(
      'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
      'msg_p5jXN8AQM9LWM0D4loKWxJek',
      1614265330,
      '{"test": 2432232314}',
    );
    expect(sig).toBe('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=');
  });

  it('verifies, and rejects tampering, wrong keys and stale timestamps', () => {
    const secret = 'whsec_c2VjcmV0LWtleS1mb3ItdGVzdHM=';
    const body = '{"a":1}';
    const h = webhookHeaders(secret, 'msg_1', body);
    expect(verifyWebhook(secret, { ...h }, body)).toBe(true);
    expect(
      verifyWebhook(secret, { ...h, 'webhook-signature': `v1,AAAA ${h['webhook-signature']}` }, body),
    ).toBe(true);
    expect(verifyWebhook(secret, { ...h }, '{"a":2}')).toBe(false);
    expect(verifyWebhook('whsec_b3RoZXI=', { ...h }, body)).toBe(false);
    expect(verifyWebhook(secret, { ...h }, body, { now: Date.now() + 10 * 60_000 })).toBe(false);
  });
});

describe('Slack channel', () => {
  it('renders headline, figures with place and period, evidence and link; paces at 1 per second', async () => {
    const rx = await startReceiver();
    receivers.push(rx);
    const config = parseAlertsConfig({
      channels: [{ name: 'slack', type: 'slack', url: rx.url }],
      rules: [{ name: 'all', when: { seizureStory: true }, channels: ['slack'] }],
    });
    const alerter = createAlerter(config, { storeDir: tempStore(), logger: silentLogger });
    await alerter.onRecord(goldenRecord());
    await alerter.onRecord(
      makeRecord({
        id: 'other-story',
        published: '2025-06-01T00:00:00Z',
        title: 'Customs seize cocaine in Rotterdam',
      }),
    );
    await alerter.close();
    expect(rx.requests).toHaveLength(2);
    expect(rx.requests[1]!.at - rx.requests[0]!.at).toBeGreaterThanOrEqual(950);

    const payload = JSON.parse(rx.requests[0]!.body);
    expect(payload.text).toContain('Belgium seeks US support to battle drug smuggling');
    expect(payload.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'Belgium seeks US support to battle drug smuggling', emoji: false },
    });
    const all = JSON.stringify(payload.blocks);
    const figures = payload.blocks[1].text.text as string;
    expect(figures).toContain('• *116 t of cocaine* — Antwerp (BE), 2023 _(total, record)_');
    expect(figures).toContain('• *419 t of cocaine* — Europe (EU), 2023');
    expect(payload.blocks[2].text.text).toBe(
      '> In 2023, a record 116 tons of cocaine were seized in the port city.',
    );
    expect(all).toContain(
      '<https://www.dw.com/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181|Read the article>',
    );
    expect(all).toContain('*DW* · 2025-09-10');
  });
});

describe('email channel', () => {
  it('sends a plain-text message over SMTP', async () => {
    const messages: Array<{ from: string; to: string[]; data: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          messages.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.server.address() as AddressInfo;
    try {
      const config = parseAlertsConfig({
        channels: [
          {
            name: 'mail',
            type: 'email',
            smtp: { host: '127.0.0.1', port },
            from: 'seizurewatch@newsroom.example',
            to: ['desk@newsroom.example', 'editor@newsroom.example'],
          },
        ],
        rules: [{ name: 'all', when: { seizureStory: true }, channels: ['mail'] }],
      });
      const alerter = createAlerter(config, { storeDir: tempStore(), logger: silentLogger });
      await alerter.onRecord(goldenRecord());
      await alerter.close();
      expect(messages).toHaveLength(1);
      const m = messages[0]!;
      expect(m.from).toBe('seizurewatch@newsroom.example');
      expect(m.to).toEqual(['desk@newsroom.example', 'editor@newsroom.example']);
      expect(m.data).toMatch(/^Subject: \[seizurewatch\] Belgium seeks US support to battle drug smuggling/m);
      expect(m.data).toMatch(/^Content-Type: text\/plain/m);
      const body = m.data.replace(/=\r?\n/g, '').replace(/\r\n/g, '\n');
      expect(body).toContain('116 t of cocaine, Antwerp (BE), 2023; total, a record');
      expect(body).toContain(
        'Evidence: "In 2023, a record 116 tons of cocaine were seized in the port city."',
      );
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
