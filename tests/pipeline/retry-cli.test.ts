/**
 * `seizurewatch retry` as a process (issue 12): `--list` shows the items given up with their
 * reason, `retry ID` and `retry URL` put one back as pending (the next scan or poll fetches it),
 * an unknown one exits 1, a missing argument exits 2.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { recordId } from '../../src/records/id.ts';
import { openStore } from '../../src/records/store.ts';
import type { FeedItem } from '../../src/types.ts';
import { ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
const BIN = path.join(ROOT, 'bin/seizurewatch.js');

async function cli(args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { timeout: 110_000 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

const item = (n: number): FeedItem => ({
  feedId: 'cli-feed',
  link: `https://news.example/cli/${n}`,
  url: `https://news.example/cli/${n}`,
  guid: null,
  title: `Item ${n}`,
  published: null,
  summary: null,
  contentHtml: null,
  categories: [],
  language: 'en',
});

describe('seizurewatch retry (CLI process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-retry-cli-'));
  const config = path.join(dir, 'config.yaml');
  const storeDir = path.join(dir, 'state');

  beforeAll(() => {
    writeFileSync(
      config,
      JSON.stringify({
        feeds: [{ id: 'cli-feed', url: 'https://news.example/feed.xml' }],
        output: { ndjson: path.join(dir, 'out.ndjson') },
        store: { dir: storeDir },
      }),
    );
    const store = openStore(storeDir);
    store.savePoll('cli-feed', { etag: '"a"' }, [item(1), item(2), item(3)]);
    store.recordItemFailure(
      item(1),
      { code: 'FETCH_HTTP_STATUS', message: 'HTTP 404 for x', permanent: true },
      5,
    );
    store.recordItemFailure(
      item(2),
      { code: 'FETCH_ROBOTS_DISALLOWED', message: 'robots.txt disallows it', permanent: true },
      5,
    );
    store.close();
  });

  it('lists the items given up, with their reason', async () => {
    const r = await cli(['retry', '--list', '--config', config]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const one = lines.find((l) => l.startsWith(recordId(item(1).url)))!;
    expect(one).toContain('FETCH_HTTP_STATUS (1 attempt)');
    expect(one).toContain(item(1).url);
    expect(one).toContain('HTTP 404 for x');
    expect(r.stderr).toMatch(/2 item\(s\) given up/);
    const json = await cli(['retry', '--list', '--json', '--config', config]);
    const parsed = json.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; code: string });
    expect(parsed.map((p) => p.code).sort()).toEqual(['FETCH_HTTP_STATUS', 'FETCH_ROBOTS_DISALLOWED']);
  });

  it('puts one back by id, another by URL; an unknown one exits 1, no argument exits 2', async () => {
    const byId = await cli(['retry', recordId(item(1).url), '--config', config]);
    expect(byId.code).toBe(0);
    expect(byId.stderr).toMatch(new RegExp(`put back ${recordId(item(1).url)} ${item(1).url}`));
    const byUrl = await cli(['retry', item(2).url, '--config', config]);
    expect(byUrl.code).toBe(0);
    const again = await cli(['retry', item(2).url, '--config', config]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no failed item/);
    expect((await cli(['retry', '--config', config])).code).toBe(2);

    const store = openStore(storeDir);
    try {
      expect(store.failedItems()).toEqual([]);
      // Put back at the end of the line, with no attempts counted.
      expect(store.pendingItems().map((p) => [p.item.url, p.attempts])).toEqual([
        [item(3).url, 0],
        [item(1).url, 0],
        [item(2).url, 0],
      ]);
    } finally {
      store.close();
    }
    const list = await cli(['retry', '--list', '--config', config]);
    expect(list.stdout).toBe('');
    expect(list.stderr).toMatch(/0 item\(s\) given up/);
  });
});
