/**
 * Errors reach the log through pino's `err` serializer: type, message, stack, the typed error's
 * code and details, and the chain of causes; never a hand-made `{ message }` that drops them.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { Job } from 'bullmq';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { FetchError } from '../../src/errors.ts';
import { wrapProcessor } from '../../src/service/job-wrapper.ts';
import { createMetrics } from '../../src/service/metrics.ts';
import { ROOT } from '../helpers/paths.ts';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      for (const l of String(chunk).split('\n')) if (l) lines.push(JSON.parse(l));
      done();
    },
  });
  return { logger: pino({ level: 'debug' }, sink), lines };
}

describe('a failed job in the log', () => {
  it('carries the stack, code, details and cause of the error', async () => {
    const { logger, lines } = capture();
    const socket = Object.assign(new Error('socket hang up by the harbour server'), { code: 'ECONNRESET' });
    const processor = wrapProcessor(
      async () => {
        throw new FetchError('FETCH_HTTP_STATUS', 'HTTP 410 from the port authority', {
          retryable: false,
          details: { status: 410 },
          cause: socket,
        });
      },
      { stage: 'fetch', logger, metrics: createMetrics(), rateLimitMs: 1_000 },
    );
    const job = {
      name: 'fetch-page',
      id: 'fetch-abc',
      attemptsMade: 0,
      opts: { attempts: 3 },
      data: { recordId: 'abc', item: { url: 'https://port.example/notice/7' } },
    } as unknown as Job;
    await expect(processor(job, 'token')).rejects.toThrow(/HTTP 410/);
    const line = lines.find((l) => l.msg === 'job failed: not retryable');
    const err = line?.err as Record<string, unknown>;
    expect(err.type).toBe('FetchError');
    expect(err.code).toBe('FETCH_HTTP_STATUS');
    expect(err.details).toEqual({ status: 410 });
    expect(String(err.stack)).toMatch(/^FetchError: HTTP 410 from the port authority\n\s+at /);
    expect(String(err.stack)).toContain('caused by: Error: socket hang up by the harbour server');
    expect(String(err.message)).toContain('socket hang up');
    // Context as fields beside it, the message constant.
    expect(line?.jobId).toBe('fetch-abc');
  });
});

/** Source files under src/ and jobs/. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? sources(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('log calls', () => {
  it('pass the error itself under err, not a copy of its message', () => {
    const offenders: string[] = [];
    for (const file of [...sources(path.join(ROOT, 'src')), ...sources(path.join(ROOT, 'jobs'))]) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\berr: \{[^}]*message/g)) {
        const line = text.slice(0, m.index).split('\n').length;
        offenders.push(`${path.relative(ROOT, file)}:${line}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
