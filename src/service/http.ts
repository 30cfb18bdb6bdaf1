/**
 * The service's HTTP API (fastify 5):
 *
 *   GET /healthz              liveness, never needs a token
 *   GET /readyz               Redis reachable and workers running (503 otherwise), no token
 *   GET /metrics              Prometheus text
 *   GET /api/records          stored records, paged, filtered like `export`
 *   GET /api/records/stream   records as they are stored (SSE, or NDJSON with ?format=ndjson)
 *       /admin/queues         Bull Board (always needs the token; off when none is set)
 *   GET /, /api/dashboard/*   the newsroom dashboard (src/dashboard/routes.ts), when given
 *  POST /login                the dashboard's sign-in form (sets the token cookie), when a token is set
 *
 * Bound to 127.0.0.1 by default. Listening anywhere else requires a token; when a token is set,
 * every route but the two health checks needs it (`Authorization: Bearer <token>`, or
 * `?token=` once, which sets a cookie for the Bull Board pages).
 */
import { timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { loginPage, registerLogin, safeNext } from '../dashboard/login.ts';
import type { DashboardQueries } from '../dashboard/queries.ts';
import { registerDashboardRoutes } from '../dashboard/routes.ts';
import { ConfigError, InputError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../records/store.ts';
import type { ArticleRecord } from '../types.ts';
import type { ServiceConfig } from './config.ts';
import type { ServiceMetrics } from './metrics.ts';
import type { RecordBus } from './record-bus.ts';
import { parseRecordFilter, recordMatches, seizureLines, toStoreQuery } from './record-filter.ts';

export interface Readiness {
  ready: boolean;
  checks: Record<string, { ok: boolean; detail?: string }>;
}

export interface HttpDeps {
  config: ServiceConfig['http'];
  /** The API token (from the environment), if any. */
  token: string | undefined;
  logger: Logger;
  metrics: ServiceMetrics;
  store: Store;
  queues: Queue[];
  bus: RecordBus;
  readiness: () => Promise<Readiness>;
  /** Serve the dashboard at `/` over these queries. */
  dashboard?: DashboardQueries;
}

export interface HttpServer {
  app: FastifyInstance;
  /** Where it listens, e.g. http://127.0.0.1:8787. */
  url: string;
  close(): Promise<void>;
}

const OPEN_PATHS = new Set(['/healthz', '/readyz']);
const COOKIE = 'seizurewatch_token';
const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === COOKIE) return decodeURIComponent(v.join('='));
  }
  return undefined;
}

function requestToken(req: FastifyRequest): { token?: string; fromQuery: boolean } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), fromQuery: false };
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  if (typeof q === 'string') return { token: q, fromQuery: true };
  return { token: cookieToken(req.headers.cookie), fromQuery: false };
}

