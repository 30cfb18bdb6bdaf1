/**
 * The seizure rule tables of one language (config/rules/<lang>/: units, numbers, drugs,
 * seizure-terms, negative-frames, periods, calendar, seizure-grammar, thresholds), validated
 * and compiled to regexes once per RuleSet. The code in this folder applies them; what counts
 * as a unit, a drug, a negative frame or a linking word is in the tables.
 */
import { z } from 'zod';
import { loadPlaceAliases } from '../../geo/aliases.ts';
import { AmountUnitSchema, DrugSchema } from '../../records/schema.ts';
import { matchAll } from '../match-all.ts';
import { foldForLiterals, mayMatch } from '../rules/literal-prefilter.ts';
import { loadRuleTable } from '../rules/load.ts';
import { escapeRegex, loadSettings, loadSlots, type Slots } from '../rules/slots.ts';
import { fastRegExp } from '../rules/word-boundary.ts';
import type { ConfidenceWeights } from './merge.ts';

const UnitRule = z.object({
  reason: z.string(),
  pattern: z.string(),
  unit: AmountUnitSchema,
  kind: z.enum(['mass', 'count']),
  kg: z.number().positive().optional(),
});
const NumberRule = z.object({
  reason: z.string(),
  kind: z.enum(['word', 'multiplier', 'fraction', 'qualifier', 'tens', 'scale']),
  pattern: z.string(),
  value: z.number().optional(),
});
const DrugRule = z.object({
  reason: z.string(),
  drug: z.union([DrugSchema, z.literal('generic')]),
  pattern: z.string(),
});
const TermRule = z.object({
  reason: z.string(),
  kind: z.enum([
    'cue',
    'aggregate',
    'haul',
    'record',
    'attribution',
    'trend-down',
    'trend-up',
    'event-ref',
    'not-place',
    'not-place-after',
    'agency',
    'separate',
    'operation',
    'not-found-later',
  ]),
  pattern: z.string(),
  /** `sentence`: the rule speaks of every figure of its sentence ("In the first quarter, ..."), not only of its clause. */
  scope: z.enum(['clause', 'sentence']).optional(),
});
const FrameRule = z.object({
  reason: z.string(),
  /** `rest`: the rest of the sentence after the figure (only the figure-cues table writes it). */
  window: z.enum(['before', 'after', 'object', 'sentence', 'rest']),
  pattern: z.string(),
  /** Only figures in these units ("225mg" before "tablets" is a dose strength). */
  units: z.array(AmountUnitSchema).optional(),
  /**
   * The figure is a seizure after all when a later sentence tells that authorities found or
   * seized "the drugs" ("jailed for smuggling 28 kg of heroin. Officers found the drugs at X").
   */
  'found-later': z.boolean().optional(),
  /**
   * The figure is the size of one package of the haul ("in slabs of 150 grams"): a count
   * coordinated right after it ("... and 1,400 acorns") counts those packages, the count of the
   * mass told before them in the sentence.
   */
  'package-size': z.boolean().optional(),
});
/** The classes of figure-cues.yaml: what a figure governed by the cue is instead of a haul. */
export const CUE_CLASSES = [
  'hedge',
  'estimate',
  'threshold',
  'capacity',
  'value',
  'dosage',
  'hypothetical',
  'negation',
  'non-drug',
  'consumption',
  'per-unit',
  'ratio',
] as const;
/**
 * A row of figure-cues.yaml: a cue (`pattern`, an alternation of words) of a class and the
 * scope in which it governs a figure: `before` (the cue ends at most `gap` words before the
 * number, hedges such as "about" or "up to" not counted), `after` and `object` (the cue starts
 * at most `gap` words after the unit), `rest` (anywhere in the rest of the sentence), `sentence`
 * (anywhere in the sentence before the number). `hedge` rows list the hedges of the language.
 */
