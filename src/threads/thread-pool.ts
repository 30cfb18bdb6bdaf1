/**
 * A small pool of worker threads, each running one task at a time, with a hard time limit per
 * task: a task past it has its thread terminated (whatever it is doing, a regex or a parser
 * loop included) and replaced. Threads start on demand, report `ready` once their modules are
 * loaded and warmed up (start-up is not charged to a task's time limit), and keep the process
 * alive only while they have work.
 *
 * A `.ts` entry is loaded through tsx's loader inside the thread (the project runs without a
 * build step); a compiled `.js` entry is loaded as it is.
 */
import { Worker } from 'node:worker_threads';

export interface ThreadPoolOptions {
  /** Module the threads run (see src/threads/parse-worker.ts for the protocol). */
  entry: URL;
  size: number;
  /** Hard limit of one task, from the moment a thread takes it, in ms. */
  timeoutMs: number;
  /** Old-generation heap limit of each thread, in MiB. */
  maxMemoryMb: number;
  workerData?: unknown;
}

/** Why a task did not complete in its thread. */
export type ThreadFailure =
  | { kind: 'time-limit'; ms: number }
  | { kind: 'out-of-memory' }
  | { kind: 'crashed'; message: string }
  | { kind: 'closed' };

/** A task that ended with its thread (time limit, memory, crash) or with the pool. */
export class ThreadTaskError extends Error {
  constructor(readonly failure: ThreadFailure) {
    super(
      failure.kind === 'time-limit'
        ? `took longer than ${failure.ms} ms: thread stopped`
        : failure.kind === 'out-of-memory'
          ? 'ran out of memory: thread stopped'
          : failure.kind === 'crashed'
            ? `thread crashed: ${failure.message}`
            : 'parse threads are closed',
    );
    this.name = 'ThreadTaskError';
  }
}

/** An error thrown by the task itself, as the thread serialised it. */
export interface SerializedError {
  name: string;
  message: string;
  code?: string;
  retryable?: boolean;
  details?: Record<string, unknown>;
  /** Where the thread threw it: the revived error carries it, so logs show the real origin. */
  stack?: string;
}

interface Task {
  kind: string;
  args: unknown[];
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

interface Slot {
  worker: Worker;
  state: 'starting' | 'idle' | 'busy';
  task: Task | null;
  timer: NodeJS.Timeout | null;
}

type FromThread =
  | { type: 'ready' }
  | { type: 'result'; ok: true; value: unknown }
  | { type: 'result'; ok: false; error: SerializedError };

/** The code an eval'd thread runs to load a `.ts` entry through tsx. */
function tsxBootstrap(entry: URL): string {
  const tsx = import.meta.resolve('tsx/esm/api');
  return `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}); });`;
}

export class ThreadPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private closed = false;
  /** Threads that died before they were ready, in a row: stop spawning after a few. */
  private failedStarts = 0;

  constructor(private readonly options: ThreadPoolOptions) {}

  /** Threads running now (started or starting). */
  get threads(): number {
    return this.slots.length;
  }

  /** Run `kind(...args)` in a thread. Rejects with the task's own error, or a ThreadTaskError. */
  run<T>(kind: string, args: unknown[]): Promise<T> {
    if (this.closed) return Promise.reject(new ThreadTaskError({ kind: 'closed' }));
    return new Promise<T>((resolve, reject) => {
      this.queue.push({ kind, args, resolve: resolve as (v: unknown) => void, reject });
      this.pump();
    });
  }

  /** Start every thread now and wait until each is ready (service start-up). */
  async warmUp(): Promise<void> {
    while (!this.closed && this.slots.length < this.options.size) this.spawn();
    await Promise.all(
      this.slots.map(
        (slot) =>
          new Promise<void>((resolve) => {
            if (slot.state !== 'starting') return resolve();
            const done = () => resolve();
            slot.worker.once('message', done);
            slot.worker.once('exit', done);
          }),
      ),
    );
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.queue.splice(0)) task.reject(new ThreadTaskError({ kind: 'closed' }));
    await Promise.all(
      this.slots.splice(0).map((slot) => {
        if (slot.timer) clearTimeout(slot.timer);
        slot.task?.reject(new ThreadTaskError({ kind: 'closed' }));
        return slot.worker.terminate();
      }),
    );
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) break;
      if (slot.state === 'idle') this.assign(slot, this.queue.shift()!);
    }
    const starting = this.slots.filter((s) => s.state === 'starting').length;
    while (
      !this.closed &&
      this.queue.length > starting &&
      this.slots.length < this.options.size &&
      this.failedStarts < 3
    ) {
      this.spawn();
    }
    if (this.slots.length === 0 && this.failedStarts >= 3) {
      for (const task of this.queue.splice(0))
        task.reject(new ThreadTaskError({ kind: 'crashed', message: 'parse threads cannot start' }));
    }
    // Idle threads must not keep a finished CLI run alive; busy or starting ones must (a
    // starting thread is awaited by a task or a warm-up).
    for (const slot of this.slots) {
      if (slot.state === 'idle') slot.worker.unref();
      else slot.worker.ref();
    }
  }

  private spawn(): Slot {
    const { entry } = this.options;
    const isTs = entry.pathname.endsWith('.ts');
    const worker = new Worker(isTs ? tsxBootstrap(entry) : entry, {
      eval: isTs,
      workerData: this.options.workerData,
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxMemoryMb },
      // The thread's stdout/stderr are the process's: a stray console.log stays visible.
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, state: 'starting', task: null, timer: null };
    this.slots.push(slot);
    worker.on('message', (msg: FromThread) => this.onMessage(slot, msg));
    worker.on('error', (err: Error & { code?: string }) => {
      const failure: ThreadFailure =
        err.code === 'ERR_WORKER_OUT_OF_MEMORY'
          ? { kind: 'out-of-memory' }
          : { kind: 'crashed', message: err.message };
      this.retire(slot, failure);
    });
    worker.on('exit', (code) => this.retire(slot, { kind: 'crashed', message: `exit code ${code}` }));
    return slot;
  }

  private onMessage(slot: Slot, msg: FromThread): void {
    if (msg.type === 'ready') {
      this.failedStarts = 0;
      slot.state = 'idle';
      this.pump();
      return;
    }
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    slot.state = 'idle';
    if (task) {
      if (msg.ok) task.resolve(msg.value);
      else task.reject(msg.error);
    }
    this.pump();
  }

  private assign(slot: Slot, task: Task): void {
    slot.state = 'busy';
    slot.task = task;
    slot.timer = setTimeout(() => {
      this.retire(slot, { kind: 'time-limit', ms: this.options.timeoutMs });
    }, this.options.timeoutMs);
    slot.worker.postMessage({ kind: task.kind, args: task.args });
  }

  /** Remove a slot whose thread is gone or must go; fail its task with `failure`. */
  private retire(slot: Slot, failure: ThreadFailure): void {
    const at = this.slots.indexOf(slot);
    if (at < 0) return;
    this.slots.splice(at, 1);
    if (slot.timer) clearTimeout(slot.timer);
    if (slot.state === 'starting') this.failedStarts++;
    const task = slot.task;
    slot.task = null;
    void slot.worker.terminate();
    if (task) task.reject(new ThreadTaskError(failure));
    if (!this.closed) this.pump();
  }
}
