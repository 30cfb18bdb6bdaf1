/**
 * `seizurewatch scan` and `seizurewatch demo` as processes, against a real local server serving
 * the golden DW feed (links rewritten to the server) and its two pages.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type GoldenServer, startGoldenServer } from '../../src/demo/golden-server.ts';
import { parseNdjson } from '../../src/sinks/ndjson.ts';
import { GOLDEN, ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
// Each CLI process loads the whole pipeline through tsx: seconds on a busy 2-core machine.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });
const BIN = path.join(ROOT, 'bin/seizurewatch.js');
const expected = JSON.parse(readFileSync(path.join(GOLDEN, 'expected.json'), 'utf8')) as {
  id: string;
  url: string;
};

async function cli(args: string[], cwd: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd, timeout: 110_000 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe('seizurewatch scan (CLI process)', () => {
  let server: GoldenServer;
  let dir: string;
  let configFile: string;

  beforeAll(async () => {
    server = await startGoldenServer();
    dir = mkdtempSync(path.join(tmpdir(), 'sw-scan-cli-'));
    configFile = path.join(dir, 'config.yaml');
    writeFileSync(
      configFile,
      [
        'feeds:',
        '  - id: dw-golden',
        `    url: ${server.feedUrl}`,
        'output:',
        '  ndjson: out/records.ndjson',
        'store:',
        '  dir: state',
        'fetch:',
        '  allowPrivateNetworks: true',
        '  minHostGapMs: 20',
        'log:',
        '  level: warn',
        '',
      ].join('\n'),
    );
  });
  afterAll(async () => {
    await server?.close();
  });

  it('stores both golden items, one seizure story, ids and urls from the canonical URL', async () => {
    const { stderr, code } = await cli(['scan', '--config', configFile], dir);
    expect(code, stderr).toBe(0);
    const { records, skipped } = parseNdjson(readFileSync(path.join(dir, 'out/records.ndjson'), 'utf8'));
    expect(skipped).toBe(0);
    expect(records).toHaveLength(2);
    const golden = records.find((r) => r.id === expected.id);
    expect(golden?.url).toBe(expected.url);
    expect(golden?.seizureStory).toBe(true);
    const other = records.find((r) => r.id !== expected.id);
    expect(other?.url).toBe(
      'https://www.dw.com/en/hamburg-port-cargo-volumes-rise-as-shipping-recovers/a-73960042',
    );
    expect(other?.seizureStory).toBe(false);
    expect(records.filter((r) => r.seizureStory)).toHaveLength(1);
    expect(stderr).toMatch(/2 new, 0 seen/);
    expect(stderr).toMatch(/records: 2 stored \(1 seizure stories\)/);
  });

  it('a second scan adds nothing (polled again with --force: items are seen)', async () => {
    const { stderr, code } = await cli(['scan', '--config', configFile, '--force', '--dry-run'], dir);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/0 new, 2 seen/);
    expect(stderr).toMatch(/records: 0 stored/);
    const { records } = parseNdjson(readFileSync(path.join(dir, 'out/records.ndjson'), 'utf8'));
    expect(records).toHaveLength(2);
  });

  it('a third scan without --force honours the feed schedule (sy:updatePeriod hourly) and adds nothing', async () => {
    const { stderr, code } = await cli(['scan', '--config', configFile], dir);
    expect(code, stderr).toBe(0);
    expect(stderr).toMatch(/not due until/);
    const { records } = parseNdjson(readFileSync(path.join(dir, 'out/records.ndjson'), 'utf8'));
    expect(records).toHaveLength(2);
  });
});

describe('seizurewatch demo (CLI process)', () => {
  it('prints the two golden records as NDJSON on stdout, offline', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-demo-cli-'));
    const { stdout, stderr, code } = await cli(['demo'], dir);
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    const records = lines.map((l) => JSON.parse(l) as { id: string; url: string; seizureStory: boolean });
    expect(records[0]).toMatchObject({ id: expected.id, url: expected.url, seizureStory: true });
    expect(records[1]?.seizureStory).toBe(false);
  });
});
