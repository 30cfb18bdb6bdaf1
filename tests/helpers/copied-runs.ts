/**
 * The copy check of the held-out sets: every 12-word run of the shared corpus texts, and the runs
 * of our own articles found among them (a held-out article must never copy a corpus sentence).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { LabelledArticle } from '../../src/score/corpus.ts';
import { CORPUS } from './paths.ts';

/** Lower-cased word tokens (letters and digits) of a text. */
const words = (t: string) => t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

/** Every 12-word run of the texts in these folders of ../shared/corpus, or null when none is there. */
export function corpusRuns(folders: string[]): Set<string> | null {
  const runs = new Set<string>();
  let read = 0;
  for (const sub of folders) {
    const dir = path.join(CORPUS, sub);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
      const w = words(JSON.parse(readFileSync(path.join(dir, f), 'utf8')).text as string);
      for (let i = 0; i + 12 <= w.length; i++) runs.add(w.slice(i, i + 12).join(' '));
      read++;
    }
  }
  return read === 0 ? null : runs;
}

/** What the copy check reads of a text: a labelled article, or a scraped page's labelled body. */
export type CheckedText = Pick<LabelledArticle, 'id' | 'text'> & { title?: string | null };

/** The 12-word runs of our texts (title and text) found among the corpus runs, as "id: run". */
export function copiedRuns(articles: CheckedText[], runs: Set<string>): string[] {
  const copied: string[] = [];
  for (const a of articles) {
    const w = words(`${a.title ?? ''} ${a.text}`);
    for (let i = 0; i + 12 <= w.length; i++) {
      const g = w.slice(i, i + 12).join(' ');
      if (runs.has(g)) copied.push(`${a.id}: ${g}`);
    }
  }
  return copied;
}
