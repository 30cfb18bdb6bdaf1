/**
 * The few error classes of seizurewatch. Each has a stable `code` (documented in
 * docs/errors.md) and says whether retrying can help; the job wrapper turns non-retryable ones
 * into BullMQ's UnrecoverableError. Chain causes with `{ cause }`.
 */

export type ErrorCode =
  | 'CONFIG_INVALID'
  | 'FETCH_FAILED'
  | 'FETCH_TIMEOUT'
  | 'FETCH_TOO_LARGE'
  | 'FETCH_HTTP_STATUS'
  | 'FETCH_BLOCKED_ADDRESS'
  | 'FETCH_BAD_URL'
  | 'FETCH_TOO_MANY_REDIRECTS'
  | 'FETCH_ROBOTS_DISALLOWED'
  | 'FETCH_RATE_LIMITED'
  | 'FEED_PARSE_FAILED'
  | 'SCRAPE_FAILED'
  | 'EXTRACT_FAILED'
  | 'STORE_FAILED'
  | 'DELIVERY_FAILED'
  | 'STARTUP_FAILED'
  | 'INPUT_INVALID';

export interface ErrorOptions {
  cause?: unknown;
  /** Can the same operation succeed if tried again later? */
  retryable?: boolean;
  /** Extra machine-readable context (url, status, path ...). */
  details?: Record<string, unknown>;
}

export class SeizurewatchError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly details: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retryable = options.retryable ?? false;
    this.details = options.details ?? {};
  }
}

/** One problem found in a config file, with its path (e.g. `feeds[2].url`). */
export interface ConfigProblem {
  path: string;
  message: string;
}

export class ConfigError extends SeizurewatchError {
  readonly problems: ConfigProblem[];
  constructor(file: string, problems: ConfigProblem[], options: ErrorOptions = {}) {
    const list = problems.map((p) => `  - ${p.path || '(root)'}: ${p.message}`).join('\n');
    super('CONFIG_INVALID', `invalid config ${file}:\n${list}`, options);
    this.problems = problems;
  }
}

export class FetchError extends SeizurewatchError {}
export class FeedParseError extends SeizurewatchError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('FEED_PARSE_FAILED', message, options);
  }
}
export class ScrapeError extends SeizurewatchError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('SCRAPE_FAILED', message, options);
  }
}
export class ExtractError extends SeizurewatchError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('EXTRACT_FAILED', message, options);
  }
}
export class DeliveryError extends SeizurewatchError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('DELIVERY_FAILED', message, options);
  }
}
/**
 * `serve` cannot start: its API port is taken, Redis or the store stayed unreachable past their
 * deadline. The message is one line a supervisor's log shows as is.
 */
export class StartupError extends SeizurewatchError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('STARTUP_FAILED', message, options);
  }
}
export class InputError extends SeizurewatchError {
  constructor(message: string, options: ErrorOptions = {}) {
    super('INPUT_INVALID', message, options);
  }
}

export function isRetryable(err: unknown): boolean {
  return err instanceof SeizurewatchError ? err.retryable : true;
}
