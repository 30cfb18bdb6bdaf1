/**
 * The alerts' own embedded state, one SQLite file under store.dir (`alerts.sqlite`): story
 * members with their clustering features, document frequencies, deliveries and every delivery
 * attempt. Separate from the record store. WAL mode, so `scan` and `serve` can share it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { ClusterMember } from '../cluster/clusterer.ts';
import type { StoryFeatures } from '../cluster/features.ts';
import type { DocFrequencies } from '../cluster/text.ts';
import { SeizurewatchError } from '../errors.ts';
import type { RecordSummary } from './alert.ts';

export const ALERTS_DB_FILE = 'alerts.sqlite';

/** `merged`: a placeholder saying the story was alerted on this channel under a story merged into it. */
export type DeliveryStatus = 'pending' | 'delivered' | 'failed' | 'expired' | 'merged';

export interface DeliveryRow {
  id: string;
  story_key: string;
  channel: string;
  rule: string;
  record_id: string;
  status: DeliveryStatus;
  created_at: number;
  not_before: number;
  expires_at: number;
  next_attempt_at: number;
  attempts: number;
  lease_until: number | null;
  last_status: number | null;
  last_error: string | null;
  delivered_at: number | null;
}

export interface AttemptRow {
  delivery_id: string;
  attempt: number;
  at: number;
  outcome: 'delivered' | 'retry' | 'final' | 'expired';
  status: number | null;
  error: string | null;
  duration_ms: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS members (
  record_id TEXT PRIMARY KEY,
  story_key TEXT NOT NULL,
  seen_at INTEGER NOT NULL,
  features TEXT NOT NULL,
  summary TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS members_story ON members(story_key, seen_at);
CREATE INDEX IF NOT EXISTS members_seen ON members(seen_at);
CREATE TABLE IF NOT EXISTS doc_freq (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS deliveries (
  id TEXT PRIMARY KEY,
  story_key TEXT NOT NULL,
  channel TEXT NOT NULL,
  rule TEXT NOT NULL,
  record_id TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  not_before INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  next_attempt_at INTEGER NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  lease_until INTEGER,
  last_status INTEGER,
  last_error TEXT,
  delivered_at INTEGER,
  UNIQUE (story_key, channel)
);
CREATE INDEX IF NOT EXISTS deliveries_due ON deliveries(status, next_attempt_at);
CREATE TABLE IF NOT EXISTS attempts (
  delivery_id TEXT NOT NULL,
  attempt INTEGER NOT NULL,
  at INTEGER NOT NULL,
  outcome TEXT NOT NULL,
  status INTEGER,
  error TEXT,
  duration_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_delivery ON attempts(delivery_id);
`;

export class AlertStore {
  private readonly db: Database.Database;

  /** `file` is a path, or `:memory:` (dry runs, tests). */
  constructor(file: string) {
    try {
      if (file !== ':memory:') mkdirSync(path.dirname(file), { recursive: true });
      this.db = new Database(file);
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('synchronous = NORMAL');
      this.db.exec(SCHEMA);
    } catch (cause) {
      throw new SeizurewatchError(
        'STORE_FAILED',
        `cannot open alerts store ${file}: ${(cause as Error).message}`,
        {
          cause,
        },
      );
    }
  }

  static inDir(storeDir: string): AlertStore {
    return new AlertStore(path.join(storeDir, ALERTS_DB_FILE));
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ---- clustering state ------------------------------------------------------------------

  loadDocFrequencies(): DocFrequencies {
    const docs = Number(
      (this.db.prepare(`SELECT value FROM meta WHERE key = 'docs'`).get() as { value: string } | undefined)
        ?.value ?? 0,
    );
    const df = new Map<string, number>();
    for (const row of this.db.prepare('SELECT term, n FROM doc_freq').iterate() as Iterable<{
      term: string;
      n: number;
    }>) {
      df.set(row.term, row.n);
    }
    return { docs, df };
  }

  /** Articles clustered so far (the `docs` count): changes whenever any process adds a member. */
  clusterVersion(): number {
    return Number(
      (this.db.prepare(`SELECT value FROM meta WHERE key = 'docs'`).get() as { value: string } | undefined)
        ?.value ?? 0,
    );
  }

  /** Where the clusters stand: articles clustered, merges done, the newest member's position. */
  clusterCursor(): { docs: number; merges: number; lastMember: number } {
    const meta = (key: string) =>
      Number(
        (this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)
          ?.value ?? 0,
      );
    const last = this.db.prepare('SELECT coalesce(max(rowid), 0) AS m FROM members').get() as { m: number };
    return { docs: meta('docs'), merges: meta('merges'), lastMember: last.m };
  }

  /** Members added after position `after` (see clusterCursor), in the order added. */
  membersAfter(after: number, limit: number): ClusterMember[] {
    const rows = this.db
      .prepare('SELECT story_key, seen_at, features FROM members WHERE rowid > ? ORDER BY rowid LIMIT ?')
      .all(after, limit) as Array<{ story_key: string; seen_at: number; features: string }>;
    return rows.map((r) => ({
      storyKey: r.story_key,
      seenAt: r.seen_at,
      features: JSON.parse(r.features) as StoryFeatures,
    }));
  }

  /** Members seen since `since` (epoch ms), oldest first, at most `limit`. */
  loadMembers(since: number, limit = 20_000): ClusterMember[] {
    const rows = this.db
      .prepare(
        'SELECT story_key, seen_at, features FROM (SELECT * FROM members WHERE seen_at >= ? ORDER BY seen_at DESC LIMIT ?) ORDER BY seen_at',
      )
      .all(since, limit) as Array<{ story_key: string; seen_at: number; features: string }>;
    return rows.map((r) => ({
      storyKey: r.story_key,
      seenAt: r.seen_at,
      features: JSON.parse(r.features) as StoryFeatures,
    }));
  }

  /** Store a newly clustered article and count its terms, in one transaction. */
  addMember(storyKey: string, features: StoryFeatures, summary: RecordSummary, seenAt: number): void {
    const tx = this.db.transaction(() => {
      const inserted = this.db
        .prepare(
          'INSERT OR IGNORE INTO members (record_id, story_key, seen_at, features, summary) VALUES (?, ?, ?, ?, ?)',
        )
        .run(features.id, storyKey, seenAt, JSON.stringify(features), JSON.stringify(summary));
      if (inserted.changes === 0) return;
      const bump = this.db.prepare(
        'INSERT INTO doc_freq (term, n) VALUES (?, 1) ON CONFLICT(term) DO UPDATE SET n = n + 1',
      );
      for (const t of Object.keys(features.terms)) bump.run(t);
      this.db
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('docs', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
        )
        .run();
    });
    tx();
  }

  /**
   * Stories found to be one: their members move to `to`. Their deliveries stay as they are; `to`
   * gets a `merged` placeholder per channel they alerted on, so it does not alert there again.
   */
  mergeStories(from: string[], to: string): void {
    const move = this.db.prepare('UPDATE members SET story_key = ? WHERE story_key = ?');
    const carry = this.db.prepare(
      `INSERT OR IGNORE INTO deliveries (id, story_key, channel, rule, record_id, status, created_at, not_before, expires_at, next_attempt_at, attempts, last_status, last_error, delivered_at)
       SELECT 'merged_' || id, ?, channel, rule, record_id, 'merged', created_at, not_before, expires_at, next_attempt_at, attempts, last_status, last_error, delivered_at
       FROM deliveries WHERE story_key = ?`,
    );
    this.db.transaction(() => {
      for (const key of from) {
        move.run(to, key);
        carry.run(to, key);
      }
      this.db
        .prepare(
          `INSERT INTO meta (key, value) VALUES ('merges', '1') ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1`,
        )
        .run();
    })();
  }

  storyOf(recordId: string): string | null {
    const row = this.db.prepare('SELECT story_key FROM members WHERE record_id = ?').get(recordId) as
      | { story_key: string }
      | undefined;
    return row?.story_key ?? null;
  }

  /** The story's members' summaries, first seen first. */
  storyMembers(storyKey: string): RecordSummary[] {
    const rows = this.db
      .prepare('SELECT summary FROM members WHERE story_key = ? ORDER BY seen_at, rowid')
      .all(storyKey) as Array<{ summary: string }>;
    return rows.map((r) => JSON.parse(r.summary) as RecordSummary);
  }

  memberSummary(recordId: string): RecordSummary | null {
    const row = this.db.prepare('SELECT summary FROM members WHERE record_id = ?').get(recordId) as
      | { summary: string }
      | undefined;
    return row ? (JSON.parse(row.summary) as RecordSummary) : null;
  }

  stories(): Array<{ storyKey: string; members: number; firstSeen: number }> {
    return (
      this.db
        .prepare(
          'SELECT story_key, COUNT(*) AS members, MIN(seen_at) AS first_seen FROM members GROUP BY story_key ORDER BY first_seen',
        )
        .all() as Array<{ story_key: string; members: number; first_seen: number }>
    ).map((r) => ({ storyKey: r.story_key, members: r.members, firstSeen: r.first_seen }));
  }

  // ---- deliveries ------------------------------------------------------------------------

  /** Insert a pending delivery; false when the story already has one on that channel. */
  createDelivery(d: {
    id: string;
    storyKey: string;
    channel: string;
    rule: string;
    recordId: string;
    createdAt: number;
    notBefore: number;
    expiresAt: number;
  }): boolean {
    const res = this.db
      .prepare(
        `INSERT OR IGNORE INTO deliveries (id, story_key, channel, rule, record_id, status, created_at, not_before, expires_at, next_attempt_at)
         VALUES (?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(
        d.id,
        d.storyKey,
        d.channel,
        d.rule,
        d.recordId,
        d.createdAt,
        d.notBefore,
        d.expiresAt,
        d.notBefore,
      );
    return res.changes === 1;
  }

  delivery(id: string): DeliveryRow | null {
    return (
      (this.db.prepare('SELECT * FROM deliveries WHERE id = ?').get(id) as DeliveryRow | undefined) ?? null
    );
  }

  deliveries(filter: { status?: DeliveryStatus; storyKey?: string } = {}): DeliveryRow[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (filter.status) {
      where.push('status = ?');
      args.push(filter.status);
    }
    if (filter.storyKey) {
      where.push('story_key = ?');
      args.push(filter.storyKey);
    }
    return this.db
      .prepare(
        `SELECT * FROM deliveries ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at`,
      )
      .all(...args) as DeliveryRow[];
  }

  /** Pending deliveries due by `now` (including expired ones, which the caller closes). */
  dueDeliveries(now: number): DeliveryRow[] {
    return this.db
      .prepare(
        `SELECT * FROM deliveries WHERE status = 'pending' AND next_attempt_at <= ? ORDER BY next_attempt_at`,
      )
      .all(now) as DeliveryRow[];
  }

  /** Take a short lease so that only one process sends a delivery at a time. */
  claim(id: string, now: number, leaseMs: number): boolean {
    const res = this.db
      .prepare(
        `UPDATE deliveries SET lease_until = ? WHERE id = ? AND status = 'pending' AND (lease_until IS NULL OR lease_until < ?)`,
      )
      .run(now + leaseMs, id, now);
    return res.changes === 1;
  }

  /** Record an attempt and the delivery's new state, in one transaction. */
  recordAttempt(
    id: string,
    a: {
      at: number;
      outcome: AttemptRow['outcome'];
      status: number | null;
      error: string | null;
      durationMs: number;
    },
    next: { status: DeliveryStatus; nextAttemptAt?: number },
  ): number {
    let attempt = 0;
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT attempts FROM deliveries WHERE id = ?').get(id) as
        | { attempts: number }
        | undefined;
      attempt = (row?.attempts ?? 0) + (a.outcome === 'expired' ? 0 : 1);
      this.db
        .prepare(
          'INSERT INTO attempts (delivery_id, attempt, at, outcome, status, error, duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, attempt, a.at, a.outcome, a.status, a.error, a.durationMs);
      this.db
        .prepare(
          `UPDATE deliveries SET attempts = ?, status = ?, last_status = ?, last_error = ?, lease_until = NULL,
             next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = CASE WHEN ? = 'delivered' THEN ? ELSE delivered_at END
           WHERE id = ?`,
        )
        .run(attempt, next.status, a.status, a.error, next.nextAttemptAt ?? null, next.status, a.at, id);
    })();
    return attempt;
  }

  release(id: string): void {
    this.db.prepare('UPDATE deliveries SET lease_until = NULL WHERE id = ?').run(id);
  }

  attempts(deliveryId: string): AttemptRow[] {
    return this.db
      .prepare('SELECT * FROM attempts WHERE delivery_id = ? ORDER BY attempt, at')
      .all(deliveryId) as AttemptRow[];
  }
}