const CueRule = z
  .object({
    reason: z.string(),
    class: z.enum(CUE_CLASSES),
    scope: z.enum(['before', 'after', 'object', 'rest', 'sentence']).optional(),
    gap: z.number().int().min(0).max(8).optional(),
    units: z.array(AmountUnitSchema).optional(),
    'found-later': z.boolean().optional(),
    pattern: z.string(),
  })
  .refine((r) => r.class === 'hedge' || r.scope !== undefined, { message: 'a cue row needs a scope' });

/** A letter, digit or hyphen may not touch the cue on either side (`\b` misses accented ends). */
const CUE_OPEN = '(?<![\\p{L}\\p{N}-])';
const CUE_CLOSE = '(?![\\p{L}\\p{N}-])';

/**
 * The rows of figure-cues.yaml as negative frames: one pattern per row, its scope written out
 * (words allowed between the cue and the figure, the language's hedges before the number).
 */
export function cueFrames(cues: z.infer<typeof CueRule>[]): z.infer<typeof FrameRule>[] {
  const hedges = cues.filter((c) => c.class === 'hedge').map((c) => `(?:${c.pattern})`);
  const hedge = hedges.length > 0 ? `(?:(?:${hedges.join('|')})[\\s,]+)*` : '';
  const wordRe = "[\\p{L}\\p{N}'’.-]+";
  const out: z.infer<typeof FrameRule>[] = [];
  for (const c of cues) {
    if (c.class === 'hedge' || !c.scope) continue;
    const cue = `${CUE_OPEN}(?:${c.pattern})${CUE_CLOSE}`;
    const gap = c.gap ?? 0;
    const pattern =
      c.scope === 'before'
        ? `${cue}(?:[\\s,]+${wordRe}){0,${gap}}?(?:[\\s,]+|(?<=['’]))${hedge}$`
        : c.scope === 'after' || c.scope === 'object'
          ? `^[\\s,:()-]*(?:${wordRe}[\\s,]+){0,${gap}}?${cue}`
          : cue;
    out.push({
      reason: c.reason,
      window:
        c.scope === 'rest'
          ? 'rest'
          : c.scope === 'object'
            ? 'object'
            : c.scope === 'sentence'
              ? 'sentence'
              : c.scope === 'before'
                ? 'before'
                : 'after',
      pattern,
      ...(c.units ? { units: c.units } : {}),
      ...(c['found-later'] ? { 'found-later': true } : {}),
    });
  }
  return out;
}

const PeriodRule = z.object({
  reason: z.string(),
  resolve: z.enum([
    'range',
    'date',
    'month',
    'month-last',
    'year',
    'year-of-month',
    'part-of-year',
    'weekday',
    'weekday-of-previous-week',
    'relative-year',
    'relative-month',
    'relative-day',
    'weeks-ago',
    'days-ago',
    'months-ago',
    'years-ago',
    'anchor-days',
    'span',
    'this-week',
    'previous-week',
    'span-ending',
  ]),
  pattern: z.string(),
  offset: z.number().int().optional(),
  n: z.number().int().optional(),
  /** For `span`, when the pattern has no `unit` group. */
  unit: z.enum(['hour', 'day', 'week', 'month', 'year']).optional(),
  skip: z.enum(['reporting', 'baseline']).optional(),
  /**
   * A reporting date that dates a haul its sentence tells with no date of its own ("police said
   * on Thursday they had seized N"): the haul's period when nothing else dates it.
   */
  fallback: z.boolean().optional(),
});

const NumberFormatSchema = z.enum(['dot-decimal', 'dot-thousands']);
const NumberFormatRule = z.discriminatedUnion('kind', [
  z.object({ reason: z.string(), kind: z.literal('default'), format: NumberFormatSchema }),
  z.object({
    reason: z.string(),
    kind: z.literal('evidence'),
    format: NumberFormatSchema,
    pattern: z.string(),
  }),
  z.object({
    reason: z.string(),
    kind: z.literal('tld'),
    format: NumberFormatSchema,
    tlds: z.array(z.string().regex(/^[a-z]{2,}$/)).min(1),
  }),
]);

