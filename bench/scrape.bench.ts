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

/**
 * CPU time (user + system) of one call, in ms: unlike wall time it does not count the time the
 * process waits for a core, so the ratio holds on a busy shared machine.
 */
function time(fn: () => void): number {
  const t = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t);
  return (d.user + d.system) / 1000;
}

// Warm up both paths (JIT, lazy requires).
for (const p of pages) {
  load(p.html);
  try {
    scrapePage(p.html, p.url);
  } catch {}
}

// Best of ROUNDS per page for both paths, interleaved: other load on the machine inflates
// single runs, and the minimum is the most stable estimate of the work itself.
const bestLoad = pages.map(() => Number.POSITIVE_INFINITY);
const bestScrape = pages.map(() => Number.POSITIVE_INFINITY);
for (let r = 0; r < ROUNDS; r++) {
  pages.forEach((p, i) => {
    bestLoad[i] = Math.min(
      bestLoad[i]!,
      time(() => load(p.html)),
    );
    bestScrape[i] = Math.min(
      bestScrape[i]!,
      time(() => {
        try {
          scrapePage(p.html, p.url);
        } catch {}
      }),
    );
  });
}
const baseline = bestLoad.reduce((a, b) => a + b, 0);
const scrape = bestScrape.reduce((a, b) => a + b, 0);
const n = pages.length;
const ratio = scrape / baseline;
process.stdout.write(
  `pages: ${pages.length} x ${ROUNDS} rounds\n` +
    `bare cheerio/slim load: ${(baseline / n).toFixed(2)} ms/page (best of ${ROUNDS})\n` +
    `scrapePage:             ${(scrape / n).toFixed(2)} ms/page (best of ${ROUNDS})\n` +
    `ratio: ${ratio.toFixed(2)} (target <= ${TARGET})\n`,
);
if (process.argv.includes('--check') && ratio > TARGET) process.exitCode = 1;
