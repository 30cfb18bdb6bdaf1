/**
 * Al Jazeera (aljazeera.com). Two layouts: the 2019 one (`#main-article-block
 * .article-p-wrapper`) and the current one (`.wysiwyg--all-content`).
 */
import { bodyText, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = [
  '.wysiwyg--all-content',
  '#main-article-block .article-p-wrapper',
  '.article-p-wrapper',
  '#main-article-block .main-article-body',
  'main article',
];
const BODY_BLOCKS = 'p, h2, h3, li';
const TEASER = '.article-heading-des, .article__subhead, p.article-sub-heading';
const JUNK = [
  // 2019 layout: "More:" heading and its lists of related stories inside the body.
  'ul:has(h4)',
  'h4',
  'figure',
  '.article-body-adv',
  '.more-on',
  '.article-more-on',
  'aside',
  '.responsive-image',
  '.twitter-tweet',
  '[class*="newsletter"]',
];
const DROP = [/^(?:SOURCE|MORE:|Read more:|Follow .* on Twitter)\b/i];

export const aljazeera: SiteExtractor = {
  id: 'aljazeera',
  name: 'Al Jazeera',
  hosts: ['aljazeera.com', 'aljazeera.net'],
  extract($, page) {
    return {
      teaser: firstText($, [TEASER]) ?? page.meta.description,
      text: bodyText($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS, dropParagraphs: DROP }),
    };
  },
};
