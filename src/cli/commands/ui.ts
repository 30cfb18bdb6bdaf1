/**
 * `seizurewatch ui --config FILE [--port N]`: the newsroom dashboard over the config's store (the
 * embedded one under store.dir, or PostgreSQL with store.url or DATABASE_URL), no Redis needed.
 * `--store DIR|postgres://...` reads a store without a config; `--demo` builds the demo
 * archive in a temporary folder (removed on exit) and opens the dashboard on it. Prints the URL
 * on stdout; SIGINT/SIGTERM stop it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';

interface UiOptions {
  config?: string;
  store?: string;
  demo?: boolean;
  port?: string;
  host?: string;
}

function portOf(value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d{1,5}$/.test(value) || Number(value) > 65_535) {
    throw new InputError(`--port: expected a port from 0 to 65535, got "${value.slice(0, 20)}"`);
  }
  return Number(value);
}

export async function runUi(opts: UiOptions): Promise<void> {
  const given = [opts.config, opts.store, opts.demo].filter(Boolean).length;
  if (given !== 1) throw new InputError('give one of --config FILE, --store DIR or --demo');
  // Loaded here, not at the top: `--help` must not pay for config, zod and pino.
  const [{ loadConfig }, { createLogger }, { ServiceConfigSchema }] = await Promise.all([
    import('../../config.ts'),
    import('../../log.ts'),
    import('../../service/config.ts'),
  ]);
  const config = opts.config ? loadConfig(opts.config) : null;
  const httpConfig = { ...(config?.service.http ?? ServiceConfigSchema.parse({}).http) };
  httpConfig.port = portOf(opts.port, httpConfig.port);
  if (opts.host) httpConfig.host = opts.host;
  const logger = createLogger({ level: config?.log.level ?? 'warn', pretty: config?.log.pretty });
  const token = process.env[httpConfig.tokenEnv] || undefined;

  let storeDir: string;
  let storeUrl: string | undefined;
  let cleanup = () => {};
  if (opts.demo) {
    const dir = mkdtempSync(path.join(tmpdir(), 'seizurewatch-ui-demo-'));
    cleanup = () => rmSync(dir, { recursive: true, force: true });
    try {
      const { seedDashboardDemo } = await import('../../demo/dashboard-demo.ts');
      const seeded = await seedDashboardDemo(dir, { logger, progress: (l) => process.stderr.write(l) });
      storeDir = seeded.storeDir;
      process.stderr.write(`demo archive: ${seeded.records} records in ${storeDir} (removed on exit)\n`);
    } catch (err) {
      cleanup();
      throw err;
    }
  } else {
    const { resolveStoreUrl } = await import('../../store/index.ts');
    if (opts.store && /^postgres(ql)?:\/\//.test(opts.store)) storeUrl = opts.store;
    else if (!opts.store && config) storeUrl = resolveStoreUrl(config.store) ?? undefined;
    storeDir = opts.store && !storeUrl ? path.resolve(opts.store) : (config?.store.dir ?? '');
  }

  const { startUiServer } = await import('../../dashboard/ui-server.ts');
  let server: Awaited<ReturnType<typeof startUiServer>>;
  try {
    server = await startUiServer({ storeDir, storeUrl, http: httpConfig, token, logger });
  } catch (err) {
    cleanup();
    throw err;
  }
  process.stdout.write(`seizurewatch dashboard: ${server.url}\n`);
  process.stderr.write(
    `${token ? `sign in with the token in ${httpConfig.tokenEnv}; ` : ''}new records stored in ${server.storeLocation} appear live. Ctrl-C stops.\n`,
  );
  let stopping = false;
  const stop = () => {
    if (stopping) process.exit(1);
    stopping = true;
    server.close().then(
      () => {
        cleanup();
        process.exit(0);
      },
      () => {
        cleanup();
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await new Promise<never>(() => {});
}

export function registerUi(program: Command): void {
  program
    .command('ui')
    .description(
      'open the newsroom dashboard over the store (no Redis): map, timeline, records, stories, alerts',
    )
    .option('-c, --config <file>', 'config file (its store and service.http are used)')
    .option('--store <dir|url>', 'a store folder or a postgres:// URL, without a config')
    .option('--demo', 'build the demo archive in a temporary folder and open the dashboard on it')
    .option('-p, --port <n>', 'port (default service.http.port, 8787; 0 picks a free one)')
    .option(
      '--host <host>',
      'address to bind (default service.http.host, 127.0.0.1; beyond loopback needs a token)',
    )
    .action(async (opts: UiOptions) => {
      await runUi(opts);
    });
}
