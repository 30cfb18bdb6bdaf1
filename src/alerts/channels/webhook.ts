/** Generic webhook: the alert as JSON, signed per Standard Webhooks 1.0 when a secret is set. */
import type { Alert } from '../alert.ts';
import type { WebhookChannel } from '../config.ts';
import { webhookHeaders } from '../signature.ts';
import { type HttpOutcome, postJson } from './http.ts';

/** The body: Standard Webhooks' recommended envelope around the alert. */
export function webhookBody(alert: Alert, now = Date.now()): string {
  return JSON.stringify({ type: alert.type, timestamp: new Date(now).toISOString(), data: alert });
}

export async function sendWebhook(
  channel: WebhookChannel,
  alert: Alert,
  messageId: string,
): Promise<HttpOutcome> {
  const body = webhookBody(alert);
  const signed = channel.secret
    ? webhookHeaders(channel.secret, messageId, body)
    : { 'webhook-id': messageId, 'webhook-timestamp': String(Math.floor(Date.now() / 1000)) };
  return postJson(channel.url, body, { ...channel.headers, ...signed }, channel.timeoutMs, channel.name);
}
