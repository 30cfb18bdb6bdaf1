/**
 * The entity rule tables of one language (config/rules/<lang>/: titles-roles.yaml,
 * organizations.yaml, person-stopwords.yaml, place-coreferences.yaml, place-facilities.yaml,
 * place-origins.yaml, place-agencies.yaml, place-stopwords.yaml, entity-grammar.yaml and the
 * place thresholds of thresholds.yaml), loaded through the shared rule loader and indexed for
 * the extractors. Compiled once per RuleSet.
 */
import { z } from 'zod';
import { loadRuleTable } from '../rules/load.ts';
import { escapeRegex, loadSettings, loadSlots, type Slots } from '../rules/slots.ts';
import { fastRegExp } from '../rules/word-boundary.ts';

const WordsRule = <T extends readonly [string, ...string[]]>(types: T) =>
  z.object({ reason: z.string().min(1), type: z.enum(types), words: z.array(z.string().min(1)).min(1) });

const TitleRule = WordsRule([
  'head',
  'head-suffix',
  'post-nominal',
  'name-suffix',
  'modifier',
  'honorific',
  'relation',
  'rank',
  'rank-word',
] as const);
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
   * `feature`: the name with its head is the place and the name inside is not listed on its
   * own ("the Swat valley" is no mention of the town of Swat). `name`: the words before a
   * lower-case head are the place, known or not ("the Kazungula checkpoint" is Kazungula).
   * `area`: as `name`, but only the name is listed, without its head ("the Ras Al Khor industrial
   * area" is Ras Al Khor, "the Cat Lai terminal" is Cat Lai): a part of a town or port named for it.
   */
  names: z.enum(['facility', 'place', 'feature', 'name', 'area']).default('facility'),
  /** The head comes before the name ("Naval Base Captain X"). */
  prefix: z.boolean().default(false),
  /**
   * Endings of the place adjective the head may follow ("er": "Kieler Hafen" is the port of
   * Kiel; "se": "Gentse haven"): with `names: place`, the word before the head
   * less the ending (or with "en" or "e" for it: "Bremer" -> Bremen) is the known place.
   */
  adjectives: z.array(z.string().min(1)).default([]),
});
const OriginRule = z.object({ reason: z.string().min(1), pattern: z.string().min(1) });
const AgencyRule = z.object({
  reason: z.string().min(1),
  country: z.string().regex(/^[A-Z]{2}$/),
  names: z.array(z.string().min(1)).min(1),
});

export type CorefRuleT = z.infer<typeof CorefRule>;
export type FacilityRuleT = z.infer<typeof FacilityRule>;

/** The slots of entity-grammar.yaml the code reads. */
export const ENTITY_SLOTS = [
  'function-words',
  'name-connectors',
  'name-abbreviations',
  'title-connectors',
  'role-complement-links',
  'complement-after-full-name',
  'place-name-connectors',
  'org-joiners',
  'org-of',
  'name-article',
  'apposition-articles',
  'apposition-speech',
  'age-words',
  'age-units',
  'identify-verbs',
  'identify-as',
  'naming-verbs',
  'speech-before',
  'speech-before-tagged-name',
  'town-nouns',
  'street-nouns',
  'article-contractions',
  'speech-after-role',
  'role-place-link',
  'person-particles',
  'thing-nouns',
  'person-locatives',
  'person-object-cues',
  'age-before',
  'capitalised-particles',
  'not-name-words',
  'brand-words',
  'brand-after-words',
  'place-type-words',
  'thing-after-words',
  'person-relatives',
  'currency-words',
  'masthead-words',
  'nickname-cues',
  'locatives',
  'admin-nouns',
  'admin-nouns-plural',
  'admin-nouns-settlement',
  'bearings',
  'hyphen-compound-words',
  'coordinated-directions',
  'coordinated-continents',
  'generic-place-nouns',
  'direction-words',
  'date-openers',
  'port-word',
  'ports-word',
  'admin-unit-nouns',
  'admin-nouns-outside-name',
  'port-of',
  'border-word',
  'border-areas',
  'border-place-links',
  'border-between',
  'border-between-place-links',
  'place-in',
  'town-region-link',
  'place-list-and-or',
  'place-list-and',
  'origin-chain-links',
  'town-locatives',
  'town-name-links',
  'person-name-enders',
  'role-town-links',
] as const;

