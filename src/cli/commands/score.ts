/**
 * `seizurewatch score DIR [--against FILE.ndjson] [--json]`: extraction quality on a labelled
 * folder (../shared/corpus/LABELING.md). Runs extraction over the folder's texts, or reads the
 * records from an NDJSON file (one record per line, `id` = the labelled file's id).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';
import type { ScoredRecord } from '../../score/index.ts';

function readNdjson(file: string): ScoredRecord[] {
  let body: string;
  try {
    body = readFileSync(file, 'utf8');
  } catch (err) {
    throw new InputError(`cannot read ${file}: ${(err as Error).message}`, { cause: err });
  }
  return body
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l.length > 0)
    .map(([l, n]) => {
      let rec: unknown;
      try {
        rec = JSON.parse(l);
      } catch (err) {
        throw new InputError(`${file}:${n}: not JSON: ${(err as Error).message}`, { cause: err });
      }
      const r = rec as Partial<ScoredRecord>;
      if (typeof r.id !== 'string' || !Array.isArray(r.seizures) || typeof r.seizureStory !== 'boolean') {
        throw new InputError(`${file}:${n}: not a record (needs id, seizureStory, seizures)`);
      }
      return {
        id: r.id,
        seizureStory: r.seizureStory,
        seizures: r.seizures,
        persons: r.persons ?? [],
        places: r.places ?? [],
      };
    });
}

export function registerScore(program: Command): void {
  program
    .command('score')
    .description('score extraction against a labelled folder: precision, recall, F1, accuracies')
    .argument('<dir>', 'folder of labelled <id>.json files')
    .option('--against <file>', 'score these NDJSON records instead of running extraction')
    .option('--json', 'print the report as one JSON object')
    .action(async (dir: string, opts: { against?: string; json?: boolean }) => {
      const { loadLabelledDir } = await import('../../score/corpus.ts');
      const { formatReport, scoreCorpus } = await import('../../score/index.ts');
      const { extractLabelled } = await import('../../score/extract-labelled.ts');
      const labelled = loadLabelledDir(dir);
      const records: ScoredRecord[] = opts.against
        ? readNdjson(opts.against)
        : labelled.map((a) => extractLabelled(a));
      const report = scoreCorpus(labelled, records);
      process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    });
}
