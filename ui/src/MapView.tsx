/**
 * The map: Natural Earth country shapes (world-atlas, 1:110m; 1:50m once zoomed in) in a
 * Natural Earth projection, the figures as circles at their places, sized by kg or by number of
 * figures, coloured by drug. Wheel, drag and pinch pan and zoom; the buttons do the same from the
 * keyboard. Hover or focus shows the figure; click (or Enter) opens the record.
 */
import { type GeoPermissibleObjects, geoNaturalEarth1, geoPath } from 'd3-geo';
import { Component } from 'preact';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import type { MapData, MapPoint } from '../../src/dashboard/types.ts';
import {
  countryName,
  drugColour,
  drugName,
  formatCount,
  formatDate,
  formatKg,
  placeLabel,
} from './format.ts';
import type { Measure } from './state.ts';

declare const __WORLD_110M__: string;
declare const __WORLD_50M__: string;

const W = 960;
const H = 500;
const MAX_K = 60;
const projection = geoNaturalEarth1().fitExtent(
  [
    [6, 6],
    [W - 6, H - 6],
  ],
  { type: 'Sphere' },
);
const pathOf = geoPath(projection);
const SPHERE = pathOf({ type: 'Sphere' }) ?? '';

interface Shape {
  id: string;
  d: string;
}

const shapeCache = new Map<string, Promise<Shape[]>>();

function loadShapes(url: string): Promise<Shape[]> {
  let p = shapeCache.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => {
        if (!r.ok) throw new Error(`world map: HTTP ${r.status}`);
        return r.json() as Promise<Topology<{ countries: GeometryCollection }>>;
      })
      .then((topo) => {
        const fc = feature(topo, topo.objects.countries) as unknown as {
          features: Array<GeoPermissibleObjects & { id?: string | number }>;
        };
        return fc.features.map((f, i) => ({ id: String(f.id ?? i), d: pathOf(f) ?? '' }));
      });
    shapeCache.set(url, p);
  }
  return p;
}

interface Transform {
  k: number;
  x: number;
  y: number;
}

function clampT(t: Transform): Transform {
  const k = Math.min(MAX_K, Math.max(1, t.k));
  return { k, x: Math.min(0, Math.max(W - W * k, t.x)), y: Math.min(0, Math.max(H - H * k, t.y)) };
}

function zoomAt(t: Transform, factor: number, cx: number, cy: number): Transform {
  const k = Math.min(MAX_K, Math.max(1, t.k * factor));
  const r = k / t.k;
  return clampT({ k, x: cx - (cx - t.x) * r, y: cy - (cy - t.y) * r });
}

/** The view that shows all the points (at most 10x). */
function fitTo(points: Array<[number, number]>): Transform {
  if (points.length === 0) return { k: 1, x: 0, y: 0 };
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const k = Math.min(10, Math.max(1, 0.7 * Math.min(W / Math.max(x1 - x0, 1), H / Math.max(y1 - y0, 1))));
  return clampT({ k, x: W / 2 - ((x0 + x1) / 2) * k, y: H / 2 - ((y0 + y1) / 2) * k });
}

export function pointLabel(p: MapPoint, measure: Measure): string {
  const place = placeLabel(p.location, p.country) || countryName(p.country);
  const size = measure === 'kg' && p.kg !== null ? `, ${formatKg(p.kg)} in all` : '';
  const figures = p.figures.map((f) => f.summary.replace(/;.*$/, '')).join('; ');
  return `${place}: ${drugName(p.drug)}, ${formatCount(p.n)} figure${p.n === 1 ? '' : 's'}${size}: ${figures}`;
}

interface Projected {
  p: MapPoint;
  x: number;
  y: number;
  r: number;
}

interface PointsProps {
  projected: Projected[];
  k: number;
  selected: string | null;
  measure: Measure;
  onOpen: (p: MapPoint, target: Element) => void;
  onTip: (p: MapPoint, target: Element) => void;
  onUntip: () => void;
}

/**
 * The circles, one set of listeners for all of them (on their group), drawn again only when
 * the points, the zoom or the open record change: hovering re-renders the tooltip, not a
 * thousand circles.
 */
class Points extends Component<PointsProps> {
  override shouldComponentUpdate(next: PointsProps): boolean {
    const p = this.props;
    return (
      next.projected !== p.projected ||
      next.k !== p.k ||
      next.selected !== p.selected ||
      next.measure !== p.measure
    );
  }

