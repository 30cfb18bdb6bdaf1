/**
 * The one HTTP client of seizurewatch (undici). Safe by default: http/https only, at most
 * `maxRedirects` redirects (each hop re-checked), the SSRF guard on every connect, a connect
 * timeout and a total timeout per hop, a body cap (after decompression), and per-host politeness
 * (one request at a time, a minimum gap, Retry-After pauses). It returns any HTTP status; turning
 * statuses into errors is {@link statusError}'s job.
 */
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { Agent, request } from 'undici';
import { FetchError, SeizurewatchError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { silentLogger } from '../log.ts';
import { type AddressGuard, createAddressGuard } from './address-guard.ts';
import type { FetchConfig } from './config.ts';
import { HostLimiter } from './host-limiter.ts';

export interface RequestOptions {
  /** Extra request headers (If-None-Match, Accept ...). */
  headers?: Record<string, string>;
  /** Overrides `fetch.maxBodyBytes` for this request (robots.txt uses a smaller cap). */
  maxBodyBytes?: number;
  /** Called before every hop (the first URL and each redirect target); throw to refuse it. */
  beforeHop?: (url: URL) => Promise<void>;
  /** Fail at once instead of waiting behind this many requests to the host (see HostLimiter.run). */
  hostQueueLimit?: number;
}

export interface HttpResponse {
  /** The URL asked for. */
  url: string;
  /** The URL of the last hop. */
  finalUrl: string;
  status: number;
  /** Response headers, lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Decompressed body (empty for 304 and HEAD-like answers). */
  body: Buffer;
  /** Every URL redirected to, in order. */
  redirects: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Error codes of a connection reset before any response: safe to retry a GET once. */
const STALE_SOCKET = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);

/** Parse Retry-After (seconds or an HTTP date) into milliseconds from `now`; null if absent/bad. */
export function parseRetryAfter(value: string | undefined | null, now = Date.now()): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The typed error for a non-2xx status: 429 and 503 are FETCH_RATE_LIMITED (retryable, with
 * `details.retryAfterMs` when the server said), other 5xx and 408 are retryable
 * FETCH_HTTP_STATUS, other 4xx are not.
 */
export function statusError(res: Pick<HttpResponse, 'status' | 'headers' | 'finalUrl'>): FetchError {
  const retryAfterMs = parseRetryAfter(res.headers['retry-after']);
  if (res.status === 429 || res.status === 503) {
    return new FetchError('FETCH_RATE_LIMITED', `HTTP ${res.status} from ${res.finalUrl}`, {
      retryable: true,
      details: { status: res.status, url: res.finalUrl, retryAfterMs },
    });
  }
  return new FetchError('FETCH_HTTP_STATUS', `HTTP ${res.status} from ${res.finalUrl}`, {
    retryable: res.status >= 500 || res.status === 408,
    details: { status: res.status, url: res.finalUrl },
  });
}

function findInChain(err: unknown): SeizurewatchError | null {
  let e: unknown = err;
  for (let i = 0; i < 8 && e; i++) {
    if (e instanceof SeizurewatchError) return e;
    e = (e as { cause?: unknown }).cause;
  }
  return null;
}

function mapError(err: unknown, url: string, timedOut: boolean, timeoutMs: number): SeizurewatchError {
  const own = findInChain(err);
  if (own) return own;
  const code = (err as { code?: string })?.code ?? '';
  if (timedOut || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', `request to ${url} took longer than ${timeoutMs} ms`, {
      cause: err,
      retryable: true,
      details: { url, timeoutMs },
    });
  }
  if (code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new FetchError('FETCH_TIMEOUT', `connecting to ${url} timed out`, {
      cause: err,
      retryable: true,
      details: { url },
    });
  }
  const message = (err as Error)?.message ?? String(err);
  return new FetchError(
    'FETCH_FAILED',
    `request to ${url} failed: ${code && !message.includes(code) ? `${code} ` : ''}${message}`,
    {
      cause: err,
      retryable: true,
      details: { url, code },
    },
  );
}

