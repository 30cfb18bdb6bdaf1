/**
 * `seizurewatch retry ID|URL --config FILE`: put an item that was given up (a 404, robots.txt,
 * a blocked address, or a transient failure that outlasted `fetch.itemAttempts`) back as pending:
 * the next `scan`, or the next poll of its feed in `serve`, fetches it again. `retry --list`
 * prints the items given up, newest first, with their reason.
 */
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';

export interface RetryOptions {
  config: string;
  list?: boolean;
  json?: boolean;
}

/** Returns the exit code: 0 done, 1 no such failed item. */
export async function runRetry(target: string | undefined, opts: RetryOptions): Promise<number> {
  if (!opts.list && !target) throw new InputError('give the ID or URL of a failed item, or --list');
  if (opts.list && target) throw new InputError('give either an ID/URL or --list, not both');
  const { loadConfig } = await import('../../config.ts');
  const { openStore } = await import('../../store/index.ts');
  const config = loadConfig(opts.config);
  const store = await openStore(config.store);
  try {
    if (opts.list) {
      const items = await store.failedItems();
      for (const f of items) {
        process.stdout.write(
          opts.json
            ? `${JSON.stringify(f)}\n`
            : `${f.id}  ${f.failedAt}  ${f.feedId}  ${f.code} (${f.attempts} attempt${f.attempts === 1 ? '' : 's'})  ${f.url}  ${f.message}\n`,
        );
      }
      if (!opts.json) process.stderr.write(`${items.length} item(s) given up\n`);
      return 0;
    }
    const item = await store.retryFailed(target!.trim());
    if (!item) {
      process.stderr.write(`seizurewatch: no failed item ${target} (see seizurewatch retry --list)\n`);
      return 1;
    }
    process.stderr.write(
      `put back ${item.id} ${item.url} (was ${item.code}): fetched again by the next scan, or the next poll in serve\n`,
    );
    return 0;
  } finally {
    await store.close();
  }
}

export function registerRetry(program: Command): void {
  program
    .command('retry [idOrUrl]')
    .description('put a feed item that was given up back in line (by its id or URL); --list shows them')
    .option('-c, --config <file>', 'YAML config file (its store is used)', 'config/default.yaml')
    .option('--list', 'list the items given up, newest first, with their reason', false)
    .option('--json', 'with --list: one JSON object per line', false)
    .action(async (idOrUrl: string | undefined, opts: RetryOptions) => {
      process.exitCode = await runRetry(idOrUrl, opts);
    });
}
