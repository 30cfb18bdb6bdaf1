/**
 * DashboardQueries over the shared PostgreSQL store (store.url or DATABASE_URL), for any number
 * of `serve --role api` (or `all`) processes and `ui` at once.
 *
 * The dashboard keeps its own index in the store's database (tables `dash_*`, created by
 * migration 3 in src/store/pg-migrations.ts): one row per record (date, language, outlet,
 * headline and its words as a tsvector) and one per seizure figure (drug, kg, count, place,
 * coordinates, period, kind, confidence, with the record's columns repeated so aggregates need
 * no join). A trigger queues every stored record in `dash_pending` in the transaction that
 * stores it (so a record that commits late is never skipped, as reading past the highest `seq`
 * would); before it answers, a process indexes the queue, taking rows with SKIP LOCKED so that
 * several processes share the work. The index is derived from `records`: when what is indexed
 * changes, bump INDEX_VERSION and every row is indexed again (once, by the first process that
 * opens it). Nothing here writes to the store's own tables.
 *
 * Full-text search: headline, teaser and text are split into words as searchTerms() splits a
 * search (letters and digits, case and accents folded) and stored as lexemes with
 * array_to_tsvector (no parser, no stemming, no language), and a search asks for every word as a
 * prefix (`'word':*`), as the SQLite index's FTS5 does.
 */
import type pg from 'pg';
import type { RecordSummary } from '../alerts/alert.ts';
import { SeizurewatchError } from '../errors.ts';
import { isoToMs } from '../records/store.ts';
import type { ArticleRecord } from '../types.ts';
import { figureConfidence, figurePosition, figureSummary } from './figures.ts';
import { searchTerms } from './filter.ts';
import type { DashboardQueries, FigureExportRow, PageRequest } from './queries.ts';
import type {
  DashboardFilter,
  DeliveryPage,
  DeliveryStatusView,
  Facets,
  FacetValue,
  FigureView,
  MapData,
  MapPoint,
  RecordDetail,
  RecordPage,
  RecordRow,
  StoryPage,
  StoryView,
  Summary,
  TimelineBucketSize,
  TimelineData,
} from './types.ts';
import {
  type DeliveryIndexRow,
  deliveryView,
  type FigureIndexRow,
  flag,
  iso,
  queryError,
  seizureOfRow,
  storyView,
  where,
  without,
} from './views.ts';

/** Bump when what is indexed changes: every record is indexed again. */
const INDEX_VERSION = 1;
const SYNC_BATCH = 500;
const EXPORT_CHUNK = 500;
/** How long a question waits for records another process is indexing at that moment. */
const SYNC_WAIT_MS = 10_000;
/** Figures listed per map point (its tooltip and its list; the records list has them all). */
const MAP_FIGURES = 3;
/** Sort key of an undated record (after every dated one when newest first). */
const UNDATED = -1_000_000_000_000_000;
/** Lexemes longer than this are not indexed (PostgreSQL's limit is 2 KB; nobody searches them). */
const MAX_TERM = 100;
/** Distinct words indexed per record (a tsvector holds at most 1 MB). */
const MAX_TERMS = 20_000;
/** How long a hole in `seq` may still be filled by a transaction that commits late (recordsAfter). */
const GAP_WAIT_MS = 60_000;
const MAX_GAPS = 10_000;
const REBUILD_LOCK = 0x5377_0101;
/** A figure's size on the map: kg first, else its count (as the SQLite index ranks them). */
const WEIGHT = 'coalesce(f.kg, 0) * 1e9 + coalesce(f.count, 0) / 1e3';

/** Numbered query parameters: `p.add(v)` gives `$n`. */
class Params {
  readonly args: unknown[] = [];
  add(v: unknown): string {
    this.args.push(v);
    return `$${this.args.length}`;
  }
}

/** Case and accents folded, as the SQLite index's tokenizer (unicode61, remove_diacritics 2) does. */
function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').normalize('NFKC').toLowerCase();
}

/** The distinct words of a text, as lexemes. */
export function indexTerms(text: string): string[] {
  const out = new Set<string>();
  for (const t of fold(text).match(/[\p{L}\p{N}]+/gu) ?? []) {
    if (t.length <= MAX_TERM) out.add(t);
    if (out.size >= MAX_TERMS) break;
  }
  return [...out];
}

/** A tsvector (or tsquery) literal of words made of letters and digits only (nothing to escape). */
function lexemes(terms: string[], suffix = ''): string {
  return terms.map((t) => `'${t}'${suffix}`).join(suffix ? ' & ' : ' ');
}

