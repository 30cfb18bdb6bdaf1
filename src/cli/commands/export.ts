/**
 * `seizurewatch export`: stream stored records (or, with --seizures, one line per seizure) as
 * NDJSON to stdout, filtered like `GET /api/records`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';
import type { ExportLineOptions } from '../../records/export-lines.ts';

export interface ExportOptions extends ExportLineOptions {
  config?: string;
  store?: string;
}

/** Write a line to stdout, waiting when the pipe is full; false once the reader has gone. */
async function writeLine(line: string): Promise<boolean> {
  if (process.stdout.destroyed) return false;
  if (process.stdout.write(`${line}\n`)) return true;
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      process.stdout.off('drain', onDrain);
      process.stdout.off('error', onError);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onError = () => done(false);
    process.stdout.once('drain', onDrain);
    process.stdout.once('error', onError);
  });
}

export async function runExport(opts: ExportOptions): Promise<number> {
  // Loaded here, not at the top: `--help` need not pay for the store and the filters.
  const { exportFilter, exportLines } = await import('../../records/export-lines.ts');
  const { STORE_FILE } = await import('../../records/store.ts');
  exportFilter(opts); // arguments are checked before the store is opened
  let settings: { dir: string; url?: string };
  if (opts.store) settings = { dir: path.resolve(opts.store) };
  else if (opts.config) settings = (await import('../../config.ts')).loadConfig(opts.config).store;
  else throw new InputError('give --config FILE (its store is read) or --store DIR');
  const { openStore, resolveStoreUrl } = await import('../../store/index.ts');
  // --store DIR names the embedded files; a config may name a shared PostgreSQL store.
  const env = opts.store ? {} : process.env;
  const shared = resolveStoreUrl(settings, env) !== null;
  if (!shared && !existsSync(path.join(settings.dir, STORE_FILE))) {
    throw new InputError(`no store in ${settings.dir} (${STORE_FILE} not found): run scan or serve first`);
  }
  process.stdout.on('error', () => {});
  const store = await openStore(settings, env);
  let lines = 0;
  try {
    for await (const line of exportLines(store, opts)) {
      if (!(await writeLine(line))) return lines;
      lines += 1;
    }
  } finally {
    await store.close();
  }
  return lines;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('stream stored records as NDJSON to stdout')
    .option(
      '-c, --config <file>',
      'config file (its store is read: store.url / DATABASE_URL, else store.dir)',
    )
    .option('--store <dir>', 'store directory (instead of --config)')
    .option('--since <iso>', 'published at or after this date/time')
    .option('--until <iso>', 'published at or before this date/time (a bare date includes that day)')
    .option('--drug <drug>', 'only records with a seizure of this drug (cocaine, heroin, ...)')
    .option('--country <cc>', 'only records with a seizure in this country (ISO alpha-2, or EU)')
    .option('--min-kg <n>', 'only records with a seizure of at least this many kilograms')
    .option('--seizure-stories', 'only records that are seizure stories')
    .option('--seizures', "one line per seizure, with its article's id, url, title and published date")
    .action(async (opts: ExportOptions) => {
      const n = await runExport(opts);
      process.stderr.write(`seizurewatch export: ${n} line(s)\n`);
    });
}
