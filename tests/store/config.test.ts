/** Which store the config names: store.url, else DATABASE_URL, else the SQLite files of store.dir. */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.ts';
import { resolveStoreUrl } from '../../src/store/index.ts';

const base = { feeds: [{ id: 'f', url: 'https://news.example/rss' }], output: { ndjson: 'out.ndjson' } };

describe('store settings', () => {
  it('accept a postgres URL and report a bad one with the other problems', () => {
    const ok = parseConfig(
      { ...base, store: { dir: 'data', url: 'postgres://postgres@127.0.0.1:5432/sw' } },
      'x.yaml',
    );
    expect(ok.store.url).toBe('postgres://postgres@127.0.0.1:5432/sw');
    let message = '';
    try {
      parseConfig(
        { ...base, feeds: [{ id: 'Bad Id', url: 'x' }], store: { dir: 'data', url: 'mysql://db/sw' } },
        'x.yaml',
      );
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/store\.url: must be a postgres:\/\/ or postgresql:\/\/ URL/);
    expect(message).toMatch(/feeds\[0\]\.id/);
  });

  it('store.url wins over DATABASE_URL; DATABASE_URL over the SQLite files; a bad DATABASE_URL is refused', () => {
    const env = { DATABASE_URL: 'postgresql://postgres@db:5432/from_env' };
    expect(resolveStoreUrl({ dir: 'd', url: 'postgres://postgres@a/x' }, env)).toBe(
      'postgres://postgres@a/x',
    );
    expect(resolveStoreUrl({ dir: 'd' }, env)).toBe('postgresql://postgres@db:5432/from_env');
    expect(resolveStoreUrl({ dir: 'd' }, {})).toBeNull();
    expect(resolveStoreUrl({ dir: 'd' }, { DATABASE_URL: '  ' })).toBeNull();
    expect(() => resolveStoreUrl({ dir: 'd' }, { DATABASE_URL: 'sqlite:///tmp/x' })).toThrow(
      /DATABASE_URL: must be a postgres/,
    );
  });
});
