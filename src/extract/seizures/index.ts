/**
 * Seizure figures and trends, and whether the article is a seizure story.
 *
 * Per sentence (the title first): find quantities, drop those in a negative frame, bind each to
 * a drug ("N kg of X", "N X pills", the nearest drug named, else the drug the article is talking
 * about), a period (the nearest date, else the last one the article gave) and a place (see
 * places.ts). Then join what states one seizure twice (headline and body, rounded and exact,
 * mass and count) and read percent changes as trends. Rule tables: config/rules/<lang>/*.yaml,
 * passed in as the RuleSet of the article's language.
 */
import type { Drug, Seizure, Trend } from '../../types.ts';
import type { PlaceMention } from '../entities/index.ts';
import type { ParsedText } from '../parse.ts';
import { cachedRegExp } from '../rules/regex-cache.ts';
import { defaultRuleSet, type RuleSet } from '../rules/ruleset.ts';
import { escapeRegex } from '../rules/slots.ts';
import { type DrugMention, findDrugMentions } from './drugs.ts';
import { negativeFrame } from './frames.ts';
import { type Candidate, joinCountsAcrossSentences, mergeCandidates, takeLaterPeriod } from './merge.ts';
import { detectNumberFormat } from './numbers.ts';
import { findPeriods, nearestPeriod, type PeriodMention, periodOfFigure, publicationDay } from './periods.ts';
import {
  agencyCountry,
  contextPlace,
  demonymAgencyCountry,
  eligibleMentions,
  knownAgencyCountry,
  type PlacePick,
  placeInClause,
} from './places.ts';
import { findQuantities, type Quantity } from './quantities.ts';
import { decideSeparators } from './separators.ts';
import { perTables, type SeizureTables, sentenceTermMatch, termMatch, termMatches } from './tables.ts';
import { findTrend } from './trends.ts';

export interface SeizureFindings {
  seizureStory: boolean;
  seizures: Seizure[];
  trends: Trend[];
}

interface Unit {
  /** -1 for the title. */
  index: number;
  text: string;
  /** Offset of the sentence in `text` (title: -1, no place mentions there). */
  start: number;
  paragraph: number;
  isTitle: boolean;
  isHeading: boolean;
  /** A line of a list (parse.ts `listItem`). */
  listItem: boolean;
}

interface Context {
  drug: Drug | null;
  period: string | null;
  /** The country the story was at when `period` was set: a date is not carried abroad. */
  periodCountry: string | null;
  place: PlacePick | null;
  /** The previous sentence spoke of a seizure (a cue word or an accepted figure). */
  seizureTalk: boolean;
}

/**
 * Resolve a drug mention. A generic word that refers back ("the drugs", "these narcotics")
 * takes the drug the article was last talking about; an indefinite one ("40 tons of drugs",
 * "N kilograms of narcotics") names no kind and is `unspecified`.
 */
function canonical(
  t: SeizureTables,
  text: string,
  d: DrugMention | undefined,
  contextDrug: Drug | null,
): Drug | null {
  if (!d) return null;
  if (d.drug !== 'generic') return d.drug;
  const definite =
    t.grammar.referringStart.test(text.slice(d.start, d.end)) ||
    t.grammar.referringBefore.test(text.slice(Math.max(0, d.start - 40), d.start));
  // "the drug" never means the precursor chemicals named before it.
  return definite && contextDrug !== 'precursors' ? (contextDrug ?? 'unspecified') : 'unspecified';
}

/**
 * "2 tons of meth, cocaine, heroin and marijuana": a figure bound to a list of several drugs,
 * with no other figure in the list, is one seizure of mixed drugs (`unspecified`).
 */
function mixedList(
  t: SeizureTables,
  text: string,
  first: DrugMention,
  drugs: DrugMention[],
  all: Quantity[],
): boolean {
  const kinds = new Set<Drug | 'generic'>([first.drug]);
  let last = first;
  for (const d of drugs) {
    if (d.start < last.end || d === first) continue;
    const gap = text.slice(last.end, d.start);
    if (!t.grammar.drugListLink.test(gap) || all.some((q) => q.start >= last.end && q.start < d.start)) break;
    kinds.add(d.drug);
    last = d;
  }
  kinds.delete('generic');
  return kinds.size >= 2;
}

/**
 * A generic word that names several kinds at once ("drugs", "narcotics", "illicit substances":
 * the drugs.yaml rule of this reason). Referring back, it takes the drug named before, except in
 * a total, which counts every kind seized.
 */
const KINDS_WORD = 'drug-generic-kinds';
const KINDS_REFERS_BACK = 'drug-generic-kinds-refers-back';

function lastSpecific(drugs: DrugMention[], before = Number.POSITIVE_INFINITY): Drug | null {
  let out: Drug | null = null;
  for (const d of drugs) if (d.start < before && d.drug !== 'generic') out = d.drug;
  return out;
}

/** Drug of a quantity, and whether the quantity is grammatically bound to it. */
function drugFor(
  t: SeizureTables,
  text: string,
  q: Quantity,
  drugs: DrugMention[],
  all: Quantity[],
  contextDrug: Drug | null,
): { drug: Drug | null; bound: boolean; reason: string } {
  const found = drugOfFigure(t, text, q, drugs, all, contextDrug);
  // "seized 38,000 plants", "eine Plantage mit 400 Pflanzen": plants with no drug of their own
  // are cannabis, whatever drug the article spoke of before (a coca or poppy field names its plant).
  if (q.unit === 'plants' && !found.bound && found.drug !== 'cannabis' && found.drug !== 'opium')
    return { drug: 'cannabis', bound: false, reason: 'drug-plants-cannabis' };
  return found;
}

