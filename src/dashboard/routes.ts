/**
 * The dashboard's HTTP routes, registered on the API's fastify app (by `serve` and `ui`), behind
 * the same token rules as the API:
 *
 *   GET /                          the page (dist/ui/index.html)
 *   GET /assets/<file>             its script, style sheet and world map (built, hashed names)
 *   GET /api/dashboard/summary     counts for the current filter
 *   GET /api/dashboard/facets      values of the filter menus, with counts
 *   GET /api/dashboard/records     matching records, newest first, paged (limit, offset)
 *   GET /api/dashboard/records/:id one record with its story
 *   GET /api/dashboard/map         figures grouped by place and drug (limit)
 *   GET /api/dashboard/timeline    figures per week or month and drug (bucket)
 *   GET /api/dashboard/stories     story clusters (multiOutlet, limit, offset)
 *   GET /api/dashboard/alerts      alert deliveries (status, limit, offset)
 *   GET /api/dashboard/export      the current filter as NDJSON (format=ndjson) or CSV (format=csv)
 *
 * Every data endpoint takes the filter parameters of filter.ts. Live updates come from the
 * API's `/api/records/stream`.
 */
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { InputError } from '../errors.ts';
import type { ArticleRecord } from '../types.ts';
import { AssetDir } from './assets.ts';
import { BUCKETS, enumParam, intParam, parseDashboardQuery } from './filter.ts';
import type { DashboardQueries, FigureExportRow } from './queries.ts';
import type { DeliveryStatusView } from './types.ts';

export interface DashboardRouteDeps {
  queries: DashboardQueries;
  /** Where the built page is (default dist/ui of the package). */
  assets?: AssetDir;
}

