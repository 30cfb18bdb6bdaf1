/**
 * Place mentions and the places of an article. Mentions come from
 *   - datelines ("EAGLE PASS, Texas -", "COUTTS, AB, May 2"),
 *   - capitalised runs that no organisation or person claimed, looked up in the gazetteer
 *     (whole run first, then its parts: "India-Pakistan" gives India and Pakistan),
 *   - facility names (place-facilities.yaml: "Apapa Port", "X port of entry"), "port of X",
 *     and names before an administrative noun ("Amritsar district", "Morgan and Madison
 *     counties"), which are places even when the gazetteer does not know them,
 *   - coordinated regions ("West and Central Africa"),
 *   - coreferences (place-coreferences.yaml: "the port city" after Antwerp is Antwerp).
 * Homonyms are resolved by the article's context (countries and regions it names, demonyms,
 * agencies that imply a country (place-agencies.yaml), a ", State" after the name), then
 * population and capitals; small towns need a locative cue. Origins and destinations
 * (place-origins.yaml: "arriving from X") give no context and lend no country to a facility
 * next to them. A small foreign homonym in a story firmly about one country, with a locative
 * cue ("seized in Norfolk" in a British story), is a place of that country the gazetteer lacks.
 * The place after a border of two countries ("the X-Y border in Punjab") takes the side the
 * rest of the article points to, or no country.
 */
import type { GeoEntity } from '../../geo/index.ts';
import { placeKey } from '../../geo/index.ts';
import type { Place } from '../../types.ts';
import { matchAll } from '../match-all.ts';
import { foldForLiterals, mayMatch } from '../rules/literal-prefilter.ts';
import { cachedRegExp } from '../rules/regex-cache.ts';
import { escapeRegex } from '../rules/slots.ts';
import { type EntityContext, isClaimed, spanText } from './context.ts';
import type { PlaceMention } from './index.ts';
import type { FacilityRuleT } from './tables.ts';
import { isCommonWord, type Token } from './tokens.ts';

const EMPTY_TAGS: ReadonlySet<string> = new Set();

interface Raw {
  surface: string;
  start: number;
  end: number;
  sentence: number;
  candidates: GeoEntity[];
  /** A place the gazetteer does not know, named by its form (a facility, a district). */
  local?: { kind: Place['kind'] };
  /** Evidence that the run is a place whatever its size (a cue word, a dateline). */
  cue: boolean;
  /** Restrict candidates to this admin1 or country (", Texas"). */
  within?: GeoEntity;
  /** An origin or destination (place-origins.yaml): no context evidence, lends no country. */
  origin?: boolean;
  /** Found inside a longer name ("Antwerp" of "Antwerp Port"). */
  nested?: boolean;
  /** One of the two countries of an "X-Y border": named, but no evidence for either side. */
  borderPart?: boolean;
  /** The two countries of the "X-Y border" this place lies on ("... border in Punjab"). */
  borderOf?: [string, string];
  /** The kind the text gives the place ("Antwerp Docks": Antwerp as a port). */
  kindAs?: Place['kind'];
  /** Right after "Town, " and before a clause break ("in Town, Province, on Monday"). */
  tail?: boolean;
  /** Resolved as a place of the article's country the gazetteer lacks. */
  localCountry?: string;
  /** Resolved as a place whose country the text leaves open. */
  unknownCountry?: boolean;
  /** An abbreviation that only says where the town before it lies ("London, Ont."): not listed. */
  qualifier?: boolean;
}

const DATELINE =
  /^([A-Z][A-Z'’.-]+(?: [A-Z][A-Z'’.-]+){0,3})(?:,\s*([A-Z][A-Za-z.]+(?: [A-Z][a-z]+)?))?\s*(?:\(|:|–|—|-\s|,)/;

export function findPlaceMentions(ctx: EntityContext): PlaceMention[] {
  const raws: Raw[] = [];
  const taken = new Set<number>();
  const push = (r: Raw, nested = false) => {
    if (!nested) for (let p = r.start; p < r.end; p++) if (taken.has(p)) return;
    for (let p = r.start; p < r.end; p++) taken.add(p);
    raws.push(r);
  };

  for (const s of ctx.parsed.sentences) {
    const tokens = ctx.tokens[s.index]!;
    // Datelines at the start of a paragraph.
    const first = ctx.parsed.sentences[s.index - 1];
    if (!first || first.paragraph !== s.paragraph) {
      const m = DATELINE.exec(s.text);
      if (m && /[A-Z]{3}/.test(m[1]!)) {
        const name = titleCase(m[1]!);
        const hint = m[2]
          ? ctx.gaz.lookup(m[2]).find((e) => e.kind === 'region' || e.kind === 'country')
          : undefined;
        const cands = ctx.gaz.lookup(name).filter((e) => !hint || inside(e, hint));
        if (cands.length > 0 || hint) {
          push({
            surface: name,
            start: s.start,
            end: s.start + m[1]!.length,
            sentence: s.index,
            candidates: cands,
            cue: true,
            ...(hint ? { within: hint } : {}),
            ...(cands.length === 0 ? { local: { kind: 'city' as const } } : {}),
          });
          if (hint && m[2]) {
            const hs = s.start + m[0].indexOf(m[2], m[1]!.length);
            push({
              surface: m[2],
              start: hs,
              end: hs + m[2].length,
              sentence: s.index,
              candidates: [hint],
              cue: true,
            });
          }
        }
      }
    }
    // "West and Central Africa": the first region is named by the shared noun.
    for (const m of matchAll(s.text, ctx.tables.grammar.coordinated)) {
      const surface = `${m[1]} ${m[3]}`;
      const cands = ctx.gaz.lookup(surface);
      const start = s.start + m.index;
      if (cands.length > 0)
        push({ surface, start, end: start + m[1]!.length, sentence: s.index, candidates: cands, cue: true });
    }

    const chunks = ctx.chunks[s.index]!;
    for (let c = 0; c < chunks.length; c++) {
      const chunk = chunks[c]!;
      for (const run of unclaimedRuns(ctx, chunk.tokens)) {
        const raw = mentionOfRun(ctx, run, tokens);
        // A facility comes first, then the town inside its name ("Fort Hancock port of entry").
        if (!raw) continue;
        for (const [i, r] of raw.entries())
          push(r, i > 0 && r.start >= raw[0]!.start && r.end <= raw[0]!.end);
      }
    }
  }

  if (ctx.gaz.language !== 'en')
    for (const span of ctx.orgSpans) {
      const r = placeInOrganization(ctx, span);
      if (r) push(r);
    }

  // Lists before a plural administrative noun ("Morgan, Madison and Lauderdale counties").
  for (const r of raws) {
    const after = ctx.text.slice(r.end, r.end + 40);
    const m = ctx.tables.grammar.adminNoun.exec(after);
    if (m && ctx.tables.grammar.adminPlural.has(m[1]!)) markListBefore(ctx, r, raws, push);
  }

  raws.sort((a, b) => a.start - b.start);
  markRegionsAfterPlural(ctx, raws);
  markOrigins(ctx, raws);
  markBorders(ctx, raws);
  const mentions = resolve(ctx, raws);
  return withCoreferences(ctx, mentions);
}

/** A town of up to three capitalised words right before ", " has a reading inside one of `regions`. */
const TOWN_BEFORE_COMMA = /((?:\p{Lu}[\p{L}'’-]*\s+){0,2}\p{Lu}[\p{L}'’-]*),\s*$/u;
function townBeforeInside(ctx: EntityContext, before: string, regions: GeoEntity[]): boolean {
  const m = TOWN_BEFORE_COMMA.exec(before);
  if (!m) return false;
  const words = m[1]!.split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    const name = words.slice(i).join(' ');
    if (ctx.gaz.lookup(name).some((e) => e.kind === 'city' && regions.some((r) => inside(e, r)))) return true;
  }
  return false;
}

/** "arriving from X", "bound for X", and what hangs off it ("from the port of X in Y"). */
function markOrigins(ctx: EntityContext, raws: Raw[]): void {
  let prev: Raw | undefined;
  for (const r of raws) {
    const before = ctx.text.slice(Math.max(0, r.start - 60), r.start);
    const chained =
      prev?.origin === true &&
      prev.sentence === r.sentence &&
      ctx.tables.grammar.chainLink.test(ctx.text.slice(prev.end, r.start)) &&
      // "bound for Spain, Costa Rica's ministry said": a possessive opens a clause of its own.
      !/^['’]s\b/u.test(ctx.text.slice(r.end, r.end + 3));
    if (chained || ctx.tables.originCues.some((re) => re.test(before))) r.origin = true;
    prev = r;
  }
}

/** "the X-Y border in Z": X and Y give no evidence, and Z may lie on either side. */
function markBorders(ctx: EntityContext, raws: Raw[]): void {
  const gr = ctx.tables.grammar;
  for (let i = 0; i + 1 < raws.length; i++) {
    const a = raws[i]!;
    const b = raws[i + 1]!;
    if (!gr.pairLink.test(ctx.text.slice(a.end, b.start))) continue;
    const between = gr.borderBetween.test(ctx.text.slice(Math.max(0, a.start - 30), a.start));
    if (!between && !gr.borderAfter.test(ctx.text.slice(b.end, b.end + 12))) continue;
    const ca = a.candidates.find((e) => e.kind === 'country')?.country;
    const cb = b.candidates.find((e) => e.kind === 'country')?.country;
    if (!ca || !cb || ca === cb) continue;
    a.borderPart = true;
    b.borderPart = true;
    const next = raws[i + 2];
    if (!next || next.sentence !== b.sentence) continue;
    const gap = ctx.text.slice(b.end, next.start);
    if (!(between ? gr.placeAfterBorderBetween : gr.placeAfterBorder).test(gap)) continue;
    const sides = new Set(next.candidates.map((e) => e.country));
    if (sides.has(ca) && sides.has(cb)) next.borderOf = [ca, cb];
  }
}

function inside(e: GeoEntity, region: GeoEntity): boolean {
  if (region.kind === 'country') return e.country === region.country;
  return e.admin1 === region.admin1 || (e.id === region.id && e.kind === 'region');
}

function titleCase(s: string): string {
  return s.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_m, p: string, c: string) => p + c.toUpperCase());
}

