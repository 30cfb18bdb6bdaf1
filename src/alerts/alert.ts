/**
 * The Alert: what every channel sends about one story. Built from the record that raised it
 * and the story it belongs to (other outlets' reports, figures they disagree on).
 */
import type { ArticleRecord, Seizure } from '../types.ts';

/** A slim copy of a record, kept per story member (no body text). */
export interface RecordSummary {
  id: string;
  url: string | null;
  title: string | null;
  source: { id: string; name: string };
  language: string;
  published: string | null;
  seizureStory: boolean;
  seizures: Seizure[];
}

export interface StoryReport {
  recordId: string;
  source: { id: string; name: string };
  url: string | null;
  title: string | null;
  published: string | null;
}

/** Outlets giving different figures for what looks like one seizure (116 t vs 121 t). */
export interface FigureDisagreement {
  drug: string;
  period: string | null;
  location: string | null;
  values: Array<{ source: string; figure: string }>;
  note: string;
}

export interface StoryInfo {
  key: string;
  /** Every report of the story, first (the one that alerted) first. */
  reports: StoryReport[];
  /** Outlets other than the first that reported it. */
  alsoReportedBy: string[];
  disagreements: FigureDisagreement[];
}

export interface AlertFigure {
  drug: string;
  amount: { value: number; unit: string };
  kg: number | null;
  count: number | null;
  countUnit: string | null;
  location: string | null;
  country: string | null;
  period: string | null;
  aggregate: boolean;
  record: boolean;
  evidence: string;
  /** One line for people: "2.4 t of cocaine, Rotterdam (NL), 2024-03; one haul". */
  summary: string;
}

export interface Alert {
  /** Standard Webhooks event type. */
  type: 'seizure.story' | 'seizure.test';
  /** Stable per story: `story_<story key>`. */
  id: string;
  rule: string;
  headline: string;
  record: {
    id: string;
    url: string | null;
    title: string | null;
    source: { id: string; name: string };
    language: string;
    published: string | null;
  };
  figures: AlertFigure[];
  /** The sentence stating the first figure, verbatim from the article. */
  evidence: string | null;
  story: StoryInfo;
}

export function summarizeRecord(r: ArticleRecord): RecordSummary {
  return {
    id: r.id,
    url: r.url,
    title: r.title,
    source: r.source,
    language: r.language,
    published: r.published,
    seizureStory: r.seizureStory,
    seizures: r.seizures,
  };
}

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 3 });

/** "116 t of cocaine" / "1,200,000 pills of mdma". */
export function figureAmount(s: { amount: { value: number; unit: string }; drug: string }): string {
  return `${NUMBER.format(s.amount.value)} ${s.amount.unit.replace('_', ' ')} of ${s.drug}`;
}

/**
 * The figure in English: the canonical drug name, the amount and, for an article in another
 * language, the mass in kg ("16 t of cocaine (16,000 kg)"), so a newsroom reads any language's
 * figure alike. The evidence stays as the article wrote it.
 */
export function figureSummary(s: Seizure, language = 'en'): string {
  const place = s.location ? `${s.location}${s.country ? ` (${s.country})` : ''}` : s.country;
  const where = [place, s.period].filter(Boolean).join(', ');
  const kind = [s.aggregate ? 'total' : 'one haul', s.record ? 'a record' : null].filter(Boolean).join(', ');
  return `${figureInEnglish(s, language)}${where ? `, ${where}` : ''}; ${kind}`;
}

/** "116 t of cocaine", and for an article in another language its kg: "16 t of cocaine (16,000 kg)". */
export function figureInEnglish(
  s: { amount: { value: number; unit: string }; drug: string; kg: number | null },
  language = 'en',
): string {
  const kg =
    !isEnglish(language) && s.kg !== null && s.amount.unit !== 'kg' ? ` (${NUMBER.format(s.kg)} kg)` : '';
  return `${figureAmount(s)}${kg}`;
}

function isEnglish(language: string | null | undefined): boolean {
  return !language || language === 'und' || language.toLowerCase().startsWith('en');
}

