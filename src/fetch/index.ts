/**
 * The fetch stage: feeds (conditional GET) and article pages (robots.txt, HTML decoded without
 * assuming UTF-8), over the one safe, polite {@link HttpClient}.
 */
import { FetchError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import type { Page } from '../types.ts';
import type { FetchConfig } from './config.ts';
import { decodeBody } from './decode.ts';
import { HttpClient, statusError } from './http-client.ts';
import { RobotsCache } from './robots.ts';

export { blockedRange } from './address-guard.ts';
export type { FetchConfig } from './config.ts';
export { FetchConfigSchema } from './config.ts';
export { decodeBody } from './decode.ts';
export type { HttpClientOptions, HttpResponse, RequestOptions } from './http-client.ts';
export { HttpClient, parseRetryAfter, statusError } from './http-client.ts';

/** Validators remembered from the last successful feed fetch. */
export interface ConditionalHeaders {
  etag?: string | null;
  lastModified?: string | null;
}

/** What a feed fetch gave. */
export interface FeedResponse {
  /** 200 with a body, or 304 (`notModified`, empty body). */
  status: number;
  notModified: boolean;
  finalUrl: string;
  /** Raw bytes: the feed parser sniffs the encoding itself. */
  body: Buffer;
  contentType: string | null;
  etag: string | null;
  lastModified: string | null;
  /** Response headers, lower-case names. */
  headers: Record<string, string>;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml|text\/plain|application\/xml|text\/xml)\b/i;

export interface FetcherOptions {
  logger?: Logger;
  /** See {@link HttpClientOptions.exemptOrigins} (tests only). */
  exemptOrigins?: string[];
  /**
   * Article pages only: fail at once (FETCH_RATE_LIMITED with the expected wait) rather than
   * wait behind this many requests to the same host. `serve` uses 0, so a queue worker never
   * sits out a slow site's turn; default none (`scan` waits its turn).
   */
  pageHostQueueLimit?: number;
  /** Clock for `fetchedAt`. */
  now?: () => Date;
}

/** Fetches feeds and pages. Create one per process; call {@link Fetcher.close} at the end. */
export class Fetcher {
  readonly http: HttpClient;
  readonly config: FetchConfig;
  private readonly robots: RobotsCache;
  private readonly logger: Logger;
  private readonly now: () => Date;
  private readonly pageHostQueueLimit: number | undefined;

  constructor(config: FetchConfig, options: FetcherOptions = {}) {
    this.config = config;
    this.pageHostQueueLimit = options.pageHostQueueLimit;
    this.logger = options.logger ?? silentLogger;
    this.now = options.now ?? (() => new Date());
    this.http = new HttpClient(config, { logger: this.logger, exemptOrigins: options.exemptOrigins ?? [] });
    this.robots = new RobotsCache(this.http);
  }

  /**
   * Conditional GET of a feed. Returns 200 (body) or 304 (no body); throws FETCH_RATE_LIMITED
   * for 429/503 (with `details.retryAfterMs`), FETCH_HTTP_STATUS for other statuses, and the
   * client's errors (timeout, size, refused address ...).
   */
  async fetchFeed(url: string, conditional: ConditionalHeaders = {}): Promise<FeedResponse> {
    const headers: Record<string, string> = {
      accept:
        'application/rss+xml, application/rdf+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5',
    };
    if (conditional.etag) headers['if-none-match'] = conditional.etag;
    if (conditional.lastModified) headers['if-modified-since'] = conditional.lastModified;
    const res = await this.http.get(url, { headers });
    if (res.status !== 304 && (res.status < 200 || res.status >= 300)) throw statusError(res);
    return {
      status: res.status,
      notModified: res.status === 304,
      finalUrl: res.finalUrl,
      body: res.body,
      contentType: res.headers['content-type'] ?? null,
      etag: res.headers.etag ?? null,
      lastModified: res.headers['last-modified'] ?? null,
      headers: res.headers,
    };
  }

  /**
   * Fetch an article page: robots.txt first, for the page and every redirect target (unless
   * `fetch.respectRobots` is false), then GET,
   * 2xx required, HTML-ish content type, body decoded (BOM, meta charset, header, sniffing).
   */
  async fetchPage(url: string): Promise<Page> {
    const res = await this.http.get(url, {
      headers: { accept: 'text/html, application/xhtml+xml;q=0.9, */*;q=0.5' },
      ...(this.pageHostQueueLimit === undefined ? {} : { hostQueueLimit: this.pageHostQueueLimit }),
      // robots.txt of every hop's origin: a redirect to a disallowed page is not followed.
      ...(this.config.respectRobots
        ? { beforeHop: (hop: URL) => this.robots.assertAllowed(hop.href, this.config.userAgent) }
        : {}),
    });
    if (res.status < 200 || res.status >= 300) throw statusError(res);
    const contentType = res.headers['content-type'] ?? null;
    if (contentType && !HTML_TYPES.test(contentType.trim())) {
      throw new FetchError('FETCH_FAILED', `not an HTML page (${contentType}): ${res.finalUrl}`, {
        retryable: false,
        details: { url: res.finalUrl, contentType },
      });
    }
    const decoded = decodeBody(res.body, contentType);
    this.logger.debug(
      { url, finalUrl: res.finalUrl, bytes: res.body.length, encoding: decoded.encoding },
      'page fetched',
    );
    return {
      url,
      finalUrl: res.finalUrl,
      status: res.status,
      html: decoded.text,
      contentType,
      fetchedAt: this.now().toISOString(),
    };
  }

  async close(): Promise<void> {
    await this.http.close();
  }
}

/** Create a {@link Fetcher} for the `fetch:` config section. */
export function createFetcher(config: FetchConfig, options: FetcherOptions = {}): Fetcher {
  return new Fetcher(config, options);
}
