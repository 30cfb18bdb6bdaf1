/**
 * Runs `seizurewatch serve` as a real process (node bin/seizurewatch.js) and watches its JSON
 * logs on stderr, plus a config writer for service tests.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../../helpers/paths.ts';

export const BIN = path.join(ROOT, 'bin/seizurewatch.js');

/**
 * How long a `serve` process may take to start: loading the NLP tables takes seconds, and far
 * longer on a machine shared with other test runs.
 */
export const STARTUP_MS = 120_000;

export interface LogLine {
  level?: number;
  msg?: string;
  [key: string]: unknown;
}

export interface ServeProcess {
  child: ChildProcess;
  logs: LogLine[];
  /** Raw stderr text (non-JSON lines too). */
  stderr(): string;
  waitForLog(pred: (l: LogLine) => boolean, timeoutMs?: number): Promise<LogLine>;
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>;
  /** The HTTP API address, once logged. */
  httpUrl(): Promise<string>;
}

export function startServe(
  configFile: string,
  env: Record<string, string> = {},
  args: string[] = [],
): ServeProcess {
  const child = spawn(process.execPath, [BIN, 'serve', '--config', configFile, ...args], {
    cwd: ROOT,
    env: { ...process.env, SEIZUREWATCH_LOG_PRETTY: '0', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: LogLine[] = [];
  let raw = '';
  let pending = '';
  const waiters = new Set<() => void>();
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => {
    raw += chunk;
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (!line.startsWith('{')) continue;
      try {
        logs.push(JSON.parse(line) as LogLine);
      } catch {
        /* not a log line */
      }
    }
    for (const w of waiters) w();
  });
  const exited = new Promise<number | string>((resolve) => {
    child.on('exit', (code, signal) => {
      for (const w of waiters) w();
      resolve(code ?? signal ?? -1);
    });
  });
  const waitForLog = (pred: (l: LogLine) => boolean, timeoutMs = 15_000) =>
    new Promise<LogLine>((resolve, reject) => {
      const check = () => {
        const hit = logs.find(pred);
        if (hit) {
          cleanup();
          resolve(hit);
        } else if (child.exitCode !== null || child.signalCode !== null) {
          cleanup();
          reject(
            new Error(
              `serve exited (${child.exitCode ?? child.signalCode}) before the log line came:\n${raw.slice(-3000)}`,
            ),
          );
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for a log line; stderr tail:\n${raw.slice(-3000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  return {
    child,
    logs,
    stderr: () => raw,
    waitForLog,
    exited,
    async httpUrl() {
      const line = await waitForLog((l) => l.msg === 'http api listening', STARTUP_MS);
      return String(line.url);
    },
  };
}

/**
 * Stop a serve process: SIGTERM, then SIGKILL after `graceMs`. The default is longer than the worst case of the service's
 * own stop with the test config (`shutdownTimeoutMs` 5 s for the workers, 5 s to release them, 5 s
 * for the queues, up to 5 s for alert deliveries): a SIGKILL means the stop overran what it
 * promises, not that a loaded machine was slow (10 s overran once under a full CI run).
 */
export async function stopServe(p: ServeProcess, graceMs = 30_000): Promise<number | string> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return p.exited;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), graceMs);
  const code = await p.exited;
  clearTimeout(timer);
  return code;
}

export interface TestDirs {
  dir: string;
  config: string;
  ndjson: string;
  store: string;
  cleanup(): void;
}

/** A temp directory with a config file for the service (JSON is YAML). */
export function writeServiceConfig(
  name: string,
  opts: {
    feeds: { id: string; url: string }[];
    prefix: string;
    service?: Record<string, unknown>;
    fetch?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  },
): TestDirs {
  const dir = mkdtempSync(path.join(tmpdir(), `sw-${name}-`));
  const ndjson = path.join(dir, 'out/records.ndjson');
  const store = path.join(dir, 'store');
  const config = {
    feeds: opts.feeds,
    output: { ndjson },
    store: { dir: store },
    fetch: {
      allowPrivateNetworks: true,
      minHostGapMs: 0,
      respectRobots: false,
      timeoutMs: 5000,
      ...opts.fetch,
    },
    log: { level: 'info' },
    service: {
      prefix: opts.prefix,
      pollEveryMs: 60_000,
      lockDurationMs: 2_000,
      stalledIntervalMs: 1_000,
      shutdownTimeoutMs: 5_000,
      retry: { attempts: 3, backoffMs: 100, jitter: 0.5 },
      http: { port: 0 },
      ...opts.service,
    },
    ...opts.extra,
  };
  const file = path.join(dir, 'config.yaml');
  writeFileSync(file, JSON.stringify(config, null, 2));
  return { dir, config: file, ndjson, store, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
