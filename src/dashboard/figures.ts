/**
 * Where a seizure figure goes on the map, and how it reads in one line. A figure is drawn at
 * the coordinates of the record's place of the same name; a country-level figure ("123 t in
 * Belgium") at the country's representative point (world-countries), marked approximate;
 * figures for regions ("Europe", "the Caribbean") and places without coordinates are not drawn.
 */
import { figureSummary } from '../alerts/alert.ts';
import { countryIndex } from '../geo/countries.ts';
import type { ArticleRecord, Seizure } from '../types.ts';

export interface FigurePosition {
  lat: number;
  lon: number;
  /** At the country's centre, not at a named place. */
  approx: boolean;
}

function norm(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .trim();
}

export function figurePosition(seizure: Seizure, places: ArticleRecord['places']): FigurePosition | null {
  // Europe as a whole, or a region without a country (the Caribbean), is an area, not a point.
  if (seizure.country === 'EU') return null;
  if (seizure.location) {
    const want = norm(seizure.location);
    const exact = places.find((p) => norm(p.name) === want);
    const place = exact ?? places.find((p) => p.lat !== undefined && want.includes(norm(p.name)));
    if (place && place.lat !== undefined && place.lon !== undefined && place.kind !== 'country') {
      if (place.kind === 'region' && place.country === null) return null;
      return { lat: place.lat, lon: place.lon, approx: place.kind === 'region' };
    }
    if (exact && exact.kind !== 'country' && exact.country === null) return null;
  }
  if (seizure.country) {
    const c = countryIndex().byCode.get(seizure.country);
    if (c && (c.lat !== 0 || c.lon !== 0)) return { lat: c.lat, lon: c.lon, approx: true };
  }
  return null;
}

/** The extractor's confidence (0..1) where the record has one (added in a later schema). */
export function figureConfidence(seizure: Seizure): number | null {
  const c = (seizure as { confidence?: unknown }).confidence;
  return typeof c === 'number' && Number.isFinite(c) && c >= 0 && c <= 1 ? c : null;
}

export { figureSummary };
