/**
 * The `seizurewatch` command line. Each command lives in its own file under commands/ and
 * registers itself here. Records go to stdout, logs and progress to stderr.
 */
import { Command, CommanderError } from 'commander';
import { SeizurewatchError } from '../errors.ts';
import { VERSION } from '../version.ts';

type Register = (program: Command) => void;

/**
 * Each command's module is loaded only when that command runs: `seizurewatch scan` does not pay
 * for `serve`. Help and unknown commands load them all, which is cheap: a command module only
 * declares its options and imports what its action needs (the gazetteer, rule tables, compromise,
 * BullMQ, fastify ...) when the action runs. `--version` loads none.
 */
const COMMANDS: Record<string, () => Promise<Register>> = {
  extract: async () => (await import('./commands/extract.ts')).registerExtract,
  scrape: async () => (await import('./commands/scrape.ts')).registerScrape,
  scan: async () => (await import('./commands/scan.ts')).registerScan,
  demo: async () => (await import('./commands/demo.ts')).registerDemo,
  score: async () => (await import('./commands/score.ts')).registerScore,
  serve: async () => (await import('./commands/serve.ts')).registerServe,
  export: async () => (await import('./commands/export.ts')).registerExport,
  retry: async () => (await import('./commands/retry.ts')).registerRetry,
  alerts: async () => (await import('./commands/alerts.ts')).registerAlerts,
  cluster: async () => (await import('./commands/cluster.ts')).registerCluster,
  ui: async () => (await import('./commands/ui.ts')).registerUi,
};

/** Build the program with the commands `argv` needs (all of them when in doubt). */
export async function buildProgram(argv: string[] = []): Promise<Command> {
  const program = new Command('seizurewatch')
    .description('Watch news feeds for drug-seizure stories and emit structured records.')
    .version(VERSION)
    .showHelpAfterError()
    .exitOverride();
  const args = argv.slice(2);
  const first = args.find((a) => !a.startsWith('-'));
  const versionOnly = first === undefined && args.some((a) => a === '-V' || a === '--version');
  const wanted = versionOnly
    ? []
    : first && first !== 'help' && COMMANDS[first]
      ? [first]
      : Object.keys(COMMANDS);
  for (const name of wanted) (await COMMANDS[name]!())(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = await buildProgram(argv);
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
