import { createHash } from 'node:crypto';

/** Record id: the first 16 hex digits of the SHA-256 of the canonical URL. */
export function recordId(canonicalUrl: string): string {
  return createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 16);
}
