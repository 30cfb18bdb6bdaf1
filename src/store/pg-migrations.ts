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
];
