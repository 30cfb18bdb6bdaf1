/**
 * Fuzz: the corpus feeds and pages (read from ../shared at run time), mutated with a seeded PRNG
 * (truncation, byte flips, tag soup, huge attributes, deep nesting, `/>` inside nested attribute
 * values, wrong encodings, entity bombs), through feed parsing and `scrapePage`. No crash: every
 * failure is a typed SeizurewatchError with a reason. No hang, by construction rather than by
 * a stopwatch: each parse counts what it builds and stops at its limits and time budget
 * (HTML_LIMITS, FEED_LIMITS), so the test asserts those refusals by their reason, not by how
 * long anything took. Bounded in iterations and time:
 *   FUZZ_SEED (default 20250910), FUZZ_ITERATIONS (default 5000 per target), FUZZ_MS (default 20000 per target).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { SeizurewatchError } from '../src/errors.ts';
import { parseFeed } from '../src/feeds/parse-feed.ts';
import { scrapePage } from '../src/scrape/index.ts';
import { CORPUS, GOLDEN } from './helpers/paths.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20250910);
const ITERATIONS = Number(process.env.FUZZ_ITERATIONS ?? 5000);
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 20_000);

/** mulberry32: small, fast, seeded. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = ReturnType<typeof prng>;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[int(r, xs.length)]!;

const SOUP = [
  '<',
  '>',
  '</',
  '<![CDATA[',
  ']]>',
  '<!--',
  '-->',
  '&',
  '&amp;',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  '"',
  "'",
  '<item>',
  '</item>',
  '<entry>',
  '<title>',
  '</channel>',
  '<p>',
  '</div>',
  '<script>',
  '</script>',
  '\u0000',
  '\uFFFD',
  '\u2028',
  '<?xml version="1.0" encoding="x-unknown"?>',
  '<meta charset="utf-16">',
  '<link rel="canonical" href="javascript:alert(1)">',
  '<html>',
  '</html>',
  '<!DOCTYPE html>',
  '<![endif]-->',
  '<svg><foreignObject>',
];

/** One mutation of `input`, named, so a failure says what was done. */
function mutate(r: Rand, input: Buffer): { name: string; bytes: Buffer } {
  const len = input.length;
  switch (int(r, 11)) {
    case 0:
      return { name: 'truncate', bytes: input.subarray(0, int(r, len + 1)) };
    case 1: {
      const b = Buffer.from(input);
      const flips = 1 + int(r, 64);
      for (let i = 0; i < flips && len > 0; i++) b[int(r, len)] = int(r, 256);
      return { name: `flip ${flips} bytes`, bytes: b };
    }
    case 2: {
      const parts: Buffer[] = [];
      let at = 0;
      const n = 1 + int(r, 20);
      for (let i = 0; i < n; i++) {
        const next = Math.min(len, at + int(r, Math.max(1, len / n)));
        parts.push(input.subarray(at, next), Buffer.from(pick(r, SOUP)));
        at = next;
      }
      parts.push(input.subarray(at));
      return { name: 'tag soup', bytes: Buffer.concat(parts) };
    }
    case 3: {
      const at = int(r, len + 1);
      const attr = ` data-x="${'A'.repeat(10_000 + int(r, 200_000))}"`;
      const tag = Buffer.from(`<div${attr}${r() < 0.5 ? '' : ' unterminated'}>`);
      return {
        name: 'huge attribute',
        bytes: Buffer.concat([input.subarray(0, at), tag, input.subarray(at)]),
      };
    }
    case 4: {
      const depth = 1000 + int(r, 20_000);
      const tag = pick(r, ['div', 'b', 'item', 'span', 'title']);
      const nest = Buffer.from(`${`<${tag}>`.repeat(depth)}x${r() < 0.5 ? `</${tag}>`.repeat(depth) : ''}`);
      const at = int(r, len + 1);
      return {
        name: `deep nesting ${depth}`,
        bytes: Buffer.concat([input.subarray(0, at), nest, input.subarray(at)]),
      };
    }
    case 5: {
      const enc = pick(r, ['utf-16le', 'utf-16be', 'latin1', 'shift_jis', 'koi8-r']);
      return { name: `re-encoded as ${enc}`, bytes: iconv.encode(input.toString('utf8'), enc) };
    }
    case 6: {
      const enc = pick(r, ['latin1', 'utf16le']);
      // Bytes read as the wrong charset, then written out as UTF-8 (classic mojibake), or a lying BOM.
      const text = input.toString(enc as BufferEncoding);
      return r() < 0.5
        ? { name: `mojibake via ${enc}`, bytes: Buffer.from(text, 'utf8') }
        : { name: 'lying BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), input]) };
    }
    case 7: {
      const bomb = `<!DOCTYPE x [<!ENTITY a "${'a'.repeat(100)}"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY e SYSTEM "file:///etc/passwd">]>`;
      const s = input.toString('utf8');
      const at = s.indexOf('<', s.startsWith('<?') ? 2 : 0);
      return {
        name: 'entity bomb',
        bytes: Buffer.from(
          s.slice(0, Math.max(0, at)) + bomb + s.slice(Math.max(0, at)).replace('>', '>&b;&e;'),
        ),
      };
    }
    case 8: {
      const a = int(r, len + 1);
      const b = int(r, len + 1);
      const chunk = input.subarray(Math.min(a, b), Math.max(a, b));
      return { name: 'duplicate slice', bytes: Buffer.concat([input, chunk, chunk]) };
    }
    case 9: {
      // The old depth guards took a tag with `/>` inside an attribute value for self-closing.
      const depth = 1000 + int(r, 200_000);
      const tag = pick(r, [
        '<div title="/>">',
        "<span data-x='a/>b'>",
        '<item a="/>">',
        '<x a="/>" b=\'/>\'>',
        '<b title=">">',
      ]);
      // At the start the tags are certainly built (elsewhere they may land in a comment or CDATA).
      const atStart = r() < 0.5;
      const at = atStart ? 0 : int(r, len + 1);
      return {
        name: `attribute trick ${depth}${atStart ? ' at start' : ''}`,
        bytes: Buffer.concat([input.subarray(0, at), Buffer.from(tag.repeat(depth)), input.subarray(at)]),
      };
    }
    default: {
      const out = Buffer.alloc(int(r, 4096));
      for (let i = 0; i < out.length; i++) out[i] = int(r, 256);
      return { name: 'random bytes', bytes: out };
    }
  }
}

function windowOf(r: Rand, input: Buffer, max: number): Buffer {
  if (input.length <= max) return input;
  // Keep the head (declarations, meta, canonical link) and a random slice of the rest.
  const head = input.subarray(0, Math.floor(max / 2));
  const at = int(r, input.length - max / 2);
  return Buffer.concat([head, input.subarray(at, at + Math.floor(max / 2))]);
}

interface Outcome {
  runs: number;
  ok: number;
  typed: Map<string, number>;
  /** Attribute-trick inputs at the start, deep enough to pass the depth limit: how each ended. */
  tricks: Map<string, number>;
  untyped: Array<{ mutation: string; error: string }>;
  slowest: { ms: number; mutation: string };
}

function record(out: Outcome, mutation: string, ms: number, err: unknown): void {
  out.runs++;
  const trick = /^.* \/ attribute trick (\d+) at start/.exec(mutation);
  if (trick && Number(trick[1]) > 2000) {
    const reason = err instanceof SeizurewatchError ? String(err.details.reason) : err ? 'untyped' : 'parsed';
    out.tricks.set(reason, (out.tricks.get(reason) ?? 0) + 1);
  }
  if (ms > out.slowest.ms) out.slowest = { ms, mutation };
  if (err === undefined) out.ok++;
  else if (err instanceof SeizurewatchError && err.message.length > 0) {
    out.typed.set(err.code, (out.typed.get(err.code) ?? 0) + 1);
  } else if (out.untyped.length < 20) {
    out.untyped.push({
      mutation,
      error: String((err as Error)?.stack ?? err)
        .split('\n')
        .slice(0, 4)
        .join(' | '),
    });
  }
}

const blank = (): Outcome => ({
  runs: 0,
  ok: 0,
  typed: new Map(),
  tricks: new Map(),
  untyped: [],
  slowest: { ms: 0, mutation: '' },
});

function summary(label: string, o: Outcome): string {
  return `${label}: ${o.runs} runs, ${o.ok} parsed, typed errors ${JSON.stringify(Object.fromEntries(o.typed))}, attribute tricks ${JSON.stringify(Object.fromEntries(o.tricks))}, slowest ${o.slowest.ms} ms (${o.slowest.mutation})`;
}

describe('fuzz (seeded, bounded)', () => {
  it('feed parsing: no crash, no hang, typed errors only', { timeout: BUDGET_MS + 60_000 }, async () => {
    const dir = path.join(CORPUS, 'feeds');
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.xml'))
      .map((f) => ({ name: f, bytes: readFileSync(path.join(dir, f)) }));
    sources.push({ name: 'golden feed.xml', bytes: readFileSync(path.join(GOLDEN, 'feed.xml')) });
    const r = prng(SEED);
    const out = blank();
    const end = Date.now() + BUDGET_MS;
    for (let i = 0; i < ITERATIONS && Date.now() < end; i++) {
      const src = pick(r, sources);
      const m = mutate(r, windowOf(r, src.bytes, 16 * 1024));
      const label = `${src.name} / ${m.name} / #${i}`;
      const t = Date.now();
      let err: unknown;
      try {
        await parseFeed(m.bytes, {
          feedId: 'fuzz',
          contentType: r() < 0.3 ? 'text/xml; charset=utf-8' : null,
        });
      } catch (e) {
        err = e;
      }
      record(out, label, Date.now() - t, err);
    }
    console.log(summary('feeds', out));
    expect(out.untyped, JSON.stringify(out.untyped, null, 1)).toEqual([]);
    expect(out.runs).toBeGreaterThan(100);
    // Nesting past 256 levels is refused by count: the scan is not fooled by the attributes.
    expect([...out.tricks.keys()]).toEqual(['too-deep']);
  });

  it('scrapePage: no crash, no hang, typed errors only', { timeout: BUDGET_MS + 60_000 }, () => {
    const dir = path.join(CORPUS, 'html');
    const sources: Array<{ name: string; bytes: Buffer }> = [];
    for (const site of readdirSync(dir, { withFileTypes: true })) {
      if (!site.isDirectory()) continue;
      for (const f of readdirSync(path.join(dir, site.name))) {
        const file = path.join(dir, site.name, f);
        if (f.endsWith('.html')) sources.push({ name: f, bytes: readFileSync(file) });
        else if (f.endsWith('.html.gz') && sources.length < 40)
          sources.push({ name: f, bytes: gunzipSync(readFileSync(file)) });
      }
    }
    sources.push({ name: 'golden article.html', bytes: readFileSync(path.join(GOLDEN, 'article.html')) });
    const r = prng(SEED + 1);
    const out = blank();
    const end = Date.now() + BUDGET_MS;
    for (let i = 0; i < ITERATIONS && Date.now() < end; i++) {
      const src = pick(r, sources);
      const m = mutate(r, windowOf(r, src.bytes, 32 * 1024));
      const label = `${src.name} / ${m.name} / #${i}`;
      const url = pick(r, [
        'https://www.dw.com/en/x/a-1',
        'https://www.bbc.com/news/articles/x',
        'http://127.0.0.1:1/x',
        null,
      ]);
      const t = Date.now();
      let err: unknown;
      try {
        const article = scrapePage(m.bytes.toString('utf8'), url);
        expect(typeof article.text).toBe('string');
      } catch (e) {
        err = e;
      }
      record(out, label, Date.now() - t, err);
    }
    console.log(summary('pages', out));
    expect(out.untyped, JSON.stringify(out.untyped, null, 1)).toEqual([]);
    expect(out.runs).toBeGreaterThan(50);
    // HTML parsing never fails on syntax: every deep attribute trick is refused as too deep.
    expect(out.tricks.size).toBeGreaterThan(0);
    expect([...out.tricks.keys()]).toEqual(['too-deep']);
  });
});
