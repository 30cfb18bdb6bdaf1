import { articleFromText, extractRecord } from '../extract/index.ts';
import type { LabelledArticle } from './corpus.ts';

/** Run extraction over a labelled article; the record id is the labelled file's id. */
export function extractLabelled(article: LabelledArticle, now: () => Date = () => new Date()) {
  return extractRecord(
    articleFromText({
      id: article.id,
      url: article.url ?? null,
      title: article.title,
      text: article.text,
      published: article.published,
      language: article.language,
    }),
    { id: article.id, now },
  );
}
