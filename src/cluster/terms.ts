/**
 * The clustering tables of config/rules/cluster.yaml, read once: stopwords and domain words
 * (drugs, units and numbers come from the extraction tables: lexicon.ts). Code in this folder applies them; the tables say what they mean.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { z } from 'zod';
import { packagePath } from '../package-root.ts';
import { loadClusterLexicon } from './lexicon.ts';

const TABLE_FILE = packagePath('config/rules/cluster.yaml');

const TablesSchema = z
  .object({
    stopwords: z.record(z.string(), z.array(z.string())),
    domainWords: z.array(z.string()),
    /** Read by lexicon.ts. */
    lexicon: z.record(z.string(), z.unknown()).optional(),
  })
  .strict();

export interface ClusterTerms {
  stopwords: Set<string>;
  /**
   * Languages with a stopword list: only between two articles in one of these does shared
   * wording say anything (elsewhere function words would make any two reports look alike).
   */
  textLanguages?: Set<string>;
  domainWords: Set<string>;
  /**
   * Drug, unit and port words of every language's extraction tables (lexicon.ts isDomainTerm):
   * domain words too, so that two German reports do not look alike for "Kokain" and "Tonnen".
   */
  isDomainTerm?: (term: string) => boolean;
}

let cached: ClusterTerms | undefined;

export function loadClusterTerms(file = TABLE_FILE): ClusterTerms {
  if (cached && file === TABLE_FILE) return cached;
  const t = TablesSchema.parse(parse(readFileSync(file, 'utf8')));
  const terms: ClusterTerms = {
    stopwords: new Set(Object.values(t.stopwords).flat()),
    textLanguages: new Set(Object.keys(t.stopwords)),
    domainWords: new Set(t.domainWords),
    isDomainTerm: (term) => loadClusterLexicon().isDomainTerm(term),
  };
  if (file === TABLE_FILE) cached = terms;
  return terms;
}
