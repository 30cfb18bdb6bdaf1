/**
 * Template perturbations of real pages, for `npm run eval:scrape -- --perturb`: the same page
 * and the same ground truth, its markup rewritten in the shapes that defeat generic extractors
 * on unseen sites (paragraphs in `div`s, no class or id names, a body split in two containers
 * with a widget between them, a widget of story cards above the body, paragraphs as `<br>`
 * runs). A generic extractor that holds its score under all of them relies on no accident of
 * one template. Inserted widgets carry our own text, which is never body.
 */
import * as cheerio from 'cheerio';
import type { AnyNode, Element } from 'domhandler';

export type Perturbation = 'divs' | 'no-hints' | 'split' | 'widget-above' | 'br-runs';
export const PERTURBATIONS: readonly Perturbation[] = [
  'divs',
  'no-hints',
  'split',
  'widget-above',
  'br-runs',
];

const TEASERS = [
  'The night ferry is back on its winter timetable, and the harbour office says the first crossing will leave half an hour earlier.',
  'A bakery on the corner of the old square has been run by the same family for four generations, and it is about to close.',
  'The regional orchestra will play its spring programme in three villages that have never had a concert hall of their own.',
  'Engineers have finished testing the new flood gates, which the city hopes will protect the lower quay for the next fifty years.',
  'A volunteer group has planted two thousand trees along the ring road since March, most of them oaks and wild cherries.',
];

function isTag(n: AnyNode): n is Element {
  return n.type === 'tag';
}

/** The element with the most text-bearing `<p>` children: the body container of most pages. */
function bodyContainer($: cheerio.CheerioAPI): Element | null {
  let best: Element | null = null;
  let bestN = 0;
  $('p').each((_, p) => {
    const parent = p.parent;
    if (!parent || !isTag(parent)) return;
    const n = (parent.children ?? []).filter(
      (c) => isTag(c) && c.name === 'p' && $(c).text().trim().length > 40,
    ).length;
    if (n > bestN) {
      bestN = n;
      best = parent;
    }
  });
  return bestN >= 2 ? best : null;
}

function cardList(): string {
  return `<div><ul>${TEASERS.map((t, i) => `<li><a href="/story/${i}"><h3>${t.split(',')[0]}</h3></a><p>${t}</p></li>`).join('')}</ul></div>`;
}

export function perturb(html: string, kind: Perturbation): string {
  const $ = cheerio.load(html);
  switch (kind) {
    case 'divs':
      $('p').each((_, el) => {
        (el as Element).name = 'div';
      });
      break;
    case 'no-hints':
      $('*').each((_, el) => {
        const e = el as Element;
        for (const a of Object.keys(e.attribs ?? {}))
          if (a === 'class' || a === 'id' || a === 'itemprop' || a.startsWith('data-')) delete e.attribs[a];
        if (e.name === 'article' || e.name === 'main' || e.name === 'section') e.name = 'div';
      });
      break;
    case 'split': {
      const body = bodyContainer($);
      if (!body) break;
      const kids = (body.children ?? []).filter(isTag);
      const ps = kids.filter((c) => c.name === 'p');
      const cut = ps[Math.floor(ps.length / 2)];
      if (!cut) break;
      const rest = kids.slice(kids.indexOf(cut));
      const cls = body.attribs?.class ? `${body.attribs.class}-continued` : 'continued';
      const second = $(`<div class="${cls}"></div>`);
      for (const k of rest) second.append(k);
      $(body).after(second);
      $(body).after(
        `<div class="inline-module"><h4>Watch next</h4><a href="/video/1">${TEASERS[0]!.split(',')[0]}</a><p>${TEASERS[1]}</p></div>`,
      );
      break;
    }
    case 'widget-above': {
      const body = bodyContainer($);
      const first = body && (body.children ?? []).find((c) => isTag(c) && c.name === 'p');
      if (first) $(first).before(cardList());
      break;
    }
    case 'br-runs': {
      const body = bodyContainer($);
      if (!body) break;
      $(body)
        .children('p')
        .each((_, p) => {
          $(p).replaceWith(`${$(p).html() ?? ''}<br><br>`);
        });
      break;
    }
  }
  return $.html();
}
