/**
 * SSRF guard: only public unicast addresses may be connected to. Checked twice: on a literal IP
 * in the URL (every redirect hop), and on every address DNS returns, at connect time, through a
 * custom `lookup` given to the socket (so a name that resolves to 127.0.0.1, or changes its
 * answer between a check and the connect, is still refused).
 */

import type { LookupAddress, LookupOptions } from 'node:dns';
import dns from 'node:dns';
import net from 'node:net';
import ipaddr from 'ipaddr.js';
import { FetchError } from '../errors.ts';

/**
 * Why an address is not public (`loopback`, `private`, `linkLocal`, `uniqueLocal`,
 * `carrierGradeNat`, `reserved`, `multicast`, `unspecified`, `rfc6052` ...), or null when it
 * is a public unicast address. IPv4-mapped IPv6 addresses are judged as the IPv4 inside.
 */
export function blockedRange(address: string): string | null {
  let ip: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    ip = ipaddr.parse(address.replace(/^\[|\]$/g, '').replace(/%.*$/, ''));
  } catch {
    return 'invalid';
  }
  if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) {
    ip = (ip as ipaddr.IPv6).toIPv4Address();
  }
  const range = ip.range();
  return range === 'unicast' ? null : range;
}

export function blockedAddressError(host: string, address: string, range: string): FetchError {
  return new FetchError(
    'FETCH_BLOCKED_ADDRESS',
    `refused to connect to ${host} (${address}): ${range} address (set fetch.allowPrivateNetworks to allow)`,
    { retryable: false, details: { host, address, range } },
  );
}

/** Throw FETCH_BLOCKED_ADDRESS when the URL's host is a literal non-public IP. */
export function assertPublicLiteral(url: URL): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (net.isIP(host) === 0) return;
  const range = blockedRange(host);
  if (range) throw blockedAddressError(host, host, range);
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A drop-in for `dns.lookup` that drops non-public addresses and fails with
 * FETCH_BLOCKED_ADDRESS when none is left. Works for `all: true` (used by Happy Eyeballs) and
 * single-address callers.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOptions | number,
  callback: LookupCallback,
): void {
  const opts: LookupOptions = typeof options === 'number' ? { family: options } : { ...options };
  dns.lookup(hostname, { ...opts, all: true }, (err, addresses) => {
    if (err) {
      callback(err, opts.all ? [] : '', undefined);
      return;
    }
    const allowed = addresses.filter((a) => blockedRange(a.address) === null);
    if (allowed.length === 0) {
      const first = addresses[0];
      const e = blockedAddressError(
        hostname,
        first?.address ?? '?',
        first ? (blockedRange(first.address) ?? '?') : '?',
      );
      callback(e as unknown as NodeJS.ErrnoException, opts.all ? [] : '', undefined);
      return;
    }
    if (opts.all) callback(null, allowed);
    else callback(null, allowed[0]!.address, allowed[0]!.family);
  });
}
