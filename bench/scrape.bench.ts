/**
 * `npm run bench:scrape`: time to scrape each corpus page against a bare htmlparser2
 * `cheerio.load` of the same pages, measured in the same run; prints the ratio (target <= 2.0).
 * A ratio, not an absolute: it holds on any machine.
 */
import { load } from 'cheerio/slim';
import { scrapePage } from '../src/scrape/index.ts';
import { loadCorpusPages } from './scrape-corpus.ts';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const TARGET = 2.0;

const pages = loadCorpusPages();
if (!pages.length) {
  process.stderr.write('no corpus pages found under ../shared/corpus/html\n');
  process.exit(2);
}

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

// Warm up both paths (JIT, lazy requires).
for (const p of pages) {
  load(p.html);
  try {
    scrapePage(p.html, p.url);
  } catch {}
}

let baseline = 0;
let scrape = 0;
for (let r = 0; r < ROUNDS; r++) {
  for (const p of pages) {
    baseline += time(() => load(p.html));
    scrape += time(() => {
      try {
        scrapePage(p.html, p.url);
      } catch {}
    });
  }
}
const n = pages.length * ROUNDS;
const ratio = scrape / baseline;
process.stdout.write(
  `pages: ${pages.length} x ${ROUNDS} rounds\n` +
    `bare cheerio/slim load: ${(baseline / n).toFixed(2)} ms/page\n` +
    `scrapePage:             ${(scrape / n).toFixed(2)} ms/page\n` +
    `ratio: ${ratio.toFixed(2)} (target <= ${TARGET})\n`,
);
if (process.argv.includes('--check') && ratio > TARGET) process.exitCode = 1;
