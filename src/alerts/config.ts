/**
 * `alerts:` section: channels (where alerts go), rules (which stories alert, to which channels),
 * delivery (retries, expiry) and story clustering. Owned by the alerts stage; documented in
 * docs/alerts.md. Secrets come from the environment: any string may hold `${ENV_NAME}`, and
 * `secretEnv` / `urlEnv` / `passEnv` name a variable directly. A missing variable is a config
 * error with its path, reported with every other problem.
 */
import { z } from 'zod';
import { checkUnique } from '../config-checks.ts';
import { DrugSchema } from '../records/schema.ts';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Milliseconds: a number, or a string such as `500ms`, `3s`, `5m`, `24h`, `7d`. */
export const DurationMsSchema = z.union([
  z.number().int().nonnegative(),
  z
    .string()
    .regex(/^\d+(\.\d+)?\s*(ms|s|m|h|d)$/, 'expected milliseconds or a duration such as 30s, 5m, 24h')
    .transform((s) => {
      const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)$/.exec(s)!;
      return Math.round(Number(m[1]) * UNIT_MS[m[2]!]!);
    }),
]);

/** Replace `${NAME}` with the environment variable NAME; report the names that are unset. */
function expandEnv(value: string, ctx: z.RefinementCtx): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_all, name: string) => {
    const v = process.env[name];
    if (v === undefined || v === '') {
      ctx.addIssue({ code: 'custom', message: `environment variable ${name} is not set` });
      return '';
    }
    return v;
  });
}

/** A string that may reference the environment as `${NAME}`. */
const EnvString = z.string().transform((s, ctx) => expandEnv(s, ctx));

const HttpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const QuietHoursSchema = z
  .object({
    /** Local time `HH:MM` when quiet hours start (alerts are held, not dropped). */
    start: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'),
    /** Local time `HH:MM` when they end and held alerts go out. */
    end: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected HH:MM'),
    /** IANA time zone of start and end (default UTC). */
    timezone: z.string().default('UTC'),
  })
  .strict()
  .superRefine((q, ctx) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: q.timezone });
    } catch {
      ctx.addIssue({ code: 'custom', path: ['timezone'], message: `unknown time zone "${q.timezone}"` });
    }
  });

const ChannelBase = {
  name: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'must match [A-Za-z0-9_.-]+'),
  /**
   * Shortest gap between two sends on this channel, in ms. Default: 1000 for Slack (Slack's
   * incoming webhooks allow about one message a second), 0 otherwise.
   */
  minIntervalMs: DurationMsSchema.optional(),
  /** Hold alerts during these hours (off unless set). */
  quietHours: QuietHoursSchema.optional(),
  /** One send attempt may take this long (default 10 s). */
  timeoutMs: DurationMsSchema.default(10_000),
};

const WebhookChannelSchema = z
  .object({
    ...ChannelBase,
    type: z.literal('webhook'),
    url: EnvString.pipe(HttpUrl).optional(),
    urlEnv: z.string().optional(),
    /** Standard Webhooks secret, `whsec_<base64>`; unsigned when absent. */
    secret: EnvString.optional(),
    secretEnv: z.string().optional(),
    /** Extra request headers (e.g. an Authorization token, which may use `${ENV}`). */
    headers: z.record(z.string(), EnvString).default({}),
  })
  .strict();

const SlackChannelSchema = z
  .object({
    ...ChannelBase,
    type: z.literal('slack'),
    /** Slack incoming-webhook URL (a secret: use `${ENV}` or `urlEnv`). */
    url: EnvString.pipe(HttpUrl).optional(),
    urlEnv: z.string().optional(),
  })
  .strict();

const EmailChannelSchema = z
  .object({
    ...ChannelBase,
    type: z.literal('email'),
    smtp: z
      .object({
        host: EnvString,
        port: z.number().int().min(1).max(65535).default(587),
        /** true for implicit TLS (port 465); false upgrades with STARTTLS when offered. */
        secure: z.boolean().default(false),
        /** Refuse to send unless STARTTLS succeeds. */
        requireTLS: z.boolean().default(false),
        user: EnvString.optional(),
        pass: EnvString.optional(),
        passEnv: z.string().optional(),
      })
      .strict(),
    from: EnvString,
    to: z.union([EnvString, z.array(EnvString).min(1)]).transform((v) => (Array.isArray(v) ? v : [v])),
    /** Subject prefix (default `[seizurewatch]`). */
    subjectPrefix: z.string().default('[seizurewatch]'),
  })
  .strict();

