/**
 * `cluster --corpus DIR`: read labelled article files (shared/corpus/LABELING.md shape), extract
 * each, and cluster them with the service's StoryClusterer. Reading files is the command's job;
 * this module takes the parsed files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { InputError } from '../errors.ts';
import { articleFromText, extractRecord } from '../extract/index.ts';
import { RECORD_SCHEMA } from '../records/schema.ts';
import type { ArticleRecord } from '../types.ts';
import { EXTRACTOR_VERSION } from '../version.ts';
import { StoryClusterer } from './clusterer.ts';
import { storyFeatures } from './features.ts';

export interface CorpusArticle {
  id: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  language: string;
  title: string | null;
  text: string;
  /** Gold story label, where the file has one (`story` or `cluster`). */
  story: string | null;
}

export function readCorpusDir(dir: string): CorpusArticle[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.expected.json'));
  } catch (cause) {
    throw new InputError(`cannot read corpus folder ${dir}`, { cause });
  }
  return names.sort().map((name) => {
    const file = path.join(dir, name);
    let raw: Record<string, unknown>;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    } catch (cause) {
      throw new InputError(`cannot read ${file}: ${(cause as Error).message}`, { cause });
    }
    if (typeof raw.text !== 'string') throw new InputError(`${file}: no "text"`);
    const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);
    return {
      id: str(raw.id) ?? name.replace(/\.json$/, ''),
      url: str(raw.url),
      outlet: str(raw.outlet),
      published: str(raw.published),
      language: str(raw.language) ?? 'en',
      title: str(raw.title),
      text: raw.text,
      story: str(raw.story) ?? str(raw.cluster),
    };
  });
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'unknown'
  );
}

/** The record the pipeline makes of a corpus file; a bare record if extraction fails. */
export function recordOfCorpusArticle(a: CorpusArticle): ArticleRecord {
  const source = a.outlet ? { id: slug(a.outlet), name: a.outlet } : undefined;
  const input = {
    id: a.id,
    url: a.url,
    title: a.title,
    text: a.text,
    published: a.published,
    language: a.language,
    ...(source ? { source } : {}),
  };
  const article = articleFromText(input);
  try {
    return extractRecord(article, { id: a.id });
  } catch {
    return {
      schema: RECORD_SCHEMA,
      id: a.id,
      url: a.url,
      source: article.source,
      language: a.language,
      title: a.title,
      teaser: null,
      published: a.published,
      section: null,
      tags: [],
      authors: [],
      editor: null,
      text: a.text,
      seizureStory: false,
      seizures: [],
      trends: [],
      persons: [],
      organizations: [],
      places: [],
      extractedAt: new Date().toISOString(),
      extractor: EXTRACTOR_VERSION,
    };
  }
}

export interface CorpusClusterLine {
  id: string;
  cluster: string;
}

/**
 * Cluster corpus articles in publication order (undated last, then by id), after counting every
 * article's terms so that term weights do not depend on file order. Output in input order.
 */
export function clusterCorpus(
  articles: CorpusArticle[],
  options: { windowDays?: number; figureTolerance?: number } = {},
): CorpusClusterLine[] {
  const clusterer = new StoryClusterer(options);
  const features = new Map(articles.map((a) => [a.id, storyFeatures(recordOfCorpusArticle(a))]));
  for (const f of features.values()) clusterer.countTerms(f);
  const order = [...articles].sort((x, y) => {
    const tx = features.get(x.id)!.time ?? Number.POSITIVE_INFINITY;
    const ty = features.get(y.id)!.time ?? Number.POSITIVE_INFINITY;
    return tx !== ty ? (tx < ty ? -1 : 1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;
  });
  for (const a of order) clusterer.assign(features.get(a.id)!, { countTerms: false });
  // read the keys at the end: a later article may have merged two stories
  const keys = new Map(clusterer.members.map((m) => [m.features.id, m.storyKey]));
  return articles.map((a) => ({ id: a.id, cluster: keys.get(a.id)! }));
}
