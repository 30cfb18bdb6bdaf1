import type { Command } from 'commander';

/** `seizurewatch scrape`. Stub: not implemented yet. */
export function registerScrape(program: Command): void {
  program
    .command('scrape')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch scrape: not implemented yet\n');
      process.exitCode = 1;
    });
}