  private target(e: Event): { p: MapPoint; el: Element } | null {
    const el = (e.target as Element).closest?.('circle.point');
    const q = el ? this.props.projected[Number(el.getAttribute('data-i'))] : undefined;
    return el && q ? { p: q.p, el } : null;
  }

  override render() {
    const { projected, k, selected, measure } = this.props;
    return (
      // biome-ignore lint/a11y/noStaticElementInteractions: the circles inside are the buttons; the group only delegates their events
      <g
        onClick={(e) => {
          const t = this.target(e);
          if (t) this.props.onOpen(t.p, t.el);
        }}
        onKeyDown={(e) => {
          const t = this.target(e);
          if (t && (e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            this.props.onOpen(t.p, t.el);
          }
        }}
        onPointerOver={(e) => {
          const t = this.target(e);
          if (t) this.props.onTip(t.p, t.el);
        }}
        onPointerOut={(e) => {
          if (this.target(e)) this.props.onUntip();
        }}
        onFocusIn={(e) => {
          const t = this.target(e);
          if (t) this.props.onTip(t.p, t.el);
        }}
        onFocusOut={() => this.props.onUntip()}
      >
        {projected.map(({ p, x, y, r }, i) => (
          // biome-ignore lint/a11y/useSemanticElements: an SVG circle cannot be a <button>
          <circle
            key={`${p.location}|${p.country}|${p.drug}`}
            class={`point${p.approx ? ' approx' : ''}${selected && p.figures.some((f) => f.recordId === selected) ? ' selected' : ''}`}
            cx={x}
            cy={y}
            r={r / k}
            fill={drugColour(p.drug)}
            stroke-width={1.25}
            role="button"
            tabIndex={0}
            aria-label={pointLabel(p, measure)}
            data-i={i}
            data-place={p.location ?? ''}
            data-drug={p.drug}
          />
        ))}
      </g>
    );
  }
}

export interface MapViewProps {
  data: MapData | null;
  measure: Measure;
  /** Open one figure's record. */
  onOpen: (recordId: string, figure: number) => void;
  /** List every figure of this place (the place filter). */
  onPlace: (place: string) => void;
  /** The open record: its places are ringed. */
  selected?: string | null;
  /** Called once the country shapes are drawn. */
  onShapes?: () => void;
}

export function MapView({ data, measure, onOpen, onPlace, onShapes, selected }: MapViewProps) {
  const [shapes, setShapes] = useState<Shape[] | null>(null);
  const [detailed, setDetailed] = useState(false);
  // null until the user moves the map: the view frames the figures of the first data.
  const [moved, setT] = useState<Transform | null>(null);
  const firstFit = useRef<Transform | null>(null);
  const [hover, setHover] = useState<{ p: MapPoint; x: number; y: number; below: boolean } | null>(null);
  const [picked, setPicked] = useState<{ p: MapPoint; x: number; y: number; below: boolean } | null>(null);
  const pickedRef = useRef<HTMLDivElement>(null);
  const [mapError, setMapError] = useState<string | null>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const drag = useRef<{
    pointers: Map<number, { x: number; y: number }>;
    moved: boolean;
    start: Transform;
  } | null>(null);

  useEffect(() => {
    loadShapes(__WORLD_110M__).then(
      (s) => {
        setShapes(s);
        onShapes?.();
      },
      (e: Error) => {
        setMapError(e.message);
        onShapes?.();
      },
    );
  }, []);

  const projected = useMemo(() => {
    const pts = data?.points ?? [];
    const max = Math.max(1, ...pts.map((p) => (measure === 'kg' ? (p.kg ?? 0) : p.n)));
    return (
      pts
        .map((p) => {
          const xy = projection([p.lon, p.lat]) ?? [0, 0];
          const v = measure === 'kg' ? (p.kg ?? 0) : p.n;
          return { p, x: xy[0], y: xy[1], r: 3.5 + Math.sqrt(v / max) * 20 };
        })
        // Country-level points under the places; smaller points over larger ones.
        .sort((a, b) => Number(b.p.approx) - Number(a.p.approx) || b.r - a.r)
    );
  }, [data, measure]);

  // First data: frame the points (in the same render, no second pass).
  if (!firstFit.current && projected.length > 0) firstFit.current = fitTo(projected.map((q) => [q.x, q.y]));
  const t: Transform = moved ?? firstFit.current ?? { k: 1, x: 0, y: 0 };
  const base = (cur: Transform | null) => cur ?? t;

  // Zoomed in: the finer shapes, once the page has settled (they are 7x larger).
  useEffect(() => {
    if (t.k < 2.5 || detailed) return;
    setDetailed(true);
    setTimeout(() => loadShapes(__WORLD_50M__).then(setShapes, () => {}), 1200);
  }, [t.k, detailed]);

  const toSvg = (clientX: number, clientY: number) => {
    const rect = svgRef.current!.getBoundingClientRect();
    return { x: ((clientX - rect.left) / rect.width) * W, y: ((clientY - rect.top) / rect.height) * H };
  };

  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const c = toSvg(e.clientX, e.clientY);
      setT((cur) => zoomAt(base(cur), Math.exp(-e.deltaY * 0.0025), c.x, c.y));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, []);

