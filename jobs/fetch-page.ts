/** Job `fetch-page`: fetch one article page (shared `fetchItemPage`), hand it to `extract-article`. */
import type { Queue } from 'bullmq';
import { fetchItemPage, type PipelineDeps } from '../src/pipeline/index.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import { type ExtractArticleJob, stageJobId } from '../src/service/queues.ts';

export interface FetchPageDeps {
  pipeline: PipelineDeps;
  extractQueue: Queue<ExtractArticleJob>;
}

export function fetchPageProcessor(deps: FetchPageDeps): StageProcessor<'fetch', { status: number }> {
  return async ({ recordId, item }) => {
    const page = await fetchItemPage(item, deps.pipeline);
    await deps.extractQueue.add(
      'extract-article',
      { recordId, item, page },
      { jobId: stageJobId('extract', recordId) },
    );
    return { status: page.status };
  };
}
