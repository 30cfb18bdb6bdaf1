/**
 * Stand-in place mentions for seizure-rule tests: every occurrence of a name in `places`, per
 * sentence, with the given country and kind, so those tests do not depend on the entity extractor.
 */
import type { PlaceMention } from '../../src/extract/entities/index.ts';
import type { ParsedText } from '../../src/extract/parse.ts';

export type PlaceTable = Record<string, { country: string | null; kind: PlaceMention['kind'] }>;

export function mentionsOf(places: PlaceTable, parsed: ParsedText): PlaceMention[] {
  const out: PlaceMention[] = [];
  for (const s of parsed.sentences) {
    for (const [name, p] of Object.entries(places)) {
      for (const m of s.text.matchAll(new RegExp(`\\b${name}\\b`, 'g'))) {
        const start = s.start + m.index;
        out.push({
          name,
          surface: name,
          entity: `local:${name}`,
          kind: p.kind,
          country: p.country,
          sentence: s.index,
          start,
          end: start + name.length,
          coreference: false,
        });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
