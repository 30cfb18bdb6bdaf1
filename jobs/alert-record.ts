/** Job `alert-record`: hand one newly stored record to the alerter (which decides and delivers). */
import type { Alerter } from '../src/alerts/index.ts';
import { SeizurewatchError } from '../src/errors.ts';
import type { StageProcessor } from '../src/service/job-wrapper.ts';
import type { Store } from '../src/store/types.ts';

export interface AlertRecordDeps {
  store: Store;
  alerter: Alerter;
}

export function alertRecordProcessor(deps: AlertRecordDeps): StageProcessor<'alert', { recordId: string }> {
  return async ({ recordId }) => {
    const record = await deps.store.getRecord(recordId);
    if (!record) {
      throw new SeizurewatchError('STORE_FAILED', `record ${recordId} is not in the store`, {
        details: { recordId },
      });
    }
    await deps.alerter.onRecord(record);
    return { recordId };
  };
}