function drugOfFigure(
  t: SeizureTables,
  text: string,
  q: Quantity,
  drugs: DrugMention[],
  all: Quantity[],
  contextDrug: Drug | null,
): { drug: Drug | null; bound: boolean; reason: string } {
  const ctx = lastSpecific(drugs, q.start) ?? contextDrug;
  const resolve = (d: DrugMention) => canonical(t, text, d, ctx);
  /** The rule that named the drug; a generic word says whether it referred back. */
  const why = (d: DrugMention, drug: Drug | null) =>
    d.drug !== 'generic'
      ? d.reason
      : drug === 'unspecified'
        ? 'drug-generic-unspecified'
        : d.reason === KINDS_WORD
          ? KINDS_REFERS_BACK
          : 'drug-generic-refers-back';
  const infix = drugs.find((d) => d.start >= q.infixStart && d.end <= q.end);
  // "30,000 ecstasy and methamphetamine pills": the count holds several kinds.
  if (infix && mixedList(t, text, infix, drugs, all))
    return { drug: 'unspecified', bound: true, reason: 'drug-mixed-list' };
  if (infix) {
    const drug = resolve(infix);
    return { drug, bound: true, reason: why(infix, drug) };
  }
  const next = drugs.find((d) => d.start >= q.end);
  if (
    next &&
    (t.grammar.ofBinding.test(text.slice(q.end, next.start)) ||
      t.grammar.genericOf.test(text.slice(q.end, next.start)) ||
      // "60 kg hashish", "200 kg high-grade heroin": a drug right after a mass unit.
      (q.kind === 'mass' && /^\s+(?:\p{L}+-\p{L}+\s+)?$/u.test(text.slice(q.end, next.start))))
  ) {
    if (next.drug !== 'generic' && mixedList(t, text, next, drugs, all))
      return { drug: 'unspecified', bound: true, reason: 'drug-mixed-list' };
    const drug = resolve(next);
    return { drug, bound: true, reason: why(next, drug) };
  }
  // "1,500 blue tablets pressed with fentanyl", "2,300 tablets that field-tested positive for
  // MDMA": the drug the items hold, named after them.
  if (
    next &&
    next.drug !== 'generic' &&
    t.grammar.contentBinding.test(text.slice(q.end, next.start)) &&
    !all.some((o) => o !== q && o.start >= q.end && o.start < next.start)
  )
    return { drug: next.drug, bound: true, reason: 'drug-content-after' };
  const prev = [...drugs].reverse().find((d) => d.end <= q.start);
  if (prev) {
    const drug = resolve(prev);
    return { drug, bound: false, reason: why(prev, drug) };
  }
  // A drug named later in the sentence that no other figure claims ("1,187kg of "X", a strain of cannabis").
  if (next) {
    const claimed = all.some((o) => o !== q && o.end <= next.start && o.start > q.end);
    if (!claimed) {
      const drug = resolve(next);
      return { drug, bound: false, reason: why(next, drug) };
    }
  }
  return { drug: contextDrug, bound: false, reason: 'drug-from-context' };
}

/** "a record 116 tons", "hit a record": the text calls the figure a record. */
function attributionOf(t: SeizureTables, text: string): string | null {
  if (!termMatch(t, 'attribution', text)) return null;
  const m = t.grammar.attribution.exec(text);
  if (!m) return null;
  const name = m[1]!.split(t.grammar.attributionCut)[0]!.trim().split(/\s+/).slice(0, 10).join(' ');
  return name || null;
}

/**
 * A total over a period or area (the reason that says so) or one haul (null): a span of years
 * or a total word says total; a day named in the sentence or a single-haul phrase says haul; else a year named
 * in the sentence ("in 2023, 116 tons were seized") says total.
 */
function aggregateOf(
  t: SeizureTables,
  sentence: string,
  clause: string,
  period: string | null,
  explicit: boolean,
  part = false,
): string | null {
  if (!part && t.grammar.rangeYear.test(sentence)) {
    const total = termMatch(t, 'aggregate', sentence);
    if (total) return total;
  }
  if (explicit && period?.length === 10) return null;
  // "In the first quarter, customs seized ...": a part of a year speaks of every figure told in it.
  const whole = sentenceTermMatch(t, 'aggregate', sentence);
  if (whole) return whole;
  if (termMatch(t, 'haul', clause)) return null;
  const total = termMatch(t, 'aggregate', clause);
  if (total) return total;
  return explicit && period !== null && /^\d{4}$/.test(period) ? 'aggregate-year-period' : null;
}

/** The words around a figure that speak of it: its clause before, and after it up to a comma. */
function clauseAround(before: string, after: string): string {
  const cut = after.search(/[,;:]/);
  if (cut < 0) return `${before} ${after}`;
  // ", the state's biggest monthly total": an apposition that describes the figure is its clause too.
  const apposition = /^,\s*(?:the|a|an)\s[^,;:]*/i.exec(after.slice(cut));
  return `${before} ${after.slice(0, cut)}${apposition ? ` ${apposition[0].slice(1)}` : ''}`;
}

/** What the entity rules found that the seizure rules weigh. */
export interface StoryContext {
  /** The country the article is about (entities), last resort for a figure with no place. */
  mainCountry?: string | null;
}

