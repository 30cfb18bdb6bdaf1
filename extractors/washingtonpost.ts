/** The Washington Post (washingtonpost.com): paragraphs `[data-el="text"]` / `.article-body p`. */
import { bodyText, firstMatch } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const ARTICLE = ['article', 'main'];
const BODY_BLOCKS = '.article-body p, .article-body h2, .article-body h3, .article-body li';
const JUNK = [
  'figure',
  '[data-qa="article-body-ad"]',
  '.hide-for-print',
  'aside',
  '[data-qa="subscribe-promo"]',
  'blockquote.twitter-tweet',
  '[data-qa*="embed"]',
  '.twitter-tweet',
];

export const washingtonpost: SiteExtractor = {
  id: 'washingtonpost',
  name: 'The Washington Post',
  hosts: ['washingtonpost.com'],
  extract($) {
    return { text: bodyText($, firstMatch($, ARTICLE), { remove: JUNK, blocks: BODY_BLOCKS }) };
  },
};
