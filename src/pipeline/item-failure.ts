/**
 * What becomes of an item whose attempt failed: one shared rule for `scan` and `serve`. A
 * permanent failure (the error says retrying cannot help: 404/410, robots.txt, a blocked
 * address, an unparsable page) gives the item up at once; a transient one (timeout, 5xx, 429)
 * after `fetch.itemAttempts` attempts. Until then the item stays pending in the store and the
 * next run (or poll) tries it again; once given up it is not fetched again while it stays in its
 * feed, until `seizurewatch retry` puts it back.
 */
import { isRetryable, SeizurewatchError } from '../errors.ts';
import type { ItemFailure } from '../store/types.ts';
import type { FeedItem } from '../types.ts';
import type { PipelineDeps } from './deps.ts';
import { nowOf } from './deps.ts';

/** The failure as the store keeps it. */
export function itemFailureOf(err: unknown): ItemFailure {
  const typed = err instanceof SeizurewatchError;
  return {
    code: typed ? err.code : 'UNEXPECTED',
    message: ((err as Error)?.message ?? String(err)).split('\n')[0]!.slice(0, 500),
    permanent: !isRetryable(err),
  };
}

/**
 * Count the failed attempt in the store. Returns whether the item was given up; a store that
 * cannot be written leaves the item pending (tried again), logged.
 */
export async function noteItemFailure(
  item: FeedItem,
  failure: ItemFailure,
  deps: Pick<PipelineDeps, 'store' | 'fetcher' | 'logger' | 'now'>,
): Promise<{ gaveUp: boolean; attempts: number }> {
  try {
    const out = await deps.store.recordItemFailure(
      item,
      failure,
      deps.fetcher.config.itemAttempts,
      nowOf(deps),
    );
    if (out.gaveUp) {
      deps.logger.warn(
        { feed: item.feedId, url: item.url, code: failure.code, attempts: out.attempts },
        'item given up (seizurewatch retry puts it back)',
      );
    }
    return out;
  } catch (err) {
    deps.logger.warn({ err, url: item.url }, 'cannot record item failure');
    return { gaveUp: false, attempts: 0 };
  }
}
