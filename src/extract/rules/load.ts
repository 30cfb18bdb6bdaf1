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
 *
 * Inheritance: a folder whose `language.yaml` says `inherits: en` holds its own rows only; each
 * of its tables is read as its rows first, then the same table of en/ (an own row with an
 * English reason replaces that row in place, `drop: [reason]` leaves English rows out). See
 * mergeRows, slots.ts for grammar slots, and docs/languages.md "How a language folder inherits".
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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

/**
 * The table of a folder that inherits: its rules may be empty (it adds none), and `drop` lists
 * the reasons of inherited rows it does not take.
 */
const InheritingTableShape = z.object({
  description: z.string().min(1),
  drop: z.array(z.string().min(1)).optional(),
  rules: z.array(z.looseObject({ reason: z.string().min(1) })),
});

/** `<folder>/language.yaml`: what a language folder is, and the folder it inherits from. */
export const LANGUAGE_FILE = 'language.yaml';

const LanguageShape = z.object({
  description: z.string().min(1),
  inherits: z.string().min(1).optional(),
});

const cache = new Map<string, unknown[]>();
const parents = new Map<string, string | null>();

function problemsOf(error: z.ZodError): ConfigProblem[] {
  return error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function readYaml(file: string): unknown {
  try {
    return parseYamlFile(file);
  } catch (err) {
    throw new ConfigError(file, [{ path: '', message: (err as Error).message }], { cause: err });
  }
}

/**
 * The folder whose tables `dir` inherits (`language.yaml` `inherits: en` names a sibling
 * folder), or undefined. A folder without language.yaml, or without `inherits`, stands alone.
 */
export function parentDir(dir: string): string | undefined {
  const key = path.resolve(dir);
  const hit = parents.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const file = path.join(dir, LANGUAGE_FILE);
  let parent: string | null = null;
  if (existsSync(file)) {
    const shape = LanguageShape.safeParse(readYaml(file));
    if (!shape.success) throw new ConfigError(file, problemsOf(shape.error));
    const from = shape.data.inherits;
    if (from !== undefined) {
      parent = path.resolve(path.dirname(key), from);
      if (parent === key || !existsSync(parent)) {
        throw new ConfigError(file, [
          { path: 'inherits', message: `"${from}" is no other folder beside ${path.basename(key)}/` },
        ]);
      }
    }
  }
  parents.set(key, parent);
  if (parent) {
    // A cycle (en inherits de inherits en) would never end: refuse it.
    const chain = [key];
    for (let p: string | undefined = parent; p; p = parentDir(p)) {
      if (chain.includes(p)) {
        parents.delete(key);
        throw new ConfigError(file, [
          { path: 'inherits', message: `inheritance cycle: ${[...chain, p].join(' -> ')}` },
        ]);
      }
      chain.push(p);
    }
  }
  return parent ?? undefined;
}

/** One file's part of a table: its rules as written, and the inherited reasons it drops. */
export interface TableLayer {
  file: string;
  rules: Array<{ reason: string } & Record<string, unknown>>;
  drop: string[];
}

/**
 * The layers of table `name` in `dir`, the folder's own first, then the folders it inherits
 * from (language.yaml `inherits`). A folder that inherits may lack the table (it takes the
 * parent's) or hold an empty `rules: []`; a folder that does not inherit must have rules.
 */
export function loadTableLayers(name: string, dir: string): TableLayer[] {
  const parent = parentDir(dir);
  const file = path.join(dir, `${name}.yaml`);
  const layers: TableLayer[] = [];
  if (!parent || existsSync(file)) {
    const raw = readYaml(file);
    const shape = (parent ? InheritingTableShape : TableShape).safeParse(raw);
    if (!shape.success) throw new ConfigError(file, problemsOf(shape.error));
    const data = shape.data as { rules: TableLayer['rules']; drop?: string[] };
    layers.push({ file, rules: data.rules, drop: data.drop ?? [] });
  }
  if (parent) layers.push(...loadTableLayers(name, parent));
  return layers;
}

/**
 * Rows of a table with inheritance: the folder's own rows first, then the inherited rows in
 * their order, where an own row with an inherited row's reason replaces it (in its place) and
 * `drop` removes inherited rows. `drop` naming no inherited row, or a row it also replaces, is
 * a ConfigError (a typo would otherwise keep the row silently).
 */
export function mergeRows<R extends { reason: string }>(own: TableLayer, ownRules: R[], inherited: R[]): R[] {
  const have = new Set(inherited.map((r) => r.reason));
  const mine = new Map(ownRules.map((r) => [r.reason, r]));
  const drop = new Set(own.drop);
  const problems: ConfigProblem[] = [];
  own.drop.forEach((reason, i) => {
    if (!have.has(reason))
      problems.push({ path: `drop.${i}`, message: `no inherited row "${reason}" to drop` });
    else if (mine.has(reason))
      problems.push({ path: `drop.${i}`, message: `"${reason}" is both dropped and replaced` });
  });
  if (problems.length > 0) throw new ConfigError(own.file, problems);
  return [
    ...ownRules.filter((r) => !have.has(r.reason)),
    ...inherited.filter((r) => !drop.has(r.reason)).map((r) => mine.get(r.reason) ?? r),
  ];
}

function validate<T extends z.ZodType>(layer: TableLayer, ruleSchema: T): z.infer<T>[] {
  const rules = z.array(ruleSchema).safeParse(layer.rules);
  if (!rules.success) {
    throw new ConfigError(
      layer.file,
      problemsOf(rules.error).map((p) => ({ ...p, path: `rules.${p.path}` })),
    );
  }
  return rules.data;
}

/**
 * The layers of a table, each validated with `ruleSchema` (a problem names the file it is in).
 * Used by loaders that merge layers their own way (grammar slots).
 */
export function loadValidatedLayers<T extends z.ZodType>(
  name: string,
  ruleSchema: T,
  dir: string,
): Array<{ layer: TableLayer; rules: z.infer<T>[] }> {
  return loadTableLayers(name, dir).map((layer) => ({ layer, rules: validate(layer, ruleSchema) }));
}

/**
 * Load `<dir>/<name>.yaml` (default: the English folder) and validate each rule with
 * `ruleSchema`. A folder whose language.yaml says `inherits: en` gets its own rows first, then
 * the English rows (see mergeRows). Cached per process (tables are read once; a changed table
 * needs a restart). Throws ConfigError listing every problem with its path.
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
  // Every rule schema has a `reason` (TableShape checked it): merge by it.
  const layers = loadValidatedLayers(name, ruleSchema, dir) as Array<{
    layer: TableLayer;
    rules: Array<{ reason: string }>;
  }>;
  const rules = mergeLayers(layers) as z.infer<T>[];
  cache.set(key, rules);
  return rules;
}

/** The rows of a stack of layers (own first): each layer merged over the ones below it. */
function mergeLayers<R extends { reason: string }>(layers: Array<{ layer: TableLayer; rules: R[] }>): R[] {
  let rows: R[] = [];
  for (let i = layers.length - 1; i >= 0; i--) {
    const { layer, rules } = layers[i]!;
    rows = i === layers.length - 1 ? rules : mergeRows(layer, rules, rows);
  }
  return rows;
}

/** The rows of a table with inheritance as written (no schema): for the linter. */
function inheritedRows(name: string, dir: string): Array<{ reason: string }> {
  return mergeLayers(loadTableLayers(name, dir).map((layer) => ({ layer, rules: layer.rules })));
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
  let parent: string | undefined;
  try {
    parent = parentDir(dir);
  } catch (err) {
    const p = (err as ConfigError).problems?.[0];
    problems.push({
      file: LANGUAGE_FILE,
      path: p?.path ?? '',
      message: p?.message ?? (err as Error).message,
    });
  }
  // Reasons of the inherited tables (table name -> its reasons): an own row may replace an
  // inherited row of its own table, never reuse the reason of another table's row.
  const inherited = new Map<string, Set<string>>();
  if (parent) {
    for (const f of readdirSync(parent).filter((n) => n.endsWith('.yaml'))) {
      const name = f.replace(/\.yaml$/, '');
      try {
        inherited.set(name, new Set(inheritedRows(name, parent).map((r) => r.reason)));
      } catch {
        // not a rule table (no rules key) or broken: the parent's own lint reports it
      }
    }
  }
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
    if (!Array.isArray(table?.rules) || (table.rules.length === 0 && !parent)) {
      problems.push({ file: f, path: 'rules', message: 'missing rules (a non-empty list)' });
      continue;
    }
    const name = f.replace(/\.yaml$/, '');
    const mine = inherited.get(name) ?? new Set<string>();
    const drop = (table as { drop?: unknown }).drop;
    if (drop !== undefined) {
      if (!parent || !Array.isArray(drop)) {
        problems.push({
          file: f,
          path: 'drop',
          message: 'drop: a list of inherited reasons, in a folder that inherits',
        });
      } else {
        drop.forEach((d: unknown, i: number) => {
          if (typeof d !== 'string' || !mine.has(d)) {
            problems.push({ file: f, path: `drop.${i}`, message: `no inherited row "${String(d)}" to drop` });
          }
        });
      }
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
        const other = [...inherited].find(([t, reasons]) => t !== name && reasons.has(reason));
        if (other) {
          problems.push({
            file: f,
            path: `rules.${i}.reason`,
            message: `reason "${reason}" already used in the inherited ${other[0]}.yaml`,
          });
        }
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
