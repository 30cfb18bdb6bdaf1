/**
 * SSRF guard: only public unicast addresses may be connected to. Checked twice: on a literal IP
 * in the URL (every redirect hop), and on every address DNS returns, at connect time, through a
 * custom `lookup` given to the socket (so a name that resolves to 127.0.0.1, or changes its
 * answer between a check and the connect, is still refused).
 *
 * IPv6 addresses that carry an IPv4 address the traffic is delivered to are judged by that
 * IPv4 address: IPv4-mapped (`::ffff:a.b.c.d`), IPv4-translated (`::ffff:0:a.b.c.d`),
 * IPv4-compatible (`::a.b.c.d`, e.g. `::7f00:1`), NAT64 (`64:ff9b::/96`, and the local-use
 * `64:ff9b:1::/48`, read at every prefix length it allows), 6to4 (`2002:AABB:CCDD::/48`) and
 * Teredo (`2001:0:SSSS:SSSS:…:CCCC:CCCC`: the server, and the client, whose address is the
 * bitwise NOT of the last 32 bits). Every IPv4 address such a form may stand for must be
 * public.
 *
 * `fetch.allowHosts` lets named hosts and address ranges through without turning the guard
 * off: a host name entry admits whatever that name resolves to; an address or CIDR entry
 * admits those addresses under any name. Every other hop, redirects included, is judged as
 * before.
 */

import type { LookupAddress, LookupOptions } from 'node:dns';
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from '../errors.ts';

type Ip = ipaddr.IPv4 | ipaddr.IPv6;

/** An IPv4 address inside an IPv6 one, and the form that puts it there. */
export interface EmbeddedIPv4 {
  form: string;
  address: ipaddr.IPv4;
}

function v4At(bytes: number[], at: number[]): ipaddr.IPv4 {
  return new ipaddr.IPv4(at.map((i) => bytes[i]!));
}

/**
 * The IPv4 addresses an IPv6 address may deliver to, with the form (empty for an address of no
 * such form). NAT64's local-use prefix may embed at /48, /56, /64 or /96 (RFC 6052 section 2.2,
 * bits 64..71 skipped): all four readings are returned, and each must pass.
 */
export function embeddedIPv4(ip: ipaddr.IPv6): EmbeddedIPv4[] {
  const b = ip.toByteArray();
  const p = ip.parts;
  const last32 = [12, 13, 14, 15];
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && p[5] === 0xffff) return [{ form: 'IPv4-mapped', address: v4At(b, last32) }];
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) {
    return [{ form: 'IPv4-translated', address: v4At(b, last32) }];
  }
  // ::/96 but for :: and ::1, which are judged as what they are (unspecified, loopback).
  if (zero(0, 6) && !(p[6] === 0 && p[7]! <= 1)) {
    return [{ form: 'IPv4-compatible', address: v4At(b, last32) }];
  }
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) {
    return [{ form: 'NAT64 (64:ff9b::/96)', address: v4At(b, last32) }];
  }
  if (p[0] === 0x64 && p[1] === 0xff9b && p[2] === 1) {
    const form = 'NAT64 local-use (64:ff9b:1::/48)';
    return [[6, 7, 9, 10], [7, 9, 10, 11], [9, 10, 11, 12], last32].map((at) => ({
      form,
      address: v4At(b, at),
    }));
  }
  if (p[0] === 0x2002) return [{ form: '6to4 (2002::/16)', address: v4At(b, [2, 3, 4, 5]) }];
  if (p[0] === 0x2001 && p[1] === 0) {
    const form = 'Teredo (2001::/32)';
    return [
      { form, address: v4At(b, [4, 5, 6, 7]) },
      { form, address: new ipaddr.IPv4(last32.map((i) => ~b[i]! & 0xff)) },
    ];
  }
  return [];
}

/** Why an address may not be connected to, or null when it may. */
export interface Refusal {
  /** The range of the refused address (`loopback`, `private` ...; of the IPv4 inside, if any). */
  range: string;
  /** For an IPv4 address inside an IPv6 one: which address, in which form. */
  embedded?: { form: string; address: string };
}

function parseIp(address: string): Ip | null {
  try {
    return ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return null;
  }
}

/** The allowed part of `fetch.allowHosts`: names (lower case, no final dot) and ranges. */
export interface AllowList {
  names: ReadonlySet<string>;
  ranges: ReadonlyArray<[Ip, number]>;
}

