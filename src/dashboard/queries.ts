/**
 * What the dashboard asks of a store: paged records and the aggregates behind the map, the
 * timeline and the filter menus, computed by the database (never by loading every record),
 * plus story clusters and alert deliveries. One implementation per store backend: SQLite in
 * sqlite-queries.ts, PostgreSQL in pg-queries.ts (the methods are async for that reason); both
 * pass the same contract tests (tests/dashboard/queries.test.ts runs them against each store).
 *
 * Filter semantics, for every implementation:
 * - record filters (`q`, `since`, `until`, `lang`, `source`, `seizureStories`) hold for the
 *   article;
 * - figure filters (`drug`, `country`, `minKg`, `kind`, `place`) must all hold for one and the
 *   same seizure figure (as `export` does); a record matches when one of its figures does;
 * - aggregates (summary kg, map, timeline, drug and country facets) count the matching figures
 *   of matching records; language and source facets count records;
 * - each facet ignores its own filter (so the menu still offers the other values), and the
 *   timeline ignores `since`/`until` (its brush shows the selection over the whole range).
 */
import type { ArticleRecord, Seizure } from '../types.ts';
import type {
  DashboardFilter,
  DeliveryPage,
  DeliveryStatusView,
  Facets,
  MapData,
  RecordDetail,
  RecordPage,
  StoryPage,
  Summary,
  TimelineBucketSize,
  TimelineData,
} from './types.ts';

export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * A seizure as the store may hold it: records of schema @1 have no `confidence` or `reasons`,
 * so the dashboard reads both as optional.
 */
export type StoredSeizure = Omit<Seizure, 'confidence' | 'reasons'> &
  Partial<Pick<Seizure, 'confidence' | 'reasons'>>;

/** One row of the CSV export: a matching figure with its article. */
export interface FigureExportRow {
  record: Pick<ArticleRecord, 'id' | 'url' | 'title' | 'source' | 'language' | 'published'>;
  seizure: StoredSeizure;
}

export interface DashboardQueries {
  summary(filter: DashboardFilter): Promise<Summary>;
  facets(filter: DashboardFilter): Promise<Facets>;
  /** Matching records, newest published first (undated last). */
  records(filter: DashboardFilter, page: PageRequest): Promise<RecordPage>;
  /** One record with its story, or null. */
  record(id: string): Promise<RecordDetail | null>;
  /** Matching figures grouped by place and drug; at most `limit` points, largest first. */
  mapPoints(filter: DashboardFilter, limit: number): Promise<MapData>;
  timeline(filter: DashboardFilter, bucket: TimelineBucketSize): Promise<TimelineData>;
  /** Stories with at least one matching record, latest first; `multiOutlet`: reported by 2+ outlets. */
  stories(filter: DashboardFilter, page: PageRequest, options: { multiOutlet: boolean }): Promise<StoryPage>;
  /** Alert deliveries, newest first. */
  deliveries(options: PageRequest & { status?: DeliveryStatusView }): Promise<DeliveryPage>;
  /** Matching records as stored, newest first (the NDJSON export). */
  exportRecords(filter: DashboardFilter): AsyncIterable<ArticleRecord>;
  /** Matching figures of matching records, newest first (the CSV export). */
  exportFigures(filter: DashboardFilter): AsyncIterable<FigureExportRow>;
  /** The position of the newest stored record, for {@link recordsAfter}. */
  latestCursor(): Promise<number>;
  /** Records stored after `cursor`, oldest first, and the cursor to ask from next. */
  recordsAfter(cursor: number, limit: number): Promise<{ records: ArticleRecord[]; cursor: number }>;
  close(): Promise<void>;
}
