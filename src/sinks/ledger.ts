/**
 * The exactly-once NDJSON output under at-least-once delivery. A store job may run again after a
 * crash or a stall, and records stored but not marked emitted are emitted again at start
 * (`emitPending`): either could append a line the file already has. This sink knows which record
 * ids the file holds — read once when it opens, kept up to date as it appends — and skips a
 * record whose id is already there. Each line is one write(2) on an O_APPEND file (NdjsonSink),
 * so a killed process leaves no torn line, and a torn tail found at open is closed off.
 */
import { createReadStream, existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ArticleRecord } from '../types.ts';
import { NdjsonSink } from './ndjson.ts';
import type { Sink } from './sink.ts';

const ID_IN_LINE = /"id":"([^"\\]+)"/;

/** Record ids found in an NDJSON file; torn or unparsable lines are ignored. */
export async function readNdjsonIds(file: string): Promise<Set<string>> {
  const ids = new Set<string>();
  if (!existsSync(file)) return ids;
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    if (!line.endsWith('}')) continue;
    // Records are written with `schema` then `id` first: a look at the head of the line is enough.
    const m = ID_IN_LINE.exec(line.slice(0, 200));
    if (m?.[1]) ids.add(m[1]);
  }
  return ids;
}

export class LedgerSink extends NdjsonSink implements Sink {
  private ids = new Set<string>();
  /** Appends skipped because the file already held the record. */
  skipped = 0;

  /** Open the file (closing off a torn tail) and read the ids it holds. */
  static async open(file: string): Promise<LedgerSink> {
    const sink = new LedgerSink(file);
    sink.ids = await readNdjsonIds(file);
    return sink;
  }

  /** Read the file again (another process may have appended since this one opened it). */
  async reload(): Promise<void> {
    this.ids = await readNdjsonIds(this.file);
  }

  has(id: string): boolean {
    return this.ids.has(id);
  }

  get size(): number {
    return this.ids.size;
  }

  /** Append the record unless its id is already in the file. */
  override append(record: ArticleRecord): void {
    if (this.ids.has(record.id)) {
      this.skipped += 1;
      return;
    }
    super.append(record);
    this.ids.add(record.id);
  }

  async write(record: ArticleRecord): Promise<void> {
    this.append(record);
  }

  override async close(): Promise<void> {
    super.close();
  }
}

/** Open the exactly-once NDJSON output. */
export function openLedgerSink(file: string): Promise<LedgerSink> {
  return LedgerSink.open(file);
}
