/**
 * The labelled sets the score scripts read by name: dev, dev-multilingual, the held-out root files
 * (heldout-NN.json), fresh, and the held-out folders written blind and since scored (v2..v9,
 * ml1..ml4). A blind set joins this list only once it has been scored (docs/heldout.md).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type LabelledArticle, LabelledArticleSchema, loadLabelledDir } from '../src/score/corpus.ts';

const root = path.resolve(import.meta.dirname, '..');
const corpus = path.resolve(root, '../shared/corpus');
const heldout = path.join(root, 'tests/fixtures/heldout');

const FOLDERS = ['fresh', 'v2', 'v3', 'v4', 'v5', 'v6', 'v7', 'v8', 'v9', 'ml1', 'ml2', 'ml3', 'ml4'];

/** Set name -> folder ('heldout' is the root folder, of which only heldout-NN.json is read). */
export const TUNING_SETS: Record<string, string> = {
  dev: path.join(corpus, 'dev'),
  'dev-ml': path.join(corpus, 'dev-multilingual'),
  heldout,
  ...Object.fromEntries(FOLDERS.map((s) => [s, path.join(heldout, s)])),
};

/** The multilingual sets (dev-multilingual and the ml folders). */
export const MULTILINGUAL_SETS = ['dev-ml', 'ml1', 'ml2', 'ml3', 'ml4'];

/** The names asked for (all sets when none), each checked; an unknown name is an error listing the known ones. */
export function pickTuningSets(names: string[]): string[] {
  for (const n of names)
    if (!(n in TUNING_SETS))
      throw new Error(`unknown set ${n} (known: ${Object.keys(TUNING_SETS).join(', ')})`);
  return names.length > 0 ? names : Object.keys(TUNING_SETS);
}

/** The labelled articles of a set by name ([] when its folder is absent, e.g. no shared corpus). */
export function loadTuningSet(name: string): LabelledArticle[] {
  const dir = TUNING_SETS[name];
  if (dir === undefined) throw new Error(`unknown set ${name}`);
  if (!existsSync(dir)) return [];
  if (name !== 'heldout') return loadLabelledDir(dir);
  return readdirSync(dir)
    .filter((f) => /^heldout-\d+\.json$/.test(f))
    .sort()
    .map((f) => LabelledArticleSchema.parse(JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
}
