/**
 * `seizurewatch ui` as a process: prints its URL, serves the store, stops on SIGTERM with 0;
 * bad arguments exit 2 with one line.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openStore } from '../../src/records/store.ts';
import { PostgresStore } from '../../src/store/postgres.ts';
import { ROOT } from '../helpers/paths.ts';
import { createTestDatabase } from '../helpers/postgres.ts';
import { testRecord } from '../helpers/records.ts';

vi.setConfig({ testTimeout: 120_000 });
const BIN = path.join(ROOT, 'bin/seizurewatch.js');
const run = promisify(execFile);

describe('seizurewatch ui (CLI process)', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'sw-ui-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('prints its URL, serves the store, and exits 0 on SIGTERM', async () => {
    const store = openStore(dir);
    store.insertRecord(testRecord('cli-one', { seizureStory: false }));
    store.close();
    const child = spawn(process.execPath, [BIN, 'ui', '--store', dir, '--port', '0'], {
      env: { ...process.env, SEIZUREWATCH_API_TOKEN: '' },
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed: ${out}`)), 100_000);
      child.stdout.on('data', () => {
        const m = /seizurewatch dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(m[1]!);
        }
      });
    });
    const summary = (await (await fetch(`${url}api/dashboard/summary`)).json()) as { records: number };
    expect(summary.records).toBe(1);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('serves a PostgreSQL store given by URL (--store postgres://...)', async () => {
    const db = await createTestDatabase('sw_ui_cli');
    try {
      const store = await PostgresStore.open(db.url);
      await store.insertRecord(testRecord('cli-pg-one', { seizureStory: false }));
      await store.insertRecord(testRecord('cli-pg-two'));
      await store.close();
      const child = spawn(process.execPath, [BIN, 'ui', '--store', db.url, '--port', '0'], {
        env: { ...process.env, SEIZUREWATCH_API_TOKEN: '' },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => {
        out += d;
      });
      child.stderr.on('data', (d) => {
        err += d;
      });
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL printed: ${out} ${err}`)), 100_000);
        child.stdout.on('data', () => {
          const m = /seizurewatch dashboard: (http:\/\/127\.0\.0\.1:\d+\/)/.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[1]!);
          }
        });
      });
      const summary = (await (await fetch(`${url}api/dashboard/summary`)).json()) as {
        records: number;
        seizureStories: number;
      };
      expect(summary).toMatchObject({ records: 2, seizureStories: 1 });
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(err).toContain(`new records stored in postgres://postgres@127.0.0.1:5432/${db.name}`);
    } finally {
      await db.drop();
    }
  });

  it('exits 2 when neither a config, a store nor --demo is given', async () => {
    const err = await run(process.execPath, [BIN, 'ui'], { timeout: 100_000 }).catch((e: unknown) => e);
    const e = err as { code: number; stderr: string };
    expect(e.code).toBe(2);
    expect(e.stderr).toContain('give one of --config FILE, --store DIR or --demo');
  });
});
