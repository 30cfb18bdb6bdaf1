import type { Command } from 'commander';
import type { ScanEvent, ScanFailure, ScanSummary } from '../../pipeline/run-scan.ts';

/** One human line per event, for stderr. */
export function formatScanEvent(event: ScanEvent): string {
  switch (event.type) {
    case 'feed': {
      const r = event.result;
      if (r.status === 'not-due') return `feed ${event.feed.id}: not due until ${r.nextPollAt}\n`;
      if (r.status === 'not-modified') return `feed ${event.feed.id}: not modified (304)\n`;
      return `feed ${event.feed.id}: ${r.items.length} new, ${r.seen} seen${r.givenUp ? `, ${r.givenUp} given up` : ''}${r.skipped ? `, ${r.skipped} without link` : ''}\n`;
    }
    case 'feed-failed':
      return `feed ${event.feed.id}: FAILED ${event.failure.code}: ${event.failure.message}\n`;
    case 'item-stored': {
      const r = event.record;
      const what = event.isNew ? 'stored' : 'already stored';
      const kind = r.seizureStory ? `seizure story, ${r.seizures.length} seizure(s)` : 'not a seizure story';
      return `  + ${what} ${r.id} (${kind}) ${r.title ?? r.url ?? ''}\n`;
    }
    case 'item-failed':
      return `  ! ${event.item.url}: ${event.failure.code}: ${event.failure.message}\n`;
  }
}

/** What happens next to a failure, as the summary says it. */
function failureFate(f: ScanFailure): string {
  if (f.givenUp) return ' (given up: seizurewatch retry puts it back)';
  if (f.stage === 'item') return ' (retried next run)';
  return f.retryable ? ' (retried next run)' : '';
}

/** The end-of-run summary, for stderr. */
export function formatScanSummary(s: ScanSummary): string {
  const lines = [
    `scan done in ${(s.durationMs / 1000).toFixed(1)} s`,
    `  feeds:   ${s.feeds.total} configured, ${s.feeds.polled} polled, ${s.feeds.notModified} not modified, ${s.feeds.notDue} not due, ${s.feeds.failed} failed`,
    `  items:   ${s.items.new} new, ${s.items.resumed} resumed, ${s.items.seen} seen, ${s.items.failed} failed, ${s.items.givenUp} given up`,
    `  records: ${s.records.stored} stored (${s.records.seizureStories} seizure stories), ${s.records.duplicates} duplicates${s.records.recovered ? `, ${s.records.recovered} recovered from an interrupted run` : ''}`,
  ];
  if (s.failures.length > 0) {
    lines.push(`  failures (${s.failures.length}):`);
    for (const f of s.failures) {
      lines.push(
        `    - [${f.stage}] ${f.feedId}${f.url ? ` ${f.url}` : ''}: ${f.code}${failureFate(f)}: ${f.message}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** `seizurewatch scan`: poll every feed once, process new items, store and write NDJSON. */
export function registerScan(program: Command): void {
  program
    .command('scan')
    .description(
      'Poll every configured feed once; fetch, scrape and extract new items; store them and append records to the NDJSON output.',
    )
    .option('-c, --config <file>', 'YAML config file', 'config/default.yaml')
    .option('--dry-run', 'print alerts on stderr instead of sending them', false)
    .option('--force', 'poll feeds even if their ttl/Cache-Control/Retry-After says it is too early', false)
    .option('--print', 'also write each newly stored record to stdout as NDJSON', false)
    .addHelpText(
      'after',
      '\nProgress and the summary go to stderr; records go to output.ndjson (and stdout with --print).\nExit code: 0 when the run completed (even with item failures, listed in the summary), 1 when every feed failed, 2 for a bad config.',
    )
    .action(async (opts: { config: string; dryRun: boolean; force: boolean; print: boolean }) => {
      const { loadConfig } = await import('../../config.ts');
      const { createLogger } = await import('../../log.ts');
      const { runScan } = await import('../../pipeline/run-scan.ts');
      const { toNdjsonLine } = await import('../../sinks/ndjson.ts');
      const config = loadConfig(opts.config);
      const logger = createLogger({ level: config.log.level, pretty: config.log.pretty });
      const summary = await runScan(config, {
        dryRun: opts.dryRun,
        force: opts.force,
        logger,
        onEvent: (event) => {
          process.stderr.write(formatScanEvent(event));
          if (opts.print && event.type === 'item-stored' && event.isNew)
            process.stdout.write(toNdjsonLine(event.record));
        },
      });
      process.stderr.write(formatScanSummary(summary));
      if (summary.feeds.total > 0 && summary.feeds.failed === summary.feeds.total) process.exitCode = 1;
    });
}
