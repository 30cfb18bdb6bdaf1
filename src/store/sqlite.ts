/**
 * The embedded implementation of {@link Store}: the SQLite files under `store.dir`
 * (`seizurewatch.db` for records, seen items, feed state and leases, see src/records/store.ts;
 * `alerts.sqlite` for story clusters and deliveries, see src/alerts/store.ts, opened the first
 * time the alerts stage asks for it). The calls are synchronous underneath (better-sqlite3);
 * this class gives them the async shape every store shares.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { AlertStore } from '../alerts/store.ts';
import { Store as RecordsDb } from '../records/store.ts';
import { Mutex } from './mutex.ts';
import type { AlertState, Store, StoredRecord } from './types.ts';

const EXPORT_CHUNK = 500;

/** A lock across processes: a lease row, polled until free (a dead holder's lapses after `ttlMs`). */
export type CrossProcessLock = <T>(fn: () => Promise<T>) => Promise<T>;

const STORY_LEASE = 'story-assignment';
const STORY_LEASE_TTL_MS = 30_000;

function leaseLock(db: RecordsDb): CrossProcessLock {
  return async (fn) => {
    const holder = `${process.pid}-${randomUUID()}`;
    let wait = 2;
    while (!db.acquireLease(STORY_LEASE, holder, STORY_LEASE_TTL_MS)) {
      await new Promise((r) => setTimeout(r, wait));
      wait = Math.min(wait * 2, 50);
    }
    try {
      return await fn();
    } finally {
      db.releaseLease(STORY_LEASE, holder);
    }
  };
}

/** {@link AlertState} over an AlertStore (a file, or `:memory:` for dry runs). */
export class SqliteAlertState implements AlertState {
  private readonly lock = new Mutex();

  /** `crossProcess`: also exclude other processes (and other stores on the same files). */
  constructor(
    readonly db: AlertStore,
    private readonly crossProcess?: CrossProcessLock,
  ) {}

  static inMemory(): SqliteAlertState {
    return new SqliteAlertState(new AlertStore(':memory:'));
  }

  async loadDocFrequencies() {
    return this.db.loadDocFrequencies();
  }
  async clusterVersion() {
    return this.db.clusterVersion();
  }
  async clusterCursor() {
    return this.db.clusterCursor();
  }
  async membersAfter(after: number, limit: number) {
    return this.db.membersAfter(after, limit);
  }
  async loadMembers(since: number, limit?: number) {
    return this.db.loadMembers(since, limit);
  }
  async addMember(...args: Parameters<AlertStore['addMember']>) {
    this.db.addMember(...args);
  }
  async mergeStories(from: string[], to: string) {
    this.db.mergeStories(from, to);
  }
  async storyOf(recordId: string) {
    return this.db.storyOf(recordId);
  }
  async storyMembers(storyKey: string) {
    return this.db.storyMembers(storyKey);
  }
  async memberSummary(recordId: string) {
    return this.db.memberSummary(recordId);
  }
  async stories() {
    return this.db.stories();
  }
  withStoryLock<T>(fn: () => Promise<T>): Promise<T> {
    const cross = this.crossProcess;
    return this.lock.run(cross ? () => cross(fn) : fn);
  }
  async createDelivery(d: Parameters<AlertStore['createDelivery']>[0]) {
    return this.db.createDelivery(d);
  }
  async delivery(id: string) {
    return this.db.delivery(id);
  }
  async deliveries(filter?: Parameters<AlertStore['deliveries']>[0]) {
    return this.db.deliveries(filter);
  }
  async dueDeliveries(now: number) {
    return this.db.dueDeliveries(now);
  }
  async claim(id: string, now: number, leaseMs: number) {
    return this.db.claim(id, now, leaseMs);
  }
  async recordAttempt(...args: Parameters<AlertStore['recordAttempt']>) {
    return this.db.recordAttempt(...args);
  }
  async release(id: string) {
    this.db.release(id);
  }
  async attempts(deliveryId: string) {
    return this.db.attempts(deliveryId);
  }
  close(): void {
    this.db.close();
  }
}

export class SqliteStore implements Store {
  readonly kind = 'sqlite' as const;
  readonly location: string;
  private alertState: SqliteAlertState | null = null;

  /** `db`: an open records database (the store takes it over and closes it). */
  constructor(
    readonly db: RecordsDb,
    private readonly dir: string,
  ) {
    this.location = db.file;
  }

  static open(dir: string): SqliteStore {
    return new SqliteStore(new RecordsDb(dir), dir);
  }

  get alerts(): SqliteAlertState {
    this.alertState ??= new SqliteAlertState(AlertStore.inDir(this.dir), leaseLock(this.db));
    return this.alertState;
  }

  async isSeen(item: { url: string; feedId?: string | null; guid?: string | null }) {
    return this.db.isSeen(item);
  }
  async markSeen(...args: Parameters<RecordsDb['markSeen']>) {
    this.db.markSeen(...args);
  }
  async insertRecord(...args: Parameters<RecordsDb['insertRecord']>) {
    return this.db.insertRecord(...args);
  }
  async markEmitted(id: string) {
    this.db.markEmitted(id);
  }
  async unemittedRecords(limit?: number) {
    return this.db.unemittedRecords(limit);
  }
  async hasRecord(id: string) {
    return this.db.hasRecord(id);
  }
  async getRecord(id: string) {
    return this.db.getRecord(id);
  }
  async countRecords() {
    return this.db.countRecords();
  }
  async queryRecords(query?: Parameters<RecordsDb['queryRecords']>[0]) {
    return this.db.queryRecords(query);
  }
  async *iterateRecords(query: Parameters<RecordsDb['queryRecords']>[0] = {}) {
    let after = 0;
    for (;;) {
      const chunk = this.db.queryRecordsAfter(query, after, EXPORT_CHUNK);
      for (const r of chunk) yield r.record;
      if (chunk.length < EXPORT_CHUNK) return;
      after = chunk[chunk.length - 1]!.seq;
    }
  }
  async latestSeq() {
    return this.db.latestSeq();
  }
  async recordsAfter(seq: number, limit: number): Promise<StoredRecord[]> {
    return this.db.recordsAfter(seq, limit);
  }
  async getFeedState(feedId: string) {
    return this.db.getFeedState(feedId);
  }
  async updateFeedState(...args: Parameters<RecordsDb['updateFeedState']>) {
    return this.db.updateFeedState(...args);
  }
  async savePoll(...args: Parameters<RecordsDb['savePoll']>) {
    return this.db.savePoll(...args);
  }
  async pendingItems(feedId?: string) {
    return this.db.pendingItems(feedId);
  }
  async recordItemFailure(...args: Parameters<RecordsDb['recordItemFailure']>) {
    return this.db.recordItemFailure(...args);
  }
  async isFailed(item: { url: string }) {
    return this.db.isFailed(item);
  }
  async failedItems(limit?: number) {
    return this.db.failedItems(limit);
  }
  async retryFailed(idOrUrl: string, now?: Date) {
    return this.db.retryFailed(idOrUrl, now);
  }
  async acquireLease(name: string, holder: string, ttlMs: number) {
    return this.db.acquireLease(name, holder, ttlMs);
  }
  async releaseLease(name: string, holder: string) {
    this.db.releaseLease(name, holder);
  }
  async close() {
    this.alertState?.close();
    this.alertState = null;
    this.db.close();
  }
}

/** The directory of a SQLite store's files. */
export function sqliteStoreDir(store: SqliteStore): string {
  return path.dirname(store.location);
}
