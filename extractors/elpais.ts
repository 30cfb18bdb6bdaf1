/** El País (elpais.com): body in `article div.a_c`. */
import { bodyText, firstMatch, firstText } from './select-text.ts';
import type { SiteExtractor } from './types.ts';

const BODY = ['article .a_c', '[data-dtm-region="articulo_cuerpo"]'];
const BODY_BLOCKS = '> p, > h2, > h3, > ul > li, > blockquote p';
const TEASER = 'article .a_st, h2.a_st';
const JUNK = ['figure', 'aside', '.ad', '[class*="nwl"]', '#sumario_', '.a_md'];

export const elpais: SiteExtractor = {
  id: 'elpais',
  name: 'El País',
  hosts: ['elpais.com'],
  extract($, page) {
    return {
      teaser: firstText($, [TEASER]) ?? page.meta.description,
      text: bodyText($, firstMatch($, BODY), { remove: JUNK, blocks: BODY_BLOCKS }),
    };
  },
};
