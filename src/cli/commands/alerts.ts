import type { Command } from 'commander';
import { DeliveryError, InputError } from '../../errors.ts';

/**
 * `seizurewatch alerts test --channel NAME --config FILE`: send a sample alert on one channel.
 * `seizurewatch alerts list --config FILE`: the deliveries in the alerts store, as NDJSON.
 */
export function registerAlerts(program: Command): void {
  const alerts = program.command('alerts').description('alert channels and deliveries');

  alerts
    .command('test')
    .description('send a sample alert on one channel')
    .requiredOption('--channel <name>', 'channel name from alerts.channels')
    .requiredOption('--config <file>', 'config file')
    .option('--dry-run', 'print the alert instead of sending it')
    .action(async (opts: { channel: string; config: string; dryRun?: boolean }) => {
      const { loadConfig } = await import('../../config.ts');
      const { renderText } = await import('../../alerts/alert.ts');
      const { closeChannel, sendToChannel } = await import('../../alerts/channels/index.ts');
      const { sampleAlert } = await import('../../alerts/sample.ts');
      const config = loadConfig(opts.config);
      const channel = config.alerts.channels.find((c) => c.name === opts.channel);
      if (!channel) {
        const names = config.alerts.channels.map((c) => c.name).join(', ') || 'none';
        throw new InputError(`no channel "${opts.channel}" in ${opts.config} (channels: ${names})`);
      }
      const { alert, messageId } = sampleAlert();
      if (opts.dryRun) {
        process.stdout.write(
          `--- dry run: test alert to ${channel.name} (${channel.type})\n${renderText(alert)}`,
        );
        return;
      }
      const start = Date.now();
      try {
        const out = await sendToChannel(channel, alert, messageId);
        process.stdout.write(
          `sent a test alert to ${channel.name} (${channel.type}): ${out.status ?? 'ok'} in ${Date.now() - start} ms, id ${messageId}\n`,
        );
      } catch (err) {
        if (err instanceof DeliveryError) {
          throw new DeliveryError(
            `test alert to ${channel.name} failed (${err.retryable ? 'retryable' : 'final'}): ${err.message}`,
            {
              cause: err,
            },
          );
        }
        throw err;
      } finally {
        closeChannel(channel);
      }
    });

  alerts
    .command('list')
    .description('print the deliveries in the alerts store as NDJSON')
    .requiredOption('--config <file>', 'config file')
    .option('--status <status>', 'only pending, delivered, failed, expired or merged')
    .action(async (opts: { config: string; status?: string }) => {
      const { loadConfig } = await import('../../config.ts');
      const { openStore } = await import('../../store/index.ts');
      const config = loadConfig(opts.config);
      const statuses = ['pending', 'delivered', 'failed', 'expired', 'merged'];
      if (opts.status && !statuses.includes(opts.status)) {
        throw new InputError(`--status must be one of ${statuses.join(', ')}`);
      }
      const store = await openStore(config.store);
      try {
        const rows = await store.alerts.deliveries(opts.status ? { status: opts.status as 'pending' } : {});
        for (const r of rows) {
          process.stdout.write(
            `${JSON.stringify({
              id: r.id,
              story: r.story_key,
              channel: r.channel,
              rule: r.rule,
              record: r.record_id,
              status: r.status,
              attempts: r.attempts,
              lastStatus: r.last_status,
              lastError: r.last_error,
              createdAt: new Date(r.created_at).toISOString(),
              deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
              expiresAt: new Date(r.expires_at).toISOString(),
            })}\n`,
          );
        }
      } finally {
        await store.close();
      }
    });
}
