/**
 * `seizurewatch score DIR [--against FILE.ndjson] [--json] [--rules]`: extraction quality on a
 * labelled folder (../shared/corpus/LABELING.md). Runs extraction over the folder's texts, or
 * reads the records from an NDJSON file (one record per line, `id` = the labelled file's id).
 * `--rules` reports, per rule id in the seizures' `reasons`, how often it fired and was right.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { InputError } from '../../errors.ts';
import { articleFromText, extractRecord } from '../../extract/index.ts';
import { defaultRuleSet } from '../../extract/rules/ruleset.ts';
import { type LabelledArticle, loadLabelledDir } from '../../score/corpus.ts';
import { formatReport, type ScoredRecord, scoreCorpus } from '../../score/index.ts';
import { formatRuleReport, ruleReport } from '../../score/rules.ts';

/** Run extraction over labelled articles; the record id is the labelled file's id. */
export function extractLabelled(article: LabelledArticle, now: () => Date = () => new Date()) {
  return extractRecord(
    articleFromText({
      id: article.id,
      url: article.url ?? null,
      title: article.title,
      text: article.text,
      published: article.published,
      language: article.language,
    }),
    { id: article.id, now },
  );
}

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
    .action((dir: string, opts: { against?: string; json?: boolean; rules?: boolean }) => {
      const labelled = loadLabelledDir(dir);
      const records: ScoredRecord[] = opts.against
        ? readNdjson(opts.against)
        : labelled.map((a) => extractLabelled(a));
      if (opts.rules) {
        const rules = ruleReport(labelled, records, seizureRuleReasons());
        process.stdout.write(opts.json ? `${JSON.stringify(rules)}\n` : formatRuleReport(rules));
        return;
      }
      const report = scoreCorpus(labelled, records);
      process.stdout.write(opts.json ? `${JSON.stringify(report)}\n` : formatReport(report));
    });
}

/** Every reason of the English seizure tables, to list the ones that never fire. */
function seizureRuleReasons(): string[] {
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
