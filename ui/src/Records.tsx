/** The records list (newest first, paged) and one record with its evidence highlighted. */

import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { FigureView, RecordDetail, RecordPage } from '../../src/dashboard/types.ts';
import {
  confidenceLabel,
  countryName,
  drugColour,
  drugName,
  formatAmount,
  formatDate,
  formatKg,
  languageName,
  placeLabel,
} from './format.ts';
import { Pager } from './Pager.tsx';
import { StoryCard } from './Stories.tsx';

function FigureLine({ f }: { f: FigureView }) {
  const conf = confidenceLabel(f.confidence);
  return (
    <li class={f.match ? 'fig' : 'fig other'}>
      <span class="swatch" style={{ background: drugColour(f.drug) }} />
      <strong>{formatAmount(f.value, f.unit)}</strong> {drugName(f.drug)}
      {f.kg !== null && f.unit !== 'kg' && f.unit !== 't' ? ` (${formatKg(f.kg)})` : ''}
      {(f.location || f.country) && <span class="where"> · {placeLabel(f.location, f.country)}</span>}
      {f.period && <span> · {f.period}</span>}
      <span> · {f.aggregate ? 'total' : 'haul'}</span>
      {f.record && <span class="tag">record</span>}
      {conf && (
        <span class="conf" title="Extractor confidence">
          {' '}
          · confidence {conf}
        </span>
      )}
    </li>
  );
}

export interface RecordListProps {
  page: RecordPage | null;
  fresh: Set<string>;
  onOpen: (id: string, figure?: number) => void;
  onPage: (offset: number) => void;
}

