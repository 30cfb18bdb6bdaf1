import type { Command } from 'commander';

/** `seizurewatch extract`. Stub: not implemented yet. */
export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch extract: not implemented yet\n');
      process.exitCode = 1;
    });
}