const ConfidenceRule = z.object({
  reason: z.string(),
  kind: z.enum(['base', 'min', 'max', 'evidence']),
  /** For `kind: evidence`, the kind of evidence (see merge.ts confidenceOf). */
  evidence: z
    .enum([
      'seizure-word',
      'continuation',
      'headline-only',
      'drug-named',
      'drug-from-context',
      'drug-unspecified',
      'unit-from-list',
      'place-named',
      'place-agency',
      'place-carried',
      'place-none',
      'period-named',
      'stated-twice',
      'count-joined',
    ])
    .optional(),
  weight: z.number(),
});

export type UnitRuleT = z.infer<typeof UnitRule>;
export type DrugRuleT = z.infer<typeof DrugRule>;
export type PeriodRuleT = z.infer<typeof PeriodRule>;
export type TermKind = z.infer<typeof TermRule>['kind'];

const CalendarRule = z
  .object({
    reason: z.string(),
    month: z.number().int().min(1).max(12).optional(),
    weekday: z.number().int().min(0).max(6).optional(),
    words: z.array(z.string().min(1)).min(1),
  })
  .refine((r) => (r.month === undefined) !== (r.weekday === undefined), {
    message: 'a calendar rule has either `month` or `weekday`',
  });

/** The slots of seizure-grammar.yaml the code reads. */
export const SEIZURE_SLOTS = [
  'link-of-binding',
  'link-of',
  'determiners',
  'definite-articles',
  'indefinite-articles',
  'referring-determiners',
  'article-the',
  'haul-references',
  'reference-modifiers',
  'drug-hyphen-words',
  'refer-back-opener',
  'additional-haul',
  'attribution-intro',
  'attribution-sources',
  'attribution-source-links',
  'attribution-cut',
  'range-openers',
  'percent-words',
  'packing-verbs',
  'packing-links',
  'weight-links',
  'weight-qualifiers',
  'apposed-mass-end',
  'content-links',
  'share-of-figure',
  'measure-words',
  'respectively',
  'part-of',
  'list-and-or',
  'list-and',
  'list-continuation',
  'restatement-or',
  'restatement-exact',
  'conversion-bracket-words',
  'half-suffix',
  'year-prepositions',
  'list-name-connectors',
  'list-in',
  'range-from',
  'period-trigger-words',
  'range-to',
  'passive-auxiliaries',
  'passive-perfect',
  'passive-adverbs',
  'not-find-complements',
  'seizure-locatives',
  'clause-breaks',
  'clause-break-gerund',
  'relative-clause-skipped',
  'place-chain-links',
  'trend-nouns-after',
  'trend-baseline-links',
  'trend-same-period',
] as const;

/** The settings of thresholds.yaml the seizure rules read (the place rules read theirs, entities/tables.ts). */
export const THRESHOLDS = [
  'refer-back-sentences',
  'seized-after-figure',
  'count-join-sentences',
  'clause-window-chars',
  'after-window-chars',
  'max-plausible-kg',
  'separator-product-tolerance',
  'count-weight-chars',
  'merge-same-tolerance',
  'merge-rounded-tolerance',
  'merge-round-figure-tolerance',
  'merge-lower-bound-span',
  'merge-lower-bound-one-span',
  'merge-bound-slack',
] as const;
export type Thresholds = Record<(typeof THRESHOLDS)[number], number>;

/** A rule with its compiled regex (global, case-insensitive, unicode). */
export interface Compiled<R> {
  rule: R;
  re: RegExp;
}

