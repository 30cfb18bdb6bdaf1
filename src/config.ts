/**
 * The one place config is read: a YAML file, validated against one schema made of each stage's
 * section, every problem reported at once with its path, then frozen. Everything else receives
 * its slice as an argument.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AlertsConfigSchema } from './alerts/config.ts';
import { checkUnique } from './config-checks.ts';
import { ConfigError, type ConfigProblem } from './errors.ts';
import { FetchConfigSchema } from './fetch/config.ts';
import { ServiceConfigSchema } from './service/config.ts';
import { ParseConfigSchema } from './threads/config.ts';

/** A config larger than this is not a config (and YAML is not parsed past it). */
export const MAX_CONFIG_BYTES = 1024 * 1024;
/** Alias expansions yaml allows per node before calling it a bomb (its own default is 100). */
const MAX_YAML_ALIASES = 100;

const FeedSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    name: z.string().min(1).optional(),
    /**
     * ISO 639-1 code of the feed's articles ("de"): used for an item whose feed and page do
     * not say their language.
     */
    language: z
      .string()
      .regex(/^[a-z]{2}$/, 'must be an ISO 639-1 code such as "de"')
      .optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    feeds: z.array(FeedSchema).min(1, 'at least one feed is needed'),
    output: z.object({ ndjson: z.string().min(1) }).strict(),
    store: z
      .object({
        dir: z.string().min(1),
        /** A shared PostgreSQL database instead of the SQLite files in `dir` (else $DATABASE_URL). */
        url: z
          .string()
          .regex(/^postgres(ql)?:\/\/[^\s]+$/, 'must be a postgres:// or postgresql:// URL')
          .optional(),
        /**
         * How long opening a PostgreSQL store waits for the server to accept connections
         * (refused, unresolvable, starting up) before it fails, in ms; 0 tries once
         * (`serve --store-wait-ms` overrides). Default 3000. Not used by the SQLite store.
         */
        waitMs: z.number().int().nonnegative().default(3_000),
      })
      .strict(),
    fetch: FetchConfigSchema.prefault({}),
    alerts: AlertsConfigSchema.prefault({}),
    service: ServiceConfigSchema.prefault({}),
    parse: ParseConfigSchema.prefault({}),
    log: z
      .object({
        level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
        pretty: z.boolean().default(false),
      })
      .strict()
      .prefault({}),
  })
  .strict()
  // Cross-checks run after every section was validated, and also when some section failed
  // (`when`), so every problem is reported in one go; they read the values defensively.
  .superRefine(
    (cfg, ctx) => {
      if (Array.isArray(cfg.feeds)) checkUnique(cfg.feeds, 'id', 'feeds', 'feed id', ctx);
    },
    { when: () => true },
  );

export type Config = z.infer<typeof ConfigSchema>;

function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const p of parts) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out;
}

/** Validate an already-parsed object; relative paths resolve against `baseDir`. */
export function parseConfig(raw: unknown, source: string, baseDir = process.cwd()): Readonly<Config> {
  const result = ConfigSchema.safeParse(raw ?? {});
  if (!result.success) {
    const problems: ConfigProblem[] = result.error.issues.map((i) => ({
      path: formatPath(i.path),
      message: i.message,
    }));
    throw new ConfigError(source, problems);
  }
  const cfg = result.data;
  cfg.output.ndjson = path.resolve(baseDir, cfg.output.ndjson);
  cfg.store.dir = path.resolve(baseDir, cfg.store.dir);
  return deepFreeze(cfg);
}

/**
 * Read and validate a YAML config file. Relative `output` and `store` paths are resolved
 * against the current directory (where the command runs), as a newsroom engineer expects.
 */
export function loadConfig(file: string): Readonly<Config> {
  let text: string;
  try {
    if (statSync(file).size > MAX_CONFIG_BYTES) {
      throw new ConfigError(file, [
        { path: '', message: `file is larger than ${MAX_CONFIG_BYTES / 1024} KiB: not a config` },
      ]);
    }
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    if (cause instanceof ConfigError) throw cause;
    throw new ConfigError(file, [{ path: '', message: `cannot read file: ${(cause as Error).message}` }], {
      cause,
    });
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({
        path: `line ${e.linePos?.[0]?.line ?? '?'}`,
        message: e.message.split('\n')[0]!.slice(0, 200),
      })),
    );
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (cause) {
    // yaml refuses alias bombs (and any other resource exhaustion) with a plain Error.
    const message = /alias/i.test((cause as Error)?.message ?? '')
      ? `YAML aliases expand to too much (more than ${MAX_YAML_ALIASES} per node): refused`
      : `cannot read YAML: ${String((cause as Error)?.message ?? cause).slice(0, 200)}`;
    throw new ConfigError(file, [{ path: '', message }], { cause });
  }
  return parseConfig(raw, file);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
