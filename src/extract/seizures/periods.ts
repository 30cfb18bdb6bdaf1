/**
 * Date expressions in a sentence, resolved to ISO periods (YYYY, YYYY-MM, YYYY-MM-DD) against
 * the article's publication date. Patterns live in config/rules/<lang>/periods.yaml, month and
 * weekday names in calendar.yaml.
 *
 * Days counted from another date ("a day earlier", "the previous day", "two days later":
 * `anchor-days`) are counted from the most recent day the text named before the phrase: an
 * earlier date in the same sentence, else the `anchor` the caller passes (the last day named in
 * an earlier sentence), else the publication day.
 */

import { matchAll } from '../match-all.ts';
import { foldForLiterals, mayMatch } from '../rules/literal-prefilter.ts';
import { fastRegExp } from '../rules/word-boundary.ts';
import { parseWordNumber } from './numbers.ts';
import { type PeriodRuleT, perTables, type SeizureTables } from './tables.ts';

export interface PeriodMention {
  start: number;
  end: number;
  /** ISO period; null for a range ("between 2019 and 2022") or when it cannot be resolved. */
  period: string | null;
  /** A span of years: the figure has no single period. */
  range: boolean;
  /** The date tells when something was said, or is a baseline of comparison: not when it happened. */
  reporting: boolean;
  /** A reporting date that dates an undated haul of its sentence (`fallback` in periods.yaml). */
  fallback?: boolean;
  reason: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');
const ymd = (d: Date): string => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
const ym = (d: Date): string => ymd(d).slice(0, 7);

/** The publication day (UTC midnight), or null. */
export function publicationDay(published: string | null): Date | null {
  if (!published) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(published);
  if (!m) return null;
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

function monthIndex(t: SeizureTables, name: string | undefined): number {
  // "21/12", "21.12.2021": a month in digits.
  if (name && /^\d{1,2}$/.test(name)) return Number(name) >= 1 && Number(name) <= 12 ? Number(name) - 1 : -1;
  return name ? (t.months.get(name.toLowerCase().replace(/\.$/, '')) ?? -1) : -1;
}

/** A small count as written ("3", "two", "a"). */
function countOf(t: SeizureTables, raw: string): number {
  return parseWordNumber(t, raw) ?? Number(raw);
}

function resolve(
  t: SeizureTables,
  rule: PeriodRuleT,
  g: Record<string, string | undefined>,
  pub: Date | null,
  /** `pub` is the last day the text named, not publication: a later day is no earlier year. */
  fromAnchor = false,
): string | null {
  const addDays = (d: Date, n: number): Date => new Date(d.getTime() + n * 86_400_000);
  switch (rule.resolve) {
    case 'range':
      return null;
    case 'year':
      return g.year ?? null;
    case 'year-of-month': {
      // "since January": a running total for the year of that month.
      if (g.year) return g.year;
      const month = monthIndex(t, g.month);
      if (month < 0 || !pub) return null;
      return String(month > pub.getUTCMonth() ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear());
    }
    case 'part-of-year': {
      // "in the third quarter": the year in which that part last began by publication.
      if (!pub) return null;
      const size = (g.unit ?? '').toLowerCase() === 'half' ? 6 : 3;
      const n = ['first', 'second', 'third', 'fourth'].indexOf((g.part ?? '').toLowerCase());
      if (n < 0 || (size === 6 && n > 1)) return null;
      return String(n * size > pub.getUTCMonth() ? pub.getUTCFullYear() - 1 : pub.getUTCFullYear());
    }
    case 'date':
    case 'month': {
      const month = monthIndex(t, g.month);
      if (month < 0) return null;
      const day = rule.resolve === 'date' ? Number(g.day) : null;
      if (day !== null && (day < 1 || day > 31)) return null;
      let year = g.year ? Number(g.year) : null;
      // "in March last year", "in November of this year": the month of the year named.
      if (year === null && pub && rule.offset !== undefined) year = pub.getUTCFullYear() + rule.offset;
      if (year === null && pub) {
        year = pub.getUTCFullYear();
        // A month (or day) later in the year than publication is last year's.
        const later =
          !fromAnchor &&
          (month > pub.getUTCMonth() ||
            (month === pub.getUTCMonth() && day !== null && day > pub.getUTCDate() + 1));
        if (later) year -= 1;
      }
      if (year === null) return null;
      return day === null ? `${year}-${pad(month + 1)}` : `${year}-${pad(month + 1)}-${pad(day)}`;
    }
    case 'month-last': {
      // "en décembre dernier", "el pasado diciembre", "last December": the last such month
      // strictly before the month of publication (a year back when published in that month).
      if (g.year) return `${g.year}-${pad(monthIndex(t, g.month) + 1)}`;
      const month = monthIndex(t, g.month);
      if (month < 0 || !pub) return null;
      const year = month < pub.getUTCMonth() ? pub.getUTCFullYear() : pub.getUTCFullYear() - 1;
      return `${year}-${pad(month + 1)}`;
    }
    case 'weekday': {
      if (!pub) return null;
      const want = t.weekdays.get((g.weekday ?? '').toLowerCase()) ?? -1;
      if (want < 0) return null;
      // `offset: -1` ("am vergangenen Donnerstag", "jeudi dernier"): strictly before the day of
      // publication, a week back when it falls on that weekday.
      const back =
        rule.offset === -1 ? ((pub.getUTCDay() - want + 6) % 7) + 1 : (pub.getUTCDay() - want + 7) % 7;
      return ymd(addDays(pub, -back));
    }
    case 'weekday-of-previous-week': {
      // "vorige week dinsdag", "el martes de la semana pasada": that day of the week (Monday to
      // Sunday) before the week of publication.
      if (!pub) return null;
      const want = t.weekdays.get((g.weekday ?? '').toLowerCase()) ?? -1;
      if (want < 0) return null;
      return ymd(addDays(mondayOf(pub), -7 + ((want + 6) % 7)));
    }
    case 'relative-year':
      return pub ? String(pub.getUTCFullYear() + (rule.offset ?? 0)) : null;
    case 'relative-month': {
      if (!pub) return null;
      return ym(new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() + (rule.offset ?? 0), 1)));
    }
    case 'relative-day':
      return pub ? ymd(addDays(pub, rule.offset ?? 0)) : null;
    case 'anchor-days':
      return null; // resolved in findPeriods, against the date named before it
    case 'span':
    case 'this-week':
    case 'previous-week':
    case 'span-ending':
      return resolveSpan(t, rule, g, pub).period;
    case 'months-ago':
    case 'years-ago': {
      // "nearly two years ago": the year (or month) that many before publication.
      if (!pub) return null;
      const n = rule.n ?? countOf(t, (g.n ?? '').toLowerCase());
      if (!Number.isFinite(n)) return null;
      if (rule.resolve === 'years-ago') return String(pub.getUTCFullYear() - n);
      return ym(new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() - n, 1)));
    }
    case 'weeks-ago':
    case 'days-ago': {
      if (!pub) return null;
      const raw = (g.n ?? '').toLowerCase();
      const n = rule.n ?? countOf(t, raw);
      if (!Number.isFinite(n)) return null;
      const d = addDays(pub, rule.resolve === 'weeks-ago' ? -7 * n : -n);
      return rule.resolve === 'weeks-ago' ? ym(d) : ymd(d);
    }
  }
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const SPANS = new Set<PeriodRuleT['resolve']>(['span', 'this-week', 'previous-week', 'span-ending']);

