/** Which rules a record matches, and so which channels it alerts. Pure. */
import type { ArticleRecord, Seizure } from '../types.ts';
import type { AlertRule } from './config.ts';

function seizureMatches(s: Seizure, when: AlertRule['when']): boolean {
  if (when.drugs && !when.drugs.includes(s.drug)) return false;
  if (when.minKg !== undefined && !(s.kg !== null && s.kg >= when.minKg)) return false;
  if (when.minCount !== undefined && !(s.count !== null && s.count >= when.minCount)) return false;
  for (const flag of when.flags ?? []) {
    if (flag === 'record' && !s.record) return false;
    if (flag === 'haul' && s.aggregate) return false;
    if (flag === 'aggregate' && !s.aggregate) return false;
  }
  return true;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Does the record meet every condition of the rule's `when`? */
export function ruleMatches(rule: AlertRule, record: ArticleRecord): boolean {
  const w = rule.when;
  if (w.seizureStory !== undefined && record.seizureStory !== w.seizureStory) return false;
  if (w.languages && !w.languages.includes(record.language)) return false;
  const needsSeizure =
    w.drugs !== undefined || w.minKg !== undefined || w.minCount !== undefined || w.flags !== undefined;
  if (needsSeizure && !record.seizures.some((s) => seizureMatches(s, w))) return false;
  if (w.countries) {
    const countries = new Set<string>();
    for (const s of record.seizures) if (s.country) countries.add(s.country);
    for (const p of record.places) if (p.country) countries.add(p.country);
    if (!w.countries.some((c) => countries.has(c))) return false;
  }
  if (w.keywords) {
    const hay = `${record.title ?? ''}\n${record.text}`;
    const hit = w.keywords.some((k) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(k)}($|[^\\p{L}\\p{N}])`, 'iu').test(hay),
    );
    if (!hit) return false;
  }
  return true;
}

export interface RouteMatch {
  rule: string;
  channel: string;
}

/** Channel -> first rule that sends the record there (one alert per channel). */
export function routeRecord(rules: readonly AlertRule[], record: ArticleRecord): RouteMatch[] {
  const out = new Map<string, string>();
  for (const rule of rules) {
    if (!ruleMatches(rule, record)) continue;
    for (const channel of rule.channels) if (!out.has(channel)) out.set(channel, rule.name);
  }
  return [...out].map(([channel, rule]) => ({ channel, rule }));
}
