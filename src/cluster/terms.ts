/**
 * The clustering tables of config/rules/cluster.yaml, read once: stopwords, domain words, drug
 * words and unit words. Code in this folder applies them; the tables say what they mean.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { packagePath } from '../package-root.ts';
import { COUNT_UNITS, DrugSchema } from '../records/schema.ts';

const TABLE_FILE = packagePath('config/rules/cluster.yaml');

const TablesSchema = z
  .object({
    stopwords: z.record(z.string(), z.array(z.string())),
    domainWords: z.array(z.string()),
    drugs: z.record(z.string(), DrugSchema),
    massUnits: z.record(z.string(), z.number().positive()),
    countUnits: z.record(z.string(), z.enum(COUNT_UNITS)),
    numberWords: z.record(z.string(), z.number().positive()),
  })
  .strict();

export interface ClusterTerms {
  stopwords: Set<string>;
  domainWords: Set<string>;
  drugs: Map<string, z.infer<typeof DrugSchema>>;
  massUnits: Map<string, number>;
  countUnits: Map<string, (typeof COUNT_UNITS)[number]>;
  numberWords: Map<string, number>;
}

let cached: ClusterTerms | undefined;

export function loadClusterTerms(file = TABLE_FILE): ClusterTerms {
  if (cached && file === TABLE_FILE) return cached;
  const t = TablesSchema.parse(parse(readFileSync(file, 'utf8')));
  const terms: ClusterTerms = {
    stopwords: new Set(Object.values(t.stopwords).flat()),
    domainWords: new Set(t.domainWords),
    drugs: new Map(Object.entries(t.drugs)),
    massUnits: new Map(Object.entries(t.massUnits)),
    countUnits: new Map(Object.entries(t.countUnits)),
    numberWords: new Map(Object.entries(t.numberWords)),
  };
  if (file === TABLE_FILE) cached = terms;
  return terms;
}
