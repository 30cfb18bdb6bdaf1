import { describe, expect, it } from 'vitest';
import { canonicalizeUrl } from '../../src/feeds/canonical-url.ts';
import { parseFeedDate } from '../../src/feeds/dates.ts';
import { recordId } from '../../src/records/id.ts';

describe('parseFeedDate: a correct date or none', () => {
  it.each([
    ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
    ['mer, 16 nov 2022 00:38:15 +0100', '2022-11-15T23:38:15.000Z'],
    ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00.000Z'],
    ['Wed, 02 Oct 2002 13:00:00 GMT', '2002-10-02T13:00:00.000Z'],
    ['Mon, 1 Jan 2024 10:00:00 +0000 (UTC)', '2024-01-01T10:00:00.000Z'],
    ['Di, 5 Mär 2024 09:30:00 +0100', '2024-03-05T08:30:00.000Z'],
    ['jue, 12 dic 2024 18:00 -0500', '2024-12-12T23:00:00.000Z'],
    ['2025-09-10T13:27:00Z', '2025-09-10T13:27:00.000Z'],
    ['2017-06-15T10:29:47-07:00', '2017-06-15T17:29:47.000Z'],
    ['2016-02-01T16:22:00.123+01:00', '2016-02-01T15:22:00.123Z'],
    // no zone: the calendar date is certain, the instant is not
    ['2018-01-31T12:00:00', '2018-01-31'],
    ['Sat, Dec 16 2023 02:02:33 PM', '2023-12-16'],
    ['Sat, Dec 16 2023 02:02:33 PM EST', '2023-12-16T19:02:33.000Z'],
    ['2018-01-31', '2018-01-31'],
  ])('%s -> %s', (raw, want) => {
    expect(parseFeedDate(raw)).toBe(want);
  });

  it.each([
    'Tue, 30 Feb 2018 10:00:00 GMT',
    'Tue, 10 Jun 2003 04:00:00 XYZ',
    'Foo, 12 Xyz 2018 10:00:00 GMT',
    '2018-13-01T00:00:00Z',
    '2018-02-30',
    '1538000000',
    'yesterday',
    'Tue, 10 Jun 2003 25:00:00 GMT',
    '',
  ])('%s -> null', (raw) => {
    expect(parseFeedDate(raw)).toBeNull();
  });
});

describe('canonicalizeUrl', () => {
  it('gives the golden article its expected id', () => {
    const url = canonicalizeUrl(
      'https://www.dw.com/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181?maca=en-rss-en-all-1573-rdf',
    );
    expect(url).toBe('https://www.dw.com/en/belgium-seeks-us-support-to-battle-drug-smuggling/a-73953181');
    expect(recordId(url!)).toBe('c973179eabd3e9de');
  });

  it.each([
    ['https://www.bbc.co.uk/news/x?at_medium=RSS&at_campaign=rss#0', 'https://www.bbc.co.uk/news/x'],
    ['https://Example.ORG:443/a?utm_source=rss&id=7&utm_medium=feed', 'https://example.org/a?id=7'],
    ['https://amp.theguardian.com/world/2024/x?CMP=share_btn', 'https://www.theguardian.com/world/2024/x'],
    ['https://www.bbc.com/news/world-123.amp', 'https://www.bbc.com/news/world-123'],
    ['http://news.example.org/a?fbclid=abc&gclid=d', 'http://news.example.org/a'],
    ['https://news.example.org/a?page=2&b=1', 'https://news.example.org/a?page=2&b=1'],
  ])('%s -> %s', (raw, want) => {
    expect(canonicalizeUrl(raw)).toBe(want);
  });

  it('resolves relative links and refuses other schemes', () => {
    expect(canonicalizeUrl('/a/b#c', 'https://x.example.org/feed')).toBe('https://x.example.org/a/b');
    expect(canonicalizeUrl('javascript:alert(1)')).toBeNull();
    expect(canonicalizeUrl('mailto:a@b.c')).toBeNull();
    expect(canonicalizeUrl('not a url')).toBeNull();
  });
});
