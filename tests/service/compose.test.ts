/**
 * docker-compose.yml, checked without Docker: its services, roles, flags, environment and
 * dependencies must fit the CLI and config/docker.yaml as they are. Docker is never run here.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildProgram } from '../../src/cli/main.ts';
import { loadConfig } from '../../src/config.ts';
import { SERVICE_ROLES } from '../../src/service/service.ts';
import { ROOT } from '../helpers/paths.ts';

interface ComposeService {
  image?: string;
  build?: unknown;
  command?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  volumes?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test?: string[]; disable?: boolean };
  container_name?: string;
  deploy?: unknown;
}
interface Compose {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

// Compose merges `<<: *anchor` keys (YAML 1.1 merge), as the yaml package does with `merge`.
const compose = parse(readFileSync(path.join(ROOT, 'docker-compose.yml'), 'utf8'), {
  merge: true,
}) as Compose;
const services = compose.services;

/** `${VAR:-default}` as compose expands it with VAR unset; `${VAR:?msg}` as a placeholder. */
function expand(value: string): string {
  return value
    .replace(/\$\{(\w+):-([^}]*)\}/g, (_m, _v, d: string) => d)
    .replace(/\$\{(\w+):\?[^}]*\}/g, (_m, v: string) => `<${v}>`);
}

/** The seizurewatch services: those that run the image's `serve`. */
const serveServices = Object.entries(services).filter(([, s]) => s.command?.[0] === 'serve');

async function serveCommand(): Promise<Command> {
  const program = await buildProgram(['node', 'seizurewatch', 'serve']);
  const serve = program.commands.find((c) => c.name() === 'serve');
  if (!serve) throw new Error('no serve command');
  return serve;
}

/** --flag value pairs of a command line (every serve option takes a value but --dry-run). */
function flags(args: string[]): Map<string, string | true> {
  const out = new Map<string, string | true>();
  for (let i = 1; i < args.length; i++) {
    const a = args[i]!;
    expect(a.startsWith('-'), `${args.join(' ')}: stray argument ${a}`).toBe(true);
    const next = args[i + 1];
    if (next !== undefined && !next.startsWith('-')) {
      out.set(a, next);
      i++;
    } else out.set(a, true);
  }
  return out;
}

function roleOf(s: ComposeService): string {
  return String(flags(s.command!).get('--role') ?? 'all');
}

