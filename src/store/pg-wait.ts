/**
 * Wait, at open, for a PostgreSQL server to accept connections: a server still starting (or
 * restarting, or a name not yet in DNS, as in a compose stack) is tried again every 250 ms
 * until the deadline, then the open fails with one line. Errors no wait can cure (a database
 * that does not exist, a refused login) fail at once.
 */
import pg from 'pg';
import { StartupError } from '../errors.ts';

/** Socket errors and server states that say "not yet", not "never". */
const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  '57P03', // cannot_connect_now: the server is starting up or shutting down
]);

export function isUnreachable(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | undefined;
  if (e?.code && TRANSIENT_CODES.has(e.code)) return true;
  // pg's own connect timeout and a socket closed during the handshake carry no code.
  return /timeout|Connection terminated/i.test(e?.message ?? '');
}

const RETRY_MS = 250;

/**
 * Resolve once a connection to `url` opens; throw a `StartupError` once `waitMs` has passed
 * (0: one try). `label` names the URL in the message (passwords hidden by the caller).
 */
export async function waitForPostgres(url: string, waitMs: number, label: string): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const left = Math.max(deadline - Date.now(), 0);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: Math.max(left, 500) });
    // A socket error after connect() settled must not crash the process.
    client.on('error', () => undefined);
    try {
      await client.connect();
      return;
    } catch (err) {
      if (!isUnreachable(err)) return; // the open itself reports it, as any other store error
      if (Date.now() >= deadline) {
        throw new StartupError(
          `PostgreSQL is not reachable at ${label}: ${(err as Error).message} (waited ${waitMs} ms; store.waitMs, --store-wait-ms)`,
          { cause: err },
        );
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    // The last try falls on the deadline itself.
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(RETRY_MS, Math.max(deadline - Date.now(), 0))),
    );
  }
}