/** A search as a tsquery: every word, each as a prefix. */
export function searchQuery(q: string): string {
  const terms = searchTerms(q)
    .map(fold)
    .flatMap((t) => t.match(/[\p{L}\p{N}]+/gu) ?? []);
  return lexemes(terms, ':*');
}

/** SQL conditions for the record filters, on a table with the record columns (r or f). */
function recordConditions(
  f: DashboardFilter,
  a: string,
  p: Params,
  opts: { dates?: boolean } = {},
): string[] {
  const out: string[] = [];
  if (opts.dates !== false && f.since !== undefined)
    out.push(`${a}.published_ms >= ${p.add(isoToMs(f.since))}`);
  if (opts.dates !== false && f.until !== undefined)
    out.push(`${a}.published_ms <= ${p.add(isoToMs(f.until, true))}`);
  if (f.lang !== undefined) out.push(`${a}.language = ${p.add(f.lang)}`);
  if (f.source !== undefined) out.push(`${a}.source_id = ${p.add(f.source)}`);
  if (f.seizureStories) out.push(`${a}.seizure_story`);
  if (f.q !== undefined) {
    const query = `${p.add(searchQuery(f.q))}::tsquery`;
    out.push(
      a === 'r'
        ? `r.terms @@ ${query}`
        : `${a}.seq IN (SELECT t.seq FROM dash_records t WHERE t.terms @@ ${query})`,
    );
  }
  return out;
}

/** SQL conditions for the figure filters, on dash_figures. */
function figureConditions(f: DashboardFilter, a: string, p: Params): string[] {
  const out: string[] = [];
  if (f.drug !== undefined) out.push(`${a}.drug = ${p.add(f.drug)}`);
  if (f.country !== undefined) out.push(`${a}.country = ${p.add(f.country)}`);
  if (f.minKg !== undefined) out.push(`${a}.kg >= ${p.add(f.minKg)}`);
  if (f.kind !== undefined) out.push(f.kind === 'total' ? `${a}.aggregate` : `NOT ${a}.aggregate`);
  if (f.place !== undefined) out.push(`lower(${a}.location) = lower(${p.add(f.place)})`);
  return out;
}

/** Conditions selecting matching records in dash_records `r`. */
function matchingRecords(f: DashboardFilter, p: Params): string[] {
  const conds = recordConditions(f, 'r', p);
  const fig = figureConditions(f, 'f', p);
  if (fig.length > 0)
    conds.push(`EXISTS (SELECT 1 FROM dash_figures f WHERE f.seq = r.seq AND ${fig.join(' AND ')})`);
  return conds;
}

/** Conditions selecting matching figures in dash_figures `f` (of matching records). */
function matchingFigures(f: DashboardFilter, p: Params, opts: { dates?: boolean } = {}): string[] {
  return [...recordConditions(f, 'f', p, opts), ...figureConditions(f, 'f', p)];
}

function num(v: unknown): number {
  return Number(v);
}

function numOrNull(v: unknown): number | null {
  return v === null || v === undefined ? null : Number(v);
}

interface RecRow {
  seq: number;
  id: string;
  published: string | null;
  language: string;
  source_id: string;
  source_name: string;
  title: string | null;
  url: string | null;
  seizure_story: boolean;
}

/** The index rows of one record (what `sync` writes). */
function indexRowsOf(seq: number, r: ArticleRecord) {
  const rec = {
    seq,
    id: r.id,
    published_ms: isoToMs(r.published),
    published: r.published,
    language: r.language,
    source_id: r.source.id,
    source_name: r.source.name,
    title: r.title,
    url: r.url,
    seizure_story: r.seizureStory,
    terms: lexemes(indexTerms([r.title ?? '', r.teaser ?? '', r.text].join('\n\n'))),
  };
  const figures = r.seizures.map((s, idx) => {
    const pos = figurePosition(s, r.places);
    return {
      seq,
      idx,
      drug: s.drug,
      value: s.amount.value,
      unit: s.amount.unit,
      kg: s.kg,
      count: s.count,
      count_unit: s.countUnit,
      location: s.location,
      country: s.country,
      lat: pos?.lat ?? null,
      lon: pos?.lon ?? null,
      approx: pos?.approx ?? false,
      period: s.period,
      aggregate: s.aggregate,
      is_record: s.record,
      attribution: s.attribution,
      confidence: figureConfidence(s),
      evidence: s.evidence,
      summary: figureSummary(s),
      published_ms: rec.published_ms,
      language: rec.language,
      source_id: rec.source_id,
      seizure_story: rec.seizure_story,
    };
  });
  return { rec, figures };
}

const REC_COLUMNS = `seq bigint, id text, published_ms bigint, published text, language text, source_id text,
  source_name text, title text, url text, seizure_story boolean, terms text`;