export function RecordList({ page, fresh, onOpen, onPage }: RecordListProps) {
  if (!page) return <p class="empty">Loading records…</p>;
  if (page.rows.length === 0) return <p class="empty">No records match the filter.</p>;
  return (
    <div class="records">
      <ol class="record-list" aria-label="Records, newest first">
        {page.rows.map((r) => (
          <li key={r.id} class={fresh.has(r.id) ? 'record-item fresh' : 'record-item'} data-record={r.id}>
            <h3>
              <button type="button" class="link" onClick={() => onOpen(r.id)}>
                {r.title ?? '(no headline)'}
              </button>
              {fresh.has(r.id) && <span class="new-badge">new</span>}
            </h3>
            <p class="meta">
              {r.source.name} · <abbr title={languageName(r.language)}>{r.language}</abbr> ·{' '}
              {formatDate(r.published)}
              {!r.seizureStory && ' · not a seizure story'}
            </p>
            {r.figures.length > 0 && (
              <ul class="figs">
                {r.figures.map((f) => (
                  <FigureLine key={f.index} f={f} />
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
      <Pager
        label="records"
        offset={page.offset}
        limit={page.limit}
        shown={page.rows.length}
        total={page.total}
        next={page.next}
        onPage={onPage}
      />
    </div>
  );
}

interface Range {
  start: number;
  end: number;
  figures: number[];
}

/** Where each figure's evidence sentence is in the text (first occurrence; shared sentences merge). */
function evidenceRanges(text: string, evidence: string[]): Range[] {
  const byStart = new Map<number, Range>();
  evidence.forEach((e, i) => {
    if (!e) return;
    const at = text.indexOf(e);
    if (at < 0) return;
    const r = byStart.get(at) ?? { start: at, end: at + e.length, figures: [] };
    r.figures.push(i);
    byStart.set(at, r);
  });
  const sorted = [...byStart.values()].sort((a, b) => a.start - b.start);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r.start < last.end) {
      last.end = Math.max(last.end, r.end);
      last.figures.push(...r.figures);
    } else out.push({ ...r });
  }
  return out;
}

function ArticleText({
  text,
  evidence,
  current,
}: {
  text: string;
  evidence: string[];
  current: number | null;
}) {
  const ranges = useMemo(() => evidenceRanges(text, evidence), [text, evidence]);
  const paragraphs: Array<{ start: number; end: number }> = [];
  let pos = 0;
  for (const part of text.split('\n\n')) {
    paragraphs.push({ start: pos, end: pos + part.length });
    pos += part.length + 2;
  }
  return (
    <div class="article-text">
      {paragraphs.map((p) => {
        const pieces: preact.ComponentChildren[] = [];
        let at = p.start;
        for (const r of ranges) {
          if (r.end <= p.start || r.start >= p.end) continue;
          const s = Math.max(r.start, p.start);
          const e = Math.min(r.end, p.end);
          if (s > at) pieces.push(text.slice(at, s));
          const isCurrent = current !== null && r.figures.includes(current);
          pieces.push(
            <mark
              key={s}
              class={isCurrent ? 'evidence current' : 'evidence'}
              data-figures={r.figures.join(' ')}
              title={`Evidence for figure ${r.figures.map((f) => f + 1).join(', ')}`}
            >
              {text.slice(s, e)}
            </mark>,
          );
          at = e;
        }
        if (at < p.end) pieces.push(text.slice(at, p.end));
        return <p key={p.start}>{pieces}</p>;
      })}
    </div>
  );
}

export interface RecordViewProps {
  detail: RecordDetail | null;
  error: string | null;
  figure: number | null;
  onFigure: (i: number) => void;
  onClose: () => void;
  onOpen: (id: string) => void;
}

export function RecordView({ detail, error, figure, onFigure, onClose, onOpen }: RecordViewProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const id = detail?.record.id;
  useEffect(() => {
    if (id) heading.current?.focus();
  }, [id]);
  useEffect(() => {
    const mark = body.current?.querySelector<HTMLElement>('mark.current');
    if (!mark) return;
    // Scroll the record's own panel where it scrolls (wide screens), else the page.
    const panel = mark.closest<HTMLElement>('.records-panel');
    if (panel && panel.scrollHeight > panel.clientHeight + 1) {
      const top = mark.getBoundingClientRect().top - panel.getBoundingClientRect().top + panel.scrollTop;
      panel.scrollTo({ top: Math.max(0, top - panel.clientHeight / 3), behavior: 'smooth' });
    } else mark.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [id, figure]);

  if (error) {
    return (
      <section class="record-view" aria-label="Record">
        <button type="button" class="back" onClick={onClose}>
          ← Back to records
        </button>
        <p class="error">{error}</p>
      </section>
    );
  }
  if (!detail) return <p class="empty">Loading the record…</p>;
  const r = detail.record;
  const evidence = r.seizures.map((s) => s.evidence);
  const headlineEvidence = figure !== null && r.title !== null && r.seizures[figure]?.evidence === r.title;
  let host = '';
  try {
    host = r.url ? new URL(r.url).host.replace(/^www\./, '') : '';
  } catch {}
  return (
    <section class="record-view" aria-labelledby="record-title">
      <button type="button" class="back" onClick={onClose}>
        ← Back to records
      </button>
      <h2 id="record-title" tabIndex={-1} ref={heading}>
        {headlineEvidence ? <mark class="evidence current">{r.title}</mark> : (r.title ?? '(no headline)')}
      </h2>
      <p class="meta">
        {r.source.name} · {languageName(r.language)} · {formatDate(r.published)}
        {r.section ? ` · ${r.section}` : ''}
        {r.authors.length > 0 ? ` · by ${r.authors.join(', ')}` : ''}
      </p>
      {r.url && (
        <p>
          <a class="source-link" href={r.url} target="_blank" rel="noopener noreferrer">
            Read the article{host ? ` at ${host}` : ''} ↗
          </a>
        </p>
      )}
      {r.teaser && <p class="teaser">{r.teaser}</p>}

      {r.seizures.length > 0 ? (
        <section class="figure-list" aria-labelledby="figures-title">
          <h3 id="figures-title">Seizure figures ({r.seizures.length})</h3>
          <ol>
            {r.seizures.map((s, i) => {
              const conf = confidenceLabel(s.confidence);
              return (
                <li key={`${i}-${s.evidence}`} class={figure === i ? 'current' : ''} data-figure={i}>
                  <button
                    type="button"
                    class="figure-button"
                    aria-pressed={figure === i}
                    onClick={() => onFigure(i)}
                    title="Highlight the sentence that states this figure"
                  >
                    <span class="swatch" style={{ background: drugColour(s.drug) }} />
                    <strong>{formatAmount(s.amount.value, s.amount.unit)}</strong> {drugName(s.drug)}
                    {s.kg !== null && s.amount.unit !== 'kg' && s.amount.unit !== 't'
                      ? ` (${formatKg(s.kg)})`
                      : ''}
                  </button>
                  <span class="figure-facts">
                    {[
                      s.location
                        ? `${s.location}${s.country ? ` (${s.country})` : ''}`
                        : s.country
                          ? countryName(s.country)
                          : null,
                      s.period,
                      s.aggregate ? 'total' : 'single haul',
                      s.record ? 'a record' : null,
                      s.attribution ? `according to ${s.attribution}` : null,
                      conf ? `confidence ${conf}` : null,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </span>
                </li>
              );
            })}
          </ol>
          {figure !== null && r.seizures[figure] && (
            <figure class="evidence-quote">
              <blockquote>
                <mark class="evidence">{r.seizures[figure]!.evidence}</mark>
              </blockquote>
              <figcaption>
                Evidence for {formatAmount(r.seizures[figure]!.amount.value, r.seizures[figure]!.amount.unit)}{' '}
                {drugName(r.seizures[figure]!.drug)}, highlighted in the article text below.
              </figcaption>
            </figure>
          )}
        </section>
      ) : (
        <p class="note">
          No seizure figures in this article{r.seizureStory ? ' (a seizure story without a figure)' : ''}.
        </p>
      )}

      {r.trends.length > 0 && (
        <ul class="trends" aria-label="Trends">
          {r.trends.map((t) => (
            <li key={t.evidence} title={t.evidence}>
              Trend: {drugName(t.drug)} seized {t.changePercent > 0 ? '+' : '−'}
              {Math.abs(t.changePercent)}%{t.period ? ` in ${t.period}` : ''}
            </li>
          ))}
        </ul>
      )}

      {detail.story && detail.story.reports.length > 1 && (
        <StoryCard story={detail.story} onOpen={onOpen} compact current={r.id} />
      )}

      <h3 class="text-heading">Article text</h3>
      <div ref={body}>
        <ArticleText text={r.text} evidence={evidence} current={figure} />
      </div>
      {(r.persons.length > 0 || r.organizations.length > 0) && (
        <p class="note">
          {r.persons.length > 0 &&
            `People: ${r.persons.map((p) => (p.role ? `${p.name} (${p.role})` : p.name)).join(', ')}. `}
          {r.organizations.length > 0 && `Organisations: ${r.organizations.join(', ')}.`}
        </p>
      )}
      <p class="note">
        Extracted {formatDate(r.extractedAt)} by {r.extractor}. Record {r.id}.
      </p>
    </section>
  );
}