  const onPointerDown = (e: PointerEvent) => {
    if (e.button !== 0) return;
    const d = drag.current ?? { pointers: new Map(), moved: false, start: t };
    d.pointers.set(e.pointerId, toSvg(e.clientX, e.clientY));
    d.start = t;
    d.moved = false;
    drag.current = d;
  };
  const onPointerMove = (e: PointerEvent) => {
    const d = drag.current;
    if (!d?.pointers.has(e.pointerId)) return;
    const prev = d.pointers.get(e.pointerId)!;
    const now = toSvg(e.clientX, e.clientY);
    if (!d.moved && Math.hypot(now.x - prev.x, now.y - prev.y) < 4) return;
    if (!d.moved) {
      d.moved = true;
      svgRef.current?.setPointerCapture(e.pointerId);
      setHover(null);
    }
    if (d.pointers.size >= 2) {
      const [a, b] = [...d.pointers.entries()];
      const other = a![0] === e.pointerId ? b![1] : a![1];
      const before = Math.hypot(prev.x - other.x, prev.y - other.y);
      const after = Math.hypot(now.x - other.x, now.y - other.y);
      if (before > 0)
        setT((cur) => zoomAt(base(cur), after / before, (now.x + other.x) / 2, (now.y + other.y) / 2));
    } else {
      setT((cur) => {
        const b = base(cur);
        return clampT({ ...b, x: b.x + now.x - prev.x, y: b.y + now.y - prev.y });
      });
    }
    d.pointers.set(e.pointerId, now);
  };
  const onPointerUp = (e: PointerEvent) => {
    const d = drag.current;
    if (!d) return;
    d.pointers.delete(e.pointerId);
    if (d.pointers.size === 0) {
      // A click right after a drag is not a click on a point.
      const moved = d.moved;
      setTimeout(() => {
        if (drag.current === d && d.pointers.size === 0) drag.current = null;
      }, 0);
      if (!moved) drag.current = null;
    }
  };

