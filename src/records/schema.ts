/**
 * The record contract `seizurewatch/article@2`: one article, what it says about drug seizures,
 * and who and where it names. Field names and units are a public contract (see
 * docs/record-format.md); change them only with a new schema version.
 */
import { z } from 'zod';

/** @2 adds `confidence` and `reasons` to each seizure (docs/record-format.md). */
export const RECORD_SCHEMA = 'seizurewatch/article@2' as const;

/** Canonical drug names (LABELING.md). */
export const DRUGS = [
  'cocaine',
  'crack',
  'heroin',
  'opium',
  'morphine',
  'fentanyl',
  'methamphetamine',
  'amphetamine',
  'mdma',
  'cannabis',
  'hashish',
  'khat',
  'ketamine',
  'captagon',
  'tramadol',
  'lsd',
  'ghb',
  'precursors',
  'nps',
  'unspecified',
] as const;
export const DrugSchema = z.enum(DRUGS);

export const MASS_UNITS = ['mg', 'g', 'kg', 't', 'lb', 'oz', 'short_ton'] as const;
export const COUNT_UNITS = [
  'pills',
  'tablets',
  'plants',
  'packages',
  'bricks',
  'doses',
  'liters',
  'gallons',
  'bags',
  'units',
] as const;
export const MassUnitSchema = z.enum(MASS_UNITS);
export const CountUnitSchema = z.enum(COUNT_UNITS);
export const AmountUnitSchema = z.enum([...MASS_UNITS, ...COUNT_UNITS]);

/** ISO period: a year, a month or a day. */
export const PeriodSchema = z
  .string()
  .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'expected YYYY, YYYY-MM or YYYY-MM-DD');
/** ISO 3166-1 alpha-2, or EU for Europe / the European Union as a whole. */
export const CountryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'expected an ISO 3166-1 alpha-2 code');

export const SeizureSchema = z.object({
  drug: DrugSchema,
  amount: z.object({ value: z.number().nonnegative(), unit: AmountUnitSchema }),
  /** Mass in kilograms where a mass is given, else null. */
  kg: z.number().nonnegative().nullable(),
  count: z.number().nonnegative().nullable(),
  countUnit: CountUnitSchema.nullable(),
  location: z.string().nullable(),
  country: CountryCodeSchema.nullable(),
  period: PeriodSchema.nullable(),
  /** True for a total over a period or area, false for one haul or operation. */
  aggregate: z.boolean(),
  /** The text calls the figure a record. */
  record: z.boolean(),
  /** The source the sentence itself names ("according to ..."), else null. */
  attribution: z.string().nullable(),
  /** The whole sentence of `text` that states the figure. */
  evidence: z.string(),
  /** How sure the extractor is of the figure, 0 to 1 (rules/<lang>/confidence.yaml). */
  confidence: z.number().min(0).max(1),
  /** Ids (`reason`) of the rules that found, bound, dated and placed the figure, in order. */
  reasons: z.array(z.string()),
});

export const TrendSchema = z.object({
  drug: DrugSchema,
  location: z.string().nullable(),
  country: CountryCodeSchema.nullable(),
  period: PeriodSchema.nullable(),
  /** Signed percent change: "fell by 50%" is -50. */
  changePercent: z.number(),
  /** The period the change is measured against, where the text implies one. */
  baseline: PeriodSchema.nullable(),
  evidence: z.string(),
});

export const PersonSchema = z.object({
  name: z.string(),
  /** Title as the text gives it, without a nationality or country prefix; null when none. */
  role: z.string().nullable(),
});

export const PLACE_KINDS = ['country', 'city', 'port', 'region', 'other'] as const;
export const PlaceSchema = z.object({
  name: z.string(),
  kind: z.enum(PLACE_KINDS),
  country: CountryCodeSchema.nullable(),
  lat: z.number().min(-90).max(90).optional(),
  lon: z.number().min(-180).max(180).optional(),
});

export const ArticleRecordSchema = z.object({
  schema: z.literal(RECORD_SCHEMA),
  /** First 16 hex digits of SHA-256 of the canonical URL. */
  id: z.string().regex(/^[0-9a-z][0-9a-z-]*$/),
  url: z.string().nullable(),
  source: z.object({ id: z.string(), name: z.string() }),
  language: z.string(),
  title: z.string().nullable(),
  teaser: z.string().nullable(),
  /** ISO 8601 timestamp or date, null when unknown. */
  published: z.string().nullable(),
  section: z.string().nullable(),
  tags: z.array(z.string()),
  authors: z.array(z.string()),
  editor: z.string().nullable(),
  /** Article body: paragraphs and subheadings separated by one blank line. */
  text: z.string(),
  seizureStory: z.boolean(),
  seizures: z.array(SeizureSchema),
  trends: z.array(TrendSchema),
  persons: z.array(PersonSchema),
  organizations: z.array(z.string()),
  places: z.array(PlaceSchema),
  extractedAt: z.string(),
  /** Extractor version, `seizurewatch@<package version>`. */
  extractor: z.string(),
});

export type Drug = z.infer<typeof DrugSchema>;
export type MassUnit = z.infer<typeof MassUnitSchema>;
export type CountUnit = z.infer<typeof CountUnitSchema>;
export type AmountUnit = z.infer<typeof AmountUnitSchema>;
export type Seizure = z.infer<typeof SeizureSchema>;
export type Trend = z.infer<typeof TrendSchema>;
export type Person = z.infer<typeof PersonSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type PlaceKind = Place['kind'];
export type ArticleRecord = z.infer<typeof ArticleRecordSchema>;
