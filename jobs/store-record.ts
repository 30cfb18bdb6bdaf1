/**
 * Job `store-record`: the shared `storeRecord` stage — stored once (idempotent by id) with the
 * item's seen marks and, when new, appended to the NDJSON output — then an `alert-record` job
 * with a deterministic id. Every step is idempotent: a re-run after a crash or a stall stores
 * nothing twice, the output's ledger never writes a record's line twice (a record stored but not
 * written is written by `emitPending` at the next start), and the alert job is queued once.
 */
import type { Queue } from 'bullmq';
import { type PipelineDeps, storeRecord } from '../src/pipeline/index.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import type { ServiceMetrics } from '../src/service/metrics.ts';
import { type AlertRecordJob, stageJobId } from '../src/service/queues.ts';
import type { RecordBus } from '../src/service/record-bus.ts';

export interface StoreRecordDeps {
  /** With `alerter: null`: alerts go through the alert queue. */
  pipeline: PipelineDeps;
  alertQueue: Queue<AlertRecordJob>;
  bus: RecordBus;
  metrics: ServiceMetrics;
}

export function storeRecordProcessor(deps: StoreRecordDeps): StageProcessor<'store', { isNew: boolean }> {
  return async ({ record, item }, { logger }) => {
    const result = await storeRecord(record, { ...deps.pipeline, alerter: null, logger }, item);
    if (result.isNew) {
      deps.metrics.recordsStored.inc({ seizure_story: String(record.seizureStory) });
      deps.bus.publish(record);
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
