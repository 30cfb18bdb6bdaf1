/**
 * The typed hand-offs between pipeline stages:
 *
 *   FeedConfig -> FeedItem -> Page -> ScrapedArticle -> ArticleRecord -> Alert
 *
 * feeds/ and fetch/ do network I/O, scrape/ and extract/ are pure, records/ and sinks/ touch disk.
 * `scan` (in process) and `serve` (BullMQ jobs) call the same stage functions.
 */
export type {
  AmountUnit,
  ArticleRecord,
  CountUnit,
  Drug,
  MassUnit,
  Person,
  Place,
  PlaceKind,
  Seizure,
  Trend,
} from './records/schema.ts';

/** One feed to poll, as configured. */
export interface FeedConfig {
  /** Unique, [a-z0-9-]. */
  id: string;
  url: string;
  /** Human name for logs and alerts; defaults to the id. */
  name?: string;
  /** ISO 639-1 language of its articles, for items whose feed and page do not say it. */
  language?: string;
}

/** One item of a polled feed, normalised. */
export interface FeedItem {
  feedId: string;
  /** Link as the feed gives it. */
  link: string;
  /** Canonical article URL: tracking parameters removed, fragment dropped, amp host mapped. */
  url: string;
  guid: string | null;
  title: string | null;
  /** ISO 8601, or null when the feed gives none or one that cannot be read correctly. */
  published: string | null;
  summary: string | null;
  /** Full HTML body where the feed carries one (content:encoded, Atom content). */
  contentHtml: string | null;
  categories: string[];
  language: string | null;
}

/** A fetched HTML page. */
export interface Page {
  /** The URL asked for (canonical item URL). */
  url: string;
  /** Where the last redirect landed. */
  finalUrl: string;
  status: number;
  /** Decoded HTML. */
  html: string;
  contentType: string | null;
  fetchedAt: string;
}

/** What a site extractor reads off a page: metadata and the clean article body. */
export interface ScrapedArticle {
  /** Canonical URL of the article (the page's rel=canonical / og:url, else the fetched URL). */
  url: string | null;
  source: { id: string; name: string };
  language: string;
  title: string | null;
  teaser: string | null;
  /** ISO 8601 timestamp. */
  published: string | null;
  section: string | null;
  tags: string[];
  /** Persons only, never organisations. */
  authors: string[];
  editor: string | null;
  /** Body: paragraphs and subheadings separated by one blank line. */
  text: string;
  /** Which extractor produced this (`dw`, `generic`, ...). */
  extractor: string;
}

/** Input to the NLP extractor when there is no page (a .txt body or a labelled corpus file). */
export interface ArticleText {
  id?: string;
  url: string | null;
  title: string | null;
  text: string;
  published: string | null;
  language?: string;
  source?: { id: string; name: string };
}

/** What every alert channel sends about one story (documented in docs/alerts.md). */
export type { Alert } from './alerts/alert.ts';
