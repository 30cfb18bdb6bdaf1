/**
 * The `seizurewatch` command line. Each command lives in its own file under commands/ and
 * registers itself here. Records go to stdout, logs and progress to stderr.
 */
import { Command, CommanderError } from 'commander';
import { SeizurewatchError } from '../errors.ts';
import { VERSION } from '../version.ts';
import { registerAlerts } from './commands/alerts.ts';
import { registerCluster } from './commands/cluster.ts';
import { registerDemo } from './commands/demo.ts';
import { registerExport } from './commands/export.ts';
import { registerExtract } from './commands/extract.ts';
import { registerScan } from './commands/scan.ts';
import { registerScore } from './commands/score.ts';
import { registerScrape } from './commands/scrape.ts';
import { registerServe } from './commands/serve.ts';

export function buildProgram(): Command {
  const program = new Command('seizurewatch')
    .description('Watch news feeds for drug-seizure stories and emit structured records.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  for (const register of [
    registerExtract,
    registerScrape,
    registerScan,
    registerDemo,
    registerScore,
    registerServe,
    registerExport,
    registerAlerts,
    registerCluster,
  ]) {
    register(program);
  }
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    if (err instanceof CommanderError) {
      process.exitCode = err.exitCode;
      return;
    }
    if (err instanceof SeizurewatchError) {
      process.stderr.write(`seizurewatch: ${err.message}\n`);
      process.exitCode = err.code === 'CONFIG_INVALID' || err.code === 'INPUT_INVALID' ? 2 : 1;
      return;
    }
    process.stderr.write(`seizurewatch: unexpected error: ${(err as Error)?.stack ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