const MAX_RECORDS_PAGE = 200;
const MAX_OFFSET = 1_000_000;
const MAP_POINTS = 3000;
const DELIVERY_STATUSES: readonly DeliveryStatusView[] = ['pending', 'delivered', 'failed', 'expired'];

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>seizurewatch</title></head>
<body><main><h1>The dashboard is not built</h1><p>Run <code>npm run build:ui</code> (npm ci does it) and reload.</p>
<p>The API answers at <a href="/api/records">/api/records</a>.</p></main></body></html>`;

function sendAsset(req: FastifyRequest, reply: FastifyReply, assets: AssetDir, rel: string) {
  const asset = assets.get(rel);
  if (!asset) {
    if (rel === 'index.html') return reply.code(503).type('text/html; charset=utf-8').send(NOT_BUILT);
    return reply.code(404).send({ error: 'not found' });
  }
  reply
    .header('content-type', asset.type)
    .header('etag', asset.etag)
    .header('cache-control', asset.immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    .header('x-content-type-options', 'nosniff')
    .header('vary', 'accept-encoding');
  if (rel === 'index.html') {
    reply.header(
      'content-security-policy',
      "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
    );
  }
  if (req.headers['if-none-match'] === asset.etag) return reply.code(304).send();
  const gz = asset.gzip && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
  if (gz) reply.header('content-encoding', 'gzip');
  return reply.send(gz ? asset.gzip : asset.body);
}

const CSV_COLUMNS = [
  'record_id',
  'published',
  'outlet',
  'language',
  'title',
  'url',
  'drug',
  'amount',
  'unit',
  'kg',
  'count',
  'count_unit',
  'location',
  'country',
  'period',
  'aggregate',
  'record',
  'attribution',
  'confidence',
  'evidence',
] as const;

/** One CSV cell (RFC 4180); text that a spreadsheet would run as a formula is prefixed with '. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvLine(row: FigureExportRow): string {
  const { record: r, seizure: s } = row;
  const cells = [
    r.id,
    r.published,
    r.source.name,
    r.language,
    r.title,
    r.url,
    s.drug,
    s.amount.value,
    s.amount.unit,
    s.kg,
    s.count,
    s.countUnit,
    s.location,
    s.country,
    s.period,
    s.aggregate,
    s.record,
    s.attribution,
    s.confidence,
    s.evidence,
  ];
  return `${cells.map(csvCell).join(',')}\r\n`;
}

async function* ndjsonLines(records: AsyncIterable<ArticleRecord>): AsyncGenerator<string> {
  for await (const r of records) yield `${JSON.stringify(r)}\n`;
}

async function* csvLines(rows: AsyncIterable<FigureExportRow>): AsyncGenerator<string> {
  yield `${CSV_COLUMNS.join(',')}\r\n`;
  for await (const row of rows) yield csvLine(row);
}

export async function registerDashboardRoutes(app: FastifyInstance, deps: DashboardRouteDeps): Promise<void> {
  const { queries } = deps;
  const assets = deps.assets ?? new AssetDir();

  app.get('/', async (req, reply) => sendAsset(req, reply, assets, 'index.html'));
  app.get('/assets/:name', async (req, reply) => {
    const { name } = req.params as { name: string };
    if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name) || name.startsWith('.'))
      return reply.code(404).send({ error: 'not found' });
    return sendAsset(req, reply, assets, `assets/${name}`);
  });

  app.get('/api/dashboard/summary', async (req) => queries.summary(parseDashboardQuery(req.query).filter));
  app.get('/api/dashboard/facets', async (req) => queries.facets(parseDashboardQuery(req.query).filter));
  app.get('/api/dashboard/records', async (req) => {
    const { filter, extra } = parseDashboardQuery(req.query, ['limit', 'offset']);
    const limit = intParam(extra.limit, 'limit', 1, MAX_RECORDS_PAGE, 25);
    const offset = intParam(extra.offset, 'offset', 0, MAX_OFFSET, 0);
    return queries.records(filter, { limit, offset });
  });
  app.get('/api/dashboard/records/:id', async (req, reply) => {
    parseDashboardQuery(req.query);
    const { id } = req.params as { id: string };
    if (!/^[0-9a-z][0-9a-z-]{0,63}$/.test(id)) throw new InputError('id: expected a record id');
    const detail = await queries.record(id);
    if (!detail) return reply.code(404).send({ error: 'not found', message: 'no record with this id' });
    return detail;
  });
  app.get('/api/dashboard/map', async (req) => {
    const { filter, extra } = parseDashboardQuery(req.query, ['limit']);
    return queries.mapPoints(filter, intParam(extra.limit, 'limit', 1, MAP_POINTS, MAP_POINTS));
  });
  app.get('/api/dashboard/timeline', async (req) => {
    const { filter, extra } = parseDashboardQuery(req.query, ['bucket']);
    return queries.timeline(filter, enumParam(extra.bucket, 'bucket', BUCKETS, 'month'));
  });
  app.get('/api/dashboard/stories', async (req) => {
    const { filter, extra } = parseDashboardQuery(req.query, ['limit', 'offset', 'multiOutlet']);
    const limit = intParam(extra.limit, 'limit', 1, 100, 20);
    const offset = intParam(extra.offset, 'offset', 0, MAX_OFFSET, 0);
    const multiOutlet = enumParam(extra.multiOutlet, 'multiOutlet', ['0', '1'], '0') === '1';
    return queries.stories(filter, { limit, offset }, { multiOutlet });
  });
  app.get('/api/dashboard/alerts', async (req) => {
    const { extra } = parseDashboardQuery(req.query, ['limit', 'offset', 'status']);
    const limit = intParam(extra.limit, 'limit', 1, 200, 50);
    const offset = intParam(extra.offset, 'offset', 0, MAX_OFFSET, 0);
    const status = extra.status ? enumParam(extra.status, 'status', DELIVERY_STATUSES, 'pending') : undefined;
    return queries.deliveries({ limit, offset, ...(status ? { status } : {}) });
  });
  app.get('/api/dashboard/export', async (req, reply) => {
    const { filter, extra } = parseDashboardQuery(req.query, ['format']);
    const format = enumParam(extra.format, 'format', ['ndjson', 'csv'], 'ndjson');
    const stamp = new Date().toISOString().slice(0, 19).replace(/[-:]/g, '').replace('T', '-');
    reply
      .header('content-disposition', `attachment; filename="seizurewatch-${stamp}.${format}"`)
      .header('cache-control', 'no-store');
    if (format === 'csv') {
      reply.header('content-type', 'text/csv; charset=utf-8');
      return reply.send(Readable.from(csvLines(queries.exportFigures(filter))));
    }
    reply.header('content-type', 'application/x-ndjson');
    return reply.send(Readable.from(ndjsonLines(queries.exportRecords(filter))));
  });
}
