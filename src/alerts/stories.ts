/**
 * Stories across runs: the StoryClusterer of src/cluster, restored from and saved to the
 * alerts store, and the story as the alert shows it (reports, "also reported by", figures the
 * outlets disagree on).
 */
import { StoryClusterer } from '../cluster/clusterer.ts';
import { storyFeatures } from '../cluster/features.ts';
import type { Assignment } from '../cluster/index.ts';
import type { AlertState } from '../store/types.ts';
import type { ArticleRecord } from '../types.ts';
import { findDisagreements, type RecordSummary, type StoryInfo, summarizeRecord } from './alert.ts';
import type { ClusterConfig } from './config.ts';

const DAY = 86_400_000;

export class StoryTracker {
  private clusterer: StoryClusterer;
  /** Where the store's clusters stood when this tracker's memory last matched them. */
  private cursor = { docs: -1, merges: -1, lastMember: 0 };

  private constructor(
    private readonly store: AlertState,
    private readonly options: ClusterConfig,
  ) {
    this.clusterer = new StoryClusterer(options);
  }

  /** A tracker with the clusters restored from the store. */
  static async open(store: AlertState, options: ClusterConfig, now = Date.now()): Promise<StoryTracker> {
    const tracker = new StoryTracker(store, options);
    await tracker.reload(now);
    return tracker;
  }

  /** Restore the clusters from the store. */
  private async reload(now = Date.now()): Promise<void> {
    const clusterer = new StoryClusterer(this.options);
    const cursor = await this.store.clusterCursor();
    const freq = await this.store.loadDocFrequencies();
    clusterer.freq.docs = freq.docs;
    for (const [t, n] of freq.df) clusterer.freq.df.set(t, n);
    for (const m of await this.store.loadMembers(now - this.horizon())) clusterer.restore(m);
    this.clusterer = clusterer;
    this.cursor = cursor;
  }

  /**
   * Catch up with what other processes clustered: their new members (and the terms they
   * counted) when only members were added, everything again when stories were merged.
   */
  private async sync(now: number): Promise<void> {
    const c = await this.store.clusterCursor();
    const was = this.cursor;
    if (c.docs === was.docs && c.merges === was.merges) return;
    if (was.docs < 0 || c.merges !== was.merges || c.docs < was.docs) return this.reload(now);
    const fresh = await this.store.membersAfter(was.lastMember, 1_000);
    if (fresh.length !== c.docs - was.docs) return this.reload(now);
    for (const m of fresh) {
      this.clusterer.restore(m);
      this.clusterer.countTerms(m.features);
    }
    this.cursor = c;
  }

  /** How far back members are kept for comparison: a few windows (late copies, undated ones). */
  private horizon(): number {
    return Math.max(3 * this.options.windowDays, 14) * DAY;
  }

  /**
   * Cluster a record (once: a record seen before keeps its story) and store it. Call it under
   * the store's story lock (`withStoryLock`): when another process clustered articles since this
   * tracker last looked, the clusters are read again first, so every process assigns against
   * the same stories.
   */
  async add(record: ArticleRecord, seenAt: number): Promise<Assignment> {
    const known = await this.store.storyOf(record.id);
    if (known) return { storyKey: known, isNew: false, matchedWith: null, comparison: null, merged: [] };
    await this.sync(seenAt);
    const features = storyFeatures(record);
    const assignment = this.clusterer.assign(features, { seenAt });
    if (assignment.merged.length > 0) await this.store.mergeStories(assignment.merged, assignment.storyKey);
    await this.store.addMember(assignment.storyKey, features, summarizeRecord(record), seenAt);
    this.cursor = await this.store.clusterCursor();
    this.clusterer.prune(seenAt - this.horizon());
    return assignment;
  }

  storyInfo(storyKey: string): Promise<StoryInfo> {
    return storyInfoOf(this.store, storyKey);
  }
}

export async function storyInfoOf(store: AlertState, storyKey: string): Promise<StoryInfo> {
  return storyInfoOfMembers(storyKey, await store.storyMembers(storyKey));
}

/** The story as alerts (and the dashboard) show it, from its members' summaries, first seen first. */
export function storyInfoOfMembers(storyKey: string, members: RecordSummary[]): StoryInfo {
  const first = members[0]?.source.name;
  const also = [...new Set(members.slice(1).map((m) => m.source.name))].filter((s) => s !== first);
  return {
    key: storyKey,
    reports: members.map((m) => ({
      recordId: m.id,
      source: m.source,
      url: m.url,
      title: m.title,
      published: m.published,
    })),
    alsoReportedBy: also,
    disagreements: findDisagreements(members),
  };
}
