/**
 * The real pages of ../shared/corpus/html (read at run time, never copied): every DW page matches
 * its ground truth, every page with a site extractor reads its body nearly word for word, and the
 * golden DW article's scraped fields are exact.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scorePage, scoreSet } from '../../bench/article-metric.ts';
import { loadCorpusPages, scoreTokens } from '../../bench/scrape-corpus.ts';
import { scrapePage } from '../../src/scrape/index.ts';
import { CORPUS, GOLDEN } from '../helpers/paths.ts';

const pages = existsSync(path.join(CORPUS, 'html')) ? loadCorpusPages(path.join(CORPUS, 'html')) : [];

describe('golden DW article: scraped fields', () => {
  const expected = JSON.parse(readFileSync(path.join(GOLDEN, 'expected.json'), 'utf8')) as Record<
    string,
    unknown
  >;
  const FIELDS = [
    'url',
    'source',
    'language',
    'title',
    'teaser',
    'published',
    'section',
    'tags',
    'authors',
    'editor',
    'text',
  ];
  const article = scrapePage(
    readFileSync(path.join(GOLDEN, 'article.html'), 'utf8'),
    'http://127.0.0.1:8080/en/x?maca=1',
  );
  for (const field of FIELDS) {
    it(`${field} equals expected.json`, () => {
      expect((article as unknown as Record<string, unknown>)[field]).toEqual(expected[field]);
    });
  }
  it('keeps the "More stories" teaser out of the negative page', () => {
    const negative = scrapePage(readFileSync(path.join(GOLDEN, 'negative-article.html'), 'utf8'), null);
    expect(negative.extractor).toBe('dw');
    expect(negative.text).not.toMatch(/3 tons of cocaine/);
    expect(negative.text.length).toBeGreaterThan(200);
  });
});

describe.skipIf(!pages.length)('real corpus pages', () => {
  for (const page of pages.filter((p) => p.folder === 'dw')) {
    it(`DW ${page.name} matches its ground truth`, () => {
      const a = scrapePage(page.html, page.url);
      expect(a.extractor).toBe('dw');
      if (page.title) expect(a.title?.trim()).toBe(page.title.trim());
      for (const s of page.mustContain) expect(a.text).toContain(s);
      for (const s of page.mustNotContain) expect(a.text).not.toContain(s);
      if (page.body) expect(scoreTokens(a.text, page.body).f1).toBeGreaterThanOrEqual(0.98);
    });
  }

  const SITE_FOLDERS = [
    'aljazeera',
    'apnews',
    'bbc',
    'cnn',
    'elpais',
    'euronews',
    'guardian',
    'nieuwsblad',
    'nytimes',
    'reuters',
    'voa',
    'washingtonpost',
  ];
  for (const page of pages.filter((p) => SITE_FOLDERS.includes(p.folder) && p.body)) {
    it(`${page.name} is read by its site extractor (F1 >= 0.95)`, () => {
      const a = scrapePage(page.html, page.url);
      expect(a.extractor).toBe(page.folder === 'washingtonpost' ? 'washingtonpost' : a.source.id);
      expect(a.extractor).not.toBe('generic');
      expect(scoreTokens(a.text, page.body ?? '').f1).toBeGreaterThanOrEqual(0.95);
    });
  }

  it('scores as the Zyte benchmark does: site extractors >= 0.98 on the corpus, generic >= 0.97 on the sample, no sample page below 0.80', () => {
    const scored = pages.filter((p) => p.body);
    const run = (list: typeof pages, genericOnly: boolean) =>
      list.map((p) => scorePage(scrapePage(p.html, p.url, { genericOnly }).text, p.body ?? ''));
    expect(scoreSet(run(scored, false), 0).f1).toBeGreaterThanOrEqual(0.98);
    expect(scoreSet(run(scored, true), 0).f1).toBeGreaterThanOrEqual(0.97);
    const sample = run(
      scored.filter((p) => p.folder === 'benchmark-sample'),
      true,
    );
    expect(sample.length).toBe(20);
    expect(scoreSet(sample, 0).f1).toBeGreaterThanOrEqual(0.97);
    expect(Math.min(...sample.map((s) => s.f1))).toBeGreaterThanOrEqual(0.8);
  });
});
