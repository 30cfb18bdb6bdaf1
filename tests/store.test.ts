/** The embedded store on disk: seen items, idempotent records, feed state, export queries. */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { RECORD_SCHEMA } from '../src/records/schema.ts';
import { isoToMs, openStore, type Store } from '../src/records/store.ts';
import type { ArticleRecord, Seizure } from '../src/types.ts';

function seizure(over: Partial<Seizure>): Seizure {
  return {
    drug: 'cocaine',
    amount: { value: 1, unit: 't' },
    kg: 1000,
    count: null,
    countUnit: null,
    location: null,
    country: null,
    period: null,
    aggregate: false,
    record: false,
    attribution: null,
    evidence: 'Officers found the drugs in a container.',
    confidence: 0.9,
    reasons: [],
    ...over,
  };
}

function record(id: string, over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    schema: RECORD_SCHEMA,
    id,
    url: `https://news.example.org/${id}`,
    source: { id: 'example', name: 'Example' },
    language: 'en',
    title: `Story ${id}`,
    teaser: null,
    published: '2025-03-01T10:00:00.000Z',
    section: null,
    tags: [],
    authors: [],
    editor: null,
    text: 'A made-up story for the store test.',
    seizureStory: false,
    seizures: [],
    trends: [],
    persons: [],
    organizations: [],
    places: [],
    extractedAt: '2025-03-01T11:00:00.000Z',
    extractor: 'seizurewatch@0.0.0',
    ...over,
  };
}

const open: Store[] = [];
function fresh(dir = mkdtempSync(path.join(tmpdir(), 'sw-store-'))): { store: Store; dir: string } {
  const store = openStore(dir);
  open.push(store);
  return { store, dir };
}
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

describe('Store', () => {
  it('uses WAL and keeps everything across a reopen', () => {
    const { store, dir } = fresh();
    store.insertRecord(record('a1'), [{ url: 'https://news.example.org/a1', feedId: 'f', guid: 'g-1' }]);
    store.updateFeedState('f', { etag: '"v1"', lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT' });
    expect(existsSync(`${store.file}-wal`)).toBe(true);
    const peek = new Database(store.file, { readonly: true });
    expect(peek.pragma('journal_mode', { simple: true })).toBe('wal');
    peek.close();
    store.close();
    const again = fresh(dir).store;
    expect(again.getRecord('a1')?.title).toBe('Story a1');
    expect(again.isSeen({ url: 'https://news.example.org/a1' })).toBe(true);
    expect(again.isSeen({ url: 'https://other.example.org/x', feedId: 'f', guid: 'g-1' })).toBe(true);
    expect(again.getFeedState('f')).toMatchObject({ etag: '"v1"', failures: 0 });
  });

  it('inserts a record once and says whether it was new', () => {
    const { store } = fresh();
    expect(store.insertRecord(record('b1'))).toBe(true);
    expect(store.insertRecord(record('b1', { title: 'changed' }))).toBe(false);
    expect(store.getRecord('b1')?.title).toBe('Story b1');
    expect(store.countRecords()).toBe(1);
  });

  it('scopes GUIDs to their feed, URLs to everything', () => {
    const { store } = fresh();
    store.markSeen({ url: 'https://x.example.org/1', feedId: 'f1', guid: '42' });
    expect(store.isSeen({ url: 'https://x.example.org/2', feedId: 'f1', guid: '42' })).toBe(true);
    expect(store.isSeen({ url: 'https://x.example.org/2', feedId: 'f2', guid: '42' })).toBe(false);
    expect(store.isSeen({ url: 'https://x.example.org/1', feedId: 'f2', guid: null })).toBe(true);
  });

  it('tracks records not yet emitted (crash between store and sink)', () => {
    const { store } = fresh();
    store.insertRecord(record('c1'));
    store.insertRecord(record('c2'));
    store.markEmitted('c1');
    expect(store.unemittedRecords().map((r) => r.id)).toEqual(['c2']);
  });

  it('answers export queries: dates, drug, country, min kg, seizure stories', () => {
    const { store } = fresh();
    store.insertRecord(
      record('d1', {
        published: '2024-05-02T08:00:00Z',
        seizureStory: true,
        seizures: [
          seizure({ drug: 'cocaine', kg: 2500, country: 'BE' }),
          seizure({ drug: 'heroin', kg: 3, country: 'NL' }),
        ],
      }),
    );
    store.insertRecord(
      record('d2', {
        published: '2024-07-10',
        seizureStory: true,
        seizures: [seizure({ drug: 'cannabis', kg: 40, country: 'ES' })],
      }),
    );
    store.insertRecord(record('d3', { published: null }));
    const ids = (q: Parameters<Store['queryRecords']>[0]) => store.queryRecords(q).map((r) => r.id);
    expect(ids({})).toEqual(['d1', 'd2', 'd3']);
    expect(ids({ seizureOnly: true })).toEqual(['d1', 'd2']);
    expect(ids({ since: '2024-06-01' })).toEqual(['d2']);
    expect(ids({ until: '2024-05-02' })).toEqual(['d1']);
    expect(ids({ until: '2024-05' })).toEqual(['d1']);
    expect(ids({ drug: 'heroin' })).toEqual(['d1']);
    expect(ids({ country: 'be' })).toEqual(['d1']);
    // drug, country and minKg must hold for one and the same seizure
    expect(ids({ drug: 'heroin', country: 'BE' })).toEqual([]);
    expect(ids({ minKg: 1000 })).toEqual(['d1']);
    expect(ids({ minKg: 30, drug: 'cannabis' })).toEqual(['d2']);
    expect(ids({ limit: 1 })).toEqual(['d2']);
    expect(() => store.queryRecords({ since: 'last tuesday' })).toThrow(/since/);
  });

  it('merges feed state patches', () => {
    const { store } = fresh();
    expect(store.getFeedState('new')).toMatchObject({ etag: null, failures: 0, nextPollAt: null });
    store.updateFeedState('new', { failures: 2, lastError: 'FETCH_TIMEOUT: slow' });
    const s = store.updateFeedState('new', { etag: '"e"' });
    expect(s).toMatchObject({ failures: 2, etag: '"e"', lastError: 'FETCH_TIMEOUT: slow' });
  });

  it('reads ISO dates and bare periods', () => {
    expect(isoToMs('2024')).toBe(Date.UTC(2024, 0, 1));
    expect(isoToMs('2024', true)).toBe(Date.UTC(2025, 0, 1) - 1);
    expect(isoToMs('2024-02', true)).toBe(Date.UTC(2024, 2, 1) - 1);
    expect(isoToMs('nonsense')).toBeNull();
  });
});
