/**
 * Which place a figure belongs to: a place named in its clause (after it with "in/at/off", or
 * before it as in "Belgium led with ..."), else the country of the agency that seized it
 * ("Costa Rican police"), else the place the story was last at. Origins and destinations
 * ("from Brazil", "bound for Antwerp") are not where a seizure happened.
 */
import { cityIndex } from '../../geo/cities.ts';
import { countryIndex } from '../../geo/countries.ts';
import { placeKey } from '../../geo/normalize.ts';
import type { PlaceMention } from '../entities/index.ts';
import { matchAll } from '../match-all.ts';
import { foldForLiterals, mayMatch } from '../rules/literal-prefilter.ts';
import { escapeRegex } from '../rules/slots.ts';
import { fastRegExp } from '../rules/word-boundary.ts';
import { perTables, type SeizureTables, termMatch } from './tables.ts';

export interface PlacePick {
  location: string | null;
  country: string | null;
  /** `clause` (named with the figure), `agency`, `carried` (from earlier sentences) or `none`. */
  source: 'clause' | 'agency' | 'carried' | 'none';
  /** Carried from a sentence that told of no seizure (a background place, an origin's country). */
  background?: boolean;
}

const NONE: PlacePick = { location: null, country: null, source: 'none' };

/**
 * Mentions of one sentence that can be a seizure's place: not an origin or destination, and not
 * a place hanging off one ("destined for the Port of Antwerp in Belgium").
 */
export function eligibleMentions(
  t: SeizureTables,
  text: string,
  sentenceStart: number,
  mentions: PlaceMention[],
): PlaceMention[] {
  const out: PlaceMention[] = [];
  const { chained: chainLink } = placeRegexes(t);
  let lastExcludedEnd = -1;
  for (const m of mentions) {
    const rel = m.start - sentenceStart;
    const before = text.slice(Math.max(0, rel - 40), rel);
    const chained = lastExcludedEnd >= 0 && chainLink.test(text.slice(lastExcludedEnd, rel));
    // "in einem in Polen zugelassenen Lieferwagen": the words after the place say it is none.
    const after = text.slice(m.end - sentenceStart, m.end - sentenceStart + 40);
    if (m.origin || termMatch(t, 'not-place', before) || chained || termMatch(t, 'not-place-after', after)) {
      lastExcludedEnd = m.end - sentenceStart;
      continue;
    }
    lastExcludedEnd = -1;
    out.push(m);
  }
  return out;
}

/** The place of a figure at [qStart, qEnd) (sentence offsets), given its list neighbours. */
export function placeInClause(
  t: SeizureTables,
  text: string,
  sentenceStart: number,
  eligible: PlaceMention[],
  qStart: number,
  qEnd: number,
  prevEnd: number,
  nextStart: number,
): PlacePick | null {
  const rel = (m: PlaceMention): number => m.start - sentenceStart;
  // The clause of the figure ends at a break such as ", making ..." or ", which ...".
  const re = placeRegexes(t);
  const tail = text.slice(qEnd, nextStart);
  const cut = re.clauseCut.exec(tail);
  // "N kg, which had come from Mexico, was seized in Brisbane": the relative clause is skipped.
  const relative = cut ? re.relativeClause.exec(tail.slice(cut.index)) : null;
  const skipFrom = relative && cut ? qEnd + cut.index : -1;
  const skipTo = relative && cut ? qEnd + cut.index + relative[0].length : -1;
  const rest = relative ? re.clauseCut.exec(tail.slice(skipTo - qEnd)) : null;
  const clauseEnd = relative ? (rest ? skipTo + rest.index : nextStart) : cut ? qEnd + cut.index : nextStart;
  const after = eligible.filter(
    (m) => rel(m) >= qEnd && rel(m) < clauseEnd && !(rel(m) >= skipFrom && rel(m) < skipTo),
  );
  // "48 bales which, weighed at the naval base in X, came to 1,214 kg": one figure written as
  // a count and its mass holds the place named between them.
  const inside = eligible.filter((m) => rel(m) > qStart && m.end - sentenceStart < qEnd);
  for (const [i, m] of inside.entries()) {
    if (re.locativeBefore.test(text.slice(qStart, rel(m))))
      return mostSpecific(text, sentenceStart, chainFrom(text, sentenceStart, inside, i, 1));
  }
  for (const [i, m] of after.entries()) {
    // "the Atlantic port of X": a region right before a named place is not the place.
    const next = after[i + 1];
    if (m.country === null && next && rel(next) - (m.end - sentenceStart) <= 25) continue;
    if (re.locativeBefore.test(text.slice(Math.max(qEnd, skipTo), rel(m)))) {
      return mostSpecific(text, sentenceStart, chainFrom(text, sentenceStart, after, i, 1));
    }
  }
  const before = eligible.filter((m) => rel(m) < qStart && rel(m) >= prevEnd);
  if (before.length > 0)
    return mostSpecific(text, sentenceStart, chainFrom(text, sentenceStart, before, before.length - 1, -1));
  return null;
}

