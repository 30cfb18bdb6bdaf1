/**
 * The entity rule tables (config/rules/titles-roles.yaml, organizations.yaml,
 * person-stopwords.yaml, place-coreferences.yaml, place-facilities.yaml, place-origins.yaml,
 * place-agencies.yaml), loaded through the
 * shared rule loader and indexed for the extractors. Read once per process.
 */
import { z } from 'zod';
import { loadRuleTable } from '../rules/load.ts';

const WordsRule = <T extends readonly [string, ...string[]]>(types: T) =>
  z.object({ reason: z.string().min(1), type: z.enum(types), words: z.array(z.string().min(1)).min(1) });

const TitleRule = WordsRule(['head', 'modifier', 'honorific', 'relation', 'rank'] as const);
const OrgRule = WordsRule(['head', 'known', 'not', 'legal', 'cue'] as const);
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
  /**
   * `place`: the head is a part of the place before it, not a name of its own ("Antwerp Docks"
   * is a mention of Antwerp, of kind port). Default `facility`: "Apapa Port" is a name.
   */
  names: z.enum(['facility', 'place']).default('facility'),
});
const OriginRule = z.object({ reason: z.string().min(1), pattern: z.string().min(1) });
const AgencyRule = z.object({
  reason: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  names: z.array(z.string().min(1)).min(1),
});

export type CorefRuleT = z.infer<typeof CorefRule>;
export type FacilityRuleT = z.infer<typeof FacilityRule>;

export interface EntityTables {
  /** Lower-case title heads, single and multi-word ("minister", "prime minister"). */
  titleHeads: Set<string>;
  titleModifiers: Set<string>;
  /** Words dropped before a name; rank abbreviations are in it too (they end no sentence). */
  honorifics: Set<string>;
  /** Abbreviated ranks that are a role ("Lt. Col.", "Sgt."), lower-case with their dot. */
  ranks: Set<string>;
  relations: Set<string>;
  orgHeads: Set<string>;
  /** Legal forms of companies ("GmbH", "S.A."): heads that need a name before them. */
  orgLegal: Set<string>;
  /** Lower-case nouns right before a company's bare name ("shipping firm X"), lower-case. */
  orgCues: Set<string>;
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
  /** Text right before an origin or destination place (place-origins.yaml), anchored at `$`. */
  originCues: RegExp[];
  /** Agency names and the country each implies (place-agencies.yaml). */
  agencyCountries: { name: string; country: string }[];
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
    honorifics: new Set([...words(titles, 'honorific', true), ...words(titles, 'rank', true)]),
    ranks: words(titles, 'rank', true),
    relations: words(titles, 'relation', true),
    orgHeads: new Set([...words(orgs, 'head', false), ...words(orgs, 'legal', false)]),
    orgLegal: words(orgs, 'legal', false),
    orgCues: words(orgs, 'cue', true),
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
    originCues: loadRuleTable('place-origins', OriginRule).map((r) => new RegExp(r.pattern, 'iu')),
    agencyCountries: loadRuleTable('place-agencies', AgencyRule).flatMap((r) =>
      r.names.map((name) => ({ name, country: r.country })),
    ),
  };
  return cached;
}
