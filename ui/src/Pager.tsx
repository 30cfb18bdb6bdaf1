/** Newer / older buttons under a paged list, with "1–25 of 300". */
import { formatCount } from './format.ts';

export interface PagerProps {
  /** What is paged, for screen readers: "records", "stories". */
  label: string;
  offset: number;
  limit: number;
  /** Items on this page. */
  shown: number;
  total: number;
  next: number | null;
  onPage: (offset: number) => void;
}

export function Pager({ label, offset, limit, shown, total, next, onPage }: PagerProps) {
  return (
    <nav class="pager" aria-label={`Pages of ${label}`}>
      <button type="button" disabled={offset === 0} onClick={() => onPage(Math.max(0, offset - limit))}>
        ← Newer
      </button>
      <span>
        {formatCount(offset + 1)}–{formatCount(offset + shown)} of {formatCount(total)}
      </span>
      <button type="button" disabled={next === null} onClick={() => next !== null && onPage(next)}>
        Older →
      </button>
    </nav>
  );
}