/** Parse and check a URL: absolute, http or https. */
export function checkUrl(raw: string, base?: string): URL {
  let url: URL;
  try {
    url = new URL(raw, base);
  } catch (cause) {
    throw new FetchError('FETCH_BAD_URL', `not a valid URL: ${raw.slice(0, 200)}`, {
      cause,
      details: { url: raw },
    });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new FetchError('FETCH_BAD_URL', `only http and https URLs are fetched, not ${url.protocol}`, {
      details: { url: url.href },
    });
  }
  if (url.username || url.password) {
    throw new FetchError('FETCH_BAD_URL', 'URLs with credentials are not fetched', {
      details: { url: url.origin },
    });
  }
  return url;
}

export interface HttpClientOptions {
  logger?: Logger;
  /**
   * Origins (`http://127.0.0.1:8080`) whose literal IP the guard lets through. For tests that
   * need one local "public" server to test the guard on the hops after it; never set from config.
   */
  exemptOrigins?: string[];
}

/** HTTP client with the safety and politeness rules of `fetch:`. One per process is enough. */
export class HttpClient {
  readonly config: FetchConfig;
  readonly limiter: HostLimiter;
  private readonly agent: Agent;
  private readonly logger: Logger;
  private readonly exempt: Set<string>;
  private readonly guard: AddressGuard;

  constructor(config: FetchConfig, options: HttpClientOptions = {}) {
    this.config = config;
    this.logger = options.logger ?? silentLogger;
    this.exempt = new Set(options.exemptOrigins ?? []);
    this.guard = createAddressGuard(config.allowHosts);
    this.limiter = new HostLimiter({ minGapMs: config.minHostGapMs, maxWaitMs: config.maxHostWaitMs });
    this.agent = new Agent({
      connect: {
        timeout: config.connectTimeoutMs,
        ...(config.allowPrivateNetworks ? {} : { lookup: this.guard.lookup }),
      },
      // Our own Deadline decides; undici's timers are a back-stop only.
      headersTimeout: config.timeoutMs * 3,
      bodyTimeout: config.timeoutMs * 3,
      connections: 4,
    });
  }

  /**
   * GET `url`, following redirects. Returns the final response whatever its status; throws a
   * FetchError for a bad URL, a refused address, too many redirects, a timeout, a too-large
   * body or a network failure.
   */
  async get(rawUrl: string, options: RequestOptions = {}): Promise<HttpResponse> {
    let url = checkUrl(rawUrl);
    const redirects: string[] = [];
    for (;;) {
      await options.beforeHop?.(url);
      const res = await this.hop(url, options);
      const location = res.headers.location;
      if (!REDIRECTS.has(res.status) || !location) {
        return { ...res, url: rawUrl, finalUrl: url.href, redirects };
      }
      if (redirects.length >= this.config.maxRedirects) {
        throw new FetchError(
          'FETCH_TOO_MANY_REDIRECTS',
          `more than ${this.config.maxRedirects} redirects from ${rawUrl}`,
          {
            details: { url: rawUrl, redirects },
          },
        );
      }
      url = checkUrl(location, url.href);
      redirects.push(url.href);
      this.logger.debug({ from: rawUrl, to: url.href }, 'redirect');
    }
  }

  private hop(
    url: URL,
    options: RequestOptions,
  ): Promise<Omit<HttpResponse, 'url' | 'finalUrl' | 'redirects'>> {
    if (!this.config.allowPrivateNetworks && !this.exempt.has(url.origin)) this.guard.assertLiteral(url);
    return this.limiter.run(
      url.host,
      async () => {
        let res: Awaited<ReturnType<HttpClient['hopNow']>>;
        try {
          res = await this.hopNow(url, options);
        } catch (err) {
          // A kept-alive connection the server closed while we were busy: one fresh try (GET is idempotent).
          if (!(err instanceof SeizurewatchError) || !STALE_SOCKET.has(String(err.details.code))) throw err;
          this.logger.debug({ url: url.href, code: err.details.code }, 'stale connection, retrying once');
          res = await this.hopNow(url, options);
        }
        if (res.status === 429 || res.status === 503) {
          const retry = parseRetryAfter(res.headers['retry-after']) ?? this.config.backoffBaseMs;
          this.limiter.pauseHost(url.host, Date.now() + retry);
        }
        return res;
      },
      options.hostQueueLimit,
    );
  }

