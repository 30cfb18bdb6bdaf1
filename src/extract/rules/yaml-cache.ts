/**
 * The rule tables' YAML, parsed once per content and kept as JSON beside the gazetteer cache
 * (`cacheDirs()`: `node_modules/.cache/seizurewatch/`, `SEIZUREWATCH_GEO_CACHE=<dir|off>`).
 * Parsing all of config/rules/ with the yaml package costs ~200 ms at the start of each process;
 * JSON.parse of the same data about 1 ms.
 *
 * - Key: a hash of the file's text (and the yaml package's version), so an edited table is a new
 *   entry and is read at the next start, as before; `rules-<table>-<key>.json`, the entries of a
 *   table's older texts are removed when a new one is written.
 * - Only what JSON keeps exactly is cached (a document that does not survive the round trip is
 *   parsed every time). Validation stays with the caller: the cache holds the parsed document,
 *   never a judgement on it.
 * - Written to a unique temporary file, then renamed; an unreadable or unparsable entry is a
 *   miss. Never throws for cache problems.
 */
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'yaml';
import { cacheDirs } from '../../geo/city-cache.ts';

const FORMAT = 1;
let parserKey: string | undefined;

function parserVersion(): string {
  if (parserKey === undefined) {
    try {
      parserKey = (createRequire(import.meta.url)('yaml/package.json') as { version: string }).version;
    } catch {
      parserKey = 'unknown';
    }
  }
  return parserKey;
}

/** `rules-<table>-` for `.../drugs.yaml`: the prefix of that table's entries. */
function entryPrefix(file: string): string {
  const table = path.basename(file, path.extname(file)).replace(/[^A-Za-z0-9_-]/g, '_');
  return `rules-${table}-`;
}

/** Parse a YAML file, from the cache when its text was parsed before. Throws as `yaml` does. */
export function parseYamlFile(file: string, dirs: string[] = cacheDirs()): unknown {
  const text = readFileSync(file, 'utf8');
  if (dirs.length === 0) return parse(text);
  const key = createHash('sha256')
    .update(`format ${FORMAT} yaml ${parserVersion()}\n`)
    .update(text)
    .digest('hex')
    .slice(0, 20);
  const name = `${entryPrefix(file)}${key}.json`;
  for (const dir of dirs) {
    try {
      return JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as unknown;
    } catch {
      // missing or damaged: try the next place, then parse
    }
  }
  const doc: unknown = parse(text);
  const json = JSON.stringify(doc);
  if (json === undefined || !isDeepStrictEqual(JSON.parse(json), doc)) return doc;
  for (const dir of dirs) {
    if (writeEntry(path.join(dir, name), json)) {
      pruneTable(dir, entryPrefix(file), name);
      break;
    }
  }
  return doc;
}

function writeEntry(file: string, json: string): boolean {
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(tmp, json);
    renameSync(tmp, file);
    return true;
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // never written
    }
    return false;
  }
}

/** Remove the entries of this table's other texts (temporary files of live writers are kept). */
function pruneTable(dir: string, prefix: string, keep: string): void {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry === keep || !entry.startsWith(prefix) || !entry.endsWith('.json')) continue;
    // `rules-<table>-<key>.json` only: not the entries of a table whose name extends this one.
    if (!/^[0-9a-f]{20}\.json$/.test(entry.slice(prefix.length))) continue;
    try {
      unlinkSync(path.join(dir, entry));
    } catch {
      // removed by another process
    }
  }
}
