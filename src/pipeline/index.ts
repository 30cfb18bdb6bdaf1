/**
 * The pipeline's stage functions, shared by `scan` (in process, {@link runScan}) and `serve`
 * (BullMQ jobs): pollFeed -> processItem (fetchItemPage + extractPage) -> storeRecord.
 */
export type { PipelineDeps } from './deps.ts';
export { type PollOptions, type PollResult, pollFeed, pollFeedDetailed } from './poll-feed.ts';
export { extractPage, fetchItemPage, processItem, recordFromPage } from './process-item.ts';
export { runScan, type ScanEvent, type ScanFailure, type ScanOptions, type ScanSummary } from './run-scan.ts';
export { freshnessMs, nextPollAfterFailure, nextPollAfterSuccess } from './schedule.ts';
export { emitPending, type StoreResult, storeRecord } from './store-record.ts';
