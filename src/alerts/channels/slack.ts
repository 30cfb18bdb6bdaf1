/** Slack incoming webhook: Block Kit message with headline, figures, evidence and link. */
import { type Alert, evidenceLabel, figureInEnglish } from '../alert.ts';
import type { SlackChannel } from '../config.ts';
import { type HttpOutcome, postJson } from './http.ts';

/** Slack mrkdwn escaping of untrusted text. */
function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function clip(s: string, max: number): string {
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}

export function slackPayload(alert: Alert): { text: string; blocks: unknown[] } {
  const r = alert.record;
  const blocks: unknown[] = [
    { type: 'header', text: { type: 'plain_text', text: clip(alert.headline, 150), emoji: false } },
  ];
  if (alert.figures.length > 0) {
    const lines = alert.figures.slice(0, 10).map((f) => {
      const place = f.location
        ? `${f.location}${f.country ? ` (${f.country})` : ''}`
        : (f.country ?? 'place unknown');
      const period = f.period ?? 'period unknown';
      const tags = [f.aggregate ? 'total' : 'one haul', f.record ? 'record' : null]
        .filter(Boolean)
        .join(', ');
      return `• *${esc(figureInEnglish(f, r.language))}* — ${esc(place)}, ${esc(period)} _(${tags})_`;
    });
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(lines.join('\n'), 2900) } });
  }
  if (alert.evidence) {
    // The quote as the article wrote it; an article in another language says which.
    const label = evidenceLabel(r.language);
    const quote =
      label === 'Evidence' ? `> ${esc(alert.evidence)}` : `_${esc(label)}:_\n> ${esc(alert.evidence)}`;
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: clip(quote, 2900) } });
  }
  if (alert.story.disagreements.length > 0) {
    const notes = alert.story.disagreements.map((d) => `• ${esc(d.note)}`).join('\n');
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: clip(`:warning: *Outlets disagree*\n${notes}`, 2900) },
    });
  }
  const context = [
    `*${esc(r.source.name)}*${r.published ? ` · ${r.published.slice(0, 10)}` : ''}`,
    alert.story.alsoReportedBy.length > 0
      ? `also reported by ${esc(alert.story.alsoReportedBy.join(', '))}`
      : null,
    `rule ${esc(alert.rule)}`,
  ].filter(Boolean);
  blocks.push({ type: 'context', elements: [{ type: 'mrkdwn', text: clip(context.join(' · '), 2900) }] });
  if (r.url) {
    blocks.push({
      type: 'section',
      text: { type: 'mrkdwn', text: `<${r.url.replace(/[<>|]/g, '')}|Read the article>` },
    });
  }
  const fallback = [alert.headline, alert.figures[0]?.summary].filter(Boolean).join(' — ');
  return { text: clip(fallback, 3000), blocks };
}

export async function sendSlack(channel: SlackChannel, alert: Alert): Promise<HttpOutcome> {
  return postJson(channel.url, JSON.stringify(slackPayload(alert)), {}, channel.timeoutMs, channel.name);
}
