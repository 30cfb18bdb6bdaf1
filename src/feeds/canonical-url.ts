/**
 * Canonical article URLs: the key items are deduplicated by and record ids are hashed from.
 * Tracking parameters are removed (the list is data: TRACKING_PARAMS / TRACKING_PREFIXES below),
 * the fragment is dropped, AMP variants are mapped to the normal page, the host is lower-cased
 * and default ports are dropped. Everything else (path, other parameters and their order) is
 * kept as given, because it can select a different page.
 */

/** Query parameters that only track the reader (lower case). */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  'maca', // DW feeds
  'fbclid',
  'gclid',
  'dclid',
  'gbraid',
  'wbraid',
  'msclkid',
  'yclid',
  'twclid',
  'igshid',
  'mc_cid',
  'mc_eid',
  '_ga',
  '_gl',
  'cmp', // Guardian share links (CMP=...)
  'cmpid',
  'ocid',
  'smid',
  'smtyp',
  'ito',
  'xtor',
  'ref_src',
  'rss', // ?rss=1 on feed links
  'feedtype',
  'mbid',
  'outputtype', // outputType=amp
  'amp',
  'spm',
  'wt_mc', // Webtrekk (heise)
  'wt_zmc',
]);

/** Parameter-name prefixes that only track the reader (lower case). */
export const TRACKING_PREFIXES: readonly string[] = [
  'utm_',
  'at_',
  'ns_',
  'pk_',
  'mtm_',
  'hsa_',
  'oly_',
  'vero_',
  'sc_',
];

export function isTrackingParam(name: string): boolean {
  const n = name.toLowerCase();
  return TRACKING_PARAMS.has(n) || TRACKING_PREFIXES.some((p) => n.startsWith(p));
}

/**
 * The canonical form of an article URL, or null when `raw` is not an absolute http(s) URL
 * (relative links are resolved against `base` first, when given).
 */
export function canonicalizeUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  url.hostname = url.hostname.toLowerCase().replace(/\.$/, '');
  if (url.hostname.startsWith('amp.')) url.hostname = `www.${url.hostname.slice(4)}`;
  // AMP paths: /amp/..., .../amp, ....amp (BBC)
  url.pathname = url.pathname
    .replace(/^\/amp\//, '/')
    .replace(/\/amp\/?$/, '/')
    .replace(/\.amp$/, '');
  const kept = [...url.searchParams].filter(([k]) => !isTrackingParam(k));
  if (kept.length !== [...url.searchParams].length) {
    url.search = kept.length ? `?${new URLSearchParams(kept).toString()}` : '';
  }
  let out = url.href;
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out;
}
