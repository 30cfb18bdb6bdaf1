/**
 * Feed bytes -> normalised FeedItems, through rss-parser (RSS 0.9x/1.0 RDF/2.0, Atom).
 *
 * Around rss-parser: the encoding is sniffed from the bytes (never assumed UTF-8); a DTD that
 * declares entities is refused (XML bombs, external entities: never expanded) and any other
 * DOCTYPE is dropped; what xml2js would build is counted first (./xml-scan.ts); characters XML forbids are removed and HTML-only entities (`&nbsp;`) and
 * bare ampersands outside CDATA are escaped so one sloppy feed still parses; dates are read by
 * {@link parseFeedDate} (a correct date or none); links become canonical URLs.
 */
import { createRequire } from 'node:module';
import Parser from 'rss-parser';
import { FeedParseError, SeizurewatchError } from '../errors.ts';
import { decodeBody } from '../fetch/decode.ts';
import type { FeedItem } from '../types.ts';
import { canonicalizeUrl } from './canonical-url.ts';
import { parseFeedDate } from './dates.ts';
import { FEED_LIMITS, scanXml } from './xml-scan.ts';

export interface ParsedFeed {
  format: 'atom' | 'rss1' | 'rss2' | 'rss';
  title: string | null;
  link: string | null;
  language: string | null;
  /** Minutes the feed may be cached (RSS `ttl`, or `sy:updatePeriod`/`sy:updateFrequency`). */
  ttlMinutes: number | null;
  /** The encoding the bytes were read in. */
  encoding: string;
  items: FeedItem[];
  /** Items dropped because they have no usable http(s) link, with the reason. */
  skipped: Array<{ index: number; reason: string }>;
  /** rss-parser's own output, untouched, for callers that need a field we do not normalise. */
  raw: Parser.Output<RawItem>;
}

export interface ParseFeedOptions {
  feedId: string;
  /** HTTP Content-Type, for its charset. */
  contentType?: string | null;
  /** The feed's URL, to resolve relative links. */
  baseUrl?: string;
}

/** Item fields we ask rss-parser for on top of its defaults. */
type RawItem = Record<string, unknown>;

const ITEM_FIELDS: Array<string | [string, string, { keepArray: boolean }]> = [
  'dc:subject',
  'dc:language',
  'feedburner:origLink',
  'published',
  'updated',
  'atom:updated',
  // Several sizes per item: keep them all.
  ['media:content', 'media:content', { keepArray: true }],
  ['media:thumbnail', 'media:thumbnail', { keepArray: true }],
];
const FEED_FIELDS = ['ttl', 'dc:language', 'sy:updatePeriod', 'sy:updateFrequency'];

/** HTML named entities often found in feeds, as code points (XML knows only five). */
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160,
  iexcl: 161,
  cent: 162,
  pound: 163,
  euro: 8364,
  yen: 165,
  sect: 167,
  copy: 169,
  laquo: 171,
  raquo: 187,
  reg: 174,
  deg: 176,
  plusmn: 177,
  middot: 183,
  frac12: 189,
  iquest: 191,
  times: 215,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  bull: 8226,
  hellip: 8230,
  trade: 8482,
  agrave: 224,
  aacute: 225,
  acirc: 226,
  atilde: 227,
  auml: 228,
  ccedil: 231,
  egrave: 232,
  eacute: 233,
  ecirc: 234,
  euml: 235,
  iacute: 237,
  ntilde: 241,
  oacute: 243,
  ocirc: 244,
  otilde: 245,
  ouml: 246,
  uacute: 250,
  uuml: 252,
  szlig: 223,
  Aacute: 193,
  Eacute: 201,
  Ouml: 214,
  Uuml: 220,
  Auml: 196,
};

