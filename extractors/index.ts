/**
 * The registry of site extractors: an explicit list, one line per site. Adding a site is one
 * file in extractors/, one line here and one fixture folder under
 * tests/fixtures/extractors/<site>/. Two extractors claiming one host fail at start.
 */
import { aljazeera } from './aljazeera.ts';
import { apnews } from './apnews.ts';
import { bbc } from './bbc.ts';
import { cnn } from './cnn.ts';
import { dw } from './dw.ts';
import { elpais } from './elpais.ts';
import { euronews } from './euronews.ts';
import { guardian } from './guardian.ts';
import { nieuwsblad } from './nieuwsblad.ts';
import { nytimes } from './nytimes.ts';
import { reuters } from './reuters.ts';
import type { SiteExtractor } from './types.ts';
import { voa } from './voa.ts';
import { washingtonpost } from './washingtonpost.ts';

export const EXTRACTORS: readonly SiteExtractor[] = [
  dw,
  bbc,
  guardian,
  reuters,
  apnews,
  aljazeera,
  euronews,
  elpais,
  nieuwsblad,
  voa,
  washingtonpost,
  cnn,
  nytimes,
];

/** host -> extractor; throws on a host claimed twice or an id used twice. */
export function buildHostIndex(extractors: readonly SiteExtractor[]): Map<string, SiteExtractor> {
  const index = new Map<string, SiteExtractor>();
  const ids = new Set<string>();
  for (const ex of extractors) {
    if (!/^[a-z0-9-]+$/.test(ex.id)) throw new Error(`extractor id "${ex.id}" is not [a-z0-9-]`);
    if (ids.has(ex.id)) throw new Error(`extractor id "${ex.id}" is registered twice`);
    ids.add(ex.id);
    for (const raw of ex.hosts) {
      const host = raw.toLowerCase().replace(/^www\./, '');
      const other = index.get(host);
      if (other) throw new Error(`host "${host}" is claimed by both "${other.id}" and "${ex.id}"`);
      index.set(host, ex);
    }
  }
  return index;
}

const HOSTS = buildHostIndex(EXTRACTORS);

/** The extractor for a host or any of its parent domains (`amp.dw.com` -> `dw.com`), or null. */
export function extractorForHost(
  host: string | null,
  index: Map<string, SiteExtractor> = HOSTS,
): SiteExtractor | null {
  if (!host) return null;
  let h = host
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  while (h.includes('.')) {
    const ex = index.get(h);
    if (ex) return ex;
    h = h.slice(h.indexOf('.') + 1);
  }
  return null;
}
