import type { Command } from 'commander';
import { formatScanEvent, formatScanSummary } from './scan.ts';

/** `seizurewatch demo`: scan the golden DW feed served locally; records to stdout as NDJSON. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'Run the whole pipeline offline: serve the golden DW feed and its two pages on 127.0.0.1, scan them with a temporary store, print the records as NDJSON.',
    )
    .option('--keep', 'keep the temporary store and NDJSON file (path printed on stderr)', false)
    .action(async (opts: { keep: boolean }) => {
      const { runDemo } = await import('../../demo/run-demo.ts');
      const { createLogger } = await import('../../log.ts');
      const { toNdjsonLine } = await import('../../sinks/ndjson.ts');
      const logger = createLogger({ level: 'warn' });
      const { records, summary, dir } = await runDemo({
        logger,
        keep: opts.keep,
        onEvent: (event) => process.stderr.write(formatScanEvent(event)),
      });
      for (const record of records) process.stdout.write(toNdjsonLine(record));
      process.stderr.write(formatScanSummary(summary));
      if (opts.keep) {
        process.stderr.write(`store and records.ndjson kept in ${dir}\n`);
        process.stderr.write(`see them in the dashboard: npx seizurewatch ui --store ${dir}/store\n`);
      } else {
        process.stderr.write(
          'see the demo in the dashboard (map, timeline, stories): npx seizurewatch ui --demo\n',
        );
      }
      if (summary.failures.length > 0 || records.length === 0) process.exitCode = 1;
    });
}