const PLACE_THRESHOLDS = [
  'small-town-population',
  'medium-city-population',
  'homonym-abroad-population',
  'region-city-population',
  'main-country-dominance',
  'story-country-places',
] as const;

/** Word sets and regexes built from entity-grammar.yaml, compiled once per language. */
export interface EntityGrammar {
  slots: Slots;
  /** Lower-case words that may stand inside a proper name ("of", "de", "van"), as written. */
  connectors: Set<string>;
  /** Abbreviated first names that keep their dot inside a name ("Md. Kamal Hossain"), lower-case. */
  nameAbbreviations: Set<string>;
  /** After "X-", these make an adjective ("Sinaloa-based"), not a name part ("Wong Ka-ming"). */
  hyphenCompoundWords: Set<string>;
  /** Between two persons named together ("X and Y"). */
  personAnd: RegExp;
  /** Join a title to its complement ("Minister for X"), as written. */
  titleConnectors: Set<string>;
  /** A head's complement in a role ("Director of X"), as written. */
  roleComplementLinks: Set<string>;
  /** Link words that, after a title and a full name, open the role's complement ("Burgemeester Lieve Vanhoudt van Nederweert"); none where surnames carry a particle after the surname ("Pérez de Cuéllar"). */
  complementAfterFullName: Set<string>;
  orgJoiners: Set<string>;
  orgOf: Set<string>;
  /** A leading article of a name ("The"), any case. */
  leadingArticle: RegExp;
  /** "the " at the start of a place's name as written. */
  leadingArticlePrefix: RegExp;
  /** ", the interior minister, said": group 1 the apposition. */
  apposition: RegExp;
  /** ", 41," / ", aged 41," / ", de 41 años," / " (41)". */
  age: RegExp;
  /** Right after a name: " von ", " zu " and a capitalised word that continues the name. */
  personParticle: RegExp;
  /** Right after a name: a product noun that makes it a brand ("Louis Vuitton bags"). */
  brandAfter: RegExp;
  /** Place-type words ("Bay", "Ria") that make a run with no title a place (the name's end in English, its start elsewhere). */
  placeTypeWords: Set<string>;
  /** Lower-case nouns right after a run that make it the name of a thing or a body ("X wharf", "X chapter"). */
  thingAfter: RegExp;
  /** A relative pronoun of persons after a run and its comma ("X, who was arrested"). */
  personRelativeAfter: RegExp;
  /** An age in an apposition after a run ("X, a 34-year-old driver"). */
  ageApposition: RegExp;
  identifyVerbs: RegExp;
  identifyAs: Set<string>;
  namingVerbs: RegExp;
  speechBefore: RegExp;
  /** Words of `speechBefore` after which a run is a person only when the parser tags a name in it. */
  speechBeforeTaggedName: RegExp;
  /** After a name set off by a comma from its role: ", X, said". */
  speechAfterRole: RegExp;
  rolePlaceLink: Set<string>;
  notNameWords: Set<string>;
  /** Right before a name: "branded", "labelled" (a brand, not a person). */
  brandBefore: RegExp;
  /** Right before a name: a locative preposition ("off San Andres"). */
  locativeBeforeName: RegExp;
  /** Right before a name: a vessel, company or group noun ("the cutter James", "a firm called X"). */
  thingBefore: RegExp;
  /** Right before a name: a verb of arrest or sentence ("jailed X", "condenó a X"), or an age ("52-jährige"). */
  objectCueBefore: RegExp;
  /** Capitalised particles inside a name ("El", "Le"), as written. */
  capitalisedParticles: Set<string>;
  /** A locative preposition (and "the") right before a name. */
  locative: RegExp;
  /** An administrative noun right after a name; group 1 the noun. */
  adminNoun: RegExp;
  adminPlural: Set<string>;
  adminSettlement: Set<string>;
  /** "north of " right before a name. */
  bearing: RegExp;
  /** "West and Central Africa": groups 1 and 2 the directions, 3 the continent. */
  coordinated: RegExp;
  genericPlaceNouns: Set<string>;
  directionWords: Set<string>;
  /** What may follow the province in "in Town, Province". */
  tailAfter: RegExp;
  /** Right before a name: a locative strong enough to make a name the gazetteer lacks a town ("near Kettlewick"). */
  townLocative: RegExp;
  /** Right after a town's first word: the link of a town named in two parts ("Weil am Rhein"); group 1 the rest. */
  townNameLink: RegExp;
  /** Connectors that end a person's name of two words or more, as written ("Carla Reyes of Yuma"). */
  personNameEnders: Set<string>;
  /** Connectors after a role holder's name of two words before the role's town or body ("Burgemeester X Y van Z"). */
  roleTownLinks: Set<string>;
  portWord: Set<string>;
  /** "Ports of Auckland": a port authority's name. */
  portsWord: Set<string>;
  /** Capitalised nouns that end the name of an administrative unit ("Quebec Region"), lower-case. */
  adminUnitNouns: Set<string>;
  /** Admin nouns written before a region but not part of its name ("Bezirk X" is X). */
  adminNounsOutside: Set<string>;
  /** Capitalised nouns of a town's government before its name ("Ville de X", "Gemeente X"): the town. */
  townNouns: Set<string>;
  /** Nouns of streets and roads written before the name ("calle X", "rue X"): no person after them. */
  streetNouns: Set<string>;
  /**
   * The article a preposition contracts or a lower-case article stands for before a town's name
   * ("du" -> "Le": "les douaniers du Mans" name Le Mans), else null.
   */
  articleOfContraction(word: string): string | null;
  /** "the province of " right before a name. */
  adminOfBefore: RegExp;
  /** "port of " right before a name. */
  portOfBefore: RegExp;
  /** " border" right after a name. */
  borderAfter: RegExp;
  /** "border (region) in " right before a name. */
  placeAfterBorder: RegExp;
  /** "border between (the) " right before the first of two countries. */
  borderBetween: RegExp;
  /** " in " between "the border between X and Y" and the place on it. */
  placeAfterBorderBetween: RegExp;
  /** Between a name and the region that contains it (", " or " in "). */
  withinLink: RegExp;
  /** Between a town and a region named with its country after it (", in " of "Town, in Country's X region"). */
  townRegionLink: RegExp;
  /** Between two items of a list of places (", ", " and ", " or "). */
  listLink: RegExp;
  /** Between an origin and a place hanging off it ("from the port of X in Y"). */
  chainLink: RegExp;
  /** Between the two countries of an "X-Y border" or "X and Y". */
  pairLink: RegExp;
  /** Right after a coreference phrase: "the city of X" is a name. */
  ofAfter: RegExp;
  /** Right after a place name: "$", "dollars" ("US$ 3 million", "US dollars"). */
  currencyAfter: RegExp;
  /** Right after a place name: the rest of an outlet's masthead ("USA TODAY"), case as written. */
  mastheadAfter: RegExp;
  /** Right before a name: "known as", "alias" and an opening quote (a nickname). */
  nicknameBefore: RegExp;
  /** Right after a name: ", alias", ", known as" (the run before is a person with a nickname). */
  nicknameAfter: RegExp;
  /** Between two items of a list of names (", ", " and ", ", y "). */
  nameListLink: RegExp;
}

