/**
 * NDJSON sink: one record per line, UTF-8, appended. Each line is written with one write(2) on a
 * file opened O_APPEND, so concurrent writers never interleave and a killed process leaves at
 * most one partial final line. A torn tail found when the file is opened is closed off with a
 * newline (so the next record starts on its own line), and readers skip lines that do not parse.
 */
import { closeSync, fstatSync, mkdirSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import path from 'node:path';
import { SeizurewatchError } from '../errors.ts';
import type { ArticleRecord } from '../types.ts';

function sinkError(message: string, cause: unknown): SeizurewatchError {
  return new SeizurewatchError('STORE_FAILED', `${message}: ${(cause as Error)?.message ?? String(cause)}`, {
    cause,
    retryable: true,
  });
}

/** One record as one NDJSON line (with the trailing newline). Exported for stdout writers. */
export function toNdjsonLine(record: unknown): string {
  // JSON.stringify escapes U+2028/9 and control characters, so the line has no raw newline.
  return `${JSON.stringify(record)}\n`;
}

/** Appends records to one NDJSON file. Call {@link NdjsonSink.close} when done. */
export class NdjsonSink {
  readonly file: string;
  private fd: number | null;

  constructor(file: string) {
    this.file = file;
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      this.fd = openSync(file, 'a');
      this.closeTornTail();
    } catch (cause) {
      throw sinkError(`cannot open NDJSON output ${file}`, cause);
    }
  }

  private closeTornTail(): void {
    const size = fstatSync(this.fd!).size;
    if (size === 0) return;
    // 'a' opens write-only; read the last byte through a separate read-only descriptor.
    const rfd = openSync(this.file, 'r');
    try {
      const last = Buffer.alloc(1);
      readSync(rfd, last, 0, 1, size - 1);
      if (last[0] !== 0x0a) writeSync(this.fd!, '\n');
    } finally {
      closeSync(rfd);
    }
  }

  /** Append one record as one line, in one write. */
  append(record: ArticleRecord): void {
    if (this.fd === null) throw sinkError(`cannot append to ${this.file}`, new Error('sink is closed'));
    const buf = Buffer.from(toNdjsonLine(record), 'utf8');
    try {
      let off = 0;
      while (off < buf.length) off += writeSync(this.fd, buf, off, buf.length - off);
    } catch (cause) {
      throw sinkError(`cannot append to ${this.file}`, cause);
    }
  }

  close(): void {
    if (this.fd !== null) {
      closeSync(this.fd);
      this.fd = null;
    }
  }
}

export function openNdjsonSink(file: string): NdjsonSink {
  return new NdjsonSink(file);
}

/** Result of reading an NDJSON file: the parsed lines and how many were skipped as damaged. */
export interface NdjsonReadResult<T> {
  records: T[];
  /** Lines that did not parse (a torn final line, or a tail closed off after a crash). */
  skipped: number;
}

/** Parse NDJSON text, skipping blank lines and lines that are not complete JSON objects. */
export function parseNdjson<T = ArticleRecord>(text: string): NdjsonReadResult<T> {
  const records: T[] = [];
  let skipped = 0;
  const lines = text.split('\n');
  for (const line of lines) {
    if (line.trim() === '') continue;
    try {
      const value = JSON.parse(line) as unknown;
      if (value && typeof value === 'object' && !Array.isArray(value)) records.push(value as T);
      else skipped++;
    } catch {
      skipped++;
    }
  }
  return { records, skipped };
}

/** Read an NDJSON file (missing file = empty). */
export function readNdjson<T = ArticleRecord>(file: string): NdjsonReadResult<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], skipped: 0 };
    throw sinkError(`cannot read ${file}`, cause);
  }
  return parseNdjson<T>(text);
}
