/**
 * The SSRF guard's judgement of addresses: IPv6 forms that carry an IPv4 address are judged by
 * it; `fetch.allowHosts` entries (names, addresses, CIDRs) parsed and validated with clear
 * errors, and applied to DNS answers at connect time. Real connections are in allow-hosts.test.ts.
 */
import type { LookupAddress } from 'node:dns';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { ConfigError, SeizurewatchError } from '../../src/errors.ts';
import { blockedRange, createAddressGuard, parseAllowHosts, refusal } from '../../src/fetch/address-guard.ts';

/** [address, range it is refused as (of the IPv4 inside), or null when it is public] */
const EMBEDDED: Array<[form: string, address: string, expected: string | null]> = [
  ['IPv4-compatible', '::7f00:1', 'loopback'],
  ['IPv4-compatible', '::127.0.0.1', 'loopback'],
  ['IPv4-compatible', '::a00:1', 'private'],
  ['IPv4-compatible', '::a9fe:a9fe', 'linkLocal'],
  ['IPv4-compatible', '::808:808', null],
  ['IPv4-mapped', '::ffff:127.0.0.1', 'loopback'],
  ['IPv4-mapped', '::ffff:7f00:1', 'loopback'],
  ['IPv4-mapped', '::ffff:192.168.1.1', 'private'],
  ['IPv4-mapped', '::ffff:100.64.0.1', 'carrierGradeNat'],
  ['IPv4-mapped', '::ffff:8.8.8.8', null],
  ['IPv4-translated', '::ffff:0:7f00:1', 'loopback'],
  ['IPv4-translated', '::ffff:0:808:808', null],
  ['NAT64 64:ff9b::/96', '64:ff9b::7f00:1', 'loopback'],
  ['NAT64 64:ff9b::/96', '64:ff9b::127.0.0.1', 'loopback'],
  ['NAT64 64:ff9b::/96', '64:ff9b::a9fe:a9fe', 'linkLocal'],
  ['NAT64 64:ff9b::/96', '64:ff9b::ac10:1', 'private'],
  ['NAT64 64:ff9b::/96', '64:ff9b::808:808', null],
  // Local-use NAT64: the IPv4 address may sit at /48, /56, /64 or /96; every reading must pass.
  ['NAT64 64:ff9b:1::/48 (/96 reading)', '64:ff9b:1:808:8:808:7f00:1', 'loopback'],
  ['NAT64 64:ff9b:1::/48 (/48 reading)', '64:ff9b:1:7f00:0:100::', 'loopback'],
  ['NAT64 64:ff9b:1::/48 (/64 reading)', '64:ff9b:1:808:a:0:108:808', 'private'],
  ['NAT64 64:ff9b:1::/48 (all public)', '64:ff9b:1:808:8:808:808:808', null],
  ['6to4', '2002:7f00:1::', 'loopback'],
  ['6to4', '2002:c0a8:101::1', 'private'],
  ['6to4', '2002:a9fe:a9fe::1', 'linkLocal'],
  ['6to4', '2002:808:808::1', null],
  // Teredo: server 65.54.227.120 (4136:e378); client = NOT of the last 32 bits.
  ['Teredo (client 127.0.0.1)', '2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'],
  ['Teredo (client 10.0.0.1)', '2001:0:4136:e378:8000:63bf:f5ff:fffe', 'private'],
  ['Teredo (client 8.8.8.8)', '2001:0:4136:e378:8000:63bf:f7f7:f7f7', null],
  ['Teredo (server 10.0.0.1)', '2001:0:a00:1:8000:63bf:f7f7:f7f7', 'private'],
];

