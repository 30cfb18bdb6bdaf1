/**
 * Parses a page with cheerio's htmlparser2 backend (`cheerio/slim`): several times faster than
 * parse5 and, for reading article text, it gives the same result.
 */
import type { CheerioAPI } from 'cheerio';
import { load } from 'cheerio/slim';

export function loadHtml(html: string): CheerioAPI {
  return load(html);
}