/** Maximal runs of a chunk's tokens that no organisation or person claimed. */
function unclaimedRuns(ctx: EntityContext, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let cur: Token[] = [];
  for (const t of tokens) {
    if (isClaimed(ctx, t)) {
      if (cur.length) runs.push(cur);
      cur = [];
    } else cur.push(t);
  }
  if (cur.length) runs.push(cur);
  // Runs never start or end with a connector ("of").
  return runs
    .map((r) => {
      let a = 0;
      let b = r.length;
      while (a < b && !r[a]!.name) a++;
      while (b > a && !r[b - 1]!.name) b--;
      return r.slice(a, b);
    })
    .filter((r) => r.length > 0);
}

/** A function word or locative of the language's entity grammar, or of the parser's lexicon. */
function isLeadWord(ctx: EntityContext, word: string): boolean {
  const gr = ctx.tables.grammar;
  const lower = word.toLowerCase();
  return (
    gr.slots.words('function-words').includes(lower) ||
    gr.slots.words('locatives').includes(lower) ||
    isCommonFunctionWord(ctx, word)
  );
}

/** A word the parser's lexicon lists with a function tag (a preposition, a conjunction ...). */
function isCommonFunctionWord(ctx: EntityContext, word: string): boolean {
  const entry = ctx.parser.lexicon(word.toLowerCase());
  const list = entry === undefined ? [] : Array.isArray(entry) ? entry : [entry];
  return list.some((t) => ctx.parser.functionTags.includes(t));
}

/**
 * A prefix facility head (not a port) written in lower case right before a run, in the 40
 * characters before it: the rule and the head's offset in the text. Languages other than English.
 */
function facilityHeadBefore(
  ctx: EntityContext,
  runStart: number,
): { facility: FacilityRuleT; start: number } | null {
  if (ctx.gaz.language === 'en') return null;
  const heads = prefixHeadsBefore(ctx.tables.facilities);
  if (heads === null) return null;
  const from = Math.max(0, runStart - 40);
  const m = heads.re.exec(ctx.text.slice(from, runStart));
  if (!m) return null;
  const facility = heads.byHead.get(m[1]!.toLowerCase());
  return facility ? { facility, start: from + m.index + m[0].indexOf(m[1]!) } : null;
}

interface FacilityIndex {
  /** The prefix rows whose head may open a run whose first word is `first`, in table order. */
  prefixRows(first: string): readonly FacilityRuleT[];
  /**
   * The other rows whose head may end a run whose last word is `last`, or, written in lower
   * case, follow it in `after` (" airport"), in table order.
   */
  suffixRows(last: string, after: string): readonly FacilityRuleT[];
}

const facilityIndexes = new WeakMap<FacilityRuleT[], FacilityIndex>();

/**
 * The facility rows a run can meet, looked up by its first and last word instead of reading
 * every row per run: a head that spells the run's first words starts with its first word, one
 * that spells its last words ends with its last word, and a lower-case head after the run
 * starts with the character after the space. A word with a space in it (none come from the
 * tokenizer) gets every row, so the rows asked about hold every row that can apply.
 */
export function facilityIndex(facilities: FacilityRuleT[]): FacilityIndex {
  let idx = facilityIndexes.get(facilities);
  if (idx) return idx;
  const prefix = facilities.filter((f) => f.prefix);
  const suffix = facilities.filter((f) => !f.prefix);
  const byFirst = new Map<string, FacilityRuleT[]>();
  for (const f of prefix) {
    const w = f.head.split(' ')[0]!;
    const list = byFirst.get(w);
    if (list) list.push(f);
    else byFirst.set(w, [f]);
  }
  const byLast = new Map<string, number[]>();
  const byChar = new Map<string, number[]>();
  suffix.forEach((f, i) => {
    const w = f.head.split(' ').at(-1)!;
    byLast.set(w, [...(byLast.get(w) ?? []), i]);
    if (f.head[0] === f.head[0]!.toLowerCase())
      byChar.set(f.head[0]!, [...(byChar.get(f.head[0]!) ?? []), i]);
  });
  const none: FacilityRuleT[] = [];
  idx = {
    prefixRows: (first) => (first.includes(' ') ? prefix : (byFirst.get(first) ?? none)),
    suffixRows(last, after) {
      if (last.includes(' ')) return suffix;
      const a = byLast.get(last);
      const b = after[0] === ' ' ? byChar.get(after[1] ?? '') : undefined;
      if (!a && !b) return none;
      if (!b) return a!.map((i) => suffix[i]!);
      if (!a) return b.map((i) => suffix[i]!);
      return [...new Set([...a, ...b])].sort((x, y) => x - y).map((i) => suffix[i]!);
    },
  };
  facilityIndexes.set(facilities, idx);
  return idx;
}

const prefixHeads = new WeakMap<FacilityRuleT[], { re: RegExp; byHead: Map<string, FacilityRuleT> } | null>();

/** One regex over the prefix facility heads that are no ports, ending the text before a run. */
function prefixHeadsBefore(
  facilities: FacilityRuleT[],
): { re: RegExp; byHead: Map<string, FacilityRuleT> } | null {
  let heads = prefixHeads.get(facilities);
  if (heads === undefined) {
    const byHead = new Map<string, FacilityRuleT>();
    for (const f of facilities)
      if (f.prefix && f.kind !== 'port' && !byHead.has(f.head.toLowerCase()))
        byHead.set(f.head.toLowerCase(), f);
    heads =
      byHead.size === 0
        ? null
        : {
            re: new RegExp(`(?:^|[\\s'’])(${[...byHead.keys()].map(escapeRegex).join('|')})\\s+$`, 'iu'),
            byHead,
          };
    prefixHeads.set(facilities, heads);
  }
  return heads;
}

