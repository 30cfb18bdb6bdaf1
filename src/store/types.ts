/**
 * The one store interface of seizurewatch: records, seen feed items, feed polling state, story
 * clusters and alert deliveries. Every method is async, so one implementation can be an embedded
 * SQLite file (src/store/sqlite.ts, the default) and another a shared PostgreSQL database
 * (src/store/postgres.ts) that many `serve` processes on many machines use at once. The pipeline,
 * the service, `export`, `ui` and the alerts only ever see this interface; one contract test
 * suite (tests/store/contract.test.ts) holds every implementation to the same behaviour.
 */

import type { RecordSummary } from '../alerts/alert.ts';
import type { ClusterMember } from '../cluster/clusterer.ts';
import type { StoryFeatures } from '../cluster/features.ts';
import type { DocFrequencies } from '../cluster/text.ts';
import type { ArticleRecord } from '../types.ts';

export type { AttemptRow, DeliveryRow, DeliveryStatus } from '../alerts/store.ts';
export type { FeedState, RecordQuery, SeenItem } from '../records/store.ts';

import type { AttemptRow, DeliveryRow, DeliveryStatus } from '../alerts/store.ts';
import type { FeedState, RecordQuery, SeenItem } from '../records/store.ts';

/** A record with its position in the store's order (ascending, gaps allowed). */
export interface StoredRecord {
  seq: number;
  record: ArticleRecord;
}

/** A new pending delivery (one story on one channel). */
export interface NewDelivery {
  id: string;
  storyKey: string;
  channel: string;
  rule: string;
  recordId: string;
  createdAt: number;
  notBefore: number;
  expiresAt: number;
}

/** Story clusters and alert deliveries (the alerts stage's state). */
export interface AlertState {
  loadDocFrequencies(): Promise<DocFrequencies>;
  /** Articles clustered so far: changes whenever any process adds a member (see StoryTracker). */
  clusterVersion(): Promise<number>;
  /**
   * Where the clusters stand: articles clustered (`docs`), merges done, the newest member's
   * position. A tracker that saw the same docs and merges is up to date; one that saw fewer
   * docs and the same merges catches up with {@link membersAfter}.
   */
  clusterCursor(): Promise<{ docs: number; merges: number; lastMember: number }>;
  /** Members added after position `after`, in the order added, at most `limit`. */
  membersAfter(after: number, limit: number): Promise<ClusterMember[]>;
  /** Members seen since `since` (epoch ms), oldest first, at most `limit`. */
  loadMembers(since: number, limit?: number): Promise<ClusterMember[]>;
  /** Store a newly clustered article and count its terms, at most once per record. */
  addMember(storyKey: string, features: StoryFeatures, summary: RecordSummary, seenAt: number): Promise<void>;
  /** Stories found to be one: members move to `to`, which inherits their channels' deliveries as `merged`. */
  mergeStories(from: string[], to: string): Promise<void>;
  storyOf(recordId: string): Promise<string | null>;
  /** The story's members' summaries, first seen first. */
  storyMembers(storyKey: string): Promise<RecordSummary[]>;
  memberSummary(recordId: string): Promise<RecordSummary | null>;
  stories(): Promise<Array<{ storyKey: string; members: number; firstSeen: number }>>;
  /**
   * Run `fn` while no other caller (in this process or, for a shared store, in any process)
   * runs one: story assignment reads the clusters and writes them, and two processes assigning
   * at once would split one story in two.
   */
  withStoryLock<T>(fn: () => Promise<T>): Promise<T>;

  /** Insert a pending delivery; false when the story already has one on that channel (the claim). */
  createDelivery(d: NewDelivery): Promise<boolean>;
  delivery(id: string): Promise<DeliveryRow | null>;
  deliveries(filter?: { status?: DeliveryStatus; storyKey?: string }): Promise<DeliveryRow[]>;
  /** Pending deliveries due by `now` (including expired ones, which the caller closes). */
  dueDeliveries(now: number): Promise<DeliveryRow[]>;
  /** Take a short lease so that only one process sends a delivery at a time. */
  claim(id: string, now: number, leaseMs: number): Promise<boolean>;
  /** Record an attempt and the delivery's new state together; returns the attempt number. */
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
  ): Promise<number>;
  release(id: string): Promise<void>;
  attempts(deliveryId: string): Promise<AttemptRow[]>;
}

export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for logs: a file path, or the database URL without its password. */
  readonly location: string;

  // ---- seen items ------------------------------------------------------------------------
  /** True when the item's canonical URL was seen (from any feed), or its GUID in the same feed. */
  isSeen(item: { url: string; feedId?: string | null; guid?: string | null }): Promise<boolean>;
  /** Remember items as seen (by URL, and by feed + GUID). Idempotent. */
  markSeen(items: SeenItem | SeenItem[], now?: Date): Promise<void>;

  // ---- records ---------------------------------------------------------------------------
  /**
   * Store a record once (by id) with the items' seen marks, atomically. True when it was new;
   * false when a record with this id was stored before (kept unchanged). Safe under concurrent
   * callers in many processes: exactly one of them gets true.
   */
  insertRecord(record: ArticleRecord, seen?: SeenItem[], now?: Date): Promise<boolean>;
  /** Mark a record delivered to the sinks; {@link unemittedRecords} lists those never marked. */
  markEmitted(id: string): Promise<void>;
  /** Records stored but not yet marked emitted, in the store's order. */
  unemittedRecords(limit?: number): Promise<ArticleRecord[]>;
  hasRecord(id: string): Promise<boolean>;
  getRecord(id: string): Promise<ArticleRecord | null>;
  countRecords(): Promise<number>;
  /** Records matching every given filter: newest published first when `limit` is set, else in stored order. */
  queryRecords(query?: RecordQuery): Promise<ArticleRecord[]>;
  /** Like {@link queryRecords} without a limit, streaming in stored order (large exports). */
  iterateRecords(query?: RecordQuery): AsyncIterable<ArticleRecord>;
  /** The position of the newest stored record (0 when none). */
  latestSeq(): Promise<number>;
  /** Records stored after `seq`, in the store's order, at most `limit`. */
  recordsAfter(seq: number, limit: number): Promise<StoredRecord[]>;

  // ---- feed state ------------------------------------------------------------------------
  /** The feed's remembered state, or a blank one for a feed never polled. */
  getFeedState(feedId: string): Promise<FeedState>;
  /** Merge a patch into the feed's state and return the result. */
  updateFeedState(feedId: string, patch: Partial<Omit<FeedState, 'feedId'>>): Promise<FeedState>;

  // ---- story clusters and alert deliveries --------------------------------------------------
  readonly alerts: AlertState;

  // ---- leases (one holder at a time across processes) ---------------------------------------
  /**
   * Take or renew the lease `name` for `holder` until now + `ttlMs`. True when `holder` holds it
   * afterwards (it was free, expired, or already its own).
   */
  acquireLease(name: string, holder: string, ttlMs: number): Promise<boolean>;
  /** Give the lease up, when `holder` holds it. */
  releaseLease(name: string, holder: string): Promise<void>;

  close(): Promise<void>;
}
