import type { Command } from 'commander';

/** `seizurewatch score`. Stub: not implemented yet. */
export function registerScore(program: Command): void {
  program
    .command('score')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch score: not implemented yet\n');
      process.exitCode = 1;
    });
}
