/**
 * What every DashboardQueries implementation builds the same way from its rows: a story's view
 * from its members' summaries, a figure's stored form from its index row, dates as ISO text.
 */
import { figureSummary, type RecordSummary } from '../alerts/alert.ts';
import { storyInfoOfMembers } from '../alerts/stories.ts';
import { SeizurewatchError } from '../errors.ts';
import { isoToMs } from '../records/store.ts';
import type { Seizure } from '../types.ts';
import type { StoredSeizure } from './queries.ts';
import type { DashboardFilter, DeliveryStatusView, DeliveryView, StoryView } from './types.ts';

/** A query that failed, as every implementation reports it. */
export function queryError(what: string, cause: unknown): SeizurewatchError {
  return new SeizurewatchError('STORE_FAILED', `dashboard: ${what}: ${(cause as Error)?.message ?? cause}`, {
    cause,
    retryable: true,
  });
}

/** The filter without one of its keys (a facet counts over the other filters). */
export function without(f: DashboardFilter, key: keyof DashboardFilter): DashboardFilter {
  const copy = { ...f };
  delete copy[key];
  return copy;
}

/** A WHERE clause of the conditions, or nothing. */
export function where(conds: string[]): string {
  return conds.length > 0 ? `WHERE ${conds.join(' AND ')}` : '';
}

/** An alert delivery with its headline (SQLite: times as numbers; PostgreSQL: BIGINT as text). */
export interface DeliveryIndexRow {
  id: string;
  story_key: string;
  channel: string;
  rule: string;
  record_id: string;
  status: DeliveryStatusView;
  created_at: number | string;
  next_attempt_at: number | string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  delivered_at: number | string | null;
  headline: string | null;
}

export function deliveryView(d: DeliveryIndexRow): DeliveryView {
  return {
    id: d.id,
    channel: d.channel,
    rule: d.rule,
    status: d.status,
    attempts: d.attempts,
    lastStatus: d.last_status,
    lastError: d.last_error,
    createdAt: iso(Number(d.created_at))!,
    deliveredAt: iso(d.delivered_at === null ? null : Number(d.delivered_at)),
    nextAttemptAt: d.status === 'pending' ? iso(Number(d.next_attempt_at)) : null,
    storyKey: d.story_key,
    recordId: d.record_id,
    headline: d.headline,
  };
}

/** A figure as the dashboard's index keeps it (SQLite: 0/1 for the flags; PostgreSQL: booleans). */
export interface FigureIndexRow {
  seq: number;
  idx: number;
  drug: string;
  value: number;
  unit: string;
  kg: number | null;
  count: number | null;
  count_unit: string | null;
  location: string | null;
  country: string | null;
  lat: number | null;
  lon: number | null;
  approx: number | boolean;
  period: string | null;
  aggregate: number | boolean;
  is_record: number | boolean;
  attribution: string | null;
  confidence: number | null;
  evidence: string;
}

export function iso(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}

/** A flag of an index row: SQLite gives 0 or 1, PostgreSQL a boolean. */
export function flag(v: number | boolean): boolean {
  return v === true || v === 1;
}

export function seizureOfRow(r: FigureIndexRow): StoredSeizure {
  return {
    drug: r.drug as Seizure['drug'],
    amount: { value: r.value, unit: r.unit as Seizure['amount']['unit'] },
    kg: r.kg,
    count: r.count,
    countUnit: r.count_unit as Seizure['countUnit'],
    location: r.location,
    country: r.country,
    period: r.period,
    aggregate: flag(r.aggregate),
    record: flag(r.is_record),
    attribution: r.attribution,
    evidence: r.evidence,
    ...(r.confidence !== null ? { confidence: r.confidence } : {}),
  };
}

export function storyView(key: string, members: RecordSummary[]): StoryView {
  const info = storyInfoOfMembers(key, members);
  const byId = new Map(members.map((m) => [m.id, m]));
  const dates = members.map((m) => isoToMs(m.published)).filter((v): v is number => v !== null);
  return {
    key,
    headline: members[0]?.title ?? null,
    reports: info.reports.map((r) => ({
      ...r,
      figures: (byId.get(r.recordId)?.seizures ?? []).map((s) => figureSummary(s)),
    })),
    alsoReportedBy: info.alsoReportedBy,
    disagreements: info.disagreements,
    latest: dates.length > 0 ? iso(Math.max(...dates)) : null,
  };
}
