/**
 * What every DashboardQueries implementation builds the same way from its rows: a story's view
 * from its members' summaries, a figure's stored form from its index row, dates as ISO text.
 */
import { figureSummary, type RecordSummary } from '../alerts/alert.ts';
import { storyInfoOfMembers } from '../alerts/stories.ts';
import { isoToMs } from '../records/store.ts';
import type { Seizure } from '../types.ts';
import type { StoredSeizure } from './queries.ts';
import type { StoryView } from './types.ts';

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
