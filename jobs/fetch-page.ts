/** Job `fetch-page`: fetch one article page (shared `fetchItemPage`), hand it to `extract-article`. */
import type { Queue } from 'bullmq';
import { fetchItemPage, type PipelineDeps } from '../src/pipeline/index.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import { type ExtractArticleJob, stageJobId } from '../src/service/queues.ts';

/**
 * Pages over 1 MB (real articles are smaller; hostile ones are not) wait behind the others in
 * the extract queue: BullMQ takes jobs without a priority first, so a flood of huge pages from
 * one site cannot delay everyone's articles.
 */
function sizePriority(page: { html: string }): { priority?: number } {
  return page.html.length > 1_000_000
    ? { priority: Math.min(Math.ceil(page.html.length / 1_000_000), 1000) }
    : {};
}

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
      { jobId: stageJobId('extract', recordId), ...sizePriority(page) },
    );
    return { status: page.status };
  };
}
