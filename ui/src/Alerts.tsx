/** Alert deliveries: one per story and channel, with status, attempts and the last error. */

import type { DeliveryPage } from '../../src/dashboard/types.ts';
import { formatCount, formatDateTime } from './format.ts';
import { Pager } from './Pager.tsx';

const STATUSES = ['delivered', 'pending', 'failed', 'expired'] as const;
const STATUS_LABEL: Record<string, string> = {
  delivered: 'Delivered',
  pending: 'Retrying',
  failed: 'Failed',
  expired: 'Expired',
};

export interface AlertsProps {
  page: DeliveryPage | null;
  status: string;
  onStatus: (s: string) => void;
  onOpen: (id: string) => void;
  onPage: (offset: number) => void;
}

export function Alerts({ page, status, onStatus, onOpen, onPage }: AlertsProps) {
  return (
    <section class="panel alerts-view" aria-labelledby="alerts-title">
      <div class="panel-head">
        <h2 id="alerts-title">Alert deliveries</h2>
        <label>
          Status{' '}
          <select value={status} onChange={(e) => onStatus(e.currentTarget.value)}>
            <option value="">All</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {STATUS_LABEL[s]}
                {page ? ` (${page.counts[s]})` : ''}
              </option>
            ))}
          </select>
        </label>
      </div>
      {page?.available && (
        <ul class="status-counts" aria-label="Deliveries by status">
          {STATUSES.map((s) => (
            <li key={s} class={`badge ${s}`}>
              {STATUS_LABEL[s]}: {formatCount(page.counts[s])}
            </li>
          ))}
        </ul>
      )}
      {!page && <p class="empty">Loading deliveries…</p>}
      {page && !page.available && (
        <p class="empty">
          No alerts have been raised from this store. Alerts need <code>alerts.channels</code> and{' '}
          <code>alerts.rules</code> in the config (docs/alerts.md).
        </p>
      )}
      {page?.available && page.deliveries.length === 0 && (
        <p class="empty">No deliveries with this status.</p>
      )}
      {page?.available && page.deliveries.length > 0 && (
        <div class="table-scroll">
          <table class="deliveries">
            <caption class="visually-hidden">Alert deliveries, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Raised</th>
                <th scope="col">Story</th>
                <th scope="col">Channel</th>
                <th scope="col">Rule</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last error</th>
              </tr>
            </thead>
            <tbody>
              {page.deliveries.map((d) => (
                <tr key={d.id} data-delivery={d.id}>
                  <td class="nowrap">{formatDateTime(d.createdAt)}</td>
                  <td>
                    <button type="button" class="link" onClick={() => onOpen(d.recordId)}>
                      {d.headline ?? d.storyKey}
                    </button>
                  </td>
                  <td>{d.channel}</td>
                  <td>{d.rule}</td>
                  <td>
                    <span class={`badge ${d.status}`}>{STATUS_LABEL[d.status] ?? d.status}</span>
                    {d.status === 'delivered' && d.deliveredAt && (
                      <span class="sub">{formatDateTime(d.deliveredAt)}</span>
                    )}
                    {d.status === 'pending' && d.nextAttemptAt && (
                      <span class="sub">next try {formatDateTime(d.nextAttemptAt)}</span>
                    )}
                  </td>
                  <td class="num">{d.attempts}</td>
                  <td class="error-cell">
                    {d.lastError ? (
                      <span title={d.lastError}>
                        {d.lastStatus ? `${d.lastStatus}: ` : ''}
                        {d.lastError.length > 90 ? `${d.lastError.slice(0, 90)}…` : d.lastError}
                      </span>
                    ) : (
                      '–'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {page?.available && page.total > page.limit && (
        <Pager
          label="deliveries"
          offset={page.offset}
          limit={page.limit}
          shown={page.deliveries.length}
          total={page.total}
          next={page.next}
          onPage={onPage}
        />
      )}
    </section>
  );
}
