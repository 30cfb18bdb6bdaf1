/**
 * Canonical article URLs: the page's own rel=canonical / og:url, absolute, with tracking
 * parameters and the fragment removed, so that the same article always hashes to the same id.
 */

/** Query parameters that only track a click and never select content. */
const TRACKING_PARAM =
  /^(utm_\w+|at_\w+|maca|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_ga|igshid|ocid|cmpid|ito|wt_mc|wt_zmc|ns_\w+|xtor|smid|partner|cid|ref|ref_src|taid|guccounter|srcref|mod|s_cid|icid|campaign_id|ftag|sh)$/i;

/**
 * Resolves `raw` against `base`, drops tracking parameters and the fragment. Returns null for
 * anything that is not an absolute http(s) URL.
 */
export function canonicalizeUrl(raw: string | null | undefined, base?: string | null): string | null {
  if (!raw) return null;
  const trimmed = raw.trim();
  if (!trimmed || trimmed.length > 4096) return null;
  let url: URL;
  try {
    url = base ? new URL(trimmed, safeBase(base)) : new URL(trimmed);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (!url.hostname) return null;
  url.hash = '';
  const keep: Array<[string, string]> = [];
  for (const [k, v] of url.searchParams) {
    if (!TRACKING_PARAM.test(k)) keep.push([k, v]);
  }
  if (keep.length !== [...url.searchParams].length) {
    url.search = keep.length ? `?${new URLSearchParams(keep).toString()}` : '';
  }
  return url.toString();
}

function safeBase(base: string): string | undefined {
  try {
    return new URL(base).toString();
  } catch {
    return undefined;
  }
}

/** Lower-case host name of a URL without a leading `www.`, or null. */
export function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}