/** Regexes built from seizure-grammar.yaml, compiled once per language. */
export interface SeizureGrammar {
  slots: Slots;
  /** "nearly seven kilos; the scales later showed exactly 6.8 kilograms": an exact figure restating the one before. */
  restatedExactly: RegExp;
  /** Between a quantity and its drug: "of (up to three words)". */
  ofBinding: RegExp;
  /** "pills (officers believe are counterfeit) pressed with": the drug the items hold follows. */
  contentBinding: RegExp;
  /** "of the", "of these": a generic drug word follows. */
  genericOf: RegExp;
  /** "the drugs", "the vessel": the sentence speaks of a haul already told. */
  definiteRef: RegExp;
  /** "the " right before a drug name ("the meth"). */
  theBefore: RegExp;
  /** A determiner (and an adjective) right before a generic drug word: "the (seized) drugs". */
  referringBefore: RegExp;
  /** A generic drug word that starts with a determiner ("the substance"). */
  referringStart: RegExp;
  /** Between two drugs of one list ("meth, cocaine and heroin"). */
  drugListLink: RegExp;
  /** "It was ...", "They were ..." at the start of a sentence. */
  referBackOpener: RegExp;
  /** "also", "another", "a second": the sentence tells of one more haul. */
  additionalHaul: RegExp;
  /** "according to (figures from) (the) <source>", group 1 the source. */
  attribution: RegExp;
  /** Where the source's name ends. */
  attributionCut: RegExp;
  /** "between 2019", "since 2019". */
  rangeYear: RegExp;
  /** The first digit of a percent ("12%"). */
  percentAt: RegExp;
  /** Between a mass and a count of one haul ("in", "packed in"). */
  massThenCount: RegExp;
  /** ", verstopt in 7.300 blokken" after the clause of the mass: a packing verb is required. */
  packedAfterClause: RegExp;
  /** Between a count and the mass of one haul ("weighing about"). */
  countThenMass: RegExp;
  /** ", about " between a count (with its drug) and its mass in apposition ("40 bales of cannabis, about 900 kg"). */
  countApposedMass: RegExp;
  /** What closes a mass in apposition: a clause break or "in all", never "of <drug>". */
  apposedMassEnd: RegExp;
  /** "the Yaba tablets kept in " before a count: the packing of a haul already told. */
  packingOfTold: RegExp;
  /** "of <word> " between a mass and "in N packets". */
  ofWord: RegExp;
  /** "of crystal meth " (a drug of two words) between a mass and "hidden inside N packs". */
  ofTwoWords: RegExp;
  respectively: RegExp;
  /** ", including " right before a figure: a part of the figure before it. */
  partOfBefore: RegExp;
  /** Between two figures of a list ("and", "followed by", a comma). */
  listLink: RegExp;
  /** Between two figures of one list with no place or verb between ("of cocaine and"). */
  figureListLink: RegExp;
}

export interface SeizureTables {
  /** Adjectival country aliases of place-aliases.yaml ("Saudi" -> SA), lower-case: agency demonyms beside the country index's own. */
  countryAdjectives: Map<string, string>;
  units: UnitRuleT[];
  /** One alternation of all unit patterns, a named group `u<i>` per rule, in table order. */
  unitAlternation: string;
  numberWords: Map<string, number>;
  /** Number words compiled for parsing, in table order. */
  numberWordRes: Array<{ re: RegExp; value: number }>;
  wordAlternation: string;
  /** Tens that compound with a word ("twenty-five"), lower-case. */
  tens: Map<string, number>;
  /** A word that multiplies the word number before it ("hundred"), with its factor. */
  scale: { word: string; value: number } | null;
  multipliers: Array<{ re: RegExp; value: number; source: string }>;
  multiplierAlternation: string;
  fractions: Array<{ re: RegExp; value: number }>;
  fractionAlternation: string;
  /** The fractions written without letters ("½", "1/2"): after a whole number, "1½ kg", "5 1/2 pounds". */
  digitFractionAlternation: string;
  qualifierAlternation: string;
  /** Qualifiers by rule, to tell a lower bound ("more than") from an approximation. */
  qualifiers: Array<{ re: RegExp; reason: string }>;
  drugs: Compiled<DrugRuleT>[];
  terms: Map<TermKind, Compiled<z.infer<typeof TermRule>>[]>;
  frames: Compiled<z.infer<typeof FrameRule>>[];
  /** Reasons of the frames that hold for a whole list after them (window `before`, any unit). */
  listFrames: Set<string>;
  /** Reasons of the `per-unit` rows of figure-cues.yaml ("1 kg each": the size of one unit). */
  perUnitFrames: Set<string>;
  /** Frames of negative-frames.yaml marked `package-size`: the size of one package of the haul. */
  packageSizeFrames: Set<string>;
  periods: Compiled<PeriodRuleT>[];
  /** Month names (lower case, no dot) -> 0-based month. */
  months: Map<string, number>;
  /** Weekday names (lower case) -> 0 (Sunday) .. 6. */
  weekdays: Map<string, number>;
  grammar: SeizureGrammar;
  thresholds: Thresholds;
  /** confidence.yaml: how much each kind of evidence adds to a seizure's confidence. */
  confidence: ConfidenceWeights;
  /** number-formats.yaml: the language's default, evidence patterns, outlet countries. */
  numberFormats: {
    default: z.infer<typeof NumberFormatSchema>;
    evidence: Array<{ re: RegExp; format: z.infer<typeof NumberFormatSchema>; reason: string }>;
    tlds: Map<string, z.infer<typeof NumberFormatSchema>>;
  };
}

