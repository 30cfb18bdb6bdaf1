/**
 * The checks the blind full-size scraper sets share (tests/scrape/generic-check8, generic-check9):
 * the pages are sound (the set's folders, a .example URL, full size, furniture strings in the html
 * and never in the labelled body, nothing copied from the shared corpus), and the generic
 * extractor stays at each page's measured F1 with no furniture but the known leaks. Each call
 * registers `it` blocks in the describe it is called in.
 */
import { expect, it } from 'vitest';
import { scorePage } from '../../bench/article-metric.ts';
import type { CorpusPage } from '../../bench/scrape-corpus.ts';
import { scrapePage } from '../../src/scrape/index.ts';
import { copiedRuns, corpusRuns } from './copied-runs.ts';

/** A fixture page's folder name ("generic-fixtures/01-x" -> "01-x"). */
export const folderOf = (name: string): string => name.slice('generic-fixtures/'.length);

export interface PageChecks {
  set: string;
  folders: string[];
  /** How many furniture strings a page lists, at least and at most. */
  furniture: [number, number];
}

export function blindPageChecks(pages: CorpusPage[], { set, folders, furniture }: PageChecks): void {
  it(`has ${folders.length} pages, each with a body, a .example URL and the ${set} set`, () => {
    expect(pages.map((p) => folderOf(p.name))).toEqual(folders);
    for (const p of pages) {
      expect(p.body, p.name).toBeTruthy();
      expect(p.set, p.name).toBe(set);
      expect(new URL(p.url ?? '').hostname, p.name).toMatch(/\.example$/);
    }
  });

  it('pages are full-size (40-250 KB)', () => {
    for (const p of pages) {
      const kb = Buffer.byteLength(p.html, 'utf8') / 1024;
      expect(kb, p.name).toBeGreaterThanOrEqual(40);
      expect(kb, p.name).toBeLessThanOrEqual(250);
    }
  });

  it('each page lists its furniture strings, absent from the labelled body and present in the html', () => {
    for (const p of pages) {
      expect(p.mustNotContain.length, p.name).toBeGreaterThanOrEqual(furniture[0]);
      expect(p.mustNotContain.length, p.name).toBeLessThanOrEqual(furniture[1]);
      for (const s of p.mustNotContain) expect(p.body, `${p.name}: ${s}`).not.toContain(s);
      for (const s of p.mustNotContain) expect(p.html, `${p.name}: ${s}`).toContain(s);
    }
  });

  it('copies no 12-word run of the shared corpus', () => {
    const runs = corpusRuns(['dev', 'dev-multilingual', 'dev-clusters']);
    if (runs === null) return; // the shared corpus sits beside the repo
    const ours = pages.map((p) => ({ id: p.name, title: null, text: p.body ?? '' }));
    expect(copiedRuns(ours, runs)).toEqual([]);
  });
}

/** F1 per page folder as measured, and the furniture strings that came out then. */
export function genericFloors(
  pages: CorpusPage[],
  measured: Record<string, number>,
  knownLeaks: Record<string, string[]>,
): void {
  const results = pages.map((p) => {
    const text = scrapePage(p.html, p.url, { genericOnly: true }).text;
    return { p, text, score: scorePage(text, p.body ?? '') };
  });

  it('scores each page at least its measured F1 (less 0.02)', () => {
    for (const { p, score } of results)
      expect(score.f1, p.name).toBeGreaterThanOrEqual((measured[folderOf(p.name)] ?? 1) - 0.02);
  });

  it('leaves no furniture in the text but the known leaks', () => {
    for (const { p, text } of results) {
      const known = knownLeaks[folderOf(p.name)] ?? [];
      const leaks = p.mustNotContain.filter((s) => text.includes(s) && !known.includes(s));
      expect(leaks, p.name).toEqual([]);
    }
  });
}