  const anchor = (target: Element) => {
    const box = target.getBoundingClientRect();
    const host = svgRef.current!.parentElement!.getBoundingClientRect();
    // Near the top of the map the box opens below the point, so that it stays on the map.
    const below = box.top - host.top < 170;
    const x = Math.min(Math.max(box.left + box.width / 2 - host.left, 150), Math.max(150, host.width - 150));
    return { x, y: below ? box.bottom - host.top : box.top - host.top, below };
  };
  /** One figure: open its record. Several: list them beside the point. */
  const open = (p: MapPoint, target: Element) => {
    if (drag.current?.moved) return;
    setHover(null);
    const only = p.figures[0];
    if (p.n === 1 && only) onOpen(only.recordId, only.index);
    else setPicked({ p, ...anchor(target) });
  };
  useEffect(() => {
    if (!picked) return;
    pickedRef.current?.querySelector('button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setPicked(null);
    addEventListener('keydown', onKey);
    return () => removeEventListener('keydown', onKey);
  }, [picked]);
  useEffect(() => setPicked(null), [data]);

  const showTip = (p: MapPoint, target: Element) => {
    if (!picked) setHover({ p, ...anchor(target) });
  };

  const zoomButton = (factor: number) => setT((cur) => zoomAt(base(cur), factor, W / 2, H / 2));
  const drugs = [...new Set((data?.points ?? []).map((p) => p.drug))];

  return (
    <div class="map-wrap">
      <div class="map-stage">
        {/* biome-ignore lint/a11y/useSemanticElements: an SVG cannot be a fieldset; its points are buttons */}
        <svg
          ref={svgRef}
          class="map"
          viewBox={`0 0 ${W} ${H}`}
          role="group"
          aria-label={`World map with ${data?.points.length ?? 0} places of seizure figures`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          <g transform={`translate(${t.x} ${t.y}) scale(${t.k})`}>
            <path class="sphere" d={SPHERE} />
            {shapes?.map((s) => (
              <path key={s.id} class="land" d={s.d} />
            ))}
            <Points
              projected={projected}
              k={t.k}
              selected={selected ?? null}
              measure={measure}
              onOpen={open}
              onTip={showTip}
              onUntip={() => setHover(null)}
            />
          </g>
        </svg>
        {hover && (
          <div
            class={hover.below ? 'tip below' : 'tip'}
            style={{ left: `${hover.x}px`, top: `${hover.y}px` }}
            aria-hidden="true"
          >
            <strong>
              {placeLabel(hover.p.location, hover.p.country)} · {drugName(hover.p.drug)}
            </strong>
            <span>
              {formatCount(hover.p.n)} figure{hover.p.n === 1 ? '' : 's'}
              {hover.p.kg !== null ? `, ${formatKg(hover.p.kg)}` : ''}
              {hover.p.records > 1 ? ` in ${hover.p.records} records` : ''}
            </span>
            {hover.p.figures.slice(0, 3).map((f) => (
              <span key={`${f.recordId}-${f.index}`}>
                {f.summary.replace(/;.*$/, '')} ({f.source})
              </span>
            ))}
            {hover.p.n > 3 && <span>…</span>}
            {hover.p.approx && <em>Country-level figure, drawn at the country's centre</em>}
            <em>{hover.p.n === 1 ? 'Click to open the record' : 'Click to list the figures'}</em>
          </div>
        )}
        {picked && (
          <div
            class={picked.below ? 'picked below' : 'picked'}
            ref={pickedRef}
            role="dialog"
            aria-label={`Figures at ${placeLabel(picked.p.location, picked.p.country)}`}
            style={{ left: `${picked.x}px`, top: `${picked.y}px` }}
          >
            <div class="picked-head">
              <strong>
                {placeLabel(picked.p.location, picked.p.country)} · {drugName(picked.p.drug)}
              </strong>
              <button type="button" class="close" onClick={() => setPicked(null)} aria-label="Close the list">
                ×
              </button>
            </div>
            <ul>
              {picked.p.figures.map((f) => (
                <li key={`${f.recordId}-${f.index}`}>
                  <button
                    type="button"
                    class="link"
                    data-record={f.recordId}
                    onClick={() => {
                      setPicked(null);
                      onOpen(f.recordId, f.index);
                    }}
                  >
                    {f.summary.replace(/;.*$/, '')}
                  </button>
                  <span class="sub">
                    {f.source}, {formatDate(f.published)}
                  </span>
                </li>
              ))}
            </ul>
            {picked.p.location && (
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  const place = picked.p.location!;
                  setPicked(null);
                  onPlace(place);
                }}
              >
                List all {formatCount(picked.p.n)} figures here
              </button>
            )}
          </div>
        )}
        <div class="map-controls">
          <button type="button" onClick={() => zoomButton(1.6)} aria-label="Zoom in">
            +
          </button>
          <button type="button" onClick={() => zoomButton(1 / 1.6)} aria-label="Zoom out">
            −
          </button>
          <button
            type="button"
            onClick={() => setT(fitTo(projected.map((q) => [q.x, q.y])))}
            aria-label="Fit the map to the figures"
          >
            ⤢
          </button>
          <button type="button" onClick={() => setT({ k: 1, x: 0, y: 0 })} aria-label="Show the whole world">
            ◯
          </button>
        </div>
      </div>
      <div class="map-foot">
        <ul class="legend" aria-label="Drugs">
          {drugs.map((d) => (
            <li key={d}>
              <span class="swatch" style={{ background: drugColour(d) }} />
              {drugName(d)}
            </li>
          ))}
        </ul>
        <p class="note">
          {measure === 'kg' ? 'Circle area: kg seized' : 'Circle area: number of figures'}; dashed:
          country-level.
          {data && data.unmapped > 0
            ? ` ${formatCount(data.unmapped)} figure${data.unmapped === 1 ? '' : 's'} without a place on the map (regions, Europe).`
            : ''}
          {data?.truncated ? ' Showing the largest places only.' : ''}
          {mapError ? ` Map shapes not loaded: ${mapError}.` : ''}
        </p>
      </div>
    </div>
  );
}
