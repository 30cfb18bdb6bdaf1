/**
 * The labelled corpus (../shared/corpus/LABELING.md): one `<id>.json` per article with its text
 * and the labels a careful reader takes out of it. Read-only; this is I/O, kept out of scoring.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { InputError } from '../errors.ts';

const LabelledSeizure = z.object({
  drug: z.string(),
  amount: z.object({ value: z.number(), unit: z.string() }),
  kg: z.number().nullable(),
  count: z.number().nullable().optional(),
  countUnit: z.string().nullable().optional(),
  location: z.string().nullable().optional(),
  country: z.string().nullable().optional(),
  period: z.string().nullable().optional(),
  aggregate: z.boolean().optional(),
  evidence: z.string().optional(),
});

export const LabelledArticleSchema = z.object({
  id: z.string().min(1),
  url: z.string().nullable().optional(),
  outlet: z.string().nullable().optional(),
  published: z.string().nullable(),
  language: z.string().optional(),
  title: z.string().nullable(),
  text: z.string(),
  seizureStory: z.boolean(),
  seizures: z.array(LabelledSeizure),
  persons: z.array(z.object({ name: z.string(), role: z.string().nullable().optional() })).default([]),
  organizations: z.array(z.string()).default([]),
  places: z.array(z.object({ name: z.string(), country: z.string().nullable().optional() })).default([]),
});

export type LabelledArticle = z.infer<typeof LabelledArticleSchema>;
export type LabelledSeizure = z.infer<typeof LabelledSeizure>;

/** Read every `*.json` of `dir` (sorted by name). Throws InputError naming the bad file. */
export function loadLabelledDir(dir: string): LabelledArticle[] {
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .sort();
  } catch (err) {
    throw new InputError(`cannot read labelled folder ${dir}: ${(err as Error).message}`, { cause: err });
  }
  if (names.length === 0) throw new InputError(`no labelled *.json files in ${dir}`);
  return names.map((name) => {
    const file = path.join(dir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      throw new InputError(`${file}: not valid JSON: ${(err as Error).message}`, { cause: err });
    }
    const parsed = LabelledArticleSchema.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      throw new InputError(
        `${file}: not a labelled article: ${first?.path.join('.') ?? ''} ${first?.message ?? ''}`,
      );
    }
    return parsed.data;
  });
}
