/**
 * Issue 12, start-up failures, run as a supervisor sees them: `node bin/seizurewatch.js serve`
 * as a real process. Its API port taken, Redis or PostgreSQL unreachable past the deadline, a
 * bad config: non-zero exit in under 5 s with one plain line on stderr (no stack; the JSON log
 * lines around it carry the error under `err`, as every log does). A started service
 * stopped by SIGTERM exits 0 promptly.
 */
import { createServer, type Server } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { deletePrefix, uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { rssFeed, startSite } from './helpers/site.ts';

/** A port with nothing listening on it: bound, read, released. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as { port: number };
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

/** Lines a person reads: everything on stderr that is not a JSON log line. */
function plainLines(p: ServeProcess): string[] {
  return p
    .stderr()
    .split('\n')
    .filter((l) => l.trim() !== '' && !l.startsWith('{'));
}

/**
 * Exit code, the wall time from spawn to exit, and from the start of the service (its `starting
 * service` log line, once the config is read and the modules loaded) to exit: the waits for Redis
 * and the store run in the latter, which the load of a shared machine does not stretch as it
 * stretches module loading.
 */
async function run(
  config: string,
  env: Record<string, string> = {},
  args: string[] = [],
): Promise<{ p: ServeProcess; code: number | string; ms: number; startToExitMs: number }> {
  const started = Date.now();
  const p = startServe(config, env, args);
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 60_000);
  const code = await p.exited;
  const exitedAt = Date.now();
  clearTimeout(timer);
  const began = p.logs.find((l) => l.msg === 'starting service');
  return {
    p,
    code,
    ms: exitedAt - started,
    startToExitMs: began ? exitedAt - Number(began.time) : Number.NaN,
  };
}

function expectOneLine(p: ServeProcess, pattern: RegExp): void {
  const lines = plainLines(p);
  expect(lines, p.stderr().slice(-2000)).toHaveLength(1);
  expect(lines[0]).toMatch(pattern);
  // No stack printed: the one plain line is all (a JSON log line may carry one under `err`).
  expect(lines[0]).not.toMatch(/\sat \S+ \(/);
}

const prefixes: string[] = [];
const cleanups: (() => unknown)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
  for (const p of prefixes) await deletePrefix(p);
});

function config(name: string, service: Record<string, unknown> = {}, extra: Record<string, unknown> = {}) {
  const prefix = uniquePrefix(name);
  prefixes.push(prefix);
  const dirs = writeServiceConfig(name, {
    feeds: [{ id: 'none', url: 'http://127.0.0.1:9/feed.xml' }],
    prefix,
    service,
    extra,
  });
  cleanups.push(dirs.cleanup);
  return dirs;
}

