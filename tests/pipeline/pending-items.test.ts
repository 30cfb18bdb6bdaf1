/**
 * Nothing lost behind a 304 (issue 15 item 1) and give-up (issue 12), with `scan`: a feed that
 * sends an ETag answers 304 to every later run, so whatever a run left undone must come back
 * from the store's pending items, not from the feed. A page that fails transiently is tried
 * again next run until `fetch.itemAttempts`; one that fails for good (404) is not fetched again
 * until it is retried; a scan SIGKILLed midway as a real process loses nothing on its rerun.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { Fetcher } from '../../src/fetch/index.ts';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { recordId } from '../../src/records/id.ts';
import { openStore } from '../../src/records/store.ts';
import { readNdjson } from '../../src/sinks/ndjson.ts';
import { type EtagSite, startEtagSite } from '../helpers/etag-site.ts';
import { ROOT } from '../helpers/paths.ts';
import { until } from '../service/helpers/until.ts';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/seizurewatch.js');

const cleanup: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const fn of cleanup.splice(0).reverse()) await fn();
});

async function site(name: string, count: number): Promise<EtagSite> {
  const s = await startEtagSite(name, count);
  cleanup.push(() => s.close());
  return s;
}

function lines(file: string): string[] {
  try {
    return readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.length > 0);
  } catch {
    return [];
  }
}

describe('scan: pending items behind a 304', () => {
  it('tries a failed page again next run, gives up a 404 at once and a flaky page after its attempts, and retries on demand', {
    timeout: 180_000,
  }, async () => {
    const s = await site('pend', 6);
    const pathOf = (n: number) => new URL(s.urls[n]!).pathname;
    s.fail(pathOf(1), 500, 1); // fails once, then answers
    s.fail(pathOf(2), 404); // gone
    s.fail(pathOf(3), 502); // fails every time: given up after 2 attempts
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-pending-'));
    const config = parseConfig(
      {
        feeds: [{ id: 'pend', url: s.feedUrl }],
        output: { ndjson: path.join(dir, 'out.ndjson') },
        store: { dir: path.join(dir, 'store') },
        fetch: { allowPrivateNetworks: true, minHostGapMs: 0, respectRobots: false, itemAttempts: 2 },
      },
      'test',
    );
    const fetcher = new Fetcher(config.fetch);
    cleanup.push(() => fetcher.close());
    const scan = () => runScan(config, { fetcher, force: true });

    const first = await scan();
    expect(first.feeds.polled).toBe(1);
    expect(first.items).toMatchObject({ new: 6, resumed: 0, failed: 3, givenUp: 1 });
    expect(first.records.stored).toBe(3);
    const fates = first.failures
      .map((f) => `${f.url?.split('/').pop()}:${f.code}:${f.givenUp ?? false}`)
      .sort();
    expect(fates).toEqual([
      'pend-1:FETCH_HTTP_STATUS:false',
      'pend-2:FETCH_HTTP_STATUS:true',
      'pend-3:FETCH_HTTP_STATUS:false',
    ]);

    // The feed answers 304 from now on: the pending items come from the store.
    const second = await scan();
    expect(second.feeds).toMatchObject({ polled: 0, notModified: 1 });
    expect(second.items).toMatchObject({ new: 0, resumed: 2, failed: 1, givenUp: 1 });
    expect(second.records.stored).toBe(1);
    expect(second.failures.map((f) => `${f.url?.split('/').pop()}:${f.givenUp ?? false}`)).toEqual([
      'pend-3:true',
    ]);

    const third = await scan();
    expect(third.items).toMatchObject({ new: 0, resumed: 0, failed: 0 });
    expect(s.hits.get(pathOf(2))).toBe(1); // given up: never fetched again
    expect(s.hits.get(pathOf(3))).toBe(2);
    expect(s.feedAnswers).toEqual({ full: 1, notModified: 2 });

    const store = openStore(path.join(dir, 'store'));
    cleanup.push(() => store.close());
    expect(store.failedItems().map((f) => [f.id, f.code, f.attempts])).toEqual(
      expect.arrayContaining([
        [recordId(s.urls[2]!), 'FETCH_HTTP_STATUS', 1],
        [recordId(s.urls[3]!), 'FETCH_HTTP_STATUS', 2],
      ]),
    );
    s.fail(pathOf(2), 404, 0); // the page is back
    expect(store.retryFailed(recordId(s.urls[2]!))?.url).toBe(s.urls[2]);
    const fourth = await scan();
    expect(fourth.items).toMatchObject({ resumed: 1, failed: 0 });
    expect(fourth.records.stored).toBe(1);

    const { records } = readNdjson(path.join(dir, 'out.ndjson'));
    const ids = records.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual([0, 1, 2, 4, 5].map((n) => recordId(s.urls[n]!)).sort());
    expect(store.pendingItems()).toEqual([]);
  });

  it('a scan SIGKILLed midway as a process: the rerun, behind a 304, stores every item once', {
    timeout: 300_000,
  }, async () => {
    const N = 40;
    const s = await site('kill', N);
    s.pageDelayMs = 120;
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-pending-kill-'));
    const configFile = path.join(dir, 'config.yaml');
    const ndjson = path.join(dir, 'out/records.ndjson');
    writeFileSync(
      configFile,
      JSON.stringify({
        feeds: [{ id: 'kill', url: s.feedUrl }],
        output: { ndjson },
        store: { dir: path.join(dir, 'state') },
        fetch: { allowPrivateNetworks: true, minHostGapMs: 0, respectRobots: false, concurrency: 2 },
        log: { level: 'info', pretty: false },
      }),
    );
    const child: ChildProcess = spawn(process.execPath, [BIN, 'scan', '--config', configFile], {
      cwd: dir,
      stdio: 'ignore',
    });
    const exited = new Promise<string>((resolve) =>
      child.on('exit', (code, sig) => resolve(String(sig ?? code))),
    );
    cleanup.push(() => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });
    await until(() => lines(ndjson).length >= 5, 120_000, 'the first records of the scan');
    child.kill('SIGKILL');
    expect(await exited).toBe('SIGKILL');
    const before = lines(ndjson).length;
    expect(before).toBeLessThan(N);

    const { stderr } = await run(process.execPath, [BIN, 'scan', '--config', configFile, '--force'], {
      cwd: dir,
      timeout: 200_000,
    });
    expect(stderr).toMatch(/feed kill: not modified \(304\)/);
    // Every item the killed run had not stored comes back from the store's pending items.
    const resumed = Number(/items: +0 new, (\d+) resumed/.exec(stderr)?.[1] ?? -1);
    expect(resumed).toBeGreaterThan(0);
    expect(resumed).toBeLessThanOrEqual(N - before);
    expect(s.feedAnswers).toEqual({ full: 1, notModified: 1 });
    const ids = lines(ndjson).map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toHaveLength(N);
    expect(new Set(ids)).toEqual(new Set(s.urls.map((u) => recordId(u))));
    const store = openStore(path.join(dir, 'state'));
    cleanup.push(() => store.close());
    expect(store.countRecords()).toBe(N);
    expect(store.pendingItems()).toEqual([]);
  });
});