function mentionOfRun(ctx: EntityContext, run: Token[], sentence: Token[]): Raw[] | null {
  const gr = ctx.tables.grammar;
  const first = run[0]!;
  const last = run[run.length - 1]!;
  const surface = spanText(ctx, run);
  const sentenceIndex = first.sentence;
  const before = ctx.text.slice(Math.max(0, first.start - 40), first.start);
  const after = ctx.text.slice(last.end + (last.possessive ? 2 : 0), last.end + 60);
  const base = { sentence: sentenceIndex, start: first.start, end: last.end };
  const words = run.map((t) => t.text);
  // "Antwerpen - In de Antwerpse haven": a preposition (and the articles after it) capitalised by
  // a dateline or by position opens no name the gazetteer lacks.
  if (
    run.length > 1 &&
    gr.slots.words('locatives').includes(words[0]!.toLowerCase()) &&
    ctx.gaz.lookup(surface).length === 0 &&
    ctx.gaz.regions(surface).length === 0
  ) {
    let a = 1;
    while (a < run.length - 1 && isLeadWord(ctx, words[a]!)) a++;
    return mentionOfRun(ctx, run.slice(a), sentence);
  }
  // "South American", "Costa Rican": an adjective ending in a demonym names no place.
  if (
    ctx.gaz.demonym(last.text) !== null &&
    !ctx.gaz.lookup(last.text).some((e) => e.kind === 'country') &&
    !ctx.gaz.lookup(surface).some((e) => e.kind === 'country')
  )
    return null;
  if (run.length === 1 && ['Date', 'Month', 'WeekDay'].some((t) => first.tags.has(t))) return null;
  // "US$ 3 million", "US dollars": a currency, not the country.
  if (gr.currencyAfter.test(after)) return null;
  // "reviewed by USA TODAY": an outlet, not the country.
  if (gr.mastheadAfter.test(after)) return null;
  // "compressed ganja" (Ganja is also a city), "known as "El Rubio"": a drug or a nickname.
  if (ctx.isDrugName(surface) || gr.nicknameBefore.test(before)) return null;
  // "el buque Santa Clara", "o navio X", "l'opération X": the name of a vessel, firm or operation
  // (other languages; English keeps its own rules for these).
  if (ctx.gaz.language !== 'en' && gr.thingBefore.test(before)) return null;

  // "les douaniers du Mans", "vers le Mans": a town whose name opens with an article the text
  // contracts with a preposition or writes in lower case is named with its article ("Le Mans").
  const prevTok = sentence[first.index - 1];
  const article =
    prevTok && /^\s+$/.test(first.gapBefore) ? ctx.tables.grammar.articleOfContraction(prevTok.text) : null;
  // A country or region named without its article ("la Guadeloupe") stays that country, not a
  // town abroad called with the article.
  if (article && !ctx.gaz.lookup(surface).some((e) => e.kind === 'country' || e.kind === 'region')) {
    const named = `${article} ${surface}`;
    const towns = ctx.gaz.lookup(named).filter((e) => e.kind === 'city');
    if (towns.length > 0) return [{ ...base, surface: named, candidates: towns, cue: true }];
  }
  // "Weil am Rhein", "Alphen aan den Rijn": a town named in two parts joined by a lower-case link
  // (entity-grammar.yaml `town-name-links`) that the gazetteer knows whole is that town.
  const twoPart = last.possessive ? null : gr.townNameLink.exec(after);
  if (twoPart) {
    const named = `${surface} ${twoPart[1]!.replace(/\s+/g, ' ')}`;
    const towns = ctx.gaz.lookup(named).filter((e) => e.kind === 'city');
    if (towns.length > 0)
      return [{ ...base, end: last.end + twoPart[0].length, surface: named, candidates: towns, cue: true }];
  }
  // "Schiphol Airport", "Jomo Kenyatta International Airport": a facility the alias table names
  // is that entry, with its country, not a facility around a homonym town.
  const tabled = ctx.gaz
    .lookup(surface)
    .filter((e) => e.source !== 'geonames' && e.source !== 'world-countries' && e.kind === 'other');
  if (tabled.length > 0 && run.length > 1) return [{ ...base, surface, candidates: tabled, cue: true }];
  // "Naval Base Captain X": a head before the name names a facility. ": Am Grenzübergang X": a
  // preposition capitalised after a colon is no part of the run.
  const lead =
    words.length > 2 &&
    /^\p{Lu}/u.test(words[0]!) &&
    (isCommonFunctionWord(ctx, words[0]!) || gr.slots.words('locatives').includes(words[0]!.toLowerCase()))
      ? 1
      : 0;
  const pWords = lead ? words.slice(lead) : words;
  const pRun = lead ? run.slice(lead) : run;
  const facilityRows = facilityIndex(ctx.tables.facilities);
  for (const f of facilityRows.prefixRows(pWords[0]!)) {
    if (!f.prefix) continue;
    // The head starts with the run's first word, or the words cannot spell it (a cheap test first).
    if (!f.head.startsWith(pWords[0]!)) continue;
    const head = f.head.split(' ');
    if (head.length < pWords.length && pWords.slice(0, head.length).join(' ') === f.head) {
      const pSurface = spanText(ctx, pRun);
      const pBase = { ...base, start: pRun[0]!.start };
      // A town so named ("Puerto de la Cruz", "Porto de Mós") is the town.
      if (f.kind === 'port' && ctx.gaz.lookup(pSurface).length > 0) break;
      // "Porto de Santos", "Puerto de Arica": the port of a known place is that place.
      let at = head.length;
      if (f.kind === 'port' && gr.orgOf.has(pWords[at] ?? '')) at++;
      const inner = pRun.slice(at);
      // "Grenzübergang Görlitz" (`names: place`): the known town named after the head.
      const innerName =
        inner.length > 0 && (at > head.length || f.names === 'place' || f.names === 'area')
          ? spanText(ctx, inner)
          : '';
      const known = innerName
        ? ctx.gaz.lookup(innerName).filter((e) => e.kind !== 'country' || inner.length > 1)
        : [];
      if (known.length > 0)
        return [
          {
            ...pBase,
            start: inner[0]!.start,
            surface: innerName,
            candidates: known,
            cue: true,
            ...(f.kind === 'port' ? { kindAs: f.kind } : {}),
          },
        ];
      // "Parkplatz Hochfeld", "Zollamt Achenkirch" (`names: area`): the name after the head,
      // known or not, is the place.
      if (f.names === 'area' && inner[0]?.name)
        return [
          {
            ...pBase,
            start: inner[0]!.start,
            surface: innerName,
            candidates: [],
            local: { kind: f.kind },
            cue: true,
          },
        ];
      // "Flughafen Zürich", "Aeropuerto Madrid": a facility named after a known town of one
      // country lies in that country, whatever the sentence names around it.
      const town = innerName ? null : townCountryOf(ctx, inner);
      return [
        {
          ...pBase,
          surface: pSurface,
          candidates: [],
          local: { kind: f.kind },
          cue: true,
          ...(town ? { within: town } : {}),
        },
      ];
    }
  }
  // "l'aéroport Aimé-Césaire de Fort-de-France", "la luchthaven X": a facility
  // head written in lower case before the name (not ports: "port of X" has rules of its own).
  const lowerHead = facilityHeadBefore(ctx, first.start);
  if (lowerHead) {
    const CONNECTORS = gr.connectors;
    let name = run;
    const out: Raw[] = [];
    // "Aimé-Césaire de Fort-de-France": a known place after a connector is the facility's town.
    const c = run.findIndex((tok, k) => k > 0 && CONNECTORS.has(tok.text));
    if (c > 0) {
      const rest = run.slice(c + 1).filter((tok) => tok.name);
      const town = rest.length > 0 ? ctx.gaz.lookup(spanText(ctx, rest)) : [];
      if (town.length > 0) {
        name = run.slice(0, c);
        out.push({
          ...base,
          start: rest[0]!.start,
          surface: spanText(ctx, rest),
          candidates: town,
          cue: true,
        });
      }
    }
    const nameEnd = name[name.length - 1]!.end;
    const known = ctx.gaz.lookup(spanText(ctx, name)).filter((e) => e.kind === 'city' || e.kind === 'region');
    // "de luchthaven X" where X is a known town (the airport named after it): the town.
    if (known.length > 0)
      out.unshift({ ...base, end: nameEnd, surface: spanText(ctx, name), candidates: known, cue: true });
    // "de parkeerplaats Oudeland", "la garita de Cerro Azul" (`names: area`): the name alone.
    else if (lowerHead.facility.names === 'area')
      out.unshift({
        ...base,
        end: nameEnd,
        surface: spanText(ctx, name),
        candidates: [],
        local: { kind: lowerHead.facility.kind },
        cue: true,
      });
    else
      out.unshift({
        ...base,
        start: lowerHead.start,
        end: nameEnd,
        surface: ctx.text.slice(lowerHead.start, nameEnd),
        candidates: [],
        local: { kind: lowerHead.facility.kind },
        cue: true,
      });
    return out;
  }
  // Facilities named by their head ("Apapa Port", "Eagle Pass Port of Entry").
  for (const f of facilityRows.suffixRows(words[words.length - 1]!, after)) {
    if (f.prefix) continue;
    // As above: the head ends with the run's last word, or its words cannot spell it.
    const head = f.head.endsWith(words[words.length - 1]!) ? f.head.split(' ') : null;
    if (head && head.length < words.length && words.slice(-head.length).join(' ') === f.head) {
      const inner = run.slice(0, run.length - head.length);
      while (inner.length > 0 && !inner[inner.length - 1]!.name) inner.pop();
      const innerName = spanText(ctx, inner);
      const known = inner.length > 0 ? ctx.gaz.lookup(innerName) : [];
      const innerEnd = inner.at(-1)?.end ?? first.start;
      // "Ionian Sea", "Strait of ...": a feature the gazetteer knows is that entry, with its country.
      const whole = f.names === 'feature' ? ctx.gaz.lookup(surface) : [];
      if (whole.length > 0) return [{ ...base, surface, candidates: whole, cue: true }];
      // "Antwerp Docks": a part of a known place, which is the mention (as a port).
      if (f.names === 'place' && known.length > 0)
        return [{ ...base, end: innerEnd, surface: innerName, candidates: known, cue: true, kindAs: f.kind }];
      // "Bremer Hafen": the port of the place the adjective names, named as the place.
      const adjective =
        f.names === 'place' && inner.length === 1 ? placeOfAdjective(ctx, innerName, f.adjectives) : null;
      if (adjective)
        return [
          {
            ...base,
            end: innerEnd,
            surface: adjective.name,
            candidates: adjective.cands,
            cue: true,
            kindAs: f.kind,
          },
        ];
      // A capitalised facility name is a name of its own ("Apapa Port"); the known place in it
      // ("Le Havre Port") is listed too when it stands on its own (a small town needs more).
      const out: Raw[] = [{ ...base, surface, candidates: [], local: { kind: f.kind }, cue: true }];
      // Only a town: "North Sea Port" names a port, not the sea.
      const towns = known.filter((e) => e.kind === 'city');
      if (towns.length > 0 && f.names !== 'feature')
        out.push({ ...base, end: innerEnd, surface: innerName, candidates: towns, cue: false, nested: true });
      return out;
    }
    if (
      f.head[0] === f.head[0]!.toLowerCase() &&
      after.startsWith(` ${f.head}`) &&
      !/\p{L}/u.test(after[f.head.length + 1] ?? '')
    ) {
      // "X airport" after a known town: a part of the town, which is the mention; after another
      // name ("Montreal-Trudeau airport") a name of its own.
      const known = ctx.gaz.lookup(surface).filter((e) => e.kind === 'city' || e.kind === 'region');
      if (f.names === 'place' && known.length > 0)
        return [{ ...base, surface, candidates: known, cue: true }];
      // "the Ras Al Khor industrial area", "the Cat Lai terminal": the name alone, known or not.
      if (f.names === 'area')
        return [
          known.length > 0
            ? { ...base, surface, candidates: known, cue: true }
            : { ...base, surface, candidates: [], local: { kind: f.kind }, cue: true },
        ];
      // "de Gentse haven": the port of Gent.
      const adjective =
        f.names === 'place' && run.length === 1 ? placeOfAdjective(ctx, surface, f.adjectives) : null;
      if (adjective)
        return [{ ...base, surface: adjective.name, candidates: adjective.cands, cue: true, kindAs: f.kind }];
      const facility: Raw = {
        ...base,
        end: last.end + 1 + f.head.length,
        surface: `${surface} ${f.head}`,
        candidates: [],
        local: { kind: f.kind },
        cue: true,
      };
      // "the Kazungula checkpoint", "Lekki seaport": the facility, and the place it is named
      // after, known or not.
      if (f.names === 'name')
        return [
          facility,
          known.length > 0
            ? { ...base, surface, candidates: known, cue: true }
            : { ...base, surface, candidates: [], local: { kind: 'other' }, cue: true },
        ];
      const out: Raw[] = [facility];
      const town = ctx.gaz.lookup(surface).filter((e) => e.kind === 'city' || e.kind === 'region');
      // "the Swat valley" names the valley, not the town of Swat.
      if (town.length > 0 && f.names !== 'feature')
        out.push({ ...base, surface, candidates: town, cue: true });
      return out;
    }
  }
  // "Ports of Auckland": the port authority's facilities, a name of their own, and the city.
  if (gr.portsWord.has(words[0]!) && gr.orgOf.has(words[1] ?? '') && run.length > 2) {
    const inner = run.slice(2);
    const cands = ctx.gaz.lookup(spanText(ctx, inner));
    const out: Raw[] = [{ ...base, surface, candidates: [], local: { kind: 'port' }, cue: true }];
    if (cands.length > 0)
      out.push({
        ...base,
        start: inner[0]!.start,
        surface: spanText(ctx, inner),
        candidates: cands,
        cue: true,
        nested: true,
      });
    return out;
  }
  // "Port of Santos", "Porto de Itajaí", "Puerto de Arica": the city; an unknown name is a
  // port of its own. A town so named ("Puerto de la Cruz", "Porto de Mós") is the town.
  if (
    gr.portWord.has(words[0]!) &&
    gr.orgOf.has(words[1] ?? '') &&
    run.length > 2 &&
    ctx.gaz.lookup(surface).length === 0
  ) {
    let inner = run.slice(2);
    let name = spanText(ctx, inner);
    let cands = ctx.gaz.lookup(name);
    // "the Port of X Marketing association": a known place and an organisation's words
    // after it is the port of that place, not a port called "X Marketing".
    for (let k = inner.length - 1; cands.length === 0 && k >= 1; k--) {
      const head = spanText(ctx, inner.slice(0, k));
      const found = ctx.gaz.lookup(head);
      if (found.length > 0) {
        inner = inner.slice(0, k);
        name = head;
        cands = found;
      }
    }
    const end = inner.at(-1)!.end;
    // An unknown name after the capital head is no town: the port's name is the whole
    // "Port of X" as written.
    if (cands.length === 0)
      return [
        {
          sentence: sentenceIndex,
          start: first.start,
          end,
          surface: spanText(ctx, run.slice(0, 2 + inner.length)),
          candidates: [],
          cue: true,
          local: { kind: 'port' as const },
        },
      ];
    return [
      { sentence: sentenceIndex, start: inner[0]!.start, end, surface: name, candidates: cands, cue: true },
    ];
  }
  // "Kanton Schwyz", "Región de Tarapacá": a capitalised administrative noun before a
  // known place is part of the region's name as written; the region is the place (a town of
  // that name elsewhere in the text stays the town). English keeps its own rules for these.
  const headed = ctx.gaz.language !== 'en' ? headedRegion(ctx, run, surface) : null;
  if (headed) return [headed];
  // "Thai police": a demonym alone is an adjective, whatever the gazetteer says.
  // A language's country name that is also its demonym ("en Suisse", French) is the country
  // after a locative.
  if (
    run.length === 1 &&
    ctx.gaz.demonym(surface) !== null &&
    !ctx.gaz
      .lookup(surface)
      .some((e) => e.kind === 'country' && (e.name === surface || gr.locative.test(before)))
  )
    return null;
  // "République dominicaine", "Amérique latine", "Caribisch gebied": a name whose last words
  // are lower case, known to the gazetteer as a whole (a country, region or alias).
  const lowerTail = /^[ \t]+(\p{Ll}[\p{L}’'-]+)(?:[ \t]+(\p{Ll}[\p{L}’'-]+))?/u.exec(after);
  if (lowerTail && !last.possessive) {
    for (const words of lowerTail[2] ? [2, 1] : [1]) {
      const tail = lowerTail.slice(1, 1 + words).join(' ');
      const wider = `${surface} ${tail}`;
      const found = ctx.gaz.lookup(wider).filter((e) => e.kind !== 'city');
      if (found.length === 0) continue;
      const end = last.end + lowerTail[0]!.indexOf(lowerTail[words]!) + lowerTail[words]!.length;
      return [{ ...base, end, surface: ctx.text.slice(first.start, end), candidates: found, cue: true }];
    }
  }
  // "London, Ont.,": the word of an abbreviation ends before its full stop.
  if (run.length === 1 && after.startsWith('.')) {
    const abbr = ctx.gaz.lookup(`${surface}.`).filter((e) => e.datelineOnly);
    if (abbr.length > 0 && townBeforeInside(ctx, before, abbr))
      return [
        { ...base, end: last.end + 1, surface: `${surface}.`, candidates: abbr, cue: true, qualifier: true },
      ];
  }
  const cands = ctx.tables.notPlaces.has(surface)
    ? ctx.gaz.lookup(surface).filter((e) => e.id.startsWith('alias:'))
    : ctx.gaz.lookup(surface);
  const adminNoun = gr.adminNoun.exec(after);
  const portOf = gr.portOfBefore.test(before);
  // "the province of Los Santos", "the state of Sonora": a region, known or not.
  const adminOf = gr.adminOfBefore.test(before);
  // Abbreviations ("DC", "Wis.", "Mo.") are states, read by the aliases if at all.
  const tail =
    run.length <= 3 &&
    (run.length > 1 || (first.text.length > 4 && !first.allCaps)) &&
    /[\p{L}.],\s+$/u.test(before) &&
    gr.tailAfter.test(after);
  const nextTok = sentence[last.index + 1];
  // "the province of Los Santos": a region; towns of the same name elsewhere do not count.
  if (adminOf && !cands.some((e) => e.kind === 'region' || e.kind === 'country')) {
    // "la provincia de Salta", "la province de Namur": a province named after a town of a country
    // where the text's language is spoken lies in that country (the largest such town's).
    const town = cands
      .filter((e) => e.kind === 'city' && e.country && ctx.gaz.home.has(e.country))
      .sort((a, b) => b.population - a.population)[0];
    const within = town?.country ? ctx.gaz.country(town.country) : null;
    return [
      {
        ...base,
        surface,
        candidates: [],
        local: { kind: 'region' },
        cue: true,
        ...(within ? { within } : {}),
      },
    ];
  }
  if (cands.length > 0) {
    // "the Pacific coast", "Pacific ports": an adjectival name before a noun names no place, even
    // where a small town bears the name too (Pacific, Missouri).
    const adjectival =
      cands.some((e) => e.adjectival) &&
      cands.every(
        (e) =>
          e.adjectival ||
          (e.kind === 'city' && e.population < ctx.tables.populations['medium-city-population']),
      );
    if (
      adjectival &&
      nextTok &&
      !nextTok.name &&
      /^\s+$/.test(nextTok.gapBefore) &&
      nextTok.tags.has('Noun') &&
      // "das Mittelmeer bis ...", "das Mittelmeer weiter": the parse guesses "Noun" for words its
      // lexicon lacks; in another language only a word it knows, and no function word, makes the
      // name an adjective ("Caribbean coast" quoted in English).
      (ctx.gaz.language === 'en' ||
        (ctx.parser.lexicon(nextTok.text.toLowerCase()) !== undefined &&
          !isCommonFunctionWord(ctx, nextTok.text)))
    )
      return null;
    // "London, Ont.", "Athens, Ga.": an abbreviation read only in datelines names the region of
    // the town written right before it, when that town has a reading inside it.
    if (cands.every((e) => e.datelineOnly) && !townBeforeInside(ctx, before, cands)) return null;
    // "Pacific ports", "the Pacific area": in English a sea or world region that belongs to no
    // country, right before a lower-case noun, qualifies the noun and names no place of its own.
    if (
      ctx.gaz.language === 'en' &&
      run.length === 1 &&
      !last.possessive &&
      cands.some((e) => e.kind === 'region' && e.country === null) &&
      cands.every((e) => e.kind === 'city' || (e.kind === 'region' && e.country === null)) &&
      nextTok &&
      !nextTok.name &&
      /^\s+$/.test(nextTok.gapBefore) &&
      /^\p{Ll}/u.test(nextTok.text) &&
      nextTok.tags.has('Noun') &&
      !nextTok.tags.has('Adjective')
    )
      return null;
    return [
      {
        ...base,
        surface,
        candidates: cands,
        cue: portOf || adminOf || !!adminNoun || gr.locative.test(before) || first.tags.has('Place'),
        ...(tail ? { tail } : {}),
      },
    ];
  }
  // "Port Everglades": a port named with "Port" first, when the gazetteer does not know it.
  if (gr.portWord.has(words[0]!) && run.length > 1)
    return [{ ...base, surface, candidates: [], local: { kind: 'port' }, cue: true }];
  // "Quebec Region", "Borno State", "North Eastern Division": an administrative unit named as
  // written, of the country of the place or directions it is named after.
  const unit = adminUnit(ctx, run);
  if (unit) return [unit];
  if (adminNoun || portOf || adminOf || gr.bearing.test(before)) {
    if (run.some((t) => ctx.gaz.demonym(t.text) !== null)) return null;
    const kind = portOf
      ? 'port'
      : !adminNoun
        ? 'other'
        : gr.adminSettlement.has(adminNoun[1]!)
          ? 'city'
          : 'region';
    return [{ ...base, surface, candidates: [], local: { kind }, cue: true }];
  }
  // "stopped near Kettlewick", "the house in Mbalambala", "el poblado de Imala": a name the gazetteer
  // lacks right after a strong locative (entity-grammar.yaml `town-locatives`) is a town.
  if (townAfterLocative(ctx, run, before, after, sentence))
    return [{ ...base, surface, candidates: [], local: { kind: 'city' }, cue: true }];
  // "in Town, Province, on Monday": a name the gazetteer lacks after a town, kept for now.
  if (tail && !run.some((t) => ctx.gaz.demonym(t.text) !== null) && !isGeneric(ctx, surface))
    return [{ ...base, surface, candidates: [], cue: false, tail: true }];
  // "Wien-Floridsdorf", "Halle-Vilvoorde", "Bruxelles-Zaventem": towns joined by hyphens into
  // the name of a district, an arrondissement or an airport, one place of their one country.
  const joined = hyphenJoined(ctx, surface);
  if (joined)
    return [{ ...base, surface, candidates: [], local: { kind: 'city' }, cue: true, within: joined }];
  // Parts of a longer run: "India-Pakistan", "Kanchanaburi police" handled as single words.
  if (run.length < 2) return null;
  const out: Raw[] = [];
  for (let len = run.length - 1; len >= 1; len--) {
    for (let i = 0; i + len <= run.length; i++) {
      const part = run.slice(i, i + len);
      if (!part[0]!.name || !part[len - 1]!.name) continue;
      if (out.some((o) => o.start < part[len - 1]!.end && part[0]!.start < o.end)) continue;
      const name = spanText(ctx, part);
      // A single word of a longer run must be a proper word ("South" of "South Sudanese" is not).
      if (len === 1 && isCommonWord(part[0]!.text, EMPTY_TAGS, ctx.parser)) continue;
      // Only countries, regions and aliases: a city word inside a longer run is too often part of
      // a person's or a firm's name ("Pilar Bernabe").
      if (ctx.tables.notPlaces.has(name)) continue;
      const pc = ctx.gaz.lookup(name).filter((e) => e.kind !== 'city');
      if (pc.length === 0 || pc.every((e) => e.datelineOnly || e.adjectival)) continue;
      out.push({
        sentence: sentenceIndex,
        start: part[0]!.start,
        end: part[len - 1]!.end,
        surface: name,
        candidates: pc,
        cue: false,
      });
    }
  }
  // "Grenze zu den Niederlanden": in a language that capitalises its nouns (or names a place
  // after a capitalised noun and a linking word), the known place after the last linking word
  // is the mention. English keeps "of"/"and" names whole or not at all.
  if (ctx.gaz.language !== 'en') {
    const link = run.findLastIndex((t) => !t.name);
    // Not across a connector of compound names ("Águas Lindas de Goiás" is a town), unless the
    // run goes on an organisation's name ("Comando | Territorial de Viseu": the command of Viseu).
    const linking = run.filter((t, i) => i <= link && !t.name);
    const prevTok = sentence[first.index - 1];
    const orgBefore =
      prevTok !== undefined &&
      isClaimed(ctx, prevTok) &&
      ctx.tables.orgHeads.has(prevTok.text) &&
      /^\s+$/.test(first.gapBefore);
    const tailStart =
      link >= 0 && (orgBefore || !linking.some((t) => gr.orgOf.has(t.text.toLowerCase())))
        ? run[link + 1]
        : undefined;
    let tailPart = tailStart ? out.find((o) => o.start === tailStart.start && o.end === last.end) : undefined;
    if (!tailPart && tailStart && orgBefore) {
      // "Fiscalía Federal de Rosario": a town of some size too.
      const name = spanText(ctx, run.slice(link + 1));
      const towns = ctx.gaz
        .lookup(name)
        .filter((e) => e.kind !== 'city' || e.population >= ctx.tables.populations['small-town-population']);
      if (towns.length > 0)
        tailPart = {
          sentence: sentenceIndex,
          start: tailStart.start,
          end: last.end,
          surface: name,
          candidates: towns,
          cue: true,
        };
    }
    if (tailPart && ctx.gaz.lookup(spanText(ctx, run.slice(0, link))).length === 0)
      return [{ ...tailPart, cue: true }];
  }
  // "Islands", "Coast" alone beside a named place are its generic nouns, no place of their own.
  if (out.length > 1) {
    const generic = (o: Raw) => !/\s/.test(o.surface) && gr.genericPlaceNouns.has(o.surface.toLowerCase());
    const named = out.filter((o) => !generic(o));
    if (named.length > 0) out.splice(0, out.length, ...named);
  }
  // The rest of the run must be place words too ("India-Pakistan", "Northern Alabama"): in
  // "Sierra Nevada" or "Georgia Pacific" the place word is part of another name.
  const rest = run.filter((t) => t.name && !out.some((o) => o.start <= t.start && t.end <= o.end));
  if (
    rest.some(
      (t) => !gr.genericPlaceNouns.has(t.text.toLowerCase()) && !gr.directionWords.has(t.text.toLowerCase()),
    )
  )
    return null;
  // "Andaman and Nicobar Islands", "Canary Islands Coast": a known place and generic nouns
  // after it are named as written.
  const only = out.length === 1 ? out[0]! : null;
  if (
    only &&
    only.start === first.start &&
    rest.length > 0 &&
    rest.every((t) => gr.genericPlaceNouns.has(t.text.toLowerCase()))
  )
    return [{ ...only, surface, end: last.end }];
  return out;
}

