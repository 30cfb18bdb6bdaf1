/**
 * The embedded store: one SQLite database (better-sqlite3, WAL) in `store.dir`. It remembers
 * which feed items were seen (by canonical URL, and by feed + GUID), keeps every record once
 * (idempotent by record id), and each feed's polling state (ETag, Last-Modified, next poll,
 * failures). Synchronous and safe to share between the stages of one process; several processes
 * may open the same directory (WAL + busy timeout).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SeizurewatchError } from '../errors.ts';
import type { FailedItem, ItemFailure, PendingItem } from '../store/types.ts';
import type { ArticleRecord, Drug, FeedItem } from '../types.ts';
import { recordId } from './id.ts';

/** File name of the database inside `store.dir`. */
export const STORE_FILE = 'seizurewatch.db';
const SCHEMA_VERSION = 1;

/** Polling state of one feed, remembered across runs. */
export interface FeedState {
  feedId: string;
  url: string | null;
  etag: string | null;
  lastModified: string | null;
  /** ISO time before which the feed should not be polled again; null = any time. */
  nextPollAt: string | null;
  /** Consecutive failed polls (reset by a successful one). */
  failures: number;
  lastError: string | null;
  lastStatus: number | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
}

/** Filters for {@link Store.queryRecords}. All optional; given ones must all hold. */
export interface RecordQuery {
  /** Published at or after this ISO time/date. Records without a date are excluded when set. */
  since?: string;
  /** Published before this ISO time/date (a bare date means the end of that day). */
  until?: string;
  /**
   * `drug`, `country` and `minKg` match one seizure: a record matches when at least one of its
   * seizures has the drug, the country (ISO alpha-2 or EU) and at least `minKg` kilograms.
   */
  drug?: Drug | string;
  country?: string;
  minKg?: number;
  /** Only records whose `seizureStory` is true. */
  seizureOnly?: boolean;
  /** At most this many records (newest published first when set, else oldest stored first). */
  limit?: number;
}

/** Where an item was seen, for {@link Store.markSeen}. */
export interface SeenItem {
  /** Canonical URL. */
  url: string;
  feedId?: string | null;
  guid?: string | null;
  /** The record made from it, when one was. */
  recordId?: string | null;
}

function storeError(message: string, cause: unknown): SeizurewatchError {
  return new SeizurewatchError('STORE_FAILED', `${message}: ${(cause as Error)?.message ?? String(cause)}`, {
    cause,
    retryable: true,
  });
}

