/**
 * Text normalisation for story similarity: folded tokens, weighted terms for a cosine, and a
 * bottom-k MinHash sketch of word shingles for near-identical copies (wire stories, reposts).
 */
import type { ClusterTerms } from './terms.ts';

/** Lower case, accents folded, thousands separators removed ("2,100" -> "2100"). */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d)[,\u00a0\u202f'](?=\d{3}\b)/g, '$1')
    .replace(/[’‘`]/g, "'");
}

/** Word tokens of normalised text; decimals stay one token ("2.1"). */
export function tokenize(normalized: string): string[] {
  return normalized.match(/\d+(?:[.,]\d+)?|[\p{L}]+/gu) ?? [];
}

/** A light stem so "containers"/"container" and "seized"/"seizes" meet. */
export function stem(word: string): string {
  if (/^\d/.test(word)) return word.replace(',', '.');
  if (word.length > 5 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

export interface WeightedTerms {
  /** term -> weight before IDF (term frequency, title counted twice, names and numbers boosted). */
  [term: string]: number;
}

const MAX_TERMS = 80;

/**
 * Content terms of an article: tokens that are not stopwords. Names (capitalised in the text)
 * and numbers weigh more, being what tells one haul from another; only the heaviest terms are
 * kept so that stored features stay small.
 */
export function contentTerms(title: string | null, text: string, terms: ClusterTerms): WeightedTerms {
  const out: WeightedTerms = {};
  const add = (raw: string, weight: number): void => {
    for (const m of raw.matchAll(/\d+(?:[.,]\d+)?|[\p{L}]+/gu)) {
      const surface = m[0];
      const word = normalizeText(surface);
      if (word.length < 2 && !/^\d/.test(word)) continue;
      if (terms.stopwords.has(word)) continue;
      if (/^\d+$/.test(word) && /^(19|20)\d\d$/.test(word)) continue; // years say little
      const at = m.index ?? 0;
      const isName =
        /^\p{Lu}/u.test(surface) &&
        at > 0 &&
        !/(^|[.!?:"“”]\s*|\n\s*)$/.test(raw.slice(Math.max(0, at - 4), at));
      const isNumber = /^\d/.test(word);
      const t = stem(word);
      out[t] = (out[t] ?? 0) + weight * (isName ? 1.5 : isNumber ? 1.5 : 1);
    }
  };
  if (title) add(title, 2);
  add(text.replace(/(\d),(\d{3})\b/g, '$1$2'), 1);
  const top = Object.entries(out)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_TERMS);
  return Object.fromEntries(top.map(([t, w]) => [t, Math.round(w * 100) / 100]));
}

/** Document frequencies for IDF, with a prior so that a young store still weighs terms sensibly. */
export interface DocFrequencies {
  docs: number;
  df: Map<string, number>;
}

const PRIOR_DOCS = 40;

export function idf(term: string, freq: DocFrequencies, terms: ClusterTerms): number {
  const domainPrior = terms.domainWords.has(term) || terms.isDomainTerm?.(term) ? PRIOR_DOCS * 0.8 : 0;
  return Math.log((freq.docs + PRIOR_DOCS + 1) / ((freq.df.get(term) ?? 0) + domainPrior + 1));
}

/** Cosine of the TF-IDF vectors of two term maps. */
export function cosine(
  a: WeightedTerms,
  b: WeightedTerms,
  freq: DocFrequencies,
  terms: ClusterTerms,
): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const w = new Map<string, number>();
  const weightOf = (t: string): number => {
    let v = w.get(t);
    if (v === undefined) {
      v = idf(t, freq, terms);
      w.set(t, v);
    }
    return v;
  };
  for (const [t, tf] of Object.entries(a)) {
    const x = tf * weightOf(t);
    na += x * x;
    const other = b[t];
    if (other !== undefined) dot += x * other * weightOf(t);
  }
  for (const [t, tf] of Object.entries(b)) {
    const y = tf * weightOf(t);
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

// ---- bottom-k MinHash of word 4-shingles -------------------------------------------------------

const SHINGLE = 4;
/** Sketch size: the k smallest shingle hashes. Supports Jaccard and containment estimates. */
export const SKETCH_SIZE = 256;

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  // final avalanche (murmur3 fmix32) so that nearby strings spread over the range
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The k smallest distinct hashes of the text's word shingles, ascending. */
export function shingleSketch(text: string): number[] {
  const words = tokenize(normalizeText(text));
  const hashes = new Set<number>();
  if (words.length < SHINGLE) {
    if (words.length > 0) hashes.add(fnv1a(words.join(' ')));
  } else {
    for (let i = 0; i + SHINGLE <= words.length; i++)
      hashes.add(fnv1a(words.slice(i, i + SHINGLE).join(' ')));
  }
  return [...hashes].sort((a, b) => a - b).slice(0, SKETCH_SIZE);
}

/**
 * Estimated Jaccard similarity and containment (share of the smaller text found in the other)
 * from two bottom-k sketches, both restricted to hashes below the smaller sketch's ceiling.
 */
export function sketchSimilarity(
  a: readonly number[],
  b: readonly number[],
): { jaccard: number; containment: number } {
  if (a.length === 0 || b.length === 0) return { jaccard: 0, containment: 0 };
  const ceiling = Math.min(a[a.length - 1]!, b[b.length - 1]!);
  const sa = a.filter((h) => h <= ceiling);
  const setB = new Set(b.filter((h) => h <= ceiling));
  let inter = 0;
  for (const h of sa) if (setB.has(h)) inter++;
  const union = sa.length + setB.size - inter;
  const smaller = Math.min(sa.length, setB.size);
  return { jaccard: union === 0 ? 0 : inter / union, containment: smaller === 0 ? 0 : inter / smaller };
}