export interface EntityTables {
  /** Lower-case title heads, single and multi-word ("minister", "prime minister"). */
  titleHeads: Set<string>;
  /**
   * A head word: one of `titleHeads`, or a compound that ends in a `head-suffix` of the language
   * after at least three letters ("Kriminaldirektor", "Innensenator", "politiewoordvoerder").
   */
  isHeadWord(word: string): boolean;
  titleModifiers: Set<string>;
  /** Words dropped before a name; rank abbreviations are in it too (they end no sentence). */
  honorifics: Set<string>;
  /** Abbreviated ranks that are a role ("Lt. Col.", "Sgt."), lower-case with their dot. */
  ranks: Set<string>;
  relations: Set<string>;
  /** Letters after a name that are no part of it ("KC", "BL"), as written. */
  postNominals: Set<string>;
  /** Generational suffixes that are part of a name ("Jr.", "III"), as written, with and without the dot. */
  nameSuffixes: Set<string>;
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
  grammar: EntityGrammar;
  populations: Record<(typeof PLACE_THRESHOLDS)[number], number>;
}

function grammarOf(slots: Slots): EntityGrammar {
  const set = (n: string) => new Set(slots.words(n));
  const g = slots.re;
  return {
    slots,
    connectors: set('name-connectors'),
    nameAbbreviations: new Set(slots.words('name-abbreviations').map((w) => w.toLowerCase())),
    hyphenCompoundWords: set('hyphen-compound-words'),
    personAnd: new RegExp(`^\\s+${g('place-list-and')}\\s+$`, 'i'),
    titleConnectors: set('title-connectors'),
    roleComplementLinks: set('role-complement-links'),
    complementAfterFullName: set('complement-after-full-name'),
    orgJoiners: set('org-joiners'),
    orgOf: set('org-of'),
    leadingArticle: new RegExp(`^${g('name-article')}$`, 'i'),
    leadingArticlePrefix: new RegExp(`^${g('name-article')}\\s+`, 'i'),
    apposition: new RegExp(
      `^,\\s+(?:${slots
        .words('apposition-articles')
        .map((w) => `${escapeRegex(w)}\\s+`)
        .join('|')})?([^,.;:"“”()]+?)(?=\\s*[,.;:)]|\\s+${g('apposition-speech')}\\b|\\s*$)`,
      'u',
    ),
    age: new RegExp(
      `^(?:,\\s*(?:${g('age-words')}\\s+)?\\d{1,3}(?:\\s+${g('age-units')})?\\s*[,)]|\\s+\\(\\d{1,3}\\))`,
      'u',
    ),
    personParticle: new RegExp(`^\\s+(${g('person-particles')})\\s+(?=\\p{Lu})`, 'u'),
    brandAfter: new RegExp(`^\\s+${g('brand-after-words')}\\b`, 'u'),
    ageApposition: new RegExp(
      `^,\\s*(?:${g('apposition-articles')})\\s+${g('age-before')}(?![\\p{L}\\p{N}])`,
      'u',
    ),
    personRelativeAfter: new RegExp(`^,\\s+(?:${g('person-relatives')})(?![\\p{L}])`, 'u'),
    placeTypeWords: new Set(slots.words('place-type-words').map((w) => w.toLowerCase())),
    thingAfter: new RegExp(`^\\s+(?:${g('thing-after-words')}|${g('brand-after-words')})(?![\\p{L}])`, 'u'),
    identifyVerbs: new RegExp(g('identify-verbs'), 'i'),
    identifyAs: new Set(slots.words('identify-as').map((w) => w.toLowerCase())),
    namingVerbs: new RegExp(`^${g('naming-verbs')}$`, 'i'),
    speechBefore: new RegExp(`^${g('speech-before')}$`, 'i'),
    speechBeforeTaggedName: new RegExp(`^${g('speech-before-tagged-name')}$`, 'i'),
    speechAfterRole: new RegExp(`^\\s*[,;]|^\\s+${g('speech-after-role')}\\b`),
    rolePlaceLink: set('role-place-link'),
    notNameWords: new Set(slots.words('not-name-words').map((w) => w.toLowerCase())),
    brandBefore: new RegExp(`\\b${g('brand-words')}\\s+(?:as\\s+)?["“‘']?$`, 'i'),
    locativeBeforeName: fastRegExp(
      `(?<![\\p{L}\\p{N}])${g('person-locatives')}\\s+(?:${g('name-article')}\\s+)?$`,
      'iu',
    ),
    objectCueBefore: fastRegExp(
      `(?<![\\p{L}\\p{N}])(?:${g('person-object-cues')}|${g('age-before')}(?:\\s+\\p{Lu}\\p{Ll}+)?)\\s+$`,
      'iu',
    ),
    capitalisedParticles: set('capitalised-particles'),
    thingBefore: fastRegExp(
      `(?<![\\p{L}\\p{N}])${g('thing-nouns')}(?:,?\\s+${g('naming-verbs')})?\\s+(?:(?:${g('name-article')}|${g('apposition-articles')})\\s+)?["“„‘'«]?\\s*$`,
      'iu',
    ),
    // No `\\b`: it is ASCII-only and misses "à" ("saisi à Bayonne").
    locative: fastRegExp(
      `(?<![\\p{L}\\d])${g('locatives')}(?:\\s+|(?<=['’]))(?:${g('name-article')}\\s+)?$`,
      'iu',
    ),
    adminNoun: new RegExp(`^\\s+(${slots.words('admin-nouns').join('|')})\\b`),
    adminPlural: set('admin-nouns-plural'),
    adminSettlement: set('admin-nouns-settlement'),
    bearing: new RegExp(`\\b${g('bearings')}\\s+${g('org-of')}\\s+$`, 'i'),
    coordinated: new RegExp(
      `\\b(${slots.words('coordinated-directions').join('|')}) ${g('place-list-and')} (${slots
        .words('coordinated-directions')
        .join('|')}) (${slots.words('coordinated-continents').join('|')})\\b`,
      'g',
    ),
    genericPlaceNouns: new Set(slots.words('generic-place-nouns').map((w) => w.toLowerCase())),
    directionWords: new Set(slots.words('direction-words').map((w) => w.toLowerCase())),
    townLocative: fastRegExp(`(?<![\\p{L}\\p{N}])${g('town-locatives')}\\s+$`, 'iu'),
    personNameEnders: set('person-name-enders'),
    roleTownLinks: set('role-town-links'),
    townNameLink: new RegExp(`^[ \\t]+(${g('town-name-links')}[ \\t]+\\p{Lu}[\\p{L}’'-]+)`, 'u'),
    tailAfter: new RegExp(`^\\s*(?:[,.;:)]|$|\\s${g('date-openers')}\\b)`),
    portWord: set('port-word'),
    portsWord: set('ports-word'),
    adminUnitNouns: new Set(slots.words('admin-unit-nouns').map((w) => w.toLowerCase())),
    adminNounsOutside: new Set(slots.words('admin-nouns-outside-name').map((w) => w.toLowerCase())),
    townNouns: new Set(slots.words('town-nouns').map((w) => w.toLowerCase())),
    streetNouns: new Set(slots.words('street-nouns').map((w) => w.toLowerCase())),
    articleOfContraction: (() => {
      const map = new Map(
        slots.words('article-contractions').map((w) => {
          const [word, article] = w.split('=');
          return [word!.trim(), article!.trim()] as const;
        }),
      );
      return (word: string) => map.get(word) ?? null;
    })(),
    adminOfBefore: new RegExp(
      `\\b(?:${slots.words('admin-unit-nouns').join('|')})\\s+${g('org-of')}\\s+(?:${g('name-article')}\\s+)?$`,
      'i',
    ),
    portOfBefore: new RegExp(`\\b${g('port-of')}\\s+$`, 'i'),
    borderAfter: new RegExp(`^\\s+${g('border-word')}\\b`, 'i'),
    placeAfterBorder: new RegExp(
      `\\b${g('border-word')}(?:\\s+${g('border-areas')})?\\s+${g('border-place-links')}\\s+(?:${g('name-article')}\\s+)?$`,
      'i',
    ),
    borderBetween: new RegExp(
      `\\b${g('border-word')}\\s+${g('border-between')}\\s+(?:${g('name-article')}\\s+)?$`,
      'i',
    ),
    placeAfterBorderBetween: new RegExp(
      `^\\s+${g('border-between-place-links')}\\s+(?:${g('name-article')}\\s+)?$`,
      'i',
    ),
    withinLink: new RegExp(`^(?:,\\s*|\\s+${g('place-in')}\\s+(?:${g('name-article')}\\s+)?)$`),
    townRegionLink: new RegExp(`^${g('town-region-link')}$`, 'u'),
    listLink: new RegExp(`^(?:,\\s*|,?\\s+${g('place-list-and-or')}\\s+)$`),
    chainLink: new RegExp(
      `^\\s*(?:,|${slots.words('origin-chain-links').join('|')}|, ${g('place-list-and')}|, ${g('place-in')})?\\s*(?:${g('name-article')}\\s+)?$`,
      'i',
    ),
    pairLink: new RegExp(`^\\s*[-–]\\s*$|^\\s+${g('place-list-and')}\\s+$`),
    ofAfter: new RegExp(`^\\s+${g('org-of')}\\b`),
    nicknameBefore: fastRegExp(`\\b${g('nickname-cues')}\\s*["“‘']?(?:\\p{Lu}\\p{L}*\\s+)?$`, 'iu'),
    nicknameAfter: fastRegExp(`^,?\\s+${g('nickname-cues')}(?![\\p{L}])`, 'iu'),
    nameListLink: new RegExp(`^(?:,\\s*|,?\\s+${g('place-list-and-or')}\\s+)$`, 'u'),
    currencyAfter: new RegExp(`^(?: ?\\$|\\s*${g('currency-words')}\\b)`, 'i'),
    mastheadAfter: new RegExp(`^\\s(?:${g('masthead-words')})\\b`, 'u'),
  };
}

