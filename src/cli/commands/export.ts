import type { Command } from 'commander';

/** `seizurewatch export`. Stub: not implemented yet. */
export function registerExport(program: Command): void {
  program
    .command('export')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch export: not implemented yet\n');
      process.exitCode = 1;
    });
}
