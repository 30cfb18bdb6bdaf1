import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

function writeTemp(text: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-config-'));
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, text);
  return file;
}

describe('loadConfig', () => {
  it('reads the shipped default config', () => {
    const cfg = loadConfig('config/default.yaml');
    expect(cfg.feeds[0]).toMatchObject({ id: 'dw-en-all', url: 'https://rss.dw.com/rdf/rss-en-all' });
    expect(cfg.fetch.allowPrivateNetworks).toBe(false);
    expect(path.isAbsolute(cfg.output.ndjson)).toBe(true);
    expect(Object.isFrozen(cfg.feeds)).toBe(true);
  });

  it('reports every problem at once, each with its path', () => {
    const file = writeTemp(
      [
        'feeds:',
        '  - id: Bad_Id',
        '    url: ftp://example.org/feed',
        '  - id: ok',
        '    url: https://example.org/a',
        '  - id: ok',
        '    url: https://example.org/b',
        'output: {}',
        'store: { dir: data }',
        'fetch: { allowPrivateNetworks: "yes" }',
        'surprise: 1',
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadConfig(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const paths = (error as ConfigError).problems.map((p) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['feeds[0].id', 'feeds[0].url', 'output.ndjson', 'fetch.allowPrivateNetworks']),
    );
    expect((error as ConfigError).message).toContain('feeds[0].url');
    expect((error as ConfigError).problems.some((p) => p.message.includes('surprise'))).toBe(true);
  });

  it('flags duplicate feed ids and YAML syntax errors', () => {
    const dup = writeTemp(
      'feeds:\n  - { id: a, url: "https://x.org/1" }\n  - { id: a, url: "https://x.org/2" }\noutput: { ndjson: o.ndjson }\nstore: { dir: d }\n',
    );
    expect(() => loadConfig(dup)).toThrow(/feeds\[1\]\.id: duplicate feed id "a"/);
    const broken = writeTemp('feeds: [\n');
    expect(() => loadConfig(broken)).toThrow(ConfigError);
    expect(() => loadConfig('/nonexistent/config.yaml')).toThrow(/cannot read file/);
  });
});
