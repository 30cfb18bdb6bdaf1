/**
 * The service's HTTP API (fastify 5):
 *
 *   GET /healthz              liveness, never needs a token
 *   GET /readyz               Redis reachable and workers running (503 otherwise), no token
 *   GET /metrics              Prometheus text
 *   GET /api/records          stored records, paged, filtered like `export`
 *   GET /api/records/stream   records as they are stored (SSE, or NDJSON with ?format=ndjson)
 *   GET /api/items/failed     feed items given up, with their reason (`seizurewatch retry` puts one back)
 *       /admin/queues         Bull Board (always needs the token; off when none is set)
 *   GET /, /api/dashboard/*   the newsroom dashboard (src/dashboard/routes.ts), when given
 *  POST /login                the dashboard's sign-in form (sets the token cookie), when a token is set
 *
 * Bound to 127.0.0.1 by default. Listening anywhere else requires a token; when a token is set,
 * every route but the two health checks needs it in `Authorization: Bearer <token>`. Two
 * browser credentials are the exceptions, each an HttpOnly, SameSite=Strict cookie (Secure over
 * TLS or behind `trustProxy`) accepted only where a browser cannot send a header:
 * - the Bull Board hand-off: `/admin/queues?token=` once sets `seizurewatch_board`, which only
 *   the `/admin/queues` pages accept (the only route that reads a token from the query);
 * - the dashboard's sign-in: `POST /login` sets `seizurewatch_token`, which the dashboard's page,
 *   assets and API, the record stream (EventSource sends no headers) and Bull Board accept. On
 * loopback without a token, only requests whose Host is a loopback name (or in
 * `allowedHosts`) are answered, so a DNS-rebinding web page cannot read the API.
 *
 * Query parameters are validated for shape before their values: unknown names, a parameter
 * given twice and over-long values are 400s, and an error message never echoes a value whole.
 */
import { timingSafeEqual } from 'node:crypto';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import type { Queue } from 'bullmq';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { loginPage, registerLogin, safeNext, TOKEN_COOKIE } from '../dashboard/login.ts';
import type { DashboardQueries } from '../dashboard/queries.ts';
import { registerDashboardRoutes } from '../dashboard/routes.ts';
import { ConfigError, InputError } from '../errors.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/types.ts';
import type { ArticleRecord } from '../types.ts';
import type { ServiceConfig } from './config.ts';
import type { ServiceMetrics } from './metrics.ts';
import { listenError } from './port-check.ts';
import type { RecordBus } from './record-bus.ts';
import {
  MAX_FILTER_LENGTH,
  parseRecordFilter,
  quoteValue,
  recordMatches,
  seizureLines,
  toStoreQuery,
} from './record-filter.ts';

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
/** The Bull Board hand-off cookie (the dashboard's sign-in cookie is TOKEN_COOKIE). */
const BOARD_COOKIE = 'seizurewatch_board';
const MAX_PAGE = 500;
const DEFAULT_PAGE = 50;

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d+\.\d+\.\d+$/.test(h);
}

/** The host name of a Host header (`[::1]:8787` -> `::1`), lower-cased, without a trailing dot. */
export function hostOfHeader(header: string | undefined): string | null {
  if (!header) return null;
  const h = header.trim().toLowerCase();
  const m = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(h) ?? /^([^:[\]]+)(?::\d+)?$/.exec(h);
  return m ? m[1]!.replace(/\.$/, '') : null;
}

/**
 * Is this Host header one the API answers on loopback without a token: a loopback name or
 * address, the bound host, or a configured `allowedHosts` name?
 */
export function hostAllowed(
  header: string | undefined,
  config: Pick<ServiceConfig['http'], 'host' | 'allowedHosts'>,
): boolean {
  const host = hostOfHeader(header);
  if (!host) return false;
  if (isLoopbackHost(host) || host === config.host.toLowerCase()) return true;
  return config.allowedHosts.some((h) => h.toLowerCase().replace(/\.$/, '') === host);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieToken(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k !== name) continue;
    try {
      return decodeURIComponent(v.join('='));
    } catch {
      return undefined; // a malformed cookie is no token (401), not a server error
    }
  }
  return undefined;
}