const NO_ALLOW: AllowList = { names: new Set(), ranges: [] };
const HOST_NAME =
  /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function normalizeName(host: string): string {
  return host.toLowerCase().replace(/\.$/, '');
}

function isIpLiteral(text: string): boolean {
  return ipaddr.IPv4.isValidFourPartDecimal(text) || ipaddr.IPv6.isValid(text);
}

/** `10.1.2.0/24`, `fd12::/48`, or one address (as /32 or /128); a problem when it is no range. */
function parseRange(
  raw: string,
  address: string,
  prefix: string | null,
): { range: [Ip, number] } | { problem: string } {
  let ip: Ip;
  let bits: number;
  if (prefix === null) {
    ip = ipaddr.parse(address);
    bits = ip.kind() === 'ipv4' ? 32 : 128;
  } else {
    if (!/^\d{1,3}$/.test(prefix)) return { problem: `"${raw}": the prefix length after / must be a number` };
    try {
      [ip, bits] = ipaddr.parseCIDR(`${address}/${prefix}`);
    } catch {
      const max = ipaddr.IPv4.isValidFourPartDecimal(address) ? 32 : 128;
      return { problem: `"${raw}": the prefix length must be 1 to ${max}` };
    }
  }
  if (bits === 0) {
    return { problem: `"${raw}" admits every address: set fetch.allowPrivateNetworks: true instead` };
  }
  const network =
    ip.kind() === 'ipv4'
      ? ipaddr.IPv4.networkAddressFromCIDR(`${ip.toString()}/${bits}`)
      : ipaddr.IPv6.networkAddressFromCIDR(`${ip.toString()}/${bits}`);
  if (network.toString() !== ip.toString()) {
    return { problem: `"${raw}" has host bits set: did you mean ${network.toString()}/${bits}?` };
  }
  return { range: [ip, bits] };
}

/** One `fetch.allowHosts` entry, or the reason it is not one. */
export function parseAllowEntry(
  raw: string,
): { name: string } | { range: [Ip, number] } | { problem: string } {
  const entry = raw.trim();
  if (!entry) return { problem: 'empty entry' };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || /[?#@\s]/.test(entry)) {
    return {
      problem: `"${raw}" is not a host: give a host name, an IP address or a CIDR (feeds.example.org, 10.1.2.0/24)`,
    };
  }
  const slash = entry.indexOf('/');
  const address = (slash === -1 ? entry : entry.slice(0, slash)).replace(/^\[(.*)\]$/, '$1');
  if (isIpLiteral(address)) return parseRange(raw, address, slash === -1 ? null : entry.slice(slash + 1));
  if (slash !== -1) return { problem: `"${raw}" is not a CIDR: ${address} is not an IP address` };
  if (/^[^:]+:\d+$/.test(entry)) return { problem: `"${raw}": give the host without a port` };
  if (entry.includes(':') || /^[\d.]+$/.test(entry)) return { problem: `"${raw}" is not a valid IP address` };
  const name = normalizeName(entry);
  if (!HOST_NAME.test(name)) return { problem: `"${raw}" is not a valid host name` };
  return { name };
}

