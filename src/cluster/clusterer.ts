/**
 * Incremental story clustering: each article joins the cluster of its best-matching earlier
 * article (compareStories), or starts a new story. The story key is the id of its first
 * article. Used as is by `cluster --corpus` (in memory) and by the alerts stage (which keeps the
 * members and document frequencies in its SQLite file and feeds them back in on start).
 */
import type { ClusterConfig } from '../alerts/config.ts';
import type { StoryFeatures } from './features.ts';
import { apartInTime, type Comparison, compareStories } from './similarity.ts';
import { type ClusterTerms, loadClusterTerms } from './terms.ts';
import type { DocFrequencies } from './text.ts';

export interface ClusterMember {
  features: StoryFeatures;
  storyKey: string;
  /** When the service first saw the article (epoch ms); pruning goes by this where given. */
  seenAt?: number;
}

export interface Assignment {
  storyKey: string;
  /** True when this article starts a new story. */
  isNew: boolean;
  /** The earlier article it was matched with, and why. */
  matchedWith: string | null;
  comparison: Comparison | null;
  /** Stories this article showed to be the same as `storyKey`, now merged into it. */
  merged: string[];
}

export class StoryClusterer {
  readonly members: ClusterMember[] = [];
  /** Story keys in the order the stories started (a merge keeps the oldest). */
  private readonly stories = new Set<string>();
  readonly freq: DocFrequencies = { docs: 0, df: new Map() };
  private readonly terms: ClusterTerms;
  private readonly options: ClusterConfig;

  constructor(options: Partial<ClusterConfig> = {}, terms?: ClusterTerms) {
    this.options = { windowDays: options.windowDays ?? 7, figureTolerance: options.figureTolerance ?? 0.05 };
    this.terms = terms ?? loadClusterTerms();
  }

  /** Count an article's terms into the document frequencies (done by assign; exposed for warm-up). */
  countTerms(features: StoryFeatures): void {
    this.freq.docs++;
    for (const t of Object.keys(features.terms)) this.freq.df.set(t, (this.freq.df.get(t) ?? 0) + 1);
    for (const a of new Set(features.anchors ?? []))
      this.freq.df.set(`@${a}`, (this.freq.df.get(`@${a}`) ?? 0) + 1);
  }

  /** Put back an article already clustered (from storage), without counting its terms again. */
  restore(member: ClusterMember): void {
    this.add(member);
  }

  private add(member: ClusterMember): void {
    this.members.push(member);
    this.stories.add(member.storyKey);
  }

  /**
   * A story as one pseudo-article: the summed terms and all figures of its members written in
   * `language` (translations share few words), dated at the member closest in time to `time`.
   */
  private storyAsFeatures(key: string, members: ClusterMember[], time: number | null): StoryFeatures {
    const terms: Record<string, number> = {};
    const figures: StoryFeatures['figures'] = [];
    const countries = new Set<string>();
    let closest: number | null = null;
    for (const { features: f } of members) {
      for (const [t, w] of Object.entries(f.terms)) terms[t] = (terms[t] ?? 0) + w;
      figures.push(...f.figures);
      for (const c of f.countries) countries.add(c);
      if (
        f.time !== null &&
        (closest === null || (time !== null && Math.abs(f.time - time) < Math.abs(closest - time)))
      ) {
        closest = f.time;
      }
    }
    return {
      id: key,
      sourceId: '',
      sourceName: '',
      url: null,
      title: null,
      language: members[0]?.features.language ?? '',
      time: closest,
      figures,
      countries: [...countries],
      terms,
      sketch: [],
    };
  }

  /**
   * The time span of each story's dated members (time +- slack), for its undated members: an
   * article that gives no date is as old as the story it joined.
   */
  private storyTimes(): Map<string, { lo: number; hi: number }> {
    const out = new Map<string, { lo: number; hi: number }>();
    for (const { features: f, storyKey } of this.members) {
      if (f.time === null) continue;
      const lo = f.time - (f.timeSlack ?? 0);
      const hi = f.time + (f.timeSlack ?? 0);
      const span = out.get(storyKey);
      out.set(storyKey, span ? { lo: Math.min(span.lo, lo), hi: Math.max(span.hi, hi) } : { lo, hi });
    }
    return out;
  }

