/** Story clusters: one seizure told by several outlets, and the figures they disagree on. */

import type { StoryPage, StoryView } from '../../src/dashboard/types.ts';
import { drugName, formatDate } from './format.ts';
import { Pager } from './Pager.tsx';

export interface StoryCardProps {
  story: StoryView;
  onOpen: (id: string) => void;
  /** Inside a record: a shorter card, the record itself marked. */
  compact?: boolean;
  current?: string;
}

export function StoryCard({ story, onOpen, compact, current }: StoryCardProps) {
  const first = story.reports[0];
  const Heading = compact ? 'h3' : 'h2';
  return (
    <article class={compact ? 'story compact' : 'story'} data-story={story.key}>
      <Heading>{compact ? 'Story' : (story.headline ?? '(no headline)')}</Heading>
      <p class="meta">
        {first ? `First reported by ${first.source.name}, ${formatDate(first.published)}` : ''}
        {story.alsoReportedBy.length > 0 && (
          <>
            {' · '}
            <span class="also">Also reported by {story.alsoReportedBy.join(', ')}</span>
          </>
        )}
      </p>
      {story.disagreements.length > 0 && (
        <div class="conflicts">
          {story.disagreements.map((d) => (
            <section class="conflict" key={d.note} aria-label={`Outlets disagree: ${d.note}`}>
              <h4>
                Outlets disagree on {drugName(d.drug)}
                {d.location ? ` in ${d.location}` : ''}
                {d.period ? `, ${d.period}` : ''}
              </h4>
              <ul class="side-by-side">
                {d.values.map((v) => (
                  <li key={`${v.source}|${v.figure}`}>
                    <span class="figure">{v.figure.replace(/ of .*$/, '')}</span>
                    <span class="source">{v.source}</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </div>
      )}
      <div class="table-scroll">
        <table class="reports">
          <caption class="visually-hidden">Reports of this story</caption>
          <thead>
            <tr>
              <th scope="col">Outlet</th>
              <th scope="col">Headline</th>
              <th scope="col">Date</th>
              {!compact && <th scope="col">Figures</th>}
            </tr>
          </thead>
          <tbody>
            {story.reports.map((r) => (
              <tr key={r.recordId} class={r.recordId === current ? 'current' : ''}>
                <td>{r.source.name}</td>
                <td>
                  {r.recordId === current ? (
                    <span>{r.title ?? '(no headline)'} (this record)</span>
                  ) : (
                    <button type="button" class="link" onClick={() => onOpen(r.recordId)}>
                      {r.title ?? '(no headline)'}
                    </button>
                  )}
                </td>
                <td class="nowrap">{formatDate(r.published)}</td>
                {!compact && <td>{r.figures.length > 0 ? r.figures.join('; ') : '–'}</td>}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </article>
  );
}

export interface StoriesProps {
  page: StoryPage | null;
  multiOutlet: boolean;
  onMultiOutlet: (v: boolean) => void;
  onOpen: (id: string) => void;
  onPage: (offset: number) => void;
}

export function Stories({ page, multiOutlet, onMultiOutlet, onOpen, onPage }: StoriesProps) {
  return (
    <section class="panel stories-view" aria-labelledby="stories-title">
      <div class="panel-head">
        <h2 id="stories-title">Stories</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={multiOutlet}
            onChange={(e) => onMultiOutlet(e.currentTarget.checked)}
          />
          Only stories reported by several outlets
        </label>
      </div>
      {!page && <p class="empty">Loading stories…</p>}
      {page && !page.available && (
        <p class="empty">
          No story clusters in this store yet: the alerts stage groups articles into stories. Configure{' '}
          <code>alerts.rules</code> (see docs/alerts.md) and they appear here.
        </p>
      )}
      {page?.available && page.stories.length === 0 && <p class="empty">No stories match the filter.</p>}
      {page?.stories.map((s) => (
        <StoryCard key={s.key} story={s} onOpen={onOpen} />
      ))}
      {page?.available && page.total > page.limit && (
        <Pager
          label="stories"
          offset={page.offset}
          limit={page.limit}
          shown={page.stories.length}
          total={page.total}
          next={page.next}
          onPage={onPage}
        />
      )}
    </section>
  );
}
