/** Send one alert on one channel, whatever its type. Throws DeliveryError (retryable or final). */
import type { Alert } from '../alert.ts';
import type { Channel } from '../config.ts';
import { closeEmailTransport, sendEmail } from './email.ts';
import { sendSlack } from './slack.ts';
import { sendWebhook } from './webhook.ts';

export interface SendOutcome {
  status: number | null;
  detail: string;
}

export async function sendToChannel(channel: Channel, alert: Alert, messageId: string): Promise<SendOutcome> {
  switch (channel.type) {
    case 'webhook':
      return sendWebhook(channel, alert, messageId);
    case 'slack':
      return sendSlack(channel, alert);
    case 'email':
      return sendEmail(channel, alert, messageId);
  }
}

/** Default shortest gap between two sends: Slack allows about one message a second. */
export function minIntervalOf(channel: Channel): number {
  return channel.minIntervalMs ?? (channel.type === 'slack' ? 1000 : 0);
}

export function closeChannel(channel: Channel): void {
  if (channel.type === 'email') closeEmailTransport(channel);
}
