/**
 * CNN (cnn.com). 2019 layout: `.zn-body__paragraph` blocks; current layout:
 * `.article__content p.paragraph`.
 */
import { bodyText, firstMatch } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const ARTICLE = ['.article__content', '[itemprop="articleBody"]', 'body'];
const BODY_BLOCKS = '.zn-body__paragraph, p.paragraph, .article__content > h2, .zn-body__paragraph + h3';
const JUNK = [
  '.el__embedded',
  '.el__leafmedia:not(.el__leafmedia--sourced-paragraph)',
  'figure',
  '.ad-slot',
  '.related-content',
];
const DROP = [/^(?:Read More|READ MORE:|Related:)/i];

export const cnn: SiteExtractor = {
  id: 'cnn',
  name: 'CNN',
  hosts: ['cnn.com'],
  extract($) {
    return {
      text: bodyText($, firstMatch($, ARTICLE), { remove: JUNK, blocks: BODY_BLOCKS, dropParagraphs: DROP }),
    };
  },
};
