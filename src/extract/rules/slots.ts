/**
 * Slot tables: named word lists and pattern fragments that the code splices into its own
 * patterns (seizure-grammar.yaml, entity-grammar.yaml), and named numbers (thresholds.yaml).
 * Each rule is one slot, named by its `reason`. The code declares the slots it reads; a
 * language folder that lacks some gets one ConfigError listing every missing slot.
 */
import path from 'node:path';
import { z } from 'zod';
import { ConfigError } from '../../errors.ts';
import { loadRuleTable, loadValidatedLayers, mergeRows, type TableLayer } from './load.ts';

const SlotRule = z
  .object({
    reason: z.string().min(1),
    words: z.array(z.string().min(1)).min(1).optional(),
    pattern: z.string().min(1).optional(),
    /** Inherited words this language's slot does not take. */
    drop: z.array(z.string().min(1)).min(1).optional(),
    /** `false`: the slot is this language's alone, the inherited slot's words are not added. */
    inherit: z.boolean().optional(),
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

type Slot = z.infer<typeof SlotRule>;

/** A slot's words or pattern as one regex source (no group around it). */
function sourceOf(slot: Slot): string {
  return slot.pattern ?? slot.words!.map(escapeRegex).join('|');
}

/**
 * A language's slot over the inherited slot of the same name: its words first, then the
 * inherited words it does not `drop` (each word once); where either is a pattern, the two
 * patterns as alternatives (`own|inherited`). `inherit: false`: the language's slot alone.
 */
function extendSlot(file: string, own: Slot, inherited: Slot): Slot {
  if (own.inherit === false) return own;
  let base = inherited;
  if (own.drop) {
    const have = new Set(inherited.words ?? []);
    const missing = own.drop.filter((w) => !have.has(w));
    if (missing.length > 0) {
      throw new ConfigError(
        file,
        missing.map((w) => ({
          path: `rules.${own.reason}.drop`,
          message: `no inherited word "${w}" to drop`,
        })),
      );
    }
    const drop = new Set(own.drop);
    const words = (inherited.words ?? []).filter((w) => !drop.has(w));
    if (words.length === 0) return { reason: own.reason, words: own.words, pattern: own.pattern };
    base = { reason: inherited.reason, words };
  }
  if (own.words && base.words)
    return { reason: own.reason, words: [...new Set([...own.words, ...base.words])] };
  return { reason: own.reason, pattern: `${sourceOf(own)}|${sourceOf(base)}` };
}

/** The slots of a table with inheritance: each layer extends the slots of the one it inherits. */
function mergedSlots(name: string, dir: string): Slot[] {
  const layers = loadValidatedLayers(name, SlotRule, dir);
  let slots: Slot[] = [];
  for (let i = layers.length - 1; i >= 0; i--) {
    const { layer, rules } = layers[i]!;
    if (i === layers.length - 1) {
      slots = rules;
      continue;
    }
    const below = new Map(slots.map((r) => [r.reason, r]));
    const own: TableLayer = layer;
    const extended = rules.map((r) => {
      const b = below.get(r.reason);
      return b ? extendSlot(layer.file, r, b) : r;
    });
    slots = mergeRows(own, extended, slots);
  }
  return slots;
}

/**
 * Load a slot table and check that every slot in `required` is there. In a folder that
 * inherits (language.yaml), a slot of the folder extends the inherited slot of its name (see
 * extendSlot); slots it does not name are inherited as they are.
 */
export function loadSlots(name: string, required: readonly string[], dir: string): Slots {
  const rules = mergedSlots(name, dir);
  const byName = new Map(rules.map((r) => [r.reason, r]));
  requireAll(path.join(dir, `${name}.yaml`), new Set(byName.keys()), required);
  const get = (n: string) => {
    const r = byName.get(n);
    if (!r) throw new Error(`slot "${n}" read but not declared as required`);
    return r;
  };
  return {
    words: (n) => get(n).words ?? [],
    re: (n) => `(?:${sourceOf(get(n))})`,
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
