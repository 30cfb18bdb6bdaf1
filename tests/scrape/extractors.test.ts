/**
 * Every registered site extractor has a fixture folder (our own sentences in the site's DOM) and
 * reads it exactly as its expected.json says, even when the page is served from a mirror.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildHostIndex, EXTRACTORS, extractorForHost } from '../../extractors/index.ts';
import type { SiteExtractor } from '../../extractors/types.ts';
import { scrapePage } from '../../src/scrape/index.ts';
import { ROOT } from '../helpers/paths.ts';

const FIXTURES = path.join(ROOT, 'tests/fixtures/extractors');

function fixtureDirs(site: string): string[] {
  const dir = path.join(FIXTURES, site);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^\d{4}-\d{2}-[a-z0-9-]+$/.test(d))
    .map((d) => path.join(dir, d));
}

describe('site extractor registry', () => {
  it('has a fixture folder for every registered extractor, and no orphan folder', () => {
    for (const ex of EXTRACTORS) expect(fixtureDirs(ex.id).length, ex.id).toBeGreaterThan(0);
    const ids = new Set(EXTRACTORS.map((e) => e.id));
    for (const folder of readdirSync(FIXTURES))
      expect(ids.has(folder), `orphan fixture ${folder}`).toBe(true);
  });

  it('fails at start when two extractors claim one host', () => {
    const a: SiteExtractor = { id: 'a', name: 'A', hosts: ['example.com'], extract: () => ({ text: null }) };
    const b: SiteExtractor = {
      id: 'b',
      name: 'B',
      hosts: ['www.example.com'],
      extract: () => ({ text: null }),
    };
    expect(() => buildHostIndex([a, b])).toThrow(/example\.com.*"a".*"b"/);
    expect(() => buildHostIndex([a, { ...a, hosts: ['other.org'] }])).toThrow(/registered twice/);
  });

  it('matches subdomains and nothing else', () => {
    expect(extractorForHost('amp.dw.com')?.id).toBe('dw');
    expect(extractorForHost('www.bbc.co.uk')?.id).toBe('bbc');
    expect(extractorForHost('notdw.com')).toBeNull();
    expect(extractorForHost('dw.com.evil.example')).toBeNull();
    expect(extractorForHost(null)).toBeNull();
  });
});

describe.each(EXTRACTORS.map((e) => [e.id]))('extractor %s', (id) => {
  for (const dir of fixtureDirs(id)) {
    it(`reads ${path.basename(dir)} as expected`, () => {
      const meta = JSON.parse(readFileSync(path.join(dir, 'meta.json'), 'utf8')) as {
        url: string;
        captured: string;
      };
      expect(meta.url).toMatch(/^https:\/\//);
      expect(meta.captured).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const expected = JSON.parse(readFileSync(path.join(dir, 'expected.json'), 'utf8')) as Record<
        string,
        unknown
      >;
      const html = readFileSync(path.join(dir, 'source.html'), 'utf8');
      // Served from a mirror: the canonical URL still picks the site's extractor.
      const article = scrapePage(html, 'http://127.0.0.1:8080/mirror/page');
      expect(article).toEqual(expected);
      expect(article.extractor).toBe(id);
      expect(article.url).toBe(meta.url);
    });
  }
});
