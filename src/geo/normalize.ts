/**
 * Lookup keys for place names: lower case, diacritics folded, apostrophes and dots dropped,
 * hyphens and runs of spaces made one space. "Cádiz" and "Cadiz", "St. Louis" and "St Louis",
 * "Castilla-La Mancha" and "Castilla La Mancha" share a key.
 */
export function placeKey(name: string): string {
  // Fast path for the common case (plain ASCII letters and single spaces): the gazetteer
  // build calls this 170k times.
  if (/^[A-Za-z]+(?: [A-Za-z]+)*$/.test(name)) return name.toLowerCase();
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’'`.]/g, '')
    .replace(/[-‐–—_/]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
