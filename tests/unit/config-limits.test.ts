/**
 * Config validation as a whole: every section is validated and the cross-checks still run, so
 * each problem is reported once and none hides another; YAML limits (alias bombs, size, depth)
 * are one input error with exit code 2, never a stack trace (checked on the real CLI process).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { loadConfig, MAX_CONFIG_BYTES } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';
import { ROOT } from '../helpers/paths.ts';

const run = promisify(execFile);
const BIN = path.join(ROOT, 'bin/seizurewatch.js');

function writeTemp(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-config-limits-'));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, text);
  return file;
}

function problemsOf(file: string): { path: string; message: string }[] {
  try {
    loadConfig(file);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error('expected a ConfigError');
}

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...'bcdefgh'.split('').map((k, i) => `${k}: &${k} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(',')}]`),
  'feeds: [{ id: x, url: "https://example.org/feed" }]',
  'output: { ndjson: o.ndjson }',
  'store: { dir: d }',
].join('\n');

describe('config: every problem once', () => {
  it('reports a duplicate feed id even when another section has an error too', () => {
    const file = writeTemp(
      [
        'feeds:',
        '  - { id: a, url: "https://example.org/1" }',
        '  - { id: a, url: "https://example.org/2" }',
        '  - { id: b, url: "ftp://example.org/3" }',
        'output: {}',
        'store: { dir: d }',
        'fetch: { timeoutMs: -1, allowPrivateNetworks: "yes" }',
        'service: { http: { port: 99999 } }',
        'surprise: 1',
        'alerts:',
        '  channels: [{ name: desk, type: webhook, url: "https://example.org/hook" }, { name: desk, type: slack, url: "https://example.org/s" }]',
        '  rules: [{ name: r, channels: [nowhere] }]',
      ].join('\n'),
    );
    const problems = problemsOf(file);
    const paths = problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'feeds[1].id',
        'feeds[2].url',
        'output.ndjson',
        'fetch.timeoutMs',
        'fetch.allowPrivateNetworks',
        'service.http.port',
        'alerts.channels[1].name',
        'alerts.rules[0].channels[0]',
      ]),
    );
    expect(problems.find((p) => p.path === 'feeds[1].id')?.message).toMatch(/duplicate feed id "a"/);
    // Once each.
    const keys = problems.map((p) => `${p.path}: ${p.message}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('config: YAML limits', () => {
  it('refuses an alias bomb, an oversized file and absurd nesting as config errors', () => {
    expect(problemsOf(writeTemp(ALIAS_BOMB))[0]?.message).toMatch(/aliases/);
    expect(problemsOf(writeTemp(`# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`))[0]?.message).toMatch(/larger than/);
    const deep = `feeds: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    const problems = problemsOf(writeTemp(deep));
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.message.length < 300)).toBe(true);
  });

  it('the CLI exits 2 with the problem on one line, no stack trace', { timeout: 120_000 }, async () => {
    const file = writeTemp(ALIAS_BOMB);
    let result: { code: number; stderr: string } = { code: 0, stderr: '' };
    try {
      await run(process.execPath, [BIN, 'scan', '--config', file], { timeout: 110_000 });
    } catch (err) {
      result = err as { code: number; stderr: string };
    }
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^seizurewatch: invalid config .*\n {2}- \(root\): YAML aliases expand to too much/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });
});