/**
 * The place an organisation is named after, at the end of its name: "Comando Territorial de
 * Viseu", "Zollfahndungsamt Essen", "Korps Politie Aruba", "Fiscalía Federal de Rosario".
 * The words after the last linking word or organisation head must be a known place (a town
 * of some size, a region or a country); a place the text names thus is a place of the story.
 */
function placeInOrganization(ctx: EntityContext, span: Token[]): Raw | null {
  const gr = ctx.tables.grammar;
  let from = -1;
  for (let i = span.length - 2; i >= 0; i--) {
    const t = span[i]!;
    if ((!t.name && gr.orgOf.has(t.text.toLowerCase())) || ctx.tables.orgHeads.has(t.text)) {
      from = i + 1;
      break;
    }
  }
  if (from <= 0 || from >= span.length) return null;
  const inner = span.slice(from);
  if (!inner[0]!.name || inner.some((t) => ctx.tables.orgHeads.has(t.text))) return null;
  const surface = spanText(ctx, inner);
  // A country an institution is named after ("Armada de México") is no place of the story.
  if (ctx.tables.notPlaces.has(surface)) return null;
  const all = ctx.gaz.lookup(surface);
  const found = all.filter(
    (e) => e.kind !== 'city' || e.population >= ctx.tables.populations['small-town-population'] || e.capital,
  );
  if (found.length === 0 || found.some((e) => e.kind === 'country')) return null;
  return {
    sentence: inner[0]!.sentence,
    start: inner[0]!.start,
    end: inner[inner.length - 1]!.end,
    surface,
    // A town large enough names the place; its smaller homonyms stay readings, so that the twin
    // town across a border (the customs post of a border town in a story of its own country) can win on context.
    candidates: all,
    cue: true,
  };
}

