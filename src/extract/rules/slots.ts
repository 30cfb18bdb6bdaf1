/**
 * Slot tables: named word lists and pattern fragments that the code splices into its own
 * patterns (seizure-grammar.yaml, entity-grammar.yaml), and named numbers (thresholds.yaml).
 * Each rule is one slot, named by its `reason`. The code declares the slots it reads; a
 * language folder that lacks some gets one ConfigError listing every missing slot.
 */
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../errors.ts';
import { loadRuleTable } from './load.ts';

const SlotRule = z
  .object({
    reason: z.string().min(1),
    words: z.array(z.string().min(1)).min(1).optional(),
    pattern: z.string().min(1).optional(),
  })
  .refine((r) => (r.words === undefined) !== (r.pattern === undefined), {
    message: 'a slot has either `words` or a `pattern`',
  });

/** Escape a literal for a regular expression. */
export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export interface Slots {
  /** The literal words of a word slot (empty for a pattern slot). */
  words(name: string): string[];
  /** A regex source for the slot: `(?:w1|w2)` of its escaped words, or `(?:pattern)`. */
  re(name: string): string;
}

function requireAll(file: string, have: Set<string>, required: readonly string[]): void {
  const missing = required.filter((n) => !have.has(n));
  if (missing.length > 0) {
    throw new ConfigError(
      file,
      missing.map((n) => ({ path: 'rules', message: `missing slot "${n}"` })),
    );
  }
}

/** Load a slot table and check that every slot in `required` is there. */
export function loadSlots(name: string, required: readonly string[], dir: string): Slots {
  const rules = loadRuleTable(name, SlotRule, dir);
  const byName = new Map(rules.map((r) => [r.reason, r]));
  requireAll(path.join(dir, `${name}.yaml`), new Set(byName.keys()), required);
  const get = (n: string) => {
    const r = byName.get(n);
    if (!r) throw new Error(`slot "${n}" read but not declared as required`);
    return r;
  };
  return {
    words: (n) => get(n).words ?? [],
    re: (n) => {
      const r = get(n);
      return `(?:${r.pattern ?? r.words!.map(escapeRegex).join('|')})`;
    },
  };
}

const SettingRule = z.object({ reason: z.string().min(1), value: z.number() });

/** Load a table of named numbers and check that every name in `required` is there. */
export function loadSettings<K extends string>(
  name: string,
  required: readonly K[],
  dir: string,
): Record<K, number> {
  const rules = loadRuleTable(name, SettingRule, dir);
  const byName = new Map(rules.map((r) => [r.reason, r.value]));
  requireAll(path.join(dir, `${name}.yaml`), new Set(byName.keys()), required);
  return Object.fromEntries(required.map((k) => [k, byName.get(k)!])) as Record<K, number>;
}
