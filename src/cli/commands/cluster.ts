import type { Command } from 'commander';

/** `seizurewatch cluster`. Stub: not implemented yet. */
export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch cluster: not implemented yet\n');
      process.exitCode = 1;
    });
}
