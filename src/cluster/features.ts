/**
 * What the clusterer knows of one article: its time, its figures (the extractor's seizures,
 * else quantities found in the text), its content terms and a MinHash sketch. Plain JSON, so
 * the alerts store can keep it in SQLite between runs.
 */
import type { ArticleRecord } from '../types.ts';
import { storyAnchors } from './anchors.ts';
import { type ClusterLexicon, type LexiconFigure, loadClusterLexicon, type YearDate } from './lexicon.ts';
import { findQuantities, type Quantity, roundingSlack } from './quantities.ts';
import { type ClusterTerms, loadClusterTerms } from './terms.ts';
import { contentTerms, shingleSketch, type WeightedTerms } from './text.ts';

export interface StoryFeatures {
  id: string;
  sourceId: string;
  sourceName: string;
  url: string | null;
  title: string | null;
  language: string;
  /**
   * When the story happened, epoch ms: the publication date, else a date the article's lead
   * gives (storyTime); null if neither (an undated article is not split by the time window).
   */
  time: number | null;
  /** How uncertain `time` is, in ms each way (a month named without a day: about half a month). */
  timeSlack?: number;
  /** Where `time` came from. Absent in features stored before it existed. */
  timeFrom?: 'published' | 'text';
  /**
   * Older hauls the article recalls, dated to a month or a day (storyTime): epoch ms ranges. A
   * story dated within one (plus the report lag) is the recalled one, not this article's.
   */
  recalls?: Recall[];
  /** The haul figures the story reports (no period totals, no older hauls it recalls). */
  figures: Quantity[];
  /** Countries the seizures happened in (extractor's), for telling two ports apart. */
  countries: string[];
  /**
   * Language-independent anchors (anchors.ts): places, persons, numbers, years, drugs, figures,
   * dates. Absent in features stored before they existed.
   */
  anchors?: string[];
  terms: WeightedTerms;
  sketch: number[];
}

export interface FeatureOptions {
  terms?: ClusterTerms;
  lexicon?: ClusterLexicon;
}

const DAY = 86_400_000;
/** A dated mention this long before the story's time is another event (a haul months or years ago). */
export const BACKGROUND_DAYS = 45;
/** How long after a haul's date its reports appear: a date read from the text starts the range. */
export const REPORT_LAG_DAYS = 14;
/** Sentences of the text (after the title) that count as its lead: the story's own facts. */
const LEAD_SENTENCES = 3;
const LEAD_PARAGRAPHS = 2;

interface Span {
  start: number;
  end: number;
}

/**
 * Sentence spans of a text. A dot after a one- or two-digit number is an ordinal ("am 12.
 * Februar"), not a sentence end.
 */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  let start = 0;
  const re = /\n+|[.!?…]["”»)]?\s+(?=[\p{Lu}"“«¿¡(])/gu;
  for (const m of text.matchAll(re)) {
    const at = m.index ?? 0;
    if (m[0][0] === '.' && /(?:^|[^\d.,])\d{1,2}$/.test(text.slice(Math.max(0, at - 4), at))) continue;
    const end = at + (m[0][0] === '\n' ? 0 : m[0].replace(/\s+$/, '').length);
    if (text.slice(start, end).trim()) out.push({ start, end });
    start = at + m[0].length;
  }
  if (text.slice(start).trim()) out.push({ start, end: text.length });
  return out;
}

/** The article as one string (title, blank line, text): what anchors and dates are read from. */
export function storyBody(title: string | null, text: string): string {
  return `${title ?? ''}\n\n${text}`;
}

interface Dated {
  /** Range of the dated mention, epoch ms. */
  lo: number;
  hi: number;
}

function rangeOf(d: YearDate): Dated {
  if (d.month === null) return { lo: Date.UTC(d.year, 0, 1), hi: Date.UTC(d.year + 1, 0, 1) - 1 };
  if (d.day === null) return { lo: Date.UTC(d.year, d.month - 1, 1), hi: Date.UTC(d.year, d.month, 1) - 1 };
  const t = Date.UTC(d.year, d.month - 1, d.day);
  return { lo: t, hi: t + DAY - 1 };
}

function periodRange(period: string | null): Dated | null {
  const m = period ? /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(period) : null;
  if (!m) return null;
  return rangeOf({
    year: Number(m[1]),
    month: m[2] ? Number(m[2]) : null,
    day: m[3] ? Number(m[3]) : null,
    start: 0,
    end: 0,
  });
}

export interface StoryTime {
  time: number | null;
  slack: number;
  from: 'published' | 'text' | null;
  /** Spans of `body` that recall another, older event (their figures and dates are not this story's). */
  background: Span[];
  /**
   * Date ranges (epoch ms) of older hauls the article recalls: background sentences that date a
   * figure to a month or a day. The article is not about them.
   */
  recalls: Recall[];
}

