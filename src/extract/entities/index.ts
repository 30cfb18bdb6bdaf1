/**
 * Persons (with roles), organizations and places (with ISO country and coordinates) of an
 * article, read from the one shared compromise parse plus the rule tables under config/rules/
 * and the offline gazetteer (src/geo). See docs/extraction-entities.md.
 *
 * Order matters: organisations claim their words first ("Nigeria Customs Service" holds no
 * place), then persons and their roles ("US Homeland Security Secretary Kristi Noem" holds no
 * place either), then places are read from what is left.
 */
import type { Person, Place, PlaceKind } from '../../types.ts';
import { type ParsedText, parseText } from '../parse.ts';
import { defaultRuleSet, type RuleSet } from '../rules/ruleset.ts';
import { buildContext } from './context.ts';
import { findOrganizations } from './organizations.ts';
import { findPersons } from './persons.ts';
import { findPlaceMentions, placesOf } from './places.ts';

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
  /** Gazetteer identity (`country:BE`, `admin1:US.TX`, `city:<row>`, `alias:<name>`, `local:<name>`). */
  entity: string;
  /** False for locations that are no named place ("international waters"): not in `places[]`. */
  listed?: boolean;
  /** The surface is an abbreviation ("US", "NSW"). */
  abbreviation?: boolean;
  /** The gazetteer's name for the entity. */
  canonical?: string;
  /** The city is a national capital. */
  capital?: boolean;
  /** Country of the region a dateline names ("COUTTS, AB" -> CA). */
  within?: string | null;
  /** Rule that found a coreference. */
  reason?: string;
  /** An origin or destination ("arriving from X", "bound for X"), not where the story happens. */
  origin?: boolean;
}

export interface Entities {
  persons: Person[];
  organizations: string[];
  places: Place[];
  /** Every place mention in text order, for tying seizures to places. */
  mentions: PlaceMention[];
  /** Place mentions in the title (offsets in the title, sentence -1); they count in `places`. */
  titleMentions: PlaceMention[];
  /** The country the article is about (named countries, demonyms, agencies), else null. */
  mainCountry: string | null;
}

export function extractEntities(parsed: ParsedText, rules: RuleSet = defaultRuleSet()): Entities {
  const ctx = buildContext(parsed, rules);
  const orgs = findOrganizations(ctx);
  const persons = findPersons(
    ctx,
    orgs.map((o) => o.name),
  );
  const mentions = findPlaceMentions(ctx);

  let titleMentions: PlaceMention[] = [];
  if (parsed.title?.trim()) {
    // The title is short: its own small parse costs little next to the body's.
    const tctx = buildContext(parseText({ title: null, text: parsed.title, published: null }, rules), rules);
    findPersons(
      tctx,
      findOrganizations(tctx).map((o) => o.name),
    );
    titleMentions = findPlaceMentions(tctx).map((m) => ({ ...m, sentence: -1 }));
  }
  const places = placesOf([...mentions, ...titleMentions], rules.entities.grammar.leadingArticlePrefix);
  return {
    persons,
    organizations: orgs.map((o) => o.name),
    places,
    mentions,
    titleMentions,
    mainCountry: ctx.mainCountry,
  };
}
