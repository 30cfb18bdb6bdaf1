/**
 * Job `store-record`: the shared `storeRecord` stage — stored once (idempotent by id, in the
 * shared store) with the item's seen marks — then an `alert-record` job with a deterministic id.
 * The NDJSON line is written by the output writer (one process at a time, by lease, from the
 * store's records not yet emitted: src/sinks/output-writer.ts). Every step is idempotent: a
 * re-run after a crash or a stall stores nothing twice and queues the alert job once.
 */
import type { Queue } from 'bullmq';
import { type PipelineDeps, storeRecord } from '../src/pipeline/index.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import type { ServiceMetrics } from '../src/service/metrics.ts';
import { type AlertRecordJob, stageJobId } from '../src/service/queues.ts';
import type { ArticleRecord } from '../src/types.ts';

export interface StoreRecordDeps {
  /** With `alerter: null`: alerts go through the alert queue. */
  pipeline: PipelineDeps;
  alertQueue: Queue<AlertRecordJob>;
  /** A record was newly stored: tell the live stream of every process, nudge the output writer. */
  onNew: (record: ArticleRecord) => Promise<void>;
  metrics: ServiceMetrics;
}

export function storeRecordProcessor(deps: StoreRecordDeps): StageProcessor<'store', { isNew: boolean }> {
  return async ({ record, item }, { logger }) => {
    const result = await storeRecord(record, { ...deps.pipeline, alerter: null, logger }, item);
    if (result.isNew) {
      deps.metrics.recordsStored.inc({ seizure_story: String(record.seizureStory) });
      await deps.onNew(record);
    }
    await deps.alertQueue.add(
      'alert-record',
      { recordId: record.id },
      { jobId: stageJobId('alert', record.id) },
    );
    logger.info(
      { recordId: record.id, isNew: result.isNew, seizureStory: record.seizureStory },
      'record stored',
    );
    return { isNew: result.isNew };
  };
}
