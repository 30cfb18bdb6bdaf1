/**
 * DashboardQueries over the embedded SQLite store (store.dir).
 *
 * The dashboard keeps its own index in `<store.dir>/dashboard.sqlite`: one row per record
 * (date, language, outlet, headline), one per seizure figure (drug, kg, count, place,
 * coordinates, period, kind, confidence, with the record's columns repeated so aggregates need
 * no join) and an FTS5 full-text index of headline, teaser and text. It is derived from the
 * store's `records` table, brought up to date before every query (records stored after the
 * last one indexed, by their `seq`), and rebuilt when its version changes. It can be deleted
 * at any time. The store's own file (`seizurewatch.db`) and the alerts' (`alerts.sqlite`, story
 * members and deliveries) are attached read-only by convention: nothing here writes to them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { figureSummary, type RecordSummary } from '../alerts/alert.ts';
import { ALERTS_DB_FILE } from '../alerts/store.ts';
import { SeizurewatchError } from '../errors.ts';
import { isoToMs, openStore, STORE_FILE } from '../records/store.ts';
import type { ArticleRecord } from '../types.ts';
import { figureConfidence, figurePosition } from './figures.ts';
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
  iso,
  queryError,
  seizureOfRow,
  storyView,
  where,
  without,
} from './views.ts';

export const DASHBOARD_DB_FILE = 'dashboard.sqlite';
/** Bump when what is indexed changes: the index is rebuilt from the store. */
const INDEX_VERSION = 2;
const SYNC_BATCH = 500;
const EXPORT_CHUNK = 500;
/** Figures listed per map point (its tooltip and its list; the records list has them all). */
const MAP_FIGURES = 3;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS recs (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  published_ms INTEGER,
  published TEXT,
  language TEXT NOT NULL,
  source_id TEXT NOT NULL,
  source_name TEXT NOT NULL,
  title TEXT,
  url TEXT,
  seizure_story INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS recs_order ON recs (published_ms DESC, seq DESC);
CREATE TABLE IF NOT EXISTS figs (
  seq INTEGER NOT NULL,
  idx INTEGER NOT NULL,
  drug TEXT NOT NULL,
  value REAL NOT NULL,
  unit TEXT NOT NULL,
  kg REAL,
  count REAL,
  count_unit TEXT,
  location TEXT,
  country TEXT,
  lat REAL,
  lon REAL,
  approx INTEGER NOT NULL DEFAULT 0,
  period TEXT,
  aggregate INTEGER NOT NULL,
  is_record INTEGER NOT NULL,
  attribution TEXT,
  confidence REAL,
  evidence TEXT NOT NULL,
  summary TEXT NOT NULL,
  published_ms INTEGER,
  language TEXT NOT NULL,
  source_id TEXT NOT NULL,
  seizure_story INTEGER NOT NULL,
  PRIMARY KEY (seq, idx)
);
CREATE INDEX IF NOT EXISTS figs_drug ON figs (drug);
CREATE INDEX IF NOT EXISTS figs_country ON figs (country);
CREATE INDEX IF NOT EXISTS figs_published ON figs (published_ms);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5 (
  title, body, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);
`;

type Params = Record<string, unknown>;

type FigRow = FigureIndexRow;

interface RecRow {
  seq: number;
  id: string;
  published: string | null;
  language: string;
  source_id: string;
  source_name: string;
  title: string | null;
  url: string | null;
  seizure_story: number;
}

/** SQL conditions for the record filters, on a table with the record columns (recs or figs). */
function recordConditions(
  f: DashboardFilter,
  a: string,
  p: Params,
  opts: { dates?: boolean } = {},
): string[] {
  const out: string[] = [];
  if (opts.dates !== false && f.since !== undefined) {
    out.push(`${a}.published_ms >= @since`);
    p.since = isoToMs(f.since);
  }
  if (opts.dates !== false && f.until !== undefined) {
    out.push(`${a}.published_ms <= @until`);
    p.until = isoToMs(f.until, true);
  }
  if (f.lang !== undefined) {
    out.push(`${a}.language = @lang`);
    p.lang = f.lang;
  }
  if (f.source !== undefined) {
    out.push(`${a}.source_id = @source`);
    p.source = f.source;
  }
  if (f.seizureStories) out.push(`${a}.seizure_story = 1`);
  if (f.q !== undefined) {
    out.push(`${a}.seq IN (SELECT rowid FROM fts WHERE fts MATCH @q)`);
    p.q = searchTerms(f.q)
      .map((t) => `"${t}"*`)
      .join(' ');
  }
  return out;
}

/** SQL conditions for the figure filters, on figs. */
function figureConditions(f: DashboardFilter, a: string, p: Params): string[] {
  const out: string[] = [];
  if (f.drug !== undefined) {
    out.push(`${a}.drug = @drug`);
    p.drug = f.drug;
  }
  if (f.country !== undefined) {
    out.push(`${a}.country = @country`);
    p.country = f.country;
  }
  if (f.minKg !== undefined) {
    out.push(`${a}.kg >= @minKg`);
    p.minKg = f.minKg;
  }
  if (f.kind !== undefined) out.push(`${a}.aggregate = ${f.kind === 'total' ? 1 : 0}`);
  if (f.place !== undefined) {
    out.push(`${a}.location = @place COLLATE NOCASE`);
    p.place = f.place;
  }
  return out;
}

/** Conditions selecting matching records in recs `r`. */
function matchingRecords(f: DashboardFilter, p: Params): string[] {
  const conds = recordConditions(f, 'r', p);
  const fig = figureConditions(f, 'f', p);
  if (fig.length > 0)
    conds.push(`EXISTS (SELECT 1 FROM figs f WHERE f.seq = r.seq AND ${fig.join(' AND ')})`);
  return conds;
}

/** Conditions selecting matching figures in figs `f` (of matching records). */
function matchingFigures(f: DashboardFilter, p: Params, opts: { dates?: boolean } = {}): string[] {
  return [...recordConditions(f, 'f', p, opts), ...figureConditions(f, 'f', p)];
}

export class SqliteDashboardQueries implements DashboardQueries {
  private readonly db: Database.Database;
  private readonly alertsFile: string;
  private alertsAttached = false;
  /** Answers of the aggregate queries, valid until a record is indexed or alerts change. */
  private readonly memo = new Map<string, unknown>();
  private memoVersion = '';

  /** Opens (creating if needed) the index beside the store in `storeDir`; the store must exist. */
  constructor(storeDir: string) {
    const storeFile = path.join(storeDir, STORE_FILE);
    this.alertsFile = path.join(storeDir, ALERTS_DB_FILE);
    try {
      this.db = new Database(path.join(storeDir, DASHBOARD_DB_FILE));
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('synchronous = NORMAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.prepare('ATTACH DATABASE ? AS store').run(storeFile);
      this.migrate();
    } catch (cause) {
      throw queryError(`cannot open the dashboard index in ${storeDir}`, cause);
    }
  }

  private migrate(): void {
    this.db.exec(SCHEMA);
    const row = this.db.prepare(`SELECT value FROM meta WHERE key = 'version'`).get() as
      | { value: string }
      | undefined;
    if (row && Number(row.value) === INDEX_VERSION) return;
    this.db.exec(
      'DROP TABLE IF EXISTS recs; DROP TABLE IF EXISTS figs; DROP TABLE IF EXISTS fts; DELETE FROM meta;',
    );
    this.db.exec(SCHEMA);
    this.db
      .prepare(`INSERT OR REPLACE INTO meta (key, value) VALUES ('version', ?), ('seq', '0')`)
      .run(String(INDEX_VERSION));
  }

  private run<T>(what: string, fn: () => T): T {
    try {
      this.attachAlerts();
      this.sync();
      return fn();
    } catch (cause) {
      if (cause instanceof SeizurewatchError) throw cause;
      throw queryError(what, cause);
    }
  }

  /**
   * The same question asked again (another editor opening the page, the live refresh of a view
   * nobody changed) is answered from memory until the store or the alerts change.
   */
  private cached<T>(key: string, fn: () => T): T {
    const seq = (this.db.prepare(`SELECT value FROM meta WHERE key = 'seq'`).get() as { value: string })
      .value;
    const alerts = this.alertsReady()
      ? (this.db.prepare('PRAGMA alerts.data_version').get() as { data_version: number }).data_version
      : 0;
    const version = `${seq}|${alerts}`;
    if (version !== this.memoVersion) {
      this.memo.clear();
      this.memoVersion = version;
    }
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = fn();
    if (this.memo.size >= 200) this.memo.delete(this.memo.keys().next().value!);
    this.memo.set(key, value);
    return value;
  }

  /** The alerts' state appears once alerts have run; attach it then (never create it). */
  private attachAlerts(): void {
    if (this.alertsAttached || !existsSync(this.alertsFile)) return;
    this.db.prepare('ATTACH DATABASE ? AS alerts').run(this.alertsFile);
    this.alertsAttached = true;
  }

  private alertsReady(): boolean {
    if (!this.alertsAttached) return false;
    const t = this.db
      .prepare(
        `SELECT count(*) AS n FROM alerts.sqlite_master WHERE type = 'table' AND name IN ('members', 'deliveries')`,
      )
      .get() as { n: number };
    return t.n === 2;
  }

  /** Index the records stored since the last sync. Returns how many were indexed. */
  sync(): number {
    const top = (
      this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM store.records').get() as { s: number }
    ).s;
    const seqOf = () =>
      Number((this.db.prepare(`SELECT value FROM meta WHERE key = 'seq'`).get() as { value: string }).value);
    if (top <= seqOf()) return 0;
    const select = this.db.prepare<[number, number], { seq: number; json: string }>(
      'SELECT seq, json FROM store.records WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    const insRec = this.db.prepare(
      `INSERT OR REPLACE INTO recs (seq, id, published_ms, published, language, source_id, source_name, title, url, seizure_story)
       VALUES (@seq, @id, @publishedMs, @published, @language, @sourceId, @sourceName, @title, @url, @seizureStory)`,
    );
    const delFigs = this.db.prepare('DELETE FROM figs WHERE seq = ?');
    const insFig = this.db.prepare(
      `INSERT INTO figs (seq, idx, drug, value, unit, kg, count, count_unit, location, country, lat, lon, approx, period,
                         aggregate, is_record, attribution, confidence, evidence, summary, published_ms, language, source_id,
                         seizure_story)
       VALUES (@seq, @idx, @drug, @value, @unit, @kg, @count, @countUnit, @location, @country, @lat, @lon, @approx, @period,
               @aggregate, @isRecord, @attribution, @confidence, @evidence, @summary, @publishedMs, @language, @sourceId,
               @seizureStory)`,
    );
    const delText = this.db.prepare('DELETE FROM fts WHERE rowid = ?');
    const insText = this.db.prepare('INSERT INTO fts (rowid, title, body) VALUES (?, ?, ?)');
    const setSeq = this.db.prepare(`UPDATE meta SET value = ? WHERE key = 'seq'`);
    let indexed = 0;
    const batch = this.db.transaction(() => {
      const from = seqOf();
      const rows = select.all(from, SYNC_BATCH);
      for (const row of rows) {
        const r = JSON.parse(row.json) as ArticleRecord;
        const rec = {
          seq: row.seq,
          id: r.id,
          publishedMs: isoToMs(r.published),
          published: r.published,
          language: r.language,
          sourceId: r.source.id,
          sourceName: r.source.name,
          title: r.title,
          url: r.url,
          seizureStory: r.seizureStory ? 1 : 0,
        };
        insRec.run(rec);
        delFigs.run(row.seq);
        r.seizures.forEach((s, idx) => {
          const pos = figurePosition(s, r.places);
          insFig.run({
            ...rec,
            idx,
            drug: s.drug,
            value: s.amount.value,
            unit: s.amount.unit,
            kg: s.kg,
            count: s.count,
            countUnit: s.countUnit,
            location: s.location,
            country: s.country,
            lat: pos?.lat ?? null,
            lon: pos?.lon ?? null,
            approx: pos?.approx ? 1 : 0,
            period: s.period,
            aggregate: s.aggregate ? 1 : 0,
            isRecord: s.record ? 1 : 0,
            attribution: s.attribution,
            confidence: figureConfidence(s),
            evidence: s.evidence,
            summary: figureSummary(s),
          });
        });
        delText.run(row.seq);
        insText.run(row.seq, r.title ?? '', [r.teaser ?? '', r.text].join('\n\n'));
      }
      if (rows.length > 0) setSeq.run(String(rows[rows.length - 1]!.seq));
      indexed += rows.length;
      return rows.length;
    });
    let got = SYNC_BATCH;
    while (got === SYNC_BATCH) got = batch.immediate();
    return indexed;
  }

  async summary(filter: DashboardFilter): Promise<Summary> {
    return this.run('summary', () =>
      this.cached(`summary|${JSON.stringify(filter)}`, () => {
        const p: Params = {};
        const rec = this.db
          .prepare(
            `SELECT count(*) AS n, total(r.seizure_story) AS stories, min(r.published_ms) AS first, max(r.published_ms) AS last
           FROM recs r ${where(matchingRecords(filter, p))}`,
          )
          .get(p) as { n: number; stories: number; first: number | null; last: number | null };
        const q: Params = {};
        const fig = this.db
          .prepare(
            `SELECT count(*) AS n, total(f.kg) AS kg, count(f.lat) AS mapped FROM figs f ${where(matchingFigures(filter, q))}`,
          )
          .get(q) as { n: number; kg: number; mapped: number };
        const stored = (this.db.prepare('SELECT count(*) AS n FROM recs').get() as { n: number }).n;
        return {
          records: rec.n,
          seizureStories: rec.stories,
          figures: fig.n,
          kg: fig.kg,
          mapped: fig.mapped,
          first: iso(rec.first),
          last: iso(rec.last),
          stored,
        };
      }),
    );
  }

  async facets(filter: DashboardFilter): Promise<Facets> {
    return this.run('facets', () =>
      this.cached(`facets|${JSON.stringify(filter)}`, () => {
        const figFacet = (column: 'drug' | 'country'): FacetValue[] => {
          const p: Params = {};
          const conds = matchingFigures(without(filter, column), p);
          conds.push(`f.${column} IS NOT NULL`);
          return this.db
            .prepare(
              `SELECT f.${column} AS value, count(*) AS n FROM figs f ${where(conds)} GROUP BY 1 ORDER BY n DESC, 1`,
            )
            .all(p) as FacetValue[];
        };
        const recFacet = (key: 'lang' | 'source'): FacetValue[] => {
          const p: Params = {};
          const conds = matchingRecords(without(filter, key), p);
          const sql =
            key === 'lang'
              ? `SELECT r.language AS value, count(*) AS n FROM recs r ${where(conds)} GROUP BY 1 ORDER BY n DESC, 1`
              : `SELECT r.source_id AS value, max(r.source_name) AS label, count(*) AS n FROM recs r ${where(conds)}
               GROUP BY 1 ORDER BY n DESC, 1 LIMIT 300`;
          return this.db.prepare(sql).all(p) as FacetValue[];
        };
        return {
          drugs: figFacet('drug'),
          countries: figFacet('country'),
          languages: recFacet('lang'),
          sources: recFacet('source'),
        };
      }),
    );
  }

  private figureViews(seqs: number[], filter: DashboardFilter): Map<number, FigureView[]> {
    const p: Params = { seqs: JSON.stringify(seqs) };
    const conds = figureConditions(filter, 'f', p);
    const rows = this.db
      .prepare(
        `SELECT f.*, (${conds.length > 0 ? conds.join(' AND ') : '1'}) AS m FROM figs f
         WHERE f.seq IN (SELECT value FROM json_each(@seqs)) ORDER BY f.seq, f.idx`,
      )
      .all(p) as Array<FigRow & { m: number }>;
    const out = new Map<number, FigureView[]>();
    for (const f of rows) {
      const list = out.get(f.seq) ?? [];
      list.push({
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
        aggregate: f.aggregate === 1,
        record: f.is_record === 1,
        confidence: f.confidence,
        mapped: f.lat !== null,
        match: f.m === 1,
      });
      out.set(f.seq, list);
    }
    return out;
  }

  async records(filter: DashboardFilter, page: PageRequest): Promise<RecordPage> {
    return this.run('records', () =>
      this.cached(`records|${page.offset}|${page.limit}|${JSON.stringify(filter)}`, () => {
        const p: Params = {};
        const w = where(matchingRecords(filter, p));
        const total = (this.db.prepare(`SELECT count(*) AS n FROM recs r ${w}`).get(p) as { n: number }).n;
        const rows = this.db
          .prepare(
            `SELECT r.seq, r.id, r.published, r.language, r.source_id, r.source_name, r.title, r.url, r.seizure_story
           FROM recs r ${w} ORDER BY r.published_ms DESC, r.seq DESC LIMIT @limit OFFSET @offset`,
          )
          .all({ ...p, limit: page.limit, offset: page.offset }) as RecRow[];
        const figures = this.figureViews(
          rows.map((r) => r.seq),
          filter,
        );
        const out: RecordRow[] = rows.map((r) => ({
          id: r.id,
          title: r.title,
          url: r.url,
          source: { id: r.source_id, name: r.source_name },
          language: r.language,
          published: r.published,
          seizureStory: r.seizure_story === 1,
          figures: figures.get(r.seq) ?? [],
        }));
        const next = page.offset + rows.length < total ? page.offset + rows.length : null;
        return { rows: out, total, offset: page.offset, limit: page.limit, next };
      }),
    );
  }

  async record(id: string): Promise<RecordDetail | null> {
    return this.run('record', () => {
      const row = this.db.prepare('SELECT json FROM store.records WHERE id = ?').get(id) as
        | { json: string }
        | undefined;
      if (!row) return null;
      let story: StoryView | null = null;
      if (this.alertsReady()) {
        const m = this.db.prepare('SELECT story_key FROM alerts.members WHERE record_id = ?').get(id) as
          | { story_key: string }
          | undefined;
        if (m) story = this.storyViews([m.story_key])[0] ?? null;
      }
      return { record: JSON.parse(row.json) as RecordDetail['record'], story };
    });
  }

  async mapPoints(filter: DashboardFilter, limit: number): Promise<MapData> {
    return this.run('map', () =>
      this.cached(`map|${limit}|${JSON.stringify(filter)}`, () => {
        const p: Params = { limit: limit + 1 };
        const conds = [...matchingFigures(filter, p), 'f.lat IS NOT NULL'];
        const group = 'f.location COLLATE NOCASE, f.country, f.drug';
        const rows = this.db
          .prepare(
            `SELECT f.location, f.country, f.drug, avg(f.lat) AS lat, avg(f.lon) AS lon, total(f.approx) > 0 AS approx,
                  count(*) AS n, count(DISTINCT f.seq) AS records, sum(f.kg) AS kg
           FROM figs f ${where(conds)}
           GROUP BY ${group}
           ORDER BY coalesce(sum(f.kg), 0) DESC, n DESC LIMIT @limit`,
          )
          .all(p) as Array<{
          location: string | null;
          country: string | null;
          drug: string;
          lat: number;
          lon: number;
          approx: number;
          n: number;
          records: number;
          kg: number | null;
        }>;
        // The largest figures of every place and drug: one pass over the matching figures keeps
        // the top few per point (cheaper here than a window function's sort), then their rows.
        const key = (location: string | null, country: string | null, drug: string) =>
          `${(location ?? '').toLowerCase()}|${country ?? ''}|${drug}`;
        type Ranked = { seq: number; idx: number; w: number };
        const best = new Map<string, Ranked[]>();
        const scan = this.db.prepare(
          `SELECT f.seq, f.idx, f.location, f.country, f.drug, coalesce(f.kg, 0) * 1e9 + coalesce(f.count, 0) / 1e3 AS w
         FROM figs f ${where(conds)}`,
        );
        for (const f of scan.iterate(p) as Iterable<
          Ranked & { location: string | null; country: string | null; drug: string }
        >) {
          const k = key(f.location, f.country, f.drug);
          const list = best.get(k) ?? [];
          const last = list[list.length - 1];
          if (list.length < MAP_FIGURES || f.w > last!.w || (f.w === last!.w && f.seq > last!.seq)) {
            list.push({ seq: f.seq, idx: f.idx, w: f.w });
            list.sort((x, y) => y.w - x.w || y.seq - x.seq);
            if (list.length > MAP_FIGURES) list.pop();
            best.set(k, list);
          }
        }
        type Detail = {
          seq: number;
          idx: number;
          summary: string;
          record_id: string;
          source_name: string;
          published: string | null;
        };
        // Only for the points sent; by record (the primary key's first column), then the figures.
        const kept = new Set(rows.slice(0, limit).map((r) => key(r.location, r.country, r.drug)));
        for (const k of [...best.keys()]) if (!kept.has(k)) best.delete(k);
        const seqs = [...new Set([...best.values()].flat().map((w) => w.seq))];
        const detail = new Map<string, Detail>();
        const rowsOfTop = this.db
          .prepare(
            `SELECT g.seq, g.idx, g.summary, r.id AS record_id, r.source_name, r.published
           FROM figs g JOIN recs r ON r.seq = g.seq
           WHERE g.seq IN (SELECT CAST(value AS INTEGER) FROM json_each(@seqs))`,
          )
          .all({ seqs: JSON.stringify(seqs) }) as Detail[];
        for (const row of rowsOfTop) detail.set(`${row.seq}:${row.idx}`, row);
        const figures = new Map<string, MapPoint['figures']>();
        for (const [k, list] of best) {
          figures.set(
            k,
            list.map((w) => {
              const f = detail.get(`${w.seq}:${w.idx}`)!;
              return {
                recordId: f.record_id,
                index: f.idx,
                summary: f.summary,
                source: f.source_name,
                published: f.published,
              };
            }),
          );
        }
        const q: Params = {};
        const unmapped = (
          this.db
            .prepare(
              `SELECT count(*) AS n FROM figs f ${where([...matchingFigures(filter, q), 'f.lat IS NULL'])}`,
            )
            .get(q) as { n: number }
        ).n;
        const points: MapPoint[] = rows.slice(0, limit).map((row) => ({
          location: row.location,
          country: row.country,
          lat: Math.round(row.lat * 1e4) / 1e4,
          lon: Math.round(row.lon * 1e4) / 1e4,
          approx: row.approx === 1,
          drug: row.drug,
          n: row.n,
          records: row.records,
          kg: row.kg,
          figures: figures.get(key(row.location, row.country, row.drug)) ?? [],
        }));
        return { points, unmapped, truncated: rows.length > limit };
      }),
    );
  }

  async timeline(filter: DashboardFilter, bucket: TimelineBucketSize): Promise<TimelineData> {
    return this.run('timeline', () =>
      this.cached(`timeline|${bucket}|${JSON.stringify(filter)}`, () => {
        const p: Params = {};
        const conds = matchingFigures(filter, p, { dates: false });
        const start =
          bucket === 'month'
            ? `strftime('%Y-%m-01', f.published_ms / 1000, 'unixepoch')`
            : `date(f.published_ms / 1000, 'unixepoch', 'weekday 0', '-6 days')`;
        const buckets = this.db
          .prepare(
            `SELECT ${start} AS start, f.drug AS drug, count(*) AS n, total(f.kg) AS kg FROM figs f
           ${where([...conds, 'f.published_ms IS NOT NULL'])} GROUP BY 1, 2 ORDER BY 1, 2`,
          )
          .all(p) as TimelineData['buckets'];
        const q: Params = {};
        const undated = (
          this.db
            .prepare(
              `SELECT count(*) AS n FROM figs f ${where([...matchingFigures(filter, q, { dates: false }), 'f.published_ms IS NULL'])}`,
            )
            .get(q) as { n: number }
        ).n;
        return { bucket, buckets, undated };
      }),
    );
  }

  private storyViews(keys: string[]): StoryView[] {
    if (keys.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT story_key, summary FROM alerts.members WHERE story_key IN (SELECT value FROM json_each(?))
         ORDER BY seen_at, rowid`,
      )
      .all(JSON.stringify(keys)) as Array<{ story_key: string; summary: string }>;
    const byKey = new Map<string, RecordSummary[]>();
    for (const r of rows) {
      const list = byKey.get(r.story_key) ?? [];
      list.push(JSON.parse(r.summary) as RecordSummary);
      byKey.set(r.story_key, list);
    }
    return keys.map((k) => storyView(k, byKey.get(k) ?? []));
  }

  async stories(
    filter: DashboardFilter,
    page: PageRequest,
    options: { multiOutlet: boolean },
  ): Promise<StoryPage> {
    return this.run('stories', () => {
      const empty = { stories: [], total: 0, offset: page.offset, limit: page.limit, next: null };
      if (!this.alertsReady()) return { ...empty, available: false };
      const p: Params = { minOutlets: options.multiOutlet ? 2 : 1 };
      const matching = `SELECT m.story_key FROM alerts.members m JOIN recs r ON r.id = m.record_id ${where(
        matchingRecords(filter, p),
      )}`;
      const grouped = `SELECT m.story_key AS key, count(DISTINCT r.source_id) AS outlets, max(r.published_ms) AS latest,
                              max(m.seen_at) AS seen
                       FROM alerts.members m JOIN recs r ON r.id = m.record_id
                       WHERE m.story_key IN (${matching})
                       GROUP BY m.story_key HAVING outlets >= @minOutlets`;
      const total = (this.db.prepare(`SELECT count(*) AS n FROM (${grouped})`).get(p) as { n: number }).n;
      const keys = (
        this.db
          .prepare(`${grouped} ORDER BY latest DESC NULLS LAST, seen DESC LIMIT @limit OFFSET @offset`)
          .all({ ...p, limit: page.limit, offset: page.offset }) as Array<{ key: string }>
      ).map((r) => r.key);
      const stories = this.storyViews(keys);
      const next = page.offset + stories.length < total ? page.offset + stories.length : null;
      return { stories, total, offset: page.offset, limit: page.limit, next, available: true };
    });
  }

  async deliveries(options: PageRequest & { status?: DeliveryStatusView }): Promise<DeliveryPage> {
    return this.run('deliveries', () => {
      const counts: DeliveryPage['counts'] = { pending: 0, delivered: 0, failed: 0, expired: 0 };
      const empty = {
        deliveries: [],
        counts,
        total: 0,
        offset: options.offset,
        limit: options.limit,
        next: null,
      };
      if (!this.alertsReady()) return { ...empty, available: false };
      for (const row of this.db
        .prepare(
          `SELECT status, count(*) AS n FROM alerts.deliveries WHERE status != 'merged' GROUP BY status`,
        )
        .all() as Array<{ status: DeliveryStatusView; n: number }>) {
        counts[row.status] = row.n;
      }
      const p: Params = { limit: options.limit, offset: options.offset };
      const conds = [`d.status != 'merged'`];
      if (options.status) {
        conds.push('d.status = @status');
        p.status = options.status;
      }
      const total = (
        this.db.prepare(`SELECT count(*) AS n FROM alerts.deliveries d ${where(conds)}`).get(p) as {
          n: number;
        }
      ).n;
      const rows = this.db
        .prepare(
          `SELECT d.*, coalesce(r.title, json_extract(m.summary, '$.title')) AS headline
           FROM alerts.deliveries d
           LEFT JOIN recs r ON r.id = d.record_id
           LEFT JOIN alerts.members m ON m.record_id = d.record_id
           ${where(conds)} ORDER BY d.created_at DESC, d.rowid DESC LIMIT @limit OFFSET @offset`,
        )
        .all(p) as DeliveryIndexRow[];
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

  /** The export's rows, `EXPORT_CHUNK` at a time (no statement stays open between chunks). */
  private async *chunks<T>(what: string, sql: string, p: Params): AsyncGenerator<T> {
    const bound = this.run(
      what,
      () => (this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM recs').get() as { s: number }).s,
    );
    for (let offset = 0; ; offset += EXPORT_CHUNK) {
      const rows = this.run(what, () =>
        this.db
          .prepare(`${sql} LIMIT @chunk OFFSET @offset`)
          .all({ ...p, bound, chunk: EXPORT_CHUNK, offset }),
      ) as T[];
      for (const r of rows) yield r;
      if (rows.length < EXPORT_CHUNK) return;
      // Let other requests in between chunks.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  async *exportRecords(filter: DashboardFilter): AsyncIterable<ArticleRecord> {
    const p: Params = {};
    const conds = [...matchingRecords(filter, p), 'r.seq <= @bound'];
    const sql = `SELECT s.json FROM recs r JOIN store.records s ON s.id = r.id ${where(conds)}
                 ORDER BY r.published_ms DESC, r.seq DESC`;
    for await (const row of this.chunks<{ json: string }>('export', sql, p))
      yield JSON.parse(row.json) as ArticleRecord;
  }

  async *exportFigures(filter: DashboardFilter): AsyncIterable<FigureExportRow> {
    const p: Params = {};
    const conds = [...matchingFigures(filter, p), 'f.seq <= @bound'];
    const sql = `SELECT f.*, r.id AS record_id, r.url AS record_url, r.title AS record_title, r.source_id AS record_source_id,
                        r.source_name AS record_source_name, r.language AS record_language, r.published AS record_published
                 FROM figs f JOIN recs r ON r.seq = f.seq ${where(conds)}
                 ORDER BY f.published_ms DESC, f.seq DESC, f.idx`;
    type Row = FigRow & {
      record_id: string;
      record_url: string | null;
      record_title: string | null;
      record_source_id: string;
      record_source_name: string;
      record_language: string;
      record_published: string | null;
    };
    for await (const row of this.chunks<Row>('export', sql, p)) {
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
    return this.run(
      'cursor',
      () =>
        (this.db.prepare('SELECT coalesce(max(seq), 0) AS s FROM store.records').get() as { s: number }).s,
    );
  }

  async recordsAfter(cursor: number, limit: number): Promise<{ records: ArticleRecord[]; cursor: number }> {
    return this.run('new records', () => {
      const rows = this.db
        .prepare('SELECT seq, json FROM store.records WHERE seq > ? ORDER BY seq LIMIT ?')
        .all(cursor, limit) as Array<{ seq: number; json: string }>;
      return {
        records: rows.map((r) => JSON.parse(r.json) as ArticleRecord),
        cursor: rows.length > 0 ? rows[rows.length - 1]!.seq : cursor,
      };
    });
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/**
 * Open the dashboard's queries over the store in `storeDir`, creating an empty store when there
 * is none yet (so `ui` can be opened before the first `scan`), and index what is stored.
 */
export function openSqliteDashboard(storeDir: string): SqliteDashboardQueries {
  if (!existsSync(path.join(storeDir, STORE_FILE))) openStore(storeDir).close();
  return new SqliteDashboardQueries(storeDir);
}