/** "Kanton Bern", "Provincia de El Loa", "Région Occitanie": the region, named as written. */
function headedRegion(ctx: EntityContext, run: Token[], surface: string): Raw | null {
  const gr = ctx.tables.grammar;
  const head = run[0]!;
  const lower = head.text.toLowerCase();
  // "Kantonen Bern" (German capitalises the plural noun too): the place after it, as written.
  const plural = gr.adminPlural.has(lower);
  const townNoun = gr.townNouns.has(lower);
  if (run.length < 2 || !/^\p{Lu}/u.test(head.text) || !(plural || townNoun || gr.adminUnitNouns.has(lower)))
    return null;
  if (ctx.gaz.lookup(surface).length > 0) return null;
  let at = 1;
  while (at < run.length - 1 && !run[at]!.name && gr.orgOf.has(run[at]!.text.toLowerCase())) at++;
  const inner = run.slice(at);
  if (inner.length === 0 || !inner[0]!.name) return null;
  // "Ville de Neuchâtel", "Gemeente Zwolle": after a noun of a town's government, the town (not
  // the canton of its name), named as the town.
  const towns = townNoun ? ctx.gaz.lookup(spanText(ctx, inner)).filter((e) => e.kind === 'city') : [];
  const regions = towns.length > 0 ? [] : ctx.gaz.regions(spanText(ctx, inner));
  if (regions.length === 0) {
    if (towns.length === 0) return null;
    return {
      sentence: head.sentence,
      start: inner[0]!.start,
      end: run[run.length - 1]!.end,
      surface: spanText(ctx, inner),
      candidates: towns,
      cue: true,
    };
  }
  // "im Bezirk X": a noun the language writes before a region but not in its name.
  const outside = plural || gr.adminNounsOutside.has(lower);
  return {
    sentence: head.sentence,
    start: outside ? inner[0]!.start : head.start,
    end: run[run.length - 1]!.end,
    surface: outside ? spanText(ctx, inner) : surface,
    candidates: regions,
    cue: true,
  };
}

/**
 * "In den Kantonen Bern, Graubünden und Thurgau", "en las provincias de Salta y Jujuy": the
 * places listed after a plural administrative noun are regions where the gazetteer has one.
 */
function markRegionsAfterPlural(ctx: EntityContext, raws: Raw[]): void {
  const gr = ctx.tables.grammar;
  const plural = [...gr.adminPlural].map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  if (!plural) return;
  const of = gr.slots.re('org-of');
  const before = cachedRegExp(`(?:^|[^\\p{L}])(?:${plural})\\s+(?:${of}\\s+)?$`, 'iu');
  for (let i = 0; i < raws.length; i++) {
    const r = raws[i]!;
    if (!before.test(ctx.text.slice(Math.max(0, r.start - 40), r.start))) continue;
    for (let j = i; j < raws.length; j++) {
      const x = raws[j]!;
      if (j > i) {
        const prev = raws[j - 1]!;
        if (prev.sentence !== x.sentence || !gr.listLink.test(ctx.text.slice(prev.end, x.start))) break;
      }
      const regions = ctx.gaz.regions(x.surface);
      if (regions.length > 0) {
        x.candidates = regions;
        x.cue = true;
      }
    }
  }
}

/**
 * The known town or region a place adjective names ("Kieler" -> Kiel, "Bremer" -> Bremen,
 * "Gentse" -> Gent), by the endings of a facility row, else null.
 */
