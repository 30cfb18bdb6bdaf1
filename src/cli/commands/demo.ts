import type { Command } from 'commander';

/** `seizurewatch demo`. Stub: not implemented yet. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch demo: not implemented yet\n');
      process.exitCode = 1;
    });
}