const word = (p: string): string => `(?:${p})`;

/** Load and compile the seizure tables of the language folder `dir`. */
export function compileSeizureTables(dir: string): SeizureTables {
  const units = loadRuleTable('units', UnitRule, dir);
  const numbers = loadRuleTable('numbers', NumberRule, dir);
  const drugs = loadRuleTable('drugs', DrugRule, dir);
  const terms = loadRuleTable('seizure-terms', TermRule, dir);
  // The cue table's rows come after the phrase frames: a phrase frame names a case more exactly.
  const cues = loadRuleTable('figure-cues', CueRule, dir);
  const frames = [...loadRuleTable('negative-frames', FrameRule, dir), ...cueFrames(cues)];
  const periods = loadRuleTable('periods', PeriodRule, dir);
  const calendar = loadRuleTable('calendar', CalendarRule, dir);
  const slots = loadSlots('seizure-grammar', SEIZURE_SLOTS, dir);
  const thresholds = loadSettings('thresholds', THRESHOLDS, dir);
  const formats = loadRuleTable('number-formats', NumberFormatRule, dir);
  const conf = loadRuleTable('confidence', ConfidenceRule, dir);
  const setting = (kind: 'base' | 'min' | 'max', fallback: number) =>
    conf.find((r) => r.kind === kind)?.weight ?? fallback;
  const confidence: ConfidenceWeights = {
    base: setting('base', 0.5),
    min: setting('min', 0.05),
    max: setting('max', 0.99),
    evidence: new Map(
      conf.flatMap((r) => (r.kind === 'evidence' && r.evidence ? [[r.evidence, r.weight]] : [])),
    ),
  };
  const numberFormats: SeizureTables['numberFormats'] = {
    default: formats.find((f) => f.kind === 'default')?.format ?? 'dot-decimal',
    evidence: formats.flatMap((f) =>
      f.kind === 'evidence' ? [{ re: new RegExp(f.pattern, 'gu'), format: f.format, reason: f.reason }] : [],
    ),
    tlds: new Map(
      formats.flatMap((f) => (f.kind === 'tld' ? f.tlds.map((x) => [x, f.format] as const) : [])),
    ),
  };

  const numberWords = new Map<string, number>();
  const words: string[] = [];
  const multipliers: SeizureTables['multipliers'] = [];
  const fractions: SeizureTables['fractions'] = [];
  const qualifiers: string[] = [];
  const tens = new Map<string, number>();
  let scale: SeizureTables['scale'] = null;
  for (const r of numbers) {
    if (r.kind === 'word') {
      words.push(r.pattern);
    } else if (r.kind === 'multiplier') {
      multipliers.push({
        re: new RegExp(`^${word(r.pattern)}$`, 'i'),
        value: r.value ?? 1,
        source: r.pattern,
      });
    } else if (r.kind === 'fraction') {
      fractions.push({ re: new RegExp(`^${word(r.pattern)}$`, 'i'), value: r.value ?? 1 });
    } else if (r.kind === 'tens') {
      tens.set(r.pattern.toLowerCase(), r.value ?? 0);
    } else if (r.kind === 'scale') {
      scale ??= { word: r.pattern.toLowerCase(), value: r.value ?? 1 };
    } else {
      qualifiers.push(r.pattern);
    }
    if (r.kind === 'word') numberWords.set(r.pattern, r.value ?? 1);
  }
  const termMap = new Map<TermKind, Compiled<z.infer<typeof TermRule>>[]>();
  for (const t of terms) {
    const list = termMap.get(t.kind) ?? [];
    list.push({ rule: t, re: fastRegExp(`(?<![\\p{L}\\d])${word(t.pattern)}(?![\\p{L}\\d])`, 'giu') });
    termMap.set(t.kind, list);
  }
  const months = new Map<string, number>();
  const weekdays = new Map<string, number>();
  for (const c of calendar) {
    for (const w of c.words) {
      const key = w.toLowerCase().replace(/\.$/, '');
      if (c.month !== undefined) months.set(key, c.month - 1);
      else weekdays.set(key, c.weekday!);
    }
  }
  const g = slots.re;
  const grammar: SeizureGrammar = {
    slots,
    restatedExactly: new RegExp(`(?:^|[\\s,;:(])${g('restatement-exact')}\\s+$`, 'iu'),
    // An elided link ("d’héroïne") needs no space before the drug.
    ofBinding: fastRegExp(
      `^\\s*${g('link-of-binding')}(?:\\s+|(?<=['’]))(?:[\\p{L}“”"'’-]+\\s+){0,3}(?:["“‘'’]|«\\s?)?$`,
      'iu',
    ),
    contentBinding: fastRegExp(
      `^\\s+(?:[\\p{L}'’-]+\\s+){0,6}?${g('content-links')}\\s+(?:[\\p{L}'’-]+\\s+){0,2}?$`,
      'iu',
    ),
    genericOf: new RegExp(`^\\s*${g('link-of')}\\s+${g('determiners')}?\\s*$`, 'i'),
    // "the vessel", "the 15-metre yacht", "les deux conteneurs", "das rund 20 Meter lange
    // Gefährt": up to three modifiers (a token with a digit, or a `reference-modifiers` word:
    // a number word, a qualifier, a measure) and one more word of any kind before the noun.
    definiteRef: fastRegExp(
      `\\b${g('definite-articles')}\\s+(?:(?:[\\p{L}-]*\\d[\\p{L}\\d.,-]*|${g('reference-modifiers')})\\s+){0,3}(?:[\\p{L}-]+\\s+)?${g('haul-references')}\\b`,
      'iu',
    ),
    theBefore: fastRegExp(`\\b${g('definite-articles')}\\s+(?:[\\p{L}-]+\\s+)?$`, 'iu'),
    referringBefore: fastRegExp(`\\b${g('referring-determiners')}\\s+(?:[\\p{L}-]+\\s+)?$`, 'iu'),
    referringStart: new RegExp(`^${g('referring-determiners')}\\b`, 'i'),
    drugListLink: fastRegExp(`^\\s*(?:,|/|,?\\s+${g('list-and-or')})\\s*(?:[\\p{L}-]+\\s+)?$`, 'iu'),
    referBackOpener: new RegExp(`^${g('refer-back-opener')}\\b`, 'i'),
    additionalHaul: new RegExp(`\\b${g('additional-haul')}\\b`, 'i'),
    attribution: new RegExp(
      `\\b${g('attribution-intro')}\\s+(?:${g('attribution-sources')}\\s+${g('attribution-source-links')}\\s+)?(?:${g('article-the')}\\s+)?([^,.;:"“”()]+)`,
      'i',
    ),
    attributionCut: new RegExp(`\\s+${g('attribution-cut')}\\b`, 'i'),
    rangeYear: new RegExp(`\\b${g('range-openers')}\\s+(?:19|20)\\d\\d\\b`, 'i'),
    percentAt: new RegExp(`\\d\\s?${g('percent-words')}`, 'i'),
    // "in 2,000 packets", "packed into 40 sachets", "were found in 80 bricks".
    massThenCount: fastRegExp(
      `^[\\s,]*(?:${g('passive-perfect')}\\s+)?(?:(?:${g('packing-verbs')}|\\p{L}+ed)\\s+)?${g('packing-links')}\\s+$`,
      'iu',
    ),
    packedAfterClause: fastRegExp(
      `^\\s*(?:${g('passive-perfect')}\\s+)?(?:${g('packing-verbs')})\\s+${g('packing-links')}\\s+$`,
      'iu',
    ),
    packingOfTold: fastRegExp(
      `\\b${g('definite-articles')}\\s+(?:[\\p{L}-]+\\s+){0,2}(?:${g('packing-verbs')}|\\p{L}+ed)\\s+${g('packing-links')}\\s+$`,
      'iu',
    ),
    countApposedMass: new RegExp(
      `^(?:\\s+${g('link-of')}\\s+(?:[\\p{L}'’-]+\\s+){0,2}?[\\p{L}'’-]+)?\\s*[,(—–]\\s*(?:(?:${slots
        .words('weight-qualifiers')
        .map((w) => escapeRegex(w))
        .join('|')})\\s+)?$`,
      'iu',
    ),
    apposedMassEnd: new RegExp(`^\\s*(?:[,;:.)—–]|${g('apposed-mass-end')}\\b|$)`, 'iu'),
    countThenMass: new RegExp(
      `${g('weight-links')}\\s+(?:${slots
        .words('weight-qualifiers')
        .map((w) => `${escapeRegex(w)} `)
        .join('|')})?$`,
      'i',
    ),
    ofWord: new RegExp(`\\b${g('link-of')} \\w+\\s*`, 'i'),
    ofTwoWords: fastRegExp(`\\b${g('link-of')} [\\p{L}-]+\\s+[\\p{L}-]+\\s+`, 'iu'),
    respectively: new RegExp(`\\b${g('respectively')}\\b`, 'i'),
    partOfBefore: new RegExp(
      `(?:^|[\\s,;:(])${g('part-of')}[\\s,:]+(?:${slots
        .words('weight-qualifiers')
        .map((w) => `${escapeRegex(w)} `)
        .join('|')})?$`,
      'i',
    ),
    listLink: new RegExp(`\\b${g('list-continuation')}\\b|,`),
    figureListLink: fastRegExp(
      `^(?:\\s+${g('link-of-binding')}\\s+(?:[\\p{L}-]+\\s+){0,2}?[\\p{L}-]+)?\\s*(?:,|,?\\s+${g('list-and')})\\s*$`,
      'iu',
    ),
  };
  const countryAdjectives = new Map<string, string>();
  for (const a of loadPlaceAliases(dir)) {
    if (!a.adjectival || !a.of?.startsWith('country:')) continue;
    for (const al of a.aliases) countryAdjectives.set(al.toLowerCase(), a.of.slice(8));
  }
  return {
    countryAdjectives,
    units,
    unitAlternation: units.map((u, i) => `(?<u${i}>${u.pattern})`).join('|'),
    numberWords,
    numberWordRes: [...numberWords].map(([p, value]) => ({ re: new RegExp(`^(?:${p})$`, 'i'), value })),
    wordAlternation: words.map(word).join('|'),
    tens,
    scale,
    multipliers,
    multiplierAlternation: multipliers.map((m) => word(m.source)).join('|'),
    fractions,
    fractionAlternation: fractions.map((f) => word(f.re.source.slice(1, -1))).join('|'),
    digitFractionAlternation: numbers
      .filter((r) => r.kind === 'fraction' && !/\p{L}/u.test(r.pattern))
      .map((r) => `(?:${r.pattern})`)
      .join('|'),
    qualifierAlternation: qualifiers.map(word).join('|'),
    qualifiers: numbers
      .filter((r) => r.kind === 'qualifier')
      .map((r) => ({ re: new RegExp(`^${word(r.pattern)}$`, 'i'), reason: r.reason })),
    // "fentanyl-laced pills", "cocaine-filled bags": a drug word before such a hyphen still names the drug.
    drugs: drugs.map((d) => ({
      rule: d,
      re: fastRegExp(`(?<![\\w-])${word(d.pattern)}(?![\\w]|-(?!${g('drug-hyphen-words')}\\b))`, 'giu'),
    })),
    terms: termMap,
    frames: frames.map((f) => ({ rule: f, re: fastRegExp(f.pattern, 'iu') })),
    listFrames: new Set(frames.filter((f) => f.window === 'before' && !f.units).map((f) => f.reason)),
    perUnitFrames: new Set(cues.filter((c) => c.class === 'per-unit').map((c) => c.reason)),
    packageSizeFrames: new Set(frames.filter((f) => f['package-size']).map((f) => f.reason)),
    periods: periods.map((p) => ({ rule: p, re: fastRegExp(p.pattern, 'giu') })),
    months,
    weekdays,
    grammar,
    thresholds,
    numberFormats,
    confidence,
  };
}