export const ChannelSchema = z.discriminatedUnion('type', [
  WebhookChannelSchema,
  SlackChannelSchema,
  EmailChannelSchema,
]);

const RuleSchema = z
  .object({
    name: z.string().min(1),
    /** Every condition given must hold (AND); an empty `when` matches every record. */
    when: z
      .object({
        /** The record's seizureStory flag. */
        seizureStory: z.boolean().optional(),
        /** At least one seizure of one of these drugs. */
        drugs: z.array(DrugSchema).min(1).optional(),
        /** At least one seizure or place in one of these ISO countries (or EU). */
        countries: z
          .array(z.string().regex(/^[A-Za-z]{2}$/, 'expected an ISO 3166-1 alpha-2 code'))
          .min(1)
          .transform((a) => a.map((c) => c.toUpperCase()))
          .optional(),
        /** At least one seizure (of the drugs above, if given) of at least this many kg. */
        minKg: z.number().nonnegative().optional(),
        /** At least one seizure (of the drugs above, if given) of at least this many units. */
        minCount: z.number().nonnegative().optional(),
        /** Seizure flags: `record` (called a record), `haul` (one haul), `aggregate` (a total). */
        flags: z
          .array(z.enum(['record', 'haul', 'aggregate']))
          .min(1)
          .optional(),
        /** At least one of these words or phrases in the title or text (case-insensitive). */
        keywords: z.array(z.string().min(1)).min(1).optional(),
        /** Only these languages. */
        languages: z.array(z.string()).min(1).optional(),
      })
      .strict()
      .default({}),
    channels: z.array(z.string()).min(1, 'a rule needs at least one channel'),
  })
  .strict();

export const DeliveryConfigSchema = z
  .object({
    /** Give up on an alert this long after it was raised (default 24 h). */
    expireAfterMs: DurationMsSchema.default(24 * 3_600_000),
    /** First retry delay; doubles each attempt up to maxBackoffMs (default 1 s). */
    initialBackoffMs: DurationMsSchema.default(1000),
    /** Longest delay between two attempts (default 5 min). */
    maxBackoffMs: DurationMsSchema.default(5 * 60_000),
    /**
     * `scan` keeps retrying a failing delivery for this long within the run, then leaves it
     * pending for the next run (default 30 s).
     */
    inlineRetryWindowMs: DurationMsSchema.default(30_000),
  })
  .strict();

export const ClusterConfigSchema = z
  .object({
    /** Articles more than this many days apart are different stories (default 7). */
    windowDays: z.number().positive().default(7),
    /** Two figures of one drug are the same haul within this relative difference (default 0.05). */
    figureTolerance: z.number().min(0).max(0.5).default(0.05),
  })
  .strict();

export const AlertsConfigSchema = z
  .object({
    channels: z.array(ChannelSchema).default([]),
    rules: z.array(RuleSchema).default([]),
    delivery: DeliveryConfigSchema.prefault({}),
    cluster: ClusterConfigSchema.prefault({}),
  })
  .strict()
  // Runs even when other parts of the section are invalid (`when`), so every problem is reported
  // at once; it therefore reads the values defensively.
  .superRefine(
    (cfg, ctx) => {
      const channels = Array.isArray(cfg.channels) ? cfg.channels : [];
      const rules = Array.isArray(cfg.rules) ? cfg.rules : [];
      const names = checkUnique(channels, 'name', 'channels', 'channel name', ctx);
      channels.forEach((ch, i) => {
        if (!ch || typeof ch !== 'object' || typeof ch.name !== 'string') return;
        checkEnvKeys(ch, i, ctx);
      });
      rules.forEach((rule, i) => {
        if (!rule || !Array.isArray(rule.channels)) return;
        rule.channels.forEach((name, j) => {
          if (typeof name === 'string' && !names.has(name)) {
            ctx.addIssue({
              code: 'custom',
              path: ['rules', i, 'channels', j],
              message: `unknown channel "${name}" (channels: ${[...names.keys()].join(', ') || 'none'})`,
            });
          }
        });
      });
    },
    { when: () => true },
  )
  .transform((cfg) => ({ ...cfg, channels: cfg.channels.map(resolveEnvKeys) }));

