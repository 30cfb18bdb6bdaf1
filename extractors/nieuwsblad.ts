/** Het Nieuwsblad (nieuwsblad.be, Mediahuis): body in `[data-testid="article-body"]`. */
import { bodyParagraphs, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = ['[data-testid="article-body"]'];
const BODY_BLOCKS = 'p, h2, h3, li';
const LEAD = '[data-testid="article-intro"], [data-testid="article-lead"]';
const JUNK = ['figure', 'aside', '[data-testid*="ad"]', '[data-testid="related-articles"]'];

export const nieuwsblad: SiteExtractor = {
  id: 'nieuwsblad',
  name: 'Het Nieuwsblad',
  hosts: ['nieuwsblad.be'],
  extract($, page) {
    const teaser = firstText($, [LEAD]) ?? page.meta.description;
    const paragraphs = bodyParagraphs($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS });
    return {
      teaser,
      // The lead is repeated as the body's first paragraph on some templates.
      text: paragraphs.filter((p, i) => !(i === 0 && teaser && p === teaser)).join('\n\n'),
      // The site name in the author field is not a person.
      authors: page.meta.authors.filter((a) => !/nieuwsblad/i.test(a)),
    };
  },
};
