/**
 * The NDJSON output writer shared by processes: one holder of the lease writes, the other takes
 * over when it is gone, resuming from the store's records not yet emitted, without a second
 * line for a record already in the file and without a torn line.
 */
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.ts';
import { toNdjsonLine } from '../../src/sinks/ndjson.ts';
import { OUTPUT_LEASE, OutputWriter } from '../../src/sinks/output-writer.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import { testRecord } from '../helpers/records.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sw-output-writer-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const lines = (file: string) => readFileSync(file, 'utf8').split('\n');

describe('OutputWriter', () => {
  it('writes with one holder at a time and hands over without a duplicate or torn line', async () => {
    const storeDir = path.join(dir, 'store');
    const file = path.join(dir, 'out.ndjson');
    const a = SqliteStore.open(storeDir);
    const b = SqliteStore.open(storeDir);
    const wa = new OutputWriter({ store: a, file, logger: silentLogger, leaseMs: 400 });
    const wb = new OutputWriter({ store: b, file, logger: silentLogger, leaseMs: 400 });
    try {
      for (let i = 0; i < 5; i++) await a.insertRecord(testRecord(`w-${i}`));
      expect(await wa.nudge()).toBe(5);
      expect(wa.isWriter).toBe(true);
      // b is refused while a holds the lease, even with records waiting
      await b.insertRecord(testRecord('w-5'));
      expect(await wb.nudge()).toBe(0);
      expect(wb.isWriter).toBe(false);

      // a "dies" after writing w-6 but before marking it, leaving a torn line behind it
      await b.insertRecord(testRecord('w-6'));
      expect(await wa.nudge()).toBe(2); // w-5 and w-6, marked
      await b.insertRecord(testRecord('w-7'));
      appendFileSync(file, toNdjsonLine(testRecord('w-7'))); // written...
      appendFileSync(file, '{"schema":"seizurewatch/article@2","id":"w-8","ur'); // ...and torn
      await b.insertRecord(testRecord('w-8'));
      // (a never marks w-7 or w-8 and stops renewing its lease)

      await new Promise((r) => setTimeout(r, 500));
      expect(await wb.nudge()).toBe(1); // w-8 only: w-7 is in the file already
      expect(wb.isWriter).toBe(true);
      expect(await a.unemittedRecords()).toEqual([]);
      expect(await a.acquireLease(OUTPUT_LEASE, wa.holder, 400)).toBe(false);

      const all = lines(file);
      expect(all.at(-1)).toBe('');
      const whole = all.slice(0, -1).filter((l) => {
        try {
          JSON.parse(l);
          return true;
        } catch {
          return false;
        }
      });
      // one torn fragment, closed off by the new holder, then whole lines only
      expect(all.length - 1 - whole.length).toBe(1);
      expect(all.at(-2)).toMatch(/"id":"w-8"/);
      const ids = whole.map((l) => (JSON.parse(l) as { id: string }).id);
      expect(ids).toEqual(['w-0', 'w-1', 'w-2', 'w-3', 'w-4', 'w-5', 'w-6', 'w-7', 'w-8']);
    } finally {
      await wa.stop();
      await wb.stop();
      await a.close();
      await b.close();
    }
  });

  it('gives the lease up on stop, so the next writer starts at once', async () => {
    const storeDir = path.join(dir, 'store2');
    const file = path.join(dir, 'out2.ndjson');
    const a = SqliteStore.open(storeDir);
    const b = SqliteStore.open(storeDir);
    const wa = new OutputWriter({ store: a, file, logger: silentLogger, leaseMs: 60_000 });
    const wb = new OutputWriter({ store: b, file, logger: silentLogger, leaseMs: 60_000 });
    try {
      await a.insertRecord(testRecord('s-0'));
      expect(await wa.nudge()).toBe(1);
      await wa.stop();
      await b.insertRecord(testRecord('s-1'));
      expect(await wb.nudge()).toBe(1);
      expect(lines(file).filter(Boolean)).toHaveLength(2);
    } finally {
      await wb.stop();
      await a.close();
      await b.close();
    }
  });
});
