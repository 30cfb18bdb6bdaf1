/**
 * The generic extractor, for every host without a site extractor (and the fallback when a site
 * extractor finds no body): metadata from JSON-LD, OpenGraph and meta tags, body from the
 * Readability-like main-text scorer.
 */
import type { CheerioAPI } from 'cheerio';
import { joinParagraphs } from '../src/scrape/html-text.ts';
import { extractMainText } from '../src/scrape/main-text.ts';
import type { ExtractedFields, PageContext } from './types.ts';

/** Paragraphs that are page furniture wherever they appear. */
const BOILERPLATE =
  /^(?:advertisement|anzeige|publicité|publicidad|share this(?: article| story)?|read more|related(?: articles| stories)?|sign up|subscribe|follow us|click here|skip (?:to|next)|image:|photo:|foto:|bild:|getty images|reuters|ap photo|©)\b/i;

/** Promotions and contributor lines that close many articles. */
const TRAILERS = [
  /^Like this story\?/i,
  /^Have a tip\?/i,
  /^Get the latest .{0,40} in your inbox/i,
  /^Subscribe to .{0,40}newsletters?\b/i,
  /^(?:[A-Z][\w.'-]+ )+writers? .{0,200} contributed (?:to )?this report\.?$/,
  /^Our Standards:/i,
];

export function extractGeneric($: CheerioAPI, page: PageContext): ExtractedFields {
  const h1 = $('h1').first().text().replace(/\s+/g, ' ').trim();
  const { paragraphs } = extractMainText($);
  const title = page.meta.title;
  const kept = paragraphs.filter(
    (p, i) =>
      !(p.length < 60 && BOILERPLATE.test(p)) &&
      // The headline and the standfirst are not body text.
      !(i < 3 && (p === title || p === h1)) &&
      !TRAILERS.some((re) => re.test(p)),
  );
  return {
    title: page.meta.jsonLd ? page.meta.title : h1 || page.meta.title,
    text: joinParagraphs(kept),
  };
}