/** A digit, a month or weekday name, or a word of relative dates (seizure-grammar.yaml). */
const periodTrigger = perTables((t) =>
  fastRegExp(
    `\\d|\\b(?:${[...t.months.keys(), ...t.weekdays.keys(), ...t.grammar.slots.words('period-trigger-words')]
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('|')})`,
    'iu',
  ),
);

/** Between two dates named as one span: " and ", " to ", "-". */
const pairLinkOf = perTables(
  (t) =>
    new RegExp(
      `^\\s*(?:-|–|${t.grammar.slots.words('list-and-or').join('|')}|${t.grammar.slots.words('range-to').join('|')})\\s*$`,
      'i',
    ),
);

/** The smallest period (day, month, year) that holds both days, else null (a range). */
function holding(a: Date, b: Date): string | null {
  const da = ymd(a);
  const db = ymd(b);
  if (da === db) return da;
  if (da.slice(0, 7) === db.slice(0, 7)) return da.slice(0, 7);
  if (da.slice(0, 4) === db.slice(0, 4)) return da.slice(0, 4);
  return null;
}

/** Monday of the week holding `d` (UTC). */
function mondayOf(d: Date): Date {
  return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
}

const DAYS_PER: Record<string, number> = { hour: 1 / 24, day: 1, week: 7 };
/** Days of an event's span ("a five-night festival", "a fortnight-long fair"). */
const SPAN_DAYS: Record<string, number> = { day: 1, night: 1, week: 7, fortnight: 14 };

