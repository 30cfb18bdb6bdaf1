/**
 * The feed guard: a token-level pass (quoted attributes, comments, CDATA understood) that counts
 * what xml2js would build before it builds anything, and refuses entity declarations wherever
 * they stand. Every refusal is a FeedParseError with a stable `details.reason`.
 */
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/errors.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { FEED_LIMITS, scanXml } from '../../src/feeds/xml-scan.ts';

const ITEM = '<item><title>Port seizure</title><link>https://news.example.org/a</link></item>';
const rss = (inChannel: string, prolog = '') =>
  `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>t</title>${ITEM}${inChannel}</channel></rss>`;

async function reasonOf(xml: string): Promise<string | undefined> {
  try {
    await parseFeed(xml, { feedId: 'hostile' });
  } catch (err) {
    expect(err).toBeInstanceOf(FeedParseError);
    return (err as FeedParseError).details.reason as string;
  }
  return undefined;
}

describe('feed scan before xml2js', () => {
  it('is not fooled by "/>" inside attribute values', async () => {
    // 1.4 million nested <x a="/>"> (14 MB): the old guard read each as self-closing and xml2js
    // built ~1 GB before it failed. Now refused after the first 257 levels.
    const hostile = rss(`<description>${'<x a="/>">'.repeat(1_400_000)}</description>`);
    expect(await reasonOf(hostile)).toBe('too-deep');
    expect(await reasonOf(rss(`<description>${"<x a='/>'>".repeat(300)}</description>`))).toBe('too-deep');
    // Real self-closing tags and tags inside CDATA or comments build nothing deep.
    const flat = rss(
      `${'<media:thumbnail url="https://img.example.org/a.jpg"/>'.repeat(2_000)}` +
        `<description><![CDATA[${'<div>'.repeat(5_000)}]]></description><!-- ${'<b>'.repeat(5_000)} -->`,
    );
    expect((await parseFeed(flat, { feedId: 'flat' })).items).toHaveLength(1);
  });

  it('bounds elements and attributes', async () => {
    expect(await reasonOf(rss('<category>x</category>'.repeat(FEED_LIMITS.maxNodes)))).toBe('too-many-nodes');
    const attrs = Array.from({ length: FEED_LIMITS.maxAttributes + 1 }, (_, i) => `a${i}="1"`).join(' ');
    expect(await reasonOf(rss(`<category ${attrs}>x</category>`))).toBe('too-many-attributes');
  });

  it('stops a scan past its time budget', () => {
    expect(() => scanXml(rss(ITEM.repeat(100)), { ...FEED_LIMITS, budgetMs: -1 })).toThrow(/parse budget/);
    expect(scanXml(rss(ITEM.repeat(100))).elements).toBe(3 + 101 * 3);
  });

  it('refuses entity declarations over the whole document, not only its first 64 KiB', async () => {
    const padding = `<!-- ${'x'.repeat(70 * 1024)} -->`;
    const lateDoctype = rss('', `${padding}<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`);
    expect(await reasonOf(lateDoctype)).toBe('dtd-entities');
    // A declaration anywhere else (no DOCTYPE at all) is refused as well.
    const stray = rss(`${'<category>padding</category>'.repeat(3_000)}<!ENTITY lol "lol">`);
    expect(await reasonOf(stray)).toBe('dtd-entities');
    // In CDATA it is text (an article about XML), and escaped it is text too.
    const story = rss(
      '<item><title>XML</title><link>https://news.example.org/b</link>' +
        '<description><![CDATA[<p>A DTD may say <!ENTITY a "b"> and more.</p>]]></description></item>' +
        '<item><title>XML 2</title><link>https://news.example.org/c</link><description>&lt;!ENTITY x&gt;</description></item>',
    );
    expect((await parseFeed(story, { feedId: 'story' })).items).toHaveLength(3);
  });

  it('finds the real DOCTYPE: one inside CDATA is content, kept as it is', async () => {
    const html = '<!DOCTYPE html><html><body><p>Full text of the seizure story.</p></body></html>';
    const xml = rss(
      `<item><title>Full</title><link>https://news.example.org/d</link><description><![CDATA[${html}]]></description></item>`,
    );
    const feed = await parseFeed(xml, { feedId: 'cdata-doctype' });
    const raw = feed.raw.items.find((i) => i.link === 'https://news.example.org/d') as Record<
      string,
      unknown
    >;
    expect(raw.content).toBe(html);
    // A real DOCTYPE after a long prolog is still dropped, not handed to xml2js.
    const late = rss(
      '',
      `<!-- ${'x'.repeat(70 * 1024)} --><!DOCTYPE rss SYSTEM "http://example.org/rss.dtd">`,
    );
    expect((await parseFeed(late, { feedId: 'late' })).items).toHaveLength(1);
  });
});
