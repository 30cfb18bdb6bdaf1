/** Email over SMTP (nodemailer): a plain-text message per alert. */
import nodemailer, { type Transporter } from 'nodemailer';
import { DeliveryError } from '../../errors.ts';
import { type Alert, renderText } from '../alert.ts';
import type { EmailChannel } from '../config.ts';

const transports = new WeakMap<EmailChannel, Transporter>();

function transportFor(channel: EmailChannel): Transporter {
  let t = transports.get(channel);
  if (!t) {
    t = nodemailer.createTransport({
      host: channel.smtp.host,
      port: channel.smtp.port,
      secure: channel.smtp.secure,
      requireTLS: channel.smtp.requireTLS,
      ...(channel.smtp.user ? { auth: { user: channel.smtp.user, pass: channel.smtp.pass ?? '' } } : {}),
      connectionTimeout: channel.timeoutMs,
      greetingTimeout: channel.timeoutMs,
      socketTimeout: channel.timeoutMs,
    });
    transports.set(channel, t);
  }
  return t;
}

export function emailMessage(channel: EmailChannel, alert: Alert, messageId: string) {
  return {
    from: channel.from,
    to: channel.to,
    subject: `${channel.subjectPrefix} ${alert.headline}`.trim(),
    text: renderText(alert),
    headers: { 'X-Seizurewatch-Alert': messageId, 'X-Seizurewatch-Story': alert.story.key },
  };
}

export async function sendEmail(
  channel: EmailChannel,
  alert: Alert,
  messageId: string,
): Promise<{ status: number | null; detail: string }> {
  try {
    const info = await transportFor(channel).sendMail(emailMessage(channel, alert, messageId));
    return { status: 250, detail: String(info.response ?? '') };
  } catch (cause) {
    const err = cause as { responseCode?: number; code?: string; message?: string };
    // SMTP 5xx replies and bad credentials will not get better by retrying; 4xx and network errors may.
    const final = (err.responseCode !== undefined && err.responseCode >= 500) || err.code === 'EAUTH';
    throw new DeliveryError(
      `${channel.name}: SMTP ${err.responseCode ?? err.code ?? 'error'}: ${err.message}`,
      {
        cause,
        retryable: !final,
        details: { channel: channel.name, status: err.responseCode ?? null },
      },
    );
  }
}

export function closeEmailTransport(channel: EmailChannel): void {
  transports.get(channel)?.close();
  transports.delete(channel);
}
