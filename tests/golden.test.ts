/**
 * The golden DW article: the record must match expected.json field for field (README of the
 * fixture: extractedAt and the version fields, extractor and schema, may differ; seizures,
 * trends, persons, organizations and places compare as sets, each item on every field
 * expected.json gives it (fields a newer schema adds, such as a seizure's confidence and
 * reasons, are checked by the schema, not here); lat/lon within 0.1 degree where given).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractRecord } from '../src/extract/index.ts';
import { scrapePage } from '../src/scrape/index.ts';
import type { ArticleRecord } from '../src/types.ts';
import { GOLDEN } from './helpers/paths.ts';

const expected = JSON.parse(readFileSync(path.join(GOLDEN, 'expected.json'), 'utf8')) as Record<
  string,
  unknown
>;
const SET_FIELDS = ['seizures', 'trends', 'persons', 'organizations', 'places'] as const;
const IGNORED = ['extractedAt', 'extractor', 'schema'];

function recordFor(file: string): ArticleRecord {
  const html = readFileSync(path.join(GOLDEN, file), 'utf8');
  const article = scrapePage(html, 'http://127.0.0.1:8080/en/some-mirror-path');
  return extractRecord(article);
}

/**
 * Canonical JSON with object keys sorted, lat/lon dropped (compared separately); with `only`,
 * just those top-level keys of the item (the fields expected.json gives).
 */
function key(value: unknown, only?: ReadonlySet<string>): string {
  const item =
    only && value && typeof value === 'object'
      ? Object.fromEntries(Object.entries(value).filter(([k]) => only.has(k)))
      : value;
  return JSON.stringify(item, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.keys(v)
            .filter((k) => k !== 'lat' && k !== 'lon')
            .sort()
            .map((k) => [k, (v as Record<string, unknown>)[k]]),
        )
      : v,
  );
}

describe('golden DW article', () => {
  const record = recordFor('article.html') as unknown as Record<string, unknown>;

  for (const field of Object.keys(expected)) {
    if (IGNORED.includes(field) || (SET_FIELDS as readonly string[]).includes(field)) continue;
    it(`field ${field} matches`, () => {
      expect(record[field]).toEqual(expected[field]);
    });
  }

  for (const field of SET_FIELDS) {
    it(`${field} match as a set`, () => {
      const wanted = expected[field] as unknown[];
      const fields = new Set(wanted.flatMap((x) => (x && typeof x === 'object' ? Object.keys(x) : [])));
      const got = (record[field] as unknown[])
        .map((x) => key(x, fields.size > 0 ? fields : undefined))
        .sort();
      const want = wanted.map((x) => key(x)).sort();
      expect(got).toEqual(want);
    });
  }

  it('places carry coordinates within 0.1 degree where expected gives them', () => {
    const places = record.places as Array<{ name: string; lat?: number; lon?: number }>;
    for (const want of expected.places as Array<{ name: string; lat?: number; lon?: number }>) {
      if (want.lat === undefined || want.lon === undefined) continue;
      const got = places.find((p) => p.name === want.name);
      expect(got, want.name).toBeDefined();
      expect(Math.abs((got?.lat ?? 999) - want.lat), `${want.name} lat`).toBeLessThan(0.1);
      expect(Math.abs((got?.lon ?? 999) - want.lon), `${want.name} lon`).toBeLessThan(0.1);
    }
  });

  it('records an extractor version and a timestamp', () => {
    expect(record.extractor).toMatch(/^seizurewatch@\d+\.\d+\.\d+/);
    expect(Number.isNaN(Date.parse(String(record.extractedAt)))).toBe(false);
  });
});

describe('golden negative article (port cargo story)', () => {
  it('is not a seizure story and has no seizures', () => {
    const record = recordFor('negative-article.html');
    expect(record.seizureStory).toBe(false);
    expect(record.seizures).toEqual([]);
    expect(record.trends).toEqual([]);
    expect(record.text).not.toMatch(/3 tons of cocaine/);
  });

  it('places Hamburg in Germany and reads no port from the "Port of Hamburg Marketing" association', () => {
    const record = recordFor('negative-article.html');
    const hamburg = record.places.filter((p) => p.name.startsWith('Hamburg'));
    expect(hamburg.map((p) => [p.name, p.country])).toEqual([['Hamburg', 'DE']]);
  });
});