describe('IPv6 addresses that carry an IPv4 address are judged by it', () => {
  it.each(EMBEDDED)('%s %s -> %s', (_form, address, expected) => {
    expect(blockedRange(address)).toBe(expected);
    expect(blockedRange(`[${address}]`)).toBe(expected);
  });

  it('names the IPv4 address and the form in the refusal', () => {
    expect(refusal('h', '::7f00:1')).toEqual({
      range: 'loopback',
      embedded: { form: 'IPv4-compatible', address: '127.0.0.1' },
    });
    expect(refusal('h', '2001:0:4136:e378:8000:63bf:80ff:fffe')?.embedded).toEqual({
      form: 'Teredo (2001::/32)',
      address: '127.0.0.1',
    });
  });

  it('still judges the other IPv6 and IPv4 ranges as before', () => {
    for (const [address, range] of [
      ['::1', 'loopback'],
      ['::', 'unspecified'],
      ['fe80::1%eth0', 'linkLocal'],
      ['fd00::1', 'uniqueLocal'],
      ['ff02::1', 'multicast'],
      ['2001:db8::1', 'reserved'],
      ['100::1', 'discard'],
      ['127.0.0.1', 'loopback'],
      ['169.254.169.254', 'linkLocal'],
      ['0.0.0.0', 'unspecified'],
      ['not-an-ip', 'invalid'],
    ] as const) {
      expect(blockedRange(address), address).toBe(range);
    }
    expect(blockedRange('2a00:1450:4001:81b::200e')).toBeNull();
    expect(blockedRange('93.184.216.34')).toBeNull();
  });
});

describe('fetch.allowHosts', () => {
  it('admits a named host at any address, and only that name', () => {
    const allow = parseAllowHosts(['Feeds.Intranet.Example.']);
    expect(refusal('feeds.intranet.example', '10.1.2.3', allow)).toBeNull();
    expect(refusal('FEEDS.intranet.example.', '::1', allow)).toBeNull();
    expect(refusal('other.intranet.example', '10.1.2.3', allow)?.range).toBe('private');
  });

  it('admits the addresses of a CIDR or an address under any name, v4 and v6', () => {
    const allow = parseAllowHosts(['10.20.0.0/16', '192.168.7.7', 'fd12:3456::/48', '[fd00::5]']);
    expect(refusal('any.example', '10.20.255.1', allow)).toBeNull();
    expect(refusal('any.example', '10.21.0.1', allow)?.range).toBe('private');
    expect(refusal('any.example', '192.168.7.7', allow)).toBeNull();
    expect(refusal('any.example', '192.168.7.8', allow)?.range).toBe('private');
    expect(refusal('any.example', 'fd12:3456:0:ffff::1', allow)).toBeNull();
    expect(refusal('any.example', 'fd12:3457::1', allow)?.range).toBe('uniqueLocal');
    expect(refusal('any.example', 'fd00::5', allow)).toBeNull();
    // An allowed IPv4 address is allowed in the IPv6 forms that carry it, and only it.
    expect(refusal('any.example', '::ffff:10.20.1.1', allow)).toBeNull();
    expect(refusal('any.example', '64:ff9b::a14:101', allow)).toBeNull();
    expect(refusal('any.example', '::ffff:10.21.1.1', allow)?.range).toBe('private');
    // Other non-public ranges stay refused.
    expect(refusal('any.example', '127.0.0.1', allow)?.range).toBe('loopback');
    expect(refusal('any.example', '::7f00:1', allow)?.range).toBe('loopback');
  });

  it('reports every bad entry at once with its index and what to write instead', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-allow-hosts-'));
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      [
        'feeds: [{ id: a, url: "https://example.org/feed" }]',
        'output: { ndjson: o.ndjson }',
        'store: { dir: d }',
        'fetch:',
        '  allowHosts:',
        '    - feeds.intranet.example', // 0 ok
        '    - https://feeds.example.org/rss', // 1
        '    - 10.1.2.3/24', // 2
        '    - 0.0.0.0/0', // 3
        '    - fd12:3456::/48', // 4 ok
        '    - feeds.local:8080', // 5
        '    - 10.0.0.0/33', // 6
        '    - 999.1.1.1', // 7
        '    - "-bad-.example"', // 8
        '    - ""', // 9
        '    - "::/0"', // 10
        '    - 10.0.0.0/x', // 11
        '    - fd00::1/64', // 12
      ].join('\n'),
    );
    let error: unknown;
    try {
      loadConfig(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.message]));
    expect(Object.keys(byPath).sort()).toEqual(
      [1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12].map((i) => `fetch.allowHosts[${i}]`).sort(),
    );
    expect(byPath['fetch.allowHosts[1]']).toMatch(/not a host: give a host name, an IP address or a CIDR/);
    expect(byPath['fetch.allowHosts[2]']).toMatch(/host bits set: did you mean 10\.1\.2\.0\/24\?/);
    expect(byPath['fetch.allowHosts[3]']).toMatch(/admits every address: set fetch\.allowPrivateNetworks/);
    expect(byPath['fetch.allowHosts[5]']).toMatch(/without a port/);
    expect(byPath['fetch.allowHosts[6]']).toMatch(/prefix length must be 1 to 32/);
    expect(byPath['fetch.allowHosts[7]']).toMatch(/not a valid IP address/);
    expect(byPath['fetch.allowHosts[8]']).toMatch(/not a valid host name/);
    expect(byPath['fetch.allowHosts[9]']).toMatch(/empty/);
    expect(byPath['fetch.allowHosts[10]']).toMatch(/admits every address/);
    expect(byPath['fetch.allowHosts[11]']).toMatch(/prefix length after \/ must be a number/);
    expect(byPath['fetch.allowHosts[12]']).toMatch(/did you mean fd00::\/64\?/);
  });

  it('defaults to an empty list', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sw-allow-hosts-'));
    const file = path.join(dir, 'config.yaml');
    writeFileSync(
      file,
      'feeds: [{ id: a, url: "https://example.org/feed" }]\noutput: { ndjson: o.ndjson }\nstore: { dir: d }\n',
    );
    expect(loadConfig(file).fetch.allowHosts).toEqual([]);
  });
});

