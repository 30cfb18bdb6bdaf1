/** Voice of America (voanews.com, Pangea CMS): body in `#article-content .wsw`. */
import { bodyText, firstMatch } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = ['#article-content .wsw', '.wsw'];
const BODY_BLOCKS = '> p, > h2, > h3, > ul > li, > blockquote p';
const JUNK = ['.wsw__embed', 'figure', '.media-block', '.clear', 'script'];

export const voa: SiteExtractor = {
  id: 'voa',
  name: 'Voice of America',
  hosts: ['voanews.com'],
  extract($, page) {
    return {
      authors: page.meta.authors.filter((a) => !/^(?:VOA News|Associated Press|Reuters|AFP)$/i.test(a)),
      text: bodyText($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS }),
    };
  },
};
