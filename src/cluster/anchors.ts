/**
 * Language-independent anchors of a story, for telling whether two reports in different
 * languages tell the same event: a translated wire copy shares almost no words with the
 * original, but names the same places, people, drugs, figures and dates.
 *
 * - `place:<gazetteer id>`: places named in the text, read with the gazetteer of the article's
 *   language (so "Anvers", "Amberes" and "Antwerp" are one anchor), and the extractor's places
 *   (it reads small ports a bare capitalised word does not give); `country:XX` for countries.
 * - `region:<CC.admin1>`: the first-level region of each place, and regions named as such
 *   ("Gioia Tauro", "Reggio Calabria" and "Kalabrien" all give `region:IT.03`): one copy names
 *   the port, another the city, a third the province.
 * - `person:<name>`: runs of two or three capitalised words that are no place and no stopword
 *   ("Francisco Ayala"): names are written alike in every Latin-script language.
 * - `num:<value>`: figures written in digits, read in both decimal conventions' common cases
 *   ("7,2" and "7.2" are one value; "1.700" and "1,700" are 1700); `year:<yyyy>` for years.
 * - `drug:<canonical>`, `figure:<drug>:<kg>` and `date:<month>-<day>`, from the lexicon
 *   derived from the extraction tables of every language folder (lexicon.ts).
 *
 * Anchors are compared with IDF weights over the stories seen (similarity.ts).
 */
import { gazetteer } from '../geo/index.ts';
import { placeKey } from '../geo/normalize.ts';
import type { ClusterLexicon } from './lexicon.ts';
import type { ClusterTerms } from './terms.ts';

/** A city named by a single capitalised word counts from this size (German nouns are capitalised). */
const SINGLE_WORD_CITY_POPULATION = 50_000;
const CITY_POPULATION = 15_000;
/** ... and from this size after a port word ("Hafen Koper", "porto di Sines"). */
const PORT_TOWN_POPULATION = 5_000;
const MAX_ANCHORS = 60;
/** A count under this ("3 bags") is too common to be an anchor of one event. */
const MIN_COUNT_ANCHOR = 10;

