/**
 * Persons (with roles), organizations and places (with ISO country and coordinates).
 * OWNER: entities work. Stub until implemented.
 */
import type { Person, Place, PlaceKind } from '../../types.ts';
import type { ParsedText } from '../parse.ts';

/** One mention of a place in the text, resolved against the gazetteer. */
export interface PlaceMention {
  /** Canonical name as it appears in `places[]` (e.g. "United States" for "US"). */
  name: string;
  /** The surface form in the text ("US", "the port city" resolved to Antwerp keeps its own surface). */
  surface: string;
  kind: PlaceKind;
  country: string | null;
  lat?: number;
  lon?: number;
  /** Index of the sentence (ParsedText.sentences) and character offsets in `text`. */
  sentence: number;
  start: number;
  end: number;
  /** True when the mention is a coreference ("the port city") resolved to an earlier place. */
  coreference: boolean;
}

export interface Entities {
  persons: Person[];
  organizations: string[];
  places: Place[];
  /** Every place mention in text order, for tying seizures to places. */
  mentions: PlaceMention[];
}

export function extractEntities(_parsed: ParsedText): Entities {
  return { persons: [], organizations: [], places: [], mentions: [] };
}
