import type { Command } from 'commander';
import { InputError } from '../../errors.ts';

/**
 * `seizurewatch cluster --corpus DIR`: one NDJSON line per labelled article file,
 * `{"id": <file id>, "cluster": <story key>}`, using the same story clustering as the alerts.
 * With --score, files carrying a gold `story` label are scored (B-cubed) on stderr.
 */
export function registerCluster(program: Command): void {
  program
    .command('cluster')
    .description('group labelled article files into stories; prints {"id","cluster"} per file as NDJSON')
    .requiredOption('--corpus <dir>', 'folder of labelled article files (<id>.json)')
    .option('--window-days <n>', 'articles further apart than this are different stories', '7')
    .option('--score', 'print B-cubed precision/recall/F1 against the files\' "story" labels to stderr')
    .option('--language <code>', 'score only articles in this language (with --score)')
    .action(async (opts: { corpus: string; windowDays: string; score?: boolean; language?: string }) => {
      const windowDays = Number(opts.windowDays);
      if (!Number.isFinite(windowDays) || windowDays <= 0) {
        throw new InputError(`--window-days must be a positive number, got "${opts.windowDays}"`);
      }
      const { bcubed } = await import('../../cluster/bcubed.ts');
      const { clusterCorpus, readCorpusDir } = await import('../../cluster/corpus.ts');
      const articles = readCorpusDir(opts.corpus);
      const lines = clusterCorpus(articles, { windowDays });
      for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
      if (opts.score) {
        const scored = articles.filter((a) => a.story && (!opts.language || a.language === opts.language));
        const gold = new Map(scored.map((a) => [a.id, a.story!]));
        const predicted = new Map(lines.map((l) => [l.id, l.cluster]));
        const s = bcubed(predicted, gold);
        process.stderr.write(
          `B-cubed over ${s.items} labelled articles: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}\n`,
        );
      }
    });
}
