/** Euronews (euronews.com): body in `div.c-article-content`. */
import { bodyText, firstMatch } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = ['.c-article-content', '.o-article-newsy__main__body'];
const BODY_BLOCKS = 'p, h2, h3, li';
const JUNK = [
  'figure',
  '.widget',
  '.c-ad',
  '[class*="advertising"]',
  '.c-article-partner',
  '.js-poool__content',
  'aside',
  '.c-article-you-might-also-like',
  '[class*="might-also-like"]',
  '.widget--type-related',
  '.c-article-caption',
];

export const euronews: SiteExtractor = {
  id: 'euronews',
  name: 'Euronews',
  hosts: ['euronews.com'],
  extract($, page) {
    return {
      // Euronews' JSON-LD names the organisation only: no persons.
      authors: page.meta.authors.filter((a) => !/^euronews$/i.test(a)),
      text: bodyText($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS }),
    };
  },
};
