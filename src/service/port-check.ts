/**
 * Is the API port free? Asked before anything slow starts (Redis, the store, the parse threads),
 * so `serve` with its port taken exits at once with one line instead of after its warm-up; the
 * real listen (src/service/http.ts) reports the same way if the port is taken in between.
 */
import { createServer } from 'node:net';
import { StartupError } from '../errors.ts';

/** The one line for a listen that failed (EADDRINUSE, EACCES, EADDRNOTAVAIL ...). */
export function listenError(host: string, port: number, err: unknown): StartupError {
  const code = (err as { code?: string })?.code;
  const why =
    code === 'EADDRINUSE'
      ? 'the port is in use by another process'
      : code === 'EACCES'
        ? 'not allowed (a port below 1024 needs privileges)'
        : code === 'EADDRNOTAVAIL'
          ? 'no such address on this machine'
          : ((err as Error)?.message ?? String(err));
  return new StartupError(`cannot listen on ${host}:${port}: ${why} (service.http.host, service.http.port)`, {
    cause: err,
  });
}

/** Throw a `StartupError` unless `host:port` can be bound now (port 0 always can). */
export async function assertPortFree(host: string, port: number): Promise<void> {
  if (port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (err) => reject(listenError(host, port, err)));
    probe.listen({ host, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}
