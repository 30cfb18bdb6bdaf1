/**
 * Entry of a parse thread (see ./thread-pool.ts): loads the feed parser and the scrape +
 * extract stage, warms the extractor up (its tables load on first use), says `ready`, then runs
 * one task per message and answers with its result or its error, serialised.
 *
 *   { kind: 'record', args: [item, page, nowMs | null] } -> ArticleRecord
 *   { kind: 'feed', args: [bytes, options] }             -> ParsedFeed without `raw`
 *   { kind: 'check', args: [html, url] }                  -> null (the page's parse limits hold)
 */
import { parentPort } from 'node:worker_threads';
import { SeizurewatchError } from '../errors.ts';
import { parseFeed } from '../feeds/parse-feed.ts';
import { silentLogger } from '../log.ts';
import { recordFromPage } from '../pipeline/process-item.ts';
import { loadHtml } from '../scrape/load.ts';
import { warmUpExtractor } from '../service/warm-up.ts';
import type { FeedItem, Page } from '../types.ts';
import type { SerializedError } from './thread-pool.ts';

type Handler = (...args: never[]) => unknown;

const handlers: Record<string, Handler> = {
  record: (item: FeedItem, page: Page, nowMs: number | null) =>
    recordFromPage(item, page, nowMs === null ? {} : { now: () => new Date(nowMs) }),
  check: (html: string, url: string | null) => {
    loadHtml(html, { url });
    return null;
  },
  feed: async (bytes: Uint8Array, options: Parameters<typeof parseFeed>[1]) => {
    const { raw: _raw, ...parsed } = await parseFeed(bytes, options);
    return parsed;
  },
};

function serialize(err: unknown): SerializedError {
  if (err instanceof SeizurewatchError) {
    return {
      name: err.name,
      message: err.message,
      code: err.code,
      retryable: err.retryable,
      // Details are plain data by convention; a clone failure would lose the whole answer.
      details: JSON.parse(JSON.stringify(err.details ?? {})) as Record<string, unknown>,
      ...(err.stack ? { stack: err.stack } : {}),
    };
  }
  const stack = (err as Error)?.stack;
  return {
    name: (err as Error)?.name ?? 'Error',
    message: (err as Error)?.message ?? String(err),
    ...(stack ? { stack } : {}),
  };
}

const port = parentPort;
if (!port) throw new Error('parse-worker runs in a worker thread');
warmUpExtractor(silentLogger);
port.on('message', async (msg: { kind: string; args: unknown[] }) => {
  try {
    const handler = handlers[msg.kind];
    if (!handler) throw new Error(`unknown task ${msg.kind}`);
    const value = await (handler as (...a: unknown[]) => unknown)(...msg.args);
    port.postMessage({ type: 'result', ok: true, value });
  } catch (err) {
    port.postMessage({ type: 'result', ok: false, error: serialize(err) });
  }
});
port.postMessage({ type: 'ready' });
