/**
 * The entity rule tables (config/rules/titles-roles.yaml, organizations.yaml,
 * person-stopwords.yaml, place-coreferences.yaml, place-facilities.yaml), loaded through the
 * shared rule loader and indexed for the extractors. Read once per process.
 */
import { z } from 'zod';
import { loadRuleTable } from '../rules/load.ts';

const WordsRule = <T extends readonly [string, ...string[]]>(types: T) =>
  z.object({ reason: z.string().min(1), type: z.enum(types), words: z.array(z.string().min(1)).min(1) });

const TitleRule = WordsRule(['head', 'modifier', 'honorific', 'relation'] as const);
const OrgRule = WordsRule(['head', 'known', 'not'] as const);
const StopRule = z.union([
  WordsRule(['token', 'speech'] as const),
  z.object({ reason: z.string().min(1), type: z.literal('credit'), pattern: z.string().min(1) }),
]);
const CorefRule = z.object({
  reason: z.string().min(1),
  phrase: z.string().min(1),
  kinds: z.array(z.enum(['country', 'city', 'port', 'region', 'other'])).min(1),
  capital: z.boolean().default(false),
});
const FacilityRule = z.object({
  reason: z.string().min(1),
  head: z.string().min(1),
  kind: z.enum(['port', 'other']),
});

export type CorefRuleT = z.infer<typeof CorefRule>;
export type FacilityRuleT = z.infer<typeof FacilityRule>;

export interface EntityTables {
  /** Lower-case title heads, single and multi-word ("minister", "prime minister"). */
  titleHeads: Set<string>;
  titleModifiers: Set<string>;
  honorifics: Set<string>;
  relations: Set<string>;
  orgHeads: Set<string>;
  /** Known organisation names and acronyms, as written. */
  orgKnown: Set<string>;
  orgNot: Set<string>;
  notPersonTokens: Set<string>;
  credits: RegExp[];
  speechVerbs: string[];
  coreferences: CorefRuleT[];
  facilities: FacilityRuleT[];
  /** Words never read as a place on their own (place-stopwords.yaml). */
  notPlaces: Set<string>;
}

let cached: EntityTables | undefined;

export function entityTables(): EntityTables {
  if (cached) return cached;
  const titles = loadRuleTable('titles-roles', TitleRule);
  const orgs = loadRuleTable('organizations', OrgRule);
  const stops = loadRuleTable('person-stopwords', StopRule);
  const words = <R extends { type: string }>(rules: R[], type: string, lower: boolean): Set<string> =>
    new Set(
      rules
        .filter((r) => r.type === type)
        .flatMap((r) => (r as unknown as { words: string[] }).words)
        .map((w) => (lower ? w.toLowerCase() : w)),
    );
  cached = {
    titleHeads: words(titles, 'head', true),
    titleModifiers: words(titles, 'modifier', true),
    honorifics: words(titles, 'honorific', true),
    relations: words(titles, 'relation', true),
    orgHeads: words(orgs, 'head', false),
    orgKnown: words(orgs, 'known', false),
    orgNot: words(orgs, 'not', false),
    notPersonTokens: words(stops, 'token', false),
    credits: stops.flatMap((r) => (r.type === 'credit' ? [new RegExp(r.pattern, 'iu')] : [])),
    speechVerbs: [...words(stops, 'speech', true)],
    coreferences: loadRuleTable('place-coreferences', CorefRule),
    facilities: loadRuleTable('place-facilities', FacilityRule),
    notPlaces: new Set(
      loadRuleTable(
        'place-stopwords',
        z.object({ reason: z.string().min(1), words: z.array(z.string().min(1)) }),
      ).flatMap((r) => r.words),
    ),
  };
  return cached;
}