function parseIntParam(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${name}: expected an integer from ${min} to ${max}, got "${String(value)}"`);
  }
  return n;
}

function flag(value: unknown): boolean {
  return value === '' || value === '1' || value === 'true';
}

type Query = Record<string, string | undefined>;

function filterFromQuery(q: Query) {
  return parseRecordFilter({
    since: q.since,
    until: q.until,
    drug: q.drug,
    country: q.country,
    minKg: q.minKg,
  });
}

/** Listening beyond loopback without a token is refused, before anything starts. */
export function assertHttpAuth(config: ServiceConfig['http'], token: string | undefined): void {
  if (!isLoopbackHost(config.host) && !token) {
    throw new ConfigError('service.http', [
      {
        path: 'service.http.host',
        message: `listening on ${config.host} (beyond loopback) needs a token: set ${config.tokenEnv}`,
      },
    ]);
  }
}

export async function startHttpServer(deps: HttpDeps): Promise<HttpServer> {
  const { config, token, logger } = deps;
  assertHttpAuth(config, token);
  const app = Fastify({ logger: false, forceCloseConnections: true });

  app.addHook('onRequest', async (req, reply) => {
    const urlPath = req.url.split('?')[0] ?? '';
    if (OPEN_PATHS.has(urlPath)) return;
    if (deps.dashboard && urlPath === '/login' && req.method === 'POST') return;
    const isAdmin = urlPath === '/admin/queues' || urlPath.startsWith('/admin/queues/');
    if (!token) {
      if (isAdmin)
        return reply
          .code(404)
          .send({ error: 'not found', message: `Bull Board needs ${config.tokenEnv} set` });
      return;
    }
    const given = requestToken(req);
    if (!given.token || !sameToken(given.token, token)) {
      if (deps.dashboard && urlPath === '/' && req.method === 'GET') {
        return reply
          .code(401)
          .type('text/html; charset=utf-8')
          .send(loginPage(safeNext(req.url)));
      }
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
    }
    if (given.fromQuery && isAdmin) {
      reply.header(
        'set-cookie',
        `${COOKIE}=${encodeURIComponent(token)}; Path=/admin; HttpOnly; SameSite=Strict`,
      );
    }
  });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof InputError)
      return reply.code(400).send({ error: 'bad request', message: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.code(status).send({ error: (err as Error).message });
    logger.error({ err: { message: (err as Error).message } }, 'http handler failed');
    return reply.code(500).send({ error: 'internal error' });
  });

  app.get('/healthz', async () => ({ status: 'ok' }));

  app.get('/readyz', async (_req, reply) => {
    const r = await deps.readiness();
    return reply
      .code(r.ready ? 200 : 503)
      .send({ status: r.ready ? 'ready' : 'not ready', checks: r.checks });
  });

  app.get('/metrics', async (_req, reply) => {
    const body = await deps.metrics.registry.metrics();
    return reply.header('content-type', deps.metrics.registry.contentType).send(body);
  });

  app.get('/api/records', async (req) => {
    const q = req.query as Query;
    const filter = filterFromQuery(q);
    const limit = parseIntParam(q.limit, 'limit', 1, MAX_PAGE, DEFAULT_PAGE);
    const offset = parseIntParam(q.offset, 'offset', 0, 100_000, 0);
    const seizureOnly = flag(q.seizureStories);
    // Newest published first; the page is cut from the first offset+limit+1 matches.
    const rows = deps.store.queryRecords(toStoreQuery(filter, { limit: offset + limit + 1, seizureOnly }));
    const page = rows.slice(offset, offset + limit);
    const hasMore = rows.length > offset + limit;
    const next = hasMore ? offset + limit : null;
    if (flag(q.seizures)) {
      return { seizures: page.flatMap((r) => seizureLines(r, filter)), offset, limit, next };
    }
    return { records: page, offset, limit, next };
  });

  app.get('/api/records/stream', async (req, reply) => {
    const q = req.query as Query;
    const filter = filterFromQuery(q);
    const seizureOnly = flag(q.seizureStories);
    const ndjson = q.format === 'ndjson';
    if (q.format !== undefined && q.format !== 'ndjson' && q.format !== 'sse') {
      throw new InputError(`format: expected sse or ndjson, got "${q.format}"`);
    }
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': ndjson ? 'application/x-ndjson' : 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write(ndjson ? '' : ': connected\n\n');
    const send = (record: ArticleRecord) => {
      if (!recordMatches(record, filter, seizureOnly)) return;
      const body = JSON.stringify(record);
      res.write(ndjson ? `${body}\n` : `id: ${record.id}\nevent: record\ndata: ${body}\n\n`);
    };
    const unsubscribe = deps.bus.subscribe(send);
    const heartbeat = setInterval(() => res.write(ndjson ? '\n' : ': ping\n\n'), 15_000);
    heartbeat.unref();
    req.raw.on('close', () => {
      clearInterval(heartbeat);
      unsubscribe();
    });
  });

  if (deps.dashboard) {
    if (token) await registerLogin(app, (given) => sameToken(given, token));
    await registerDashboardRoutes(app, { queries: deps.dashboard });
  }

  if (token && deps.queues.length > 0) {
    const serverAdapter = new FastifyAdapter();
    serverAdapter.setBasePath('/admin/queues');
    createBullBoard({
      queues: deps.queues.map((q) => new BullMQAdapter(q)),
      // @bull-board/fastify pins its own patch release of @bull-board/api: same shape, other type.
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
    });
    await app.register(serverAdapter.registerPlugin(), { prefix: '/admin/queues' });
  }

  const address = await app.listen({ host: config.host, port: config.port });
  const url = address;
  logger.info({ url, auth: token ? 'token' : 'none (loopback only)' }, 'http api listening');
  return {
    app,
    url,
    async close() {
      await app.close();
    },
  };
}
