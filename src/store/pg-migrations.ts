/**
 * The PostgreSQL schema, as numbered migrations. Each is applied once, in order, in its own
 * transaction, under an advisory lock (so many processes starting at once apply it once), and
 * recorded in `schema_migrations`. Never edit a migration that was released: add the next one.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'records, seen items, feed state, story clusters, deliveries, leases',
    sql: `
      CREATE TABLE seen_urls (
        url TEXT PRIMARY KEY,
        feed_id TEXT,
        guid TEXT,
        record_id TEXT,
        seen_at TEXT NOT NULL
      );
      CREATE TABLE seen_guids (
        feed_id TEXT NOT NULL,
        guid TEXT NOT NULL,
        url TEXT NOT NULL,
        seen_at TEXT NOT NULL,
        PRIMARY KEY (feed_id, guid)
      );
      CREATE TABLE records (
        id TEXT PRIMARY KEY,
        seq BIGSERIAL NOT NULL UNIQUE,
        url TEXT,
        published TEXT,
        published_ms BIGINT,
        seizure_story BOOLEAN NOT NULL,
        stored_at TEXT NOT NULL,
        emitted BOOLEAN NOT NULL DEFAULT FALSE,
        -- the record as JSON text: its field order is kept (jsonb would reorder it)
        json TEXT NOT NULL
      );
      CREATE INDEX records_published ON records (published_ms);
      CREATE INDEX records_unemitted ON records (seq) WHERE NOT emitted;
      CREATE TABLE record_seizures (
        record_id TEXT NOT NULL REFERENCES records (id) ON DELETE CASCADE,
        drug TEXT NOT NULL,
        country TEXT,
        kg DOUBLE PRECISION
      );
      CREATE INDEX record_seizures_record ON record_seizures (record_id);
      CREATE INDEX record_seizures_drug ON record_seizures (drug);
      CREATE TABLE feed_state (
        feed_id TEXT PRIMARY KEY,
        url TEXT,
        etag TEXT,
        last_modified TEXT,
        next_poll_at TEXT,
        failures INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_status INTEGER,
        last_polled_at TEXT,
        last_success_at TEXT
      );
      CREATE TABLE leases (
        name TEXT PRIMARY KEY,
        holder TEXT NOT NULL,
        until_ms BIGINT NOT NULL
      );
      CREATE TABLE story_members (
        record_id TEXT PRIMARY KEY,
        story_key TEXT NOT NULL,
        seen_at BIGINT NOT NULL,
        mseq BIGSERIAL NOT NULL,
        features TEXT NOT NULL,
        summary TEXT NOT NULL
      );
      CREATE INDEX story_members_story ON story_members (story_key, seen_at);
      CREATE INDEX story_members_seen ON story_members (seen_at);
      CREATE TABLE story_doc_freq (term TEXT PRIMARY KEY, n INTEGER NOT NULL);
      CREATE TABLE story_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
      CREATE TABLE deliveries (
        id TEXT PRIMARY KEY,
        story_key TEXT NOT NULL,
        channel TEXT NOT NULL,
        rule TEXT NOT NULL,
        record_id TEXT NOT NULL,
        status TEXT NOT NULL,
        created_at BIGINT NOT NULL,
        not_before BIGINT NOT NULL,
        expires_at BIGINT NOT NULL,
        next_attempt_at BIGINT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        lease_until BIGINT,
        last_status INTEGER,
        last_error TEXT,
        delivered_at BIGINT,
        UNIQUE (story_key, channel)
      );
      CREATE INDEX deliveries_due ON deliveries (status, next_attempt_at);
      CREATE TABLE delivery_attempts (
        delivery_id TEXT NOT NULL,
        attempt INTEGER NOT NULL,
        at BIGINT NOT NULL,
        outcome TEXT NOT NULL,
        status INTEGER,
        error TEXT,
        duration_ms INTEGER NOT NULL
      );
      CREATE INDEX delivery_attempts_delivery ON delivery_attempts (delivery_id);
    `,
  },
  {
    version: 2,
    name: 'pending and failed feed items (issue 15: nothing lost behind a 304; issue 12: give-up)',
    sql: `
      CREATE TABLE pending_items (
        url TEXT PRIMARY KEY,
        feed_id TEXT NOT NULL,
        item TEXT NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        queued_at TEXT NOT NULL,
        pseq BIGSERIAL NOT NULL
      );
      CREATE INDEX pending_items_feed ON pending_items (feed_id, pseq);
      CREATE TABLE failed_items (
        url TEXT PRIMARY KEY,
        id TEXT NOT NULL,
        feed_id TEXT NOT NULL,
        guid TEXT,
        title TEXT,
        item TEXT NOT NULL,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        failed_at TEXT NOT NULL
      );
      CREATE INDEX failed_items_id ON failed_items (id);
    `,
  },
  {
    version: 3,
    name: 'dashboard index: records and figures as the dashboard queries them, full-text terms',
    // Derived from `records` by src/dashboard/pg-queries.ts (which owns these tables): a trigger
    // queues each stored record in dash_pending in the transaction that stores it, and the
    // dashboard indexes the queue before it answers (any process, SKIP LOCKED).
    sql: `
      CREATE TABLE dash_pending (seq BIGINT PRIMARY KEY);
      INSERT INTO dash_pending (seq) SELECT seq FROM records;
      CREATE FUNCTION dash_enqueue_record() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO dash_pending (seq) VALUES (NEW.seq) ON CONFLICT DO NOTHING;
        RETURN NULL;
      END $$;
      CREATE TRIGGER records_dash_enqueue AFTER INSERT ON records
        FOR EACH ROW EXECUTE FUNCTION dash_enqueue_record();
      CREATE TABLE dash_meta (key TEXT PRIMARY KEY, value BIGINT NOT NULL);
      INSERT INTO dash_meta (key, value) VALUES ('indexed', 0), ('version', 0);
      CREATE TABLE dash_records (
        seq BIGINT PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        published_ms BIGINT,
        published TEXT,
        language TEXT NOT NULL,
        source_id TEXT NOT NULL,
        source_name TEXT NOT NULL,
        title TEXT,
        url TEXT,
        seizure_story BOOLEAN NOT NULL,
        -- headline, teaser and text as folded words (no parser, no stemming: prefix search)
        terms TSVECTOR NOT NULL
      );
      CREATE INDEX dash_records_order ON dash_records (published_ms DESC NULLS LAST, seq DESC);
      CREATE INDEX dash_records_terms ON dash_records USING GIN (terms);
      CREATE TABLE dash_figures (
        seq BIGINT NOT NULL REFERENCES dash_records (seq) ON DELETE CASCADE,
        idx INTEGER NOT NULL,
        drug TEXT NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        unit TEXT NOT NULL,
        kg DOUBLE PRECISION,
        count DOUBLE PRECISION,
        count_unit TEXT,
        location TEXT,
        country TEXT,
        lat DOUBLE PRECISION,
        lon DOUBLE PRECISION,
        approx BOOLEAN NOT NULL,
        period TEXT,
        aggregate BOOLEAN NOT NULL,
        is_record BOOLEAN NOT NULL,
        attribution TEXT,
        confidence DOUBLE PRECISION,
        evidence TEXT NOT NULL,
        summary TEXT NOT NULL,
        -- the record's columns again, so that aggregates need no join
        published_ms BIGINT,
        language TEXT NOT NULL,
        source_id TEXT NOT NULL,
        seizure_story BOOLEAN NOT NULL,
        PRIMARY KEY (seq, idx)
      );
      CREATE INDEX dash_figures_drug ON dash_figures (drug);
      CREATE INDEX dash_figures_country ON dash_figures (country);
      CREATE INDEX dash_figures_published ON dash_figures (published_ms);
      CREATE INDEX dash_figures_place ON dash_figures (lower(location));
    `,
  },
];
