/**
 * `seizurewatch export`: stream stored records (or, with --seizures, one line per seizure) as
 * NDJSON to stdout, filtered like `GET /api/records`.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { InputError } from '../../errors.ts';
import { openStore, STORE_FILE, type Store } from '../../records/store.ts';
import { parseRecordFilter, seizureLines, toStoreQuery } from '../../service/record-filter.ts';

export interface ExportOptions {
  config?: string;
  store?: string;
  since?: string;
  until?: string;
  drug?: string;
  country?: string;
  minKg?: string;
  seizures?: boolean;
  seizureStories?: boolean;
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

/** The NDJSON lines (without newline) `export` writes for these options, from an open store. */
export function* exportLines(store: Store, opts: ExportOptions): Generator<string> {
  const filter = exportFilter(opts);
  for (const record of store.iterateRecords(toStoreQuery(filter, { seizureOnly: opts.seizureStories }))) {
    if (opts.seizures) for (const line of seizureLines(record, filter)) yield JSON.stringify(line);
    else yield JSON.stringify(record);
  }
}

function exportFilter(opts: ExportOptions) {
  return parseRecordFilter(
    { since: opts.since, until: opts.until, drug: opts.drug, country: opts.country, minKg: opts.minKg },
    { since: '--since', until: '--until', drug: '--drug', country: '--country', minKg: '--min-kg' },
  );
}

export async function runExport(opts: ExportOptions): Promise<number> {
  exportFilter(opts); // arguments are checked before the store is opened
  let dir: string;
  if (opts.store) dir = path.resolve(opts.store);
  else if (opts.config) dir = loadConfig(opts.config).store.dir;
  else throw new InputError('give --config FILE (its store.dir is read) or --store DIR');
  if (!existsSync(path.join(dir, STORE_FILE))) {
    throw new InputError(`no store in ${dir} (${STORE_FILE} not found): run scan or serve first`);
  }
  process.stdout.on('error', () => {});
  const store = openStore(dir);
  let lines = 0;
  try {
    for (const line of exportLines(store, opts)) {
      if (!(await writeLine(line))) return lines;
      lines += 1;
    }
  } finally {
    store.close();
  }
  return lines;
}

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('stream stored records as NDJSON to stdout')
    .option('-c, --config <file>', 'config file (its store.dir is read)')
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
