/**
 * One contract for every Store implementation: the embedded SQLite files and a PostgreSQL
 * database of the test's own (random name, dropped after). The same cases run against both.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordSummary } from '../../src/alerts/alert.ts';
import type { StoryFeatures } from '../../src/cluster/features.ts';
import { recordId } from '../../src/records/id.ts';
import { openStore } from '../../src/store/index.ts';
import { MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { migrate, PostgresStore } from '../../src/store/postgres.ts';
import type { Store } from '../../src/store/types.ts';
import type { ArticleRecord, FeedItem } from '../../src/types.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { testRecord, testSeizure } from '../helpers/records.ts';

interface Backend {
  name: string;
  setup(): Promise<void>;
  /** A new connection to the same store (another process, as far as the store can tell). */
  open(): Promise<Store>;
  teardown(): Promise<void>;
}

function sqliteBackend(): Backend {
  let dir = '';
  return {
    name: 'sqlite',
    async setup() {
      dir = mkdtempSync(path.join(tmpdir(), 'sw-contract-'));
    },
    open: () => openStore({ dir }, {}),
    async teardown() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function postgresBackend(): Backend {
  let db: TestDatabase | null = null;
  return {
    name: 'postgres',
    async setup() {
      db = await createTestDatabase('sw_contract');
    },
    open: () => openStore({ dir: '/nonexistent', url: db!.url }, {}),
    async teardown() {
      await db?.drop();
    },
  };
}

function features(id: string, terms: string[]): StoryFeatures {
  return {
    id,
    sourceId: 'wire',
    sourceName: 'Wire',
    url: `https://news.example/${id}`,
    title: `Story ${id}`,
    language: 'en',
    time: 1_736_935_200_000,
    figures: [],
    countries: [],
    terms: Object.fromEntries(terms.map((t) => [t, 1])),
    sketch: [],
  };
}

function summary(r: ArticleRecord): RecordSummary {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    source: r.source,
    language: r.language,
    published: r.published,
    seizureStory: r.seizureStory,
    seizures: r.seizures,
  };
}

function feedItem(feedId: string, n: number): FeedItem {
  return {
    feedId,
    link: `https://news.example/${feedId}/${n}?utm_source=rss`,
    url: `https://news.example/${feedId}/${n}`,
    guid: `${feedId}-g${n}`,
    title: `Item ${n} of ${feedId}`,
    published: '2025-03-03T10:00:00.000Z',
    summary: null,
    contentHtml: null,
    categories: ['crime'],
    language: 'en',
  };
}

const delivery = (id: string, storyKey: string, channel: string, at = 1000) => ({
  id,
  storyKey,
  channel,
  rule: 'big',
  recordId: 'r1',
  createdAt: at,
  notBefore: at,
  expiresAt: at + 60_000,
});

for (const backend of [sqliteBackend(), postgresBackend()]) {
  describe(`Store contract: ${backend.name}`, () => {
    let store: Store;
    let other: Store;

    beforeAll(async () => {
      await backend.setup();
      store = await backend.open();
      other = await backend.open();
    }, 30_000);

    afterAll(async () => {
      await store?.close();
      await other?.close();
      await backend.teardown();
    }, 30_000);

    it('stores a record once, with its seen marks, even when many callers insert it at once', async () => {
      const r = testRecord('once-1', { url: 'https://news.example/once-1' });
      const results = await Promise.all([
        store.insertRecord(r, [{ url: 'https://feed.example/once-1', feedId: 'f1', guid: 'g-once' }]),
        other.insertRecord(r),
        store.insertRecord(r),
        other.insertRecord({ ...r, title: 'A later copy' }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
      expect((await other.getRecord('once-1'))?.title).toBe('Story once-1');
      expect(await store.hasRecord('once-1')).toBe(true);
      expect(await store.hasRecord('never')).toBe(false);
      expect(await store.getRecord('never')).toBeNull();
      expect(await other.isSeen({ url: 'https://feed.example/once-1' })).toBe(true);
      // a GUID counts in its own feed only
      expect(await other.isSeen({ url: 'https://elsewhere.example/x', feedId: 'f1', guid: 'g-once' })).toBe(
        true,
      );
      expect(await other.isSeen({ url: 'https://elsewhere.example/x', feedId: 'f2', guid: 'g-once' })).toBe(
        false,
      );
    });

    it('keeps a record byte for byte (field order and all)', async () => {
      const r = testRecord('bytes-1', {
        title: 'Zoll: 2,5 t Kokain — «größter Fund»',
        seizures: [testSeizure()],
      });
      await store.insertRecord(r);
      const back = await other.getRecord('bytes-1');
      expect(JSON.stringify(back)).toBe(JSON.stringify(r));
    });

    it('marks items seen by URL and by feed + GUID, idempotently', async () => {
      await store.markSeen([
        { url: 'https://news.example/seen-a', feedId: 'f3', guid: 'ga' },
        { url: 'https://news.example/seen-b' },
      ]);
      await store.markSeen({ url: 'https://news.example/seen-a', feedId: 'f3', guid: 'ga' });
      expect(await other.isSeen({ url: 'https://news.example/seen-b' })).toBe(true);
      expect(await other.isSeen({ url: 'https://news.example/other', feedId: 'f3', guid: 'ga' })).toBe(true);
      expect(await other.isSeen({ url: 'https://news.example/seen-c' })).toBe(false);
    });

    it('lists records not yet emitted in stored order, until each is marked', async () => {
      const before = (await store.unemittedRecords()).map((r) => r.id);
      for (const id of ['emit-1', 'emit-2', 'emit-3']) await store.insertRecord(testRecord(id));
      const after = (await other.unemittedRecords()).map((r) => r.id);
      expect(after.slice(before.length)).toEqual(['emit-1', 'emit-2', 'emit-3']);
      for (const id of after) await other.markEmitted(id);
      await other.markEmitted('emit-2'); // twice is fine
      expect(await store.unemittedRecords()).toEqual([]);
      await store.insertRecord(testRecord('emit-4'));
      expect((await store.unemittedRecords(10)).map((r) => r.id)).toEqual(['emit-4']);
      await store.markEmitted('emit-4');
    });

    it('gives records after a position in stored order, and the newest position', async () => {
      const top = await store.latestSeq();
      await store.insertRecord(testRecord('after-1'));
      await other.insertRecord(testRecord('after-2'));
      const rows = await store.recordsAfter(top, 10);
      expect(rows.map((r) => r.record.id)).toEqual(['after-1', 'after-2']);
      expect(rows[0]!.seq).toBeGreaterThan(top);
      expect(rows[1]!.seq).toBeGreaterThan(rows[0]!.seq);
      expect(await other.latestSeq()).toBe(rows[1]!.seq);
      expect(await store.recordsAfter(rows[1]!.seq, 10)).toEqual([]);
      for (const r of await store.unemittedRecords()) await store.markEmitted(r.id);
    });

    describe('queries', () => {
      beforeAll(async () => {
        const q = (id: string, over: Partial<ArticleRecord>) =>
          store.insertRecord(testRecord(`q-${id}`, over));
        await q('jan', {
          published: '2031-01-15T10:00:00Z',
          seizures: [
            testSeizure({ drug: 'cocaine', kg: 500, country: 'BE' }),
            testSeizure({ drug: 'cannabis', kg: 20, country: 'NL' }),
          ],
        });
        await q('mar', {
          published: '2031-03-01',
          seizures: [testSeizure({ drug: 'heroin', kg: 2, country: 'TR' })],
        });
        await q('jun', { published: '2031-06-30T23:00:00Z', seizureStory: false, seizures: [] });
        await q('undated', {
          published: null,
          seizures: [testSeizure({ drug: 'cocaine', kg: 40, country: 'EC' })],
        });
      });
      const ids = (rs: ArticleRecord[]) => rs.map((r) => r.id).filter((id) => id.startsWith('q-'));

      it('filters by date, by one seizure (drug, country, kg together) and by seizure story', async () => {
        expect(ids(await other.queryRecords({ since: '2031-02-01' }))).toEqual(['q-mar', 'q-jun']);
        expect(ids(await other.queryRecords({ since: '2031-01-01', until: '2031-03-01' }))).toEqual([
          'q-jan',
          'q-mar',
        ]);
        expect(ids(await other.queryRecords({ drug: 'cocaine' }))).toEqual(['q-jan', 'q-undated']);
        expect(ids(await other.queryRecords({ country: 'nl' }))).toEqual(['q-jan']);
        expect(ids(await other.queryRecords({ drug: 'cocaine', minKg: 100 }))).toEqual(['q-jan']);
        expect(ids(await other.queryRecords({ drug: 'cannabis', country: 'BE' }))).toEqual([]);
        expect(ids(await other.queryRecords({ since: '2031-01-01', seizureOnly: true }))).toEqual([
          'q-jan',
          'q-mar',
        ]);
        await expect(other.queryRecords({ since: 'last week' })).rejects.toThrow(/since/);
      });

      it('with a limit: newest published first, undated last', async () => {
        const all = ids(await other.queryRecords({ limit: 1000 }));
        expect(all.slice(0, 3)).toEqual(['q-jun', 'q-mar', 'q-jan']);
        expect(all.at(-1)).toBe('q-undated');
        expect(ids(await other.queryRecords({ limit: 1, since: '2031-01-01' }))).toEqual(['q-jun']);
      });

      it('streams a large export in stored order, past its paging chunk', async () => {
        const base = await store.countRecords();
        for (let i = 0; i < 520; i++) {
          await store.insertRecord(
            testRecord(`bulk-${String(i).padStart(4, '0')}`, { published: '2032-05-05' }),
          );
        }
        expect(await other.countRecords()).toBe(base + 520);
        const seen: string[] = [];
        for await (const r of other.iterateRecords({ since: '2032-01-01' })) seen.push(r.id);
        expect(seen).toHaveLength(520);
        expect(seen[0]).toBe('bulk-0000');
        expect(seen.at(-1)).toBe('bulk-0519');
        for (const r of await store.unemittedRecords()) await store.markEmitted(r.id);
      }, 60_000);
    });

    it('remembers feed state and merges patches', async () => {
      expect(await store.getFeedState('nofeed')).toMatchObject({ feedId: 'nofeed', etag: null, failures: 0 });
      await store.updateFeedState('fs', { url: 'https://feed.example/rss', etag: '"v1"', failures: 2 });
      const next = await other.updateFeedState('fs', {
        lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT',
        failures: 0,
      });
      expect(next).toMatchObject({
        etag: '"v1"',
        lastModified: 'Mon, 03 Mar 2025 10:00:00 GMT',
        failures: 0,
      });
      expect(await store.getFeedState('fs')).toEqual(next);
    });

    it('gives a lease to one holder at a time, renewable, free again once expired or released', async () => {
      expect(await store.acquireLease('ndjson', 'a', 300)).toBe(true);
      expect(await other.acquireLease('ndjson', 'b', 300)).toBe(false);
      expect(await store.acquireLease('ndjson', 'a', 300)).toBe(true);
      await new Promise((r) => setTimeout(r, 400));
      expect(await other.acquireLease('ndjson', 'b', 10_000)).toBe(true);
      expect(await store.acquireLease('ndjson', 'a', 300)).toBe(false);
      await store.releaseLease('ndjson', 'a'); // not a's: nothing happens
      expect(await store.acquireLease('ndjson', 'a', 300)).toBe(false);
      await other.releaseLease('ndjson', 'b');
      expect(await store.acquireLease('ndjson', 'a', 300)).toBe(true);
    });

    describe('pending and failed items', () => {
      it('saves a poll: the validators and its items as pending together; a stored item is no longer pending', async () => {
        const items = [1, 2, 3].map((n) => feedItem('pf', n));
        const state = await store.savePoll('pf', { url: 'https://feed.example/pf', etag: '"e1"' }, items);
        expect(state.etag).toBe('"e1"');
        expect((await other.getFeedState('pf')).etag).toBe('"e1"');
        const pending = await other.pendingItems('pf');
        expect(pending.map((p) => p.item)).toEqual(items);
        expect(pending.every((p) => p.attempts === 0 && p.lastError === null)).toBe(true);
        expect(await other.pendingItems('elsewhere')).toEqual([]);
        // saved again (a poll that still lists them): still once each
        await other.savePoll('pf', { etag: '"e2"' }, items.slice(0, 2));
        expect(await store.pendingItems('pf')).toHaveLength(3);
        const r = testRecord('pf-rec-1', { url: 'https://news.example/pf/1/canonical' });
        await store.insertRecord(r, [{ url: items[0]!.url, feedId: 'pf', guid: items[0]!.guid }]);
        await other.markSeen({ url: items[1]!.url, feedId: 'pf' });
        expect((await store.pendingItems('pf')).map((p) => p.item.url)).toEqual([items[2]!.url]);
        expect((await store.pendingItems()).some((p) => p.item.url === items[2]!.url)).toBe(true);
      });

      it('gives up a permanent failure at once, a transient one after its attempts; a failed item can be retried', async () => {
        const [gone, flaky, stored] = [1, 2, 3].map((n) => feedItem('ff', n)) as [
          FeedItem,
          FeedItem,
          FeedItem,
        ];
        await store.savePoll('ff', { etag: '"x"' }, [gone, flaky, stored]);
        const notFound = { code: 'FETCH_HTTP_STATUS', message: 'HTTP 404', permanent: true };
        const busy = { code: 'FETCH_TIMEOUT', message: 'timed out', permanent: false };
        expect(await store.recordItemFailure(gone, notFound, 3)).toEqual({ gaveUp: true, attempts: 1 });
        expect(await other.recordItemFailure(flaky, busy, 3)).toEqual({ gaveUp: false, attempts: 1 });
        expect(await store.recordItemFailure(flaky, busy, 3)).toEqual({ gaveUp: false, attempts: 2 });
        const pending = await other.pendingItems('ff');
        expect(pending.map((p) => [p.item.url, p.attempts, p.lastError])).toEqual([
          [flaky.url, 2, 'FETCH_TIMEOUT: timed out'],
          [stored.url, 0, null],
        ]);
        expect(await store.recordItemFailure(flaky, busy, 3)).toEqual({ gaveUp: true, attempts: 3 });
        expect(await other.pendingItems('ff')).toHaveLength(1);
        expect(await other.isFailed(gone)).toBe(true);
        expect(await other.isFailed(flaky)).toBe(true);
        expect(await other.isFailed(stored)).toBe(false);
        // an item stored meanwhile (by another process) is not given up
        await store.insertRecord(testRecord('ff-3', { url: stored.url }), [
          { url: stored.url, feedId: 'ff' },
        ]);
        expect(await other.recordItemFailure(stored, notFound, 3)).toEqual({ gaveUp: false, attempts: 0 });
        expect(await store.isFailed(stored)).toBe(false);

        const failed = (await store.failedItems()).filter((f) => f.feedId === 'ff');
        expect(failed.map((f) => f.url).sort()).toEqual([gone.url, flaky.url].sort());
        const g = failed.find((f) => f.url === gone.url)!;
        expect(g).toMatchObject({
          id: recordId(gone.url),
          guid: gone.guid,
          title: gone.title,
          code: 'FETCH_HTTP_STATUS',
          message: 'HTTP 404',
          attempts: 1,
        });
        expect(Number.isNaN(Date.parse(g.failedAt))).toBe(false);
        expect(await store.failedItems(1)).toHaveLength(1);

        expect(await other.retryFailed('no-such-id')).toBeNull();
        expect((await other.retryFailed(recordId(gone.url)))?.url).toBe(gone.url);
        expect((await store.retryFailed(flaky.url))?.id).toBe(recordId(flaky.url));
        expect(await store.isFailed(gone)).toBe(false);
        const back = await store.pendingItems('ff');
        expect(back.map((p) => [p.item, p.attempts])).toEqual([
          [gone, 0],
          [flaky, 0],
        ]);
        expect(await store.retryFailed(gone.url)).toBeNull();
      });
    });

    describe('alerts state', () => {
      it('counts story members once, with their terms, and keeps their order', async () => {
        const a = store.alerts;
        const v0 = await a.clusterVersion();
        const r1 = testRecord('m1');
        const r2 = testRecord('m2');
        await a.addMember('story-1', features('m1', ['port', 'cocaine']), summary(r1), 10);
        await other.alerts.addMember('story-1', features('m2', ['port']), summary(r2), 20);
        await a.addMember('story-1', features('m1', ['port', 'cocaine']), summary(r1), 30); // again: ignored
        expect(await other.alerts.clusterVersion()).toBe(v0 + 2);
        const df = await other.alerts.loadDocFrequencies();
        expect(df.docs).toBe(v0 + 2);
        expect(df.df.get('port')).toBe(2);
        expect(df.df.get('cocaine')).toBe(1);
        expect(await other.alerts.storyOf('m2')).toBe('story-1');
        expect((await other.alerts.storyMembers('story-1')).map((m) => m.id)).toEqual(['m1', 'm2']);
        expect((await other.alerts.memberSummary('m1'))?.title).toBe('Story m1');
        const members = await other.alerts.loadMembers(15);
        expect(members.map((m) => m.features.id)).toEqual(['m2']);
      });

      it('tells where the clusters stand, and which members came after a position', async () => {
        const before = await store.alerts.clusterCursor();
        const r = testRecord('m-cur');
        await other.alerts.addMember('story-cur', features('m-cur', ['dock']), summary(r), 50);
        const after = await store.alerts.clusterCursor();
        expect(after.docs).toBe(before.docs + 1);
        expect(after.merges).toBe(before.merges);
        expect(after.lastMember).toBeGreaterThan(before.lastMember);
        const fresh = await store.alerts.membersAfter(before.lastMember, 10);
        expect(fresh.map((m) => [m.storyKey, m.features.id])).toEqual([['story-cur', 'm-cur']]);
        await other.alerts.mergeStories(['story-cur'], 'story-cur2');
        expect((await store.alerts.clusterCursor()).merges).toBe(before.merges + 1);
      });

      it('creates one delivery per story and channel, even when raced', async () => {
        const made = await Promise.all([
          store.alerts.createDelivery(delivery('d1', 'story-d', 'slack')),
          other.alerts.createDelivery(delivery('d1', 'story-d', 'slack')),
          other.alerts.createDelivery(delivery('d1b', 'story-d', 'slack')),
        ]);
        expect(made.filter(Boolean)).toHaveLength(1);
        expect(await store.alerts.createDelivery(delivery('d2', 'story-d', 'webhook'))).toBe(true);
        expect((await other.alerts.deliveries({ storyKey: 'story-d' })).map((d) => d.channel).sort()).toEqual(
          ['slack', 'webhook'],
        );
      });

      it('lets one sender claim a delivery, records attempts, and lists what is due', async () => {
        await store.alerts.createDelivery(delivery('d3', 'story-e', 'slack', 5000));
        expect((await other.alerts.dueDeliveries(4999)).map((d) => d.id)).not.toContain('d3');
        expect((await other.alerts.dueDeliveries(5000)).map((d) => d.id)).toContain('d3');
        expect(await store.alerts.claim('d3', 5000, 1000)).toBe(true);
        expect(await other.alerts.claim('d3', 5500, 1000)).toBe(false);
        expect(await other.alerts.claim('d3', 6001, 1000)).toBe(true);
        const n1 = await other.alerts.recordAttempt(
          'd3',
          { at: 6100, outcome: 'retry', status: 503, error: 'busy', durationMs: 12 },
          { status: 'pending', nextAttemptAt: 9000 },
        );
        const n2 = await store.alerts.recordAttempt(
          'd3',
          { at: 9100, outcome: 'delivered', status: 200, error: null, durationMs: 8 },
          { status: 'delivered' },
        );
        expect([n1, n2]).toEqual([1, 2]);
        const row = await store.alerts.delivery('d3');
        expect(row).toMatchObject({
          status: 'delivered',
          attempts: 2,
          last_status: 200,
          delivered_at: 9100,
          lease_until: null,
        });
        expect((await other.alerts.attempts('d3')).map((a) => a.outcome)).toEqual(['retry', 'delivered']);
        expect((await other.alerts.deliveries({ status: 'delivered' })).map((d) => d.id)).toContain('d3');
        expect(await store.alerts.delivery('nope')).toBeNull();
      });

      it('merging stories moves members and carries their channels as merged placeholders', async () => {
        const r = testRecord('m3');
        await store.alerts.addMember('story-f', features('m3', ['harbour']), summary(r), 40);
        await store.alerts.createDelivery(delivery('d4', 'story-f', 'slack'));
        await other.alerts.mergeStories(['story-f'], 'story-g');
        expect(await store.alerts.storyOf('m3')).toBe('story-g');
        const merged = await store.alerts.deliveries({ storyKey: 'story-g' });
        expect(merged.map((d) => [d.channel, d.status])).toEqual([['slack', 'merged']]);
        // the story it became does not alert on that channel again
        expect(await store.alerts.createDelivery(delivery('d5', 'story-g', 'slack'))).toBe(false);
      });

      it('runs story assignment one caller at a time, across connections', async () => {
        const log: string[] = [];
        const critical = (who: string) => async () => {
          log.push(`${who}+`);
          await new Promise((r) => setTimeout(r, 50));
          log.push(`${who}-`);
          return who;
        };
        const out = await Promise.all([
          store.alerts.withStoryLock(critical('a')),
          other.alerts.withStoryLock(critical('b')),
          store.alerts.withStoryLock(critical('c')),
        ]);
        expect(out).toEqual(['a', 'b', 'c']);
        for (let i = 0; i < log.length; i += 2) expect(log[i + 1]).toBe(log[i]!.replace('+', '-'));
        // a failing caller releases the lock
        await expect(
          store.alerts.withStoryLock(async () => Promise.reject(new Error('boom'))),
        ).rejects.toThrow('boom');
        expect(await other.alerts.withStoryLock(async () => 'free')).toBe('free');
      });
    });
  });
}

describe('PostgreSQL migrations', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sw_migrate');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('are applied once when many processes start at once, and recorded', async () => {
    const stores = await Promise.all(Array.from({ length: 4 }, () => PostgresStore.open(db.url)));
    try {
      const { rows } = await stores[0]!.pool.query<{ version: number }>(
        'SELECT version FROM schema_migrations ORDER BY version',
      );
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(await migrate(stores[1]!.pool)).toEqual([]);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('refuse a database migrated by a newer seizurewatch', async () => {
    const c = new pg.Client({ connectionString: db.url });
    await c.connect();
    await c.query(`INSERT INTO schema_migrations (version, name) VALUES (999, 'from the future')`);
    await c.end();
    await expect(PostgresStore.open(db.url)).rejects.toThrow(/schema version 999, newer/);
  });

  it('say where they could not connect, without the password', async () => {
    const url = 'postgres://postgres:hunter2@127.0.0.1:1/nowhere';
    const err = await PostgresStore.open(url, { connectTimeoutMs: 1000 }).catch((e: Error) => e);
    expect(String(err)).toMatch(/cannot open store postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:1\/nowhere/);
    expect(String(err)).not.toMatch(/hunter2/);
  });
});
