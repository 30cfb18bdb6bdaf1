/**
 * `seizurewatch score DIR [--against FILE.ndjson] [--json] [--rules]`: extraction quality on a
 * labelled folder (../shared/corpus/LABELING.md). Runs extraction over the folder's texts, or
 * reads the records from an NDJSON file (one record per line, `id` = the labelled file's id).
 * `--rules` reports, per rule id in the seizures' `reasons`, how often it fired and was right.
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
    .option('--rules', 'per rule: how often it fired on the corpus and how often it was right')
    .action(async (dir: string, opts: { against?: string; json?: boolean; rules?: boolean }) => {
      // Loaded here, not at the top: `--help` must not pay for extraction.
      const { loadLabelledDir } = await import('../../score/corpus.ts');
      const { formatReport, scoreCorpus } = await import('../../score/index.ts');
      const { formatRuleReport, ruleReport } = await import('../../score/rules.ts');
      const { extractLabelled } = await import('../../score/extract-labelled.ts');
      const labelled = loadLabelledDir(dir);
      const records: ScoredRecord[] = opts.against
        ? readNdjson(opts.against)
        : labelled.map((a) => extractLabelled(a));
      if (opts.rules) {
        const rules = ruleReport(labelled, records, await seizureRuleReasons());
        process.stdout.write(opts.json ? `${JSON.stringify(rules)}\n` : formatRuleReport(rules));
        return;
      }
      const report = scoreCorpus(labelled, records);
      process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    });
}

/** Every reason of the English seizure tables, to list the ones that never fire. */
async function seizureRuleReasons(): Promise<string[]> {
  const { defaultRuleSet } = await import('../../extract/rules/ruleset.ts');
  const t = defaultRuleSet().seizures;
  return [
    ...t.units.map((u) => u.reason),
    ...t.drugs.map((d) => d.rule.reason),
    ...[...t.terms.entries()]
      .filter(([k]) => k === 'cue' || k === 'aggregate')
      .flatMap(([, v]) => v.map((c) => c.rule.reason)),
    ...t.periods.map((p) => p.rule.reason),
  ];
}
