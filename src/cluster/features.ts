/**
 * What the clusterer knows of one article: its time, its figures (the extractor's seizures,
 * else quantities found in the text), its content terms and a MinHash sketch. Plain JSON, so
 * the alerts store can keep it in SQLite between runs.
 */
import type { ArticleRecord } from '../types.ts';
import { storyAnchors } from './anchors.ts';
import { type ClusterLexicon, loadClusterLexicon } from './lexicon.ts';
import { findQuantities, type Quantity } from './quantities.ts';
import { type ClusterTerms, loadClusterTerms } from './terms.ts';
import { contentTerms, shingleSketch, type WeightedTerms } from './text.ts';

export interface StoryFeatures {
  id: string;
  sourceId: string;
  sourceName: string;
  url: string | null;
  title: string | null;
  language: string;
  /** When the article was published (or first seen, when it gives no date), epoch ms; null if unknown. */
  time: number | null;
  /** The haul figures the story reports (no period totals). */
  figures: Quantity[];
  /** Countries the seizures happened in (extractor's), for telling two ports apart. */
  countries: string[];
  /**
   * Language-independent anchors (anchors.ts): places, persons, numbers, years, drugs, figures,
   * dates. Absent in features stored before they existed.
   */
  anchors?: string[];
  terms: WeightedTerms;
  sketch: number[];
}

export interface FeatureOptions {
  /** Use this time when the record has no `published` (the service passes the time first seen). */
  fallbackTime?: number | null;
  terms?: ClusterTerms;
  lexicon?: ClusterLexicon;
}

export function storyFeatures(record: ArticleRecord, options: FeatureOptions = {}): StoryFeatures {
  const terms = options.terms ?? loadClusterTerms();
  const lexicon = options.lexicon ?? loadClusterLexicon();
  const published = record.published ? Date.parse(record.published) : Number.NaN;
  const time = Number.isFinite(published) ? published : (options.fallbackTime ?? null);
  let figures: Quantity[] = record.seizures
    .filter((s) => !s.aggregate && (s.kg !== null || s.count !== null))
    .map((s) => ({
      drug: s.drug,
      kg: s.kg,
      count: s.count,
      country: s.country,
      aggregate: false,
      lead: true,
    }));
  if (figures.length === 0) {
    figures = findQuantities(record.title, record.text, lexicon).filter((q) => q.lead && !q.aggregate);
  }
  const countries = [
    ...new Set(record.seizures.filter((s) => !s.aggregate && s.country).map((s) => s.country!)),
  ].sort();
  return {
    id: record.id,
    sourceId: record.source.id,
    sourceName: record.source.name,
    url: record.url,
    title: record.title,
    language: record.language,
    time,
    figures: dedupeFigures(figures),
    countries,
    anchors: storyAnchors(record.title, record.text, { language: record.language, lexicon, terms }),
    terms: contentTerms(record.title, record.text, terms),
    sketch: shingleSketch(`${record.title ?? ''}\n${record.text}`),
  };
}

function dedupeFigures(figures: Quantity[]): Quantity[] {
  const seen = new Set<string>();
  return figures.filter((f) => {
    const key = `${f.drug}|${f.kg}|${f.count}|${f.country}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