/** Load and compile the entity tables of the language folder `dir`. */
export function compileEntityTables(dir: string): EntityTables {
  const titles = loadRuleTable('titles-roles', TitleRule, dir);
  const orgs = loadRuleTable('organizations', OrgRule, dir);
  const stops = loadRuleTable('person-stopwords', StopRule, dir);
  const words = <R extends { type: string }>(rules: R[], type: string, lower: boolean): Set<string> =>
    new Set(
      rules
        .filter((r) => r.type === type)
        .flatMap((r) => (r as unknown as { words: string[] }).words)
        .map((w) => (lower ? w.toLowerCase() : w)),
    );
  const titleHeads = words(titles, 'head', true);
  const suffixes = [...words(titles, 'head-suffix', true)];
  const suffixRe =
    suffixes.length > 0 ? new RegExp(`^\\p{L}{3,}(?:${suffixes.map(escapeRegex).join('|')})$`, 'u') : null;
  return {
    titleHeads,
    isHeadWord: (word) => {
      const w = word.toLowerCase();
      return titleHeads.has(w) || (suffixRe !== null && !w.includes(' ') && suffixRe.test(w));
    },
    titleModifiers: words(titles, 'modifier', true),
    honorifics: new Set([
      ...words(titles, 'honorific', true),
      ...words(titles, 'rank', true),
      ...words(titles, 'rank-word', true),
    ]),
    ranks: new Set([...words(titles, 'rank', true), ...words(titles, 'rank-word', true)]),
    relations: words(titles, 'relation', true),
    postNominals: words(titles, 'post-nominal', false),
    nameSuffixes: words(titles, 'name-suffix', false),
    orgHeads: new Set([...words(orgs, 'head', false), ...words(orgs, 'legal', false)]),
    orgLegal: words(orgs, 'legal', false),
    orgCues: words(orgs, 'cue', true),
    orgKnown: words(orgs, 'known', false),
    orgNot: words(orgs, 'not', false),
    notPersonTokens: words(stops, 'token', false),
    credits: stops.flatMap((r) => (r.type === 'credit' ? [fastRegExp(r.pattern, 'iu')] : [])),
    speechVerbs: [...words(stops, 'speech', true)],
    coreferences: loadRuleTable('place-coreferences', CorefRule, dir),
    facilities: loadRuleTable('place-facilities', FacilityRule, dir),
    notPlaces: new Set(
      loadRuleTable(
        'place-stopwords',
        z.object({ reason: z.string().min(1), words: z.array(z.string().min(1)) }),
        dir,
      ).flatMap((r) => r.words),
    ),
    originCues: loadRuleTable('place-origins', OriginRule, dir).map((r) => fastRegExp(r.pattern, 'iu')),
    agencyCountries: loadRuleTable('place-agencies', AgencyRule, dir).flatMap((r) =>
      r.names.map((name) => ({ name, country: r.country })),
    ),
    grammar: grammarOf(loadSlots('entity-grammar', ENTITY_SLOTS, dir)),
    populations: loadSettings('thresholds', PLACE_THRESHOLDS, dir),
  };
}