/** The last day of an event: a weekday (the last one on or before publication) or a date. */
function endDay(t: SeizureTables, g: Record<string, string | undefined>, pub: Date): Date | null {
  if (g.weekday) {
    const want = t.weekdays.get(g.weekday.toLowerCase()) ?? -1;
    if (want < 0) return null;
    return new Date(pub.getTime() - ((pub.getUTCDay() - want + 7) % 7) * 86_400_000);
  }
  const month = monthIndex(t, g.month ?? g.month2);
  const d = Number(g.day ?? g.day2);
  if (month < 0 || !(d >= 1 && d <= 31)) return null;
  let year = pub.getUTCFullYear();
  if (month > pub.getUTCMonth() || (month === pub.getUTCMonth() && d > pub.getUTCDate() + 1)) year -= 1;
  return new Date(Date.UTC(year, month, d));
}

/**
 * Spans of time up to publication ("in the past week", "a two-month crackdown") and whole
 * weeks ("this week", "last week"): the smallest period that holds the span, or a range.
 */
function resolveSpan(
  t: SeizureTables,
  rule: PeriodRuleT,
  g: Record<string, string | undefined>,
  pub: Date | null,
): { period: string | null; range: boolean } {
  if (!pub) return { period: null, range: false };
  const day = 86_400_000;
  let from: Date;
  let to = pub;
  if (rule.resolve === 'span-ending') {
    // "the five-day festival, which ended on Saturday": `n` `unit`s up to the day it ended.
    const end = endDay(t, g, pub);
    if (!end) return { period: null, range: false };
    const unit = (g.unit ?? g.unit2 ?? 'day').toLowerCase().replace(/s$/, '');
    const raw = (g.n ?? '').toLowerCase();
    const n = g.n === undefined ? 1 : countOf(t, raw);
    if (!Number.isFinite(n) || n <= 0) return { period: null, range: false };
    to = end;
    if (unit === 'month')
      from = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() - n, end.getUTCDate() + 1));
    else from = new Date(end.getTime() - (Math.ceil(n * (SPAN_DAYS[unit] ?? 1)) - 1) * day);
  } else if (rule.resolve === 'this-week' || rule.resolve === 'previous-week') {
    from = mondayOf(pub);
    if (rule.resolve === 'previous-week') from = new Date(from.getTime() - 7 * day);
    to = new Date(from.getTime() + 6 * day);
  } else {
    const unit = (g.unit ?? rule.unit ?? 'day').toLowerCase().replace(/s$/, '');
    const raw = (g.n ?? '').toLowerCase();
    const n = g.n === undefined ? (rule.n ?? 1) : /^(?:few|several)$/.test(raw) ? 3 : countOf(t, raw);
    if (!Number.isFinite(n) || n <= 0) return { period: null, range: false };
    if (unit === 'month' || unit === 'year') {
      const months = unit === 'month' ? n : 12 * n;
      from = new Date(Date.UTC(pub.getUTCFullYear(), pub.getUTCMonth() - months, pub.getUTCDate()));
    } else {
      from = new Date(pub.getTime() - Math.ceil(n * (DAYS_PER[unit] ?? 1)) * day);
    }
  }
  const period = holding(from, to);
  return { period, range: period === null };
}

/** "two days later" after `anchor` (YYYY-MM-DD): the day `n` days before or after it. */
function countFrom(
  t: SeizureTables,
  anchor: string,
  rule: PeriodRuleT,
  g: Record<string, string | undefined>,
): string | null {
  const raw = (g.n ?? '').toLowerCase();
  const n = g.n === undefined ? (rule.n ?? 1) : countOf(t, raw);
  if (!Number.isFinite(n)) return null;
  const [y, m, d] = anchor.split('-').map(Number) as [number, number, number];
  return ymd(new Date(Date.UTC(y, m - 1, d + n * Math.sign(rule.offset ?? -1))));
}

