/** `seizurewatch export` as a process: filters, --seizures lines, argument errors. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExportOptions, runExport } from '../../src/cli/commands/export.ts';
import { exportLines } from '../../src/records/export-lines.ts';
import { RECORD_SCHEMA } from '../../src/records/schema.ts';
import { openStore } from '../../src/records/store.ts';
import { SqliteStore } from '../../src/store/sqlite.ts';
import type { ArticleRecord, Seizure } from '../../src/types.ts';
import { ROOT } from '../helpers/paths.ts';
import { BIN } from './helpers/serve-process.ts';

function seizure(drug: Seizure['drug'], kg: number, country: string): Seizure {
  return {
    drug,
    amount: { value: kg, unit: 'kg' },
    kg,
    count: null,
    countUnit: null,
    location: null,
    country,
    period: null,
    aggregate: false,
    record: false,
    attribution: null,
    evidence: `Officers seized ${kg} kg of ${drug}.`,
    confidence: 0.9,
    reasons: [],
  };
}

function record(id: string, published: string | null, seizures: Seizure[]): ArticleRecord {
  return {
    schema: RECORD_SCHEMA,
    id,
    url: `https://news.example/${id}`,
    source: { id: 'example', name: 'Example' },
    language: 'en',
    title: `Title ${id}`,
    teaser: null,
    published,
    section: null,
    tags: [],
    authors: [],
    editor: null,
    text: 'Body.',
    seizureStory: seizures.length > 0,
    seizures,
    trends: [],
    persons: [],
    organizations: [],
    places: [],
    extractedAt: '2025-09-11T00:00:00Z',
    extractor: 'seizurewatch@test',
  };
}

/** The CLI as a process (slow to start on a busy machine: used twice). */
function runCli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'export', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = r.stdout
    .split('\n')
    .filter((l) => l.length > 0)
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code: r.status, lines, stderr: r.stderr };
}

describe('seizurewatch export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-export-'));
  const storeDir = path.join(dir, 'store');
  let store: SqliteStore;

  /** What `export` writes for these options (the same generator the command streams). */
  const run = async (opts: ExportOptions) => {
    const out: Record<string, unknown>[] = [];
    for await (const l of exportLines(store, opts)) out.push(JSON.parse(l) as Record<string, unknown>);
    return out;
  };
  const ids = async (opts: ExportOptions) => (await run(opts)).map((l) => l.id);

  beforeAll(() => {
    const s = openStore(storeDir);
    s.insertRecord(
      record('a1', '2025-01-15T10:00:00Z', [seizure('cocaine', 500, 'BE'), seizure('cannabis', 20, 'NL')]),
    );
    s.insertRecord(record('b2', '2025-03-01', [seizure('heroin', 2, 'TR')]));
    s.insertRecord(record('c3', '2025-06-30T23:00:00Z', []));
    s.insertRecord(record('d4', null, [seizure('cocaine', 40, 'EC')]));
    s.close();
    store = SqliteStore.open(storeDir);
  });
  afterAll(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('as a process: streams every record to stdout, in the order stored', () => {
    const r = runCli(['--store', storeDir]);
    expect(r.code).toBe(0);
    expect(r.lines.map((l) => l.id)).toEqual(['a1', 'b2', 'c3', 'd4']);
    expect(r.stderr).toMatch(/4 line\(s\)/);
  }, 130_000);

  it('filters by date, drug, country and weight', async () => {
    expect(await ids({ since: '2025-02-01' })).toEqual(['b2', 'c3']);
    expect(await ids({ until: '2025-03-01' })).toEqual(['a1', 'b2']);
    expect(await ids({ since: '2025-01-15T10:00:00Z', until: '2025-01-15' })).toEqual(['a1']);
    expect(await ids({ drug: 'Cocaine' })).toEqual(['a1', 'd4']);
    expect(await ids({ country: 'nl' })).toEqual(['a1']);
    expect(await ids({ drug: 'cocaine', minKg: '100' })).toEqual(['a1']);
    expect(await ids({ seizureStories: true })).toEqual(['a1', 'b2', 'd4']);
    // drug, country and weight must hold for one and the same seizure
    expect(await ids({ drug: 'cannabis', country: 'BE' })).toEqual([]);
  });

  it('--seizures writes one line per matching seizure with its article', async () => {
    const all = await run({ seizures: true });
    expect(all).toHaveLength(4);
    expect(all[0]).toMatchObject({
      recordId: 'a1',
      url: 'https://news.example/a1',
      title: 'Title a1',
      published: '2025-01-15T10:00:00Z',
      drug: 'cocaine',
      kg: 500,
      country: 'BE',
    });
    expect((await run({ seizures: true, minKg: '30' })).map((l) => [l.recordId, l.drug])).toEqual([
      ['a1', 'cocaine'],
      ['d4', 'cocaine'],
    ]);
  });

  it('reports every bad argument at once', () => {
    expect(() =>
      exportLines(store, { since: 'last week', drug: 'sugar', country: 'Belgium', minKg: '-3' }),
    ).toThrow(
      /--since: expected an ISO date.*--drug: unknown drug "sugar".*--country: expected an ISO 3166-1 alpha-2 code.*--min-kg: expected a number of kilograms >= 0/,
    );
    expect(() => exportLines(store, { since: '2025-05-01', until: '2025-01-01' })).toThrow(
      /--since \(2025-05-01\) is after --until/,
    );
    expect(() => exportLines(store, { since: '2025-13-45' })).toThrow(/--since/);
  });

  it('as a process: a bad argument exits 2 with the message, nothing on stdout', () => {
    const r = runCli(['--store', storeDir, '--drug', 'sugar', '--min-kg', 'lots']);
    expect(r.code).toBe(2);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toMatch(/--drug: unknown drug "sugar".*--min-kg: expected a number/);
  }, 130_000);

  it('refuses a missing store and a call with neither --config nor --store', async () => {
    await expect(runExport({ store: path.join(dir, 'nowhere') })).rejects.toThrow(/no store in .*nowhere/);
    await expect(runExport({})).rejects.toThrow(/give --config FILE/);
  });
});
