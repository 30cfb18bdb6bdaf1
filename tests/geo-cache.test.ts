/**
 * The prebuilt city-index cache: an index read back from the cache file answers exactly like
 * one built from the packages; a damaged, stale or unwritable cache costs a rebuild, never a
 * wrong answer; concurrent writers never expose half a file.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCityColumns, type CityColumns, cityIndexFromColumns } from '../src/geo/cities.ts';
import {
  cacheFileName,
  cacheKey,
  encodeCityCache,
  loadCityColumns,
  readCityCache,
  writeCityCache,
} from '../src/geo/city-cache.ts';
import { createGazetteer, type Gazetteer } from '../src/geo/gazetteer.ts';
import { ROOT } from './helpers/paths.ts';

/** Names with homonyms, local names, accents, regions, abbreviations and misses. */
const SAMPLE = [
  'Antwerp',
  'Antwerpen',
  'Rotterdam',
  'Houston',
  'El Paso',
  'Laredo',
  'Eagle Pass',
  'Springfield',
  'Portland',
  'Athens',
  'Georgia',
  'Texas',
  'California',
  'St. Louis',
  'Saint Louis',
  'Córdoba',
  'Cordoba',
  'München',
  'Valparaiso',
  'Santa Cruz',
  'San Jose',
  'Paris',
  'London',
  'Belgium',
  'US',
  'NSW',
  'Europe',
  'high seas',
  'Zzyzxville Nowhere',
];

const started = performance.now();
let dir: string;
let built: CityColumns;
let key: string;
const fromColumns = (c: CityColumns): Gazetteer =>
  createGazetteer(() => cityIndexFromColumns(c, { started, cache: 'off', cacheFile: null }));