/** Between two mentions of one place chain: "Kelowna, British Columbia", "Faro, in Portugal", "Mexico's Sinaloa". */
const CHAIN_LINK = /^(?:\s*,\s*(?:in\s+)?|\s+in\s+|['’]s\s+)$/u;
const POSSESSIVE = /^['’]s\s+$/u;

/**
 * The mentions linked to `list[i]` as one place written from the specific to the general or
 * the other way round ("in Santa Cruz, Bolivia", "in Mexico's Sinaloa state"), in text order,
 * walking forward (`dir` 1) or back (-1) from it.
 */
function chainFrom(
  text: string,
  sentenceStart: number,
  list: PlaceMention[],
  i: number,
  dir: 1 | -1,
): PlaceMention[] {
  const chain = [list[i]!];
  for (let k = i + dir; k >= 0 && k < list.length; k += dir) {
    const [a, b] = dir === 1 ? [chain.at(-1)!, list[k]!] : [list[k]!, chain[0]!];
    if (!CHAIN_LINK.test(text.slice(a.end - sentenceStart, b.start - sentenceStart))) break;
    if (a.country && b.country && a.country !== b.country) break;
    if (dir === 1) chain.push(b);
    else chain.unshift(a);
  }
  return chain;
}

/**
 * The most specific place of a chain: the first that is not a possessor ("Mexico's" before
 * "Sinaloa"), with the country of a country named in the chain, else of its own.
 */
function mostSpecific(text: string, sentenceStart: number, chain: PlaceMention[]): PlacePick {
  let k = 0;
  while (
    k + 1 < chain.length &&
    POSSESSIVE.test(text.slice(chain[k]!.end - sentenceStart, chain[k + 1]!.start - sentenceStart))
  )
    k++;
  const pick = chain[k]!;
  const country =
    chain.find((m) => m.kind === 'country' && m.country)?.country ??
    pick.country ??
    chain.find((m) => m.country)?.country ??
    null;
  return { location: pick.name, country, source: 'clause' };
}

interface PlaceRegexes {
  /** Between an excluded origin and a place hanging off it ("from the port of X in Y"). */
  chained: RegExp;
  /** Where the clause of a figure ends (";", ", which", ", police said", ", leaving"). */
  clauseCut: RegExp;
  /** "in (the) (up to three words)" between a figure and a place. */
  locativeBefore: RegExp;
  /** ", which had come from X, was": a relative clause before the figure's own verb. */
  relativeClause: RegExp;
  /** Between two countries named side by side ("X and the Y"). */
  sideBySide: RegExp;
}
const placeRegexes = perTables((t): PlaceRegexes => {
  const g = t.grammar.slots.re;
  const the = `(?:${g('article-the')}\\s+)?`;
  return {
    chained: new RegExp(
      // "from Tangier in Morocco", "from Tangier, Morocco", "depuis Tanger, au Maroc".
      `^\\s*(?:,\\s*)?(?:${t.grammar.slots.words('place-chain-links').join('|')}|${g('list-and')})?\\s*${the}$`,
      'i',
    ),
    clauseCut: new RegExp(`[;:]|,\\s+${g('clause-breaks')}\\b|,\\s+${g('clause-break-gerund')}\\b`, 'u'),
    // No `\\b`: it is ASCII-only and misses "à" ("saisis à Perpignan").
    locativeBefore: fastRegExp(
      `(?<![\\p{L}\\d])${g('seizure-locatives')}\\s+${the}(?:[\\p{L}-]+\\s+){0,3}$`,
      'iu',
    ),
    relativeClause: fastRegExp(g('relative-clause-skipped'), 'iu'),
    sideBySide: new RegExp(
      `^\\s*(?:${t.grammar.slots.words('list-and-or').join('|')}|,|, ${g('list-and')})\\s+${the}$`,
      'i',
    ),
  };
});

interface AgencyIndex {
  re: RegExp;
  byDemonym: Map<string, { name: string; cca2: string }>;
  /** The agency nouns alone, for `mayMatch`: a text without one of their words skips `re`. */
  nouns: RegExp;
}
/** Demonyms of every country before the agency nouns of seizure-terms.yaml ("Moroccan police"). */
const agencyIndex = perTables((t): AgencyIndex => {
  const byDemonym = new Map<string, { name: string; cca2: string }>();
  const index = countryIndex();
  for (const c of index.byCode.values()) {
    for (const d of c.demonyms) {
      // Where two countries share a demonym ("Indian"), the country index's own choice wins.
      const country = index.byCode.get(index.byDemonym.get(placeKey(d)) ?? c.code) ?? c;
      if (d.length > 3) byDemonym.set(d.toLowerCase(), { name: country.name, cca2: country.code });
    }
  }
  // A country's name used as an adjective ("Fiji police", "Kenya Navy"), unless a region of
  // another country bears it ("Georgia police" in a US story).
  const cities = cityIndex();
  for (const c of index.byCode.values())
    if (
      c.name.length > 3 &&
      !byDemonym.has(c.name.toLowerCase()) &&
      !cities.admin1(placeKey(c.name)).some((r) => r.country !== c.code)
    )
      byDemonym.set(c.name.toLowerCase(), { name: c.name, cca2: c.code });
  // Adjectives the country data lacks ("Saudi customs": the package says "Saudi Arabian").
  for (const [adj, code] of t.countryAdjectives) {
    const c = index.byCode.get(code);
    if (c && !byDemonym.has(adj)) byDemonym.set(adj, { name: c.name, cca2: c.code });
  }
  const agency = t.terms.get('agency')?.map((c) => c.rule.pattern) ?? [];
  const names = [...byDemonym.keys()].sort((a, b) => b.length - a.length).map(escapeRegex);
  return {
    re: new RegExp(`\\b(${names.join('|')})\\s+(?:${agency.join('|')})\\b`, 'i'),
    byDemonym,
    nouns: new RegExp(`(?:${agency.join('|')})`, 'i'),
  };
});

/** "Costa Rican authorities", "Moroccan police": the country of the seizing agency. */
export function agencyCountry(t: SeizureTables, text: string, actingOnly = false): PlacePick | null {
  const idx = agencyIndex(t);
  // Every match holds an agency noun: the demonym alternation (some 400 names) scans only then.
  if (!mayMatch(idx.nouns, foldForLiterals(text))) return null;
  const m = idx.re.exec(text);
  if (!m) return null;
  // For the article-wide fallback, only an agency that seized something ("the X army thwarted").
  if (actingOnly && !termMatch(t, 'cue', text.slice(m.index + m[0].length, m.index + m[0].length + 60)))
    return null;
  const c = idx.byDemonym.get(m[1]!.toLowerCase());
  return c ? { location: c.name, country: c.cca2, source: 'agency' } : null;
}

const languageAgencyRe = perTables((t): { re: RegExp; nouns: RegExp } => {
  const agency = t.terms.get('agency')?.map((c) => c.rule.pattern) ?? [];
  const nouns = agency.join('|');
  // The demonym before the noun (de, nl: "die österreichische Polizei") or after it (es, fr,
  // pt: "la Policía boliviana", "la gendarmerie sénégalaise").
  return {
    re: new RegExp(
      `(?<![\\p{L}])(?:(\\p{L}{4,})\\s+(?:${nouns})(?![\\p{L}])|(?:${nouns})\\s+(\\p{L}{4,})(?![\\p{L}]))`,
      'giu',
    ),
    // The agency nouns alone, for `mayMatch`.
    nouns: new RegExp(`(?:${nouns})`, 'iu'),
  };
});

/** A word of four letters or more, whole: the words `languageAgencyRe` captures. */
const LONG_WORD = /\p{L}{4,}/gu;

/** Does `text` hold a whole word of four letters or more that `demonym` knows? */
function holdsDemonym(text: string, demonym: (word: string) => string | null): boolean {
  LONG_WORD.lastIndex = 0;
  for (let m = LONG_WORD.exec(text); m; m = LONG_WORD.exec(text)) {
    if (demonym(m[0]) !== null) {
      LONG_WORD.lastIndex = 0;
      return true;
    }
  }
  return false;
}

/**
 * "die österreichische Polizei", "la Policía boliviana": a demonym of the article's language in
 * any inflected form (config/geo/<lang>.yaml through `demonym`) before or after an agency noun
 * of seizure-terms.yaml, where the English demonyms of `agencyCountry` find none.
 */
export function demonymAgencyCountry(
  t: SeizureTables,
  demonym: (word: string) => string | null,
  text: string,
  actingOnly = false,
): PlacePick | null {
  const { re, nouns } = languageAgencyRe(t);
  // Every match holds an agency noun and captures a whole word `demonym` must know: a text
  // without either is not scanned (the pattern backtracks at every word of the text).
  if (!mayMatch(nouns, foldForLiterals(text)) || !holdsDemonym(text, demonym)) return null;
  re.lastIndex = 0;
  // Each start is tried: "informó la Policía boliviana" first matches "informó ... Policía".
  for (let m = re.exec(text); m; m = re.exec(text)) {
    re.lastIndex = m.index + 1;
    const code = demonym((m[1] ?? m[2])!);
    if (!code) continue;
    const end = m.index + m[0].length;
    if (actingOnly && !termMatch(t, 'cue', text.slice(end, end + 60))) continue;
    return { location: countryIndex().byCode.get(code)?.name ?? null, country: code, source: 'agency' };
  }
  return null;
}

const knownAgencyCache = new WeakMap<object, { re: RegExp; byName: Map<string, string> }>();

/**
 * "The DEA said ...", "CBSA officers ...": the country of an agency that belongs to one
 * country (place-agencies.yaml). With `actingOnly`, only an agency that seized something.
 */
export function knownAgencyCountry(
  t: SeizureTables,
  agencies: ReadonlyArray<{ name: string; country: string }>,
  text: string,
  actingOnly = false,
): PlacePick | null {
  let idx = knownAgencyCache.get(agencies);
  if (!idx) {
    const names = agencies.map((a) => a.name).sort((a, b) => b.length - a.length);
    idx = {
      re: new RegExp(`(?<![\\p{L}\\d])(?:${names.map(escapeRegex).join('|')})(?![\\p{L}\\d])`, 'gu'),
      byName: new Map(agencies.map((a) => [a.name, a.country])),
    };
    knownAgencyCache.set(agencies, idx);
  }
  idx.re.lastIndex = 0;
  for (const m of matchAll(text, idx.re)) {
    const end = m.index + m[0].length;
    if (actingOnly && !termMatch(t, 'cue', text.slice(end, end + 60))) continue;
    const code = idx.byName.get(m[0])!;
    return { location: countryIndex().byCode.get(code)?.name ?? null, country: code, source: 'agency' };
  }
  return null;
}

/**
 * Where a sentence names several countries side by side ("in the Netherlands and Belgium"),
 * a later figure cannot be tied to one of them: the place context is cleared.
 */
export function contextPlace(
  t: SeizureTables,
  text: string,
  sentenceStart: number,
  eligible: PlaceMention[],
): PlacePick | null {
  const last = eligible.at(-1);
  if (!last) return null;
  const prev = eligible.at(-2);
  if (
    prev &&
    prev.country !== last.country &&
    placeRegexes(t).sideBySide.test(text.slice(prev.end - sentenceStart, last.start - sentenceStart))
  ) {
    return { location: null, country: null, source: 'none' };
  }
  return { location: last.name, country: last.country, source: 'carried', background: true };
}

export const noPlace = (): PlacePick => ({ ...NONE });