  private async hopNow(
    url: URL,
    options: RequestOptions,
  ): Promise<Omit<HttpResponse, 'url' | 'finalUrl' | 'redirects'>> {
    const cap = options.maxBodyBytes ?? this.config.maxBodyBytes;
    const timeoutMs = this.config.timeoutMs;
    const controller = new AbortController();
    let timedOut = false;
    const timer = new Deadline(timeoutMs, () => {
      timedOut = true;
      controller.abort(
        new FetchError('FETCH_TIMEOUT', `request to ${url.href} took longer than ${timeoutMs} ms`, {
          retryable: true,
          details: { url: url.href, timeoutMs },
        }),
      );
    });
    try {
      const res = await request(url, {
        method: 'GET',
        dispatcher: this.agent,
        signal: controller.signal,
        headers: {
          'user-agent': this.config.userAgent,
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        },
      });
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(res.headers)) {
        if (v !== undefined) headers[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
      }
      if (res.statusCode === 304 || REDIRECTS.has(res.statusCode) || res.statusCode === 204) {
        res.body.resume();
        return { status: res.statusCode, headers, body: Buffer.alloc(0) };
      }
      const declared = Number(headers['content-length']);
      if (!headers['content-encoding'] && Number.isFinite(declared) && declared > cap) {
        res.body.destroy();
        throw tooLarge(url.href, cap, declared);
      }
      const body = await readCapped(res.body, headers['content-encoding'], cap, url.href);
      return { status: res.statusCode, headers, body };
    } catch (err) {
      throw mapError(err, url.href, timedOut, timeoutMs);
    } finally {
      timer.clear();
    }
  }

  /** Close idle connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}

/**
 * A timeout that does not count time the event loop spent blocked by our own CPU work (a long
 * scrape or extraction in the same process): when the timer fires late, the lateness is added
 * back (up to the timeout once more), and pending I/O gets one turn (setImmediate) before the
 * deadline is declared. A server that is really slow still ends within about twice the limit.
 */
class Deadline {
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  private credit: number;

  constructor(
    ms: number,
    private readonly onExpire: () => void,
  ) {
    this.credit = ms;
    this.arm(ms);
  }

  private arm(ms: number): void {
    const expected = Date.now() + ms;
    this.timer = setTimeout(() => {
      const late = Date.now() - expected;
      if (late > 50 && this.credit > 0) {
        const extra = Math.min(late, this.credit);
        this.credit -= extra;
        this.arm(extra);
        return;
      }
      this.immediate = setImmediate(this.onExpire);
    }, ms);
  }

  clear(): void {
    clearTimeout(this.timer);
    if (this.immediate) clearImmediate(this.immediate);
  }
}

function tooLarge(url: string, cap: number, seen?: number): FetchError {
  return new FetchError(
    'FETCH_TOO_LARGE',
    `response from ${url} is larger than ${cap} bytes${seen ? ` (${seen} announced)` : ''}; cut off (fetch.maxBodyBytes)`,
    { retryable: false, details: { url, maxBodyBytes: cap } },
  );
}

function decoderFor(
  encoding: string | undefined,
  url: string,
): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const enc = (encoding ?? '').trim().toLowerCase();
  if (!enc || enc === 'identity') return null;
  if (enc === 'gzip' || enc === 'x-gzip') return zlib.createGunzip();
  if (enc === 'deflate') return zlib.createInflate();
  if (enc === 'br') return zlib.createBrotliDecompress();
  throw new FetchError('FETCH_FAILED', `unsupported Content-Encoding "${enc}" from ${url}`, {
    details: { url },
  });
}

/** Read a body stream, decompressing it, and fail as soon as more than `cap` bytes come out. */
async function readCapped(
  body: Readable,
  encoding: string | undefined,
  cap: number,
  url: string,
): Promise<Buffer> {
  const decoder = decoderFor(encoding, url);
  const source: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (e) => decoder.destroy(e));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of source) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > cap) throw tooLarge(url, cap);
      chunks.push(buf);
    }
  } catch (err) {
    body.destroy();
    decoder?.destroy();
    if (
      (err as { code?: string }).code?.startsWith('Z_') ||
      (err as { code?: string }).code?.startsWith('ERR_')
    ) {
      if (!(err instanceof SeizurewatchError) && decoder) {
        throw new FetchError(
          'FETCH_FAILED',
          `cannot decompress response from ${url}: ${(err as Error).message}`,
          {
            cause: err,
            retryable: true,
            details: { url },
          },
        );
      }
    }
    throw err;
  }
  return Buffer.concat(chunks, total);
}
