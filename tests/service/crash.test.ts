/**
 * Crash safety: `serve` is killed with SIGKILL in the middle of a batch of 40 articles, then
 * started again. The jobs that were active at the kill are still `active` in Redis, their locks
 * unrenewed: what brings them back is BullMQ's stalled-job check in the new process (once a
 * lock lapses, the job is moved back to waiting, counted as one stall, and run again). The feed
 * sends an ETag and answers 304 to every poll after the first, so no later poll lists the items
 * again, and the start-up re-queue of pending items leaves alone an item whose job is active:
 * the stalled-job check is the only way back for those jobs. Checked by switching it off
 * (`skipStalledCheck: true`: the jobs stay active, the test times out) and by failing stalled
 * jobs at once (`maxStalledCount: 0`: the items come back through the failed-job path and the
 * re-queue, and the assertions on the takeover fail). Every article ends up stored exactly
 * once, and the NDJSON output holds each record once, with no torn line.
 */
import { readFileSync } from 'node:fs';
import { Queue } from 'bullmq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordId } from '../../src/records/id.ts';
import { openStore } from '../../src/records/store.ts';
import { QUEUE_NAMES } from '../../src/service/queues.ts';
import { type EtagSite, startEtagSite } from '../helpers/etag-site.ts';
import { deletePrefix, REDIS_URL, uniquePrefix } from './helpers/redis.ts';
import {
  type ServeProcess,
  STARTUP_MS,
  startServe,
  stopServe,
  type TestDirs,
  writeServiceConfig,
} from './helpers/serve-process.ts';
import { until } from './helpers/until.ts';

/**
 * The kill comes once 12 records are written: with up to 8 fetches, 2 extractions and a store
 * in flight, and most of the batch still to do.
 */
const N = 40;
const KILL_AFTER = 12;
const STAGES_WITH_ITEMS = ['fetch', 'extract', 'store'] as const;

function ndjsonLines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8').split('\n');
  } catch {
    return [];
  }
}

/** The ids of the jobs BullMQ holds as active, per stage queue. */
async function activeJobs(prefix: string): Promise<string[]> {
  const ids: string[] = [];
  for (const stage of STAGES_WITH_ITEMS) {
    const q = new Queue(QUEUE_NAMES[stage], { connection: { url: REDIS_URL }, prefix });
    try {
      for (const job of await q.getActive()) if (job?.id) ids.push(job.id);
    } finally {
      await q.close();
    }
  }
  return ids;
}

describe('serve killed mid-batch', () => {
  const prefix = uniquePrefix('crash');
  let site: EtagSite;
  let dirs: TestDirs;
  const procs: ServeProcess[] = [];

  beforeAll(async () => {
    site = await startEtagSite('crash', N);
    site.pageDelayMs = 5;
    dirs = writeServiceConfig('crash', {
      prefix,
      feeds: [{ id: 'batch', url: site.feedUrl }],
      service: {
        pollEveryMs: 1_000,
        lockDurationMs: 1_500,
        stalledIntervalMs: 500,
        concurrency: { fetch: 8, extract: 2, store: 1 },
        http: { enabled: false },
      },
      // One parse thread: each of the two starts loads the NLP tables once, not twice.
      extra: { parse: { threads: 1 } },
    });
  });

  afterAll(async () => {
    for (const p of procs) await stopServe(p, 2_000);
    await site?.close();
    await deletePrefix(prefix);
    dirs?.cleanup();
  });

  it(
    'takes over the jobs active at a SIGKILL (stalled-job check) and stores every article exactly once',
    async () => {
      const first = startServe(dirs.config);
      procs.push(first);
      await first.waitForLog((l) => l.msg === 'service started', STARTUP_MS);
      // Kill it once part of the batch is written, at a moment a job is active (under load the
      // worker can sit between jobs when the count is reached: a kill then cuts nothing short).
      const before = await until(
        async () => {
          const n = ndjsonLines(dirs.ndjson).filter((l) => l.length > 0).length;
          return n >= KILL_AFTER && (await activeJobs(prefix)).length > 0 && n;
        },
        60_000,
        'the first records',
      );
      first.child.kill('SIGKILL');
      expect(await first.exited).toBe('SIGKILL');
      const atKill = ndjsonLines(dirs.ndjson).filter((l) => l.length > 0).length;
      expect(atKill).toBeGreaterThanOrEqual(before);
      expect(atKill).toBeLessThan(N);
      // The jobs cut short: still active in Redis, with no process to finish them.
      const cut = await activeJobs(prefix);
      expect(cut.length).toBeGreaterThan(0);

      const second = startServe(dirs.config);
      procs.push(second);
      await until(
        () => ndjsonLines(dirs.ndjson).filter((l) => l.length > 0).length >= N,
        STARTUP_MS + 60_000,
        `all ${N} records after the restart`,
      );
      // Let any re-run of an interrupted job land before judging duplicates.
      await new Promise((r) => setTimeout(r, 1_500));
      expect(await stopServe(second)).toBe(0);

      // Each job cut short was taken over by the stalled-job check, and none failed: not the
      // failed-job path (an attempt counted against the item, then the re-queue), not a poll.
      const takenOver = new Set(
        second.logs
          .filter((l) => l.msg === 'stalled job taken over: its lock lapsed, queued again')
          .map((l) => String(l.jobId)),
      );
      expect(cut.filter((id) => !takenOver.has(id))).toEqual([]);
      expect([...first.logs, ...second.logs].filter((l) => l.msg === 'job failed for good')).toEqual([]);
      expect(site.feedAnswers.full).toBe(1);

      const lines = ndjsonLines(dirs.ndjson);
      expect(lines.at(-1)).toBe('');
      const body = lines.slice(0, -1);
      const ids = body.map((line) => (JSON.parse(line) as { id: string }).id);
      expect(ids).toHaveLength(N);
      expect(new Set(ids).size).toBe(N);
      expect(new Set(ids)).toEqual(new Set(site.urls.map((u) => recordId(u))));

      const store = openStore(dirs.store);
      try {
        expect(store.countRecords()).toBe(N);
        for (const u of site.urls) expect(store.hasRecord(recordId(u))).toBe(true);
        expect(store.pendingItems()).toEqual([]);
        expect(store.failedItems()).toEqual([]);
      } finally {
        store.close();
      }
    },
    2 * STARTUP_MS + 120_000,
  );
});
