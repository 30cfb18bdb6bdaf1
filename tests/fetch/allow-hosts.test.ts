/**
 * The SSRF guard on real connections: IPv6 literals that carry a loopback IPv4 address are
 * refused before connecting; `fetch.allowHosts` lets one local server in while the guard stays
 * on, for the client and for `seizurewatch scan` as a process, and a redirect from the allowed
 * host to an address it does not cover is still refused.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { type GoldenServer, startGoldenServer } from '../../src/demo/golden-server.ts';
import { type FetchConfig, FetchConfigSchema } from '../../src/fetch/config.ts';
import { HttpClient } from '../../src/fetch/http-client.ts';
import { parseNdjson } from '../../src/sinks/ndjson.ts';
import { failure } from '../helpers/failure.ts';
import { startTestServer, type TestServer } from '../helpers/http-server.ts';
import { ROOT } from '../helpers/paths.ts';

const closers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c.close()));
});

async function server(routes: Parameters<typeof startTestServer>[0]): Promise<TestServer> {
  const s = await startTestServer(routes);
  closers.push(s);
  return s;
}

/** A client with the guard on (allowPrivateNetworks: false) and this allow list. */
function guarded(allowHosts: string[], over: Partial<FetchConfig> = {}): HttpClient {
  const c = new HttpClient(
    FetchConfigSchema.parse({ allowPrivateNetworks: false, allowHosts, minHostGapMs: 0, ...over }),
  );
  closers.push(c);
  return c;
}

describe('IPv6 literals carrying a loopback IPv4 address', () => {
  it('are refused before connecting, whatever the form', async () => {
    const srv = await server({ '/x': { body: 'secret' } });
    const c = guarded([]);
    for (const host of [
      '[::7f00:1]',
      '[::127.0.0.1]',
      '[::ffff:7f00:1]',
      '[::ffff:0:7f00:1]',
      '[64:ff9b::7f00:1]',
      '[64:ff9b:1:808:8:808:7f00:1]',
      '[2002:7f00:1::1]',
      '[2001:0:4136:e378:8000:63bf:80ff:fffe]',
    ]) {
      const err = await failure(c.get(`http://${host}:${srv.port}/x`));
      expect(err.code, host).toBe('FETCH_BLOCKED_ADDRESS');
      expect(err.message, host).toMatch(/loopback address \(the IPv4 address 127\.0\.0\.1 inside/);
    }
    expect(srv.requests).toHaveLength(0);
  });
});

describe('fetch.allowHosts with the guard on', () => {
  it('reaches a local server only because its name is listed', async () => {
    const srv = await server({ '/feed.xml': { body: '<rss/>' } });
    const url = `http://localhost:${srv.port}/feed.xml`;
    expect((await failure(guarded([]).get(url))).code).toBe('FETCH_BLOCKED_ADDRESS');
    expect((await failure(guarded(['feeds.intranet.example']).get(url))).code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(srv.requests).toHaveLength(0);
    const res = await guarded(['localhost']).get(url);
    expect(res.status).toBe(200);
    expect(res.body.toString()).toBe('<rss/>');
    expect(srv.requestsTo('/feed.xml')).toHaveLength(1);
  });

  it('reaches a local server by address when the address or its CIDR is listed', async () => {
    const srv = await server({ '/x': { body: 'ok' } });
    expect((await failure(guarded(['10.0.0.0/8']).get(`${srv.url}/x`))).code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(srv.requests).toHaveLength(0);
    for (const allow of ['127.0.0.1', '127.0.0.0/8']) {
      expect((await guarded([allow]).get(`${srv.url}/x`)).body.toString(), allow).toBe('ok');
      // Under any name that resolves there.
      expect((await guarded([allow]).get(`http://localhost:${srv.port}/x`)).body.toString(), allow).toBe(
        'ok',
      );
    }
  });

  it('still refuses a redirect from the allowed host to an address the list does not cover', async () => {
    const inner = await server({ '/admin': { body: 'internal' } });
    const srv = await server({
      '/to-ip': { status: 302, headers: { location: `${inner.url}/admin` } },
      '/to-mapped': { status: 301, headers: { location: `http://[::ffff:127.0.0.1]:${inner.port}/admin` } },
      '/to-compatible': { status: 307, headers: { location: `http://[::7f00:1]:${inner.port}/admin` } },
      '/to-v6-loopback': { status: 308, headers: { location: `http://[::1]:${inner.port}/admin` } },
      '/ok': { status: 302, headers: { location: '/end' } },
      '/end': { body: 'done' },
    });
    // Only the name is listed: 127.0.0.1 as a literal is another host.
    const byName = guarded(['localhost']);
    for (const p of ['/to-ip', '/to-mapped', '/to-compatible', '/to-v6-loopback']) {
      const err = await failure(byName.get(`http://localhost:${srv.port}${p}`));
      expect(err.code, p).toBe('FETCH_BLOCKED_ADDRESS');
    }
    // A redirect on the allowed host itself is followed.
    expect((await byName.get(`http://localhost:${srv.port}/ok`)).body.toString()).toBe('done');
    // The IPv4 range is listed: the IPv6 loopback is not in it, nor are the IPv6 forms of others.
    const byRange = guarded(['127.0.0.1/32']);
    const err = await failure(byRange.get(`${srv.url}/to-v6-loopback`));
    expect(err.code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(inner.requests).toHaveLength(0);
  });
});

describe('seizurewatch scan with fetch.allowHosts (CLI process)', () => {
  let golden: GoldenServer | undefined;
  afterEach(async () => {
    await golden?.close();
    golden = undefined;
  });

  function writeConfig(dir: string, allowHosts: string[]): string {
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      [
        'feeds:',
        '  - id: dw-golden',
        `    url: ${golden!.feedUrl}`,
        'output: { ndjson: out/records.ndjson }',
        'store: { dir: state }',
        'fetch:',
        '  allowPrivateNetworks: false',
        `  allowHosts: ${JSON.stringify(allowHosts)}`,
        '  minHostGapMs: 20',
        'log: { level: warn }',
        '',
      ].join('\n'),
    );
    return file;
  }

  async function scan(dir: string, config: string): Promise<{ code: number; stderr: string }> {
    try {
      const { stderr } = await promisify(execFile)(
        process.execPath,
        [path.join(ROOT, 'bin/seizurewatch.js'), 'scan', '--config', config],
        { cwd: dir, timeout: 110_000 },
      );
      return { code: 0, stderr };
    } catch (err) {
      const e = err as { code: number; stderr: string };
      return { code: e.code, stderr: e.stderr };
    }
  }

  it('stores the local feed with its host listed, and refuses it without', { timeout: 120_000 }, async () => {
    golden = await startGoldenServer();
    const refused = mkdtempSync(path.join(tmpdir(), 'sw-allow-hosts-scan-'));
    const r1 = await scan(refused, writeConfig(refused, []));
    expect(r1.code, r1.stderr).toBe(1); // every feed failed
    expect(r1.stderr).toMatch(/FETCH_BLOCKED_ADDRESS/);

    const allowed = mkdtempSync(path.join(tmpdir(), 'sw-allow-hosts-scan-'));
    const r2 = await scan(allowed, writeConfig(allowed, ['127.0.0.1']));
    expect(r2.code, r2.stderr).toBe(0);
    const { records } = parseNdjson(readFileSync(path.join(allowed, 'out/records.ndjson'), 'utf8'));
    expect(records).toHaveLength(2);
    expect(records.filter((r) => r.seizureStory)).toHaveLength(1);
  });
});