/**
 * Date expressions in `text`, longest first where they overlap, in text order. `anchor` is the
 * last day (YYYY-MM-DD) an earlier sentence named, for "a day earlier" and the like. `year` is
 * the last year an earlier sentence named, for an undated article only: "deste ano", "no dia 27
 * de outubro", "21/12" take that year ("foram apreendidos em 2021 ... No dia 27 de outubro").
 */
export function findPeriods(
  t: SeizureTables,
  text: string,
  published: string | null,
  anchor: string | null = null,
  year: string | null = null,
): PeriodMention[] {
  // Most sentences name no date: one test of the words every date rule needs saves the rest.
  if (!periodTrigger(t).test(text)) return [];
  const pub = publicationDay(published);
  // An undated article: a day or month named without its year takes the year of the last day
  // the text named ("Le vendredi 15 avril 2022 ... le 21 avril ... mi-mars dernier").
  const ref = pub ?? publicationDay(anchor) ?? (year ? publicationDay(`${year}-12-31`) : null);
  // Years counted from "this year" in an undated article: from the year the text last named.
  const yearRef = pub ?? (year ? publicationDay(`${year}-12-31`) : null);
  const dated = (r: PeriodRuleT) =>
    r.resolve === 'date' || r.resolve === 'month' || r.resolve === 'month-last';
  const all: Array<
    PeriodMention & { counted?: { rule: PeriodRuleT; groups: Record<string, string | undefined> } }
  > = [];
  // Most patterns need a word the sentence lacks: skip their scans (rules/literal-prefilter.ts).
  const folded = foldForLiterals(text);
  for (const c of t.periods) {
    if (!mayMatch(c.re, folded)) continue;
    for (const m of matchAll(text, c.re)) {
      all.push({
        start: m.index,
        end: m.index + m[0].length,
        period: resolve(
          t,
          c.rule,
          m.groups ?? {},
          dated(c.rule) ? ref : c.rule.resolve === 'relative-year' ? yearRef : pub,
          dated(c.rule) && !pub,
        ),
        range:
          c.rule.resolve === 'range' ||
          (SPANS.has(c.rule.resolve) && resolveSpan(t, c.rule, m.groups ?? {}, pub).range),
        reporting: c.rule.skip !== undefined,
        ...(c.rule.fallback ? { fallback: true } : {}),
        reason: c.rule.reason,
        ...(c.rule.resolve === 'anchor-days' ? { counted: { rule: c.rule, groups: m.groups ?? {} } } : {}),
      });
    }
  }
  all.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: PeriodMention[] = [];
  for (const p of all) if (!kept.some((k) => p.start < k.end && k.start < p.end)) kept.push(p);
  kept.sort((a, b) => a.start - b.start);
  // "On 3 May police ...; two days later ...": count from the last day named before the phrase.
  let lastDay = anchor ?? (pub ? ymd(pub) : null);
  for (const p of kept) {
    const counted = (p as (typeof all)[number]).counted;
    if (counted) p.period = lastDay ? countFrom(t, lastDay, counted.rule, counted.groups) : null;
    if (!p.reporting && p.period && DAY.test(p.period)) lastDay = p.period;
  }
  for (const p of kept) delete (p as (typeof all)[number]).counted;
  // "last night and this morning", "on 3 and 4 May": two days named as one span are the
  // month (or year) that holds both.
  const pairLink = pairLinkOf(t);
  for (let i = 0; i + 1 < kept.length; i++) {
    const a = kept[i]!;
    const b = kept[i + 1]!;
    if (a.reporting || b.reporting || !a.period || !b.period || !DAY.test(a.period) || !DAY.test(b.period))
      continue;
    if (!pairLink.test(text.slice(a.end, b.start))) continue;
    const [ya, ma, da] = a.period.split('-').map(Number) as [number, number, number];
    const [yb, mb, db] = b.period.split('-').map(Number) as [number, number, number];
    const both = holding(new Date(Date.UTC(ya, ma - 1, da)), new Date(Date.UTC(yb, mb - 1, db)));
    kept.splice(i, 2, { ...a, end: b.end, period: both, range: both === null, reason: 'period-two-days' });
  }
  // "Friday, January 2, 2026", "Saturday (18 May)": the weekday only repeats the date.
  return kept.filter((p, i) => {
    const next = kept[i + 1];
    return !(
      p.reason === 'period-weekday' &&
      next &&
      !next.range &&
      /^[\s,(]{0,3}$/.test(text.slice(p.end, next.start))
    );
  });
}

/** The usable date expression nearest to `pos` (ranges included: they void the period). */
export function nearestPeriod(
  periods: PeriodMention[],
  pos: number,
  end = pos,
  text = '',
): PeriodMention | null {
  let best: PeriodMention | null = null;
  let dist = Number.POSITIVE_INFINITY;
  for (const p of periods) {
    if (p.reporting) continue;
    let d = p.start >= end ? p.start - end : p.end <= pos ? pos - p.end : 0;
    // A date across a comma belongs to another clause more often than not.
    const between = p.start >= end ? text.slice(end, p.start) : text.slice(p.end, pos);
    if (/[,;]/.test(between)) d += 30;
    if (d < dist) {
      dist = d;
      best = p;
    }
  }
  return best;
}

/** Extra distance for a date across a comma from a figure, when figures share out dates. */
const CLAUSE_PENALTY = 60;

function costOf(
  p: PeriodMention,
  q: { start: number; end: number },
  text: string,
  all: Array<{ start: number; end: number }>,
): number {
  const after = p.start >= q.end;
  let d = after ? p.start - q.end : p.end <= q.start ? q.start - p.end : 0;
  const between = after ? text.slice(q.end, p.start) : text.slice(p.end, q.start);
  if (/[,;]/.test(between)) d += CLAUSE_PENALTY;
  // "X in A on 12 April and Y in B": a date before "and" closes the clause before it.
  else if (!after && /^\s*(?:and|but|while|whereas)\b/i.test(between)) d += CLAUSE_PENALTY;
  const lo = after ? q.end : p.end;
  const hi = after ? p.start : q.start;
  if (all.some((o) => o !== q && o.start >= lo && o.end <= hi)) d += 1000;
  return d;
}

/**
 * The date of figure `index` of a sentence when several figures share its dates: each date
 * belongs to the figure it is closest to (a comma between counts as distance, another figure
 * between as a wall), and a figure takes the closest date it owns ("3.7 tonnes found at A in
 * 2022, and 3.2 tonnes found at B in 2015"). A figure that owns none takes the nearest date.
 */
export function periodOfFigure(
  t: SeizureTables,
  periods: PeriodMention[],
  figures: Array<{ start: number; end: number }>,
  index: number,
  text: string,
): PeriodMention | null {
  const own = ownPeriod(periods, figures, index, text);
  // "10 tonnes of meth and 900 kg of heroin seized over the past year": figures listed together
  // share the date after the last of them, over one across a comma before them.
  const q = figures[index]!;
  const next = figures[index + 1];
  if (!next || !t.grammar.figureListLink.test(text.slice(q.end, next.start))) return own;
  const shared = periodOfFigure(t, periods, figures, index + 1, text);
  if (!shared || shared.start < next.end || /[,;]/.test(text.slice(next.end, shared.start))) return own;
  if (own && (own.start >= q.end || !/[,;]/.test(text.slice(own.end, q.start)))) return own;
  return shared;
}

function ownPeriod(
  periods: PeriodMention[],
  figures: Array<{ start: number; end: number }>,
  index: number,
  text: string,
): PeriodMention | null {
  const q = figures[index]!;
  const usable = periods.filter((p) => !p.reporting);
  if (figures.length < 2 || usable.length < 2) return nearestPeriod(periods, q.start, q.end, text);
  let best: PeriodMention | null = null;
  let bestCost = Number.POSITIVE_INFINITY;
  for (const p of usable) {
    const costs = figures.map((f) => costOf(p, f, text, figures));
    const mine = costs[index]!;
    if (costs.some((c, i) => i !== index && c < mine)) continue;
    // "from 201 tonnes in 2023 to 294 tonnes in 2024": a date as close before the figure as
    // after it closes the figure before; the one after is the figure's own.
    const follows = best !== null && best.start < q.start && p.start >= q.end;
    if (mine < bestCost || (mine === bestCost && follows)) {
      bestCost = mine;
      best = p;
    }
  }
  return best ?? nearestPeriod(periods, q.start, q.end, text);
}
