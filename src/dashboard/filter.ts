/**
 * Query parameters of `/api/dashboard/*`, validated strictly: every parameter must be known to
 * the endpoint, given once, and of the right shape; anything else is a 400 listing every
 * problem. Bad values are quoted only when short (a long value is described by its length).
 */
import { InputError } from '../errors.ts';
import { DRUGS } from '../records/schema.ts';
import { isoToMs } from '../records/store.ts';
import { FILTER_PARAMS } from './filter-params.ts';
import type { DashboardFilter, TimelineBucketSize } from './types.ts';

export { FILTER_PARAMS };

const MAX_Q = 200;
const MAX_PLACE = 120;
const MAX_QUOTED = 40;

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function quote(v: string): string {
  return v.length <= MAX_QUOTED ? `"${v}"` : `(a value of ${v.length} characters)`;
}

function validDate(v: string): boolean {
  if (!ISO.test(v) || isoToMs(v) === null) return false;
  const [y, m, d] = v.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export interface ParsedQuery {
  filter: DashboardFilter;
  /** The endpoint's own parameters (limit, offset, bucket ...), as given. */
  extra: Record<string, string>;
}

/**
 * Read `query` (fastify's parsed query string) for an endpoint that takes the filter plus
 * `extraNames`. Throws one InputError with every problem.
 */
export function parseDashboardQuery(query: unknown, extraNames: readonly string[] = []): ParsedQuery {
  const problems: string[] = [];
  const raw: Record<string, string> = {};
  const known = new Set<string>([...FILTER_PARAMS, ...extraNames]);
  for (const [key, value] of Object.entries((query ?? {}) as Record<string, unknown>)) {
    const name = key.length <= MAX_QUOTED ? key : `${key.slice(0, MAX_QUOTED)}...`;
    if (!known.has(key)) {
      problems.push(`unknown parameter ${quote(name)}`);
      continue;
    }
    if (typeof value !== 'string') {
      problems.push(`${name}: give it once`);
      continue;
    }
    raw[key] = value;
  }
  const filter: DashboardFilter = {};
  const take = (k: string): string | undefined => {
    const v = raw[k];
    return v === undefined || v === '' ? undefined : v;
  };
  const q = take('q');
  if (q !== undefined) {
    if (q.length > MAX_Q) problems.push(`q: at most ${MAX_Q} characters`);
    else if (searchTerms(q).length === 0) problems.push('q: needs at least one letter or digit');
    else filter.q = q;
  }
  const drug = take('drug');
  if (drug !== undefined) {
    if (!(DRUGS as readonly string[]).includes(drug)) problems.push(`drug: unknown drug ${quote(drug)}`);
    else filter.drug = drug;
  }
  const country = take('country');
  if (country !== undefined) {
    if (!/^[A-Z]{2}$/.test(country))
      problems.push(`country: expected a code such as BE, got ${quote(country)}`);
    else filter.country = country;
  }
  const minKg = take('minKg');
  if (minKg !== undefined) {
    const n = Number(minKg);
    if (!/^\d+(\.\d+)?$/.test(minKg) || !Number.isFinite(n))
      problems.push(`minKg: expected a number of kilograms >= 0, got ${quote(minKg)}`);
    else filter.minKg = n;
  }
  const kind = take('kind');
  if (kind !== undefined) {
    if (kind !== 'haul' && kind !== 'total')
      problems.push(`kind: expected haul or total, got ${quote(kind)}`);
    else filter.kind = kind;
  }
  const place = take('place');
  if (place !== undefined) {
    if (place.length > MAX_PLACE) problems.push(`place: at most ${MAX_PLACE} characters`);
    else filter.place = place;
  }
  for (const k of ['since', 'until'] as const) {
    const v = take(k);
    if (v === undefined) continue;
    if (!validDate(v)) problems.push(`${k}: expected an ISO date such as 2025-09-10, got ${quote(v)}`);
    else filter[k] = v;
  }
  if (filter.since && filter.until && isoToMs(filter.since)! > isoToMs(filter.until, true)!) {
    problems.push(`since (${filter.since}) is after until (${filter.until})`);
  }
  const lang = take('lang');
  if (lang !== undefined) {
    if (!/^[a-z]{2,3}$/.test(lang))
      problems.push(`lang: expected a language code such as en, got ${quote(lang)}`);
    else filter.lang = lang;
  }
  const source = take('source');
  if (source !== undefined) {
    if (!/^[a-z0-9][a-z0-9._-]{0,63}$/.test(source))
      problems.push(`source: expected an outlet id, got ${quote(source)}`);
    else filter.source = source;
  }
  const stories = take('seizureStories');
  if (stories !== undefined) {
    if (stories !== '1' && stories !== '0')
      problems.push(`seizureStories: expected 1 or 0, got ${quote(stories)}`);
    else if (stories === '1') filter.seizureStories = true;
  }
  if (problems.length > 0) throw new InputError(problems.join('; '), { details: { problems } });
  const extra: Record<string, string> = {};
  for (const k of extraNames) if (raw[k] !== undefined) extra[k] = raw[k];
  return { filter, extra };
}

/** An integer parameter in [min, max], or the fallback when absent. */
export function intParam(
  value: string | undefined,
  name: string,
  min: number,
  max: number,
  fallback: number,
): number {
  if (value === undefined || value === '') return fallback;
  if (!/^\d{1,9}$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new InputError(`${name}: expected an integer from ${min} to ${max}, got ${quote(value)}`);
  }
  return Number(value);
}

/** One of the given words, or the fallback when absent. */
export function enumParam<T extends string>(
  value: string | undefined,
  name: string,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined || value === '') return fallback;
  if (!(allowed as readonly string[]).includes(value)) {
    throw new InputError(`${name}: expected one of ${allowed.join(', ')}, got ${quote(value)}`);
  }
  return value as T;
}

export const BUCKETS: readonly TimelineBucketSize[] = ['week', 'month'];

/** The words of a search, as the full-text index splits them (letters and digits), at most 12. */
export function searchTerms(q: string): string[] {
  return (
    q
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 12);
}
