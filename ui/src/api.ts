/** Calls to the dashboard API (same origin; the sign-in cookie goes with them). */
import type {
  DashboardFilter,
  DeliveryPage,
  Facets,
  MapData,
  RecordDetail,
  RecordPage,
  StoryPage,
  Summary,
  TimelineBucketSize,
  TimelineData,
} from '../../src/dashboard/types.ts';
import { filterParams } from './state.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

async function get<T>(path: string, params: URLSearchParams, signal?: AbortSignal): Promise<T> {
  const q = params.toString();
  const res = await fetch(`${path}${q ? `?${q}` : ''}`, { signal, headers: { accept: 'application/json' } });
  if (res.status === 401) {
    // The sign-in cookie is gone: the page itself asks for the token again.
    location.reload();
    throw new ApiError(401, 'signed out');
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as { message?: string; error?: string };
    throw new ApiError(res.status, body.message ?? body.error ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

function withParams(
  filter: DashboardFilter,
  extra: Record<string, string | number | undefined>,
): URLSearchParams {
  const p = filterParams(filter);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') p.set(k, String(v));
  return p;
}

export const api = {
  summary: (f: DashboardFilter, s?: AbortSignal) =>
    get<Summary>('/api/dashboard/summary', withParams(f, {}), s),
  facets: (f: DashboardFilter, s?: AbortSignal) => get<Facets>('/api/dashboard/facets', withParams(f, {}), s),
  records: (f: DashboardFilter, offset: number, limit: number, s?: AbortSignal) =>
    get<RecordPage>('/api/dashboard/records', withParams(f, { offset, limit }), s),
  record: (id: string, s?: AbortSignal) =>
    get<RecordDetail>(`/api/dashboard/records/${encodeURIComponent(id)}`, new URLSearchParams(), s),
  // The 800 largest places: more circles than that say nothing more at world scale.
  map: (f: DashboardFilter, s?: AbortSignal) =>
    get<MapData>('/api/dashboard/map', withParams(f, { limit: 800 }), s),
  timeline: (f: DashboardFilter, bucket: TimelineBucketSize, s?: AbortSignal) =>
    get<TimelineData>('/api/dashboard/timeline', withParams(f, { bucket }), s),
  stories: (f: DashboardFilter, offset: number, multiOutlet: boolean, s?: AbortSignal) =>
    get<StoryPage>(
      '/api/dashboard/stories',
      withParams(f, { offset, limit: 20, multiOutlet: multiOutlet ? 1 : 0 }),
      s,
    ),
  alerts: (status: string, offset: number, s?: AbortSignal) =>
    get<DeliveryPage>('/api/dashboard/alerts', withParams({}, { status, offset, limit: 50 }), s),
  exportUrl: (f: DashboardFilter, format: 'ndjson' | 'csv') =>
    `/api/dashboard/export?${withParams(f, { format }).toString()}`,
};