/** An older haul an article recalls: when (epoch ms range) and the figures it gives for it. */
export interface Recall {
  lo: number;
  hi: number;
  figures?: Array<{ drug: LexiconFigure['drug']; kg: number | null; count: number | null }>;
}

/**
 * When the story happened and which sentences recall something else:
 * - the publication date; else the first date (day, else month, with its year) of a sentence
 *   that tells this story: the headline (title and first sentence), a sentence stating the
 *   headline's figure ("the 8.5 tonnes were found on 11 March 2025"), or a lead sentence
 *   stating no other figure;
 * - background: an undated article's dated sentences that state another figure ("the record
 *   remains the 16 tonnes of February 2021") or sit after the lead, and a dated story's sentences
 *   dating what they say more than BACKGROUND_DAYS before it. Background sentences that give
 *   a figure and a month are `recalls`: an older haul the article is not about.
 */
export function storyTime(
  record: Pick<ArticleRecord, 'title' | 'text' | 'published'>,
  lexicon: ClusterLexicon,
): StoryTime {
  const body = storyBody(record.title, record.text);
  const textStart = body.length - record.text.length;
  const spans = sentenceSpans(body);
  const paragraphBreaks = [...record.text.matchAll(/\n+/g)].map((m) => textStart + (m.index ?? 0));
  const leadEnd = Math.min(
    paragraphBreaks[LEAD_PARAGRAPHS - 1] ?? body.length,
    spans.filter((s) => s.start >= textStart)[LEAD_SENTENCES - 1]?.end ?? body.length,
  );
  const inLead = (s: Span): boolean => s.start < leadEnd;
  // The headline: the title and the first sentence of the text.
  const headEnd = spans.find((s) => s.start >= textStart)?.end ?? body.length;
  const figures = lexicon.figuresIn(body);
  const dates = lexicon
    .yearDatesIn(body)
    // A bare year that is a figure ("2000 kilos") is no date.
    .filter((d) => d.month !== null || !figures.some((f) => d.start >= f.start && d.start < f.end));
  const figuresOf = (s: Span) => figures.filter((f) => f.start >= s.start && f.start < s.end);
  const headline = figures.filter((f) => f.start < headEnd);
  const ownFigures = headline.length > 0 ? headline : figures.filter((f) => f.start < leadEnd);
  const agrees = (f: LexiconFigure): boolean =>
    ownFigures.some((g) => {
      if (f.drug && g.drug && f.drug !== g.drug) return false;
      if (f.kg !== null && g.kg !== null) {
        const slack = Math.max(0.05 * Math.max(f.kg, g.kg), roundingSlack(f.kg), roundingSlack(g.kg));
        return Math.abs(f.kg - g.kg) <= slack;
      }
      return (
        f.count !== null &&
        g.count !== null &&
        Math.abs(f.count - g.count) <= 0.01 * Math.max(f.count, g.count)
      );
    });
  let time: number | null = null;
  let slack = 0;
  let from: StoryTime['from'] = null;
  const background: Span[] = [];
  const recalls: StoryTime['recalls'] = [];
  const recall = (s: Span, here: YearDate[]): void => {
    if (!background.includes(s)) background.push(s);
    const figs = figuresOf(s).map((f) => ({ drug: f.drug, kg: f.kg, count: f.count }));
    if (figs.length > 0)
      for (const d of here) if (d.month !== null) recalls.push({ ...rangeOf(d), figures: figs });
  };
  const published = record.published ? Date.parse(record.published) : Number.NaN;
  if (Number.isFinite(published)) {
    time = published;
    from = 'published';
  } else {
    // No publication date: a dated sentence tells this story when it is the headline, states
    // the headline's figure, or (stating no other figure) sits in the lead; a dated sentence
    // with other figures, or after the lead, recalls something else.
    const candidates: YearDate[] = [];
    for (const s of spans) {
      const here = dates.filter((d) => d.start >= s.start && d.start < s.end);
      if (here.length === 0) continue;
      const own = figuresOf(s);
      const tells =
        s.start < headEnd || (own.length > 0 && ownFigures.length > 0 ? own.some(agrees) : inLead(s));
      if (tells) candidates.push(...here.filter((d) => d.month !== null));
      else recall(s, here);
    }
    // The story is reported from the date it gives to some days after.
    const date = candidates.find((d) => d.day !== null) ?? candidates[0];
    if (date) {
      const r = rangeOf(date);
      const hi = r.hi + REPORT_LAG_DAYS * DAY;
      time = Math.round((r.lo + hi) / 2);
      slack = Math.round((hi - r.lo) / 2);
      from = 'text';
    }
  }
  // A dated story: sentences dating what they say well before it recall an older event.
  const t = time as number | null;
  if (t !== null) {
    for (const s of spans) {
      const here = dates.filter((d) => d.start >= s.start && d.start < s.end);
      if (here.length > 0 && here.every((d) => rangeOf(d).hi < t - slack - BACKGROUND_DAYS * DAY))
        recall(s, here);
    }
  }
  // A sentence after the headline that places its figures a month or a year back ("last month
  // officers found 4.6 tonnes at the same port") recalls an older haul, dated or not.
  for (const s of spans) {
    if (s.start < headEnd || background.includes(s)) continue;
    const own = figuresOf(s);
    if (own.length === 0 || own.some(agrees)) continue;
    if (lexicon.pastReference(body.slice(s.start, s.end))) recall(s, []);
  }
  background.sort((a, b) => a.start - b.start);
  return { time, slack, from, background, recalls };
}

