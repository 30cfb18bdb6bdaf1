/**
 * check8: a blind set of full-size pages for the generic article scraper (issue 10), written
 * without reading src/scrape. Planned: 16 template shapes; written so far: a 1990s nested-table
 * layout with the body in a <td> of <font>/<br><br> paragraphs, and a blog post whose comment
 * thread is many times longer than the article. Every word of the pages is ours. expected.txt
 * labels the body as the Zyte benchmark does: no headline, standfirst, byline, captions, pull
 * quotes or furniture; subheads, datelines, in-body lists and table rows are body.
 *
 * Blind: scored once on main at dd92a20 (2026-12-07), generic extractor alone: the nested-table
 * page 0.000 (the classifieds column comes out, as on check7 page 02: issue 10's open gap), the
 * comments page 1.000. The floors below hold those measures, so the set can only catch a
 * regression; the 0 page is a known failure, not a target to tune on. Do not tune on it.
 * Raised 2026-12-08 (branch scrapebr, issue 10's general fix: a body of long prose runs beats a
 * column of short or titled items, tests/scrape/br-runs.test.ts): the nested-table page 1.000.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scorePage } from '../../bench/article-metric.ts';
import { loadFixturePages } from '../../bench/scrape-corpus.ts';
import { scrapePage } from '../../src/scrape/index.ts';
import { copiedRuns, corpusRuns } from '../helpers/copied-runs.ts';
import { ROOT } from '../helpers/paths.ts';

const ROOT_CHECK8 = path.join(ROOT, 'tests/fixtures/generic-check8');
const pages = loadFixturePages(ROOT_CHECK8);

const FOLDERS = ['01-nested-table-td', '02-comments-longer-than-article'];

const folder = (name: string) => name.slice('generic-fixtures/'.length);

/** F1 per page, generic extractor alone (floors: raised once measured higher). */
const MEASURED: Record<string, number> = {
  '01-nested-table-td': 1.0,
  '02-comments-longer-than-article': 1.0,
};
/** Furniture that came out at that score (page folder: strings). */
const KNOWN_LEAKS: Record<string, string[]> = {};

describe('check8: blind full-size pages for the generic scraper', () => {
  it(`has ${FOLDERS.length} pages, each with a body, a .example URL and the check8 set`, () => {
    expect(pages.map((p) => folder(p.name))).toEqual(FOLDERS);
    for (const p of pages) {
      expect(p.body, p.name).toBeTruthy();
      expect(p.set, p.name).toBe('check8');
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

  it('the labelled body holds none of its furniture strings', () => {
    for (const p of pages) {
      expect(p.mustNotContain.length, p.name).toBeGreaterThan(0);
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

  describe('generic extractor on check8', () => {
    const results = pages.map((p) => {
      const text = scrapePage(p.html, p.url, { genericOnly: true }).text;
      return { p, text, score: scorePage(text, p.body ?? '') };
    });

    it('scores each page at least its measured F1 (less 0.02)', () => {
      for (const { p, score } of results)
        expect(score.f1, p.name).toBeGreaterThanOrEqual((MEASURED[folder(p.name)] ?? 1) - 0.02);
    });

    it('leaves no furniture in the text but the known leaks', () => {
      for (const { p, text } of results) {
        const known = KNOWN_LEAKS[folder(p.name)] ?? [];
        const leaks = p.mustNotContain.filter((s) => text.includes(s) && !known.includes(s));
        expect(leaks, p.name).toEqual([]);
      }
    });
  });
});