describe('docker-compose.yml', () => {
  it('has Redis, PostgreSQL and serve split by role: one api, one scheduler, workers', () => {
    expect(Object.keys(services)).toEqual(
      expect.arrayContaining(['redis', 'postgres', 'api', 'scheduler', 'worker']),
    );
    const roles = serveServices.map(([, s]) => roleOf(s)).sort();
    expect(roles).toEqual(['api', 'scheduler', 'worker']);
    expect(roleOf(services.worker!)).toBe('worker');
    expect(roleOf(services.api!)).toBe('api');
    expect(roleOf(services.scheduler!)).toBe('scheduler');
  });

  it('runs serve with flags the CLI knows, roles it accepts, and a config that loads', async () => {
    const serve = await serveCommand();
    const known = new Set(serve.options.flatMap((o) => [o.long, o.short].filter(Boolean) as string[]));
    for (const [name, s] of serveServices) {
      const f = flags(s.command!);
      for (const flag of f.keys()) expect(known, `${name}: unknown flag ${flag}`).toContain(flag);
      expect(SERVICE_ROLES as readonly string[]).toContain(roleOf(s));
      const configFile = f.get('--config') ?? f.get('-c');
      expect(typeof configFile, `${name}: --config`).toBe('string');
      expect(existsSync(path.join(ROOT, configFile as string))).toBe(true);
      expect(() => loadConfig(path.join(ROOT, configFile as string))).not.toThrow();
      // The image runs node on the bin (ENTRYPOINT), not npx, so SIGTERM reaches the service.
      expect(s.build ?? s.image).toBeDefined();
    }
    expect(readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')).toMatch(
      /ENTRYPOINT \["node", "bin\/seizurewatch\.js"\]/,
    );
  });

  it('a worker can be scaled: no published port, no fixed container name', () => {
    const worker = services.worker!;
    expect(worker.ports ?? []).toEqual([]);
    expect(worker.container_name).toBeUndefined();
    // Only the api publishes a port (the roles without HTTP have nothing to publish).
    for (const [name, s] of serveServices) {
      if (roleOf(s) !== 'api' && roleOf(s) !== 'all') expect(s.ports ?? [], name).toEqual([]);
    }
  });

  it('every serve service points at the compose Redis and PostgreSQL, and waits for them healthy', () => {
    const pg = services.postgres!;
    const pgEnv = pg.environment ?? {};
    for (const [name, s] of serveServices) {
      const env = s.environment ?? {};
      const redis = new URL(expand(env.REDIS_URL ?? ''));
      expect(redis.protocol, name).toBe('redis:');
      expect(
        services[redis.hostname],
        `${name}: REDIS_URL host ${redis.hostname} is a service`,
      ).toBeDefined();
      expect(redis.port).toBe('6379');
      const db = new URL(expand(env.DATABASE_URL ?? ''));
      expect(db.protocol, name).toBe('postgres:');
      expect(db.hostname).toBe('postgres');
      expect(db.username).toBe(expand(pgEnv.POSTGRES_USER ?? 'postgres'));
      expect(decodeURIComponent(db.password)).toBe(expand(pgEnv.POSTGRES_PASSWORD ?? ''));
      expect(db.pathname).toBe(`/${expand(pgEnv.POSTGRES_DB ?? 'postgres')}`);
      for (const dep of [redis.hostname, db.hostname]) {
        expect(s.depends_on?.[dep]?.condition, `${name} depends on ${dep} healthy`).toBe('service_healthy');
        expect(services[dep]!.healthcheck?.test?.length, `${dep} has a health check`).toBeGreaterThan(0);
      }
      for (const dep of Object.keys(s.depends_on ?? {})) expect(services[dep], dep).toBeDefined();
    }
  });

  it('the api publishes the configured port, on loopback, with the token the config requires', () => {
    const api = services.api!;
    const config = loadConfig(path.join(ROOT, String(flags(api.command!).get('--config'))));
    const port = config.service.http.port;
    expect(api.ports).toEqual([`127.0.0.1:${port}:${port}`]);
    // Beyond loopback inside the container: the token variable must be set (compose refuses without).
    expect(config.service.http.host).toBe('0.0.0.0');
    expect(api.environment?.[config.service.http.tokenEnv]).toMatch(/^\$\{\w+:\?/);
    expect(api.healthcheck?.test?.join(' ')).toContain(`127.0.0.1:${port}/readyz`);
  });

  it('roles without HTTP do not inherit the image health check of :8787', () => {
    for (const [name, s] of serveServices) {
      if (roleOf(s) === 'api' || roleOf(s) === 'all') continue;
      expect(s.healthcheck?.disable, name).toBe(true);
    }
  });

  it('shares one data volume (the NDJSON output) and declares every named volume', () => {
    const declared = new Set(Object.keys(compose.volumes ?? {}));
    for (const [name, s] of Object.entries(services)) {
      for (const v of s.volumes ?? []) {
        const source = v.split(':')[0]!;
        if (!source.startsWith('.') && !source.startsWith('/'))
          expect(declared, `${name}: volume ${source}`).toContain(source);
      }
    }
    const config = loadConfig(path.join(ROOT, 'config/docker.yaml'));
    for (const [name, s] of serveServices) {
      const data = (s.volumes ?? []).find((v) => v.endsWith(':/app/data'));
      expect(data, name).toBe('seizurewatch-data:/app/data');
    }
    // Relative paths in the config resolve against the working directory (/app in the image):
    // the output lands in /app/data, the shared volume.
    expect(path.relative(process.cwd(), config.output.ndjson)).toMatch(/^data\//);
  });
});
