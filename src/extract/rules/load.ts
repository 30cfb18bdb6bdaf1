/**
 * Rule tables: YAML files under `config/rules/<language>/` that an analyst can read and extend.
 * Every file has the shape `{ description, rules: [ { reason, ... } ] }`; each rule carries a
 * `reason` that is unique across the tables of its language folder, so any value in a record can
 * say which rule produced it (the record's `language` names the folder).
 *
 * Shared by the seizure rules and the entity rules: a stage registers the zod schema of its
 * table with `loadRuleTable(name, ruleSchema)`; `lintRuleTables()` checks every file, known or
 * not (parses, has rules, each rule has a non-empty unique reason, every `pattern` compiles).
 * A YAML file with no `rules` key is another stage's data (e.g. cluster.yaml) and is skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { ConfigError, type ConfigProblem } from '../../errors.ts';
import { packagePath } from '../../package-root.ts';
import { parseYamlFile } from './yaml-cache.ts';

/** `config/rules/` of this package (the checkout, or the installed package). */
export const RULES_DIR = packagePath('config/rules');

/** The language extraction uses when none is given. */
export const DEFAULT_LANGUAGE = 'en';

/** `config/rules/<language>/`: the tables of one language. */
export function languageDir(language: string, root = RULES_DIR): string {
  return path.join(root, language);
}

/** The language folders under `root` (every sub-folder of `config/rules/`), sorted. */
export function languageFolders(root = RULES_DIR): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

const TableShape = z.object({
  description: z.string().min(1),
  rules: z.array(z.looseObject({ reason: z.string().min(1) })).min(1),
});

const cache = new Map<string, unknown[]>();

function problemsOf(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

/**
 * Load `<dir>/<name>.yaml` (default: the English folder) and validate each rule with
 * `ruleSchema`. Cached per process (tables are read once; a changed table needs a restart).
 * Throws ConfigError listing every problem with its path.
 */
export function loadRuleTable<T extends z.ZodType>(
  name: string,
  ruleSchema: T,
  dir = languageDir(DEFAULT_LANGUAGE),
): z.infer<T>[] {
  const file = path.join(dir, `${name}.yaml`);
  const key = `${file}`;
  const hit = cache.get(key);
  if (hit) return hit as z.infer<T>[];
  let raw: unknown;
  try {
    raw = parseYamlFile(file);
  } catch (err) {
    throw new ConfigError(file, [{ path: '', message: (err as Error).message }], { cause: err });
  }
  const shape = TableShape.safeParse(raw);
  if (!shape.success) throw new ConfigError(file, problemsOf(shape.error));
  const rules = z.array(ruleSchema).safeParse(shape.data.rules);
  if (!rules.success) {
    throw new ConfigError(
      file,
      problemsOf(rules.error).map((p) => ({ ...p, path: `rules.${p.path}` })),
    );
  }
  cache.set(key, rules.data);
  return rules.data;
}

/** One problem found by the linter, with its file and rule path. */
export interface LintProblem {
  file: string;
  path: string;
  message: string;
}

/** Keys whose values are regular-expression sources and must compile (case-insensitive, unicode). */
const PATTERN_KEYS = new Set(['pattern', 'before', 'after']);

/**
 * Lint every `*.yaml` table in `dir` (one folder, not its sub-folders): it parses, has a
 * description and rules, every rule has a reason, reasons are unique across the folder's
 * tables, and every pattern compiles.
 */
export function lintRuleTables(dir = RULES_DIR): {
  files: string[];
  skipped: string[];
  rules: number;
  problems: LintProblem[];
} {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  const problems: LintProblem[] = [];
  const skipped: string[] = [];
  const seen = new Map<string, string>();
  let count = 0;
  for (const f of files) {
    let raw: unknown;
    try {
      raw = parse(readFileSync(path.join(dir, f), 'utf8'));
    } catch (err) {
      problems.push({ file: f, path: '', message: `does not parse: ${(err as Error).message}` });
      continue;
    }
    const table = raw as { description?: unknown; rules?: unknown } | null;
    // A YAML file of another shape (no `rules` key at all) is some other stage's data, not a
    // rule table: listed as skipped, not linted.
    if (table && typeof table === 'object' && !Array.isArray(table) && !('rules' in table)) {
      skipped.push(f);
      continue;
    }
    if (!table || typeof table !== 'object' || typeof table.description !== 'string' || !table.description) {
      problems.push({ file: f, path: 'description', message: 'missing description' });
    }
    if (!Array.isArray(table?.rules) || table.rules.length === 0) {
      problems.push({ file: f, path: 'rules', message: 'missing rules (a non-empty list)' });
      continue;
    }
    table.rules.forEach((rule: unknown, i: number) => {
      count++;
      if (!rule || typeof rule !== 'object' || Array.isArray(rule)) {
        problems.push({ file: f, path: `rules.${i}`, message: 'a rule must be a mapping' });
        return;
      }
      const { reason } = rule as { reason?: unknown };
      if (typeof reason !== 'string' || reason.trim() === '') {
        problems.push({ file: f, path: `rules.${i}.reason`, message: 'missing reason' });
      } else {
        const where = seen.get(reason);
        if (where)
          problems.push({
            file: f,
            path: `rules.${i}.reason`,
            message: `reason "${reason}" already used in ${where}`,
          });
        else seen.set(reason, `${f} rules.${i}`);
      }
      for (const [k, v] of Object.entries(rule)) {
        if (!PATTERN_KEYS.has(k)) continue;
        for (const src of Array.isArray(v) ? v : [v]) {
          if (typeof src !== 'string') {
            problems.push({ file: f, path: `rules.${i}.${k}`, message: 'pattern must be a string' });
            continue;
          }
          try {
            new RegExp(src, 'iu');
          } catch (err) {
            problems.push({ file: f, path: `rules.${i}.${k}`, message: (err as Error).message });
          }
        }
      }
    });
  }
  return { files, skipped, rules: count, problems };
}

/**
 * Lint `config/rules/` as a whole: its own files (cluster.yaml and the like, skipped when they
 * are no rule tables) and every language folder, each a namespace of reasons of its own. File
 * names in the result are relative to `root` ("en/units.yaml").
 */
export function lintAllRuleTables(root = RULES_DIR): {
  languages: string[];
  files: string[];
  skipped: string[];
  rules: number;
  problems: LintProblem[];
} {
  const top = lintRuleTables(root);
  const out = { languages: languageFolders(root), ...top };
  for (const lang of out.languages) {
    const r = lintRuleTables(languageDir(lang, root));
    const rel = (f: string): string => `${lang}/${f}`;
    out.files.push(...r.files.map(rel));
    out.skipped.push(...r.skipped.map(rel));
    out.rules += r.rules;
    out.problems.push(
      ...r.problems.map((p) => ({
        ...p,
        file: rel(p.file),
        message: p.message.replace(/ in (\S+\.yaml)/, ` in ${lang}/$1`),
      })),
    );
  }
  return out;
}
