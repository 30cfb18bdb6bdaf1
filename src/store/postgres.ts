/**
 * The shared implementation of {@link Store}: one PostgreSQL database that any number of
 * `serve` processes, on one machine or many, use at once (`store.url` or DATABASE_URL). The
 * schema is applied at open by numbered migrations (./pg-migrations.ts) under an advisory lock.
 * Concurrency comes from the database: a record is inserted once by its primary key (`ON
 * CONFLICT DO NOTHING`, the one caller that inserted it gets `true`), a story is alerted once
 * per channel by the deliveries' unique key, story assignment runs under an advisory lock, and
 * leases (the NDJSON writer) are rows whose expiry is read on the database's clock.
 */
import pg from 'pg';
import type { RecordSummary } from '../alerts/alert.ts';
import type { ClusterMember } from '../cluster/clusterer.ts';
import type { StoryFeatures } from '../cluster/features.ts';
import type { DocFrequencies } from '../cluster/text.ts';
import { SeizurewatchError } from '../errors.ts';
import { recordId } from '../records/id.ts';
import { failedOf, isoToMs, pendingOf } from '../records/store.ts';
import type { ArticleRecord, FeedItem } from '../types.ts';
import { Mutex } from './mutex.ts';
import { MIGRATIONS } from './pg-migrations.ts';
import type {
  AlertState,
  AttemptRow,
  DeliveryRow,
  DeliveryStatus,
  FailedItem,
  FeedState,
  ItemFailure,
  NewDelivery,
  PendingItem,
  RecordQuery,
  SeenItem,
  Store,
  StoredRecord,
} from './types.ts';

const INT8 = 20;
const NUMERIC = 1700;
/** BIGINT columns (seq, epoch ms) come back as numbers, not strings. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (v: string) => (v === null ? null : Number(v));
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

/** Advisory lock keys (pg_advisory_lock takes a bigint). */
const MIGRATE_LOCK = 0x5377_0001;
const STORY_LOCK = 0x5377_0002;
const EXPORT_CHUNK = 500;
const NOW_MS = '(extract(epoch from clock_timestamp()) * 1000)::bigint';

