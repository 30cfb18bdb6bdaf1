/**
 * `seizurewatch alerts test` and `seizurewatch cluster` run as processes. The CLI loads every
 * command at start (seconds on a busy machine): a generous timeout.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { verifyWebhook } from '../../src/alerts/signature.ts';
import { ROOT } from '../helpers/paths.ts';
import { SECRET, startReceiver } from './helpers.ts';

/** A `${NAME}` environment reference, as a config file writes it. */
const ref = (name: string): string => `\${${name}}`;

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/seizurewatch.js');

function configFile(url: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-alerts-cli-'));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(
    file,
    [
      'feeds:',
      '  - { id: local, url: "http://127.0.0.1:1/feed.xml" }',
      'output: { ndjson: out.ndjson }',
      `store: { dir: ${JSON.stringify(path.join(dir, 'data'))} }`,
      'alerts:',
      '  channels:',
      '    - name: desk',
      '      type: webhook',
      `      url: ${url}`,
      `      secret: ${ref('SW_TEST_CLI_SECRET')}`,
      '  rules:',
      '    - name: all-seizures',
      '      when: { seizureStory: true }',
      '      channels: [desk]',
    ].join('\n'),
  );
  return file;
}

describe('seizurewatch alerts test', { timeout: 120_000 }, () => {
  it('sends a signed sample alert to the named channel', async () => {
    const rx = await startReceiver();
    try {
      const { stdout } = await run(
        process.execPath,
        [BIN, 'alerts', 'test', '--channel', 'desk', '--config', configFile(rx.url)],
        {
          env: { ...process.env, SW_TEST_CLI_SECRET: SECRET },
        },
      );
      expect(stdout).toMatch(
        /^sent a test alert to desk \(webhook\): 200 in \d+ ms, id msg_test_[0-9a-f]{16}\n$/,
      );
      expect(rx.requests).toHaveLength(1);
      expect(verifyWebhook(SECRET, rx.requests[0]!.headers, rx.requests[0]!.body)).toBe(true);
      expect(JSON.parse(rx.requests[0]!.body)).toMatchObject({
        type: 'seizure.test',
        data: { rule: 'test' },
      });
    } finally {
      await rx.close();
    }
  });

  it('fails with exit code 2 for an unknown channel and 1 when the receiver refuses', async () => {
    const rx = await startReceiver(() => 403);
    try {
      const env = { ...process.env, SW_TEST_CLI_SECRET: SECRET };
      const unknown = await run(
        process.execPath,
        [BIN, 'alerts', 'test', '--channel', 'nope', '--config', configFile(rx.url)],
        {
          env,
        },
      ).catch((e: { code: number; stderr: string }) => e);
      expect(unknown).toMatchObject({ code: 2 });
      expect((unknown as { stderr: string }).stderr).toContain('no channel "nope"');
      const refused = await run(
        process.execPath,
        [BIN, 'alerts', 'test', '--channel', 'desk', '--config', configFile(rx.url)],
        {
          env,
        },
      ).catch((e: { code: number; stderr: string }) => e);
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toContain('test alert to desk failed (final)');
    } finally {
      await rx.close();
    }
  });
});

describe('seizurewatch cluster', { timeout: 120_000 }, () => {
  it('prints one {"id","cluster"} line per corpus file', async () => {
    const { stdout, stderr } = await run(process.execPath, [
      BIN,
      'cluster',
      '--corpus',
      path.join(ROOT, 'tests/fixtures/cluster/held-out'),
      '--score',
      '--language',
      'en',
    ]);
    const lines = stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(12);
    for (const l of lines) expect(Object.keys(l)).toEqual(['id', 'cluster']);
    const key = (id: string) => lines.find((l) => l.id === id).cluster;
    expect(key('brv-cars-local')).toBe(key('brv-cars-wire'));
    expect(key('ham-plants-wire')).not.toBe(key('ham-coffee-wire'));
    expect(stderr).toMatch(/B-cubed over 11 labelled articles: precision [\d.]+ recall [\d.]+ F1 [\d.]+/);
  });
});
