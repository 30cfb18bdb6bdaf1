/**
 * Standard Webhooks 1.0 signatures (https://www.standardwebhooks.com): the receiver gets
 * `webhook-id`, `webhook-timestamp` (unix seconds) and `webhook-signature: v1,<base64>`, the
 * base64 HMAC-SHA256 of `${id}.${timestamp}.${body}` keyed with the base64-decoded part of the
 * `whsec_...` secret. docs/alerts.md shows a receiver verifying it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

function keyOf(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/** The `webhook-signature` header value for one message. */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', keyOf(secret)).update(`${id}.${timestamp}.${body}`).digest('base64');
  return `v1,${mac}`;
}

export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

export function webhookHeaders(secret: string, id: string, body: string, now = Date.now()): WebhookHeaders {
  const timestamp = Math.floor(now / 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signWebhook(secret, id, timestamp, body),
  };
}

/**
 * Check a received message: one of the space-separated `v1,` signatures must match, and the
 * timestamp must be within `toleranceSeconds` of now (default 5 minutes, against replays).
 */
export function verifyWebhook(
  secret: string,
  headers: Record<string, string | string[] | undefined>,
  body: string,
  options: { toleranceSeconds?: number; now?: number } = {},
): boolean {
  const get = (name: string): string | undefined => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const id = get('webhook-id');
  const ts = get('webhook-timestamp');
  const sigs = get('webhook-signature');
  if (!id || !ts || !sigs || !/^\d+$/.test(ts)) return false;
  const now = Math.floor((options.now ?? Date.now()) / 1000);
  if (Math.abs(now - Number(ts)) > (options.toleranceSeconds ?? 300)) return false;
  const expected = Buffer.from(signWebhook(secret, id, Number(ts), body).slice(3), 'base64');
  return sigs.split(' ').some((s) => {
    const [version, mac] = s.split(',', 2);
    if (version !== 'v1' || !mac) return false;
    const got = Buffer.from(mac, 'base64');
    return got.length === expected.length && timingSafeEqual(got, expected);
  });
}
