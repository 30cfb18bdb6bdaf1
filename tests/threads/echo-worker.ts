/** A parse-thread stand-in for the pool tests: tasks that answer, fail, spin, grow or exit. */
import { parentPort } from 'node:worker_threads';

const port = parentPort!;
port.on('message', (msg: { kind: string; args: unknown[] }) => {
  if (msg.kind === 'echo') port.postMessage({ type: 'result', ok: true, value: msg.args[0] });
  else if (msg.kind === 'fail')
    port.postMessage({
      type: 'result',
      ok: false,
      error: {
        name: 'ScrapeError',
        message: 'no text',
        code: 'SCRAPE_FAILED',
        details: { reason: 'no-text' },
      },
    });
  else if (msg.kind === 'spin') for (;;);
  else if (msg.kind === 'grow') {
    const heap: number[][] = [];
    for (;;) heap.push(new Array(1_000_000).fill(1));
  } else if (msg.kind === 'exit') process.exit(3);
});
port.postMessage({ type: 'ready' });
