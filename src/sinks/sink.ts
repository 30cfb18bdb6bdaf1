/**
 * Where stored records go out: the NDJSON output file. Both drivers (`scan`, `serve`) write
 * through one {@link Sink}, the exactly-once ledger of ./ledger.ts.
 */
import type { ArticleRecord } from '../types.ts';

export interface Sink {
  /**
   * Write the record once: a record whose id the output already holds is skipped, so a stage
   * re-run after a crash, a stall or a restart never writes a second line for it.
   */
  write(record: ArticleRecord): Promise<void>;
  close(): Promise<void>;
}
