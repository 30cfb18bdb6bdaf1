/**
 * The dashboard page: header with the views and the live status, the filter bar, then the
 * overview (map, timeline, records or one record), the stories, or the alert deliveries. All
 * state worth sharing lives in the URL (state.ts); data comes from /api/dashboard/* and new
 * records from /api/records/stream.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type {
  DashboardFilter,
  DeliveryPage,
  Facets,
  MapData,
  RecordDetail,
  RecordPage,
  StoryPage,
  Summary,
  TimelineData,
} from '../../src/dashboard/types.ts';
import { Alerts } from './Alerts.tsx';
import { api } from './api.ts';
import { Filters } from './Filters.tsx';
import { formatCount, formatDate, formatKg } from './format.ts';
import { MapView } from './MapView.tsx';
import { RecordList, RecordView } from './Records.tsx';
import { Stories } from './Stories.tsx';
import { type PageState, readState, type View, writeState } from './state.ts';
import { Timeline } from './Timeline.tsx';

const PAGE = 25;

function isAbort(e: unknown): boolean {
  return (e as Error)?.name === 'AbortError';
}

export function App() {
  const [state, setState] = useState<PageState>(() => readState(location.search));
  const [summary, setSummary] = useState<Summary | null>(null);
  const [facets, setFacets] = useState<Facets | null>(null);
  const [mapData, setMapData] = useState<MapData | null>(null);
  const [timeline, setTimeline] = useState<TimelineData | null>(null);
  const [records, setRecords] = useState<RecordPage | null>(null);
  const [detail, setDetail] = useState<RecordDetail | null>(null);
  const [detailError, setDetailError] = useState<string | null>(null);
  const [stories, setStories] = useState<StoryPage | null>(null);
  const [storiesOffset, setStoriesOffset] = useState(0);
  const [alerts, setAlerts] = useState<DeliveryPage | null>(null);
  const [alertsOffset, setAlertsOffset] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [live, setLive] = useState<'connecting' | 'live' | 'reconnecting'>('connecting');
  const [announce, setAnnounce] = useState('');
  const [version, setVersion] = useState(0);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [shapesReady, setShapesReady] = useState(false);
  const marked = useRef(false);

  const update = useCallback((patch: Partial<PageState>, push = false) => {
    setState((s) => {
      const next = { ...s, ...patch };
      const url = writeState(next);
      if (push) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
      return next;
    });
  }, []);

  useEffect(() => {
    const onPop = () => setState(readState(location.search));
    addEventListener('popstate', onPop);
    return () => removeEventListener('popstate', onPop);
  }, []);

  const setFilter = (patch: Partial<DashboardFilter>) => {
    const filter = { ...state.filter, ...patch };
    for (const k of Object.keys(filter) as Array<keyof DashboardFilter>)
      if (filter[k] === undefined) delete filter[k];
    update({ filter, offset: 0 });
    setStoriesOffset(0);
  };

  const fail = (e: unknown) => {
    if (!isAbort(e)) setError((e as Error).message);
  };

  // Overview data: whenever the filter, the page, the bucket or the store (live) changes.
  const filterKey = JSON.stringify(state.filter);
  useEffect(() => {
    const ac = new AbortController();
    const f = state.filter;
    setError(null);
    api.summary(f, ac.signal).then(setSummary, fail);
    api.facets(f, ac.signal).then(setFacets, fail);
    api.map(f, ac.signal).then(setMapData, fail);
    api.records(f, state.offset, PAGE, ac.signal).then(setRecords, fail);
    return () => ac.abort();
  }, [filterKey, state.offset, version]);
  useEffect(() => {
    const ac = new AbortController();
    api.timeline(state.filter, state.bucket, ac.signal).then(setTimeline, fail);
    return () => ac.abort();
  }, [filterKey, state.bucket, version]);

  useEffect(() => {
    if (!state.record) {
      setDetail(null);
      setDetailError(null);
      return;
    }
    const ac = new AbortController();
    setDetailError(null);
    if (detail?.record.id !== state.record) setDetail(null);
    api.record(state.record, ac.signal).then(setDetail, (e) => {
      if (!isAbort(e))
        setDetailError((e as Error).message === 'not found' ? 'No such record.' : (e as Error).message);
    });
    return () => ac.abort();
  }, [state.record]);

  useEffect(() => {
    if (state.view !== 'stories') return;
    const ac = new AbortController();
    api.stories(state.filter, storiesOffset, state.multiOutlet, ac.signal).then(setStories, fail);
    return () => ac.abort();
  }, [state.view, filterKey, storiesOffset, state.multiOutlet, version]);

  useEffect(() => {
    if (state.view !== 'alerts') return;
    const ac = new AbortController();
    api.alerts(state.alertStatus, alertsOffset, ac.signal).then(setAlerts, fail);
    return () => ac.abort();
  }, [state.view, state.alertStatus, alertsOffset, version]);

  // Live: every record stored is announced, marked new, and the views refresh (debounced).
  useEffect(() => {
    const es = new EventSource('/api/records/stream');
    let timer: number | undefined;
    es.onopen = () => setLive('live');
    es.onerror = () => setLive('reconnecting');
    es.addEventListener('record', (ev) => {
      try {
        const r = JSON.parse((ev as MessageEvent<string>).data) as { id: string; title: string | null };
        setFresh((s) => new Set(s).add(r.id));
        setAnnounce(`New record: ${r.title ?? r.id}`);
      } catch {}
      window.clearTimeout(timer);
      timer = window.setTimeout(() => setVersion((v) => v + 1), 300);
    });
    return () => {
      window.clearTimeout(timer);
      es.close();
    };
  }, []);

  // For the bench and the tests: the moment the first data and the map are on screen.
  useEffect(() => {
    if (marked.current || !records || !mapData || !summary || (!shapesReady && state.view === 'overview'))
      return;
    marked.current = true;
    requestAnimationFrame(() => {
      performance.mark('sw-first-data');
      document.documentElement.dataset.ready = '1';
    });
  }, [records, mapData, summary, shapesReady, state.view]);

  const openRecord = (id: string, figure?: number) =>
    update({ record: id, figure: figure ?? null, view: 'overview' }, true);
  const go = (view: View) => (e: Event) => {
    e.preventDefault();
    update({ view, record: view === 'overview' ? state.record : null }, true);
  };

  const s = summary;
  return (
    <>
      <a class="skip" href="#main">
        Skip to the dashboard
      </a>
      <header class="top">
        <div class="brand">
          <span class="logo" aria-hidden="true">
            ◉
          </span>
          <div>
            <p class="name">seizurewatch</p>
            <p class="tagline">drug-seizure stories, with their evidence</p>
          </div>
        </div>
        <nav class="views" aria-label="Views">
          {(['overview', 'stories', 'alerts'] as const).map((v) => (
            <a
              key={v}
              href={writeState({ ...state, view: v, record: null })}
              aria-current={state.view === v ? 'page' : undefined}
              onClick={go(v)}
            >
              {v === 'overview' ? 'Overview' : v === 'stories' ? 'Stories' : 'Alerts'}
            </a>
          ))}
        </nav>
        <p class={`live ${live}`} title="New records appear without a reload">
          <span aria-hidden="true">●</span>{' '}
          {live === 'live' ? 'Live' : live === 'connecting' ? 'Connecting…' : 'Reconnecting…'}
        </p>
      </header>
      <div class="visually-hidden" aria-live="polite">
        {announce}
      </div>
      <main id="main">
        <h1 class="visually-hidden">seizurewatch newsroom dashboard</h1>
        <Filters
          filter={state.filter}
          facets={facets}
          onChange={setFilter}
          onReset={() => update({ filter: {}, offset: 0 })}
        />
        {error && (
          <p class="error" role="alert">
            {error}
          </p>
        )}
        <section class="summary" aria-label="Summary of the matching records">
          <dl>
            <div>
              <dt>Records</dt>
              <dd data-testid="records-count">{s ? formatCount(s.records) : '…'}</dd>
            </div>
            <div>
              <dt>Seizure stories</dt>
              <dd>{s ? formatCount(s.seizureStories) : '…'}</dd>
            </div>
            <div>
              <dt>Figures</dt>
              <dd>{s ? formatCount(s.figures) : '…'}</dd>
            </div>
            <div>
              <dt>Seized (reported)</dt>
              <dd>{s ? formatKg(s.kg) : '…'}</dd>
            </div>
            <div class="span">
              <dt>Published</dt>
              <dd>{s?.first ? `${formatDate(s.first)} – ${formatDate(s.last)}` : '–'}</dd>
            </div>
          </dl>
          <div class="tools">
            <fieldset class="toggle">
              <legend>Measure</legend>
              <label>
                <input
                  type="radio"
                  name="measure"
                  checked={state.measure === 'kg'}
                  onChange={() => update({ measure: 'kg' })}
                />
                kg
              </label>
              <label>
                <input
                  type="radio"
                  name="measure"
                  checked={state.measure === 'n'}
                  onChange={() => update({ measure: 'n' })}
                />
                figures
              </label>
            </fieldset>
            <p class="export">
              Export:{' '}
              <a href={api.exportUrl(state.filter, 'ndjson')} download>
                NDJSON
              </a>{' '}
              <a href={api.exportUrl(state.filter, 'csv')} download>
                CSV
              </a>
            </p>
          </div>
        </section>

        {state.view === 'overview' && (
          <div class="overview">
            <div class="viz">
              <section class="panel map-panel" aria-labelledby="map-title">
                <h2 id="map-title">Map</h2>
                <MapView
                  data={mapData}
                  measure={state.measure}
                  onOpen={(id, figure) => openRecord(id, figure)}
                  onPlace={(place) =>
                    update({ filter: { ...state.filter, place }, offset: 0, record: null }, true)
                  }
                  onShapes={() => setShapesReady(true)}
                  selected={state.record}
                />
              </section>
              <section class="panel" aria-labelledby="timeline-title">
                <div class="panel-head">
                  <h2 id="timeline-title">Timeline</h2>
                  <fieldset class="toggle">
                    <legend class="visually-hidden">Bucket</legend>
                    <label>
                      <input
                        type="radio"
                        name="bucket"
                        checked={state.bucket === 'month'}
                        onChange={() => update({ bucket: 'month' })}
                      />
                      per month
                    </label>
                    <label>
                      <input
                        type="radio"
                        name="bucket"
                        checked={state.bucket === 'week'}
                        onChange={() => update({ bucket: 'week' })}
                      />
                      per week
                    </label>
                  </fieldset>
                  {(state.filter.since || state.filter.until) && (
                    <button
                      type="button"
                      class="secondary"
                      onClick={() => setFilter({ since: undefined, until: undefined })}
                    >
                      Clear dates
                    </button>
                  )}
                </div>
                <Timeline
                  data={timeline}
                  measure={state.measure}
                  since={state.filter.since}
                  until={state.filter.until}
                  onRange={(since, until) => setFilter({ since, until })}
                />
              </section>
            </div>
            <div class="side">
              <section class="panel records-panel" aria-labelledby="records-title">
                {state.record ? (
                  <RecordView
                    detail={detail}
                    error={detailError}
                    figure={state.figure}
                    onFigure={(i) => update({ figure: i })}
                    onClose={() => update({ record: null, figure: null }, true)}
                    onOpen={(id) => openRecord(id)}
                  />
                ) : (
                  <>
                    <h2 id="records-title">Records</h2>
                    <RecordList
                      page={records}
                      fresh={fresh}
                      onOpen={(id) => openRecord(id)}
                      onPage={(offset) => update({ offset })}
                    />
                  </>
                )}
              </section>
            </div>
          </div>
        )}
        {state.view === 'stories' && (
          <Stories
            page={stories}
            multiOutlet={state.multiOutlet}
            onMultiOutlet={(v) => {
              setStoriesOffset(0);
              update({ multiOutlet: v });
            }}
            onOpen={(id) => openRecord(id)}
            onPage={setStoriesOffset}
          />
        )}
        {state.view === 'alerts' && (
          <Alerts
            page={alerts}
            status={state.alertStatus}
            onStatus={(st) => {
              setAlertsOffset(0);
              update({ alertStatus: st });
            }}
            onOpen={(id) => openRecord(id)}
            onPage={setAlertsOffset}
          />
        )}
      </main>
      <footer class="foot">
        {s ? `${formatCount(s.stored)} records in the store.` : ''} Figures as the articles report them:
        totals and the hauls inside them both count.
      </footer>
    </>
  );
}
