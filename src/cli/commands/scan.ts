import type { Command } from 'commander';

/** `seizurewatch scan`. Stub: not implemented yet. */
export function registerScan(program: Command): void {
  program
    .command('scan')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch scan: not implemented yet\n');
      process.exitCode = 1;
    });
}
