/**
 * The real pages of ../shared/corpus/html with their ground truth, for the scrape eval and
 * benchmark. Read at run time, never copied into the project.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

export const CORPUS_HTML = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../shared/corpus/html',
);

/** Our own generic-extractor pages (our text, in the shapes that fail elsewhere), with expected text. */
export const GENERIC_FIXTURES = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../tests/fixtures/generic',
);

/**
 * Benchmark-sample pages kept aside while tuning the generic extractor (the last four ids in
 * sorted order, chosen before looking at them): a check looked at rarely, not a tuning target.
 */
export const HOLDOUT = new Set(['c7e39ac49fa1', 'd605bdef2cde', 'e372e42c0a3d', 'e7994d550087']);

export interface CorpusPage {
  /** folder/name, e.g. `dw/dw-de-2024-01-30-nadeschdin-putin`. */
  name: string;
  /** `benchmark-sample`, `generic-fixtures` (ours) or the outlet folder. */
  folder: string;
  /** Our pages: `check` for those written after tuning, to check on (meta.json `set`). */
  set?: string;
  url: string | null;
  html: string;
  /** Ground-truth body, or null where only snippets are known. */
  body: string | null;
  title: string | null;
  mustContain: string[];
  mustNotContain: string[];
}

interface Expected {
  url?: string | null;
  title?: string | null;
  body?: string | null;
  mustContain?: string[];
  mustNotContain?: string[];
}

/** Every corpus page with an expected.json, plus the benchmark sample. */
export function loadCorpusPages(root: string = CORPUS_HTML): CorpusPage[] {
  if (!existsSync(root)) return [];
  const pages: CorpusPage[] = [];
  for (const folder of readdirSync(root).sort()) {
    const dir = path.join(root, folder);
    if (folder === 'benchmark-sample') {
      const truthFile = path.join(dir, 'ground-truth.sample.json');
      if (!existsSync(truthFile)) continue;
      const truth = JSON.parse(readFileSync(truthFile, 'utf8')) as Record<
        string,
        { articleBody: string; url?: string }
      >;
      for (const [id, item] of Object.entries(truth).sort()) {
        const file = path.join(dir, `${id}.html.gz`);
        if (!existsSync(file)) continue;
        pages.push({
          name: `${folder}/${id.slice(0, 12)}`,
          folder,
          url: item.url ?? null,
          html: gunzipSync(readFileSync(file)).toString('utf8'),
          body: item.articleBody,
          title: null,
          mustContain: [],
          mustNotContain: [],
        });
      }
      continue;
    }
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.expected.json')) continue;
      const base = file.slice(0, -'.expected.json'.length);
      const htmlFile = path.join(dir, `${base}.html`);
      if (!existsSync(htmlFile)) continue;
      const exp = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Expected;
      pages.push({
        name: `${folder}/${base}`,
        folder,
        url: exp.url ?? null,
        html: readFileSync(htmlFile, 'utf8'),
        body: exp.body ? exp.body : null,
        title: exp.title ?? null,
        mustContain: exp.mustContain ?? [],
        mustNotContain: exp.mustNotContain ?? [],
      });
    }
  }
  return pages;
}

/** Our own pages under tests/fixtures/generic: `source.html`, `expected.txt`, `meta.json`. */
export function loadFixturePages(root: string = GENERIC_FIXTURES): CorpusPage[] {
  if (!existsSync(root)) return [];
  const pages: CorpusPage[] = [];
  for (const dir of readdirSync(root).sort()) {
    const base = path.join(root, dir);
    if (!existsSync(path.join(base, 'source.html'))) continue;
    const meta = JSON.parse(readFileSync(path.join(base, 'meta.json'), 'utf8')) as {
      url: string;
      set?: string;
      mustNotContain?: string[];
      mustContain?: string[];
    };
    pages.push({
      name: `generic-fixtures/${dir}`,
      folder: 'generic-fixtures',
      set: meta.set,
      url: meta.url,
      html: readFileSync(path.join(base, 'source.html'), 'utf8'),
      body: readFileSync(path.join(base, 'expected.txt'), 'utf8').trim(),
      title: null,
      mustContain: meta.mustContain ?? [],
      mustNotContain: meta.mustNotContain ?? [],
    });
  }
  return pages;
}

/** Word tokens as the Zyte benchmark reads them (`\w+`, Unicode-aware). */
export function wordTokens(text: string): string[] {
  return text.match(/[\p{L}\p{N}_]+/gu) ?? [];
}

export interface TokenScore {
  tp: number;
  predicted: number;
  truth: number;
  precision: number;
  recall: number;
  f1: number;
}

/** Precision, recall and F1 over the multiset of word tokens. */
export function scoreTokens(predicted: string, truth: string): TokenScore {
  const want = new Map<string, number>();
  const truthTokens = wordTokens(truth);
  for (const t of truthTokens) want.set(t, (want.get(t) ?? 0) + 1);
  const got = wordTokens(predicted);
  let tp = 0;
  for (const t of got) {
    const n = want.get(t) ?? 0;
    if (n > 0) {
      tp++;
      want.set(t, n - 1);
    }
  }
  return finish(tp, got.length, truthTokens.length);
}

export function finish(tp: number, predicted: number, truth: number): TokenScore {
  const precision = predicted ? tp / predicted : truth ? 0 : 1;
  const recall = truth ? tp / truth : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted, truth, precision, recall, f1 };
}