const FIG_COLUMNS = `seq bigint, idx integer, drug text, value float8, unit text, kg float8, count float8,
  count_unit text, location text, country text, lat float8, lon float8, approx boolean, period text,
  aggregate boolean, is_record boolean, attribution text, confidence float8, evidence text, summary text,
  published_ms bigint, language text, source_id text, seizure_story boolean`;

export class PgDashboardQueries implements DashboardQueries {
  /** Answers of the aggregate queries, valid until a record is indexed (by any process). */
  private readonly memo = new Map<string, unknown>();
  private memoVersion = -1;
  /** Holes in `seq` seen by recordsAfter, and when: a late commit may still fill them. */
  private readonly gaps = new Map<number, number>();

  /** Over the pool of an open PostgresStore (migrated); the pool stays the store's. */
  private constructor(private readonly pool: pg.Pool) {}

  /** The dashboard's queries over a migrated store's pool; re-indexes once after INDEX_VERSION changed. */
  static async open(pool: pg.Pool): Promise<PgDashboardQueries> {
    const q = new PgDashboardQueries(pool);
    try {
      await q.rebuildIfStale();
    } catch (cause) {
      throw queryError('cannot open the dashboard index', cause);
    }
    return q;
  }

  private async rebuildIfStale(): Promise<void> {
    const version = async (c: pg.PoolClient | pg.Pool) =>
      num(
        (await c.query<{ value: string }>(`SELECT value FROM dash_meta WHERE key = 'version'`)).rows[0]
          ?.value ?? 0,
      );
    if ((await version(this.pool)) >= INDEX_VERSION) return;
    await this.transaction(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [REBUILD_LOCK]);
      if ((await version(c)) >= INDEX_VERSION) return;
      await c.query('TRUNCATE dash_figures, dash_records');
      await c.query('INSERT INTO dash_pending (seq) SELECT seq FROM records ON CONFLICT DO NOTHING');
      await c.query(`UPDATE dash_meta SET value = 0 WHERE key = 'indexed'`);
      await c.query(`UPDATE dash_meta SET value = $1 WHERE key = 'version'`, [INDEX_VERSION]);
    });
  }

  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query('BEGIN');
      try {
        const out = await fn(c);
        await c.query('COMMIT');
        return out;
      } catch (err) {
        await c.query('ROLLBACK').catch(() => undefined);
        throw err;
      }
    } finally {
      c.release();
    }
  }

  private async rows<R extends pg.QueryResultRow>(sql: string, args: unknown[] = []): Promise<R[]> {
    return (await this.pool.query<R>(sql, args)).rows;
  }

  /** Index the queued records, then return the index's version (records indexed so far). */
  private async run<T>(what: string, fn: (version: number) => Promise<T>): Promise<T> {
    try {
      const version = await this.syncAndVersion();
      return await fn(version);
    } catch (cause) {
      if (cause instanceof SeizurewatchError) throw cause;
      throw queryError(what, cause);
    }
  }

  /**
   * Index what is queued, then the index's version. Every record stored before the question is
   * in the answer: rows another process is indexing are waited for (up to SYNC_WAIT_MS).
   */
  private async syncAndVersion(): Promise<number> {
    const [state] = await this.rows<{ indexed: string; pending: string | null }>(
      `SELECT (SELECT value FROM dash_meta WHERE key = 'indexed') AS indexed,
              (SELECT max(seq) FROM dash_pending) AS pending`,
    );
    if (state?.pending === null || state?.pending === undefined) return num(state?.indexed ?? 0);
    const deadline = Date.now() + SYNC_WAIT_MS;
    for (;;) {
      await this.sync();
      const [left] = await this.rows<{ left: boolean }>(
        'SELECT EXISTS (SELECT 1 FROM dash_pending WHERE seq <= $1) AS left',
        [state.pending],
      );
      if (!left?.left || Date.now() > deadline) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const [after] = await this.rows<{ value: string }>(`SELECT value FROM dash_meta WHERE key = 'indexed'`);
    return num(after?.value ?? 0);
  }

  /**
   * Index the records queued since the last sync (by any process). Returns how many this call
   * indexed; rows another process is indexing right now are left to it.
   */
  async sync(): Promise<number> {
    let indexed = 0;
    for (;;) {
      const taken = await this.transaction(async (c) => {
        const { rows } = await c.query<{ seq: string; json: string | null }>(
          `WITH p AS (SELECT seq FROM dash_pending ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
           SELECT p.seq, r.json FROM p LEFT JOIN records r ON r.seq = p.seq ORDER BY p.seq`,
          [SYNC_BATCH],
        );
        if (rows.length === 0) return 0;
        const recs: unknown[] = [];
        const figs: unknown[] = [];
        for (const row of rows) {
          if (row.json === null) continue;
          const { rec, figures } = indexRowsOf(num(row.seq), JSON.parse(row.json) as ArticleRecord);
          recs.push(rec);
          figs.push(...figures);
        }
        const ins = await c.query<{ seq: string }>(
          `INSERT INTO dash_records (seq, id, published_ms, published, language, source_id, source_name, title, url,
                                     seizure_story, terms)
           SELECT seq, id, published_ms, published, language, source_id, source_name, title, url, seizure_story,
                  terms::tsvector
           FROM json_to_recordset($1::json) AS x (${REC_COLUMNS})
           ON CONFLICT DO NOTHING RETURNING seq`,
          [JSON.stringify(recs)],
        );
        const fresh = new Set(ins.rows.map((r) => num(r.seq)));
        const newFigs = figs.filter((f) => fresh.has((f as { seq: number }).seq));
        if (newFigs.length > 0) {
          await c.query(
            `INSERT INTO dash_figures SELECT * FROM json_to_recordset($1::json) AS x (${FIG_COLUMNS})
             ON CONFLICT DO NOTHING`,
            [JSON.stringify(newFigs)],
          );
        }
        await c.query('DELETE FROM dash_pending WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
        await c.query(`UPDATE dash_meta SET value = value + $1 WHERE key = 'indexed'`, [fresh.size]);
        indexed += fresh.size;
        return rows.length;
      });
      if (taken < SYNC_BATCH) return indexed;
    }
  }

  /** The same question asked again is answered from memory until any process indexes a record. */
  private async cached<T>(version: number, key: string, fn: () => Promise<T>): Promise<T> {
    if (version !== this.memoVersion) {
      this.memo.clear();
      this.memoVersion = version;
    }
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = await fn();
    if (this.memoVersion !== version) return value;
    if (this.memo.size >= 200) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, value);
    return value;
  }

  async summary(filter: DashboardFilter): Promise<Summary> {
    return this.run('summary', (v) =>
      this.cached(v, `summary|${JSON.stringify(filter)}`, async () => {
        const p = new Params();
        const [rec] = await this.rows<{
          n: number;
          stories: number;
          first: string | null;
          last: string | null;
        }>(
          `SELECT count(*)::int AS n, count(*) FILTER (WHERE r.seizure_story)::int AS stories,
                  min(r.published_ms) AS first, max(r.published_ms) AS last
           FROM dash_records r ${where(matchingRecords(filter, p))}`,
          p.args,
        );
        const q = new Params();
        const [fig] = await this.rows<{ n: number; kg: number; mapped: number }>(
          `SELECT count(*)::int AS n, coalesce(sum(f.kg), 0)::float8 AS kg, count(f.lat)::int AS mapped
           FROM dash_figures f ${where(matchingFigures(filter, q))}`,
          q.args,
        );
        return {
          records: rec!.n,
          seizureStories: rec!.stories,
          figures: fig!.n,
          kg: fig!.kg,
          mapped: fig!.mapped,
          first: iso(numOrNull(rec!.first)),
          last: iso(numOrNull(rec!.last)),
          stored: v,
        };
      }),
    );
  }

  async facets(filter: DashboardFilter): Promise<Facets> {
    return this.run('facets', (v) =>
      this.cached(v, `facets|${JSON.stringify(filter)}`, async () => {
        const figFacet = (column: 'drug' | 'country'): Promise<FacetValue[]> => {
          const p = new Params();
          const conds = [...matchingFigures(without(filter, column), p), `f.${column} IS NOT NULL`];
          return this.rows<FacetValue>(
            `SELECT f.${column} AS value, count(*)::int AS n FROM dash_figures f ${where(conds)}
             GROUP BY 1 ORDER BY n DESC, f.${column} COLLATE "C"`,
            p.args,
          );
        };
        const recFacet = async (key: 'lang' | 'source'): Promise<FacetValue[]> => {
          const p = new Params();
          const conds = matchingRecords(without(filter, key), p);
          const sql =
            key === 'lang'
              ? `SELECT r.language AS value, count(*)::int AS n FROM dash_records r ${where(conds)}
                 GROUP BY 1 ORDER BY n DESC, r.language COLLATE "C"`
              : `SELECT r.source_id AS value, max(r.source_name) AS label, count(*)::int AS n
                 FROM dash_records r ${where(conds)} GROUP BY 1 ORDER BY n DESC, r.source_id COLLATE "C" LIMIT 300`;
          return this.rows<FacetValue>(sql, p.args);
        };
        const [drugs, countries, languages, sources] = await Promise.all([
          figFacet('drug'),
          figFacet('country'),
          recFacet('lang'),
          recFacet('source'),
        ]);
        return { drugs, countries, languages, sources };
      }),
    );
  }

  private async figureViews(seqs: number[], filter: DashboardFilter): Promise<Map<number, FigureView[]>> {
    const p = new Params();
    const list = p.add(seqs);
    const conds = figureConditions(filter, 'f', p);
    const rows = await this.rows<FigureIndexRow & { m: boolean }>(
      `SELECT f.*, (${conds.length > 0 ? conds.join(' AND ') : 'TRUE'}) AS m FROM dash_figures f
       WHERE f.seq = ANY(${list}::bigint[]) ORDER BY f.seq, f.idx`,
      p.args,
    );
    const out = new Map<number, FigureView[]>();
    for (const f of rows) {
      const seq = num(f.seq);
      const views = out.get(seq) ?? [];
      views.push({
        index: f.idx,
        drug: f.drug,
        value: f.value,
        unit: f.unit,
        kg: f.kg,
        count: f.count,
        countUnit: f.count_unit,
        location: f.location,
        country: f.country,
        period: f.period,
        aggregate: flag(f.aggregate),
        record: flag(f.is_record),
        confidence: f.confidence,
        mapped: f.lat !== null,
        match: f.m === true,
      });
      out.set(seq, views);
    }
    return out;
  }

  async records(filter: DashboardFilter, page: PageRequest): Promise<RecordPage> {
    return this.run('records', (v) =>
      this.cached(v, `records|${page.offset}|${page.limit}|${JSON.stringify(filter)}`, async () => {
        const p = new Params();
        const w = where(matchingRecords(filter, p));
        const [count] = await this.rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM dash_records r ${w}`,
          p.args,
        );
        const total = count!.n;
        const limit = p.add(page.limit);
        const offset = p.add(page.offset);
        const rows = await this.rows<RecRow>(
          `SELECT r.seq, r.id, r.published, r.language, r.source_id, r.source_name, r.title, r.url, r.seizure_story
           FROM dash_records r ${w} ORDER BY r.published_ms DESC NULLS LAST, r.seq DESC LIMIT ${limit} OFFSET ${offset}`,
          p.args,
        );
        const figures = await this.figureViews(
          rows.map((r) => num(r.seq)),
          filter,
        );
        const out: RecordRow[] = rows.map((r) => ({
          id: r.id,
          title: r.title,
          url: r.url,
          source: { id: r.source_id, name: r.source_name },
          language: r.language,
          published: r.published,
          seizureStory: r.seizure_story,
          figures: figures.get(num(r.seq)) ?? [],
        }));
        const next = page.offset + rows.length < total ? page.offset + rows.length : null;
        return { rows: out, total, offset: page.offset, limit: page.limit, next };
      }),
    );
  }

  async record(id: string): Promise<RecordDetail | null> {
    return this.run('record', async () => {
      const [row] = await this.rows<{ json: string; story_key: string | null }>(
        `SELECT r.json, m.story_key FROM records r LEFT JOIN story_members m ON m.record_id = r.id WHERE r.id = $1`,
        [id],
      );
      if (!row) return null;
      const story = row.story_key ? ((await this.storyViews([row.story_key]))[0] ?? null) : null;
      return { record: JSON.parse(row.json) as RecordDetail['record'], story };
    });
  }

  async mapPoints(filter: DashboardFilter, limit: number): Promise<MapData> {
    return this.run('map', (v) =>
      this.cached(v, `map|${limit}|${JSON.stringify(filter)}`, async () => {
        const p = new Params();
        const conds = [...matchingFigures(filter, p), 'f.lat IS NOT NULL'];
        const top = p.add(limit + 1);
        const perPoint = MAP_FIGURES;
        // The points (largest first), then the largest figures of each, in one statement.
        const rows = await this.rows<{
          lk: string;
          location: string | null;
          country: string | null;
          drug: string;
          lat: number;
          lon: number;
          approx: boolean;
          n: number;
          records: number;
          kg: number | null;
          rank: number;
          seq: string;
          idx: number;
          summary: string;
          record_id: string;
          source_name: string;
          published: string | null;
        }>(
          // Grouped in one pass (binary collation: the keys are only compared), each point keeping
          // its largest figures' positions; then those figures' rows.
          `WITH pts AS (
             SELECT lower(coalesce(f.location, '')) COLLATE "C" AS lk, coalesce(f.country, '') COLLATE "C" AS ck,
                    f.drug COLLATE "C" AS drug, min(f.location) AS location, min(f.country) AS country,
                    avg(f.lat) AS lat, avg(f.lon) AS lon, bool_or(f.approx) AS approx, count(*)::int AS n,
                    count(DISTINCT f.seq)::int AS records, sum(f.kg) AS kg,
                    (array_agg(f.seq ORDER BY ${WEIGHT} DESC, f.seq DESC, f.idx))[1:${perPoint}] AS top_seq,
                    (array_agg(f.idx ORDER BY ${WEIGHT} DESC, f.seq DESC, f.idx))[1:${perPoint}] AS top_idx,
                    row_number() OVER (ORDER BY coalesce(sum(f.kg), 0) DESC, count(*) DESC,
                                       lower(coalesce(f.location, '')) COLLATE "C", coalesce(f.country, '') COLLATE "C",
                                       f.drug COLLATE "C") AS rank
             FROM dash_figures f ${where(conds)}
             GROUP BY 1, 2, 3
             ORDER BY rank LIMIT ${top})
           SELECT pts.lk, pts.location, pts.country, pts.drug, pts.lat, pts.lon, pts.approx, pts.n, pts.records,
                  pts.kg, pts.rank, t.seq, t.idx, g.summary, r.id AS record_id, r.source_name, r.published
           FROM pts
           CROSS JOIN LATERAL unnest(pts.top_seq, pts.top_idx) WITH ORDINALITY AS t (seq, idx, k)
           JOIN dash_figures g ON g.seq = t.seq AND g.idx = t.idx
           JOIN dash_records r ON r.seq = t.seq
           ORDER BY pts.rank, t.k`,
          p.args,
        );
        const points: MapPoint[] = [];
        let ranks = 0;
        let lastRank = -1;
        for (const row of rows) {
          const rank = num(row.rank);
          if (rank !== lastRank) {
            lastRank = rank;
            ranks++;
            if (ranks > limit) continue;
            points.push({
              location: row.location,
              country: row.country,
              lat: Math.round(row.lat * 1e4) / 1e4,
              lon: Math.round(row.lon * 1e4) / 1e4,
              approx: row.approx,
              drug: row.drug,
              n: row.n,
              records: row.records,
              kg: row.kg,
              figures: [],
            });
          }
          if (ranks > limit) continue;
          points[points.length - 1]!.figures.push({
            recordId: row.record_id,
            index: row.idx,
            summary: row.summary,
            source: row.source_name,
            published: row.published,
          });
        }
        const q = new Params();
        const [unmapped] = await this.rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM dash_figures f ${where([...matchingFigures(filter, q), 'f.lat IS NULL'])}`,
          q.args,
        );
        return { points, unmapped: unmapped!.n, truncated: ranks > limit };
      }),
    );
  }

  async timeline(filter: DashboardFilter, bucket: TimelineBucketSize): Promise<TimelineData> {
    return this.run('timeline', (v) =>
      this.cached(v, `timeline|${bucket}|${JSON.stringify(filter)}`, async () => {
        const p = new Params();
        const conds = [...matchingFigures(filter, p, { dates: false }), 'f.published_ms IS NOT NULL'];
        const unit = bucket === 'month' ? 'month' : 'week'; // date_trunc's week starts on Monday
        const buckets = await this.rows<TimelineData['buckets'][number]>(
          `SELECT to_char(date_trunc('${unit}', to_timestamp(f.published_ms / 1000.0) AT TIME ZONE 'UTC'), 'YYYY-MM-DD')
                    AS start,
                  f.drug AS drug, count(*)::int AS n, coalesce(sum(f.kg), 0)::float8 AS kg
           FROM dash_figures f ${where(conds)} GROUP BY 1, 2 ORDER BY 1, f.drug COLLATE "C"`,
          p.args,
        );
        const q = new Params();
        const [undated] = await this.rows<{ n: number }>(
          `SELECT count(*)::int AS n FROM dash_figures f
           ${where([...matchingFigures(filter, q, { dates: false }), 'f.published_ms IS NULL'])}`,
          q.args,
        );
        return { bucket, buckets, undated: undated!.n };
      }),
    );
  }

  private async storyViews(keys: string[]): Promise<StoryView[]> {
    if (keys.length === 0) return [];
    const rows = await this.rows<{ story_key: string; summary: string }>(
      `SELECT story_key, summary FROM story_members WHERE story_key = ANY($1::text[]) ORDER BY seen_at, mseq`,
      [keys],
    );
    const byKey = new Map<string, RecordSummary[]>();
    for (const r of rows) {
      const list = byKey.get(r.story_key) ?? [];
      list.push(JSON.parse(r.summary) as RecordSummary);
      byKey.set(r.story_key, list);
    }
    return keys.map((k) => storyView(k, byKey.get(k) ?? []));
  }

  /**
   * Story clusters and deliveries live in tables every PostgreSQL store has; they count as
   * available once the alerts stage has used them (as on SQLite, where their file appears then).
   */
  private async alertsUsed(): Promise<boolean> {
    const [row] = await this.rows<{ used: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM story_meta) OR EXISTS (SELECT 1 FROM deliveries) AS used`,
    );
    return row?.used === true;
  }

  async stories(
    filter: DashboardFilter,
    page: PageRequest,
    options: { multiOutlet: boolean },
  ): Promise<StoryPage> {
    return this.run('stories', async () => {
      const empty = { stories: [], total: 0, offset: page.offset, limit: page.limit, next: null };
      if (!(await this.alertsUsed())) return { ...empty, available: false };
      const p = new Params();
      const matching = `SELECT m.story_key FROM story_members m JOIN dash_records r ON r.id = m.record_id ${where(
        matchingRecords(filter, p),
      )}`;
      const minOutlets = p.add(options.multiOutlet ? 2 : 1);
      const grouped = `SELECT m.story_key AS key, max(r.published_ms) AS latest, max(m.seen_at) AS seen
                       FROM story_members m JOIN dash_records r ON r.id = m.record_id
                       WHERE m.story_key IN (${matching})
                       GROUP BY m.story_key HAVING count(DISTINCT r.source_id) >= ${minOutlets}`;
      const [count] = await this.rows<{ n: number }>(`SELECT count(*)::int AS n FROM (${grouped}) g`, p.args);
      const total = count!.n;
      const limit = p.add(page.limit);
      const offset = p.add(page.offset);
      const keys = (
        await this.rows<{ key: string }>(
          `${grouped} ORDER BY latest DESC NULLS LAST, seen DESC, m.story_key LIMIT ${limit} OFFSET ${offset}`,
          p.args,
        )
      ).map((r) => r.key);
      const stories = await this.storyViews(keys);
      const next = page.offset + stories.length < total ? page.offset + stories.length : null;
      return { stories, total, offset: page.offset, limit: page.limit, next, available: true };
    });
  }

  async deliveries(options: PageRequest & { status?: DeliveryStatusView }): Promise<DeliveryPage> {
    return this.run('deliveries', async () => {
      const counts: DeliveryPage['counts'] = { pending: 0, delivered: 0, failed: 0, expired: 0 };
      const empty = {
        deliveries: [],
        counts,
        total: 0,
        offset: options.offset,
        limit: options.limit,
        next: null,
      };
      if (!(await this.alertsUsed())) return { ...empty, available: false };
      for (const row of await this.rows<{ status: DeliveryStatusView; n: number }>(
        `SELECT status, count(*)::int AS n FROM deliveries WHERE status <> 'merged' GROUP BY status`,
      )) {
        counts[row.status] = row.n;
      }
      const p = new Params();
      const conds = [`d.status <> 'merged'`];
      if (options.status) conds.push(`d.status = ${p.add(options.status)}`);
      const [count] = await this.rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM deliveries d ${where(conds)}`,
        p.args,
      );
      const total = count!.n;
      const limit = p.add(options.limit);
      const offset = p.add(options.offset);
      const rows = await this.rows<DeliveryIndexRow>(
        `SELECT d.*, coalesce(r.title, m.summary::json ->> 'title') AS headline
         FROM deliveries d
         LEFT JOIN dash_records r ON r.id = d.record_id
         LEFT JOIN story_members m ON m.record_id = d.record_id
         ${where(conds)} ORDER BY d.created_at DESC, d.id DESC LIMIT ${limit} OFFSET ${offset}`,
        p.args,
      );
      const deliveries = rows.map(deliveryView);
      const next = options.offset + rows.length < total ? options.offset + rows.length : null;
      return {
        deliveries,
        counts,
        total,
        offset: options.offset,
        limit: options.limit,
        next,
        available: true,
      };
    });
  }

  /**
   * The export's rows, EXPORT_CHUNK at a time, newest first, by key (no connection is held
   * between chunks, and a record indexed meanwhile neither repeats nor shifts a row).
   */
  private async *chunks<T extends { k: string }>(
    what: string,
    build: (p: Params, after: T | null) => string,
  ): AsyncGenerator<T> {
    let after: T | null = null;
    for (;;) {
      const p = new Params();
      const sql = build(p, after);
      const rows: T[] = await this.run(what, () => this.rows<T>(sql, p.args));
      for (const r of rows) yield r;
      if (rows.length < EXPORT_CHUNK) return;
      after = rows[rows.length - 1]!;
      // Let other requests in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async bound(): Promise<number> {
    return this.run('export', async () => {
      const [row] = await this.rows<{ s: string }>('SELECT coalesce(max(seq), 0) AS s FROM dash_records');
      return num(row!.s);
    });
  }

  async *exportRecords(filter: DashboardFilter): AsyncIterable<ArticleRecord> {
    const bound = await this.bound();
    type Row = { k: string; seq: string; json: string };
    const rows = this.chunks<Row>('export', (p, after) => {
      const conds = [...matchingRecords(filter, p), `r.seq <= ${p.add(bound)}`];
      if (after)
        conds.push(
          `(coalesce(r.published_ms, ${UNDATED}), r.seq) < (${p.add(after.k)}, ${p.add(after.seq)})`,
        );
      return `SELECT coalesce(r.published_ms, ${UNDATED}) AS k, r.seq, s.json
              FROM dash_records r JOIN records s ON s.seq = r.seq ${where(conds)}
              ORDER BY k DESC, r.seq DESC LIMIT ${EXPORT_CHUNK}`;
    });
    for await (const row of rows) yield JSON.parse(row.json) as ArticleRecord;
  }

  async *exportFigures(filter: DashboardFilter): AsyncIterable<FigureExportRow> {
    const bound = await this.bound();
    type Row = FigureIndexRow & {
      k: string;
      record_id: string;
      record_url: string | null;
      record_title: string | null;
      record_source_id: string;
      record_source_name: string;
      record_language: string;
      record_published: string | null;
    };
    const rows = this.chunks<Row>('export', (p, after) => {
      const conds = [...matchingFigures(filter, p), `f.seq <= ${p.add(bound)}`];
      // Newest first, then by record, then the record's figures in order (idx ascending).
      if (after) {
        conds.push(
          `(coalesce(f.published_ms, ${UNDATED}), f.seq, -f.idx) < (${p.add(after.k)}, ${p.add(after.seq)}, ${p.add(-after.idx)})`,
        );
      }
      return `SELECT f.*, coalesce(f.published_ms, ${UNDATED}) AS k, r.id AS record_id, r.url AS record_url,
                     r.title AS record_title, r.source_id AS record_source_id, r.source_name AS record_source_name,
                     r.language AS record_language, r.published AS record_published
              FROM dash_figures f JOIN dash_records r ON r.seq = f.seq ${where(conds)}
              ORDER BY k DESC, f.seq DESC, f.idx LIMIT ${EXPORT_CHUNK}`;
    });
    for await (const row of rows) {
      yield {
        record: {
          id: row.record_id,
          url: row.record_url,
          title: row.record_title,
          source: { id: row.record_source_id, name: row.record_source_name },
          language: row.record_language,
          published: row.record_published,
        },
        seizure: seizureOfRow(row),
      };
    }
  }

  async latestCursor(): Promise<number> {
    try {
      const [row] = await this.rows<{ s: string }>('SELECT coalesce(max(seq), 0) AS s FROM records');
      return num(row!.s);
    } catch (cause) {
      throw queryError('cursor', cause);
    }
  }

  /**
   * Records stored after `cursor`. `seq` is taken when a record is inserted, not when it
   * commits, so a record may become visible after one with a higher `seq` was returned: the
   * holes below the cursor are asked for again until they are filled or GAP_WAIT_MS old (a
   * hole can also stay for good: an insert that found its record stored took a number too).
   * Meant for one reader per instance (the `ui` watcher).
   */
  async recordsAfter(cursor: number, limit: number): Promise<{ records: ArticleRecord[]; cursor: number }> {
    try {
      const now = Date.now();
      for (const [seq, since] of this.gaps)
        if (now - since > GAP_WAIT_MS || seq > cursor) this.gaps.delete(seq);
      const rows = await this.rows<{ seq: string; json: string }>(
        'SELECT seq, json FROM records WHERE seq > $1 OR seq = ANY($2::bigint[]) ORDER BY seq LIMIT $3',
        [cursor, [...this.gaps.keys()], limit],
      );
      let next = cursor;
      for (const row of rows) {
        const seq = num(row.seq);
        this.gaps.delete(seq);
        if (seq <= cursor) continue;
        for (let hole = next + 1; hole < seq && this.gaps.size < MAX_GAPS; hole++) this.gaps.set(hole, now);
        next = seq;
      }
      return { records: rows.map((r) => JSON.parse(r.json) as ArticleRecord), cursor: next };
    } catch (cause) {
      throw queryError('new records', cause);
    }
  }

  /** The pool is the store's: closing the store ends it. */
  async close(): Promise<void> {}
}
