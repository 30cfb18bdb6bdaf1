/**
 * The one place config is read: a YAML file, validated against one schema made of each stage's
 * section, every problem reported at once with its path, then frozen. Everything else receives
 * its slice as an argument.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { AlertsConfigSchema } from './alerts/config.ts';
import { checkUnique } from './config-checks.ts';
import { ConfigError, type ConfigProblem } from './errors.ts';
import { FetchConfigSchema } from './fetch/config.ts';
import { ServiceConfigSchema } from './service/config.ts';
import { ParseConfigSchema } from './threads/config.ts';

const FeedSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'must match [a-z0-9-]+'),
    url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
    name: z.string().min(1).optional(),
  })
  .strict();

export const ConfigSchema = z
  .object({
    feeds: z.array(FeedSchema).min(1, 'at least one feed is needed'),
    output: z.object({ ndjson: z.string().min(1) }).strict(),
    store: z.object({ dir: z.string().min(1) }).strict(),
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
  .superRefine((cfg, ctx) => {
    checkUnique(cfg.feeds, 'id', 'feeds', 'feed id', ctx);
  });

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
    text = readFileSync(file, 'utf8');
  } catch (cause) {
    throw new ConfigError(file, [{ path: '', message: `cannot read file: ${(cause as Error).message}` }], {
      cause,
    });
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    throw new ConfigError(
      file,
      doc.errors.map((e) => ({ path: `line ${e.linePos?.[0]?.line ?? '?'}`, message: e.message })),
    );
  }
  return parseConfig(doc.toJS(), file);
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
