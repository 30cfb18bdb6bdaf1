/**
 * The record filters shared by `seizurewatch export` and `GET /api/records`: read from strings
 * (command-line options or query parameters), validated with clear messages, turned into a
 * store query. `--seizures` output (one line per seizure, with its article's id, url, title and
 * published date) is built here too, so the CLI and the API cannot disagree.
 */
import { InputError } from '../errors.ts';
import { DRUGS } from '../records/schema.ts';
import { isoToMs, type RecordQuery } from '../records/store.ts';
import type { ArticleRecord, Seizure } from '../types.ts';

export interface RawRecordFilter {
  since?: string | undefined;
  until?: string | undefined;
  drug?: string | undefined;
  country?: string | undefined;
  minKg?: string | number | undefined;
}

export interface RecordFilter {
  since?: string;
  until?: string;
  drug?: string;
  country?: string;
  minKg?: number;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)?)?$/;

/** Longest value any filter may have; longer ones are refused, never echoed whole. */
export const MAX_FILTER_LENGTH = 100;

/** A value quoted for an error message: cut short, so a huge bad value is never echoed back. */
export function quoteValue(value: unknown): string {
  const s = String(value);
  return JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
}

/** A real calendar date/time (2025-02-30 is not), in one of the ISO shapes above. */
function isIsoDate(v: string): boolean {
  if (!ISO_DATE.test(v) || isoToMs(v) === null) return false;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(v)!;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : 1;
  const d = m[3] ? Number(m[3]) : 1;
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Validate raw filters; every problem is reported at once in one InputError. */
export function parseRecordFilter(
  raw: RawRecordFilter,
  names: Partial<Record<keyof RawRecordFilter, string>> = {},
): RecordFilter {
  const label = (k: keyof RawRecordFilter) => names[k] ?? k;
  const problems: string[] = [];
  const out: RecordFilter = {};
  const tooLong = new Set<keyof RawRecordFilter>();
  for (const key of ['since', 'until', 'drug', 'country', 'minKg'] as const) {
    const v = raw[key];
    if (typeof v === 'string' && v.length > MAX_FILTER_LENGTH) {
      problems.push(`${label(key)}: longer than ${MAX_FILTER_LENGTH} characters, got ${quoteValue(v)}`);
      tooLong.add(key);
    }
  }
  for (const key of ['since', 'until'] as const) {
    const v = raw[key];
    if (v === undefined || tooLong.has(key)) continue;
    if (!isIsoDate(v))
      problems.push(
        `${label(key)}: expected an ISO date or time (2025-09-10, 2025-09-10T13:00:00Z), got ${quoteValue(v)}`,
      );
    else out[key] = v;
  }
  if (out.since && out.until && (isoToMs(out.since) ?? 0) > (isoToMs(out.until, true) ?? 0)) {
    problems.push(`${label('since')} (${out.since}) is after ${label('until')} (${out.until})`);
  }
  if (raw.drug !== undefined && !tooLong.has('drug')) {
    const d = raw.drug.trim().toLowerCase();
    if (!(DRUGS as readonly string[]).includes(d))
      problems.push(`${label('drug')}: unknown drug ${quoteValue(raw.drug)} (one of: ${DRUGS.join(', ')})`);
    else out.drug = d;
  }
  if (raw.country !== undefined && !tooLong.has('country')) {
    const c = raw.country.trim().toUpperCase();
    if (!/^[A-Z]{2}$/.test(c))
      problems.push(
        `${label('country')}: expected an ISO 3166-1 alpha-2 code such as BE, got ${quoteValue(raw.country)}`,
      );
    else out.country = c;
  }
  if (raw.minKg !== undefined && !tooLong.has('minKg')) {
    const s = String(raw.minKg).trim();
    const n = Number(s);
    if (s === '' || !Number.isFinite(n) || n < 0)
      problems.push(`${label('minKg')}: expected a number of kilograms >= 0, got ${quoteValue(raw.minKg)}`);
    else out.minKg = n;
  }
  if (problems.length > 0) throw new InputError(problems.join('; '), { details: { problems } });
  return out;
}

export function toStoreQuery(
  filter: RecordFilter,
  extra: Pick<RecordQuery, 'limit' | 'seizureOnly'> = {},
): RecordQuery {
  return { ...filter, ...extra };
}

/** One line of `--seizures` output. */
export interface SeizureLine extends Seizure {
  recordId: string;
  url: string | null;
  title: string | null;
  published: string | null;
}

function seizureMatches(s: Seizure, f: RecordFilter): boolean {
  if (f.drug !== undefined && s.drug !== f.drug) return false;
  if (f.country !== undefined && s.country !== f.country) return false;
  if (f.minKg !== undefined && (s.kg === null || s.kg < f.minKg)) return false;
  return true;
}

/** The record's seizures that match the filter's drug/country/minKg, each with its article. */
export function seizureLines(record: ArticleRecord, filter: RecordFilter = {}): SeizureLine[] {
  return record.seizures
    .filter((s) => seizureMatches(s, filter))
    .map((s) => ({
      recordId: record.id,
      url: record.url,
      title: record.title,
      published: record.published,
      ...s,
    }));
}

/** Does a record (one just stored, for the live stream) pass the filter as the store would? */
export function recordMatches(record: ArticleRecord, filter: RecordFilter, seizureOnly = false): boolean {
  if (seizureOnly && !record.seizureStory) return false;
  const pub = isoToMs(record.published);
  if (filter.since !== undefined && (pub === null || pub < (isoToMs(filter.since) ?? 0))) return false;
  if (filter.until !== undefined && (pub === null || pub > (isoToMs(filter.until, true) ?? 0))) return false;
  if (filter.drug !== undefined || filter.country !== undefined || filter.minKg !== undefined) {
    return record.seizures.some((s) => seizureMatches(s, filter));
  }
  return true;
}
