/**
 * `seizurewatch serve --config FILE [--dry-run]`: run the pipeline as BullMQ workers on Redis
 * ($REDIS_URL, default redis://127.0.0.1:6379) with one job scheduler per feed and the HTTP API.
 * SIGTERM/SIGINT: stop taking jobs, finish (or release) active ones, close, exit 0.
 * A start that fails (bad config, API port taken, Redis or PostgreSQL unreachable past their
 * deadline) prints one line, `seizurewatch: ...`, and exits at once: 2 for a bad config or
 * argument, 1 otherwise; nothing waits for the handles a half-done start left open.
 */
import type { Command } from 'commander';

interface ServeOptions {
  config: string;
  dryRun?: boolean;
  role?: string;
  redisWaitMs?: string;
  storeWaitMs?: string;
}

/** One line for the start's failure: a config's problems joined, never a stack. */
function startFailureLine(err: unknown): string {
  const e = err as { problems?: { path: string; message: string }[]; message?: string } | undefined;
  if (e?.problems && e.problems.length > 0) {
    const file = /^invalid config (.*?):\n/.exec(e.message ?? '')?.[1] ?? 'config';
    const list = e.problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ');
    return `invalid config ${file}: ${list}`;
  }
  const message = (e?.message ?? String(err)).split('\n')[0];
  return (err as { code?: string })?.code ? message! : `cannot start: ${message}`;
}

function exitCodeOf(err: unknown): number {
  const code = (err as { code?: string })?.code;
  return code === 'CONFIG_INVALID' || code === 'INPUT_INVALID' ? 2 : 1;
}

function failStart(err: unknown): never {
  process.stderr.write(`seizurewatch: ${startFailureLine(err)}\n`);
  process.exit(exitCodeOf(err));
}

function parseWaitMs(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    failStart(
      Object.assign(new Error(`${flag} must be a whole number of ms >= 0, got ${JSON.stringify(value)}`), {
        code: 'INPUT_INVALID',
      }),
    );
  }
  return n;
}

const ROLES = ['all', 'worker', 'scheduler', 'api'] as const;

export async function runServe(opts: ServeOptions): Promise<void> {
  // Loaded here, not at the top: `--help` and other commands need not pay for them.
  const role = (opts.role ?? 'all') as (typeof ROLES)[number];
  if (!ROLES.includes(role)) {
    const { InputError } = await import('../../errors.ts');
    failStart(new InputError(`--role must be one of ${ROLES.join(', ')}, got ${JSON.stringify(opts.role)}`));
  }
  const redisWaitMs = parseWaitMs('--redis-wait-ms', opts.redisWaitMs);
  const storeWaitMs = parseWaitMs('--store-wait-ms', opts.storeWaitMs);
  const { loadConfig } = await import('../../config.ts');
  const { createLogger } = await import('../../log.ts');
  let loaded: ReturnType<typeof loadConfig>;
  try {
    loaded = loadConfig(opts.config);
  } catch (err) {
    failStart(err);
  }
  const config =
    storeWaitMs === undefined ? loaded : { ...loaded, store: { ...loaded.store, waitMs: storeWaitMs } };
  const servesHttp = config.service.http.enabled && (role === 'all' || role === 'api');
  if (servesHttp) {
    // Before loading the service's modules (BullMQ, fastify ...): a taken port fails at once.
    const { assertPortFree } = await import('../../service/port-check.ts');
    await assertPortFree(config.service.http.host, config.service.http.port).catch(failStart);
  }
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
    service = await startService({
      config,
      logger,
      dryRun: opts.dryRun,
      signal: abort.signal,
      role,
      redisWaitMs: redisWaitMs ?? config.service.redisWaitMs,
    });
  } catch (err) {
    if (stopping) {
      logger.info('stopped before the service started');
      process.exit(0);
    }
    failStart(err);
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
    .option(
      '--redis-wait-ms <ms>',
      'wait this long at start for Redis before exiting 1 (default: service.redisWaitMs, 3000)',
    )
    .option(
      '--store-wait-ms <ms>',
      'wait this long at start for the PostgreSQL store before exiting 1 (default: store.waitMs, 3000)',
    )
    .action(async (opts: ServeOptions) => {
      await runServe(opts);
    });
}
