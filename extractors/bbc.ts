/** BBC News (bbc.com, bbc.co.uk): Next.js article built of `data-component` blocks. */
import { allTexts, bodyText, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const ARTICLE = ['main article', 'article'];
/** Text and subheading blocks, in order; image, video, links and ad blocks are skipped. */
const BODY_BLOCKS =
  '[data-component="text-block"] p, [data-component="text-block"] li, [data-component="subheadline-block"] h2';
const HEADLINE = '[data-component="headline-block"] h1, article h1';
const AUTHORS =
  '[data-testid="byline-new-contributors"] span[class*="Contributor"], [data-testid="byline"] [data-testid="byline-contributors"] span';
const TAGS = '[data-component="tag-list-block"] a';
const JUNK = [
  '[data-component="image-block"]',
  '[data-component="video-block"]',
  '[data-component="links-block"]',
  '[data-component="ad-slot"]',
  'figure',
  'figcaption',
];

export const bbc: SiteExtractor = {
  id: 'bbc',
  name: 'BBC News',
  hosts: ['bbc.com', 'bbc.co.uk'],
  extract($, page) {
    const article = firstMatch($, ARTICLE);
    const authors = allTexts($, AUTHORS);
    return {
      title: firstText($, [HEADLINE]) ?? page.meta.title,
      authors: authors.length ? authors : page.meta.authors,
      tags: allTexts($, TAGS),
      text: bodyText($, article, { remove: JUNK, blocks: BODY_BLOCKS }),
    };
  },
};
