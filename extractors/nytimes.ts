/**
 * The New York Times (nytimes.com). 2017 layout: `p.story-body-text`; current layout:
 * `section[name="articleBody"] p`.
 */
import { bodyText, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const ARTICLE = ['article#story', 'article', 'main'];
const BODY_BLOCKS =
  'p.story-body-text, section[name="articleBody"] p, section[name="articleBody"] h2, .story-body h2';
const AUTHORS = 'meta[name="byl"]';
const JUNK = ['figure', 'aside', '.ad', '[data-testid="photoviewer-wrapper"]', '.story-ad'];

export const nytimes: SiteExtractor = {
  id: 'nytimes',
  name: 'The New York Times',
  hosts: ['nytimes.com'],
  extract($, page) {
    const byline =
      $(AUTHORS)
        .attr('content')
        ?.replace(/^By\s+/i, '') ?? null;
    const authors = byline ? byline.split(/\s*(?:,|\band\b)\s*/).filter(Boolean) : page.meta.authors;
    return {
      title: firstText($, ['h1[itemprop="headline"]', 'h1']) ?? page.meta.title,
      authors,
      text: bodyText($, firstMatch($, ARTICLE), { remove: JUNK, blocks: BODY_BLOCKS }),
    };
  },
};
