/**
 * What only the PostgreSQL dashboard index has to get right (the shared behaviour is the
 * contract in queries.test.ts): several processes indexing at once, a record whose transaction
 * commits after one stored later, records stored before the index's migration.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgDashboardQueries, searchQuery } from '../../src/dashboard/pg-queries.ts';
import { MIGRATIONS } from '../../src/store/pg-migrations.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.ts';
import { testRecord, testSeizure } from '../helpers/records.ts';

function haul(id: string, i: number) {
  return testRecord(id, {
    published: new Date(Date.UTC(2025, 0, 1) + i * 3_600_000).toISOString(),
    text: `Officers at Santos found ${i + 1} kg of cocaine in a container of coffee.`,
    seizures: [
      testSeizure({ amount: { value: i + 1, unit: 'kg' }, kg: i + 1, location: 'Santos', country: 'BR' }),
    ],
    places: [{ name: 'Santos', kind: 'port', country: 'BR', lat: -23.96, lon: -46.33 }],
  });
}

describe('PostgreSQL dashboard index', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase('sw_dashpg');
  });
  afterAll(async () => {
    await db?.drop();
  });

  it('searches every word as a prefix, folded, with nothing a tsquery would read as syntax', () => {
    expect(searchQuery("Cádiz  o'brien & | !x:*")).toBe("'cadiz':* & 'o':* & 'brien':* & 'x':*");
  });

  it('indexes records stored before its migration, once, however many processes start at once', async () => {
    // A database at schema 1 with records in it, as an older seizurewatch left it.
    const pool = new pg.Pool({ connectionString: db.url });
    try {
      await pool.query(MIGRATIONS[0]!.sql);
      await pool.query(
        `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now());
         INSERT INTO schema_migrations (version, name) VALUES (1, 'v1')`,
      );
      for (let i = 0; i < 30; i++) {
        const r = haul(`old-${i}`, i);
        await pool.query(
          `INSERT INTO records (id, url, published, published_ms, seizure_story, stored_at, json) VALUES ($1, $2, $3, $4, TRUE, $5, $6)`,
          [r.id, r.url, r.published, Date.parse(r.published!), r.published, JSON.stringify(r)],
        );
      }
    } finally {
      await pool.end();
    }
    const stores = await Promise.all([0, 1, 2].map(() => PostgresStore.open(db.url)));
    try {
      const dashboards = await Promise.all(stores.map((s) => PgDashboardQueries.open(s.pool)));
      // More stored meanwhile, in batches larger than one sync takes: all three index at once.
      await Promise.all(
        Array.from({ length: 1200 }, (_, i) => stores[i % 3]!.insertRecord(haul(`new-${i}`, 30 + i))),
      );
      const summaries = await Promise.all(dashboards.map((d) => d.summary({ drug: 'cocaine' })));
      for (const s of summaries) expect(s).toMatchObject({ stored: 1230, records: 1230, figures: 1230 });
      const { rows } = await stores[0]!.pool.query<{ n: number; figs: number; pending: number }>(
        `SELECT (SELECT count(*) FROM dash_records)::int AS n, (SELECT count(*) FROM dash_figures)::int AS figs,
                (SELECT count(*) FROM dash_pending)::int AS pending`,
      );
      expect(rows[0]).toEqual({ n: 1230, figs: 1230, pending: 0 });
      expect((await dashboards[1]!.records({ q: 'coffee santos' }, { offset: 0, limit: 1 })).total).toBe(
        1230,
      );
      const oldest = await dashboards[2]!.records({ until: '2025-01-01T00:30:00Z' }, { offset: 0, limit: 5 });
      expect(oldest.rows.map((r) => r.id)).toEqual(['old-0']);
      // Exports page by key past their 500-row chunks: every row once, newest first.
      const recs: string[] = [];
      for await (const r of dashboards[0]!.exportRecords({ q: 'coffee' })) recs.push(r.published!);
      expect(recs).toHaveLength(1230);
      expect([...recs].sort().reverse()).toEqual(recs);
      const figs = new Set<string>();
      for await (const f of dashboards[0]!.exportFigures({ country: 'BR' })) figs.add(f.record.id);
      expect(figs.size).toBe(1230);
    } finally {
      await Promise.all(stores.map((s) => s.close()));
    }
  });

  it('finds a record whose transaction commits after one stored later (indexed and streamed live)', async () => {
    const store = await PostgresStore.open(db.url);
    const dash = await PgDashboardQueries.open(store.pool);
    const slow = new pg.Client({ connectionString: db.url });
    await slow.connect();
    try {
      let cursor = await dash.latestCursor();
      const late = testRecord('late-commit', { text: 'Stored in a slow transaction at Callao.' });
      await slow.query('BEGIN');
      // Takes its seq now, becomes visible at COMMIT (as insertRecord's transaction does).
      await slow.query(
        `INSERT INTO records (id, url, published, published_ms, seizure_story, stored_at, json) VALUES ($1, $2, NULL, NULL, TRUE, $3, $4)`,
        [late.id, late.url, new Date().toISOString(), JSON.stringify(late)],
      );
      await store.insertRecord(testRecord('quick-commit', { text: 'Stored at once at Callao.' }));
      const first = await dash.recordsAfter(cursor, 100);
      expect(first.records.map((r) => r.id)).toEqual(['quick-commit']);
      cursor = first.cursor;
      expect((await dash.records({ q: 'callao' }, { offset: 0, limit: 5 })).rows.map((r) => r.id)).toEqual([
        'quick-commit',
      ]);
      await slow.query('COMMIT');
      const second = await dash.recordsAfter(cursor, 100);
      expect(second.records.map((r) => r.id)).toEqual(['late-commit']);
      expect(second.cursor).toBe(cursor);
      expect((await dash.recordsAfter(second.cursor, 100)).records).toEqual([]);
      expect(
        (await dash.records({ q: 'callao' }, { offset: 0, limit: 5 })).rows.map((r) => r.id).sort(),
      ).toEqual(['late-commit', 'quick-commit']);
    } finally {
      await slow.end();
      await dash.close();
      await store.close();
    }
  });
});