/** The span of `body` a seizure's evidence sentence sits in, or null. */
function evidenceIn(body: string, evidence: string): Span | null {
  const at = evidence ? body.indexOf(evidence) : -1;
  return at < 0 ? null : { start: at, end: at + evidence.length };
}

export function storyFeatures(record: ArticleRecord, options: FeatureOptions = {}): StoryFeatures {
  const terms = options.terms ?? loadClusterTerms();
  const lexicon = options.lexicon ?? loadClusterLexicon();
  const when = storyTime(record, lexicon);
  const body = storyBody(record.title, record.text);
  const inBackground = (span: Span | null): boolean =>
    span !== null && when.background.some((b) => span.start < b.end && b.start < span.end);
  const older = (period: string | null): boolean => {
    const r = periodRange(period);
    return r !== null && when.time !== null && r.hi < when.time - when.slack - BACKGROUND_DAYS * DAY;
  };
  const own = record.seizures.filter(
    (s) => !s.aggregate && !older(s.period) && !inBackground(evidenceIn(body, s.evidence)),
  );
  let figures: Quantity[] = own
    .filter((s) => s.kg !== null || s.count !== null)
    .map((s) => {
      // The qualifier of the figure, read again from its evidence ("knapp drei Tonnen").
      const bound = lexicon
        .figuresIn(s.evidence)
        .find((f) =>
          s.kg !== null ? f.kg !== null && Math.abs(f.kg - s.kg) <= 0.01 * s.kg : f.count === s.count,
        )?.bound;
      return {
        drug: s.drug,
        kg: s.kg,
        count: s.count,
        country: s.country,
        aggregate: false,
        lead: true,
        ...(bound ? { bound } : {}),
      };
    });
  if (figures.length === 0) {
    // Not the figures the extractor placed in an older haul or a period total ("the 3,100 kilos
    // seized in November last year", in a trial report): those are no figure of this story.
    const set = record.seizures.filter((s) => older(s.period) || inBackground(evidenceIn(body, s.evidence)));
    const same = (x: number | null, y: number | null): boolean =>
      x !== null && y !== null && Math.abs(x - y) <= 0.01 * Math.max(x, y);
    figures = findQuantities(record.title, record.text, lexicon).filter(
      (q) => q.lead && !q.aggregate && !set.some((s) => same(s.kg, q.kg) || same(s.count, q.count)),
    );
  }
  const countries = [...new Set(own.filter((s) => s.country).map((s) => s.country!))].sort();
  return {
    id: record.id,
    sourceId: record.source.id,
    sourceName: record.source.name,
    url: record.url,
    title: record.title,
    language: record.language,
    // The time first seen is no date of the story: an undated article is not split by the window
    // (the service keeps it apart from old stories by pruning members seen long ago).
    time: when.time,
    ...(when.time !== null && when.from ? { timeSlack: when.slack, timeFrom: when.from } : {}),
    ...(when.recalls.length > 0 ? { recalls: when.recalls } : {}),
    figures: dedupeFigures(figures),
    countries,
    anchors: storyAnchors(record.title, record.text, {
      language: record.language,
      lexicon,
      terms,
      background: when.background,
      organizations: record.organizations,
      persons: record.persons.map((p) => p.name),
      places: record.places,
      countries,
    }),
    terms: contentTerms(record.title, record.text, terms),
    sketch: shingleSketch(body),
  };
}
function dedupeFigures(figures: Quantity[]): Quantity[] {
  const seen = new Set<string>();
  return figures.filter((f) => {
    const key = `${f.drug}|${f.kg}|${f.count}|${f.country}|${f.bound ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
