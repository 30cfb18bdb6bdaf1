/** Job `extract-article`: scrape and extract one fetched page (shared `extractPage`, in a parse thread), hand the record to `store-record`. */
import type { Queue } from 'bullmq';
import { extractPage, fetchItemPage, type PipelineDeps } from '../src/pipeline/index.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import { type StoreRecordJob, stageJobId } from '../src/service/queues.ts';

export interface ExtractArticleDeps {
  pipeline: PipelineDeps;
  storeQueue: Queue<StoreRecordJob>;
}

export function extractArticleProcessor(
  deps: ExtractArticleDeps,
): StageProcessor<'extract', { recordId: string; seizureStory: boolean }> {
  return async ({ recordId, item, page }, { job }) => {
    const record = await extractPage(item, page ?? (await fetchItemPage(item, deps.pipeline)), deps.pipeline);
    // The record id comes from the page's canonical URL, which may differ from the feed link.
    await deps.storeQueue.add('store-record', { record, item }, { jobId: stageJobId('store', record.id) });
    // The page is not needed any more: Redis keeps completed jobs for days, so keep them small.
    if (page) await job.updateData({ recordId, item });
    return { recordId: record.id, seizureStory: record.seizureStory };
  };
}
