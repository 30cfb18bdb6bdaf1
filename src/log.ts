/**
 * The root pino logger: JSON lines on stderr (stdout is for records), pretty only on request
 * (`log.pretty: true` or SEIZUREWATCH_LOG_PRETTY=1). Children carry stage context.
 */
import pino, { type Logger } from 'pino';

export type { Logger } from 'pino';

export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
}

export function createLogger(opts: LoggerOptions = {}): Logger {
  const level = opts.level ?? process.env.SEIZUREWATCH_LOG_LEVEL ?? 'info';
  const pretty = opts.pretty ?? process.env.SEIZUREWATCH_LOG_PRETTY === '1';
  if (pretty) {
    return pino({
      level,
      transport: { target: 'pino-pretty', options: { destination: 2, colorize: false } },
    });
  }
  return pino({ level, base: { app: 'seizurewatch' } }, pino.destination({ fd: 2, sync: true }));
}

/** A logger that writes nothing, for tests and library use. */
export const silentLogger: Logger = pino({ level: 'silent' });