export function extractSeizures(
  parsed: ParsedText,
  places: PlaceMention[],
  rules: RuleSet = defaultRuleSet(),
  story: StoryContext = {},
): SeizureFindings {
  const t = rules.seizures;
  const REFER_BACK = t.thresholds['refer-back-sentences'];
  const pubDay = publicationDay(parsed.published)?.toISOString().slice(0, 10) ?? null;
  const format = detectNumberFormat(t, `${parsed.title ?? ''}\n${parsed.text}`, parsed.url ?? null);
  const units: Unit[] = [];
  if (parsed.title?.trim()) {
    units.push({
      index: -1,
      text: parsed.title.trim(),
      start: -1,
      paragraph: -1,
      isTitle: true,
      isHeading: true,
      listItem: false,
    });
  }
  for (const s of parsed.sentences) {
    units.push({
      index: s.index,
      text: s.text,
      start: s.start,
      paragraph: s.paragraph,
      isTitle: false,
      isHeading: s.isHeading,
      listItem: s.listItem === true,
    });
  }
  const mentionsOf = new Map<number, PlaceMention[]>();
  for (const m of places) {
    const list = mentionsOf.get(m.sentence) ?? [];
    list.push(m);
    mentionsOf.set(m.sentence, list);
  }
  for (const list of mentionsOf.values()) list.sort((a, b) => a.start - b.start);

  const ctx: Context = { drug: null, period: null, periodCountry: null, place: null, seizureTalk: false };
  // Last resort for a figure with no place at all: the country of the first seizing agency the
  // article names ("the Jordanian army"), with `carried` rank so any named place wins in merges.
  const agencies = rules.entities.agencyCountries;
  // An agency named by a demonym: English's first, then the article language's inflected forms.
  const agencyOf = (text: string, actingOnly = false): PlacePick | null =>
    agencyCountry(t, text, actingOnly) ??
    (rules.language === 'en'
      ? null
      : demonymAgencyCountry(t, (w) => rules.gazetteer.demonym(w), text, actingOnly));
  // The one-country agency that seized something in each sentence ("CBSA officers seized").
  const actingAgency = units.map((u) => knownAgencyCountry(t, agencies, u.text, true));
  const unitAgencies = units.map((u, i) => agencyOf(u.text, true) ?? actingAgency[i]!);
  const firstAgencyAt = unitAgencies.findIndex((a) => a !== null);
  const firstAgency = firstAgencyAt >= 0 ? unitAgencies[firstAgencyAt]! : null;
  const storyAgency: PlacePick | null = firstAgency ? { ...firstAgency, source: 'carried' } : null;
  const candidates: Candidate[] = [];
  const rejected: Candidate[] = [];
  let segment = 0;
  const trends: Trend[] = [];
  let eventWithoutFigure = false;
  // The haul told last (body sentences), for a date or place a later sentence gives about it.
  let lastHaul: { index: number; candidates: Candidate[] } | null = null;
  // The last day (YYYY-MM-DD) a body sentence named: "a day earlier" counts from it.
  let lastDay: string | null = null;
  // The last year a sentence named, for an undated article (findPeriods `year`).
  // An undated article whose address holds its date ("/2019/05/", "-20191122-") starts from that year.
  let lastYear: string | null = pubDay ? null : urlYear(parsed.url ?? null);
  // The last body sentence that told of seizing a drug without a figure ("intercepted 10 cartons
  // of tramadol"): a later sentence that refers back may give its figure with no seizure word.
  let lastEvent: number | null = null;
  const eligibleBySentence = new Map<number, PlaceMention[]>();
  let leadPeriod: string | null | undefined;
  // The lead of the list being read ("Police seized:", "Items found in the house include:"):
  // whether it tells of a seizure. Its lines with no verb of their own are its figures; the lines
  // of a list whose lead tells of none (a price list, the charges laid) are not.
  let listLeadCue: boolean | null = null;

  // A photo caption or credit line ("Photo: officers display the 250 kg seized ...") states
  // no seizure of its own.
  const captions = units.map((u) => !u.isTitle && rules.entities.credits.some((re) => re.test(u.text)));
  const figures = units.map((u, i) => ({
    text: u.text,
    quantities: captions[i] ? [] : findQuantities(t, u.text, format),
  }));
  // "183.600 kg": each ambiguous digit group read by the evidence of the whole article.
  decideSeparators(t, figures);

  for (const [unitNo, unit] of units.entries()) {
    const { text } = unit;
    const quantities = figures[unitNo]!.quantities;
    const drugs = findDrugMentions(t, text);
    // "trois tonnes et quarante-deux (3042) kilogrammes": a figure's digits are no year.
    const periods: PeriodMention[] = findPeriods(
      t,
      text,
      parsed.published,
      unit.isTitle ? null : lastDay,
      pubDay ? null : lastYear,
    ).filter((p) => !quantities.some((q) => writtenIn(q, p.start, p.end)));
    // The date the lead (the first body sentence) names, for a headline figure that has none.
    if (!unit.isTitle && !unit.isHeading && leadPeriod === undefined)
      leadPeriod = periods.find((p) => p.period && !p.reporting && !p.range)?.period ?? null;
    // An undated article: the last year it named dates "this year" and a day without its year.
    const namedYear = [...periods].reverse().find((p) => p.period && !p.reporting && !p.range)?.period;
    if (namedYear) lastYear = namedYear.slice(0, 4);
    // "11.54am 06 September 2019 | News", "26 January 2024, 7:38am": a line of its own that
    // dates the article, not a seizure.
    if (unit.isHeading && !unit.isTitle && pubDay)
      for (const p of periods) if (p.period === pubDay) p.reporting = true;
    const cue = termMatch(t, 'cue', text);
    const mentions = unit.isTitle ? [] : (mentionsOf.get(unit.index) ?? []);
    const eligible = eligibleMentions(t, text, unit.start, mentions);
    if (!unit.isTitle) eligibleBySentence.set(unit.index, eligible);
    const agency = agencyOf(text) ?? actingAgency[units.indexOf(unit)] ?? null;
    const own: Candidate[] = [];
    const sentenceRefersBack = refersBack(t, text, drugs);
    const additional = t.grammar.additionalHaul.test(text);
    // "In a separate operation, ...": what the article said before no longer applies.
    if (termMatch(t, 'separate', text)) {
      segment++;
      ctx.period = null;
      ctx.place = null;
      lastHaul = null;
    }
    // A sentence without a figure can speak of the haul told up to REFER_BACK sentences before.
    const told =
      !unit.isTitle && lastHaul && unit.index - lastHaul.index <= REFER_BACK ? lastHaul.candidates : [];
    if (!unit.listItem) listLeadCue = unit.isTitle ? null : cue !== null;
    // Each line of a list of things seized is an item of its own, never a restatement of another.
    const listed = unit.listItem && listLeadCue === true;
    const continuation =
      unit.listItem && listLeadCue !== null ? listLeadCue : ctx.seizureTalk && !unit.isHeading;

    // "The haul was found on Tuesday, March 4, at the X depot": fills what the last one lacked.
    if (quantities.length === 0 && termMatch(t, 'event-ref', text)) {
      const p = nearestPeriod(periods, 0);
      for (const c of told) {
        if (p?.period && c.periodSource !== 'explicit') {
          c.seizure.period = p.period;
          c.periodSource = 'explicit';
          c.reasons.push('period-from-event-sentence');
        }
        const place = eligible[0];
        if (place && c.placeSource !== 'clause') {
          c.seizure.location = place.name;
          c.seizure.country = place.country;
          c.placeSource = 'clause';
          c.reasons.push('place-from-event-sentence');
        }
      }
    }

    // "Agents found the heroin on Friday", "The shipment had been intercepted on Thursday": a
    // date for the haul told in the last sentence that had one (this one or a few before).
    if (quantities.length === 0 && (cue || termMatch(t, 'operation', text)) && sentenceRefersBack) {
      const p = nearestPeriod(periods, 0, 0, '');
      // Only a day or a month dates one haul: "record seizures this year" speaks of all of them.
      if (p?.period && p.period.length >= 7) {
        for (const c of told) {
          if (c.periodSource === 'explicit') continue;
          c.seizure.period = p.period;
          c.periodSource = 'explicit';
          c.reasons.push('period-from-later-sentence');
        }
      }
    }

    // "jailed for smuggling 28 kilograms of heroin. Border Force officers found the drugs at
    // the port in August 2023": a figure a `found-later` frame rejected is the haul found.
    if (quantities.length === 0 && cue && sentenceRefersBack && told.length === 0 && !unit.isTitle) {
      const revived = revivable(t, rejected, unit.index, segment, REFER_BACK);
      if (revived) {
        rejected.splice(rejected.indexOf(revived), 1);
        revived.rejectedBy = null;
        revived.reasons.push('seizure-found-later');
        const p = nearestPeriod(periods, 0, 0, '');
        if (p?.period && !p.reporting) {
          revived.seizure.period = p.period;
          revived.periodSource = 'explicit';
          revived.reasons.push('period-from-later-sentence');
        }
        const place = eligible[0];
        if (place) {
          revived.seizure.location = place.name;
          revived.seizure.country = place.country;
          revived.placeSource = 'clause';
          revived.reasons.push('place-from-event-sentence');
        }
        candidates.push(revived);
        lastHaul = { index: unit.index, candidates: [revived] };
      }
    }

    let listFrame: { end: number; reason: string } | null = null;
    quantities.forEach((q, i) => {
      const prev = quantities[i - 1];
      const next = quantities[i + 1];
      const clauseStart = Math.max(
        prev?.end ?? 0,
        q.numStart - t.thresholds['clause-window-chars'],
        lastBreak(text, q.numStart),
      );
      const before = text.slice(clauseStart, q.numStart);
      const after = text.slice(
        q.end,
        next ? next.start : Math.min(text.length, q.end + t.thresholds['after-window-chars']),
      );
      const { drug, bound, reason: drugReason } = drugFor(t, text, q, drugs, quantities, ctx.drug);
      // "admitted to carrying 200 kg of heroin and 60 kg of hashish": a frame before the first
      // figure of a list holds for the figures joined to it.
      let frame =
        negativeFrame(
          t,
          before,
          after,
          bound,
          text.slice(0, q.numStart),
          q.unit,
          text.slice(q.end),
          termMatch(t, 'cue', before) !== null ||
            (t.thresholds['seized-after-figure'] > 0 &&
              termMatch(
                t,
                'cue',
                `${before}${text.slice(q.start, q.end)}${/^[^,;:.!?]*/.exec(after)?.[0] ?? ''}`,
              ) !== null),
        ) ??
        (listFrame && prev && listFrame.end === prev.end && coordinated(t, text.slice(prev.end, q.start))
          ? listFrame.reason
          : null);
      // Only a frame of the verb before the list carries ("admitted to carrying"); a strength or an
      // object frame speaks of its own figure.
      // "30 packets weighing about 1 kg each": the mass is one packet's, the count is the haul.
      if (frame && t.perUnitFrames.has(frame) && q.kind === 'mass' && q.count) {
        Object.assign(q, { value: q.count.value, unit: q.count.unit, kind: 'count', kg: null, count: null });
        frame = null;
      }
      listFrame = frame && t.listFrames.has(frame) ? { end: q.end, reason: frame } : null;
      const rejectedBy = frame ?? (q.cover && !bound ? 'cover-cargo' : q.itemOf ? 'item-of-total' : null);
      let period = periodOfFigure(t, periods, quantities, i, text);
      // "rose to X, from Y a year earlier": the earlier year belongs to Y only.
      if (
        period &&
        YEAR_EARLIER.test(period.reason) &&
        /[,;]/.test(text.slice(q.end, Math.max(q.end, period.start)))
      ) {
        period = null;
      }
      const explicit = period !== null;
      let seizurePeriod = period ? period.period : ctx.period;
      // "Police said on Thursday they had seized N": the day it was told, when it frames the
      // figure and nothing else dates the haul (a later sentence or a merge with a dated
      // statement still wins). A trailing ", officials said on Thursday" dates the telling only.
      const toldOn = !seizurePeriod
        ? periods.find((p) => p.fallback && p.period && p.end <= q.numStart)
        : undefined;
      if (toldOn) seizurePeriod = toldOn.period;
      // "rose from 42 to 57 tonnes between 2023 and 2024": the two years of the span, in order.
      const pairYear = period?.range ? fromToYear(t, text, quantities, i, period) : null;
      if (pairYear) {
        seizurePeriod = pairYear;
        period = { ...period!, range: false, period: pairYear, reason: 'period-from-to-years' };
      }
      // "from 70 kilos a year earlier": the year before the one the sentence is about.
      if (YEAR_EARLIER.test(period?.reason ?? '')) {
        const about = periods.find((p) => p !== period && p.period && !p.reporting)?.period ?? ctx.period;
        if (about) seizurePeriod = String(Number(about.slice(0, 4)) - 1);
      }
      const clausePlace = unit.isTitle
        ? null
        : placeInClause(
            t,
            text,
            unit.start,
            eligible,
            q.start,
            q.end,
            prev?.end ?? 0,
            next?.start ?? text.length,
          );
      // A list in one clause shares its place: "in X, 940 kilos of A, 35 kilos of B".
      const listPlace = own.at(-1)?.placeSource === 'clause' ? placeOf(own.at(-1)!) : null;
      if (clausePlace) {
        const country = localPlaceCountry(clausePlace, mentions, agency);
        if (country !== undefined) clausePlace.country = country;
      }
      // "... beaten only by 55 million pills seized in Laos": the day of a haul in another
      // country is not this figure's (a year of country totals still runs down a list).
      if (
        !explicit &&
        !toldOn &&
        seizurePeriod === ctx.period &&
        seizurePeriod !== null &&
        seizurePeriod.length === 10 &&
        clausePlace?.country &&
        ctx.periodCountry &&
        clausePlace.country !== ctx.periodCountry
      )
        seizurePeriod = null;
      // A place carried from a sentence that told of no seizure ("Peru, wedged between Bolivia
      // and Colombia, ...", "the container came from X") yields to the country of the agency
      // that tells the story's seizures when the two differ.
      const carried = ctx.place?.source === 'none' ? null : ctx.place;
      // "Police in X found 700 kg ..., whereas Moroccan authorities said they had intercepted
      // 12 tonnes": an agency named between the previous figure and this one seized this one.
      const clauseAgency = prev && !clausePlace ? agencyOf(text.slice(prev.end, q.numStart)) : null;
      const place =
        clausePlace ??
        clauseAgency ??
        listPlace ??
        agency ??
        // Only an agency the article named by now: in a round-up, the agency of a later item
        // ("Nigeria - NDLEA officers ...") says nothing of an earlier item's place.
        (carried?.background &&
        storyAgency?.country &&
        carried.country !== storyAgency.country &&
        firstAgencyAt <= units.indexOf(unit)
          ? storyAgency
          : carried) ??
        storyAgency;
      // "since 2021 ..., among them 3.1 tonnes found at a single house", "; the largest, 400 kg":
      // a part of a total with a haul word of its own is that haul, whatever span the sentence names.
      const partGap =
        prev && t.grammar.partOfBefore.test(text.slice(prev.end, q.start))
          ? text.slice(prev.end, q.start)
          : null;
      const partHaul =
        partGap !== null && termMatch(t, 'haul', `${partGap} ${clauseAround(before, after)}`) !== null;
      // A span of time ("in the past two years") is a total too.
      const aggregateReason = partHaul
        ? null
        : (aggregateOf(t, text, clauseAround(before, after), seizurePeriod, explicit, partGap !== null) ??
          (period?.range ? 'aggregate-span-of-time' : null));
      // "The two cases bring the drugs seized since January to 3.4 tonnes": a total of "the
      // drugs" counts every kind seized, not the drug the article named last.
      const totalOfKinds = aggregateReason !== null && drugReason === KINDS_REFERS_BACK;
      const reasons = [
        q.reason,
        ...(q.separator ? [q.separator] : []),
        ...(q.inferred ? ['unit-inferred-from-list'] : []),
        ...(q.count ? ['count-with-mass'] : []),
        cue ??
          (unit.listItem && listLeadCue
            ? 'seizure-list-item'
            : unit.isHeading
              ? 'seizure-headline'
              : 'seizure-continuation'),
        totalOfKinds
          ? 'drug-generic-total-unspecified'
          : drugReason === KINDS_REFERS_BACK
            ? 'drug-generic-refers-back'
            : drugReason,
        period
          ? period.reason
          : toldOn
            ? 'period-reporting-day'
            : seizurePeriod
              ? 'period-carried'
              : 'period-none',
        place ? placeReason(place, clausePlace, listPlace, agency, carried) : 'place-none',
        ...(aggregateReason ? [aggregateReason] : []),
      ];
      const candidate: Candidate = {
        reasons,
        quantity: q,
        unitIndex: unit.index,
        isTitle: unit.isTitle || unit.isHeading,
        boundToDrug: bound,
        periodSource: explicit ? 'explicit' : seizurePeriod ? 'carried' : 'none',
        periodRange: period?.range ?? false,
        placeSource: place?.source ?? 'none',
        rejectedBy,
        segment,
        refersBack: sentenceRefersBack,
        additional: additional || listed,
        seizure: {
          drug: totalOfKinds ? 'unspecified' : (drug ?? 'unspecified'),
          amount: { value: q.value, unit: q.unit },
          kg: q.kg,
          count: q.kind === 'count' ? q.value : (q.count?.value ?? null),
          countUnit: (q.kind === 'count' ? q.unit : (q.count?.unit ?? null)) as Seizure['countUnit'],
          location: place?.location ?? null,
          country: place?.country ?? null,
          period: seizurePeriod,
          aggregate: aggregateReason !== null,
          record: termMatch(t, 'record', text) !== null,
          attribution: attributionOf(t, text),
          evidence: text,
        },
      };
      // A count of packages with no drug named ("found 48 bundles") may be the count of a
      // mass told next ("The bundles held 61.5 kg of ..."): kept only if it joins one.
      const pending = drug === null && !rejectedBy && q.kind === 'count' && cue !== null && !unit.isTitle;
      // "the coastguard found the heroin wrapped in nine parcels": the packing of
      // the haul told, its count if it has none, never a haul of its own.
      if (
        q.kind === 'count' &&
        PACKING_UNITS.has(q.unit) &&
        !bound &&
        t.grammar.packingOfTold.test(text.slice(Math.max(0, q.numStart - 80), q.numStart))
      ) {
        const last = told.at(-1);
        if (last && last.seizure.count === null && last.seizure.kg !== null) {
          last.seizure.count = q.value;
          last.seizure.countUnit = q.unit as Seizure['countUnit'];
          last.reasons.push('count-joined-across-sentences');
          takeLaterPeriod(last, candidate);
        }
        rejected.push({ ...candidate, rejectedBy: 'packing-of-told-haul' });
        return;
      }
      if (pending) candidate.pending = true;
      else if (rejectedBy || drug === null) {
        rejected.push(candidate);
        return;
      }
      if (!cue && !continuation && !unit.isHeading) {
        // "The drugs were packed in 3,000 one-kilo packets": the count of the haul just told.
        const last = told.at(-1);
        if (
          q.kind === 'count' &&
          sentenceRefersBack &&
          last &&
          last.seizure.kg !== null &&
          last.seizure.count === null &&
          (last.seizure.drug === candidate.seizure.drug || candidate.seizure.drug === 'unspecified')
        ) {
          last.seizure.count = q.value;
          last.seizure.countUnit = q.unit as Seizure['countUnit'];
          last.reasons.push('count-joined-across-sentences');
          takeLaterPeriod(last, candidate);
          return;
        }
        // "stopped 6 crates of codeine syrup ... An officer said the shipment held 12,000
        // bottles weighing 950 kg": the figure of a seizure told without one.
        const event = lastEvent !== null && unit.index - lastEvent <= REFER_BACK && told.length === 0;
        if (!(event && sentenceRefersBack)) {
          rejected.push({ ...candidate, rejectedBy: 'no-seizure-cue' });
          return;
        }
        candidate.reasons.push('seizure-event-restated');
      }
      candidate.weak = !cue && unit.isHeading;
      // "Spain with 118 tonnes and the Netherlands with 59 tonnes": a list shares its kind.
      const listPrev = own.at(-1);
      const listGap = listPrev ? text.slice(listPrev.quantity.end, q.start) : '';
      if (
        listPrev?.seizure.aggregate &&
        /^[^;:.]{0,60}$/.test(listGap) &&
        t.grammar.listLink.test(listGap) &&
        // "3,400 kg since January, including 220 kg on Saturday": a part is told on its own terms.
        !t.grammar.partOfBefore.test(listGap)
      ) {
        candidate.seizure.aggregate = true;
      }
      own.push(candidate);
    });

    restatedInSentence(t, text, own, rejected);
    countOfSizedPackages(t, text, own, rejected, unit.index);
    assignRespectively(t, text, own, units, unit, drugs);
    shareListPlace(t, text, own);
    const accepted = joinInSentence(t, text, own, candidates, listed);
    candidates.push(...accepted);
    // The title's haul is the story's: the first sentences may date it.
    if (unit.isTitle && accepted.length > 0) lastHaul = { index: -1, candidates: accepted };
    if (!unit.isTitle) {
      const trend = findTrend(t, {
        text,
        drug: trendDrug(t, text, drugs, ctx.drug, cue !== null),
        period: periods.find((p) => !p.reporting && !p.range)?.period ?? ctx.period,
        location: eligible.at(-1)?.name ?? ctx.place?.location ?? null,
        country: eligible.at(-1)?.country ?? ctx.place?.country ?? null,
        hasCue: cue !== null,
      });
      if (trend) trends.push(trend);
      if (quantities.length === 0 && unit.index < 3 && seizesDrug(t, text, drugs)) eventWithoutFigure = true;
      if (accepted.length > 0) lastEvent = null;
      else if (cue && drugs.some((d) => d.drug !== 'generic')) lastEvent = unit.index;
    } else if (seizesDrug(t, text, drugs)) {
      eventWithoutFigure = true;
    }

    // Context for the next sentences. "221 tonnes of drugs, nearly half of it cocaine": a drug
    // named as a share of a figure is not what the article goes on to talk about.
    const share = shareBefore(t);
    const specific = lastSpecific(
      accepted.length > 0
        ? drugs.filter((d) => !share.test(text.slice(Math.max(0, d.start - 40), d.start)))
        : drugs,
    );
    if (specific) ctx.drug = specific;
    // After a total of all kinds of drugs, the article talks of drugs of no one kind.
    else if (accepted.length > 0 && accepted.every((c) => c.seizure.drug === 'unspecified'))
      ctx.drug = 'unspecified';
    if (!unit.isTitle) {
      const usable = periods.filter((p) => !p.reporting);
      const last = usable.at(-1);
      const main = accepted.find((c) => c.periodSource === 'explicit');
      if (main) ctx.period = main.seizure.period;
      else if (last) ctx.period = last.range ? null : last.period;
      const lastPlace = accepted.at(-1);
      if (lastPlace?.seizure.location) {
        ctx.place = {
          location: lastPlace.seizure.location,
          country: lastPlace.seizure.country,
          source: 'carried',
        };
      } else if (eligible.length > 0) {
        ctx.place = contextPlace(t, text, unit.start, eligible);
      }
      if (main || last) ctx.periodCountry = main?.seizure.country ?? ctx.place?.country ?? null;
      // "The navy boarded the dhow. Officers counted 1,260 packets of heroin": a
      // police action on a vessel, vehicle or place opens the seizure talk too.
      ctx.seizureTalk = cue !== null || accepted.length > 0 || termMatch(t, 'operation', text) !== null;
      if (accepted.length > 0) lastHaul = { index: unit.index, candidates: accepted };
      const day = [...usable].reverse().find((p) => p.period && DAY.test(p.period));
      if (day?.period) lastDay = day.period;
    }
  }

  // "Police find 1,450 cannabis plants in old factory": a headline figure with no date is dated
  // by the lead ("on Tuesday evening, police raided ..."); a lead with no date leaves it undated.
  for (const c of candidates) {
    if (!c.isTitle || c.unitIndex !== -1 || c.periodSource !== 'none' || !leadPeriod) continue;
    c.seizure.period = leadPeriod;
    c.periodSource = 'carried';
    c.reasons.push('period-lead-sentence');
  }
  // A figure with no place at all (a headline, a lead) takes the first place the next sentence names.
  for (const c of candidates) {
    if (c.placeSource !== 'none') continue;
    const next = eligibleBySentence.get(c.unitIndex + 1)?.[0];
    if (next) {
      c.seizure.location = next.name;
      c.seizure.country = next.country;
      c.placeSource = 'carried';
      c.reasons.push('place-next-sentence');
    }
  }
  // Last resort: the country the whole article is about ("a nationwide crackdown" in a story
  // about one country), with no location.
  if (story.mainCountry) {
    for (const c of candidates) {
      if (c.placeSource !== 'none' || c.seizure.country) continue;
      c.seizure.country = story.mainCountry;
      c.placeSource = 'carried';
      c.reasons.push('place-main-country');
    }
  }
  const joined = joinCountsAcrossSentences(candidates, t.thresholds['count-join-sentences']);
  const seizures = mergeCandidates(joined, rejected, t.thresholds, t.confidence);
  return {
    seizureStory: seizures.length > 0 || eventWithoutFigure,
    seizures,
    trends: seizures.length > 0 || eventWithoutFigure ? trends : [],
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The year in an article's web address, when its path dates it: "/2019/05/" (a year and a
 * month), "-20191122-" (a full date). Null for any other number ("/2024.html", ids).
 */
export function urlYear(url: string | null): string | null {
  if (!url) return null;
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const m =
    /\/((?:19|20)\d\d)\/(?:0?[1-9]|1[0-2])(?:\/|$)/.exec(path) ??
    /[-_/]((?:19|20)\d\d)(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?=[-_/.]|$)/.exec(path);
  return m ? m[1]! : null;
}

/** The span start..end lies where figure `q` is written (its number and unit, or a restatement). */
function writtenIn(q: Quantity, start: number, end: number): boolean {
  const parts = q.written ?? [[q.numStart, q.end]];
  return parts.some(([a, b]) => start >= a && end <= b);
}

/** periods.yaml `period-year-earlier` and its rows in other languages (`period-nl-year-earlier`). */
const YEAR_EARLIER = /^period-(?:[a-z]{2}-)?year-earlier$/;

/** Count units that pack a haul (units.yaml): packets, bricks, bags; not pills, plants or doses. */
const PACKING_UNITS = new Set<string>(['packages', 'bricks', 'bags']);

/** Between two figures of one list: a drug, a comma or "and", no seizure word or clause break. */
function coordinated(t: SeizureTables, gap: string): boolean {
  return (
    (/^[^.;:()]{0,50}?(?:,|\s(?:and|or))\s*$/i.test(gap) || rangeToGap(t).test(gap)) &&
    termMatch(t, 'cue', gap) === null
  );
}

/** "two-thirds of it ", "most of which was ": a share of the figure just told comes next. */
const shareBefore = perTables(
  (t) =>
    new RegExp(
      `\\b(?:${t.grammar.slots.words('share-of-figure').join('|')})\\s+(?:(?:was|were|is|are)\\s+)?$`,
      'i',
    ),
);

/** "output fell from 1,080 tonnes in 2023 to 995 tonnes": the end of a range shares its frame. */
const rangeToGap = perTables(
  (t) => new RegExp(`^[^.;:()]{0,30}?\\s(?:${t.grammar.slots.words('range-to').join('|')})\\s*$`, 'i'),
);

/**
 * The last figure rejected by a `found-later` frame (negative-frames.yaml) in one of the
 * `window` sentences before sentence `index`, of the same segment, with a drug; else null.
 */
function revivable(
  t: SeizureTables,
  rejected: Candidate[],
  index: number,
  segment: number,
  window: number,
): Candidate | null {
  const later = new Set(t.frames.filter((f) => f.rule['found-later']).map((f) => f.rule.reason));
  for (let i = rejected.length - 1; i >= 0; i--) {
    const r = rejected[i]!;
    if (r.isTitle || r.unitIndex >= index || index - r.unitIndex > window || r.segment !== segment) continue;
    if (!r.rejectedBy || !later.has(r.rejectedBy) || !r.seizure.drug) continue;
    if (r.seizure.aggregate || r.periodRange || termMatch(t, 'not-found-later', r.seizure.evidence))
      return null;
    return r;
  }
  return null;
}

/**
 * The sentence speaks of a haul already told: "the drugs", "the vessel", "the meth" (any drug
 * the rules know, after the/these/those), or opens with "It was" / "They were".
 */
function refersBack(t: SeizureTables, text: string, drugs: DrugMention[]): boolean {
  if (t.grammar.definiteRef.test(text)) return true;
  if (t.grammar.referBackOpener.test(text)) return true;
  return drugs.some((d) => t.grammar.theBefore.test(text.slice(Math.max(0, d.start - 40), d.start)));
}

/**
 * A seizure of a named drug told without a figure: a seizure word with the drug right after
 * it ("seized heroin", "seized 3 kg of heroin") or right before it ("a cocaine haul").
 */
function seizesDrug(t: SeizureTables, text: string, drugs: DrugMention[]): boolean {
  for (const c of termMatches(t, 'cue', text)) {
    for (const d of drugs) {
      if (d.drug === 'generic') continue;
      const after = d.start >= c.end && d.start - c.end <= 30 && !/[,;.]/.test(text.slice(c.end, d.start));
      const before = d.end <= c.start && c.start - d.end <= 2;
      if (after || before) return true;
    }
  }
  return false;
}

/** The drug named before the percent of a trend ("Drug seizures rose 12%" is unspecified). */
function trendDrug(
  t: SeizureTables,
  text: string,
  drugs: DrugMention[],
  contextDrug: Drug | null,
  cue: boolean,
): Drug | null {
  const pct = text.search(t.grammar.percentAt);
  const before = [...drugs].reverse().find((d) => pct < 0 || d.start < pct);
  if (before)
    return before.drug === 'generic' ? (lastSpecific(drugs, before.start) ?? 'unspecified') : before.drug;
  return lastSpecific(drugs) ?? (cue ? contextDrug : null);
}

/** The rule that placed a figure: its clause, its list, the seizing agency, or what came before. */
function placeReason(
  place: PlacePick,
  clause: PlacePick | null,
  list: PlacePick | null,
  agency: PlacePick | null,
  carried: PlacePick | null,
): string {
  if (place === clause) return 'place-in-clause';
  if (place === list) return 'place-of-list';
  if (place === agency || place.source === 'agency') return 'place-seizing-agency';
  if (carried?.background && place !== carried) return 'place-story-agency';
  return place.source === 'carried' ? 'place-carried' : `place-${place.source}`;
}

function placeOf(c: Candidate): PlacePick {
  return { location: c.seizure.location, country: c.seizure.country, source: 'clause' };
}

/** Start of the clause holding `pos`: after the last ; : ( or sentence start. */
function lastBreak(text: string, pos: number): number {
  const head = text.slice(0, pos);
  const i = Math.max(head.lastIndexOf(';'), head.lastIndexOf(':'), head.lastIndexOf('('));
  return i < 0 ? 0 : i + 1;
}

/**
 * "900 kg of cocaine and 30 kg of heroin were found at the port of X": figures listed
 * together share the place named after the last of them, when they have none of their own.
 */
function shareListPlace(t: SeizureTables, text: string, own: Candidate[]): void {
  for (let i = own.length - 2; i >= 0; i--) {
    const c = own[i]!;
    const next = own[i + 1]!;
    if (c.placeSource === 'clause' || next.placeSource !== 'clause') continue;
    const between = text.slice(c.quantity.end, next.quantity.start);
    if (!t.grammar.figureListLink.test(between)) continue;
    c.seizure.location = next.seizure.location;
    c.seizure.country = next.seizure.country;
    c.placeSource = 'clause';
    c.reasons.push('place-shared-by-list');
  }
}

/** "The two bags, holding 12.4 kg and 3.1 kg respectively": drugs named just before, in order. */
function assignRespectively(
  t: SeizureTables,
  text: string,
  own: Candidate[],
  units: Unit[],
  unit: Unit,
  drugs: DrugMention[],
): void {
  if (!t.grammar.respectively.test(text) || own.length < 2) return;
  const unbound = own.filter((c) => !c.boundToDrug);
  if (unbound.length < 2) return;
  const firstStart = unbound[0]!.quantity.start;
  const pool: Drug[] = [];
  const prevUnit = units[units.indexOf(unit) - 1];
  if (prevUnit)
    for (const d of findDrugMentions(t, prevUnit.text)) if (d.drug !== 'generic') pool.push(d.drug);
  for (const d of drugs) if (d.start < firstStart && d.drug !== 'generic') pool.push(d.drug);
  const named = pool.slice(-unbound.length);
  if (named.length !== unbound.length || new Set(named).size !== named.length) return;
  unbound.forEach((c, i) => {
    c.seizure.drug = named[i]!;
  });
}

/**
 * A count in a sentence without a seizure word of its own ("The powder came in 640
 * bricks") goes to the figure just told; a mass and a count stated together are already one
 * quantity (quantities.ts, joinPackaging).
 */
/**
 * "knapp sieben Kilo Kokain; die Waage zeigte später exakt 6,8 Kilogramm": a rounded figure and,
 * later in the sentence, an exact one of the same kind introduced by a `restatement-exact` word
 * (seizure-grammar.yaml) are one haul: the exact figure stays, with the place of the first when
 * it has none of its own; the rounded one goes to `rejected`.
 */
function restatedInSentence(t: SeizureTables, text: string, own: Candidate[], rejected: Candidate[]): void {
  for (let i = own.length - 1; i > 0; i--) {
    const exact = own[i]!;
    const rounded = own[i - 1]!;
    const x = exact.seizure;
    const y = rounded.seizure;
    const gap = text.slice(rounded.quantity.end, exact.quantity.numStart);
    // "deux tonnes et trois cent douze kilogrammes d'héroïne (2,312 tonnes)": the same
    // figure again in brackets, in digits or another unit.
    const bracket = /^[^.;:()\d]{0,40}\(\s*$/.test(gap);
    if (!bracket && !t.grammar.restatedExactly.test(gap)) continue;
    if (x.drug !== y.drug && x.drug !== 'unspecified' && y.drug !== 'unspecified') continue;
    const a = x.kg ?? (x.countUnit === y.countUnit ? x.count : null);
    const b = y.kg !== null && x.kg !== null ? y.kg : x.countUnit === y.countUnit ? y.count : null;
    if (a === null || b === null || Math.abs(a - b) > (bracket ? 0.01 : 0.2) * Math.max(a, b)) continue;
    if (x.drug === 'unspecified') x.drug = y.drug;
    if (exact.placeSource !== 'clause' && rounded.placeSource === 'clause') {
      x.location = y.location;
      x.country = y.country;
      exact.placeSource = 'clause';
    }
    exact.reasons.push('restated-exactly-in-sentence');
    own.splice(i - 1, 1);
    rejected.push({ ...rounded, rejectedBy: 'restated-exactly-in-sentence' });
    i--;
  }
}

/**
 * "30 kilos of resin, in slabs of 150 grams and 1,400 acorns": the size of one package (a
 * `package-size` frame of negative-frames.yaml) and, coordinated right after it, a count of
 * packages are the packing of the mass told before them in the sentence: the count goes on that
 * mass, never a figure of its own (issue 9, class 3).
 */
function countOfSizedPackages(
  t: SeizureTables,
  text: string,
  own: Candidate[],
  rejected: Candidate[],
  index: number,
): void {
  if (t.packageSizeFrames.size === 0) return;
  const sizes = rejected.filter(
    (r) =>
      r.unitIndex === index &&
      r.quantity.kind === 'mass' &&
      r.rejectedBy !== null &&
      t.packageSizeFrames.has(r.rejectedBy),
  );
  if (sizes.length === 0) return;
  const and = t.grammar.slots.words('list-and').join('|');
  const link = new RegExp(`^\\s*(?:,\\s*)?(?:(?:${and})\\s+)?$`, 'iu');
  for (const size of sizes) {
    const i = own.findIndex(
      (c) =>
        c.quantity.kind === 'count' &&
        PACKING_UNITS.has(c.quantity.unit) &&
        c.quantity.numStart >= size.quantity.end &&
        link.test(text.slice(size.quantity.end, c.quantity.numStart)),
    );
    if (i < 0) continue;
    const count = own[i]!;
    const mass = own
      .filter(
        (m) =>
          m.seizure.kg !== null &&
          m.seizure.count === null &&
          m.quantity.end <= size.quantity.start &&
          (m.seizure.drug === count.seizure.drug ||
            m.seizure.drug === 'unspecified' ||
            count.seizure.drug === 'unspecified'),
      )
      .at(-1);
    if (!mass) continue;
    mass.seizure.count = count.seizure.count;
    mass.seizure.countUnit = count.seizure.countUnit;
    mass.reasons.push('count-of-sized-packages');
    own.splice(i, 1);
    rejected.push({ ...count, rejectedBy: 'count-of-sized-packages' });
  }
}

function joinInSentence(
  t: SeizureTables,
  text: string,
  own: Candidate[],
  earlier: Candidate[],
  listed = false,
): Candidate[] {
  const out = own;
  // A bare count in a sentence with no seizure word: the count of the haul just told, else nothing.
  // A line of a list of things seized ("Police seized:\n- 486 tablets") is an item of its own.
  const cue = termMatch(t, 'cue', text);
  if (cue || listed) return out;
  return out.filter((c) => {
    if (c.quantity.kind !== 'count' || c.isTitle) return true;
    // "Inside: 24 kg of cannabis and 3,000 ecstasy pills": a count of its own drug listed with a
    // mass of another is a haul of the list, not the packing of the last one.
    if (
      c.boundToDrug &&
      c.seizure.drug !== 'unspecified' &&
      own.some((o) => o !== c && o.quantity.kind === 'mass' && o.seizure.drug !== c.seizure.drug)
    )
      return true;
    const last = earlier.at(-1);
    // "6 tonnes of narcotics. The consignment consisted of 36 million Captagon tablets": the
    // count names the kind of an unspecified mass.
    if (
      last &&
      last.seizure.count === null &&
      last.seizure.kg !== null &&
      (last.seizure.drug === c.seizure.drug || last.seizure.drug === 'unspecified')
    ) {
      last.seizure.count = c.seizure.count;
      last.seizure.countUnit = c.seizure.countUnit;
      if (last.seizure.drug === 'unspecified') last.seizure.drug = c.seizure.drug;
      last.reasons.push('count-joined-across-sentences');
    }
    return false;
  });
}

/**
 * The year of a figure of a "from A to B" pair when the sentence's span is exactly two years
 * ("between 2023 and 2024", "from 2022 to 2023"): A takes the first, B the second; else null.
 */
function fromToYear(
  t: SeizureTables,
  text: string,
  quantities: Quantity[],
  i: number,
  period: PeriodMention,
): string | null {
  const years = text.slice(period.start, period.end).match(/\b(?:19|20)\d\d\b/g);
  if (years?.length !== 2) return null;
  const q = quantities[i]!;
  const to = t.grammar.slots.words('range-to');
  const from = t.grammar.slots.words('range-from');
  // "from 42 to 57 tonnes", "from 42 tonnes to 57 tonnes": only a unit may stand before "to".
  const toRe = cachedRegExp(`^[^\\d.;]{0,20}?\\b(?:${to.map(escapeRegex).join('|')})\\s+$`, 'i');
  const joined = (a: Quantity, b: Quantity) => toRe.test(text.slice(a.end, b.numStart));
  const opened = (a: Quantity) =>
    from.some((w) => cachedRegExp(`\\b${escapeRegex(w)}\\s+$`, 'i').test(text.slice(0, a.numStart)));
  const next = quantities[i + 1];
  const prev = quantities[i - 1];
  if (next && opened(q) && joined(q, next)) return years[0]!;
  if (prev && opened(prev) && joined(prev, q)) return years[1]!;
  return null;
}

/**
 * The country of a place the gazetteer does not know ("Kuwaiti customs officers at X Port",
 * "at the port of X ..., Country's ministry said"): the seizing agency's country of its own
 * sentence, else the one country the sentence names that is no origin or destination. The
 * entities stage guesses such a place's country from the nearest mention, which may be where
 * the drugs came from or were going. Undefined where nothing better is known.
 */
function localPlaceCountry(
  pick: PlacePick,
  mentions: PlaceMention[],
  agency: PlacePick | null,
): string | null | undefined {
  const m = mentions.find((e) => e.name === pick.location);
  if (!m?.entity.startsWith('local:')) return undefined;
  if (agency?.country) return agency.country;
  if (pick.country) return undefined;
  const countries = new Set(
    mentions.filter((e) => e.kind === 'country' && !e.origin && e.country).map((e) => e.country),
  );
  return countries.size === 1 ? [...countries][0]! : undefined;
}