/** Over TLS (or behind a proxy that terminates it) a cookie must never travel in clear. */
function secureCookie(req: FastifyRequest, config: ServiceConfig['http']): boolean {
  return req.protocol === 'https' || config.trustProxy !== false;
}

/** Where the dashboard's sign-in cookie is accepted: what a browser loads without a header. */
function isBrowserPath(urlPath: string): boolean {
  return (
    urlPath === '/' ||
    urlPath.startsWith('/assets/') ||
    urlPath.startsWith('/api/dashboard/') ||
    urlPath === '/api/records/stream'
  );
}

/**
 * The token a request carries: the Authorization header; on the Bull Board pages also its
 * hand-off cookie and `?token=` (the hand-off that sets it); with a dashboard, the sign-in cookie
 * on the browser's paths and on Bull Board.
 */
function requestToken(
  req: FastifyRequest,
  urlPath: string,
  isAdmin: boolean,
  dashboard: boolean,
): { token?: string; fromQuery: boolean } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return { token: auth.slice(7).trim(), fromQuery: false };
  const signedIn =
    dashboard && (isAdmin || isBrowserPath(urlPath))
      ? cookieToken(req.headers.cookie, TOKEN_COOKIE)
      : undefined;
  if (!isAdmin) return { token: signedIn, fromQuery: false };
  const q = (req.query as Record<string, unknown> | undefined)?.token;
  if (typeof q === 'string') return { token: q, fromQuery: true };
  return { token: cookieToken(req.headers.cookie, BOARD_COOKIE) ?? signedIn, fromQuery: false };
}

function parseIntParam(value: unknown, name: string, min: number, max: number, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new InputError(`${name}: expected an integer from ${min} to ${max}, got ${quoteValue(value)}`);
  }
  return n;
}

function flag(value: unknown): boolean {
  return value === '' || value === '1' || value === 'true';
}

type Query = Record<string, string | undefined>;

const FILTER_PARAMS = ['since', 'until', 'drug', 'country', 'minKg', 'seizureStories'];
const ROUTE_PARAMS: Record<string, readonly string[]> = {
  '/api/records': [...FILTER_PARAMS, 'seizures', 'limit', 'offset'],
  '/api/records/stream': [...FILTER_PARAMS, 'format'],
  '/api/items/failed': ['limit'],
};

/**
 * The query of a records route, checked for shape: only the route's parameters, each at most
 * once, none longer than MAX_FILTER_LENGTH. Every problem is reported at once.
 */