/**
 * How the evidence is introduced: plain for English, with the article's language for another
 * ("Evidence (original, de)"), the quote itself never translated.
 */
export function evidenceLabel(language: string | null | undefined): string {
  return isEnglish(language) ? 'Evidence' : `Evidence (original, ${language})`;
}

export function buildAlert(record: RecordSummary, rule: string, story: StoryInfo, test = false): Alert {
  return {
    type: test ? 'seizure.test' : 'seizure.story',
    id: `story_${story.key}`,
    rule,
    headline: record.title ?? `Seizure story from ${record.source.name}`,
    record: {
      id: record.id,
      url: record.url,
      title: record.title,
      source: record.source,
      language: record.language,
      published: record.published,
    },
    figures: record.seizures.map((s) => ({
      drug: s.drug,
      amount: s.amount,
      kg: s.kg,
      count: s.count,
      countUnit: s.countUnit,
      location: s.location,
      country: s.country,
      period: s.period,
      aggregate: s.aggregate,
      record: s.record,
      evidence: s.evidence,
      summary: figureSummary(s, record.language),
    })),
    evidence: record.seizures[0]?.evidence ?? null,
    story,
  };
}

/** The alert as plain text (email body, dry-run output). */
export function renderText(alert: Alert): string {
  const lines: string[] = [alert.headline, ''];
  const r = alert.record;
  lines.push(`Source: ${r.source.name}${r.published ? `, published ${r.published.slice(0, 10)}` : ''}`);
  if (alert.figures.length > 0) {
    lines.push('', 'Figures:');
    for (const f of alert.figures) lines.push(`  - ${f.summary}`);
  }
  if (alert.evidence) lines.push('', `${evidenceLabel(r.language)}: "${alert.evidence}"`);
  if (alert.story.disagreements.length > 0) {
    lines.push('', 'Outlets disagree:');
    for (const d of alert.story.disagreements) lines.push(`  - ${d.note}`);
  }
  if (alert.story.alsoReportedBy.length > 0)
    lines.push('', `Also reported by: ${alert.story.alsoReportedBy.join(', ')}`);
  if (r.url) lines.push('', `Read: ${r.url}`);
  lines.push('', `Rule: ${alert.rule}. Story: ${alert.story.key}.`);
  return `${lines.join('\n')}\n`;
}

/**
 * Figures the story's outlets disagree on: one drug, same period and place (where given),
 * within 30% of each other but not equal, from different outlets.
 */
export function findDisagreements(members: RecordSummary[]): FigureDisagreement[] {
  const groups = new Map<string, Array<{ source: string; s: Seizure }>>();
  for (const m of members) {
    for (const s of m.seizures) {
      const place = (s.location ?? s.country ?? '').toLowerCase();
      const key = `${s.drug}|${s.period ?? ''}|${place}|${s.aggregate}|${s.kg !== null ? 'kg' : 'n'}`;
      const g = groups.get(key) ?? [];
      g.push({ source: m.source.name, s });
      groups.set(key, g);
    }
  }
  const out: FigureDisagreement[] = [];
  for (const g of groups.values()) {
    const value = (x: Seizure): number => x.kg ?? x.count ?? 0;
    const sources = new Set(g.map((x) => x.source));
    if (sources.size < 2) continue;
    const values = [...new Set(g.map((x) => value(x.s)))].sort((a, b) => a - b);
    if (values.length < 2) continue;
    // figures far apart are different seizures of the same drug, not a disagreement
    if (values[values.length - 1]! > values[0]! * 1.3) continue;
    const seen = new Set<string>();
    const list = g.filter((x) => {
      const k = `${x.source}|${value(x.s)}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
    const first = list[0]!.s;
    out.push({
      drug: first.drug,
      period: first.period,
      location: first.location,
      values: list.map((x) => ({ source: x.source, figure: figureAmount(x.s) })),
      note: `${list.map((x) => `${figureAmount(x.s)} (${x.source})`).join(' vs ')}${
        first.period ? ` for ${first.period}` : ''
      }${first.location ? ` in ${first.location}` : ''}`,
    });
  }
  return out;
}