const XML_ENTITY = /^&(?:amp|lt|gt|quot|apos|#\d{1,7}|#x[0-9a-fA-F]{1,6});/;

/** Escape what strict XML refuses, outside CDATA sections. Exported for tests. */
export function repairXml(xml: string): string {
  // Characters XML 1.0 forbids (C0 controls but tab/CR/LF, U+FFFE/U+FFFF, lone surrogates).
  const clean = xml.replace(
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
  const parts = splitCdata(clean);
  for (let i = 0; i < parts.length; i += 2) {
    const part = parts[i]!;
    if (!part.includes('&')) continue;
    parts[i] = part.replace(
      /&([A-Za-z][A-Za-z0-9]{0,31};)?/g,
      (m, name: string | undefined, offset: number) => {
        if (XML_ENTITY.test(part.slice(offset, offset + 12))) return m;
        if (name) {
          const cp = HTML_ENTITIES[name.slice(0, -1)];
          if (cp !== undefined) return `&#${cp};`;
        }
        return `&amp;${name ?? ''}`;
      },
    );
  }
  return parts.join('');
}

/** Deeper element nesting than any real feed has; xml2js/rss-parser recurse and would overflow. */
export const MAX_FEED_DEPTH = FEED_LIMITS.maxDepth;

/** Split into [text, cdata, text, cdata, ...] (even = outside CDATA). Linear; an unclosed CDATA runs to the end. */
function splitCdata(xml: string): string[] {
  const parts: string[] = [];
  let i = 0;
  for (;;) {
    const start = xml.indexOf('<![CDATA[', i);
    if (start < 0) break;
    const end = xml.indexOf(']]>', start + 9);
    parts.push(xml.slice(i, start), xml.slice(start, end < 0 ? xml.length : end + 3));
    i = end < 0 ? xml.length : end + 3;
  }
  parts.push(xml.slice(i));
  return parts;
}

/**
 * Refuse what xml2js must never see (see {@link scanXml}: entity declarations anywhere outside
 * CDATA, nesting, element and attribute counts past {@link FEED_LIMITS}, a parse past its time
 * budget); drop the DOCTYPE with everything between it and the root element (comments and PIs
 * there carry nothing for us); drop anything before the first `<`.
 */
export function guardXml(xml: string): string {
  let text = xml;
  const start = text.indexOf('<');
  if (start < 0) throw new FeedParseError('not XML: no element found', { details: { reason: 'not-xml' } });
  if (start > 0) text = text.slice(start);
  const scan = scanXml(text);
  if (scan.doctypeAt < 0) return text;
  const prologEnd = scan.rootAt < 0 ? text.length : scan.rootAt;
  return text.slice(0, scan.doctypeAt) + text.slice(prologEnd);
}

function textOf(value: unknown): string | null {
  let v = value;
  if (Array.isArray(v)) v = v[0];
  if (v && typeof v === 'object') v = (v as { _?: unknown })._;
  if (typeof v !== 'string') return null;
  const t = v.trim();
  return t === '' ? null : t;
}

function categoriesOf(item: RawItem): string[] {
  const out: string[] = [];
  const add = (v: unknown) => {
    const t = textOf(v);
    if (t && !out.includes(t)) out.push(t);
  };
  const cats = item.categories;
  if (Array.isArray(cats)) cats.forEach(add);
  const subj = item['dc:subject'];
  if (Array.isArray(subj)) subj.forEach(add);
  else add(subj);
  return out;
}

const PERIOD_MINUTES: Record<string, number> = {
  hourly: 60,
  daily: 1440,
  weekly: 10080,
  monthly: 43200,
  yearly: 525600,
};

function ttlOf(feed: Record<string, unknown>): number | null {
  const ttl = Number(textOf(feed.ttl));
  if (Number.isFinite(ttl) && ttl > 0) return ttl;
  const period = textOf(feed['sy:updatePeriod'])?.toLowerCase();
  if (period && PERIOD_MINUTES[period]) {
    const freq = Number(textOf(feed['sy:updateFrequency']) ?? 1);
    return PERIOD_MINUTES[period] / (Number.isFinite(freq) && freq > 0 ? freq : 1);
  }
  return null;
}

function looksLikeUrl(v: string | null): v is string {
  return v !== null && /^https?:\/\//i.test(v);
}

function plain(html: string | null): string | null {
  if (!html) return null;
  const t = html
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#0?39;|&apos;/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
  return t === '' ? null : t;
}

/**
 * rss-parser's `stripHtml` (used for every `contentSnippet`) runs `<(?:.|\n)*?>`, which is
 * quadratic on hostile text: 40,000 `<` without `>`, or 20,000 `x<p>` + newline, take tens of
 * seconds. It is replaced by a linear version (no match attempt crosses the next `<`, the first
 * rule never crosses a `>`), which gives the same snippets on well-formed HTML (checked against
 * rss-parser's own expected outputs in tests/feeds/parse-feed.test.ts).
 */
const rssUtils = createRequire(import.meta.url)('rss-parser/lib/utils.js') as {
  stripHtml(str: string): string;
};
rssUtils.stripHtml = (str: string): string =>
  str
    .replace(
      /([^\n])<\/?(h|br|p|ul|ol|li|blockquote|section|table|tr|div)[^<>\r\u2028\u2029]*>([^\n])/gm,
      '$1\n$3',
    )
    .replace(/<[^<>\r\u2028\u2029]*>/gm, '');

function newParser(): Parser<Record<string, unknown>, RawItem> {
  const parser = new Parser<Record<string, unknown>, RawItem>({
    defaultRSS: 2,
    customFields: { item: ITEM_FIELDS as never[], feed: FEED_FIELDS as never[] },
  });
  // rss-parser turns Atom dates into ISO with `new Date(x).toISOString()`, which throws on a date
  // it cannot read and loses the whole feed. Unreadable ones are moved aside; we read dates ourselves.
  const p = parser as unknown as { parseItemAtom(entry: Record<string, unknown>): RawItem };
  const original = p.parseItemAtom.bind(parser);
  p.parseItemAtom = (entry) => {
    const aside: Record<string, unknown> = {};
    for (const key of ['published', 'updated']) {
      const v = entry[key];
      const s = textOf(v);
      if (v !== undefined && (s === null || Number.isNaN(new Date(s).getTime()))) {
        aside[key] = s;
        delete entry[key];
      }
    }
    const item = original(entry);
    for (const [k, v] of Object.entries(aside)) if (item[k] === undefined) item[k] = v;
    return item;
  };
  return parser;
}

/**
 * One parser for the process: xml2js parses a string synchronously inside parseString, so calls
 * never interleave, and building a parser costs more than a small feed's parse.
 */
let parser: ReturnType<typeof newParser> | undefined;

/**
 * xml2js parses synchronously, so rss-parser's promise is settled by the time parseString
 * returns. If it is not settled after the current turn, the parser lost its callback: fail
 * instead of waiting forever.
 */
function settledNow<T>(promise: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const guard = setImmediate(() =>
      reject(new FeedParseError('feed parser did not finish (lost callback)', { retryable: false })),
    );
    promise.then(
      (value) => {
        clearImmediate(guard);
        resolve(value);
      },
      (err: unknown) => {
        clearImmediate(guard);
        reject(err);
      },
    );
  });
}

