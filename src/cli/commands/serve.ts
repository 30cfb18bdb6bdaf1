import type { Command } from 'commander';

/** `seizurewatch serve`. Stub: not implemented yet. */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch serve: not implemented yet\n');
      process.exitCode = 1;
    });
}
