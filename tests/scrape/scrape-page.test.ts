/** scrapePage: URL canonicalisation, extractor choice, fallbacks and typed failures. */
import { describe, expect, it } from 'vitest';
import { ScrapeError } from '../../src/errors.ts';
import { canonicalizeUrl, scrapePage } from '../../src/scrape/index.ts';

const body = (n: number) =>
  Array.from(
    { length: n },
    (_, i) =>
      `<p>Paragraph ${i + 1} tells how inspectors, after a long night, counted the boxes again and again.</p>`,
  ).join('');

function page(head: string, main: string): string {
  return `<!doctype html><html lang="en-GB"><head>${head}</head><body><nav><a href="/">Home</a><a href="/a">A</a></nav><main><article><h1>Inspectors count boxes</h1>${main}</article></main><footer><p>Copyright notice of the publisher, all rights reserved.</p></footer></body></html>`;
}

describe('canonicalizeUrl', () => {
  it('drops tracking parameters and the fragment, keeps the rest', () => {
    expect(canonicalizeUrl('https://www.dw.com/en/x/a-1?maca=en-rss-en-all-1573-rdf#top')).toBe(
      'https://www.dw.com/en/x/a-1',
    );
    expect(canonicalizeUrl('https://ex.org/p?id=7&utm_source=rss&utm_medium=feed&at_medium=x')).toBe(
      'https://ex.org/p?id=7',
    );
    expect(canonicalizeUrl('/a/b?fbclid=1', 'https://ex.org/c')).toBe('https://ex.org/a/b');
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });
});

describe('scrapePage', () => {
  it('reads the canonical URL, cleaned, and picks the extractor by its host', () => {
    const html = page(
      '<link rel="canonical" href="https://www.example.org/story/1?utm_campaign=x#c"><meta property="og:site_name" content="Example Daily">',
      body(5),
    );
    const a = scrapePage(html, 'http://127.0.0.1:4000/mirror');
    expect(a.url).toBe('https://www.example.org/story/1');
    expect(a.source).toEqual({ id: 'example.org', name: 'Example Daily' });
    expect(a.extractor).toBe('generic');
    expect(a.language).toBe('en');
    expect(a.text.split('\n\n')).toHaveLength(5);
    expect(a.text).not.toMatch(/Copyright|Home/);
  });

  it('falls back to the fetched URL without a canonical one', () => {
    const a = scrapePage(page('', body(3)), 'https://news.example.net/a/2?utm_source=x');
    expect(a.url).toBe('https://news.example.net/a/2');
  });

  it('uses the generic body when a site layout yields nothing, keeping the site as source', () => {
    const html = page('<link rel="canonical" href="https://www.dw.com/en/some-story/a-123">', body(4));
    const a = scrapePage(html, null);
    expect(a.source.id).toBe('dw');
    expect(a.extractor).toBe('generic');
    expect(a.text).toContain('Paragraph 4');
  });

  it('reads JSON-LD metadata: persons only as authors, ISO dates', () => {
    const ld = {
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'NewsArticle',
          headline: 'Inspectors count boxes',
          datePublished: '2025-03-01T10:00:00+01:00',
          author: [
            { '@type': 'Person', name: 'Ida Reporter' },
            { '@type': 'Organization', name: 'Example Wire' },
          ],
          keywords: 'ports, customs',
        },
      ],
    };
    const html = page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, body(3));
    const a = scrapePage(html, 'https://ex.org/x');
    expect(a.authors).toEqual(['Ida Reporter']);
    expect(a.published).toBe('2025-03-01T09:00:00.000Z');
    expect(a.tags).toEqual(['ports', 'customs']);
    expect(a.title).toBe('Inspectors count boxes');
  });

  it('throws ScrapeError with a reason on hopeless input', () => {
    for (const bad of [
      '',
      '   ',
      '<html><body></body></html>',
      '<html><head><title>x</title></head></html>',
    ]) {
      let caught: unknown;
      try {
        scrapePage(bad, null);
      } catch (err) {
        caught = err;
      }
      expect(caught, JSON.stringify(bad)).toBeInstanceOf(ScrapeError);
      expect((caught as ScrapeError).details.reason).toBeTypeOf('string');
    }
    expect(() => scrapePage(42 as unknown as string, null)).toThrow(ScrapeError);
  });

  it('never hangs or throws anything but ScrapeError on mangled pages', () => {
    const base = page('<link rel="canonical" href="https://www.dw.com/en/x/a-9">', body(6));
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    const started = Date.now();
    for (let i = 0; i < 150; i++) {
      let s = base;
      for (let k = 0; k < 5; k++) {
        const at = rnd(s.length);
        const op = rnd(3);
        s =
          op === 0
            ? s.slice(0, at) + s.slice(at + rnd(40))
            : op === 1
              ? s.slice(0, at) + '<'.repeat(rnd(3)) + '"><div>' + s.slice(at)
              : s.slice(at) + s.slice(0, at);
      }
      try {
        const a = scrapePage(s, i % 2 ? 'http://127.0.0.1/x' : 'garbage');
        expect(typeof a.text).toBe('string');
      } catch (err) {
        expect(err).toBeInstanceOf(ScrapeError);
      }
    }
    const nest = (depth: number) =>
      `<html><body>${'<div>'.repeat(depth)}<p>${'word '.repeat(50)}</p>${'</div>'.repeat(depth)}</body></html>`;
    expect(() => scrapePage(nest(50_000), null)).toThrow(/levels deep/);
    const t = Date.now();
    try {
      scrapePage(nest(1900), null);
    } catch (err) {
      expect(err).toBeInstanceOf(ScrapeError);
    }
    expect(Date.now() - t).toBeLessThan(5_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