  /** A member as compared: dated by its story when it has no date of its own. */
  private static dated(member: ClusterMember, times: Map<string, { lo: number; hi: number }>): StoryFeatures {
    const f = member.features;
    const span = f.time === null ? times.get(member.storyKey) : undefined;
    if (!span) return f;
    return {
      ...f,
      time: Math.round((span.lo + span.hi) / 2),
      timeSlack: Math.round((span.hi - span.lo) / 2),
    };
  }

  /** Compare with every earlier article; join the best match's story or start a new one. */
  assign(features: StoryFeatures, options: { countTerms?: boolean; seenAt?: number } = {}): Assignment {
    const existing = this.members.find((m) => m.features.id === features.id);
    if (existing) {
      return { storyKey: existing.storyKey, isNew: false, matchedWith: null, comparison: null, merged: [] };
    }
    if (options.countTerms !== false) this.countTerms(features);
    let best: { member: ClusterMember; comparison: Comparison } | null = null;
    const linked = new Set<string>();
    const times = this.storyTimes();
    for (const member of this.members) {
      const other = StoryClusterer.dated(member, times);
      const comparison = compareStories(features, other, this.freq, this.terms, this.options);
      if (!comparison.same) continue;
      linked.add(member.storyKey);
      if (!best || comparison.score > best.comparison.score) best = { member, comparison };
    }
    // An article that is the same story as reports in two stories joins them: the earliest
    // story keeps its key (copies seen in another order would have made one story anyway).
    // Not two stories further apart in time than the window (an undated article that names
    // both a haul and its trial months later): it joins the best match only.
    if (best && linked.size > 1) {
      const at = (key: string): StoryFeatures | null => {
        const span = times.get(key);
        if (!span) return null;
        const mid = Math.round((span.lo + span.hi) / 2);
        return { ...features, time: mid, timeSlack: Math.round((span.hi - span.lo) / 2) };
      };
      const target = at(best.member.storyKey);
      for (const key of [...linked]) {
        const other = at(key);
        if (target && other && apartInTime(target, other, this.options.windowDays)) linked.delete(key);
      }
    }
    const merged: string[] = [];
    if (linked.size > 1) {
      const target = [...this.stories].find((k) => linked.has(k))!;
      for (const key of linked) if (key !== target) merged.push(key);
      this.merge(merged, target);
    }
    let storyKey = best?.member.storyKey ?? null;
    let matchedWith = best?.member.features.id ?? null;
    let comparison = best?.comparison ?? null;
    if (!best) {
      // No single article is close enough: compare with each story as a whole, whose summed
      // terms cover what its several reports said between them.
      const byStory = new Map<string, ClusterMember[]>();
      for (const m of this.members) {
        if (m.features.language !== features.language) continue;
        const list = byStory.get(m.storyKey) ?? [];
        list.push(m);
        byStory.set(m.storyKey, list);
      }
      for (const [key, members] of byStory) {
        if (members.length < 2) continue;
        const c = compareStories(
          features,
          this.storyAsFeatures(key, members, features.time),
          this.freq,
          this.terms,
          this.options,
        );
        if (c.same && (!comparison || c.score > comparison.score)) {
          storyKey = key;
          matchedWith = null;
          comparison = { ...c, reason: `${c.reason} (story as a whole)` };
        }
      }
    }
    if (storyKey !== null && merged.includes(storyKey))
      storyKey = [...linked].find((k) => !merged.includes(k))!;
    storyKey ??= features.id;
    this.add({ features, storyKey, ...(options.seenAt !== undefined ? { seenAt: options.seenAt } : {}) });
    return { storyKey, isNew: storyKey === features.id, matchedWith, comparison, merged };
  }

  /** Move every member of the `from` stories into `to`. */
  private merge(from: string[], to: string): void {
    for (const m of this.members) if (from.includes(m.storyKey)) m.storyKey = to;
    for (const key of from) this.stories.delete(key);
  }

  /** Drop members seen (or, if not known, published) before `before` (epoch ms): comparisons stay few. */
  prune(before: number): void {
    for (let i = this.members.length - 1; i >= 0; i--) {
      const t = this.members[i]!.seenAt ?? this.members[i]!.features.time;
      if (t !== null && t < before) this.members.splice(i, 1);
    }
    const live = new Set(this.members.map((m) => m.storyKey));
    for (const key of this.stories) if (!live.has(key)) this.stories.delete(key);
  }
}
