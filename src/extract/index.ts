/**
 * The extract stage: ScrapedArticle (or a bare ArticleText) -> ArticleRecord. Pure: no I/O
 * (the RuleSet's tables are read once, when it is first loaded). One parse, by the RuleSet's
 * parser, is shared by the entity rules and the seizure rules.
 */
import { recordId } from '../records/id.ts';
import { ArticleRecordSchema, RECORD_SCHEMA } from '../records/schema.ts';
import type { ArticleRecord, ArticleText, ScrapedArticle } from '../types.ts';
import { EXTRACTOR_VERSION } from '../version.ts';
import { extractEntities } from './entities/index.ts';
import { decideLanguage } from './language.ts';
import { LANGUAGES } from './languages/index.ts';
import { parseText } from './parse.ts';
import { DEFAULT_LANGUAGE } from './rules/load.ts';
import { loadRuleSet, type RuleSet } from './rules/ruleset.ts';
import { extractSeizures } from './seizures/index.ts';

export { decideLanguage, detectLanguage } from './language.ts';
export { loadRuleSet, type RuleSet } from './rules/ruleset.ts';

export interface ExtractOptions {
  /** Overrides the record id (the corpus file's id); default: hash of the canonical URL. */
  id?: string;
  /** Clock for `extractedAt`, for reproducible output. */
  now?: () => Date;
  /**
   * The rules to read the article with (`loadRuleSet('de')`: tables of config/rules/de/ and
   * the parser). Default: the RuleSet of the article's language, as declared and checked by
   * the detector (src/extract/language.ts); English for a language without one.
   */
  rules?: RuleSet;
}

/** Turn a bare text (a .txt body or a labelled corpus file) into the scraper's shape. */
export function articleFromText(input: ArticleText): ScrapedArticle {
  return {
    url: input.url,
    source: input.source ?? sourceFromUrl(input.url),
    language: input.language ?? 'en',
    title: input.title,
    teaser: null,
    published: input.published,
    section: null,
    tags: [],
    authors: [],
    editor: null,
    text: input.text,
    extractor: 'text',
  };
}

function sourceFromUrl(url: string | null): { id: string; name: string } {
  if (!url) return { id: 'unknown', name: 'unknown' };
  try {
    const host = new URL(url).hostname.replace(/^www\./, '');
    return { id: host, name: host };
  } catch {
    return { id: 'unknown', name: 'unknown' };
  }
}

export function extractRecord(article: ScrapedArticle, options: ExtractOptions = {}): ArticleRecord {
  let language = article.language;
  let rules = options.rules;
  if (!rules) {
    language = decideLanguage(article.language, article.title, article.text, Object.keys(LANGUAGES)).language;
    rules = loadRuleSet(LANGUAGES[language] ? language : DEFAULT_LANGUAGE);
  }
  const parsed = parseText(
    { title: article.title, text: article.text, published: article.published, url: article.url },
    rules,
  );
  const entities = extractEntities(parsed, rules);
  const findings = extractSeizures(parsed, entities.mentions, rules, { mainCountry: entities.mainCountry });
  const id =
    options.id ?? recordId(article.url ?? `text:${article.title ?? ''}:${article.text.slice(0, 200)}`);
  const record: ArticleRecord = {
    schema: RECORD_SCHEMA,
    id,
    url: article.url,
    source: article.source,
    language,
    title: article.title,
    teaser: article.teaser,
    published: article.published,
    section: article.section,
    tags: article.tags,
    authors: article.authors,
    editor: article.editor,
    text: article.text,
    seizureStory: findings.seizureStory,
    seizures: findings.seizures,
    trends: findings.trends,
    persons: entities.persons,
    organizations: entities.organizations,
    places: entities.places,
    extractedAt: (options.now?.() ?? new Date()).toISOString(),
    extractor: EXTRACTOR_VERSION,
  };
  // Validated on output: a record that breaks the contract is a bug, never written.
  return ArticleRecordSchema.parse(record);
}
