/**
 * The page's state that belongs in the URL, so that a view can be shared: the filters, the tab,
 * the open record (and figure), and the chart settings. Read from and written to the query
 * string; the parameter names of the filters are those of the API.
 */
import { FILTER_PARAMS } from '../../src/dashboard/filter-params.ts';
import type { DashboardFilter, TimelineBucketSize } from '../../src/dashboard/types.ts';

export type View = 'overview' | 'stories' | 'alerts';
export type Measure = 'kg' | 'n';

export interface PageState {
  filter: DashboardFilter;
  view: View;
  /** Open record id and the figure to highlight in it. */
  record: string | null;
  figure: number | null;
  bucket: TimelineBucketSize;
  measure: Measure;
  /** Records list page offset. */
  offset: number;
  /** Stories: only those told by several outlets. */
  multiOutlet: boolean;
  alertStatus: string;
}

const FILTER_KEYS: ReadonlyArray<keyof DashboardFilter> = FILTER_PARAMS;

export function readState(search: string): PageState {
  const p = new URLSearchParams(search);
  const filter: DashboardFilter = {};
  const str = (k: string) => {
    const v = p.get(k);
    return v === null || v === '' ? undefined : v;
  };
  for (const k of FILTER_KEYS) {
    const v = str(k);
    if (v === undefined) continue;
    if (k === 'minKg') {
      const n = Number(v);
      if (Number.isFinite(n) && n >= 0) filter.minKg = n;
    } else if (k === 'seizureStories') {
      if (v === '1') filter.seizureStories = true;
    } else if (k === 'kind') {
      if (v === 'haul' || v === 'total') filter.kind = v;
    } else {
      (filter as Record<string, string>)[k] = v;
    }
  }
  const view = str('view');
  const figure = Number(str('figure'));
  return {
    filter,
    view: view === 'stories' || view === 'alerts' ? view : 'overview',
    record: str('record') ?? null,
    figure: Number.isInteger(figure) && figure >= 0 ? figure : null,
    bucket: str('bucket') === 'week' ? 'week' : 'month',
    measure: str('measure') === 'n' ? 'n' : 'kg',
    offset: Math.max(0, Math.floor(Number(str('offset') ?? 0)) || 0),
    multiOutlet: str('all') !== '1',
    alertStatus: str('status') ?? '',
  };
}

/** The filter as API query parameters. */
export function filterParams(filter: DashboardFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const k of FILTER_KEYS) {
    const v = filter[k];
    if (v === undefined || v === '' || v === false) continue;
    p.set(k, v === true ? '1' : String(v));
  }
  return p;
}

export function writeState(s: PageState): string {
  const p = filterParams(s.filter);
  if (s.view !== 'overview') p.set('view', s.view);
  if (s.record) p.set('record', s.record);
  if (s.record && s.figure !== null) p.set('figure', String(s.figure));
  if (s.bucket !== 'month') p.set('bucket', s.bucket);
  if (s.measure !== 'kg') p.set('measure', s.measure);
  if (s.offset > 0) p.set('offset', String(s.offset));
  if (!s.multiOutlet) p.set('all', '1');
  if (s.alertStatus) p.set('status', s.alertStatus);
  const q = p.toString();
  return q ? `?${q}` : location.pathname;
}

export function activeFilterCount(f: DashboardFilter): number {
  return FILTER_KEYS.filter((k) => f[k] !== undefined && f[k] !== false).length;
}
