/**
 * The page guard counts what htmlparser2 builds, not what the raw text suggests: a `/` inside an
 * attribute value, a comment or a script body does not fool it, and every limit is a typed
 * ScrapeError raised while parsing. Limits are counts, so these tests hold on any machine.
 */
import { load } from 'cheerio/slim';
import { describe, expect, it } from 'vitest';
import { loadCorpusPages } from '../../bench/scrape-corpus.ts';
import { ScrapeError } from '../../src/errors.ts';
import { scrapePage } from '../../src/scrape/index.ts';
import { HTML_LIMITS, loadHtml } from '../../src/scrape/load.ts';

const words = `<p>${'Customs officers counted the boxes again before dawn. '.repeat(20)}</p>`;
const wrap = (body: string) =>
  `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;

function reasonOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ScrapeError);
    return (err as ScrapeError).details.reason as string;
  }
  return undefined;
}

describe('page parse limits', () => {
  it('is not fooled by "/>" inside attribute values (the depth is what the parser builds)', () => {
    // 100,000 nested <div title="/>">: the old raw-text guard took each for self-closing and the
    // scrape then ran for ~20 s (200,000: ~100 s). Now refused as soon as the parser is 2000 deep.
    const html = wrap(`${'<div title="/>">'.repeat(100_000)}${words}`);
    expect(reasonOf(() => scrapePage(html, 'https://example.org/a/b'))).toBe('too-deep');
    // 1,500 of them are under the limit: parsed (no text that deep, but no depth refusal).
    expect(loadHtml(wrap(`${'<div title="/>">'.repeat(1_500)}${words}`))('p').length).toBe(1);
    const single = wrap(`${"<div data-x='/>'>".repeat(5_000)}${words}`);
    expect(reasonOf(() => scrapePage(single, null))).toBe('too-deep');
    // <div/> is not self-closing in HTML: it nests too.
    expect(reasonOf(() => scrapePage(wrap(`${'<div/>'.repeat(5_000)}${words}`), null))).toBe('too-deep');
  });

  it('does not count what the parser does not build: comments, script bodies, void and foreign self-closing tags', () => {
    const deepText = '<div>'.repeat(10_000);
    for (const body of [
      `<!-- ${deepText} -->${words}`,
      `<script>var s = "${deepText}";</script>${words}`,
      `<textarea>${deepText}</textarea>${words}`,
      `${'<br/><img src="/x.png"/>'.repeat(5_000)}${words}`,
      `<svg>${'<g/>'.repeat(5_000)}</svg>${words}`,
      // (the text walkers of the extractors stop at 200 levels: a deeper body is no article)
      `${'<div title="/>">'.repeat(150)}${words}`,
    ]) {
      const article = scrapePage(wrap(body), 'https://example.org/a/b');
      expect(article.text).toContain('Customs officers counted the boxes');
    }
  });

  it('bounds the nodes, the nesting work and the attributes of one page', () => {
    const fill = (unit: string, bytes = 9_000_000) => unit.repeat(Math.floor(bytes / unit.length));
    // The count limits, not the clock: a loaded machine (a CI run beside other work) can take past
    // the default 5 s budget on these pages, which then end 'too-slow' (the next test checks it).
    const noClock = { limits: { ...HTML_LIMITS, budgetMs: 600_000 } };
    // Siblings, comments: many nodes.
    expect(reasonOf(() => loadHtml(wrap(fill('<a></a>')), noClock))).toBe('too-many-nodes');
    expect(reasonOf(() => loadHtml(wrap(fill('<!--x-->')), noClock))).toBe('too-many-nodes');
    // Just under the depth limit, many times over: each node is cheap, their depths add up.
    const deep = `${'<div>'.repeat(1_990)}x${'</div>'.repeat(1_990)}`;
    expect(reasonOf(() => loadHtml(wrap(fill(deep)), noClock))).toBe('too-many-nodes');
    // End tags that match nothing still make the parser search its open elements.
    expect(reasonOf(() => loadHtml(wrap(`${'<div>'.repeat(1_990)}${fill('</x>')}`), noClock))).toBe(
      'too-many-nodes',
    );
    const attrs = Array.from({ length: HTML_LIMITS.maxAttributes + 1 }, (_, i) => `a${i}`).join(' ');
    expect(reasonOf(() => loadHtml(wrap(`<p ${attrs}>x</p>`), noClock))).toBe('too-many-attributes');
  });

  it('stops a parse past its time budget', () => {
    const html = wrap(words.repeat(50));
    // A budget already spent: the check is the budget, not the machine's speed.
    expect(reasonOf(() => loadHtml(html, { limits: { ...HTML_LIMITS, budgetMs: -1 } }))).toBe('too-slow');
    expect(loadHtml(html)('p').length).toBe(50);
  });

  it('builds the same DOM as a bare cheerio/slim load on every corpus page', () => {
    const pages = loadCorpusPages();
    for (const p of pages) expect(loadHtml(p.html).html(), p.name).toBe(load(p.html).html());
    expect(pages.length === 0 || pages.length > 20).toBe(true);
  });
});
