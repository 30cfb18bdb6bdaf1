/** The filter bar. Every change goes to the URL (and so to every view); typing is debounced. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DashboardFilter, Facets } from '../../src/dashboard/types.ts';
import { countryName, dayOf, drugName, formatCount, languageName } from './format.ts';
import { activeFilterCount } from './state.ts';

function useDebounced(value: string, commit: (v: string) => void, ms = 350) {
  const [text, setText] = useState(value);
  const timer = useRef<number | undefined>(undefined);
  const last = useRef(value);
  useEffect(() => {
    if (value !== last.current) {
      last.current = value;
      setText(value);
    }
  }, [value]);
  const change = (v: string) => {
    setText(v);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => {
      last.current = v;
      commit(v);
    }, ms);
  };
  const flush = () => {
    window.clearTimeout(timer.current);
    if (text !== last.current) {
      last.current = text;
      commit(text);
    }
  };
  return { text, change, flush };
}

export interface FiltersProps {
  filter: DashboardFilter;
  facets: Facets | null;
  onChange: (patch: Partial<DashboardFilter>) => void;
  onReset: () => void;
}

export function Filters({ filter, facets, onChange, onReset }: FiltersProps) {
  const q = useDebounced(filter.q ?? '', (v) => onChange({ q: v.trim() || undefined }));
  const minKg = useDebounced(filter.minKg !== undefined ? String(filter.minKg) : '', (v) => {
    const n = Number(v);
    onChange({ minKg: v.trim() !== '' && Number.isFinite(n) && n >= 0 ? n : undefined });
  });
  const count = activeFilterCount(filter);
  const withCurrent = (
    list: Array<{ value: string; n: number; label?: string }>,
    current: string | undefined,
  ) => (current && !list.some((x) => x.value === current) ? [...list, { value: current, n: 0 }] : list);

  return (
    <details class="filters" open={window.matchMedia('(min-width: 760px)').matches}>
      <summary>Filters{count > 0 ? ` (${count} active)` : ''}</summary>
      <form
        class="filter-grid"
        aria-label="Filter the records"
        onSubmit={(e) => {
          e.preventDefault();
          q.flush();
          minKg.flush();
        }}
      >
        <label class="wide">
          Search
          <input
            type="search"
            name="q"
            placeholder="words in headline or text"
            value={q.text}
            maxLength={200}
            onInput={(e) => q.change(e.currentTarget.value)}
            onBlur={q.flush}
          />
        </label>
        <label>
          Drug
          <select
            name="drug"
            value={filter.drug ?? ''}
            onChange={(e) => onChange({ drug: e.currentTarget.value || undefined })}
          >
            <option value="">All drugs</option>
            {withCurrent(facets?.drugs ?? [], filter.drug).map((d) => (
              <option key={d.value} value={d.value}>
                {drugName(d.value)} ({formatCount(d.n)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Country
          <select
            name="country"
            value={filter.country ?? ''}
            onChange={(e) => onChange({ country: e.currentTarget.value || undefined })}
          >
            <option value="">All countries</option>
            {withCurrent(facets?.countries ?? [], filter.country).map((c) => (
              <option key={c.value} value={c.value}>
                {countryName(c.value)} ({formatCount(c.n)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Language
          <select
            name="lang"
            value={filter.lang ?? ''}
            onChange={(e) => onChange({ lang: e.currentTarget.value || undefined })}
          >
            <option value="">All languages</option>
            {withCurrent(facets?.languages ?? [], filter.lang).map((l) => (
              <option key={l.value} value={l.value}>
                {languageName(l.value)} ({formatCount(l.n)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Outlet
          <select
            name="source"
            value={filter.source ?? ''}
            onChange={(e) => onChange({ source: e.currentTarget.value || undefined })}
          >
            <option value="">All outlets</option>
            {withCurrent(facets?.sources ?? [], filter.source).map((s) => (
              <option key={s.value} value={s.value}>
                {s.label ?? s.value} ({formatCount(s.n)})
              </option>
            ))}
          </select>
        </label>
        <label>
          Minimum kg
          <input
            type="number"
            name="minKg"
            min={0}
            step="any"
            inputMode="decimal"
            value={minKg.text}
            onInput={(e) => minKg.change(e.currentTarget.value)}
            onBlur={minKg.flush}
          />
        </label>
        <label>
          Figures
          <select
            name="kind"
            value={filter.kind ?? ''}
            onChange={(e) =>
              onChange({ kind: (e.currentTarget.value || undefined) as DashboardFilter['kind'] })
            }
          >
            <option value="">All figures</option>
            <option value="haul">Single hauls</option>
            <option value="total">Period totals</option>
          </select>
        </label>
        <label>
          From
          <input
            type="date"
            name="since"
            value={dayOf(filter.since)}
            max={dayOf(filter.until) || undefined}
            onChange={(e) => onChange({ since: e.currentTarget.value || undefined })}
          />
        </label>
        <label>
          To
          <input
            type="date"
            name="until"
            value={dayOf(filter.until)}
            min={dayOf(filter.since) || undefined}
            onChange={(e) => onChange({ until: e.currentTarget.value || undefined })}
          />
        </label>
        <label class="check">
          <input
            type="checkbox"
            name="seizureStories"
            checked={filter.seizureStories === true}
            onChange={(e) => onChange({ seizureStories: e.currentTarget.checked || undefined })}
          />
          Seizure stories only
        </label>
        <div class="filter-actions">
          {filter.place && (
            <button
              type="button"
              class="chip"
              onClick={() => onChange({ place: undefined })}
              aria-label={`Remove the place filter ${filter.place}`}
            >
              Place: {filter.place} ×
            </button>
          )}
          <button type="button" class="secondary" onClick={onReset} disabled={count === 0}>
            Clear filters
          </button>
        </div>
      </form>
    </details>
  );
}
