/** Reuters (reuters.com): Fusion layout, one `[data-testid="paragraph-N"]` per paragraph. */
import { allTexts, bodyParagraphs, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = ['[class*="article-body__content"]', '[data-testid="ArticleBody"]', 'article'];
const BODY_BLOCKS = '[data-testid^="paragraph-"], [data-testid^="paragraph-"] ~ h2';
const HEADLINE = '[data-testid="Heading"], h1';
const AUTHORS = '[rel="author"], [data-testid="AuthorNameLink"]';
/** Screen-reader hints inside links ("opens new tab"). */
const JUNK = [
  'span[style*="clip"]',
  '[class*="visually-hidden"]',
  '[class*="sr-only"]',
  'figure',
  '[data-testid="SignOff"]',
];
/** "BEIRUT/THE HAGUE, March 7 (Reuters) - " opening the first paragraph. */
const DATELINE = /^[^()]{2,120}\((?:Reuters|Thomson Reuters Foundation)\)\s*[-–—]\s*/;
const DROP = [/^(?:Reporting by|Writing by|Editing by|Additional reporting|Our Standards:)/i];

export const reuters: SiteExtractor = {
  id: 'reuters',
  name: 'Reuters',
  hosts: ['reuters.com'],
  extract($, page) {
    const paragraphs = bodyParagraphs($, firstMatch($, BODY), {
      remove: JUNK,
      blocks: BODY_BLOCKS,
      dropParagraphs: DROP,
    })
      .map((p, i) => (i === 0 ? p.replace(DATELINE, '') : p))
      .filter((p, i) => !(i === 0 && p === page.meta.title));
    const authors = allTexts($, AUTHORS);
    return {
      title: page.meta.title ?? firstText($, [HEADLINE]),
      authors: authors.length ? authors : page.meta.authors,
      text: paragraphs.join('\n\n'),
    };
  },
};