function placeOfAdjective(
  ctx: EntityContext,
  word: string,
  endings: string[],
): { name: string; cands: GeoEntity[] } | null {
  let best: { name: string; cands: GeoEntity[]; population: number } | null = null;
  for (const ending of endings) {
    if (!word.endsWith(ending) || word.length < ending.length + 3) continue;
    const stem = word.slice(0, -ending.length);
    // "Antwerpse" -> Antwerpen before Antwerp; "Kieler" -> Kiel, not a small "Kiele" elsewhere.
    for (const name of [`${stem}en`, `${stem}e`, stem]) {
      const cands = ctx.gaz.lookup(name).filter((e) => e.kind === 'city' || e.kind === 'region');
      if (cands.length === 0) continue;
      const population = Math.max(...cands.map((e) => e.population));
      if (!best || population > best.population) {
        const written = cands.find((e) => placeKey(e.name) === placeKey(name))?.name ?? name;
        best = { name: written, cands, population };
      }
    }
  }
  return best ? { name: best.name, cands: best.cands } : null;
}

/**
 * The country of a hyphenated name none of whose parts is a country and every part of which
 * is a town or region of that one country ("Wien-Floridsdorf": AT), else null.
 */
export function hyphenJoined(ctx: EntityContext, surface: string): GeoEntity | null {
  if (/\s/.test(surface) || !/^\p{Lu}[\p{L}.]+(?:-\p{Lu}[\p{L}.]+)+$/u.test(surface)) return null;
  let common: string[] | null = null;
  for (const part of surface.split('-')) {
    const found = ctx.gaz.lookup(part);
    if (found.length === 0 || found.some((e) => e.kind === 'country')) return null;
    const here = new Set<string>();
    for (const e of found) if ((e.kind === 'city' || e.kind === 'region') && e.country) here.add(e.country);
    common = (common ?? [...here]).filter((c) => here.has(c));
    if (common.length === 0) return null;
  }
  return common?.length === 1 ? ctx.gaz.country(common[0]!) : null;
}

/**
 * The country of the known town or region a facility's name holds ("Flughafen Zürich"): that of
 * the largest entry of the name, a city of medium size at least, five times any homonym abroad.
 */
function townCountryOf(ctx: EntityContext, inner: Token[]): GeoEntity | null {
  if (inner.length === 0 || inner.length > 3 || !inner.every((t) => t.name)) return null;
  const pop = ctx.tables.populations;
  const found = ctx.gaz
    .lookup(spanText(ctx, inner))
    .filter((e) => e.country !== null && (e.kind === 'city' || e.kind === 'region'));
  const largest = found.reduce<GeoEntity | null>((a, e) => (!a || e.population > a.population ? e : a), null);
  if (!largest || largest.population < pop['medium-city-population']) return null;
  // "Luchthaven Frankfurt": homonyms abroad far smaller than the city do not count.
  const rival = Math.max(0, ...found.filter((e) => e.country !== largest.country).map((e) => e.population));
  return rival * 5 <= largest.population ? ctx.gaz.country(largest.country!) : null;
}

/** A run ending in a capitalised administrative noun whose other words are a known place or directions. */
function adminUnit(ctx: EntityContext, run: Token[]): Raw | null {
  const gr = ctx.tables.grammar;
  const last = run[run.length - 1]!;
  if (run.length < 2 || !/^\p{Lu}/u.test(last.text) || !gr.adminUnitNouns.has(last.text.toLowerCase()))
    return null;
  const inner = run.slice(0, -1);
  const innerName = spanText(ctx, inner);
  const known = ctx.gaz.lookup(innerName).filter((e) => e.kind !== 'city' || e.population >= 1000);
  const directions = inner.every((t) => gr.directionWords.has(t.text.toLowerCase()));
  if (known.length === 0 && !directions) return null;
  const countries = new Set(known.map((e) => e.country));
  return {
    sentence: last.sentence,
    start: run[0]!.start,
    end: last.end,
    surface: spanText(ctx, run),
    candidates: [],
    local: { kind: 'region' },
    cue: true,
    ...(countries.size === 1 && known[0]!.country
      ? { within: ctx.gaz.country(known[0]!.country) ?? undefined }
      : {}),
  };
}

function markListBefore(ctx: EntityContext, r: Raw, raws: Raw[], push: (r: Raw) => void): void {
  const chunks = ctx.chunks[r.sentence]!;
  let idx = chunks.findIndex((c) => c.start <= r.start && c.end >= r.end);
  r.cue = true;
  if (r.candidates.length === 0 && !r.local) r.local = { kind: 'region' };
  while (idx > 0) {
    const prev = chunks[idx - 1]!;
    const gap = ctx.text.slice(prev.end, chunks[idx]!.start);
    if (!ctx.tables.grammar.listLink.test(gap)) break;
    const existing = raws.find((x) => x.start === prev.start);
    if (existing) {
      existing.cue = true;
      if (existing.candidates.length === 0) existing.local = { kind: 'region' };
    } else if (!prev.tokens.some((t) => isClaimed(ctx, t)))
      push({
        surface: prev.text,
        start: prev.start,
        end: prev.end,
        sentence: r.sentence,
        candidates: ctx.gaz.lookup(prev.text),
        local: { kind: 'region' },
        cue: true,
      });
    idx--;
  }
}

