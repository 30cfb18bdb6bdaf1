/** The Guardian (theguardian.com): DCR layout, body in `#maincontent .article-body-commercial-selector`. */
import { allTexts, bodyText, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = [
  '#maincontent .article-body-commercial-selector',
  '.article-body-commercial-selector',
  '#maincontent',
];
const BODY_BLOCKS = '> p, > h2, > ul > li, > blockquote p';
const STANDFIRST = '[data-gu-name="standfirst"] p, [data-gu-name="standfirst"]';
const AUTHORS = 'a[rel="author"]';
const JUNK = ['figure', 'aside', '[data-spacefinder-role]', '.ad-slot', 'gu-island'];
const DROP = [/^(?:Sign up to|Privacy Notice:|after newsletter promotion)/i];

export const guardian: SiteExtractor = {
  id: 'guardian',
  name: 'The Guardian',
  hosts: ['theguardian.com', 'guardian.co.uk'],
  extract($, page) {
    const authors = allTexts($, AUTHORS);
    return {
      teaser: firstText($, [STANDFIRST]) ?? page.meta.description,
      authors: authors.length ? authors : page.meta.authors,
      text: bodyText($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS, dropParagraphs: DROP }),
    };
  },
};
