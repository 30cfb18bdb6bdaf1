/**
 * Stories across runs: the StoryClusterer of src/cluster, restored from and saved to the
 * alerts store, and the story as the alert shows it (reports, "also reported by", figures the
 * outlets disagree on).
 */
import { StoryClusterer } from '../cluster/clusterer.ts';
import { storyFeatures } from '../cluster/features.ts';
import type { Assignment } from '../cluster/index.ts';
import type { ArticleRecord } from '../types.ts';
import { findDisagreements, type RecordSummary, type StoryInfo, summarizeRecord } from './alert.ts';
import type { ClusterConfig } from './config.ts';
import type { AlertStore } from './store.ts';

const DAY = 86_400_000;

export class StoryTracker {
  private readonly clusterer: StoryClusterer;

  constructor(
    private readonly store: AlertStore,
    private readonly options: ClusterConfig,
    now = Date.now(),
  ) {
    this.clusterer = new StoryClusterer(options);
    const freq = store.loadDocFrequencies();
    this.clusterer.freq.docs = freq.docs;
    for (const [t, n] of freq.df) this.clusterer.freq.df.set(t, n);
    for (const m of store.loadMembers(now - this.horizon())) this.clusterer.restore(m);
  }

  /** How far back members are kept for comparison: a few windows (late copies, undated ones). */
  private horizon(): number {
    return Math.max(3 * this.options.windowDays, 14) * DAY;
  }

  /** Cluster a record (once: a record seen before keeps its story) and store it. */
  add(record: ArticleRecord, seenAt: number): Assignment {
    const known = this.store.storyOf(record.id);
    if (known) return { storyKey: known, isNew: false, matchedWith: null, comparison: null, merged: [] };
    const features = storyFeatures(record, { fallbackTime: seenAt });
    const assignment = this.clusterer.assign(features, { seenAt });
    if (assignment.merged.length > 0) this.store.mergeStories(assignment.merged, assignment.storyKey);
    this.store.addMember(assignment.storyKey, features, summarizeRecord(record), seenAt);
    this.clusterer.prune(seenAt - this.horizon());
    return assignment;
  }

  storyInfo(storyKey: string): StoryInfo {
    return storyInfoOf(this.store, storyKey);
  }
}

export function storyInfoOf(store: AlertStore, storyKey: string): StoryInfo {
  return storyInfoOfMembers(storyKey, store.storyMembers(storyKey));
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