/** Choose one entity per mention, by context, population and cues. */
function resolve(ctx: EntityContext, raws: Raw[]): PlaceMention[] {
  const pop = ctx.tables.populations;
  const MEDIUM_CITY_POPULATION = pop['medium-city-population'];
  const HOMONYM_ABROAD_POPULATION = pop['homonym-abroad-population'];
  const isGenericName = (surface: string) => isGeneric(ctx, surface);
  // Context: countries and regions the article names unambiguously, and its demonyms.
  const countries = new Map<string, number>();
  const regions = new Set<string>();
  /** What the article is about, from words rather than from towns: countries, demonyms, agencies. */
  const about = new Map<string, number>();
  /** Evidence each mention gave itself, so that a name is not its own context. */
  const own = new Map<Raw, Map<string, number>>();
  let current: Raw | undefined;
  const bump = (code: string | null, n = 1) => {
    if (!code || code === 'EU') return;
    countries.set(code, (countries.get(code) ?? 0) + n);
    if (current) {
      const m = own.get(current) ?? new Map<string, number>();
      m.set(code, (m.get(code) ?? 0) + n);
      own.set(current, m);
    }
  };
  const aboutBump = (code: string | null) => {
    if (code && code !== 'EU') about.set(code, (about.get(code) ?? 0) + 1);
  };
  for (const r of raws) {
    current = r;
    // Origins, destinations and the two sides of a border say nothing of where the story is;
    // nor does a small town that only a facility's name holds (a London airport named after a
    // hamlet that GeoNames knows only in Florida).
    if (r.origin || r.borderPart) continue;
    if (
      r.nested &&
      r.candidates.every((e) => e.kind === 'city' && e.population < pop['small-town-population'])
    )
      continue;
    const named = r.candidates.filter((e) => e.kind !== 'city');
    if (named.length === 1 && named[0]!.kind === 'country' && !isGenericName(r.surface))
      aboutBump(named[0]!.country);
    const top = r.within ? [r.within] : r.candidates.filter((e) => e.kind !== 'city');
    // A region that shares its name with a large city ("Manchester") is no evidence yet.
    const bigCity = r.candidates.some((e) => e.kind === 'city' && e.population >= MEDIUM_CITY_POPULATION);
    if (
      top.length === 1 &&
      (!bigCity || r.within) &&
      (!isGenericName(r.surface) || top[0]!.kind === 'country')
    ) {
      bump(top[0]!.country);
      if (top[0]!.admin1) regions.add(top[0]!.admin1);
    }
    if (r.within) bump(r.within.country);
    // A name whose every reading lies in one country ("Los Barrios", "Amritsar") counts too.
    const cs = new Set(r.candidates.map((e) => e.country));
    if (top.length !== 1 && r.candidates.length > 0 && cs.size === 1 && !isGenericName(r.surface))
      bump(r.candidates[0]!.country);
  }
  current = undefined;
  // Other languages write demonyms in lower case ("die österreichische Zollverwaltung", "les
  // douanes sénégalaises", "la policía boliviana"): those count as well.
  const lowerDemonyms = ctx.gaz.language !== 'en';
  for (const sentence of ctx.tokens)
    for (const t of sentence) {
      const d = t.name || (lowerDemonyms && t.text.length > 3) ? ctx.gaz.demonym(t.text) : null;
      if (d) {
        bump(d);
        aboutBump(d);
      }
    }
  // Agencies that belong to one country ("Border Force", "Guardia Civil"), and countries named
  // in organisations' names ("Jamaica Customs", "Trinidad and Tobago Police Service").
  const agencyCodes = new Set<string>();
  // The name itself first (the pattern is the name, case-sensitive, between non-letters).
  for (const a of ctx.tables.agencyCountries)
    if (ctx.text.includes(a.name) && agencyPattern(a.name).test(ctx.text)) {
      bump(a.country);
      aboutBump(a.country);
      agencyCodes.add(a.country);
    }
  // The agencies of the story, when all belong to one country: its place of action, before the
  // demonyms of crews and suspects ("a Pakistani boat" stopped by the Indian Coast Guard).
  const agencyHome = agencyCodes.size === 1 ? [...agencyCodes][0]! : null;
  for (const code of ctx.orgCountries) {
    bump(code);
    aboutBump(code);
  }
  // A name whose largest reading dwarfs the others ("London", "Manchester") counts for its country.
  for (const [i, r] of raws.entries()) {
    current = r;
    if (r.origin || r.borderPart) continue;
    if (r.within) continue;
    // "Town, in Country's X region": the region after the name decides it (below).
    const next = raws[i + 1];
    const link = next ? ctx.text.slice(r.end, next.start) : '';
    if (next && (ctx.tables.grammar.withinLink.test(link) || ctx.tables.grammar.townRegionLink.test(link)))
      continue;
    const [a] = r.candidates.filter((e) => e.kind === 'city').sort((x, y) => y.population - x.population);
    // A city-state or a region named after its own city is no other reading.
    if (r.candidates.some((e) => e.kind !== 'city' && e.country !== a?.country)) continue;
    const b = r.candidates
      .filter((e) => e.country !== a?.country)
      .sort((x, y) => y.population - x.population)[0];
    if (a && a.population >= MEDIUM_CITY_POPULATION && (!b || a.population >= 10 * b.population))
      bump(a.country);
  }
  current = undefined;
  const dominant = [...countries.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
  const aboutRank = [...about.entries()].sort((a, b) => b[1] - a[1]);
  const mainCountry = aboutRank[0] && aboutRank[0][1] > (aboutRank[1]?.[1] ?? 0) ? aboutRank[0][0] : null;
  // For figures with no place at all, only a country the article is clearly about: named more
  // than `main-country-dominance` times as often as any other.
  const dominance = ctx.tables.populations['main-country-dominance'];
  ctx.mainCountry =
    mainCountry && aboutRank[0]![1] > dominance * (aboutRank[1]?.[1] ?? 0) ? mainCountry : null;
  /** Evidence for a country other than what the mention gave itself. */
  const evidence = (code: string | null, r: Raw): number =>
    code ? (countries.get(code) ?? 0) - (own.get(r)?.get(code) ?? 0) : 0;

  const score = (e: GeoEntity, r: Raw): number => {
    let s = Math.log10(e.population + 1);
    if (e.kind === 'country' || e.id.startsWith('alias:')) s += 20;
    // Region populations sum every town of the region: weigh them down against cities.
    if (e.kind === 'region' && e.admin1) s -= 1;
    // Countries named more often weigh more ("Punjab" in an article about India and Pakistan).
    if (e.country && countries.has(e.country)) s += 2 + Math.min(4, countries.get(e.country)!);
    if (e.admin1 && regions.has(e.admin1)) s += 4;
    if (e.capital) s += 1;
    // A homonym in a country of the text's language ("Cádiz" in Spanish news).
    if (e.country && ctx.gaz.home.has(e.country)) s += 1;
    if (r.within && inside(e, r.within)) s += 10;
    return s;
  };

  // "Athens, Georgia", "Cordoba in Argentina": a region right after a name narrows both to what
  // contains the name.
  for (let i = 0; i + 1 < raws.length; i++) {
    const r = raws[i]!;
    const next = raws[i + 1]!;
    if (r.within || !ctx.tables.grammar.withinLink.test(ctx.text.slice(r.end, next.start))) continue;
    const outer = next.candidates.find(
      (o) =>
        (o.kind === 'region' || o.kind === 'country') &&
        r.candidates.some((e) => e.id !== o.id && inside(e, o)),
    );
    if (!outer) continue;
    r.within = outer;
    r.cue = true;
    next.candidates = [outer];
  }

  const out: PlaceMention[] = [];
  const openCountry = new Set<PlaceMention>();
  const tailOf = (r: Raw): string | null => {
    if (!r.tail) return null;
    const prev = out.at(-1);
    if (!prev || prev.sentence !== r.sentence || prev.origin || !prev.country || prev.country === 'EU')
      return null;
    if (prev.entity.startsWith('local:') || !['city', 'port'].includes(prev.kind)) return null;
    return /^,\s*$/.test(ctx.text.slice(prev.end, r.start)) ? prev.country : null;
  };
  // "SPRINGFIELD, Ill. ... officers in downtown Springfield": a name the text has tied to a region
  // or country keeps that reading where it is named bare, until the text ties it to another (twin
  // border towns of one name on both sides, homonyms).
  const qualified = new Map<string, GeoEntity>();
  for (const r of raws) {
    let best: GeoEntity | undefined;
    if (r.candidates.length > 0) {
      best = [...r.candidates].sort((a, b) => score(b, r) - score(a, r))[0]!;
      const key = placeKey(r.surface);
      const earlier = r.within ? undefined : qualified.get(key);
      if (earlier && r.candidates.some((e) => e.id === earlier.id)) best = earlier;
      else if (r.within && inside(best, r.within) && best.kind !== 'country') qualified.set(key, best);
      // A country that shares its name with a region of the article's main country ("Georgia"
      // in a US story) is the region, unless the text names that country's own places.
      if (best.kind === 'country' && best.country && !countries.has(best.country)) {
        const region = r.candidates.find(
          (e) => e.kind === 'region' && e.country && (countries.get(e.country) ?? 0) >= 2,
        );
        if (region) best = region;
      }
      // A region that shares its name with a big city of its own country is the city ("Madrid").
      if (best.kind === 'region' && best.admin1) {
        const city = r.candidates.find(
          (e) =>
            e.kind === 'city' && e.country === best!.country && e.population >= pop['region-city-population'],
        );
        if (city) best = city;
      }
      // A name of common words ("Northern District", "Police") needs its country in the article.
      if (
        isGenericName(r.surface) &&
        !r.within &&
        best.kind !== 'country' &&
        !best.id.startsWith('alias:') &&
        // a name the alias table gives on purpose ("Canary Islands") is no common phrase
        (best.source === 'geonames' || best.source === 'world-countries') &&
        !(best.country && countries.has(best.country))
      )
        continue;
      if (best.kind === 'city' && !accepted(ctx, best, r, countries, regions)) {
        // "south of San Carlos" in a Panamanian story: a larger foreign homonym the article never
        // points to gives way to a reading the context accepts, before the name is dropped.
        best = [...r.candidates]
          .sort((a, b) => score(b, r) - score(a, r))
          .find(
            (e) =>
              e.kind === 'city' &&
              e.country !== null &&
              countries.has(e.country) &&
              accepted(ctx, e, r, countries, regions),
          );
      }
      if (!best && !r.local && !tailOf(r)) continue;
      // "the X-Y border in Punjab": the side the rest of the article points to, else no country.
      if (best && r.borderOf) {
        const [a, b] = r.borderOf;
        const ea = evidence(a, r);
        const eb = evidence(b, r);
        const side = ea > eb ? a : eb > ea ? b : null;
        const pick = side ? r.candidates.find((e) => e.country === side) : undefined;
        if (pick) best = pick;
        else {
          best = undefined;
          r.local = { kind: r.candidates.some((e) => e.kind === 'region') ? 'region' : 'city' };
          r.unknownCountry = true;
        }
      }
      // "seized in Norfolk" in a British story: a small foreign homonym whose country the
      // article never names is a place of the article's country that the gazetteer lacks.
      // Without a country the words name, the country the text's places point to, named often
      // enough, when nothing else in the text points to the homonym's ("a shed in Westfield"
      // among three Dutch towns).
      const storyCountry =
        mainCountry ??
        (dominant &&
        (countries.get(dominant) ?? 0) >= pop['story-country-places'] &&
        r.candidates.every((e) => !e.country || e.country === dominant || evidence(e.country, r) === 0)
          ? dominant
          : null);
      if (
        best &&
        storyCountry &&
        // a locative cue, or no word of the text but the name itself points to its country
        (r.cue || !best.country || evidence(best.country, r) === 0) &&
        !r.nested &&
        !r.origin &&
        !r.within &&
        best.kind === 'city' &&
        !best.id.startsWith('alias:') &&
        best.population < HOMONYM_ABROAD_POPULATION &&
        !r.candidates.some((e) => e.country === storyCountry) &&
        r.candidates.every((e) => !e.country || !about.has(e.country)) &&
        // A town in a country of the text's language is that town ("Bayonne" in French news).
        !r.candidates.some((e) => e.country && ctx.gaz.home.has(e.country))
      ) {
        best = undefined;
        r.local = { kind: 'other' };
        r.localCountry = storyCountry;
      }
    }
    if (!best && !r.local) {
      // "in Town, Province": the province the gazetteer lacks lies in the town's country.
      const country = tailOf(r);
      if (!country) continue;
      r.local = { kind: 'region' };
      r.localCountry = country;
    }
    if (best) {
      out.push({
        name: best.name,
        surface: r.surface,
        kind: best.kind,
        country: best.country,
        ...(best.lat !== undefined && best.lon !== undefined ? { lat: best.lat, lon: best.lon } : {}),
        sentence: r.sentence,
        start: r.start,
        end: r.end,
        coreference: false,
        entity: best.id,
        listed: r.qualifier ? false : best.listed,
        abbreviation: best.abbreviation,
        canonical: best.name,
        capital: best.capital,
        ...(r.kindAs ? { kind: r.kindAs } : {}),
        ...(r.origin ? { origin: true } : {}),
      });
    } else {
      out.push({
        name: r.surface,
        surface: r.surface,
        kind: r.local!.kind,
        country: null,
        sentence: r.sentence,
        start: r.start,
        end: r.end,
        coreference: false,
        entity: `local:${placeKey(r.surface)}`,
        listed: true,
        abbreviation: false,
        canonical: r.surface,
        ...(r.within ? { within: r.within.country } : {}),
        ...(r.localCountry ? { within: r.localCountry } : {}),
        ...(r.origin ? { origin: true } : {}),
      });
      if (r.unknownCountry) openCountry.add(out[out.length - 1]!);
    }
  }
  // Places the gazetteer does not know take the country of the nearest place around them.
  // Origins and destinations never lend theirs; the article's main country comes before the
  // dominant one, which towns alone can make up.
  for (const m of out) {
    if (m.country !== null || !m.entity.startsWith('local:')) continue;
    if (openCountry.has(m)) continue;
    m.country =
      m.within ??
      agencyCountryIn(ctx, m.sentence) ??
      nearestCountry(out, m, ctx) ??
      agencyHome ??
      mainCountry ??
      dominant;
  }
  return out;
}

/** The country of an agency named in sentence `index` ("US Customs and Border Protection officers"). */
function agencyCountryIn(ctx: EntityContext, index: number): string | null {
  const text = ctx.parsed.sentences[index]?.text ?? '';
  const found = new Set(
    ctx.tables.agencyCountries
      .filter((a) => text.includes(a.name) && agencyPattern(a.name).test(text))
      .map((a) => a.country),
  );
  return found.size === 1 ? [...found][0]! : null;
}

const agencyPatterns = new Map<string, RegExp>();

function agencyPattern(name: string): RegExp {
  let re = agencyPatterns.get(name);
  if (!re) {
    re = new RegExp(`(?<![\\p{L}\\d])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\d])`, 'u');
    agencyPatterns.set(name, re);
  }
  return re;
}

/** Every word is common English or a generic place noun ("Northern District", "Central Region"). */
function isGeneric(ctx: EntityContext, surface: string): boolean {
  return surface
    .split(/[\s-]+/)
    .every(
      (w) =>
        !/^\p{Lu}/u.test(w) ||
        ctx.tables.grammar.genericPlaceNouns.has(w.toLowerCase()) ||
        isCommonWord(w, EMPTY_TAGS, ctx.parser),
    );
}

function accepted(
  ctx: EntityContext,
  e: GeoEntity,
  r: Raw,
  countries: Map<string, number>,
  regions: Set<string>,
): boolean {
  const pop = ctx.tables.populations;
  if (r.within) return true;
  if (e.population >= pop['medium-city-population']) return true;
  const inContext =
    (e.country !== null && countries.has(e.country)) || (e.admin1 !== null && regions.has(e.admin1));
  if (e.population >= pop['small-town-population']) return r.cue || inContext;
  return r.cue && inContext;
}

function nearestCountry(all: PlaceMention[], m: PlaceMention, ctx: EntityContext): string | null {
  const para = ctx.parsed.sentences[m.sentence]?.paragraph;
  let best: PlaceMention | undefined;
  let bestD = Number.POSITIVE_INFINITY;
  for (const o of all) {
    if (o === m || !o.country || o.country === 'EU' || o.entity.startsWith('local:') || o.origin) continue;
    // Same sentence first, then the same paragraph, then the paragraph before.
    const sameSentence = o.sentence === m.sentence;
    const oPara = ctx.parsed.sentences[o.sentence]?.paragraph ?? -9;
    const samePara = oPara === para;
    const paraBefore = para !== undefined && oPara === para - 1;
    if (!sameSentence && !samePara && !paraBefore) continue;
    const d = Math.abs(o.start - m.start) + (sameSentence ? 0 : samePara ? 10_000 : 100_000);
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best?.country ?? null;
}

/** The pattern of each coreference rule (rules are the loaded table's objects, read once). */
const coreferencePatterns = new WeakMap<object, RegExp>();

/** Add "the port city" style mentions, resolved to the nearest earlier fitting place. */
function withCoreferences(ctx: EntityContext, mentions: PlaceMention[]): PlaceMention[] {
  const extra: PlaceMention[] = [];
  const of = ctx.tables.grammar.slots.re('org-of');
  let folded: string | undefined;
  const foldedText = (): string => {
    folded ??= foldForLiterals(ctx.text);
    return folded;
  };
  for (const rule of ctx.tables.coreferences) {
    // Compiled once per rule (a RegExp built per article is compiled again by V8 each time).
    let re = coreferencePatterns.get(rule);
    if (!re) {
      re = new RegExp(`\\b${rule.phrase.replace(/ /g, '\\s+')}\\b(?!\\s+${of}\\b)(?!['’]s\\b)?`, 'gi');
      coreferencePatterns.set(rule, re);
    }
    // A phrase whose words the article never writes is in none of its sentences.
    if (!mayMatch(re, foldedText())) continue;
    for (const s of ctx.parsed.sentences) {
      for (const m of matchAll(s.text, re)) {
        const start = s.start + m.index;
        const end = start + m[0].length;
        // "the city of X" is a name, not a coreference; so is "The City" inside a capitalised run.
        if (ctx.tables.grammar.ofAfter.test(ctx.text.slice(end, end + 4))) continue;
        if (/^\s+\p{Lu}/u.test(ctx.text.slice(end, end + 3)) && m[0][4] === m[0][4]?.toUpperCase()) continue;
        if (
          extra.some((x) => x.start <= start && x.end >= end) ||
          extra.some((x) => start <= x.start && end >= x.end)
        )
          continue;
        const antecedent = [...mentions]
          .reverse()
          .find(
            (x) => x.end <= start && rule.kinds.includes(x.kind) && (!rule.capital || x.capital === true),
          );
        let target = antecedent;
        if (!target && rule.capital) {
          const country = [...mentions].reverse().find((x) => x.end <= start && x.kind === 'country');
          const cap = country?.country ? ctx.gaz.capitalOf(country.country) : null;
          if (cap)
            target = {
              ...country!,
              name: cap.name,
              kind: 'city',
              ...(cap.lat !== undefined && cap.lon !== undefined ? { lat: cap.lat, lon: cap.lon } : {}),
              entity: cap.id,
              canonical: cap.name,
            };
        }
        if (!target) continue;
        extra.push({
          ...target,
          surface: m[0],
          sentence: s.index,
          start,
          end,
          coreference: true,
          reason: rule.reason,
        });
      }
    }
  }
  // Longer phrases first in the table ("the port city" before "the city"): drop contained ones.
  return [...mentions, ...extra].sort((a, b) => a.start - b.start);
}

/**
 * Group mentions into places: one per entity, named as the text names it where it can.
 * `leadingArticle` strips "the " from a name as written.
 */
export function placesOf(mentions: PlaceMention[], leadingArticle: RegExp): Place[] {
  const groups = new Map<string, PlaceMention[]>();
  for (const m of mentions) {
    if (m.coreference || m.listed === false) continue;
    const list = groups.get(m.entity);
    if (list) list.push(m);
    else groups.set(m.entity, [m]);
  }
  const places: Place[] = [];
  for (const list of groups.values()) {
    const m = list[0]!;
    const canonical = m.canonical ?? m.name;
    let name: string;
    const same = list.find((x) => placeKey(x.surface) === placeKey(canonical));
    // The text's own spelling wins ("Valparaiso" as written, not "Valparaíso").
    if (same) name = same.surface;
    // "the Kingdom of Morocco", "the Islamic Republic of Iran": a country's official style
    // around its common name is the country as people name it.
    else if (
      m.kind === 'country' &&
      list.some((x) => placeKey(x.surface).endsWith(` ${placeKey(canonical)}`))
    )
      name = canonical;
    else {
      // A place the text names only by an abbreviation ("in the UK", "U.S.") keeps it as written.
      const full = list.find((x) => !x.abbreviation);
      name = full ? full.surface : m.surface;
    }
    places.push({
      name: name.replace(leadingArticle, ''),
      kind: m.kind,
      country: m.country,
      ...(m.lat !== undefined && m.lon !== undefined ? { lat: m.lat, lon: m.lon } : {}),
    });
  }
  return places;
}

const thingNounSets = new WeakMap<object, Set<string>>();
/** The thing nouns of entity-grammar.yaml (vessels, firms, operations), lower case, once per table. */
function thingNouns(ctx: EntityContext): Set<string> {
  const gr = ctx.tables.grammar;
  let set = thingNounSets.get(gr);
  if (!set) {
    set = new Set(gr.slots.words('thing-nouns').map((w) => w.toLowerCase()));
    thingNounSets.set(gr, set);
  }
  return set;
}

/**
 * A run the gazetteer lacks, named right after a strong locative ("near Kettlewick", "in Mbalambala",
 * "off the coast of Mwandamo"), is a town when nothing in it or around it says otherwise: one to
 * three capitalised words, none a word of the language's lexicon, a demonym, an acronym, a date,
 * a place stopword or a first name the parser knows, and no lower-case noun right after it (the
 * name of a thing: "in Telegram groups"), unless that noun is a place noun ("industrial area").
 */
function townAfterLocative(
  ctx: EntityContext,
  run: Token[],
  before: string,
  after: string,
  sentence: Token[],
): boolean {
  const gr = ctx.tables.grammar;
  if (run.length > 3 || !gr.townLocative.test(before)) return false;
  const last = run[run.length - 1]!;
  // "Guaruj√°": a name cut inside a word (a broken character) is no name.
  if (last.possessive || !/^(?:\s|[,.;:!?)\]—–-]|$)/u.test(after)) return false;
  const surface = spanText(ctx, run);
  if (ctx.tables.notPlaces.has(surface) || isGeneric(ctx, surface)) return false;
  for (const t of run) {
    if (!t.name) {
      // "Villa de la Sierra", "Matrei am Brenner": a lower-case connector inside the name only.
      if (!gr.connectors.has(t.text)) return false;
      continue;
    }
    if (t.allCaps || t.text.length < 3) return false;
    if (['Date', 'Month', 'WeekDay', 'Holiday', 'FirstName', 'Value'].some((x) => t.tags.has(x)))
      return false;
    // The English parser tags names of other languages as persons at random; English ones it knows.
    if (ctx.gaz.language === 'en' && t.tags.has('Person')) return false;
    // "in Operation Trident", "near Luna Lounge": a thing's noun opens the name of that thing.
    if (thingNouns(ctx).has(t.text.toLowerCase()) || ctx.tables.notPlaces.has(t.text)) return false;
    if (ctx.gaz.demonym(t.text) !== null) return false;
    if (isCommonWord(t.text, EMPTY_TAGS, ctx.parser)) return false;
    if (gr.notNameWords.has(t.text.toLowerCase())) return false;
  }
  const next = sentence[last.index + 1];
  if (next && !next.name && /^\s+$/.test(next.gapBefore) && /^\p{Ll}/u.test(next.text)) {
    const w = next.text.toLowerCase();
    const placeNoun = gr.genericPlaceNouns.has(w) || gr.adminUnitNouns.has(w);
    if (next.tags.has('Noun') && !next.tags.has('Adjective') && !placeNoun) return false;
  }
  // Not a name a speech verb follows ("in Doe said" is a broken sentence about a person).
  return !cachedRegExp(`^,?\\s+(?:${ctx.tables.speechVerbs.join('|')})\\b`, 'i').test(after);
}