/** The URL without its password, for logs and errors. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparsable database URL)';
  }
}

function storeError(message: string, cause: unknown): SeizurewatchError {
  return new SeizurewatchError('STORE_FAILED', `${message}: ${(cause as Error)?.message ?? String(cause)}`, {
    cause,
    retryable: true,
  });
}

type Queryable = pg.Pool | pg.PoolClient;

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

function blankFeedState(feedId: string): FeedState {
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

function feedStateOf(row: FeedStateRow): FeedState {
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
}

/** Apply the migrations not yet applied, under an advisory lock. Returns the versions applied. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  const applied: number[] = [];
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATE_LOCK]);
    try {
      await client.query(
        `CREATE TABLE IF NOT EXISTS schema_migrations (
           version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())`,
      );
      const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
      const done = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...done);
      const known = Math.max(...MIGRATIONS.map((m) => m.version));
      if (newest > known) {
        throw new SeizurewatchError(
          'STORE_FAILED',
          `database has schema version ${newest}, newer than this seizurewatch (${known})`,
        );
      }
      for (const m of MIGRATIONS) {
        if (done.has(m.version)) continue;
        await client.query('BEGIN');
        try {
          await client.query(m.sql);
          await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
            m.version,
            m.name,
          ]);
          await client.query('COMMIT');
          applied.push(m.version);
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined);
          throw err;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATE_LOCK]).catch(() => undefined);
    }
  } finally {
    client.release();
  }
  return applied;
}

async function inTransaction<T>(pool: pg.Pool, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    try {
      const out = await fn(client);
      await client.query('COMMIT');
      return out;
    } catch (err) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw err;
    }
  } finally {
    client.release();
  }
}

class PgAlertState implements AlertState {
  private readonly lock = new Mutex();

  constructor(private readonly pool: pg.Pool) {}

  private async q<R extends pg.QueryResultRow>(
    what: string,
    sql: string,
    args: unknown[] = [],
    db: Queryable = this.pool,
  ) {
    try {
      return await db.query<R>(sql, args);
    } catch (cause) {
      throw storeError(`cannot ${what}`, cause);
    }
  }

  async clusterVersion(): Promise<number> {
    const { rows } = await this.q<{ value: number }>(
      'read story clusters',
      `SELECT value FROM story_meta WHERE key = 'docs'`,
    );
    return rows[0]?.value ?? 0;
  }

  async clusterCursor(): Promise<{ docs: number; merges: number; lastMember: number }> {
    const { rows } = await this.q<{ docs: number; merges: number; last: number }>(
      'read story clusters',
      `SELECT coalesce((SELECT value FROM story_meta WHERE key = 'docs'), 0) AS docs,
              coalesce((SELECT value FROM story_meta WHERE key = 'merges'), 0) AS merges,
              coalesce((SELECT max(mseq) FROM story_members), 0) AS last`,
    );
    const r = rows[0]!;
    return { docs: r.docs, merges: r.merges, lastMember: r.last };
  }

  async membersAfter(after: number, limit: number): Promise<ClusterMember[]> {
    const { rows } = await this.q<{ story_key: string; seen_at: number; features: string }>(
      'read story clusters',
      'SELECT story_key, seen_at, features FROM story_members WHERE mseq > $1 ORDER BY mseq LIMIT $2',
      [after, limit],
    );
    return rows.map((r) => ({
      storyKey: r.story_key,
      seenAt: r.seen_at,
      features: JSON.parse(r.features) as StoryFeatures,
    }));
  }

  async loadDocFrequencies(): Promise<DocFrequencies> {
    const df = new Map<string, number>();
    const { rows } = await this.q<{ term: string; n: number }>(
      'read story clusters',
      'SELECT term, n FROM story_doc_freq',
    );
    for (const r of rows) df.set(r.term, r.n);
    return { docs: await this.clusterVersion(), df };
  }

  async loadMembers(since: number, limit = 20_000): Promise<ClusterMember[]> {
    const { rows } = await this.q<{ story_key: string; seen_at: number; features: string }>(
      'read story clusters',
      `SELECT story_key, seen_at, features FROM
         (SELECT * FROM story_members WHERE seen_at >= $1 ORDER BY seen_at DESC, mseq DESC LIMIT $2) m
       ORDER BY seen_at, mseq`,
      [since, limit],
    );
    return rows.map((r) => ({
      storyKey: r.story_key,
      seenAt: r.seen_at,
      features: JSON.parse(r.features) as StoryFeatures,
    }));
  }

  async addMember(
    storyKey: string,
    features: StoryFeatures,
    summary: RecordSummary,
    seenAt: number,
  ): Promise<void> {
    try {
      await inTransaction(this.pool, async (c) => {
        const ins = await c.query(
          `INSERT INTO story_members (record_id, story_key, seen_at, features, summary) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (record_id) DO NOTHING`,
          [features.id, storyKey, seenAt, JSON.stringify(features), JSON.stringify(summary)],
        );
        if (ins.rowCount === 0) return;
        const terms = Object.keys(features.terms);
        if (terms.length > 0) {
          await c.query(
            `INSERT INTO story_doc_freq (term, n) SELECT t, 1 FROM unnest($1::text[]) AS t
             ON CONFLICT (term) DO UPDATE SET n = story_doc_freq.n + 1`,
            [terms],
          );
        }
        await c.query(
          `INSERT INTO story_meta (key, value) VALUES ('docs', 1) ON CONFLICT (key) DO UPDATE SET value = story_meta.value + 1`,
        );
      });
    } catch (cause) {
      throw storeError('cannot store story member', cause);
    }
  }

  async mergeStories(from: string[], to: string): Promise<void> {
    try {
      await inTransaction(this.pool, async (c) => {
        for (const key of from) {
          await c.query('UPDATE story_members SET story_key = $1 WHERE story_key = $2', [to, key]);
          await c.query(
            `INSERT INTO deliveries (id, story_key, channel, rule, record_id, status, created_at, not_before, expires_at,
                                     next_attempt_at, attempts, last_status, last_error, delivered_at)
             SELECT 'merged_' || id, $1, channel, rule, record_id, 'merged', created_at, not_before, expires_at,
                    next_attempt_at, attempts, last_status, last_error, delivered_at
             FROM deliveries WHERE story_key = $2
             ON CONFLICT DO NOTHING`,
            [to, key],
          );
        }
        await c.query(
          `INSERT INTO story_meta (key, value) VALUES ('merges', 1) ON CONFLICT (key) DO UPDATE SET value = story_meta.value + 1`,
        );
      });
    } catch (cause) {
      throw storeError('cannot merge stories', cause);
    }
  }

  async storyOf(recordId: string): Promise<string | null> {
    const { rows } = await this.q<{ story_key: string }>(
      'read story clusters',
      'SELECT story_key FROM story_members WHERE record_id = $1',
      [recordId],
    );
    return rows[0]?.story_key ?? null;
  }

  async storyMembers(storyKey: string): Promise<RecordSummary[]> {
    const { rows } = await this.q<{ summary: string }>(
      'read story clusters',
      'SELECT summary FROM story_members WHERE story_key = $1 ORDER BY seen_at, mseq',
      [storyKey],
    );
    return rows.map((r) => JSON.parse(r.summary) as RecordSummary);
  }

  async memberSummary(recordId: string): Promise<RecordSummary | null> {
    const { rows } = await this.q<{ summary: string }>(
      'read story clusters',
      'SELECT summary FROM story_members WHERE record_id = $1',
      [recordId],
    );
    return rows[0] ? (JSON.parse(rows[0].summary) as RecordSummary) : null;
  }

  async stories() {
    const { rows } = await this.q<{ story_key: string; members: number; first_seen: number }>(
      'read story clusters',
      `SELECT story_key, count(*)::int AS members, min(seen_at) AS first_seen FROM story_members
       GROUP BY story_key ORDER BY first_seen, story_key`,
    );
    return rows.map((r) => ({ storyKey: r.story_key, members: r.members, firstSeen: r.first_seen }));
  }

  /** In process first (one waiter per process on the database), then the database's advisory lock. */
  withStoryLock<T>(fn: () => Promise<T>): Promise<T> {
    return this.lock.run(async () => {
      let client: pg.PoolClient;
      try {
        client = await this.pool.connect();
        await client.query('SELECT pg_advisory_lock($1)', [STORY_LOCK]);
      } catch (cause) {
        throw storeError('cannot take the story lock', cause);
      }
      try {
        return await fn();
      } finally {
        // A connection lost meanwhile has released the lock with it.
        await client.query('SELECT pg_advisory_unlock($1)', [STORY_LOCK]).catch(() => undefined);
        client.release();
      }
    });
  }

  async createDelivery(d: NewDelivery): Promise<boolean> {
    const res = await this.q(
      'create delivery',
      `INSERT INTO deliveries (id, story_key, channel, rule, record_id, status, created_at, not_before, expires_at, next_attempt_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $7, $8, $7) ON CONFLICT DO NOTHING`,
      [d.id, d.storyKey, d.channel, d.rule, d.recordId, d.createdAt, d.notBefore, d.expiresAt],
    );
    return res.rowCount === 1;
  }

  async delivery(id: string): Promise<DeliveryRow | null> {
    const { rows } = await this.q<DeliveryRow>('read delivery', 'SELECT * FROM deliveries WHERE id = $1', [
      id,
    ]);
    return rows[0] ?? null;
  }

  async deliveries(filter: { status?: DeliveryStatus; storyKey?: string } = {}): Promise<DeliveryRow[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.status) {
      args.push(filter.status);
      where.push(`status = $${args.length}`);
    }
    if (filter.storyKey) {
      args.push(filter.storyKey);
      where.push(`story_key = $${args.length}`);
    }
    const { rows } = await this.q<DeliveryRow>(
      'read deliveries',
      `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at, id`,
      args,
    );
    return rows;
  }

  async dueDeliveries(now: number): Promise<DeliveryRow[]> {
    const { rows } = await this.q<DeliveryRow>(
      'read deliveries',
      `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= $1 ORDER BY next_attempt_at, id`,
      [now],
    );
    return rows;
  }

  async claim(id: string, now: number, leaseMs: number): Promise<boolean> {
    const res = await this.q(
      'claim delivery',
      `UPDATE deliveries SET lease_until = $1 WHERE id = $2 AND status = 'pending' AND (lease_until IS NULL OR lease_until < $3)`,
      [now + leaseMs, id, now],
    );
    return res.rowCount === 1;
  }

  async recordAttempt(
    id: string,
    a: {
      at: number;
      outcome: AttemptRow['outcome'];
      status: number | null;
      error: string | null;
      durationMs: number;
    },
    next: { status: DeliveryStatus; nextAttemptAt?: number },
  ): Promise<number> {
    try {
      return await inTransaction(this.pool, async (c) => {
        const { rows } = await c.query<{ attempts: number }>(
          'SELECT attempts FROM deliveries WHERE id = $1 FOR UPDATE',
          [id],
        );
        const attempt = (rows[0]?.attempts ?? 0) + (a.outcome === 'expired' ? 0 : 1);
        await c.query(
          `INSERT INTO delivery_attempts (delivery_id, attempt, at, outcome, status, error, duration_ms)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [id, attempt, a.at, a.outcome, a.status, a.error, Math.round(a.durationMs)],
        );
        await c.query(
          `UPDATE deliveries SET attempts = $1, status = $2, last_status = $3, last_error = $4, lease_until = NULL,
             next_attempt_at = COALESCE($5, next_attempt_at),
             delivered_at = CASE WHEN $2 = 'delivered' THEN $6 ELSE delivered_at END
           WHERE id = $7`,
          [attempt, next.status, a.status, a.error, next.nextAttemptAt ?? null, a.at, id],
        );
        return attempt;
      });
    } catch (cause) {
      throw storeError('cannot record delivery attempt', cause);
    }
  }

  async release(id: string): Promise<void> {
    await this.q('release delivery', 'UPDATE deliveries SET lease_until = NULL WHERE id = $1', [id]);
  }

  async attempts(deliveryId: string): Promise<AttemptRow[]> {
    const { rows } = await this.q<AttemptRow>(
      'read delivery attempts',
      'SELECT * FROM delivery_attempts WHERE delivery_id = $1 ORDER BY attempt, at',
      [deliveryId],
    );
    return rows;
  }
}

export interface PostgresStoreOptions {
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** Give up connecting after this long (default 5000 ms). */
  connectTimeoutMs?: number;
}

export class PostgresStore implements Store {
  readonly kind = 'postgres' as const;
  readonly location: string;
  readonly alerts: AlertState;

  private constructor(
    readonly pool: pg.Pool,
    url: string,
  ) {
    this.location = redactDatabaseUrl(url);
    this.alerts = new PgAlertState(pool);
  }

  /** Connect, apply the migrations, and return the store. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      types,
      application_name: 'seizurewatch',
    });
    // An idle connection that breaks (database restarted) is dropped and replaced; no crash.
    pool.on('error', () => undefined);
    try {
      await migrate(pool);
    } catch (cause) {
      await pool.end().catch(() => undefined);
      if (cause instanceof SeizurewatchError) throw cause;
      throw storeError(`cannot open store ${redactDatabaseUrl(url)}`, cause);
    }
    return new PostgresStore(pool, url);
  }

  private async q<R extends pg.QueryResultRow>(what: string, sql: string, args: unknown[] = []) {
    try {
      return await this.pool.query<R>(sql, args);
    } catch (cause) {
      throw storeError(`cannot ${what}`, cause);
    }
  }

  private async markSeenIn(
    c: Queryable,
    items: SeenItem[],
    at: string,
    recordId: string | null,
  ): Promise<void> {
    for (const it of items) {
      await c.query(
        `INSERT INTO seen_urls (url, feed_id, guid, record_id, seen_at) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (url) DO UPDATE SET record_id = coalesce(excluded.record_id, seen_urls.record_id)`,
        [it.url, it.feedId ?? null, it.guid ?? null, recordId ?? it.recordId ?? null, at],
      );
      if (it.feedId && it.guid) {
        await c.query(
          `INSERT INTO seen_guids (feed_id, guid, url, seen_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING`,
          [it.feedId, it.guid, it.url, at],
        );
      }
    }
    if (items.length > 0) {
      await c.query('DELETE FROM pending_items WHERE url = ANY($1::text[])', [items.map((it) => it.url)]);
    }
  }

  async isSeen(item: { url: string; feedId?: string | null; guid?: string | null }): Promise<boolean> {
    const { rows } = await this.q(
      'read seen items',
      `SELECT 1 FROM seen_urls WHERE url = $1
       UNION ALL SELECT 1 FROM seen_guids WHERE feed_id = $2 AND guid = $3 LIMIT 1`,
      [item.url, item.feedId ?? null, item.guid ?? null],
    );
    return rows.length > 0;
  }

  async markSeen(items: SeenItem | SeenItem[], now = new Date()): Promise<void> {
    const list = Array.isArray(items) ? items : [items];
    try {
      await inTransaction(this.pool, (c) => this.markSeenIn(c, list, now.toISOString(), null));
    } catch (cause) {
      throw storeError('cannot mark items seen', cause);
    }
  }

  async insertRecord(record: ArticleRecord, seen: SeenItem[] = [], now = new Date()): Promise<boolean> {
    const storedAt = now.toISOString();
    try {
      return await inTransaction(this.pool, async (c) => {
        const ins = await c.query(
          `INSERT INTO records (id, url, published, published_ms, seizure_story, stored_at, json)
           VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [
            record.id,
            record.url,
            record.published,
            isoToMs(record.published),
            record.seizureStory,
            storedAt,
            JSON.stringify(record),
          ],
        );
        const isNew = ins.rowCount === 1;
        if (isNew && record.seizures.length > 0) {
          await c.query(
            `INSERT INTO record_seizures (record_id, drug, country, kg)
             SELECT $1, d, c, k FROM unnest($2::text[], $3::text[], $4::float8[]) AS s (d, c, k)`,
            [
              record.id,
              record.seizures.map((s) => s.drug),
              record.seizures.map((s) => s.country),
              record.seizures.map((s) => s.kg),
            ],
          );
        }
        await this.markSeenIn(c, seen, storedAt, record.id);
        return isNew;
      });
    } catch (cause) {
      throw storeError('cannot store record', cause);
    }
  }

  async markEmitted(id: string): Promise<void> {
    await this.q('mark record emitted', 'UPDATE records SET emitted = TRUE WHERE id = $1 AND NOT emitted', [
      id,
    ]);
  }

  async unemittedRecords(limit = 1_000_000): Promise<ArticleRecord[]> {
    const { rows } = await this.q<{ json: string }>(
      'read records',
      'SELECT json FROM records WHERE NOT emitted ORDER BY seq LIMIT $1',
      [limit],
    );
    return rows.map((r) => JSON.parse(r.json) as ArticleRecord);
  }

  async hasRecord(id: string): Promise<boolean> {
    const { rows } = await this.q('read record', 'SELECT 1 FROM records WHERE id = $1', [id]);
    return rows.length > 0;
  }

  async getRecord(id: string): Promise<ArticleRecord | null> {
    const { rows } = await this.q<{ json: string }>('read record', 'SELECT json FROM records WHERE id = $1', [
      id,
    ]);
    return rows[0] ? (JSON.parse(rows[0].json) as ArticleRecord) : null;
  }

  async countRecords(): Promise<number> {
    const { rows } = await this.q<{ n: number }>('count records', 'SELECT count(*)::int AS n FROM records');
    return rows[0]?.n ?? 0;
  }

  private whereOf(query: RecordQuery, args: unknown[]): string[] {
    const where: string[] = [];
    const arg = (v: unknown) => {
      args.push(v);
      return `$${args.length}`;
    };
    if (query.since !== undefined) {
      const ms = isoToMs(query.since);
      if (ms === null) throw new SeizurewatchError('INPUT_INVALID', `since: not an ISO date: ${query.since}`);
      where.push(`r.published_ms >= ${arg(ms)}`);
    }
    if (query.until !== undefined) {
      const ms = isoToMs(query.until, true);
      if (ms === null) throw new SeizurewatchError('INPUT_INVALID', `until: not an ISO date: ${query.until}`);
      where.push(`r.published_ms <= ${arg(ms)}`);
    }
    if (query.seizureOnly) where.push('r.seizure_story');
    const sz: string[] = [];
    if (query.drug !== undefined) sz.push(`s.drug = ${arg(query.drug)}`);
    if (query.country !== undefined) sz.push(`s.country = ${arg(query.country.toUpperCase())}`);
    if (query.minKg !== undefined) sz.push(`s.kg >= ${arg(query.minKg)}`);
    if (sz.length > 0) {
      where.push(`EXISTS (SELECT 1 FROM record_seizures s WHERE s.record_id = r.id AND ${sz.join(' AND ')})`);
    }
    return where;
  }

  async queryRecords(query: RecordQuery = {}): Promise<ArticleRecord[]> {
    if (query.limit === undefined) {
      const out: ArticleRecord[] = [];
      for await (const r of this.iterateRecords(query)) out.push(r);
      return out;
    }
    const args: unknown[] = [];
    const where = this.whereOf(query, args);
    args.push(query.limit);
    const { rows } = await this.q<{ json: string }>(
      'query records',
      `SELECT r.json FROM records r ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY r.published_ms DESC NULLS LAST, r.seq DESC LIMIT $${args.length}`,
      args,
    );
    return rows.map((r) => JSON.parse(r.json) as ArticleRecord);
  }

  async *iterateRecords(query: RecordQuery = {}): AsyncGenerator<ArticleRecord> {
    let after = 0;
    for (;;) {
      const args: unknown[] = [];
      const where = this.whereOf(query, args);
      args.push(after);
      where.push(`r.seq > $${args.length}`);
      args.push(EXPORT_CHUNK);
      const { rows } = await this.q<{ seq: number; json: string }>(
        'query records',
        `SELECT r.seq, r.json FROM records r WHERE ${where.join(' AND ')} ORDER BY r.seq LIMIT $${args.length}`,
        args,
      );
      for (const r of rows) yield JSON.parse(r.json) as ArticleRecord;
      if (rows.length < EXPORT_CHUNK) return;
      after = rows[rows.length - 1]!.seq;
    }
  }

  async latestSeq(): Promise<number> {
    const { rows } = await this.q<{ s: number }>(
      'read records',
      'SELECT coalesce(max(seq), 0) AS s FROM records',
    );
    return rows[0]?.s ?? 0;
  }

  async recordsAfter(seq: number, limit: number): Promise<StoredRecord[]> {
    const { rows } = await this.q<{ seq: number; json: string }>(
      'read records',
      'SELECT seq, json FROM records WHERE seq > $1 ORDER BY seq LIMIT $2',
      [seq, limit],
    );
    return rows.map((r) => ({ seq: r.seq, record: JSON.parse(r.json) as ArticleRecord }));
  }

  async getFeedState(feedId: string): Promise<FeedState> {
    const { rows } = await this.q<FeedStateRow>(
      'read feed state',
      'SELECT * FROM feed_state WHERE feed_id = $1',
      [feedId],
    );
    return rows[0] ? feedStateOf(rows[0]) : blankFeedState(feedId);
  }

  async updateFeedState(feedId: string, patch: Partial<Omit<FeedState, 'feedId'>>): Promise<FeedState> {
    try {
      return await inTransaction(this.pool, (c) => this.updateFeedStateIn(c, feedId, patch));
    } catch (cause) {
      throw storeError('cannot write feed state', cause);
    }
  }

  async savePoll(
    feedId: string,
    patch: Partial<Omit<FeedState, 'feedId'>>,
    items: FeedItem[],
    now = new Date(),
  ): Promise<FeedState> {
    try {
      return await inTransaction(this.pool, async (c) => {
        if (items.length > 0) {
          await c.query(
            `INSERT INTO pending_items (url, feed_id, item, queued_at)
             SELECT u, f, i, $4 FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS p (u, f, i, n)
             ORDER BY n ON CONFLICT (url) DO NOTHING`,
            [
              items.map((it) => it.url),
              items.map((it) => it.feedId),
              items.map((it) => JSON.stringify(it)),
              now.toISOString(),
            ],
          );
        }
        return this.updateFeedStateIn(c, feedId, patch);
      });
    } catch (cause) {
      throw storeError('cannot save poll', cause);
    }
  }

  async pendingItems(feedId?: string): Promise<PendingItem[]> {
    const { rows } = await this.q<Parameters<typeof pendingOf>[0]>(
      'read pending items',
      feedId === undefined
        ? 'SELECT * FROM pending_items ORDER BY pseq'
        : 'SELECT * FROM pending_items WHERE feed_id = $1 ORDER BY pseq',
      feedId === undefined ? [] : [feedId],
    );
    return rows.map(pendingOf);
  }

  async recordItemFailure(
    item: FeedItem,
    failure: ItemFailure,
    maxAttempts: number,
    now = new Date(),
  ): Promise<{ gaveUp: boolean; attempts: number }> {
    const at = now.toISOString();
    const lastError = `${failure.code}: ${failure.message}`.slice(0, 1000);
    try {
      return await inTransaction(this.pool, async (c) => {
        const seen = await c.query('SELECT 1 FROM seen_urls WHERE url = $1', [item.url]);
        if (seen.rows.length > 0) return { gaveUp: false, attempts: 0 };
        const { rows } = await c.query<{ attempts: number; item: string }>(
          `INSERT INTO pending_items (url, feed_id, item, queued_at, attempts, last_error) VALUES ($1, $2, $3, $4, 1, $5)
           ON CONFLICT (url) DO UPDATE SET attempts = pending_items.attempts + 1, last_error = excluded.last_error
           RETURNING attempts, item`,
          [item.url, item.feedId, JSON.stringify(item), at, lastError],
        );
        const row = rows[0]!;
        if (!failure.permanent && row.attempts < maxAttempts)
          return { gaveUp: false, attempts: row.attempts };
        await c.query('DELETE FROM pending_items WHERE url = $1', [item.url]);
        await c.query(
          `INSERT INTO failed_items (url, id, feed_id, guid, title, item, code, message, attempts, failed_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
           ON CONFLICT (url) DO UPDATE SET code = excluded.code, message = excluded.message,
             attempts = excluded.attempts, failed_at = excluded.failed_at`,
          [
            item.url,
            recordId(item.url),
            item.feedId,
            item.guid,
            item.title,
            row.item,
            failure.code,
            failure.message.slice(0, 1000),
            row.attempts,
            at,
          ],
        );
        return { gaveUp: true, attempts: row.attempts };
      });
    } catch (cause) {
      throw storeError('cannot record item failure', cause);
    }
  }

  async isFailed(item: { url: string }): Promise<boolean> {
    const { rows } = await this.q('read failed items', 'SELECT 1 FROM failed_items WHERE url = $1', [
      item.url,
    ]);
    return rows.length > 0;
  }

  async failedItems(limit = 1_000_000): Promise<FailedItem[]> {
    const { rows } = await this.q<Parameters<typeof failedOf>[0]>(
      'read failed items',
      'SELECT * FROM failed_items ORDER BY failed_at DESC, url LIMIT $1',
      [limit],
    );
    return rows.map(failedOf);
  }

  async retryFailed(idOrUrl: string, now = new Date()): Promise<FailedItem | null> {
    try {
      return await inTransaction(this.pool, async (c) => {
        const { rows } = await c.query<Parameters<typeof failedOf>[0] & { item: string }>(
          'SELECT * FROM failed_items WHERE id = $1 OR url = $1 ORDER BY failed_at DESC LIMIT 1 FOR UPDATE',
          [idOrUrl],
        );
        const row = rows[0];
        if (!row) return null;
        await c.query('DELETE FROM failed_items WHERE url = $1', [row.url]);
        await c.query(
          `INSERT INTO pending_items (url, feed_id, item, queued_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (url) DO UPDATE SET attempts = 0, last_error = NULL`,
          [row.url, row.feed_id, row.item, now.toISOString()],
        );
        return failedOf(row);
      });
    } catch (cause) {
      throw storeError('cannot retry failed item', cause);
    }
  }

  private async updateFeedStateIn(
    c: pg.PoolClient,
    feedId: string,
    patch: Partial<Omit<FeedState, 'feedId'>>,
  ): Promise<FeedState> {
    await c.query('INSERT INTO feed_state (feed_id) VALUES ($1) ON CONFLICT DO NOTHING', [feedId]);
    const { rows } = await c.query<FeedStateRow>('SELECT * FROM feed_state WHERE feed_id = $1 FOR UPDATE', [
      feedId,
    ]);
    const next: FeedState = { ...feedStateOf(rows[0]!), ...patch, feedId };
    await c.query(
      `UPDATE feed_state SET url = $2, etag = $3, last_modified = $4, next_poll_at = $5, failures = $6,
         last_error = $7, last_status = $8, last_polled_at = $9, last_success_at = $10 WHERE feed_id = $1`,
      [
        feedId,
        next.url,
        next.etag,
        next.lastModified,
        next.nextPollAt,
        next.failures,
        next.lastError,
        next.lastStatus,
        next.lastPolledAt,
        next.lastSuccessAt,
      ],
    );
    return next;
  }

  async acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean> {
    const { rows } = await this.q<{ holder: string }>(
      'take lease',
      `INSERT INTO leases (name, holder, until_ms) VALUES ($1, $2, ${NOW_MS} + $3)
       ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms
       WHERE leases.holder = excluded.holder OR leases.until_ms < ${NOW_MS}
       RETURNING holder`,
      [name, holder, ttlMs],
    );
    return rows[0]?.holder === holder;
  }

  async releaseLease(name: string, holder: string): Promise<void> {
    await this.q('release lease', 'DELETE FROM leases WHERE name = $1 AND holder = $2', [name, holder]);
  }

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }
}
