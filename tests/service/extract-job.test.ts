/**
 * The extract-article job on a real BullMQ queue (real Redis, own prefix): once its record is
 * queued for storing, the page is dropped from the job kept in Redis; a job run without its
 * page (a stall after the drop) fetches it again.
 */
import { Queue, QueueEvents, Worker } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { extractArticleProcessor } from '../../jobs/extract-article.ts';
import { silentLogger } from '../../src/log.ts';
import type { PipelineDeps } from '../../src/pipeline/index.ts';
import { wrapProcessor } from '../../src/service/job-wrapper.ts';
import { createMetrics } from '../../src/service/metrics.ts';
import type { ExtractArticleJob, StoreRecordJob } from '../../src/service/queues.ts';
import type { FeedItem, Page } from '../../src/types.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';

const URL_A = 'https://harbour.example/news/2031/05/tuna-boat-cocaine';

/** Our own page: a seizure on a fishing boat, long enough to be an article. */
function page(url: string): Page {
  const html = `<!doctype html><html lang="en"><head><title>Navy stops tuna boat</title>
<link rel="canonical" href="${url}"></head><body><article><h1>Navy stops tuna boat off Madeira</h1>
<p>Portuguese navy divers found 1,250 kilograms of cocaine welded inside the fuel tanks of a tuna
boat stopped 200 nautical miles off Madeira on Sunday, the judicial police said on Monday.</p>
<p>Five crew members, all foreign nationals, were detained and will appear before a judge in
Funchal. The boat had left a port in northern Brazil three weeks earlier, investigators said.</p>
<p>It is the largest haul recorded by the island's authorities this year.</p></article></body></html>`;
  return {
    url,
    finalUrl: url,
    status: 200,
    html,
    contentType: 'text/html',
    fetchedAt: '2031-05-12T10:00:00Z',
  } as Page;
}

describe('extract-article job', () => {
  const prefix = uniquePrefix('extract-job');
  const connection = { url: REDIS_URL, maxRetriesPerRequest: null };
  let extractQueue: Queue<ExtractArticleJob>;
  let storeQueue: Queue<StoreRecordJob>;
  let events: QueueEvents;
  let worker: Worker;
  const fetched: string[] = [];

  beforeAll(async () => {
    extractQueue = new Queue('extract-article', { connection, prefix });
    storeQueue = new Queue('store-record', { connection, prefix });
    events = new QueueEvents('extract-article', { connection, prefix });
    await events.waitUntilReady();
    const pipeline = {
      fetcher: {
        fetchPage: async (url: string) => {
          fetched.push(url);
          return page(url);
        },
      },
    } as unknown as PipelineDeps;
    const processor = wrapProcessor(extractArticleProcessor({ pipeline, storeQueue }), {
      stage: 'extract',
      logger: silentLogger,
      metrics: createMetrics(),
      rateLimitMs: 60_000,
    });
    worker = new Worker('extract-article', processor, { connection, prefix });
  });
  afterAll(async () => {
    await worker.close();
    await events.close();
    await extractQueue.close();
    await storeQueue.close();
    await deletePrefix(prefix);
  });

  const item = (url: string): FeedItem =>
    ({
      url,
      feedId: 'harbour',
      guid: url,
      title: 'Navy stops tuna boat',
      published: null,
    }) as unknown as FeedItem;

  it('queues the record, then keeps no page in the completed job', async () => {
    const job = await extractQueue.add('extract-article', {
      recordId: 'a',
      item: item(URL_A),
      page: page(URL_A),
    });
    await job.waitUntilFinished(events, 30_000);
    const done = await extractQueue.getJob(job.id!);
    expect(done?.data).toEqual({ recordId: 'a', item: item(URL_A) });
    expect(JSON.stringify(done?.data).length).toBeLessThan(1_000);
    const stored = await storeQueue.getJobs(['waiting']);
    expect(stored.map((j) => j.data.record.url)).toContain(URL_A);
    expect(fetched).toEqual([]);
  });

  it('run again without its page, fetches the page', async () => {
    const url = `${URL_A}-again`;
    const job = await extractQueue.add('extract-article', { recordId: 'b', item: item(url) });
    await job.waitUntilFinished(events, 30_000);
    expect(fetched).toEqual([url]);
    const stored = await storeQueue.getJobs(['waiting']);
    expect(stored.map((j) => j.data.record.url)).toContain(url);
  });
});