// Side by side: each case has its own config, port and prefix, and what it times (start of the
// service to exit) is a wait on a timer or a refused connection, not CPU.
describe.concurrent('serve: a start that cannot succeed exits at once, with one line', () => {
  it('its API port taken: exit 1, the line names the address and the setting', async () => {
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      const dirs = config('port', { http: { port } });
      const { p, code, ms } = await run(dirs.config);
      expect(code).toBe(1);
      expect(ms).toBeLessThan(5_000);
      expectOneLine(
        p,
        new RegExp(
          `^seizurewatch: cannot listen on 127\\.0\\.0\\.1:${port}: the port is in use by another process \\(service\\.http\\.host, service\\.http\\.port\\)$`,
        ),
      );
    } finally {
      await new Promise<void>((resolve) => blocker.close(() => resolve()));
    }
  }, 60_000);

  it('Redis unreachable past --redis-wait-ms: exit 1 after about that long', async () => {
    const port = await closedPort();
    const dirs = config('redis');
    const { p, code, startToExitMs } = await run(dirs.config, { REDIS_URL: `redis://127.0.0.1:${port}` }, [
      '--redis-wait-ms',
      '1000',
    ]);
    expect(code).toBe(1);
    expect(startToExitMs).toBeLessThan(5_000);
    expect(startToExitMs).toBeGreaterThanOrEqual(1_000);
    expectOneLine(
      p,
      new RegExp(
        `^seizurewatch: Redis is not reachable at redis://127\\.0\\.0\\.1:${port}: connect ECONNREFUSED .*\\(waited 1000 ms; service\\.redisWaitMs, --redis-wait-ms\\)$`,
      ),
    );
    // The log said what it was waiting for before it gave up.
    expect(p.logs.some((l) => String(l.msg).startsWith('redis is not reachable'))).toBe(true);
  }, 60_000);

  it('Redis unreachable, default deadline: gives up under 5 s after the start began', async () => {
    const port = await closedPort();
    const dirs = config('redis-default');
    const { p, code, startToExitMs } = await run(dirs.config, { REDIS_URL: `redis://127.0.0.1:${port}` });
    expect(code).toBe(1);
    expect(startToExitMs).toBeLessThan(5_000);
    expectOneLine(p, /^seizurewatch: Redis is not reachable at .*\(waited 3000 ms;/);
  }, 60_000);

  it('service.redisWaitMs in the config is the deadline too', async () => {
    const port = await closedPort();
    const dirs = config('redis-config', { redisUrl: `redis://127.0.0.1:${port}`, redisWaitMs: 0 });
    const { p, code } = await run(dirs.config);
    expect(code).toBe(1);
    expectOneLine(p, /^seizurewatch: Redis is not reachable at .*\(waited 0 ms;/);
  }, 60_000);

  it('PostgreSQL unreachable past --store-wait-ms: exit 1, the line hides no password', async () => {
    const port = await closedPort();
    const dirs = config('pg');
    const { p, code, startToExitMs } = await run(
      dirs.config,
      { DATABASE_URL: `postgres://postgres:sekrit@127.0.0.1:${port}/sw_nowhere` },
      ['--store-wait-ms', '1000'],
    );
    expect(code).toBe(1);
    expect(startToExitMs).toBeLessThan(5_000);
    expectOneLine(
      p,
      new RegExp(
        `^seizurewatch: PostgreSQL is not reachable at postgres://postgres:\\*+@127\\.0\\.0\\.1:${port}/sw_nowhere: connect ECONNREFUSED .*\\(waited 1000 ms; store\\.waitMs, --store-wait-ms\\)$`,
      ),
    );
    expect(p.stderr()).not.toContain('sekrit');
  }, 60_000);

  it('a bad config: exit 2, every problem on the one line with its path', async () => {
    const dirs = config('bad', { pollEveryMs: 'often', http: { port: -1 } });
    const { p, code, ms } = await run(dirs.config);
    expect(code).toBe(2);
    expect(ms).toBeLessThan(5_000);
    expectOneLine(
      p,
      /^seizurewatch: invalid config .*config\.yaml: service\.pollEveryMs: .*; service\.http\.port: /,
    );
  }, 60_000);

  it('a bad flag: exit 2, one line', async () => {
    const dirs = config('flag');
    const { p, code } = await run(dirs.config, {}, ['--redis-wait-ms', 'soon']);
    expect(code).toBe(2);
    expectOneLine(p, /^seizurewatch: --redis-wait-ms must be a whole number of ms >= 0, got "soon"$/);
  }, 60_000);
});

describe('serve: SIGTERM on a started service', () => {
  it(
    'exits 0 promptly',
    async () => {
      const site = await startSite();
      cleanups.push(() => site.close());
      site.routes.set('/feed.xml', { body: rssFeed([]), contentType: 'application/rss+xml' });
      const prefix = uniquePrefix('sigterm');
      prefixes.push(prefix);
      const dirs = writeServiceConfig('sigterm', {
        feeds: [{ id: 'empty', url: `${site.base}/feed.xml` }],
        prefix,
      });
      cleanups.push(dirs.cleanup);
      const p = startServe(dirs.config);
      await p.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      const sent = Date.now();
      const code = await stopServe(p, 15_000);
      expect(code).toBe(0);
      expect(Date.now() - sent).toBeLessThan(5_000);
      expect(p.logs.some((l) => l.msg === 'stopped')).toBe(true);
      expect(plainLines(p)).toEqual([]);
    },
    STARTUP_MS + 30_000,
  );
});
