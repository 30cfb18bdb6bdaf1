/**
 * The dashboard's API shapes: what `/api/dashboard/*` answers and what the browser code
 * (ui/src) reads. Types only, no runtime code, so the browser bundle can import this file.
 */

/** The page's filters, as validated from the query string (see filter.ts). All optional. */
export interface DashboardFilter {
  /** Full-text search over headline, teaser and text (every word must occur; prefixes match). */
  q?: string;
  /** Per figure: drug, country, minimum kg, kind and place must hold for one and the same figure. */
  drug?: string;
  country?: string;
  minKg?: number;
  /** `haul`: single hauls only; `total`: period or area totals only. */
  kind?: 'haul' | 'total';
  /** The figure's place name, as the record gives it ("Antwerp"). */
  place?: string;
  /** Per record: published on or after / on or before (ISO date or time). */
  since?: string;
  until?: string;
  /** ISO 639-1 language of the article. */
  lang?: string;
  /** Outlet id (`dw`). */
  source?: string;
  /** Only articles that are seizure stories. */
  seizureStories?: boolean;
}

export type TimelineBucketSize = 'week' | 'month';

/** One seizure figure of a record, as the list and the map show it. */
export interface FigureView {
  /** Position in the record's `seizures`. */
  index: number;
  drug: string;
  value: number;
  unit: string;
  kg: number | null;
  count: number | null;
  countUnit: string | null;
  location: string | null;
  country: string | null;
  period: string | null;
  aggregate: boolean;
  record: boolean;
  /** 0..1 where the extractor gives one, else null. */
  confidence: number | null;
  /** Drawn on the map (the place has coordinates, or a country-level figure at the country's centre). */
  mapped: boolean;
  /** Does this figure match the figure filters (drug, country, minKg, kind, place)? */
  match: boolean;
}

export interface RecordRow {
  id: string;
  title: string | null;
  url: string | null;
  source: { id: string; name: string };
  language: string;
  published: string | null;
  seizureStory: boolean;
  figures: FigureView[];
}

export interface RecordPage {
  rows: RecordRow[];
  /** Records matching the filter. */
  total: number;
  offset: number;
  limit: number;
  next: number | null;
}

export interface Summary {
  records: number;
  seizureStories: number;
  /** Figures matching the filter (within matching records). */
  figures: number;
  /** Sum of their kg (figures given as a mass). Totals and the hauls inside them both count. */
  kg: number;
  /** Of those figures, how many are on the map. */
  mapped: number;
  /** Earliest and latest publication date of the matching records. */
  first: string | null;
  last: string | null;
  /** Records in the whole store, whatever the filter. */
  stored: number;
}

export interface FacetValue {
  value: string;
  /** Figures (drug, country) or records (language, source) with this value under the other filters. */
  n: number;
  /** Display name where there is one (the outlet's name). */
  label?: string;
}

export interface Facets {
  drugs: FacetValue[];
  countries: FacetValue[];
  languages: FacetValue[];
  sources: FacetValue[];
}

/** Figures of one drug at one place. */
export interface MapPoint {
  location: string | null;
  country: string | null;
  lat: number;
  lon: number;
  /** Drawn at the country's centre (a country-level figure, no finer place). */
  approx: boolean;
  drug: string;
  /** Figures here. */
  n: number;
  /** Distinct records. */
  records: number;
  /** Sum of kg of the figures given as a mass, null when none is. */
  kg: number | null;
  /** The largest figures here (by kg, else by count), at most 3, largest first. */
  figures: MapFigure[];
}

/** One figure of a map point, for its tooltip and its list. */
export interface MapFigure {
  recordId: string;
  /** Position in the record's `seizures`. */
  index: number;
  /** "116 t of cocaine, Antwerp (BE), 2023; total, a record". */
  summary: string;
  source: string;
  published: string | null;
}

export interface MapData {
  points: MapPoint[];
  /** Matching figures that have no coordinates (regions, "Europe", places not resolved). */
  unmapped: number;
  /** True when more points matched than were sent (the largest are sent). */
  truncated: boolean;
}

export interface TimelineBucket {
  /** First day of the week (Monday) or month, YYYY-MM-DD (UTC). */
  start: string;
  drug: string;
  /** Figures reported in this bucket. */
  n: number;
  /** Their kg (mass figures only). */
  kg: number;
}

export interface TimelineData {
  bucket: TimelineBucketSize;
  buckets: TimelineBucket[];
  /** Matching figures of records without a publication date (not on the timeline). */
  undated: number;
}

export interface StoryReportView {
  recordId: string;
  source: { id: string; name: string };
  title: string | null;
  url: string | null;
  published: string | null;
  /** One line per figure: "116 t of cocaine, Antwerp (BE), 2023; total, a record". */
  figures: string[];
}

export interface StoryDisagreementView {
  drug: string;
  period: string | null;
  location: string | null;
  values: Array<{ source: string; figure: string }>;
  note: string;
}

export interface StoryView {
  key: string;
  headline: string | null;
  /** First report first. */
  reports: StoryReportView[];
  alsoReportedBy: string[];
  disagreements: StoryDisagreementView[];
  /** Latest publication date among the reports. */
  latest: string | null;
}

export interface StoryPage {
  stories: StoryView[];
  total: number;
  offset: number;
  limit: number;
  next: number | null;
  /** False when the store has no story clusters (alerts not configured, see docs/dashboard.md). */
  available: boolean;
}

export type DeliveryStatusView = 'pending' | 'delivered' | 'failed' | 'expired';

export interface DeliveryView {
  id: string;
  channel: string;
  rule: string;
  status: DeliveryStatusView;
  attempts: number;
  /** HTTP (or SMTP) status of the last attempt. */
  lastStatus: number | null;
  lastError: string | null;
  createdAt: string;
  deliveredAt: string | null;
  nextAttemptAt: string | null;
  storyKey: string;
  recordId: string;
  headline: string | null;
}

export interface DeliveryPage {
  deliveries: DeliveryView[];
  /** Deliveries per status (all of them, whatever the status filter). */
  counts: Record<DeliveryStatusView, number>;
  total: number;
  offset: number;
  limit: number;
  next: number | null;
  available: boolean;
}

/** `GET /api/dashboard/records/:id`: the whole record and its story, if it has one. */
export interface RecordDetail {
  // The stored record as it is (seizurewatch/article@1); typed loosely here so that the browser
  // copes with fields added later (confidence, reasons).
  record: {
    id: string;
    url: string | null;
    source: { id: string; name: string };
    language: string;
    title: string | null;
    teaser: string | null;
    published: string | null;
    section: string | null;
    authors: string[];
    text: string;
    seizureStory: boolean;
    seizures: Array<{
      drug: string;
      amount: { value: number; unit: string };
      kg: number | null;
      count: number | null;
      countUnit: string | null;
      location: string | null;
      country: string | null;
      period: string | null;
      aggregate: boolean;
      record: boolean;
      attribution: string | null;
      evidence: string;
      confidence?: number;
      reasons?: string[];
    }>;
    trends: Array<{ drug: string; changePercent: number; period: string | null; evidence: string }>;
    persons: Array<{ name: string; role: string | null }>;
    organizations: string[];
    places: Array<{ name: string; kind: string; country: string | null; lat?: number; lon?: number }>;
    extractedAt: string;
    extractor: string;
  };
  story: StoryView | null;
}