const WORD = /[\p{Lu}\p{Ll}\p{Lt}][\p{L}\p{M}'’-]*|\d+(?:[.,\u00a0\u202f ]\d+)*/gu;

interface Token {
  text: string;
  start: number;
  end: number;
  /** First word of a sentence (its capital says nothing). */
  initial: boolean;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const before = text.slice(Math.max(0, start - 3), start);
    const initial = start === 0 || /(?:[.!?:]["»”]?\s+|\n\s*|["«“]\s*)$/.test(before);
    out.push({ text: m[0].replace(/[-'’]+$/, ''), start, end: start + m[0].length, initial });
  }
  return out;
}

const isCapitalised = (w: string): boolean => /^\p{Lu}/u.test(w) && !/^\p{Lu}+$/u.test(w.slice(0, 3));

/** A number's value ("16", "7,2" -> 7.2, "1.700" -> 1700, "23 000" -> 23000), or null. */
export function numberValue(raw: string): number | null {
  const s = raw.replace(/[\u00a0\u202f ]/g, ' ');
  if (/^\d{1,3}(?:([.,' ])\d{3})+$/.test(s)) {
    // "1.700", "1,700", "23 000": thousands groups (a decimal with three places is rarer in news)
    return Number(s.replace(/[.,' ]/g, ''));
  }
  if (/^\d+[.,]\d+$/.test(s)) return Number(s.replace(',', '.'));
  if (/^\d+$/.test(s)) return Number(s);
  return null;
}

export interface AnchorOptions {
  language: string;
  lexicon: ClusterLexicon;
  terms: ClusterTerms;
  /**
   * Spans of `title\n\ntext` that recall an older event (features.ts storyTime): their numbers,
   * years, figures and dates are not this story's, so they give no anchor (places and persons do).
   */
  background?: ReadonlyArray<{ start: number; end: number }>;
  /** The extractor's organizations: a capitalised run inside one is no person ("Guardia Civil"). */
  organizations?: readonly string[];
  /** The extractor's persons: anchors too, where the capitalised runs miss them. */
  persons?: readonly string[];
  /** The extractor's seizure countries: countries the story names, for the places below. */
  countries?: readonly string[];
  /** The extractor's places (resolved in context): anchors too, with their regions. */
  places?: ReadonlyArray<{ name: string; kind: string; country: string | null; lat?: number; lon?: number }>;
}

/** The anchors of an article, most telling first, at most MAX_ANCHORS. */
export function storyAnchors(title: string | null, text: string, options: AnchorOptions): string[] {
  const body = `${title ?? ''}\n\n${text}`;
  const g = gazetteer(options.language);
  const { lexicon, terms } = options;
  const out = new Map<string, number>();
  const add = (a: string, w = 1): void => {
    out.set(a, (out.get(a) ?? 0) + w);
  };
  const toks = tokens(body);
  const used = new Set<number>();
  const stop = (w: string): boolean => terms.stopwords.has(w.toLowerCase());

  const regionsNamed: string[] = [];
  // Places: the longest run of up to three capitalised words (with "de", "la" ... inside) the
  // gazetteer knows.
  for (let i = 0; i < toks.length; i++) {
    if (!isCapitalised(toks[i]!.text)) continue;
    for (let n = 3; n >= 1; n--) {
      const run = toks.slice(i, i + n);
      if (run.length < n) continue;
      if (!isCapitalised(run[n - 1]!.text)) continue;
      if (run.some((t, k) => k > 0 && t.start - run[k - 1]!.end > 1)) continue;
      const surface = body.slice(run[0]!.start, run[n - 1]!.end);
      // A single word run into a following capitalised one is the start of a name ("Álvaro
      // Quintanilla"), not a place that an alternate name happens to share.
      const next = toks[i + n];
      const named = n === 1 && !!next && next.start - run[0]!.end <= 1 && isCapitalised(next.text);
      // "Hafen Koper", "port of Koper", "porto di Gioia Tauro": a port word before a single
      // word makes a smaller town a place.
      const port = n === 1 && afterPortWord(toks, i, body, lexicon);
      const place = resolvePlace(g, surface, n === 1 && toks[i]!.initial, named, port);
      if (!place) continue;
      // A region named alone waits for its country to be named otherwise ("Atlántico", a
      // Colombian department, in a story about the ocean).
      if (place.length === 1 && place[0]!.startsWith('region:') && !curatedRegion(g, surface))
        regionsNamed.push(place[0]!);
      else for (const a of place) add(a);
      for (let k = i; k < i + n; k++) used.add(k);
      i += n - 1;
      break;
    }
  }

  // The extractor's places, found again in the gazetteer by name, country and position: those
  // in a country the text names otherwise (an ocean the extractor placed in Benin is none).
  const named = new Set([
    ...[...out.keys()].map((a) => /^(?:country|place):([A-Z]{2})\b/.exec(a)?.[1]),
    ...(options.countries ?? []),
  ]);
  for (const r of regionsNamed) if (named.has(r.slice('region:'.length, 'region:'.length + 2))) add(r);
  for (const p of options.places ?? []) {
    if (p.kind !== 'city' && p.kind !== 'port' && p.kind !== 'region') continue;
    if (!p.country || !named.has(p.country)) continue;
    const e = extractedPlace(g, p);
    if (!e) continue;
    if (e.kind !== 'region') add(`place:${e.country}:${placeKey(e.name)}`);
    if (e.admin1) add(`region:${regionCode(e.admin1)}`);
  }

  // Persons: the extractor's, and two or three capitalised words in a row, no place, no
  // stopword, not a sentence opener, not inside a name the extractor holds for an organization.
  const organizations = (options.organizations ?? []).map(placeKey);
  for (const p of options.persons ?? []) if (/\s/.test(p.trim())) add(`person:${placeKey(p)}`, 2);
  for (let i = 0; i < toks.length - 1; i++) {
    const run: Token[] = [];
    let skipped = 0;
    for (let k = i; k < toks.length && run.length < 3; k++) {
      const t = toks[k]!;
      if (used.has(k) || !isCapitalised(t.text) || stop(t.text) || t.text.length < 2) break;
      if (run.length > 0 && t.start - run[run.length - 1]!.end > 1) break;
      if (run.length > 0 && t.initial) break;
      // A title or role before a name is no part of it ("Sprecherin Anna Kowalczyk").
      if (run.length === 0 && lexicon.isRole(t.text)) {
        skipped++;
        continue;
      }
      run.push(t);
    }
    const key = placeKey(run.map((t) => t.text).join(' '));
    const organization = organizations.some((o) => ` ${o} `.includes(` ${key} `));
    if (run.length >= 2 && !run[0]!.initial && !organization && !run.some((t) => lexicon.isLexical(t.text))) {
      const name = (ts: Token[]): string => `person:${placeKey(ts.map((t) => t.text).join(' '))}`;
      add(name(run), 2);
      // "Julio Fernández Frutos" is also "Julio Fernández" in a shorter report.
      if (run.length === 3) {
        add(name(run.slice(0, 2)));
        add(name(run.slice(1)));
      }
      i += skipped + run.length - 1;
    }
  }

  // Numbers, years, figures and dates: read where the text tells this story, not an older one.
  let own = body;
  for (const b of options.background ?? []) {
    own = own.slice(0, b.start) + ' '.repeat(Math.max(0, b.end - b.start)) + own.slice(b.end);
  }
  const inBackground = (at: number): boolean =>
    (options.background ?? []).some((b) => at >= b.start && at < b.end);

  for (const t of toks) {
    if (inBackground(t.start)) continue;
    if (!/^\d/.test(t.text)) continue;
    const v = numberValue(t.text);
    if (v === null) continue;
    if (Number.isInteger(v) && v >= 1900 && v <= 2099 && !/[.,\s]/.test(t.text)) add(`year:${v}`);
    else if (v >= 2 || (v > 0 && !Number.isInteger(v))) add(`num:${v}`); // "1,5 toneladas" counts, "1" does not
  }

  // Drugs, figures and dates, from the lexicon of every language.
  for (const d of lexicon.drugsIn(body)) add(`drug:${d}`);
  for (const f of lexicon.figuresIn(own)) {
    // "one container", "two bags" and "0 kg" tell no event apart.
    if (f.kg !== null && f.kg > 0) add(`figure:${f.kg}`, 2);
    else if (f.count !== null && f.count >= MIN_COUNT_ANCHOR) add(`count:${f.count}`, 2);
  }
  for (const d of lexicon.datesIn(own)) add(`date:${d}`, 2);

  return [...out.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_ANCHORS)
    .map(([a]) => a);
}

/** A region row of config/geo/regions.yaml (written for the languages read here), not a bare GeoNames name. */
function curatedRegion(g: ReturnType<typeof gazetteer>, surface: string): boolean {
  return g.lookup(surface).some((e) => e.kind === 'region' && e.source.startsWith('region-'));
}

/** The first-level region of an admin code (`ES.58.PO` -> `ES.58`). */
const regionCode = (admin: string): string => admin.split('.').slice(0, 2).join('.');

type Entry = ReturnType<ReturnType<typeof gazetteer>['lookup']>[number];

/** The gazetteer entry of an extracted place: same name and country, nearest to its position. */
function extractedPlace(
  g: ReturnType<typeof gazetteer>,
  p: { name: string; country: string | null; lat?: number; lon?: number },
): Entry | null {
  const found = g
    .lookup(p.name)
    .filter(
      (e) => e.listed && !e.abbreviation && e.kind !== 'country' && (!p.country || e.country === p.country),
    );
  if (found.length === 0) return null;
  if (p.lat === undefined || p.lon === undefined) return found[0]!;
  const d = (e: Entry): number =>
    e.lat === undefined || e.lon === undefined ? 1e9 : (e.lat - p.lat!) ** 2 + (e.lon - p.lon!) ** 2;
  return found.reduce((best, e) => (d(e) < d(best) ? e : best));
}

/** The token before `i` (over one short lower-case word: "of", "di", "van") is a port word. */
function afterPortWord(toks: Token[], i: number, body: string, lexicon: ClusterLexicon): boolean {
  for (let k = i - 1; k >= Math.max(0, i - 2); k--) {
    const t = toks[k]!;
    if (/[.!?;:\n]/.test(body.slice(t.end, toks[k + 1]!.start))) return false;
    if (lexicon.isPortWord(t.text)) return true;
    if (!/^\p{Ll}{1,3}$/u.test(t.text)) return false;
  }
  return false;
}

function resolvePlace(
  g: ReturnType<typeof gazetteer>,
  surface: string,
  initial: boolean,
  beforeName: boolean,
  afterPort = false,
): string[] | null {
  const found = g.lookup(surface).filter((e) => e.listed && !e.abbreviation && !e.datelineOnly);
  if (found.length === 0) return null;
  // Two-letter words are no country names ("Im", "In"); codes are left out too.
  const country = surface.length > 2 ? found.find((e) => e.kind === 'country') : undefined;
  if (country?.country) return [`country:${country.country}`];
  const single = !/\s/.test(surface);
  const min =
    single && !afterPort ? SINGLE_WORD_CITY_POPULATION : afterPort ? PORT_TOWN_POPULATION : CITY_POPULATION;
  let best: (typeof found)[number] | null = null;
  for (const e of found) {
    if (e.kind !== 'city' && e.kind !== 'port') continue;
    if (e.population < min) continue;
    if (beforeName && e.source === 'geonames-alternate') continue;
    if (!best || e.population > best.population) best = e;
  }
  // A capitalised sentence opener is only a place when it is a large one.
  if (!best || (initial && best.population < 200_000)) {
    // Else a region the text names as such (GeoNames or a regions.yaml row: "Galicien", "Calabre").
    const region = found.find((e) => e.kind === 'region' && e.admin1 && e.country);
    if (!region || beforeName || (initial && region.population < 200_000)) return null;
    return [`region:${regionCode(region.admin1!)}`];
  }
  // By country and name, not the row: stored anchors outlive a rebuilt gazetteer.
  const out = [`place:${best.country}:${placeKey(best.name)}`];
  if (best.admin1) out.push(`region:${regionCode(best.admin1)}`);
  return out;
}
