/** The lines `seizurewatch export` writes: stored records, or one line per seizure, filtered. */
import { parseRecordFilter, seizureLines, toStoreQuery } from '../service/record-filter.ts';
import type { Store } from '../store/types.ts';

/** The filters of `export` (and of `GET /api/records`), as given on the command line. */
export interface ExportLineOptions {
  since?: string;
  until?: string;
  drug?: string;
  country?: string;
  minKg?: string;
  seizures?: boolean;
  seizureStories?: boolean;
}

/**
 * The NDJSON lines (without newline) `export` writes for these options, from an open store.
 * Bad options throw here, before anything is read.
 */
export function exportLines(store: Store, opts: ExportLineOptions): AsyncGenerator<string> {
  return lines(store, opts, exportFilter(opts));
}

async function* lines(
  store: Store,
  opts: ExportLineOptions,
  filter: ReturnType<typeof exportFilter>,
): AsyncGenerator<string> {
  for await (const record of store.iterateRecords(
    toStoreQuery(filter, { seizureOnly: opts.seizureStories }),
  )) {
    if (opts.seizures) for (const line of seizureLines(record, filter)) yield JSON.stringify(line);
    else yield JSON.stringify(record);
  }
}

export function exportFilter(opts: ExportLineOptions) {
  return parseRecordFilter(
    { since: opts.since, until: opts.until, drug: opts.drug, country: opts.country, minKg: opts.minKg },
    { since: '--since', until: '--until', drug: '--drug', country: '--country', minKg: '--min-kg' },
  );
}