/** The problems of a whole `fetch.allowHosts` list, with each entry's index. */
export function allowHostsProblems(entries: readonly string[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  entries.forEach((e, index) => {
    const parsed = parseAllowEntry(e);
    if ('problem' in parsed) problems.push({ index, message: parsed.problem });
  });
  return problems;
}

/** Build the allow list; throws on an invalid entry (the config schema reports them first). */
export function parseAllowHosts(entries: readonly string[]): AllowList {
  const names = new Set<string>();
  const ranges: Array<[Ip, number]> = [];
  for (const e of entries) {
    const parsed = parseAllowEntry(e);
    if ('problem' in parsed) throw new Error(`fetch.allowHosts: ${parsed.problem}`);
    if ('name' in parsed) names.add(parsed.name);
    else ranges.push(parsed.range);
  }
  return { names, ranges };
}

function inRanges(ip: Ip, allow: AllowList): boolean {
  return allow.ranges.some(([net, bits]) => net.kind() === ip.kind() && ip.match(net, bits));
}

/** Judge one parsed address against the ranges and the allow list's CIDRs. */
function judge(ip: Ip, allow: AllowList): Refusal | null {
  if (inRanges(ip, allow)) return null;
  if (ip.kind() === 'ipv6') {
    const embedded = embeddedIPv4(ip as ipaddr.IPv6);
    if (embedded.length > 0) {
      for (const e of embedded) {
        const r = judge(e.address, allow);
        if (r) return { range: r.range, embedded: { form: e.form, address: e.address.toString() } };
      }
      return null;
    }
  }
  const range = ip.range();
  return range === 'unicast' ? null : { range };
}

/**
 * Why `address` may not be connected to for `host`, or null when it may: `host` named in the
 * allow list admits any address; an address in an allowed range is admitted under any name.
 */
export function refusal(host: string, address: string, allow: AllowList = NO_ALLOW): Refusal | null {
  if (allow.names.size > 0 && allow.names.has(normalizeName(host.replace(/^\[|\]$/g, '')))) return null;
  const ip = parseIp(address);
  if (!ip) return { range: 'invalid' };
  return judge(ip, allow);
}

/**
 * Why an address is not public (`loopback`, `private`, `linkLocal`, `uniqueLocal`,
 * `carrierGradeNat`, `reserved`, `multicast`, `unspecified` ...), or null when it is a public
 * unicast address. An IPv6 address that carries an IPv4 address is judged by that address.
 */
export function blockedRange(address: string): string | null {
  return refusal('', address)?.range ?? null;
}

export function blockedAddressError(host: string, address: string, why: Refusal): FetchError {
  const inside = why.embedded
    ? ` (the IPv4 address ${why.embedded.address} inside, ${why.embedded.form})`
    : '';
  return new FetchError(
    'FETCH_BLOCKED_ADDRESS',
    `refused to connect to ${host} (${address}): ${why.range} address${inside}; list it in fetch.allowHosts, or set fetch.allowPrivateNetworks: true, to allow`,
    {
      retryable: false,
      details: { host, address, range: why.range, ...(why.embedded ? { embedded: why.embedded } : {}) },
    },
  );
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

type LookupAll = (
  hostname: string,
  options: LookupOptions & { all: true },
  callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void,
) => void;

/** The guard for one client: its allow list, applied to literal URLs and to DNS answers. */
export interface AddressGuard {
  readonly allow: AllowList;
  /** Throw FETCH_BLOCKED_ADDRESS when the URL's host is a literal IP that may not be reached. */
  assertLiteral(url: URL): void;
  /**
   * A drop-in for `dns.lookup` that drops the addresses that may not be reached and fails with
   * FETCH_BLOCKED_ADDRESS when none is left. Works for `all: true` (used by Happy Eyeballs) and
   * single-address callers.
   */
  lookup(hostname: string, options: LookupOptions | number, callback: LookupCallback): void;
}

/**
 * A guard admitting what `allowHosts` names (`fetch.allowHosts`, validated by the config
 * schema). `resolve` stands in for `dns.lookup` in tests.
 */
export function createAddressGuard(
  allowHosts: readonly string[] = [],
  resolve: LookupAll = dns.lookup as unknown as LookupAll,
): AddressGuard {
  const allow = allowHosts.length ? parseAllowHosts(allowHosts) : NO_ALLOW;
  return {
    allow,
    assertLiteral(url: URL): void {
      const host = url.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host) === 0) return;
      const why = refusal(host, host, allow);
      if (why) throw blockedAddressError(host, host, why);
    },
    lookup(hostname, options, callback): void {
      const opts: LookupOptions = typeof options === 'number' ? { family: options } : { ...options };
      resolve(hostname, { ...opts, all: true }, (err, addresses) => {
        if (err) {
          callback(err, opts.all ? [] : '', undefined);
          return;
        }
        const allowed = addresses.filter((a) => refusal(hostname, a.address, allow) === null);
        if (allowed.length === 0) {
          const first = addresses[0];
          const why = first ? refusal(hostname, first.address, allow) : null;
          const e = blockedAddressError(hostname, first?.address ?? '?', why ?? { range: '?' });
          callback(e as unknown as NodeJS.ErrnoException, opts.all ? [] : '', undefined);
          return;
        }
        if (opts.all) callback(null, allowed);
        else callback(null, allowed[0]!.address, allowed[0]!.family);
      });
    },
  };
}