describe('the connect-time lookup', () => {
  /** A stand-in resolver: fixed answers per name. */
  function resolver(answers: Record<string, string[]>) {
    return (
      hostname: string,
      _options: unknown,
      callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
    ) => {
      const list = answers[hostname] ?? [];
      callback(
        null,
        list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
      );
    };
  }

  function lookup(
    guard: ReturnType<typeof createAddressGuard>,
    host: string,
  ): Promise<{ err: SeizurewatchError | null; addresses: LookupAddress[] }> {
    return new Promise((resolve) => {
      guard.lookup(host, { all: true }, (err, addresses) =>
        resolve({ err: err as unknown as SeizurewatchError | null, addresses: addresses as LookupAddress[] }),
      );
    });
  }

  const answers = {
    'sneaky.example': ['::7f00:1', '64:ff9b::a9fe:a9fe', '2002:a00:1::1', '::ffff:10.0.0.1'],
    'mixed.example': ['64:ff9b::7f00:1', '93.184.216.34'],
    'feeds.intranet.example': ['10.9.8.7', 'fd00::7'],
  };

  it('refuses a name whose every answer is an IPv6 form carrying a non-public IPv4 address', async () => {
    const { err } = await lookup(createAddressGuard([], resolver(answers)), 'sneaky.example');
    expect(err).toBeInstanceOf(SeizurewatchError);
    expect(err?.code).toBe('FETCH_BLOCKED_ADDRESS');
    expect(err?.message).toMatch(
      /::7f00:1\): loopback address \(the IPv4 address 127\.0\.0\.1 inside, IPv4-compatible\)/,
    );
    expect(err?.message).toMatch(/fetch\.allowHosts/);
  });

  it('keeps only the public answers', async () => {
    const { err, addresses } = await lookup(createAddressGuard([], resolver(answers)), 'mixed.example');
    expect(err).toBeNull();
    expect(addresses.map((a) => a.address)).toEqual(['93.184.216.34']);
  });

  it('passes every answer of an allowed name, and nothing more for other names', async () => {
    const guard = createAddressGuard(['feeds.intranet.example'], resolver(answers));
    const ok = await lookup(guard, 'feeds.intranet.example');
    expect(ok.err).toBeNull();
    expect(ok.addresses.map((a) => a.address)).toEqual(['10.9.8.7', 'fd00::7']);
    expect((await lookup(guard, 'sneaky.example')).err?.code).toBe('FETCH_BLOCKED_ADDRESS');
  });

  it('passes the answers inside an allowed CIDR only', async () => {
    const guard = createAddressGuard(['fd00::/64'], resolver(answers));
    const { addresses } = await lookup(guard, 'feeds.intranet.example');
    expect(addresses.map((a) => a.address)).toEqual(['fd00::7']);
  });
});