/** Epoch milliseconds of an ISO date/time, or null. A bare `YYYY[-MM[-DD]]` is read as UTC. */
export function isoToMs(value: string | null | undefined, endOfPeriod = false): number | null {
  if (!value) return null;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (m) {
    const y = Number(m[1]);
    const mo = m[2] ? Number(m[2]) - 1 : 0;
    const d = m[3] ? Number(m[3]) : 1;
    if (!endOfPeriod) return Date.UTC(y, mo, d);
    if (m[3]) return Date.UTC(y, mo, d + 1) - 1;
    if (m[2]) return Date.UTC(y, mo + 1, 1) - 1;
    return Date.UTC(y + 1, 0, 1) - 1;
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

interface FeedStateRow {
  feed_id: string;
  url: string | null;
  etag: string | null;
  last_modified: string | null;
  next_poll_at: string | null;
  failures: number;
  last_error: string | null;
  last_status: number | null;
  last_polled_at: string | null;
  last_success_at: string | null;
}

interface PendingRow {
  url: string;
  feed_id: string;
  item: string;
  attempts: number;
  last_error: string | null;
  queued_at: string;
}

interface FailedRow {
  url: string;
  id: string;
  item?: string;
  feed_id: string;
  guid: string | null;
  title: string | null;
  code: string;
  message: string;
  attempts: number;
  failed_at: string;
}

/** Shared with the PostgreSQL store (same columns). */
export function pendingOf(row: PendingRow): PendingItem {
  return {
    item: JSON.parse(row.item) as FeedItem,
    attempts: row.attempts,
    lastError: row.last_error,
    queuedAt: row.queued_at,
  };
}

export function failedOf(row: FailedRow): FailedItem {
  return {
    id: row.id,
    url: row.url,
    feedId: row.feed_id,
    guid: row.guid,
    title: row.title,
    code: row.code,
    message: row.message,
    attempts: row.attempts,
    failedAt: row.failed_at,
  };
}

/**
 * The store. Open with {@link openStore}; close when done. All methods are synchronous and
 * throw a `STORE_FAILED` SeizurewatchError (retryable) when SQLite fails.
 */
export class Store {
  /** Absolute path of the database file. */
  readonly file: string;
  private readonly db: Database.Database;
  private readonly stmts: ReturnType<Store['prepare']>;

  constructor(dir: string) {
    try {
      mkdirSync(dir, { recursive: true });
      this.file = path.join(dir, STORE_FILE);
      this.db = new Database(this.file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.migrate();
      // Outside the versioned schema: created by any version that uses it.
      this.db.exec(
        `CREATE TABLE IF NOT EXISTS leases (name TEXT PRIMARY KEY, holder TEXT NOT NULL, until_ms INTEGER NOT NULL);
         CREATE INDEX IF NOT EXISTS records_unemitted ON records (seq) WHERE emitted = 0;
         CREATE TABLE IF NOT EXISTS pending_items (
           url TEXT PRIMARY KEY, feed_id TEXT NOT NULL, item TEXT NOT NULL,
           attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT, queued_at TEXT NOT NULL, pseq INTEGER NOT NULL);
         CREATE INDEX IF NOT EXISTS pending_items_feed ON pending_items (feed_id, pseq);
         CREATE TABLE IF NOT EXISTS failed_items (
           url TEXT PRIMARY KEY, id TEXT NOT NULL, feed_id TEXT NOT NULL, guid TEXT, title TEXT, item TEXT NOT NULL,
           code TEXT NOT NULL, message TEXT NOT NULL, attempts INTEGER NOT NULL, failed_at TEXT NOT NULL);
         CREATE INDEX IF NOT EXISTS failed_items_id ON failed_items (id);`,
      );
      this.stmts = this.prepare();
    } catch (cause) {
      if (cause instanceof SeizurewatchError) throw cause;
      throw storeError(`cannot open store in ${dir}`, cause);
    }
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new SeizurewatchError(
        'STORE_FAILED',
        `store ${this.file} has schema version ${version}, newer than this seizurewatch (${SCHEMA_VERSION})`,
      );
    }
    if (version === SCHEMA_VERSION) return;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS seen_urls (
        url TEXT PRIMARY KEY,
        feed_id TEXT,
        guid TEXT,
        record_id TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE TABLE IF NOT EXISTS seen_guids (
        feed_id TEXT NOT NULL,
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, guid)
      );
      CREATE TABLE IF NOT EXISTS records (
        id TEXT PRIMARY KEY,
        url TEXT,
        published TEXT,
        published_ms INTEGER,
        seizure_story INTEGER NOT NULL,
        stored_at TEXT NOT NULL,
        seq INTEGER NOT NULL,
        emitted INTEGER NOT NULL DEFAULT 0,
        json TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS records_published ON records (published_ms);
      CREATE INDEX IF NOT EXISTS records_seq ON records (seq);
      CREATE TABLE IF NOT EXISTS record_seizures (
        record_id TEXT NOT NULL,
        drug TEXT NOT NULL,
        country TEXT,
        kg REAL
      );
      CREATE INDEX IF NOT EXISTS record_seizures_record ON record_seizures (record_id);
      CREATE INDEX IF NOT EXISTS record_seizures_drug ON record_seizures (drug);
      CREATE TABLE IF NOT EXISTS feed_state (
        feed_id TEXT PRIMARY KEY,
        url TEXT,
        etag TEXT,
        last_modified TEXT,
        next_poll_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_status INTEGER,
        last_polled_at TEXT,
        last_success_at TEXT
      );
    `);
    this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
  }

  private prepare() {
    const db = this.db;
    return {
      urlSeen: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM seen_urls WHERE url = ?'),
      guidSeen: db.prepare<[string, string], { one: number }>(
        'SELECT 1 AS one FROM seen_guids WHERE feed_id = ? AND guid = ?',
      ),
      insertUrl: db.prepare(
        `INSERT INTO seen_urls (url, feed_id, guid, record_id, seen_at) VALUES (@url, @feedId, @guid, @recordId, @at)
         ON CONFLICT (url) DO UPDATE SET record_id = coalesce(excluded.record_id, seen_urls.record_id)`,
      ),
      insertGuid: db.prepare(
        `INSERT OR IGNORE INTO seen_guids (feed_id, guid, url, seen_at) VALUES (@feedId, @guid, @url, @at)`,
      ),
      insertRecord: db.prepare(
        `INSERT OR IGNORE INTO records (id, url, published, published_ms, seizure_story, stored_at, seq, json)
         VALUES (@id, @url, @published, @publishedMs, @seizureStory, @storedAt,
                 (SELECT coalesce(max(seq), 0) + 1 FROM records), @json)`,
      ),
      insertSeizure: db.prepare(
        'INSERT INTO record_seizures (record_id, drug, country, kg) VALUES (@recordId, @drug, @country, @kg)',
      ),
      getRecord: db.prepare<[string], { json: string }>('SELECT json FROM records WHERE id = ?'),
      hasRecord: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM records WHERE id = ?'),
      countRecords: db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records'),
      markEmitted: db.prepare<[string]>('UPDATE records SET emitted = 1 WHERE id = ?'),
      unemitted: db.prepare<[number], { json: string }>(
        'SELECT json FROM records WHERE emitted = 0 ORDER BY seq LIMIT ?',
      ),
      latestSeq: db.prepare<[], { s: number }>('SELECT coalesce(max(seq), 0) AS s FROM records'),
      after: db.prepare<[number, number], { seq: number; json: string }>(
        'SELECT seq, json FROM records WHERE seq > ? ORDER BY seq LIMIT ?',
      ),
      takeLease: db.prepare(
        `INSERT INTO leases (name, holder, until_ms) VALUES (@name, @holder, @until)
         ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
         WHERE leases.holder = excluded.holder OR leases.until_ms < @now`,
      ),
      dropLease: db.prepare<[string, string]>('DELETE FROM leases WHERE name = ? AND holder = ?'),
      addPending: db.prepare(
        `INSERT OR IGNORE INTO pending_items (url, feed_id, item, queued_at, pseq)
         VALUES (@url, @feedId, @item, @at, (SELECT coalesce(max(pseq), 0) + 1 FROM pending_items))`,
      ),
      dropPending: db.prepare<[string]>('DELETE FROM pending_items WHERE url = ?'),
      getPending: db.prepare<[string], PendingRow>('SELECT * FROM pending_items WHERE url = ?'),
      allPending: db.prepare<[], PendingRow>('SELECT * FROM pending_items ORDER BY pseq'),
      feedPending: db.prepare<[string], PendingRow>(
        'SELECT * FROM pending_items WHERE feed_id = ? ORDER BY pseq',
      ),
      countAttempt: db.prepare<[string, string]>(
        'UPDATE pending_items SET attempts = attempts + 1, last_error = ? WHERE url = ?',
      ),
      addFailed: db.prepare(
        `INSERT OR REPLACE INTO failed_items (url, id, feed_id, guid, title, item, code, message, attempts, failed_at)
         VALUES (@url, @id, @feedId, @guid, @title, @item, @code, @message, @attempts, @at)`,
      ),
      isFailed: db.prepare<[string], { one: number }>('SELECT 1 AS one FROM failed_items WHERE url = ?'),
      failed: db.prepare<[number], FailedRow>(
        'SELECT * FROM failed_items ORDER BY failed_at DESC, url LIMIT ?',
      ),
      findFailed: db.prepare<[string, string], FailedRow>(
        'SELECT * FROM failed_items WHERE id = ? OR url = ? ORDER BY failed_at DESC LIMIT 1',
      ),
      dropFailed: db.prepare<[string]>('DELETE FROM failed_items WHERE url = ?'),
      getFeed: db.prepare<[string], FeedStateRow>('SELECT * FROM feed_state WHERE feed_id = ?'),
      upsertFeed: db.prepare(
        `INSERT INTO feed_state (feed_id, url, etag, last_modified, next_poll_at, failures, last_error, last_status,
                                 last_polled_at, last_success_at)
         VALUES (@feedId, @url, @etag, @lastModified, @nextPollAt, @failures, @lastError, @lastStatus,
                 @lastPolledAt, @lastSuccessAt)
         ON CONFLICT (feed_id) DO UPDATE SET url = excluded.url, etag = excluded.etag,
           last_modified = excluded.last_modified, next_poll_at = excluded.next_poll_at,
           failures = excluded.failures, last_error = excluded.last_error, last_status = excluded.last_status,
           last_polled_at = excluded.last_polled_at, last_success_at = excluded.last_success_at`,
      ),
    };
  }

  private run<T>(what: string, fn: () => T): T {
    try {
      return fn();
    } catch (cause) {
      if (cause instanceof SeizurewatchError) throw cause;
      throw storeError(what, cause);
    }
  }

  /**
   * Has this item been seen? True when its canonical URL was seen (from any feed), or its GUID
   * was seen in the same feed.
   */
  isSeen(item: { url: string; feedId?: string | null; guid?: string | null }): boolean {
    return this.run('cannot read seen items', () => {
      if (this.stmts.urlSeen.get(item.url)) return true;
      return Boolean(item.feedId && item.guid && this.stmts.guidSeen.get(item.feedId, item.guid));
    });
  }

  /** Remember items as seen (by every URL given, and by feed + GUID). Idempotent. */
  markSeen(items: SeenItem | SeenItem[], now = new Date()): void {
    const list = Array.isArray(items) ? items : [items];
    const at = now.toISOString();
    this.run('cannot mark items seen', () =>
      this.db.transaction(() => {
        for (const it of list) {
          const row = {
            url: it.url,
            feedId: it.feedId ?? null,
            guid: it.guid ?? null,
            recordId: it.recordId ?? null,
            at,
          };
          this.stmts.insertUrl.run(row);
          if (row.feedId && row.guid) this.stmts.insertGuid.run(row);
          this.stmts.dropPending.run(row.url);
        }
      })(),
    );
  }

  /**
   * Store a record once. Returns true when it was new, false when a record with this id was
   * already stored (the stored one is kept unchanged). Optionally marks items seen in the same
   * transaction, so a record and its "seen" mark are never half-written.
   */
  insertRecord(record: ArticleRecord, seen: SeenItem[] = [], now = new Date()): boolean {
    const storedAt = now.toISOString();
    return this.run('cannot store record', () =>
      this.db.transaction(() => {
        const info = this.stmts.insertRecord.run({
          id: record.id,
          url: record.url,
          published: record.published,
          publishedMs: isoToMs(record.published),
          seizureStory: record.seizureStory ? 1 : 0,
          storedAt,
          json: JSON.stringify(record),
        });
        const isNew = info.changes > 0;
        if (isNew) {
          for (const s of record.seizures) {
            this.stmts.insertSeizure.run({ recordId: record.id, drug: s.drug, country: s.country, kg: s.kg });
          }
        }
        for (const it of seen) {
          const row = {
            url: it.url,
            feedId: it.feedId ?? null,
            guid: it.guid ?? null,
            recordId: record.id,
            at: storedAt,
          };
          this.stmts.insertUrl.run(row);
          if (row.feedId && row.guid) this.stmts.insertGuid.run(row);
          this.stmts.dropPending.run(row.url);
        }
        return isNew;
      })(),
    );
  }

  /**
   * Mark a record as delivered to the sinks (NDJSON, alerts). Records stored but never marked
   * (the process died in between) are returned by {@link unemittedRecords}, so a later run
   * delivers them: nothing stored is lost on the way out.
   */
  markEmitted(id: string): void {
    this.run('cannot mark record emitted', () => this.stmts.markEmitted.run(id));
  }

  /** Records stored but not yet marked emitted, in the order stored. */
  unemittedRecords(limit = Number.MAX_SAFE_INTEGER): ArticleRecord[] {
    return this.run('cannot read records', () =>
      this.stmts.unemitted.all(limit).map((r) => JSON.parse(r.json) as ArticleRecord),
    );
  }

  /** The `seq` of the newest stored record (0 when none). */
  latestSeq(): number {
    return this.run('cannot read records', () => this.stmts.latestSeq.get()?.s ?? 0);
  }

  /** Records stored after `seq`, in the order stored. */
  recordsAfter(seq: number, limit: number): Array<{ seq: number; record: ArticleRecord }> {
    return this.run('cannot read records', () =>
      this.stmts.after
        .all(seq, limit)
        .map((r) => ({ seq: r.seq, record: JSON.parse(r.json) as ArticleRecord })),
    );
  }

  /** Take or renew the lease `name` for `holder` (see the Store interface). */
  acquireLease(name: string, holder: string, ttlMs: number, now = Date.now()): boolean {
    return this.run('cannot take lease', () => {
      const info = this.stmts.takeLease.run({ name, holder, until: now + ttlMs, now });
      return info.changes > 0;
    });
  }

  releaseLease(name: string, holder: string): void {
    this.run('cannot release lease', () => this.stmts.dropLease.run(name, holder));
  }

  hasRecord(id: string): boolean {
    return this.run('cannot read record', () => Boolean(this.stmts.hasRecord.get(id)));
  }

  getRecord(id: string): ArticleRecord | null {
    return this.run('cannot read record', () => {
      const row = this.stmts.getRecord.get(id);
      return row ? (JSON.parse(row.json) as ArticleRecord) : null;
    });
  }

  countRecords(): number {
    return this.run('cannot count records', () => this.stmts.countRecords.get()?.n ?? 0);
  }

  /** Records matching every given filter (see {@link RecordQuery}), oldest stored first. */
  queryRecords(query: RecordQuery = {}): ArticleRecord[] {
    return [...this.iterateRecords(query)];
  }

  /** Like {@link queryRecords}, streaming (for large exports). */
  *iterateRecords(query: RecordQuery = {}): Generator<ArticleRecord> {
    const { where, params } = this.whereOf(query);
    let sql = `SELECT r.json FROM records r${where.length ? ` WHERE ${where.join(' AND ')}` : ''}`;
    if (query.limit !== undefined) {
      sql += ' ORDER BY r.published_ms DESC, r.seq DESC LIMIT @limit';
      params.limit = query.limit;
    } else sql += ' ORDER BY r.seq';
    const stmt = this.run('cannot query records', () =>
      this.db.prepare<[Record<string, unknown>], { json: string }>(sql),
    );
    for (const row of stmt.iterate(params)) yield JSON.parse(row.json) as ArticleRecord;
  }

  /**
   * One chunk of the matching records stored after `afterSeq`, in the order stored (`limit` of
   * the query is ignored): for paging through an export without holding a statement open.
   */
  queryRecordsAfter(
    query: RecordQuery,
    afterSeq: number,
    chunk: number,
  ): Array<{ seq: number; record: ArticleRecord }> {
    const { where, params } = this.whereOf(query);
    where.push('r.seq > @afterSeq');
    params.afterSeq = afterSeq;
    params.chunk = chunk;
    const sql = `SELECT r.seq, r.json FROM records r WHERE ${where.join(' AND ')} ORDER BY r.seq LIMIT @chunk`;
    return this.run('cannot query records', () =>
      this.db
        .prepare<[Record<string, unknown>], { seq: number; json: string }>(sql)
        .all(params)
        .map((r) => ({ seq: r.seq, record: JSON.parse(r.json) as ArticleRecord })),
    );
  }

  private whereOf(query: RecordQuery): { where: string[]; params: Record<string, unknown> } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (query.since !== undefined) {
      const ms = isoToMs(query.since);
      if (ms === null) throw new SeizurewatchError('INPUT_INVALID', `since: not an ISO date: ${query.since}`);
      where.push('r.published_ms >= @since');
      params.since = ms;
    }
    if (query.until !== undefined) {
      const ms = isoToMs(query.until, true);
      if (ms === null) throw new SeizurewatchError('INPUT_INVALID', `until: not an ISO date: ${query.until}`);
      where.push('r.published_ms <= @until');
      params.until = ms;
    }
    if (query.seizureOnly) where.push('r.seizure_story = 1');
    const sz: string[] = [];
    if (query.drug !== undefined) {
      sz.push('s.drug = @drug');
      params.drug = query.drug;
    }
    if (query.country !== undefined) {
      sz.push('s.country = @country');
      params.country = query.country.toUpperCase();
    }
    if (query.minKg !== undefined) {
      sz.push('s.kg >= @minKg');
      params.minKg = query.minKg;
    }
    if (sz.length > 0) {
      where.push(`EXISTS (SELECT 1 FROM record_seizures s WHERE s.record_id = r.id AND ${sz.join(' AND ')})`);
    }
    return { where, params };
  }

  /** The feed's remembered state, or a blank one for a feed never polled. */
  getFeedState(feedId: string): FeedState {
    return this.run('cannot read feed state', () => {
      const row = this.stmts.getFeed.get(feedId);
      if (!row) {
        return {
          feedId,
          url: null,
          etag: null,
          lastModified: null,
          nextPollAt: null,
          failures: 0,
          lastError: null,
          lastStatus: null,
          lastPolledAt: null,
          lastSuccessAt: null,
        };
      }
      return {
        feedId: row.feed_id,
        url: row.url,
        etag: row.etag,
        lastModified: row.last_modified,
        nextPollAt: row.next_poll_at,
        failures: row.failures,
        lastError: row.last_error,
        lastStatus: row.last_status,
        lastPolledAt: row.last_polled_at,
        lastSuccessAt: row.last_success_at,
      };
    });
  }

  /** Merge a patch into the feed's state and return the result. */
  updateFeedState(feedId: string, patch: Partial<Omit<FeedState, 'feedId'>>): FeedState {
    return this.run('cannot write feed state', () =>
      this.db.transaction(() => {
        const next = { ...this.getFeedState(feedId), ...patch, feedId };
        this.stmts.upsertFeed.run(next);
        return next;
      })(),
    );
  }

  /** The feed-state patch and the poll's new items as pending, in one transaction (see the Store interface). */
  savePoll(
    feedId: string,
    patch: Partial<Omit<FeedState, 'feedId'>>,
    items: FeedItem[],
    now = new Date(),
  ): FeedState {
    const at = now.toISOString();
    return this.run('cannot save poll', () =>
      this.db.transaction(() => {
        for (const item of items) {
          this.stmts.addPending.run({ url: item.url, feedId: item.feedId, item: JSON.stringify(item), at });
        }
        const next = { ...this.getFeedState(feedId), ...patch, feedId };
        this.stmts.upsertFeed.run(next);
        return next;
      })(),
    );
  }

  pendingItems(feedId?: string): PendingItem[] {
    return this.run('cannot read pending items', () =>
      (feedId === undefined ? this.stmts.allPending.all() : this.stmts.feedPending.all(feedId)).map(
        pendingOf,
      ),
    );
  }

  /** Count a failed attempt; give the item up when permanent or out of attempts (see the Store interface). */
  recordItemFailure(
    item: FeedItem,
    failure: ItemFailure,
    maxAttempts: number,
    now = new Date(),
  ): { gaveUp: boolean; attempts: number } {
    const lastError = `${failure.code}: ${failure.message}`.slice(0, 1000);
    return this.run('cannot record item failure', () =>
      this.db.transaction(() => {
        if (this.stmts.urlSeen.get(item.url)) return { gaveUp: false, attempts: 0 };
        const at = now.toISOString();
        this.stmts.addPending.run({ url: item.url, feedId: item.feedId, item: JSON.stringify(item), at });
        this.stmts.countAttempt.run(lastError, item.url);
        const row = this.stmts.getPending.get(item.url)!;
        if (!failure.permanent && row.attempts < maxAttempts)
          return { gaveUp: false, attempts: row.attempts };
        this.stmts.dropPending.run(item.url);
        this.stmts.addFailed.run({
          url: item.url,
          id: recordId(item.url),
          feedId: item.feedId,
          guid: item.guid,
          title: item.title,
          item: row.item,
          code: failure.code,
          message: failure.message.slice(0, 1000),
          attempts: row.attempts,
          at,
        });
        return { gaveUp: true, attempts: row.attempts };
      })(),
    );
  }

  isFailed(item: { url: string }): boolean {
    return this.run('cannot read failed items', () => Boolean(this.stmts.isFailed.get(item.url)));
  }

  failedItems(limit = Number.MAX_SAFE_INTEGER): FailedItem[] {
    return this.run('cannot read failed items', () => this.stmts.failed.all(limit).map(failedOf));
  }

  /** Put a failed item back as pending (by id or URL); null when none matches. */
  retryFailed(idOrUrl: string, now = new Date()): FailedItem | null {
    return this.run('cannot retry failed item', () =>
      this.db.transaction(() => {
        const row = this.stmts.findFailed.get(idOrUrl, idOrUrl);
        if (!row) return null;
        this.stmts.dropFailed.run(row.url);
        this.stmts.addPending.run({
          url: row.url,
          feedId: row.feed_id,
          item: row.item ?? '{}',
          at: now.toISOString(),
        });
        return failedOf(row);
      })(),
    );
  }

  /** Close the database. Further calls throw. */
  close(): void {
    if (this.db.open) this.db.close();
  }
}

/** Open (creating if needed) the store in `dir`. */
export function openStore(dir: string): Store {
  return new Store(dir);
}
