/** AP News (apnews.com): body in `div.RichTextStoryBody`. */
import { bodyText, firstMatch } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = ['.RichTextStoryBody', '.Article'];
const BODY_BLOCKS = '> p, > h2, > h3, > ul > li';
const JUNK = ['.Enhancement', '.ad', 'figure', 'script'];
/** Separators, contributor lines and promo links closing AP stories. */
const DROP = [
  /^_+$/,
  /contributed to this report\.?$/i,
  /^(?:What to know about|Follow the AP|Read more|Sign up for)/i,
];

export const apnews: SiteExtractor = {
  id: 'apnews',
  name: 'AP News',
  hosts: ['apnews.com'],
  extract($, page) {
    return {
      authors: page.meta.authors.map((a) =>
        a.replace(/\b([A-Z])([A-Z'-]+)\b/g, (_, f: string, r: string) => f + r.toLowerCase()),
      ),
      text: bodyText($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS, dropParagraphs: DROP }),
    };
  },
};
