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
import type { ArticleRecord, FeedItem } from '../types.ts';

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

/**
 * An item of a fetched feed that is neither stored nor given up yet: queued durably in the store
 * together with the feed's validators ({@link Store.savePoll}), so a 304 can never hide it.
 */
export interface PendingItem {
  item: FeedItem;
  /** Failed attempts so far (a `scan` run, or a `serve` job that ran out of retries). */
  attempts: number;
  /** `CODE: message` of the last failure, or null. */
  lastError: string | null;
  queuedAt: string;
}

/** Why an item's attempt failed, for {@link Store.recordItemFailure}. */
export interface ItemFailure {
  /** SeizurewatchError code (`FETCH_HTTP_STATUS`, `FETCH_ROBOTS_DISALLOWED` ...) or `UNEXPECTED`. */
  code: string;
  message: string;
  /** Retrying cannot help (404/410, robots.txt, a blocked address, an unparsable page): give up now. */
  permanent: boolean;
}

/** An item given up for good: not fetched again while it stays in its feed, until retried. */
export interface FailedItem {
  /** The record id its canonical URL would have (what `seizurewatch retry ID` takes). */
  id: string;
  url: string;
  feedId: string;
  guid: string | null;
  title: string | null;
  code: string;
  message: string;
  attempts: number;
  failedAt: string;
}

export interface Store {
  /** `sqlite` or `postgres`. */
  readonly kind: 'sqlite' | 'postgres';
  /** Where it is, for logs: a file path, or the database URL without its password. */
  readonly location: string;

  // ---- seen items ------------------------------------------------------------------------
  /** True when the item's canonical URL was seen (from any feed), or its GUID in the same feed. */
  isSeen(item: { url: string; feedId?: string | null; guid?: string | null }): Promise<boolean>;
  /** Remember items as seen (by URL, and by feed + GUID; no longer pending). Idempotent. */
  markSeen(items: SeenItem | SeenItem[], now?: Date): Promise<void>;

  // ---- pending and failed items ------------------------------------------------------------
  /**
   * Save a successful poll: the feed-state patch (validators, next poll) and the fetch's new
   * items as pending, in one transaction. Items already pending keep their attempts. The
   * validators are thus never saved without the work they stand for.
   */
  savePoll(
    feedId: string,
    patch: Partial<Omit<FeedState, 'feedId'>>,
    items: FeedItem[],
    now?: Date,
  ): Promise<FeedState>;
  /** Items pending (of one feed, or all), oldest first. */
  pendingItems(feedId?: string): Promise<PendingItem[]>;
  /**
   * Count a failed attempt of an item. A permanent failure, or the `maxAttempts`th one, moves
   * it from pending to the failed items; else it stays pending for the next run or poll. Nothing
   * happens to an item already stored (seen).
   */
  recordItemFailure(
    item: FeedItem,
    failure: ItemFailure,
    maxAttempts: number,
    now?: Date,
  ): Promise<{ gaveUp: boolean; attempts: number }>;
  /** True when the item (by canonical URL) was given up. */
  isFailed(item: { url: string }): Promise<boolean>;
  /** Items given up, newest first, at most `limit`. */
  failedItems(limit?: number): Promise<FailedItem[]>;
  /** Put a failed item (by its id or URL) back as pending with no attempts; null when none matches. */
  retryFailed(idOrUrl: string, now?: Date): Promise<FailedItem | null>;

  // ---- records ---------------------------------------------------------------------------
  /**
   * Store a record once (by id) with the items' seen marks, atomically (the items are no longer
   * pending). True when it was new;
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
