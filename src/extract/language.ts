/**
 * The language an article is read in. The page, its feed or the labelled file declares one
 * (`html lang`, JSON-LD `inLanguage`, `og:locale`, the feed's `<language>`, a corpus file's
 * `language`); `eld`, an offline n-gram detector, checks it on the title and text. The detector
 * overrides a declaration only when it is reliable and names another language extraction knows
 * (a German wire copy on a page that says `lang="en"`); a page that declares none ('und') takes
 * the detector's answer. A language without a RuleSet is read with the English rules and keeps
 * its own code on the record.
 */
import { eld } from 'eld/small';

/** The detector reads at most this much text: the lead says the language, the rest only costs time. */
const DETECT_CHARS = 1500;

export interface LanguageDecision {
  /** ISO 639-1 code the record carries. */
  language: string;
  /** How it was decided, for logs and tests. */
  reason: 'declared' | 'detected' | 'declared-confirmed' | 'detector-overrides';
}

/** The detector's answer on a text, or null when it is unsure (short or mixed text). */
export function detectLanguage(text: string): string | null {
  const sample = text.slice(0, DETECT_CHARS);
  if (sample.trim().length < 20) return null;
  const r = eld.detect(sample);
  return r.language && r.isReliable() ? r.language : null;
}

/**
 * Decide an article's language from what it declares and what the detector reads.
 * `known` lists the languages that have a RuleSet.
 */
export function decideLanguage(
  declared: string | null | undefined,
  title: string | null,
  text: string,
  known: readonly string[],
): LanguageDecision {
  const stated = declared && declared !== 'und' ? declared.toLowerCase().split(/[-_]/)[0]! : null;
  const detected = detectLanguage(`${title ?? ''}\n${text}`);
  if (!stated)
    return detected ? { language: detected, reason: 'detected' } : { language: 'und', reason: 'declared' };
  if (!detected || detected === stated) {
    return { language: stated, reason: detected ? 'declared-confirmed' : 'declared' };
  }
  // Two readings disagree: the detector wins only for a language we can read.
  if (known.includes(detected)) return { language: detected, reason: 'detector-overrides' };
  return { language: stated, reason: 'declared' };
}
