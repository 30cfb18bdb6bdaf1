/** Moved to src/sinks/ledger.ts (used by `scan` and `serve` alike); kept for old imports. */
export { LedgerSink, readNdjsonIds } from '../sinks/ledger.ts';