/** Parse feed bytes (or already-decoded text) into normalised items. Throws FeedParseError. */
export async function parseFeed(input: Uint8Array | string, options: ParseFeedOptions): Promise<ParsedFeed> {
  let text: string;
  let encoding = 'utf-16';
  if (typeof input === 'string') text = input;
  else {
    const decoded = decodeBody(input, options.contentType);
    text = decoded.text;
    encoding = decoded.encoding;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // Repaired first, so the scan counts exactly the text xml2js is given.
  const xml = guardXml(repairXml(text));
  let raw: Parser.Output<RawItem>;
  try {
    parser ??= newParser();
    // After the first error in strict mode, sax goes on and builds a new Error for every bad
    // character that follows: on a 170 KB unterminated attribute that is 170k stack captures
    // (3-11 s). The parse is synchronous, so stack capture is off for exactly its duration.
    const stackLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    let pending: Promise<Parser.Output<RawItem>>;
    try {
      pending = parser.parseString(xml);
    } finally {
      Error.stackTraceLimit = stackLimit;
    }
    raw = await settledNow(pending);
  } catch (cause) {
    // xml2js keeps state across calls: after some errors a reused parser never calls back again
    // (seen in the fuzz test as a parse that hung for minutes). Start the next parse afresh.
    parser = undefined;
    if (cause instanceof SeizurewatchError) throw cause;
    const message = ((cause as Error)?.message ?? String(cause)).split('\n').slice(0, 3).join(' ');
    throw new FeedParseError(`cannot parse feed ${options.feedId}: ${message}`, {
      cause,
      details: { feedId: options.feedId, reason: message },
    });
  }
  if (!raw || !Array.isArray(raw.items)) {
    throw new FeedParseError(`cannot parse feed ${options.feedId}: no items list`, {
      details: { feedId: options.feedId },
    });
  }
  const format: ParsedFeed['format'] = /^\s*(<\?[^>]*>\s*|<!--[\s\S]*?-->\s*)*<feed[\s>]/.test(
    xml.slice(0, 4096),
  )
    ? 'atom'
    : /<rdf:RDF[\s>]/.test(xml.slice(0, 4096))
      ? 'rss1'
      : /<rss[^>]*version\s*=\s*["']2/.test(xml.slice(0, 4096))
        ? 'rss2'
        : 'rss';
  const feedRaw = raw as unknown as Record<string, unknown>;
  const feedLanguage = textOf(feedRaw.language) ?? textOf(feedRaw['dc:language']);
  const items: FeedItem[] = [];
  const skipped: ParsedFeed['skipped'] = [];
  raw.items.forEach((it, index) => {
    const item = it as RawItem;
    const guid = textOf(item.guid) ?? textOf(item.id) ?? textOf(item['rdf:about']);
    const origLink = textOf(item['feedburner:origLink']);
    const rawLink = textOf(item.link) ?? (looksLikeUrl(guid) ? guid : null);
    const link = origLink ?? rawLink;
    const url = link ? canonicalizeUrl(link, options.baseUrl) : null;
    if (!link || !url) {
      skipped.push({ index, reason: link ? `not an http(s) link: ${link.slice(0, 200)}` : 'no link' });
      return;
    }
    const published =
      parseFeedDate(textOf(item.pubDate)) ??
      parseFeedDate(textOf(item['dc:date']) ?? textOf(item.date)) ??
      parseFeedDate(textOf(item.published)) ??
      parseFeedDate(textOf(item.updated) ?? textOf(item['atom:updated']));
    const contentEncoded = textOf(item['content:encoded']);
    const isAtom = format === 'atom';
    const contentHtml = contentEncoded ?? (isAtom ? textOf(item.content) : null);
    // RSS: the description (rss-parser's `content`); Atom: <summary> (its <content> is the body).
    const summary = isAtom
      ? plain(textOf(item.summary))
      : (plain(textOf(item.content)) ?? plain(textOf(item.summary)));
    items.push({
      feedId: options.feedId,
      link,
      url,
      guid,
      title: plain(textOf(item.title)),
      published,
      summary,
      contentHtml,
      categories: categoriesOf(item),
      language: textOf(item.language) ?? textOf(item['dc:language']) ?? feedLanguage,
    });
  });
  return {
    format,
    title: plain(textOf(feedRaw.title)),
    link: textOf(feedRaw.link),
    language: feedLanguage,
    ttlMinutes: ttlOf(feedRaw),
    encoding,
    items,
    skipped,
    raw,
  };
}
