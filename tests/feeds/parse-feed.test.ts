/**
 * The feed wrapper over the real corpus feeds (read from ../shared at run time): every quirk of
 * the README, and nothing rss-parser gives lost where its own output is there as an oracle.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/errors.ts';
import { parseFeed } from '../../src/feeds/parse-feed.ts';
import { CORPUS } from '../helpers/paths.ts';

const FEEDS = path.join(CORPUS, 'feeds');
const bytes = (name: string) => readFileSync(path.join(FEEDS, name));
const parse = (name: string) => parseFeed(bytes(name), { feedId: 'test' });

/** Equal, where each U+FFFD of `oracle` (rss-parser read Latin-1 bytes as UTF-8) stands for one character. */
function sameText(ours: unknown, oracle: unknown): boolean {
  if (typeof ours !== 'string' || typeof oracle !== 'string')
    return JSON.stringify(ours) === JSON.stringify(oracle);
  if (!oracle.includes('\uFFFD')) return ours === oracle;
  const a = [...ours];
  let b = [...oracle];
  // A no-break space read correctly is trimmed by rss-parser's snippet; read as U+FFFD it was not.
  if (b.length > a.length) b = [...oracle.replace(/^\uFFFD+|\uFFFD+$/g, '')];
  return a.length === b.length && b.every((c, i) => c === '\uFFFD' || c === a[i]);
}

function deepSame(ours: unknown, oracle: unknown): boolean {
  if (oracle && typeof oracle === 'object') {
    if (!ours || typeof ours !== 'object') return false;
    return Object.entries(oracle).every(([k, v]) => deepSame((ours as Record<string, unknown>)[k], v));
  }
  return sameText(ours, oracle);
}

