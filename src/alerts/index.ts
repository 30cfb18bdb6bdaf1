/**
 * Alerts: which stored records alert, to which channels, once per story.
 * OWNER: alerts work. Stub until implemented: `scan` calls onRecord for every newly stored record.
 */
import type { Logger } from '../log.ts';
import type { ArticleRecord } from '../types.ts';
import type { AlertsConfig } from './config.ts';

export interface AlerterOptions {
  /** Where the alerts' own embedded state (story clusters, deliveries) lives. */
  storeDir: string;
  logger: Logger;
  /** Print alerts to stderr instead of sending them. */
  dryRun?: boolean;
}

export interface Alerter {
  /** Called once for every newly stored record, in the order stored. */
  onRecord(record: ArticleRecord): Promise<void>;
  close(): Promise<void>;
}

export function createAlerter(_config: AlertsConfig, _options: AlerterOptions): Alerter {
  return { onRecord: async () => {}, close: async () => {} };
}
