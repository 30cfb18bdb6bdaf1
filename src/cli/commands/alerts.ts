import type { Command } from 'commander';

/** `seizurewatch alerts`. Stub: not implemented yet. */
export function registerAlerts(program: Command): void {
  program
    .command('alerts')
    .description('(not implemented yet)')
    .action(() => {
      process.stderr.write('seizurewatch alerts: not implemented yet\n');
      process.exitCode = 1;
    });
}