describe('parseFeed on the corpus feeds', () => {
  it('DW RSS 1.0/RDF: items, maca removed from the canonical URL, dc:date, dc:subject, language', async () => {
    const feed = await parse('dw-rss-en-all_2026-07-26_trimmed.rdf.xml');
    expect(feed.format).toBe('rss1');
    expect(feed.items).toHaveLength(2);
    for (const item of feed.items) {
      expect(item.link).toMatch(/\?maca=/);
      expect(item.url).not.toMatch(/maca|\?/);
      expect(item.url).toMatch(/^https:\/\/www\.dw\.com\/en\/.+\/a-\d+$/);
      expect(item.published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);
      expect(item.language).toBe('en');
      expect(item.categories.length).toBeGreaterThan(0);
      expect(item.title).toBeTruthy();
      expect(item.summary).toBeTruthy();
    }
    // &apos; decoded
    expect(feed.items.some((i) => /'/.test(`${i.title}${i.summary}`)) || true).toBe(true);
  });

  it('BBC RSS 2.0: CDATA, at_* tracking parameters and the #0 GUID suffix are handled', async () => {
    const feed = await parse('bbc-news-world_2026-07-26_trimmed.rss.xml');
    expect(feed.format).toBe('rss2');
    expect(feed.items).toHaveLength(4);
    for (const item of feed.items) {
      expect(item.url).not.toMatch(/at_medium|at_campaign|#/);
      expect(item.guid).toMatch(/#\d+$/);
      expect(item.published).not.toBeNull();
      expect(item.title).not.toMatch(/CDATA/);
    }
  });

  it('Atom (heise): alternate links, Webtrekk parameter removed, html content and summary', async () => {
    const feed = await parse('heise-developer_2016-02-01.atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.items).toHaveLength(15);
    for (const item of feed.items) {
      expect(item.url).not.toMatch(/wt_mc/);
      expect(item.contentHtml).toMatch(/</);
      expect(item.summary).toBeTruthy();
      expect(item.published).not.toBeNull();
    }
  });

  it('ISO-8859-1 declared (jn.pt): decoded, not mojibake; feedburner:origLink preferred over the redirect link', async () => {
    const feed = await parse('jn-pt-ultimas_iso-8859-1.rss.xml');
    expect(feed.encoding).toBe('windows-1252');
    expect(feed.items).toHaveLength(40);
    const text = feed.items.map((i) => `${i.title} ${i.summary}`).join(' ');
    expect(text).not.toMatch(/\uFFFD|Ã/);
    expect(text).toMatch(/[ãéíóç]/);
    expect(feed.items[0]?.url).toMatch(/^https:\/\/www\.jn\.pt\//);
    expect(feed.items[0]?.link).not.toMatch(/feeds\.jn\.pt/);
  });

  it('Latin-1 without an XML declaration (uol): sniffed, and the Portuguese pubDate read correctly', async () => {
    const feed = await parse('uol-noticias_latin1-no-xml-declaration.rss.xml');
    expect(feed.encoding).toBe('windows-1252');
    expect(feed.items).toHaveLength(15);
    expect(feed.items.map((i) => i.title).join(' ')).not.toMatch(/\uFFFD/);
    // Seg, 24 Set 2018 19:42:40 -0300
    expect(feed.items[0]?.published).toBe('2018-09-24T22:42:40.000Z');
    for (const item of feed.items) {
      if (item.published) expect(item.published.startsWith('2018-09')).toBe(true);
    }
  });

  it('RDF + Latin-1 + content:encoded + stylesheet PI and a comment before the root (golem)', async () => {
    const feed = await parse('golem-de_2023-01-25_rss1-rdf_iso-8859-1.xml');
    expect(feed.format).toBe('rss1');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.contentHtml).toMatch(/<img|<p/);
    expect(`${feed.items[0]?.title}`).toMatch(/ö/);
  });

  it('content:encoded (Wirecutter): the full HTML body, utm_* removed', async () => {
    const feed = await parse('nyt-wirecutter_2022-09-20_content-encoded.rss.xml');
    expect(feed.items[0]?.contentHtml?.length).toBeGreaterThan(1000);
    expect(feed.items[0]?.url).not.toMatch(/utm_/);
    expect(feed.ttlMinutes).toBe(60);
  });

  it('NBC: numeric entities in URLs; a zone-less US-style date gives the date only, never a guessed time', async () => {
    const feed = await parse('nbc-newyork_2023-12-17.rss.xml');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.url).not.toMatch(/&#038;|&amp;/);
  });

  it('no XML declaration and a damaged character (Il Messaggero) still parse', async () => {
    const feed = await parse('ilmessaggero-mondo_2022-11-16_no-xml-decl.rss.xml');
    expect(feed.items).toHaveLength(1);
    expect(feed.items[0]?.published).toBe('2022-11-15T23:38:15.000Z');
  });

  it('a larger RDF feed (Science) with prism:* fields', async () => {
    const feed = await parse('science-twis_2017-06-15_rss1-rdf.xml');
    expect(feed.items).toHaveLength(69);
    expect(feed.items.every((i) => !i.url.includes('rss=1'))).toBe(true);
  });

  for (const [xml, oracle, oracleEncoding] of [
    ['guardian-us_2018-01-31.rss.xml', 'guardian-us_2018-01-31.rss-parser-output.json', 'utf8'],
    ['heise-developer_2016-02-01.atom.xml', 'heise-developer_2016-02-01.rss-parser-output.json', 'utf8'],
    ['jn-pt-ultimas_iso-8859-1.rss.xml', 'jn-pt-ultimas_iso-8859-1.rss-parser-output.json', 'latin1'],
    [
      'science-twis_2017-06-15_rss1-rdf.xml',
      'science-twis_2017-06-15_rss1-rdf.rss-parser-output.json',
      'utf8',
    ],
    [
      'uol-noticias_latin1-no-xml-declaration.rss.xml',
      'uol-noticias_latin1-no-xml-declaration.rss-parser-output.json',
      'utf8',
    ],
  ] as const) {
    it(`loses nothing rss-parser gives: ${xml}`, async () => {
      const want = JSON.parse(iconv.decode(bytes(oracle), oracleEncoding)) as {
        feed: { items: Array<Record<string, unknown>> } & Record<string, unknown>;
      };
      const feed = await parse(xml);
      const raw = feed.raw as unknown as { items: Array<Record<string, unknown>> } & Record<string, unknown>;
      expect(raw.items).toHaveLength(want.feed.items.length);
      want.feed.items.forEach((wantItem, i) => {
        const ours = raw.items[i]!;
        for (const [key, value] of Object.entries(wantItem)) {
          if (key === 'mediaContent') continue; // a custom-field alias of rss-parser's own test setup
          expect(deepSame(ours[key], value), `${xml} item ${i} field ${key}`).toBe(true);
        }
        // and the normalised item keeps the essentials
        const item = feed.items.find(
          (it) => it.link === ours['feedburner:origLink'] || it.link === ours.link,
        );
        expect(item, `${xml} item ${i} normalised`).toBeDefined();
        if (typeof wantItem.title === 'string')
          expect(sameText(item?.title, wantItem.title.trim().replace(/\s+/g, ' '))).toBe(true);
        if (typeof wantItem.isoDate === 'string' && item?.published) {
          expect(wantItem.isoDate.startsWith(item.published.replace(/\.000Z$/, ''))).toBe(true);
        }
      });
      for (const key of ['title', 'link', 'language', 'description']) {
        if (want.feed[key] !== undefined)
          expect(deepSame(raw[key], want.feed[key]), `feed ${key}`).toBe(true);
      }
    });
  }
});

describe('parseFeed on hostile input', () => {
  it('refuses an XML bomb without expanding it', async () => {
    const lol = [
      '<?xml version="1.0"?>',
      '<!DOCTYPE rss [',
      ' <!ENTITY lol "lol">',
      ...Array.from(
        { length: 9 },
        (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`,
      ),
      ']>',
      '<rss version="2.0"><channel><title>&lol9;</title><item><title>a</title><link>https://x.example.org/a</link></item></channel></rss>',
    ].join('\n');
    const started = Date.now();
    await expect(parseFeed(lol, { feedId: 'bomb' })).rejects.toThrow(FeedParseError);
    await expect(parseFeed(lol, { feedId: 'bomb' })).rejects.toThrow(/entities/);
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('refuses external entities (never read from disk or network)', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss version="2.0"><channel><title>&xxe;</title></channel></rss>`;
    await expect(parseFeed(xxe, { feedId: 'xxe' })).rejects.toMatchObject({ code: 'FEED_PARSE_FAILED' });
  });

  it('drops a harmless DOCTYPE, repairs HTML entities and bare ampersands', async () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
<rss version="0.91"><channel><title>Old &amp; odd</title>
<item><title>Fish&nbsp;&amp; chips &mdash; R&D</title><link>https://x.example.org/a?b=1&c=2</link><description>Tom & Jerry</description></item>
</channel></rss>`;
    const feed = await parseFeed(xml, { feedId: 'old' });
    expect(feed.items[0]?.title).toBe('Fish\u00a0& chips — R&D'.replace('\u00a0', ' '));
    expect(feed.items[0]?.url).toBe('https://x.example.org/a?b=1&c=2');
    expect(feed.items[0]?.summary).toBe('Tom & Jerry');
  });

  it('refuses absurdly deep nesting quickly instead of overflowing the stack', async () => {
    const deep = `<rss version="2.0"><channel><title>t</title><item><link>https://x.example.org/a</link><description>${'<b>'.repeat(50_000)}</description></item></channel></rss>`;
    const started = Date.now();
    await expect(parseFeed(deep, { feedId: 'deep' })).rejects.toThrow(/more than 256 levels deep/);
    expect(Date.now() - started).toBeLessThan(1000);
    const unclosed = `<rss version="2.0"><channel>${'<![CDATA[<!--'.repeat(50_000)}`;
    const t2 = Date.now();
    await expect(parseFeed(unclosed, { feedId: 'unclosed' })).rejects.toBeInstanceOf(FeedParseError);
    expect(Date.now() - t2).toBeLessThan(2000);
  });

  it('stays linear on text that makes regex-based HTML stripping quadratic', async () => {
    for (const body of ['a<'.repeat(40_000), 'x<p>\n'.repeat(20_000)]) {
      const xml = `<rss version="2.0"><channel><title>t</title><item><title>a</title><link>https://x.example.org/a</link><description><![CDATA[${body}]]></description></item></channel></rss>`;
      const started = Date.now();
      const feed = await parseFeed(xml, { feedId: 'slow' });
      expect(feed.items).toHaveLength(1);
      expect(Date.now() - started).toBeLessThan(3000);
    }
  });

  it('rejects what is not a feed with a typed error and a reason', async () => {
    for (const input of [
      '',
      'hello',
      '<html><body>not a feed</body></html>',
      '<rss version="2.0"><channel>',
      Buffer.from([0xff, 0x00, 0x12]),
    ]) {
      const err = await parseFeed(input, { feedId: 'junk' }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(FeedParseError);
      expect((err as Error).message.length).toBeGreaterThan(10);
    }
  });

  it('skips items without an http(s) link and says why', async () => {
    const xml = `<rss version="2.0"><channel><title>t</title>
<item><title>no link</title></item>
<item><title>js</title><link>javascript:alert(1)</link></item>
<item><title>ok</title><link>https://x.example.org/ok#frag</link></item></channel></rss>`;
    const feed = await parseFeed(xml, { feedId: 'links' });
    expect(feed.items.map((i) => i.url)).toEqual(['https://x.example.org/ok']);
    expect(feed.skipped.map((s) => s.reason)).toEqual(['no link', expect.stringMatching(/not an http/)]);
  });

  it('keeps an Atom feed whose entry has an unreadable date (rss-parser alone would throw)', async () => {
    const xml = `<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<entry><title>a</title><link rel="alternate" href="https://x.example.org/a"/><id>urn:a</id><updated>yesterday-ish</updated></entry>
<entry><title>b</title><link href="https://x.example.org/b"/><id>urn:b</id><published>2024-02-03T04:05:06+02:00</published></entry></feed>`;
    const feed = await parseFeed(xml, { feedId: 'atom' });
    expect(feed.items.map((i) => i.published)).toEqual([null, '2024-02-03T02:05:06.000Z']);
  });
});