type ParsedChannel = z.infer<typeof ChannelSchema>;

function checkEnvKeys(ch: ParsedChannel, i: number, ctx: z.RefinementCtx): void {
  const need = (envName: unknown, key: string[]): void => {
    if (typeof envName === 'string' && !process.env[envName]) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels', i, ...key],
        message: `environment variable ${envName} is not set`,
      });
    }
  };
  if (typeof ch.type !== 'string') return;
  if (ch.type === 'webhook' || ch.type === 'slack') {
    need(ch.urlEnv, ['urlEnv']);
    if (ch.url === undefined && ch.urlEnv === undefined) {
      ctx.addIssue({ code: 'custom', path: ['channels', i, 'url'], message: 'url (or urlEnv) is required' });
    }
  }
  if (ch.type === 'webhook') {
    need(ch.secretEnv, ['secretEnv']);
    const secret = ch.secret ?? (ch.secretEnv ? process.env[ch.secretEnv] : undefined);
    if (typeof secret === 'string' && secret && !/^whsec_[A-Za-z0-9+/=]+$/.test(secret)) {
      ctx.addIssue({
        code: 'custom',
        path: ['channels', i, ch.secret ? 'secret' : 'secretEnv'],
        message: 'a Standard Webhooks secret looks like whsec_<base64>',
      });
    }
  }
  if (ch.type === 'email' && ch.smtp && typeof ch.smtp === 'object')
    need(ch.smtp.passEnv, ['smtp', 'passEnv']);
}

function resolveEnvKeys(ch: ParsedChannel): Channel {
  if (ch.type === 'email') {
    const { passEnv, ...smtp } = ch.smtp;
    return { ...ch, smtp: { ...smtp, pass: smtp.pass ?? (passEnv ? process.env[passEnv] : undefined) } };
  }
  const url = ch.url ?? (ch.urlEnv ? process.env[ch.urlEnv] : undefined) ?? '';
  if (ch.type === 'slack') {
    const { urlEnv: _u, ...rest } = ch;
    return { ...rest, url };
  }
  const { urlEnv: _u, secretEnv, ...rest } = ch;
  return { ...rest, url, secret: ch.secret ?? (secretEnv ? process.env[secretEnv] : undefined) };
}

export type AlertsConfigInput = z.input<typeof AlertsConfigSchema>;
export type AlertsConfig = z.infer<typeof AlertsConfigSchema>;
export type AlertRule = z.infer<typeof RuleSchema>;
export type DeliveryConfig = z.infer<typeof DeliveryConfigSchema>;
export type ClusterConfig = z.infer<typeof ClusterConfigSchema>;
export type QuietHours = z.infer<typeof QuietHoursSchema>;

export interface WebhookChannel {
  name: string;
  type: 'webhook';
  url: string;
  secret?: string | undefined;
  headers: Record<string, string>;
  minIntervalMs?: number | undefined;
  quietHours?: QuietHours | undefined;
  timeoutMs: number;
}
export interface SlackChannel {
  name: string;
  type: 'slack';
  url: string;
  minIntervalMs?: number | undefined;
  quietHours?: QuietHours | undefined;
  timeoutMs: number;
}
export interface EmailChannel {
  name: string;
  type: 'email';
  smtp: {
    host: string;
    port: number;
    secure: boolean;
    requireTLS: boolean;
    user?: string | undefined;
    pass?: string | undefined;
  };
  from: string;
  to: string[];
  subjectPrefix: string;
  minIntervalMs?: number | undefined;
  quietHours?: QuietHours | undefined;
  timeoutMs: number;
}
/** A channel after validation, its secrets read from the environment. */
export type Channel = WebhookChannel | SlackChannel | EmailChannel;

/** Validate an `alerts:` section on its own (tests, library use). */
export function parseAlertsConfig(raw: unknown): AlertsConfig {
  return AlertsConfigSchema.parse(raw ?? {});
}