const noBuild = (): CityColumns => {
  throw new Error('must not build: a valid cache file exists');
};

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'geo-cache-test-'));
  built = buildCityColumns();
  key = cacheKey();
}, 180_000);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('gazetteer cache', () => {
  it('writes the cache on the first build and reads it back on the next load', () => {
    const first = loadCityColumns(() => built, [dir]);
    expect(first.cache).toBe('built');
    expect(first.cacheFile).toBe(path.join(dir, cacheFileName(key)));
    const second = loadCityColumns(noBuild, [dir]);
    expect(second.cache).toBe('hit');
    // Same bytes: the columns read back encode to the very file they came from.
    expect(encodeCityCache(key, second.columns).equals(readFileSync(second.cacheFile!))).toBe(true);
  });

  it('answers every lookup of the sample identically from the cache and from the packages', () => {
    const uncached = fromColumns(built);
    const read = loadCityColumns(noBuild, [dir]);
    expect(read.cache).toBe('hit');
    const cached = fromColumns(read.columns);
    for (const name of SAMPLE) expect(cached.lookup(name), name).toEqual(uncached.lookup(name));
    for (const code of ['BE', 'NL', 'US', 'MX', 'CO', 'AU']) {
      expect(cached.capitalOf(code)).toEqual(uncached.capitalOf(code));
    }
    // The sample is not vacuous: homonyms across countries, a local name, a region.
    const antwerp = cached.lookup('Antwerp');
    expect(antwerp.filter((e) => e.kind === 'city').map((e) => e.country)).toEqual(
      expect.arrayContaining(['BE', 'US']),
    );
    expect(cached.lookup('Antwerpen').some((e) => e.id === antwerp.find((a) => a.country === 'BE')!.id)).toBe(
      true,
    );
    expect(cached.lookup('Rotterdam').find((e) => e.country === 'NL')!.population).toBeGreaterThan(500_000);
    expect(cached.lookup('Springfield').filter((e) => e.country === 'US').length).toBeGreaterThan(5);
    expect(cached.lookup('Texas')[0]).toMatchObject({ id: 'admin1:US.TX' });
    expect(cached.lookup('Zzyzxville Nowhere')).toEqual([]);
  });

  it('answers like the packages for every name key, not only the sample', () => {
    const a = cityIndexFromColumns(built, { started, cache: 'off', cacheFile: null });
    const b = cityIndexFromColumns(loadCityColumns(noBuild, [dir]).columns, {
      started,
      cache: 'hit',
      cacheFile: null,
    });
    let checked = 0;
    for (let k = 0; k < built.keyTextStart.length - 1; k += 97) {
      const s = Buffer.from(
        built.keyText.subarray(built.keyTextStart[k]!, built.keyTextStart[k + 1]!),
      ).toString();
      const rows = b.cities(s);
      expect(rows).toEqual(a.cities(s));
      expect(rows.length).toBeGreaterThan(0);
      expect(b.city(rows[0]!)).toEqual(a.city(rows[0]!));
      checked++;
    }
    expect(checked).toBeGreaterThan(1000);
    expect(b.stats).toMatchObject({ cities: a.stats.cities, admin1: a.stats.admin1, keys: a.stats.keys });
  });

  it('rebuilds and rewrites a corrupt cache file (flipped byte, truncated, garbage, another key)', () => {
    const file = path.join(dir, cacheFileName(key));
    const good = readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    // A whole, checksummed file, but built for other packages or code.
    const otherKey = encodeCityCache('f'.repeat(key.length), built);
    const damaged = [
      flipped,
      good.subarray(0, good.length - 1000),
      Buffer.from('{"not": "a cache"}'),
      otherKey,
    ];
    for (const bytes of damaged) {
      writeFileSync(file, bytes);
      expect(readCityCache(file, key)).toEqual({ ok: false, reason: 'corrupt' });
      let builds = 0;
      const loaded = loadCityColumns(() => {
        builds++;
        return built;
      }, [dir]);
      expect(loaded.cache).toBe('rebuilt');
      expect(builds).toBe(1);
      expect(readFileSync(file).equals(good)).toBe(true);
      expect(loadCityColumns(noBuild, [dir]).cache).toBe('hit');
    }
  });

  it('falls back to the next directory when one is not writable, and prunes stale files', () => {
    const blocker = path.join(dir, 'not-a-dir');
    writeFileSync(blocker, 'a file where a directory should be');
    const second = mkdtempSync(path.join(os.tmpdir(), 'geo-cache-test-2-'));
    try {
      writeFileSync(path.join(second, 'gazetteer-0123abcd.bin'), 'an older version');
      const loaded = loadCityColumns(() => built, [path.join(blocker, 'cache'), second]);
      expect(loaded.cache).toBe('built');
      expect(loaded.cacheFile).toBe(path.join(second, cacheFileName(key)));
      expect(readdirSync(second)).toEqual([cacheFileName(key)]);
      expect(loadCityColumns(noBuild, [path.join(blocker, 'cache'), second]).cache).toBe('hit');
      // Nowhere writable: still answers, from a build.
      const nowhere = loadCityColumns(() => built, [path.join(blocker, 'cache')]);
      expect(nowhere).toMatchObject({ cache: 'built', cacheFile: null });
    } finally {
      rmSync(second, { recursive: true, force: true });
    }
  });

  it('never shows a reader half a file while several processes rewrite it', async () => {
    const shared = mkdtempSync(path.join(os.tmpdir(), 'geo-cache-race-'));
    try {
      const source = path.join(dir, cacheFileName(key));
      writeCityCache(path.join(shared, cacheFileName(key)), key, built);
      const script = path.join(shared, 'race.mts');
      const cacheModule = path.join(ROOT, 'src/geo/city-cache.ts');
      // Writers rewrite the file 15 times each; the reader reads it as often as it can meanwhile.
      writeFileSync(
        script,
        `import { readCityCache, writeCityCache } from ${JSON.stringify(cacheModule)};
const [role, target, source, key] = process.argv.slice(2);
const read = readCityCache(source, key);
if (!read.ok) throw new Error('source cache unreadable');
let bad = 0;
let reads = 0;
const until = Date.now() + 20_000;
if (role === 'writer') {
  for (let i = 0; i < 15; i++) if (!writeCityCache(target, key, read.columns)) bad++;
} else {
  await new Promise((r) => setTimeout(r, 100));
  for (let i = 0; i < 40 && Date.now() < until; i++) {
    const r = readCityCache(target, key);
    reads++;
    if (!r.ok) bad++;
  }
}
console.log(JSON.stringify({ role, bad, reads }));
`,
      );
      const target = path.join(shared, cacheFileName(key));
      const run = (role: string): Promise<{ role: string; bad: number; reads: number }> =>
        new Promise((resolve, reject) => {
          execFile(
            process.execPath,
            ['--import', 'tsx', script, role, target, source, key],
            { cwd: ROOT, timeout: 60_000 },
            (error, stdout, stderr) => {
              if (error) reject(new Error(`${role} failed: ${error.message}\n${stderr}`));
              else resolve(JSON.parse(stdout.trim().split('\n').pop()!));
            },
          );
        });
      const results = await Promise.all([run('writer'), run('writer'), run('reader')]);
      for (const r of results) expect(r.bad, r.role).toBe(0);
      expect(results[2]!.reads).toBeGreaterThan(0);
      // Whatever won the last rename is a whole, valid file, and no temporary file is left.
      expect(readCityCache(target, key).ok).toBe(true);
      expect(readdirSync(shared).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    } finally {
      rmSync(shared, { recursive: true, force: true });
    }
  }, 90_000);
});
