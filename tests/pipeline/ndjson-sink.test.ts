/** The NDJSON sink: one line per record, no torn lines even when the writer is killed. */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NdjsonSink, parseNdjson, readNdjson } from '../../src/sinks/ndjson.ts';
import type { ArticleRecord } from '../../src/types.ts';
import { ROOT } from '../helpers/paths.ts';

const tmp = () => mkdtempSync(path.join(tmpdir(), 'sw-ndjson-'));
const rec = (id: string, text = 'Ünïcode “quotes” and a line\u2028separator\nnewline') =>
  ({ id, text }) as unknown as ArticleRecord;

describe('NdjsonSink', () => {
  it('appends one UTF-8 object per line and creates the directory', () => {
    const file = path.join(tmp(), 'deep/dir/out.ndjson');
    const sink = new NdjsonSink(file);
    sink.append(rec('a'));
    sink.append(rec('b'));
    sink.close();
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3);
    expect(text.endsWith('\n')).toBe(true);
    expect(readNdjson(file).records.map((r) => r.id)).toEqual(['a', 'b']);
    expect(readNdjson(file).records[0]?.text).toContain('Ünïcode “quotes”');
  });

  it('closes off a torn final line before appending, and readers skip it', () => {
    const file = path.join(tmp(), 'out.ndjson');
    writeFileSync(file, `${JSON.stringify({ id: 'ok' })}\n{"id":"torn","te`);
    const sink = new NdjsonSink(file);
    sink.append(rec('next'));
    sink.close();
    const { records, skipped } = readNdjson(file);
    expect(records.map((r) => r.id)).toEqual(['ok', 'next']);
    expect(skipped).toBe(1);
  });

  it('a reader skips a partial final line', () => {
    const { records, skipped } = parseNdjson(`{"id":"1"}\n{"id":"2"}\n{"id":"3","x":`);
    expect(records).toHaveLength(2);
    expect(skipped).toBe(1);
    expect(readNdjson(path.join(tmp(), 'missing.ndjson'))).toEqual({ records: [], skipped: 0 });
  });

  it('leaves only whole lines when the writing process is killed mid-stream', async () => {
    const file = path.join(tmp(), 'killed.ndjson');
    const script = path.join(tmp(), 'writer.mts');
    writeFileSync(
      script,
      `import { NdjsonSink } from ${JSON.stringify(path.join(ROOT, 'src/sinks/ndjson.ts'))};
const sink = new NdjsonSink(${JSON.stringify(file)});
const big = 'x'.repeat(200_000);
process.stdout.write('ready\\n');
for (let i = 0; ; i++) sink.append({ id: String(i), text: big });\n`,
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    // Another writer afterwards must not glue its line onto a torn tail.
    const sink = new NdjsonSink(file);
    sink.append(rec('after'));
    sink.close();
    const text = readFileSync(file, 'utf8');
    const lines = text.split('\n').filter(Boolean);
    const { records, skipped } = parseNdjson(text);
    expect(records.length).toBeGreaterThan(1);
    expect(skipped).toBeLessThanOrEqual(1);
    expect(records.length + skipped).toBe(lines.length);
    expect(records.at(-1)?.id).toBe('after');
  });
});
