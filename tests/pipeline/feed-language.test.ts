/**
 * The language of a feed item: the page's own (html lang, JSON-LD) first, else the feed's
 * (dc:language), else the one configured for the feed; the default config has DW's feeds in
 * five languages, each with its language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ConfigSchema } from '../../src/config.ts';
import { recordFromPage } from '../../src/pipeline/process-item.ts';
import type { FeedItem, Page } from '../../src/types.ts';
import { ROOT } from '../helpers/paths.ts';

const URL_ = 'https://news.example/de/kokain-im-hafen/a-1';
const item = (language: string | null): FeedItem => ({
  feedId: 'example-de',
  link: URL_,
  url: URL_,
  guid: null,
  title: 'Zoll findet Kokain im Hafen',
  published: '2025-05-06T08:00:00Z',
  summary: null,
  contentHtml: null,
  categories: [],
  language,
});
const page = (lang: string | null): Page => ({
  url: URL_,
  finalUrl: URL_,
  status: 200,
  html: `<!doctype html><html${lang ? ` lang="${lang}"` : ''}><head><title>Zoll findet Kokain im Hafen</title></head><body><article><h1>Zoll findet Kokain im Hafen</h1><p>Beamte des Zolls haben in einem Container mit Ananas aus Ecuador mehrere Pakete entdeckt. Die Ermittlungen dauern an, teilte die Behörde am Dienstag in einer kurzen Mitteilung mit.</p><p>Die Ware sollte über einen Zwischenhändler in die Niederlande gebracht werden, hieß es weiter.</p></article></body></html>`,
  contentType: 'text/html',
  fetchedAt: '2025-05-06T09:00:00Z',
});
const now = () => new Date('2025-05-06T09:00:00Z');

describe('feed item language', () => {
  it("takes the feed's language for a page that says none, the page's own otherwise", () => {
    expect(recordFromPage(item('de-DE'), page(null), { now }).language).toBe('de');
    expect(recordFromPage(item('nl'), page('de'), { now }).language).toBe('de');
  });

  it('checks the declared language with the detector: a reliable reading of a known language wins', () => {
    // The German page says it is Dutch, or says nothing: the text is read as German.
    expect(recordFromPage(item('de'), page('nl'), { now }).language).toBe('de');
    expect(recordFromPage(item(null), page(null), { now }).language).toBe('de');
    // A declared language the detector cannot contradict with a known one stays.
    expect(recordFromPage(item(null), page('de-AT'), { now }).language).toBe('de');
  });

  it('ships DW feeds in English, German, Spanish, French and Portuguese, each with its language', () => {
    const config = ConfigSchema.parse(parse(readFileSync(path.join(ROOT, 'config/default.yaml'), 'utf8')));
    const dw = config.feeds.filter((f) => f.url.startsWith('https://rss.dw.com/rdf/'));
    expect(dw.map((f) => f.language).sort()).toEqual(['de', 'en', 'es', 'fr', 'pt']);
    for (const f of dw) expect(f.url).toMatch(/\/rss-[a-z]{2}-all$/);
  });

  it('refuses a language that is no ISO 639-1 code', () => {
    const bad = ConfigSchema.safeParse({
      feeds: [{ id: 'x', url: 'https://feeds.example/x.xml', language: 'German' }],
      output: { ndjson: 'data/r.ndjson' },
      store: { dir: 'data' },
    });
    expect(bad.success).toBe(false);
    expect(JSON.stringify(bad.error?.issues)).toContain('ISO 639-1');
  });
});
