/**
 * The timeline: figures reported per week or month (by publication date), stacked by drug, as
 * kg or as number of figures. Drag across it (or click one bar) to set the date filter for the
 * rest of the page; the date fields of the filter bar do the same from the keyboard.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { TimelineBucketSize, TimelineData } from '../../src/dashboard/types.ts';
import { drugColour, drugName, formatCount, formatKg, formatMonth } from './format.ts';
import type { Measure } from './state.ts';

const HEIGHT = 132;
const PAD = { left: 52, right: 8, top: 6, bottom: 22 };
const DAY = 86_400_000;

function bucketStarts(first: number, last: number, size: TimelineBucketSize): number[] {
  const out: number[] = [];
  let t = first;
  while (t <= last && out.length < 2000) {
    out.push(t);
    if (size === 'week') t += 7 * DAY;
    else {
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
  }
  return out;
}

function nextStart(t: number, size: TimelineBucketSize): number {
  if (size === 'week') return t + 7 * DAY;
  const d = new Date(t);
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

function niceMax(v: number): number {
  if (v <= 0) return 1;
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}

function iso(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export interface TimelineProps {
  data: TimelineData | null;
  measure: Measure;
  since?: string | undefined;
  until?: string | undefined;
  onRange: (since: string | undefined, until: string | undefined) => void;
}

export function Timeline({ data, measure, since, until, onRange }: TimelineProps) {
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [brush, setBrush] = useState<{ a: number; b: number } | null>(null);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(260, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const model = useMemo(() => {
    if (!data || data.buckets.length === 0) return null;
    const size = data.bucket;
    const times = data.buckets.map((b) => Date.parse(`${b.start}T00:00:00Z`));
    const starts = bucketStarts(Math.min(...times), Math.max(...times), size);
    const index = new Map(starts.map((s, i) => [s, i]));
    const stacks = starts.map(() => new Map<string, number>());
    const drugs = new Map<string, number>();
    for (const b of data.buckets) {
      const i = index.get(Date.parse(`${b.start}T00:00:00Z`));
      if (i === undefined) continue;
      const v = measure === 'kg' ? b.kg : b.n;
      stacks[i]!.set(b.drug, (stacks[i]!.get(b.drug) ?? 0) + v);
      drugs.set(b.drug, (drugs.get(b.drug) ?? 0) + v);
    }
    const order = [...drugs.entries()].sort((x, y) => y[1] - x[1]).map(([d]) => d);
    const totals = stacks.map((s) => [...s.values()].reduce((x, y) => x + y, 0));
    return { size, starts, stacks, order, max: niceMax(Math.max(...totals)), totals };
  }, [data, measure]);

  if (!data) return <div class="timeline-wrap" ref={wrap} />;
  if (!model) {
    return (
      <div class="timeline-wrap" ref={wrap}>
        <p class="empty">No dated figures match the filter.</p>
      </div>
    );
  }

  const plotW = width - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const n = model.starts.length;
  const bw = plotW / n;
  const x = (i: number) => PAD.left + i * bw;
  const y = (v: number) => PAD.top + plotH - (v / model.max) * plotH;
  const fmt = (v: number) => (measure === 'kg' ? formatKg(v) : formatCount(v));
  const labelEvery = Math.max(1, Math.ceil(90 / bw));
  const indexAt = (clientX: number) => {
    const rect = wrap.current!.querySelector('svg')!.getBoundingClientRect();
    const px = ((clientX - rect.left) / rect.width) * width;
    return Math.min(n - 1, Math.max(0, Math.floor((px - PAD.left) / bw)));
  };

  // The selection from the filter, in bucket indices.
  const sinceMs = since ? Date.parse(since.length === 10 ? `${since}T00:00:00Z` : since) : null;
  const untilMs = until ? Date.parse(until.length === 10 ? `${until}T23:59:59Z` : until) : null;
  let sel: { a: number; b: number } | null = brush;
  if (!sel && (sinceMs !== null || untilMs !== null)) {
    let a = 0;
    let b = n - 1;
    if (sinceMs !== null) while (a < n - 1 && nextStart(model.starts[a]!, model.size) <= sinceMs) a++;
    if (untilMs !== null) while (b > 0 && model.starts[b]! > untilMs) b--;
    sel = { a, b };
  }

  const commit = (a: number, b: number) => {
    const lo = Math.min(a, b);
    const hi = Math.max(a, b);
    onRange(iso(model.starts[lo]!), iso(nextStart(model.starts[hi]!, model.size) - DAY));
  };

  const first = model.starts[0]!;
  const last = model.starts[n - 1]!;
  const label = `${measure === 'kg' ? 'Kilograms seized' : 'Seizure figures'} per ${model.size}, ${formatMonth(first)} to ${formatMonth(last)}, by drug`;

  return (
    <div class="timeline-wrap" ref={wrap}>
      <svg
        class="timeline"
        viewBox={`0 0 ${width} ${HEIGHT}`}
        width={width}
        height={HEIGHT}
        role="img"
        aria-label={label}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          (e.currentTarget as SVGSVGElement).setPointerCapture(e.pointerId);
          const i = indexAt(e.clientX);
          setBrush({ a: i, b: i });
        }}
        onPointerMove={(e) => {
          if (brush) setBrush({ a: brush.a, b: indexAt(e.clientX) });
        }}
        onPointerUp={() => {
          if (brush) commit(brush.a, brush.b);
          setBrush(null);
        }}
        onPointerCancel={() => setBrush(null)}
      >
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line
              class="grid"
              x1={PAD.left}
              x2={width - PAD.right}
              y1={y(model.max * f)}
              y2={y(model.max * f)}
            />
            <text class="axis" x={PAD.left - 6} y={y(model.max * f) + 4} text-anchor="end">
              {fmt(model.max * f)}
            </text>
          </g>
        ))}
        {sel && (
          <rect
            class="selection"
            x={x(Math.min(sel.a, sel.b))}
            y={PAD.top}
            width={(Math.abs(sel.b - sel.a) + 1) * bw}
            height={plotH}
          />
        )}
        {model.stacks.map((stack, i) => {
          let acc = 0;
          const dim = sel && (i < Math.min(sel.a, sel.b) || i > Math.max(sel.a, sel.b));
          return (
            <g key={model.starts[i]} class={dim ? 'dim' : ''}>
              {model.order
                .filter((d) => stack.has(d))
                .map((d) => {
                  const v = stack.get(d)!;
                  const y0 = y(acc);
                  acc += v;
                  const y1 = y(acc);
                  return (
                    <rect
                      key={d}
                      x={x(i) + Math.min(1, bw * 0.1)}
                      y={y1}
                      width={Math.max(1, bw - Math.min(2, bw * 0.2))}
                      height={Math.max(0.5, y0 - y1)}
                      fill={drugColour(d)}
                    >
                      <title>
                        {`${model.size === 'week' ? 'Week of' : ''} ${new Date(model.starts[i]!).toISOString().slice(0, model.size === 'week' ? 10 : 7)}: ${drugName(d)} ${fmt(v)}`}
                      </title>
                    </rect>
                  );
                })}
            </g>
          );
        })}
        {model.starts.map((s, i) =>
          i % labelEvery === 0 ? (
            <text
              key={s}
              class="axis"
              x={x(i) + bw / 2}
              y={HEIGHT - 6}
              text-anchor={
                x(i) + bw / 2 > width - 32 ? 'end' : x(i) + bw / 2 < PAD.left + 24 ? 'start' : 'middle'
              }
            >
              {model.size === 'week' ? new Date(s).toISOString().slice(5, 10) : formatMonth(s)}
            </text>
          ) : null,
        )}
      </svg>
      <p class="note">
        Drag across the timeline to filter by date.
        {data.undated > 0
          ? ` ${formatCount(data.undated)} undated figure${data.undated === 1 ? '' : 's'} not shown.`
          : ''}
      </p>
    </div>
  );
}