function readQuery(raw: unknown, route: string): { query: Query; problems: string[] } {
  const allowed = ROUTE_PARAMS[route] ?? [];
  const query: Query = {};
  const problems: string[] = [];
  for (const [key, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (!allowed.includes(key)) {
      problems.push(`unknown parameter ${quoteValue(key)} (allowed: ${allowed.join(', ')})`);
    } else if (Array.isArray(value)) {
      problems.push(`${key}: given ${value.length} times, expected once`);
    } else if (typeof value === 'string' && value.length > MAX_FILTER_LENGTH) {
      problems.push(`${key}: longer than ${MAX_FILTER_LENGTH} characters, got ${quoteValue(value)}`);
    } else if (typeof value === 'string') {
      query[key] = value;
    }
  }
  return { query, problems };
}

/** The filters of a records route; every shape and value problem in one InputError (400). */
function filterFromRequest(req: FastifyRequest, route: string) {
  const { query: q, problems } = readQuery(req.query, route);
  let filter: ReturnType<typeof parseRecordFilter> = {};
  try {
    filter = parseRecordFilter({
      since: q.since,
      until: q.until,
      drug: q.drug,
      country: q.country,
      minKg: q.minKg,
    });
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    problems.push(...((err.details.problems as string[] | undefined) ?? [err.message]));
  }
  if (problems.length > 0) throw new InputError(problems.join('; '), { details: { problems } });
  return { q, filter };
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
  const app = Fastify({ logger: false, forceCloseConnections: true, trustProxy: config.trustProxy });
  // Without a token the API trusts whoever reaches the socket, i.e. this machine: a browser
  // page whose name was re-bound to 127.0.0.1 must not count as this machine.
  const checkHost = !token && isLoopbackHost(config.host);

  app.addHook('onRequest', async (req, reply) => {
    if (checkHost && !hostAllowed(req.headers.host, config)) {
      return reply.code(403).send({
        error: 'forbidden',
        message: 'Host not allowed: add it to service.http.allowedHosts, or set a token',
      });
    }
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
    const given = requestToken(req, urlPath, isAdmin, Boolean(deps.dashboard));
    if (!given.token || !sameToken(given.token, token)) {
      if (deps.dashboard && urlPath === '/' && req.method === 'GET') {
        return reply
          .code(401)
          .type('text/html; charset=utf-8')
          .send(loginPage(safeNext(req.url)));
      }
      return reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'unauthorized' });
    }
    if (given.fromQuery) {
      // Over TLS (or behind a proxy that terminates it) the cookie never travels in clear.
      const secure = secureCookie(req, config) ? '; Secure' : '';
      reply.header(
        'set-cookie',
        `${BOARD_COOKIE}=${encodeURIComponent(token)}; Path=/admin/queues; HttpOnly; SameSite=Strict${secure}`,
      );
    }
  });

  app.setErrorHandler((err, _req, reply) => {
    if (err instanceof InputError)
      return reply.code(400).send({ error: 'bad request', message: err.message });
    const status = (err as { statusCode?: number }).statusCode;
    if (status && status < 500) return reply.code(status).send({ error: (err as Error).message });
    logger.error({ err }, 'http handler failed');
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
    const { q, filter } = filterFromRequest(req, '/api/records');
    const limit = parseIntParam(q.limit, 'limit', 1, MAX_PAGE, DEFAULT_PAGE);
    const offset = parseIntParam(q.offset, 'offset', 0, 100_000, 0);
    const seizureOnly = flag(q.seizureStories);
    // Newest published first; the page is cut from the first offset+limit+1 matches.
    const rows = await deps.store.queryRecords(
      toStoreQuery(filter, { limit: offset + limit + 1, seizureOnly }),
    );
    const page = rows.slice(offset, offset + limit);
    const hasMore = rows.length > offset + limit;
    const next = hasMore ? offset + limit : null;
    if (flag(q.seizures)) {
      return { seizures: page.flatMap((r) => seizureLines(r, filter)), offset, limit, next };
    }
    return { records: page, offset, limit, next };
  });

  app.get('/api/items/failed', async (req) => {
    const { query: q, problems } = readQuery(req.query, '/api/items/failed');
    if (problems.length > 0) throw new InputError(problems.join('; '), { details: { problems } });
    const limit = parseIntParam(q.limit, 'limit', 1, MAX_PAGE, DEFAULT_PAGE);
    // Newest first: what the feeds gave up on most recently, each with its code and message.
    const items = await deps.store.failedItems(limit + 1);
    return { items: items.slice(0, limit), limit, more: items.length > limit };
  });

  app.get('/api/records/stream', async (req, reply) => {
    const { q, filter } = filterFromRequest(req, '/api/records/stream');
    const seizureOnly = flag(q.seizureStories);
    const ndjson = q.format === 'ndjson';
    if (q.format !== undefined && q.format !== 'ndjson' && q.format !== 'sse') {
      throw new InputError(`format: expected sse or ndjson, got ${quoteValue(q.format)}`);
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
    if (token) {
      await registerLogin(
        app,
        (given) => sameToken(given, token),
        (req) => secureCookie(req, config),
      );
    }
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

  const address = await app.listen({ host: config.host, port: config.port }).catch(async (err: unknown) => {
    await app.close().catch(() => undefined);
    throw listenError(config.host, config.port, err);
  });
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