/**
 * `build(t)` computed once per SeizureTables (regexes a module derives from the tables):
 * `const regexesOf = perTables((t) => ({ ... }))`.
 */
export function perTables<T>(build: (t: SeizureTables) => T): (t: SeizureTables) => T {
  const cache = new WeakMap<SeizureTables, T>();
  return (t) => {
    let hit = cache.get(t);
    if (hit === undefined) {
      hit = build(t);
      cache.set(t, hit);
    }
    return hit;
  };
}

/** The answers of termMatch per table set and kind, for the sentences of the last articles. */
const termMemo = new WeakMap<SeizureTables, Map<TermKind, Map<string, string | null>>>();
/** Sentences remembered per kind before the memo starts over (a few articles' worth). */
const TERM_MEMO_SIZE = 2000;

/**
 * Does any rule of `kind` match `text`? Returns the first matching rule's reason. The same
 * sentence is asked about the same kind several times per article (cues: about twice), so the
 * answer is kept (a pure function of the tables and the text).
 */
export function termMatch(t: SeizureTables, kind: TermKind, text: string): string | null {
  let kinds = termMemo.get(t);
  if (!kinds) {
    kinds = new Map();
    termMemo.set(t, kinds);
  }
  let memo = kinds.get(kind);
  if (!memo) {
    memo = new Map();
    kinds.set(kind, memo);
  }
  const known = memo.get(text);
  if (known !== undefined) return known;
  let found: string | null = null;
  const folded = foldForLiterals(text);
  for (const c of t.terms.get(kind) ?? []) {
    if (!mayMatch(c.re, folded)) continue;
    c.re.lastIndex = 0;
    const hit = c.re.test(text);
    // A global regex keeps lastIndex after test(); matchAll() would start from there.
    c.re.lastIndex = 0;
    if (hit) {
      found = c.rule.reason;
      break;
    }
  }
  if (memo.size >= TERM_MEMO_SIZE) memo.clear();
  memo.set(text, found);
  return found;
}

/** Reason of the first rule of `kind` with `scope: sentence` that matches `text`, else null. */
export function sentenceTermMatch(t: SeizureTables, kind: TermKind, text: string): string | null {
  const folded = foldForLiterals(text);
  for (const c of t.terms.get(kind) ?? []) {
    if (c.rule.scope !== 'sentence' || !mayMatch(c.re, folded)) continue;
    c.re.lastIndex = 0;
    const hit = c.re.test(text);
    c.re.lastIndex = 0;
    if (hit) return c.rule.reason;
  }
  return null;
}

/** Every match of rules of `kind` in `text`, with offsets. */
export function termMatches(
  t: SeizureTables,
  kind: TermKind,
  text: string,
): Array<{ start: number; end: number; reason: string }> {
  const out: Array<{ start: number; end: number; reason: string }> = [];
  const folded = foldForLiterals(text);
  for (const c of t.terms.get(kind) ?? []) {
    if (!mayMatch(c.re, folded)) continue;
    c.re.lastIndex = 0;
    for (const m of matchAll(text, c.re))
      out.push({ start: m.index, end: m.index + m[0].length, reason: c.rule.reason });
  }
  return out.sort((a, b) => a.start - b.start);
}
