/**
 * `seizurewatch serve --config FILE [--dry-run]`: run the pipeline as BullMQ workers on Redis
 * ($REDIS_URL, default redis://127.0.0.1:6379) with one job scheduler per feed and the HTTP API.
 * SIGTERM/SIGINT: stop taking jobs, finish (or release) active ones, close, exit 0.
 */
import type { Command } from 'commander';

interface ServeOptions {
  config: string;
  dryRun?: boolean;
  role?: string;
}

const ROLES = ['all', 'worker', 'scheduler', 'api'] as const;

export async function runServe(opts: ServeOptions): Promise<void> {
  // Loaded here, not at the top: `--help` and other commands need not pay for them.
  const role = (opts.role ?? 'all') as (typeof ROLES)[number];
  if (!ROLES.includes(role)) {
    const { InputError } = await import('../../errors.ts');
    throw new InputError(`--role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(opts.role)}`);
  }
  const { loadConfig } = await import('../../config.ts');
  const { createLogger } = await import('../../log.ts');
  const config = loadConfig(opts.config);
  const { startService } = await import('../../service/service.ts');
  const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
  const abort = new AbortController();
  let stopping = false;
  let stop: (() => Promise<void>) | null = null;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal }, 'signal received: shutting down');
    abort.abort();
    if (!stop) return; // still starting: the start sees the abort and gives up
    stop().then(
      () => process.exit(0),
      (err) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);

  let service: Awaited<ReturnType<typeof startService>>;
  try {
    service = await startService({ config, logger, dryRun: opts.dryRun, signal: abort.signal, role });
  } catch (err) {
    if (stopping) {
      logger.info('stopped before the service started');
      process.exit(0);
    }
    throw err;
  }
  stop = service.close;
  if (stopping) await stop().then(() => process.exit(0));
  // Keep running until a signal arrives.
  await new Promise<never>(() => {});
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('run the pipeline as BullMQ workers on Redis, with the HTTP API')
    .requiredOption('-c, --config <file>', 'config file')
    .option('--dry-run', 'print alerts to stderr instead of sending them')
    .option(
      '--role <role>',
      'all (default), worker (stage workers + NDJSON writer), scheduler (feed schedulers), api (HTTP only); any number of each can share one config',
      'all',
    )
    .action(async (opts: ServeOptions) => {
      await runServe(opts);
    });
}
